"""Snapshots of the part-1 screens in Dutch and English, on a workshop with fixed ids and texts.

Update after a deliberate change with `python3 -m pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the SVGs in __snapshots__ before committing them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from .conftest import SIZE, build_workshop, make_app
from .pilot import settle


def steady_cursors(pilot) -> None:
    """A blinking cursor is on or off depending on when the picture is taken (under load, a
    different phase each run): pin it on, as it is between blinks."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


NAVIGATION: dict[str, tuple[str, ...]] = {
    "home": (),
    "workshop": ("enter",),
    "persona_card": ("enter", "enter"),
    "persona_form": ("enter", "p"),
    "empathy_map": ("enter", "tab", "enter"),
    "gemba_setup": ("enter", "g"),
    "gemba_walk": ("enter", "tab", "gemba-1"),
    "arena_setup": ("enter", "a"),
    "arena_live": ("enter", "tab", "arena-1"),
    "synthesis": ("enter", "s"),
}


async def go_to(pilot, screen: str) -> None:
    """From the home screen to `screen` by the keys of NAVIGATION; waits until the app settles
    (no busy worker, no queued message) before each key."""
    for key in NAVIGATION[screen]:
        await settle(pilot)
        if key.startswith(("gemba-", "arena-")):  # open a session by its id from the sessions list
            sessions_list = pilot.app.screen.query_one("#sessions")
            sessions_list.highlighted = sessions_list.get_option_index(key)
            key = "enter"
        await pilot.press(key)
    await settle(pilot)


def compare(snap_compare, folder: Path, monkeypatch: pytest.MonkeyPatch, language: str, run_before) -> bool:
    """The snapshot of the test workshop in `language` after `run_before`."""
    monkeypatch.chdir(folder)
    build_workshop(Path("sessions"), language)
    app = make_app(Path("sessions"), language)
    try:
        return snap_compare(app, terminal_size=SIZE, run_before=run_before)
    finally:
        if app.autosaver is not None:
            app.autosaver.close(timeout=2)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("screen", list(NAVIGATION))
def test_screen(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, screen: str, language: str
) -> None:
    async def navigate(pilot) -> None:
        await go_to(pilot, screen)
        steady_cursors(pilot)
        await pilot.pause()

    assert compare(snap_compare, tmp_path, monkeypatch, language, navigate)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_palette_on_the_gemba_walk(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Only the walk's commands and the app's, in the UI language: no Textual editing keys."""

    async def open_palette(pilot) -> None:
        from textual.command import CommandList

        await go_to(pilot, "gemba_walk")
        await pilot.press("ctrl+p")
        for _ in range(500):  # the palette gathers in a worker: wait for all ten commands
            lists = pilot.app.screen.query(CommandList)
            if lists and lists.first().option_count == 10:
                break
            await pilot.pause(0.02)
        await settle(pilot)  # every provider has answered
        steady_cursors(pilot)
        await pilot.pause()

    assert compare(snap_compare, tmp_path, monkeypatch, language, open_palette)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_help_on_the_arena(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The arena's own keys first, grouped, in the UI language; the app-wide keys last."""

    async def open_help(pilot) -> None:
        await go_to(pilot, "arena_live")
        await pilot.press("f1")
        await pilot.pause()
        await pilot.pause()

    assert compare(snap_compare, tmp_path, monkeypatch, language, open_help)
