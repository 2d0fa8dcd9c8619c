"""The home screen lists from the kept summaries: in the first frame when they are fresh."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest
from textual.widgets import OptionList

from workshop.store import SessionStore
from workshop.store.listing import SUMMARY_FILE, list_workshops
from workshop.tui.screens.home import HomeScreen

from .conftest import SIZE, make_app, sync


def _aged(sessions: Path) -> None:
    stamp = time.time_ns() - 3600 * 10**9
    for path in sessions.rglob("*.toml"):
        os.utime(path, ns=(stamp, stamp))


def test_fresh_summaries_are_listed_before_any_worker_runs(
    sessions: Path, apps, monkeypatch: pytest.MonkeyPatch
) -> None:
    asyncio.run(_listed_in_the_first_frame(sessions, apps, monkeypatch))


async def _listed_in_the_first_frame(sessions: Path, apps, monkeypatch: pytest.MonkeyPatch) -> None:
    _aged(sessions)
    list_workshops(sessions, SessionStore(sessions).summarise)  # left by a previous start
    workers: list[str] = []
    monkeypatch.setattr(HomeScreen, "load", lambda self: workers.append("load"))
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert workers == [], "no listing worker was needed"
        assert screen.summaries is not None and [s.title for s in screen.summaries] == ["Polikliniek knie"]
        assert screen.query_one("#workshops", OptionList).option_count == 1
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store is not None, "the store is made ready once the list shows"


@sync
async def test_a_stale_summary_is_made_again_off_the_ui_thread(sessions: Path, apps) -> None:
    _aged(sessions)
    list_workshops(sessions, SessionStore(sessions).summarise)
    folder = sessions / "polikliniek-knie"
    (folder / SUMMARY_FILE).write_text("format = 1\n", encoding="utf-8")
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert screen.summaries is not None and [s.title for s in screen.summaries] == ["Polikliniek knie"]
        assert 'title = "Polikliniek knie"' in (folder / SUMMARY_FILE).read_text(encoding="utf-8")
