"""Commands import only what they use: the cheap ones never load pydantic, Jinja2 or Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop import cli
from workshop.model import LANGUAGES

HEAVY = ("pydantic", "workshop.model", "jinja2", "textual", "rich", "workshop.report", "workshop.tui")
EXAMPLE = Path(__file__).resolve().parents[2] / "sessions"


def _loaded_after(args: list[str], sessions: Path) -> tuple[set[str], str]:
    script = (
        "import sys\nfrom workshop.cli import main\n"
        f"code = main({args!r})\n"
        f"print('LOADED', *sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "WORKSHOP_SESSIONS": str(sessions)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("LOADED"), result.stdout + result.stderr
    return set(last.split()[1:]), result.stdout


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    """A copy of the example whose summary is fresh (its files look an hour old)."""
    import shutil
    import time

    target = tmp_path / "sessions"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".*"))
    stamp = time.time_ns() - 3600 * 10**9
    for path in target.rglob("*.toml"):
        os.utime(path, ns=(stamp, stamp))
    subprocess.run([sys.executable, "-m", "workshop", "--sessions", str(target), "list"], check=True)
    return target


def test_list_with_fresh_summaries_loads_no_model(listed: Path) -> None:
    loaded, out = _loaded_after(["list"], listed)
    assert "Polikliniek orthopedie" in out and "155 notes" in out
    assert loaded == set()


def test_version_loads_nothing_heavy(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom workshop.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        f"print('LOADED', *sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["workshop 0.1.0", "LOADED"]


def test_phases_loads_the_model_but_not_the_report_or_the_app(tmp_path: Path) -> None:
    loaded, out = _loaded_after(["phases"], tmp_path)
    assert "five-stage" in out
    assert loaded <= {"pydantic", "workshop.model"}


def test_the_command_lines_languages_are_the_models() -> None:
    assert cli.LANGUAGES == LANGUAGES


def test_the_presets_built_without_validation_are_valid() -> None:
    from workshop.model import PRESETS, Phase

    for preset in PRESETS.values():
        for phase in preset.phases:
            checked = Phase.model_validate({"key": phase.key, "nl": phase.nl, "en": phase.en})
            assert checked == phase
            assert checked.model_fields_set == phase.model_fields_set


@pytest.mark.parametrize(
    "text",
    ["Polikliniek orthopedie", "Zeg \x1b[2J", "rechts \u202etxt.exe", "tab\there", "regel\u2028twee", "a\nb"],
)
@pytest.mark.parametrize("keep_newlines", [True, False])
def test_the_printable_shortcut_escapes_exactly_what_escape_controls_does(
    text: str, keep_newlines: bool
) -> None:
    from workshop.model.controls import escape_controls

    assert cli._escaped(text, keep_newlines) == escape_controls(text, keep_newlines=keep_newlines)


_BUILT_SCHEMAS = (
    "from workshop.model import Model\n"
    "def _all(cls):\n"
    "    for sub in cls.__subclasses__():\n"
    "        yield sub\n"
    "        yield from _all(sub)\n"
    "built = sorted({c.__name__ for c in _all(Model) if c.__pydantic_complete__})\n"
    "print('BUILT', *built)\n"
    "print('PLUGINS', 'pydantic.plugin._loader' in sys.modules)\n"
)


def _built_after(statement: str) -> tuple[list[str], str]:
    """The model classes whose schema was built after `statement`, and whether pydantic's plugin
    loader (which imports importlib.metadata, email, zipfile: ~20 ms) was loaded."""
    script = f"import sys\n{statement}\n{_BUILT_SCHEMAS}"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    built = next(line for line in result.stdout.splitlines() if line.startswith("BUILT"))
    plugins = next(line for line in result.stdout.splitlines() if line.startswith("PLUGINS"))
    return built.split()[1:], plugins.split()[1]


def test_importing_the_model_builds_no_schema() -> None:
    """defer_build: a schema is built when a class first validates, not at every start."""
    built, plugins = _built_after("import workshop.model")
    assert built == [] and plugins == "False"


def test_phases_builds_no_schema() -> None:
    """The presets are made without validation, so listing them builds no schema at all."""
    built, plugins = _built_after(
        "import contextlib, io\nfrom workshop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    assert main(['phases']) == 0"
    )
    assert built == [] and plugins == "False"


def test_validate_builds_only_the_schemas_of_the_files_it_reads(tmp_path: Path) -> None:
    """A folder with one workshop.toml builds the Workshop schema (and what it nests), not
    the schemas of the document kinds it does not hold."""
    folder = tmp_path / "sessions" / "een"
    folder.mkdir(parents=True)
    (folder / "workshop.toml").write_text('schema_version = 1\nid = "ws-1"\ntitle = "Een"\n', "utf-8")
    built, _ = _built_after(
        "import contextlib, io\nfrom workshop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['validate', {str(folder)!r}]) == 0"
    )
    assert "Workshop" in built
    assert not {"GembaWalk", "CustomerArena", "EmpathyMap", "Synthesis", "Persona"} & set(built)


def test_validating_good_files_loads_no_report_ui_or_suggestions() -> None:
    """difflib (for "did you mean") loads only when a file has an unknown key; the report,
    Jinja2 and the terminal UI never load for validate or show."""
    for args in (["validate"], ["show", "polikliniek-orthopedie"]):
        script = (
            "import sys\nfrom workshop.cli import main\n"
            f"code = main({args!r})\n"
            f"print('LOADED', *sorted(m for m in {(*HEAVY, 'difflib')!r} if m in sys.modules))\n"
        )
        env = {**os.environ, "WORKSHOP_SESSIONS": str(EXAMPLE)}
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
        last = result.stdout.strip().splitlines()[-1]
        assert set(last.split()[1:]) == {"pydantic", "workshop.model"}, (args, last, result.stderr)


def test_an_unknown_key_still_gets_its_suggestion(tmp_path: Path) -> None:
    folder = tmp_path / "een"
    folder.mkdir()
    (folder / "workshop.toml").write_text('schema_version = 1\nid = "ws-1"\ntitel = "Een"\n', "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "validate", str(folder)], capture_output=True, text=True
    )
    assert result.returncode == cli.EXIT_USAGE
    assert 'did you mean "title"?' in result.stderr
