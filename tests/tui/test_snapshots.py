"""Snapshots of the part-1 screens in Dutch and English, on a workshop with fixed ids and texts.

Update after a deliberate change with `python3 -m pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the SVGs in __snapshots__ before committing them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SIZE, build_workshop, make_app
from .pilot import settle

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
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("screen", list(NAVIGATION))
def test_screen(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, screen: str, language: str
) -> None:
    monkeypatch.chdir(tmp_path)
    build_workshop(Path("sessions"), language)
    app = make_app(Path("sessions"), language)

    async def navigate(pilot) -> None:
        for key in NAVIGATION[screen]:
            await settle(pilot)
            if key.startswith(("gemba-", "arena-")):  # open a session by its id from the sessions list
                sessions_list = pilot.app.screen.query_one("#sessions")
                sessions_list.highlighted = sessions_list.get_option_index(key)
                key = "enter"
            await pilot.press(key)
        await settle(pilot)

    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=navigate)
    finally:
        if app.autosaver is not None:
            app.autosaver.close(timeout=2)
