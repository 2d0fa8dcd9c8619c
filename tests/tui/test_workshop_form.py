"""The workshop form makes custom phases in the workshop's own language."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Select, TextArea

from workshop.tui.screens.workshop import WorkshopScreen
from workshop.tui.screens.workshop_form import WorkshopFormScreen

from .conftest import SIZE, make_app, sync


@sync
async def test_an_english_workshop_gets_english_only_custom_phases(tmp_path: Path, apps) -> None:
    sessions = tmp_path / "sessions"
    app = make_app(sessions, "en")
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, WorkshopFormScreen)
        await pilot.press(*"Mortgage")
        form.query_one("#language", Select).value = "en"
        form.query_one("#phase_model", Select).value = "custom"
        form.query_one("#phases", TextArea).text = "Apply\nAanbod|Offer\n\nWait for the valuation"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
    data = tomllib.loads((sessions / "mortgage" / "workshop.toml").read_text(encoding="utf-8"))
    assert data["language"] == "en"
    assert data["phases"] == [
        {"key": "apply", "en": "Apply"},
        {"key": "offer", "nl": "Aanbod", "en": "Offer"},
        {"key": "wait-for-the-valuation", "en": "Wait for the valuation"},
    ]
