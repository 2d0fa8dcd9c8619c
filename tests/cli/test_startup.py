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
