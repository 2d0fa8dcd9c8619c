"""Counts in command output read as a person would write them: "1 problem", not "1 problems";
and `show` never adds up the waits of different customers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "sessions" / "polikliniek-orthopedie"


def _workshop(sessions: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "--sessions", str(sessions), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout


def test_one_problem_is_singular(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    shutil.copytree(EXAMPLE, sessions / EXAMPLE.name)
    (sessions / EXAMPLE.name / "persona-daan-verhoef.toml").write_text("name = [", encoding="utf-8")
    listing = _workshop(sessions, "list")
    assert "(1 problem: run workshop validate)" in listing and "1 problems" not in listing
    (sessions / EXAMPLE.name / "persona-riet-hoogendoorn.toml").write_text("name = [", encoding="utf-8")
    assert "(2 problems: run workshop validate)" in _workshop(sessions, "list")


def test_show_gives_median_and_longest_wait_never_a_sum(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    shutil.copytree(EXAMPLE, sessions / EXAMPLE.name)
    shown = _workshop(sessions, "show", EXAMPLE.name)
    assert "15 waits (median 14 min, longest 38 min)" in shown
    assert "222 min" not in shown  # the sum of fifteen waits, which nobody had
