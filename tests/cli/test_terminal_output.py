"""A hostile workshop cannot drive the terminal: every CLI output shows control characters
escaped, the way `validate` does."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.model import (
    Action,
    ArenaNote,
    Customer,
    CustomerArena,
    EmpathyItem,
    EmpathyMap,
    GembaWalk,
    Observation,
    Persona,
    RouteStep,
    Staff,
    Workshop,
    default_rounds,
)
from workshop.model.controls import escape_controls, has_controls
from workshop.store import SessionStore

REPO = Path(__file__).resolve().parents[2]

CLEAR = "\x1b[2J\x1b[H"
TITLE = "\x1b]0;you have been pwned\x07"
BEL = "\x07"
RLO = "\u202e"
C1 = "\x9b31m"  # a C1 CSI: some terminals act on it like ESC [
HOSTILE = f"{CLEAR}Kapot{TITLE}{BEL}{RLO}txt.exe{C1}"

# Anything a terminal could act on: C0 but newline, DEL, C1, bidi controls, line separators.
FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "WORKSHOP_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "workshop", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        timeout=60,
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    store = SessionStore(tmp_path)
    loaded = store.create_workshop(
        Workshop(
            title=f"Hypotheek {HOSTILE}",
            goal=f"Doel {HOSTILE}\nnog een regel {BEL}",
            product=HOSTILE,
            actions=[Action(text=f"Actie {HOSTILE}", owner=HOSTILE, due=dt.date(2026, 11, 2))],
        )
    )
    persona = Persona(name=f"Anna {HOSTILE}", segment=HOSTILE, quote=HOSTILE)
    store.add(loaded, persona)
    store.add(
        loaded,
        EmpathyMap(
            title=f"Kaart {HOSTILE}",
            persona=persona.id,
            items=[EmpathyItem(section="says", text=f"Zegt {HOSTILE}")],
        ),
    )
    customer, staff = Customer(alias=f"Klant {HOSTILE}"), Staff(name=f"Medewerker {HOSTILE}")
    rounds = default_rounds("nl")
    rounds[0].notes.append(ArenaNote(speaker=customer.id, text=f"Notitie {HOSTILE}"))
    store.add(loaded, CustomerArena(title=f"Arena {HOSTILE}", inner=[customer], outer=[staff], rounds=rounds))
    step = RouteStep(name=f"Balie {HOSTILE}")
    store.add(
        loaded,
        GembaWalk(
            title=f"Walk {HOSTILE}",
            route=[step],
            observations=[Observation(text=f"Waarneming {HOSTILE}", step=step.id)],
        ),
    )
    return tmp_path


def test_the_hostile_workshop_really_holds_the_controls(hostile: Path) -> None:
    texts = "".join(path.read_text(encoding="utf-8") for path in hostile.rglob("*.toml"))
    assert "\\u001b" in texts or "\\u001B" in texts  # TOML stores ESC escaped; loading gives it back
    shown = SessionStore(hostile).load_folder(next(hostile.iterdir()))
    assert shown.bundle is not None and CLEAR in shown.bundle.workshop.title


@pytest.mark.parametrize("command", [["show"], ["list"], ["validate"], []])
def test_show_and_list_print_no_control_character(hostile: Path, command: list[str]) -> None:
    result = run("--sessions", str(hostile), *command)
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert output.strip()
    assert FORBIDDEN.findall(output) == []
    if command in (["show"], []):
        assert "Kapot\\x1b]0;you have been pwned\\x07\\x07\\u202etxt.exe\\x9b31m" in output


def test_show_keeps_its_own_line_breaks_but_not_a_title_s(hostile: Path) -> None:
    lines = run("--sessions", str(hostile), "show").stdout.splitlines()
    assert lines[0].startswith("Hypotheek \\x1b[2J\\x1b[HKapot")
    assert any(line.lstrip().startswith("nog een regel \\x07") for line in lines)
    listed = run("--sessions", str(hostile), "list").stdout.splitlines()
    assert len(listed) == 1


def test_report_messages_are_escaped(hostile: Path, tmp_path: Path) -> None:
    slug = next(path.name for path in hostile.iterdir() if path.is_dir())
    result = run(
        "--sessions", str(hostile), "report", slug, "--persona", HOSTILE, "--out", str(tmp_path / "out")
    )
    assert result.returncode == 2
    assert FORBIDDEN.findall(result.stdout + result.stderr) == []
    assert "\\u202e" in result.stderr


def test_escape_controls_is_one_function_for_everything() -> None:
    assert escape_controls(HOSTILE) == (
        "\\x1b[2J\\x1b[HKapot\\x1b]0;you have been pwned\\x07\\x07\\u202etxt.exe\\x9b31m"
    )
    assert escape_controls("a\nb\tc\r") == "a\\nb\\tc\\r"
    assert escape_controls("a\nb", keep_newlines=True) == "a\nb"
    assert escape_controls("Zoë → café ✓ 👩‍⚕️") == "Zoë → café ✓ 👩‍⚕️"  # ZWJ emoji and accents stay
    assert (
        has_controls("x\u2066y") and not has_controls("x\ny") and has_controls("x\ny", allow_newlines=False)
    )
