"""The `workshop` command as a user runs it: real processes, real files, exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "sessions" / "polikliniek-orthopedie"


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    environment.pop("WORKSHOP_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "workshop", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env=environment,
        timeout=60,
    )


def test_new_list_show_validate(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    created = run(
        "--sessions",
        str(sessions),
        "new",
        "Poli Orthopedie",
        "--phases",
        "dcjm",
        "--lang",
        "en",
        "--goal",
        "Minder wachten",
    )
    assert created.returncode == 0, created.stderr
    path = Path(created.stdout.strip())
    assert path == sessions / "poli-orthopedie" / "workshop.toml"
    data = tomllib.loads(path.read_text())
    assert (data["title"], data["phase_model"], data["language"], data["goal"]) == (
        "Poli Orthopedie",
        "dcjm",
        "en",
        "Minder wachten",
    )

    listed = run("list", env={"WORKSHOP_SESSIONS": str(sessions)})
    assert listed.returncode == 0
    assert "poli-orthopedie  Poli Orthopedie  [0 personas, 0 sessions, 0 notes]" in listed.stdout

    shown = run("--sessions", str(sessions), "show", "poli-orthopedie")
    assert shown.returncode == 0
    assert "Latent need → Concrete need → Orientation" in shown.stdout

    validated = run("--sessions", str(sessions), "validate")
    assert (validated.returncode, validated.stdout.strip()) == (0, "ok: 1 file(s) valid")


def test_new_with_custom_phases(tmp_path: Path) -> None:
    result = run(
        "--sessions",
        str(tmp_path),
        "new",
        "Poli",
        "--phases",
        "custom",
        "--phase",
        "Aanmelden|Check-in",
        "--phase",
        "Wachten",
    )
    assert result.returncode == 0, result.stderr
    data = tomllib.loads(Path(result.stdout.strip()).read_text())
    assert data["phases"] == [
        {"key": "check-in", "nl": "Aanmelden", "en": "Check-in"},
        {"key": "wachten", "nl": "Wachten"},
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bogus"], "workshop: argument COMMAND: invalid choice: 'bogus'"),
        (
            ["new", "X", "--phases", "nope"],
            'workshop: unknown phase model "nope"; expected one of dcjm, five-stage',
        ),
        (["new", "X", "--phase", "A"], "workshop: --phase goes with --phases custom"),
        (["new", "X", "--phases", "custom"], "workshop: --phases custom needs at least one --phase LABEL"),
        (["new", "   "], "workshop: the title is empty"),
        (["new", "X", "--lang", "de"], "workshop: argument --lang: invalid choice: 'de'"),
        (["show", "geen-workshop"], 'workshop: sessions: no workshop "geen-workshop" here'),
        (["validate", "/nonexistent/place"], "/nonexistent/place: no such file or folder"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(message), result.stderr
    assert "Traceback" not in result.stderr
    assert len([line for line in lines if not line.endswith("checked")]) == 1


def test_phases_lists_every_preset() -> None:
    result = run("phases")
    assert result.returncode == 0
    for name in ["dcjm", "five-stage", "touch-tell-sell-care", "seven-stage", "discovery-endgame", "custom"]:
        assert f"{name}:" in result.stdout
    assert "latent-need" in result.stdout and "Latente behoefte" in result.stdout


def test_the_example_workshop_validates() -> None:
    result = run("validate", "sessions")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_a_broken_copy_of_the_example_fails_clearly(tmp_path: Path) -> None:
    copy = tmp_path / "kopie"
    shutil.copytree(EXAMPLE, copy)
    walk = next(copy.glob("gemba-*.toml"))
    text = walk.read_text(encoding="utf-8")
    walk.write_text(text.replace("severity = ", "severity = 1", 1), encoding="utf-8")  # 1N: out of range
    persona = next(copy.glob("persona-*.toml"))
    persona.write_text(persona.read_text(encoding="utf-8").replace("name = ", "naam = ", 1), encoding="utf-8")
    result = run("validate", str(copy))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert any(
        f"{walk.name}:" in line and "severity: Input should be less than or equal to 5" in line
        for line in lines
    ), lines
    assert any(f"{persona.name}:" in line and 'unknown key "naam"' in line for line in lines), lines
    assert lines[-1].endswith("file(s) checked")
    single = run("validate", str(walk))
    assert single.returncode == 2 and persona.name not in single.stderr


def test_show_prints_the_example() -> None:
    result = run("show")
    assert result.returncode == 0, result.stderr
    assert (
        "gemba walk:" in result.stdout
        and "customer arena:" in result.stdout
        and "empathy map:" in result.stdout
    )


def test_internal_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.write_text("not a folder")
    result = run("--sessions", str(sessions), "new", "X")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_english_workshop_custom_phase_is_stored_as_english(tmp_path: Path) -> None:
    result = run(
        "--sessions",
        str(tmp_path),
        "new",
        "Mortgage",
        "--lang",
        "en",
        "--phases",
        "custom",
        "--phase",
        "Apply",
        "--phase",
        "Aanbod|Offer",
    )
    assert result.returncode == 0, result.stderr
    data = tomllib.loads(Path(result.stdout.strip()).read_text())
    assert data["phases"] == [
        {"key": "apply", "en": "Apply"},
        {"key": "offer", "nl": "Aanbod", "en": "Offer"},
    ]
    shown = run("--sessions", str(tmp_path), "show", "mortgage")
    assert "phases (custom): Apply → Offer" in shown.stdout
