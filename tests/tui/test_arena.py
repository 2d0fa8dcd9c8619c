"""The customer arena in the app: the ring rule refused then overridden, three rounds of notes
with speakers, a commitment, and the countdown on a clock the test controls."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input, Static, TextArea

from workshop.model import Touchpoint
from workshop.tui.screens.arena import ArenaScreen
from workshop.tui.screens.arena_setup import ArenaSetupScreen

from .conftest import SIZE, make_app, sync
from .pilot import settle, wait_until

CUSTOMERS = "Mevrouw B., 74 jaar, knieartrose, +\nMeneer D., 38 jaar\nMevrouw Y., 66 jaar, +"
STAFF = "Petra Smit, balie\nMark de Groot, orthopeed"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def line(pilot, text: str) -> None:
    pilot.app.screen.query_one("#note", Input).value = text
    await pilot.press("enter")


@sync
async def test_a_full_arena(sessions: Path, apps, monkeypatch) -> None:
    clock = FakeClock()
    original_init = ArenaScreen.__init__
    monkeypatch.setattr(
        ArenaScreen, "__init__", lambda self, bench, arena: original_init(self, bench, arena, clock)
    )
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, ArenaSetupScreen)
        setup.query_one("#title", Input).value = "Klantarena knie"
        setup.query_one("#themes", TextArea).text = "Afspraak maken\nWachten en uitleg"
        setup.query_one("#inner", TextArea).text = CUSTOMERS
        setup.query_one("#outer", TextArea).text = STAFF
        setup.query_one("#minutes", Input).value = "20 15 10"
        await settle(pilot)
        assert "3 klanten, 2 medewerkers" in str(setup.query_one("#ring", Static).content)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ArenaSetupScreen), "a smaller outer ring is refused"
        assert "Niet gestart" in str(setup.query_one("#ring", Static).content)
        setup.query_one(
            "#override", Input
        ).value = "De derde medewerker is ziek; afgestemd met de opdrachtgever."
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArenaScreen)
        assert "Ronde 1/3" in str(screen.query_one("#round", Static).content)

        app.loaded.bundle.workshop.touchpoints.append(Touchpoint(id="tp-tel", name="Telefoon planning"))
        await pilot.press("f5")  # start the clock
        clock.now += 19 * 60 + 30
        screen.tick()
        assert str(screen.query_one("#timer", Static).content) == "00:30"
        await line(pilot, '1: "Ik moest drie keer bellen" -2 @aankoop')
        await line(pilot, "2: Niemand vertelde hoe lang het zou duren -1 #telefoon")
        clock.now += 45
        screen.tick()
        assert str(screen.query_one("#timer", Static).content) == "+00:15"
        assert screen.query_one("#timer").has_class("-over")
        await line(pilot, "Nog steeds aan het woord, ook na de tijd")  # typing is never blocked
        await pilot.press("f8")
        await settle(pilot)
        assert "Ronde 2/3" in str(screen.query_one("#round", Static).content)
        await line(pilot, "1: Wat had u willen weten?")  # round 2: staff first
        await line(pilot, "4: Of ik mocht blijven zitten +1")
        await pilot.press("f8")
        await settle(pilot)
        await line(pilot, "2: Wij zetten de uitloop op het scherm @retentie")
        await pilot.press("tab")  # to the notes; the last one is selected
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#value", Input).value = "Mark de Groot; 2026-12-15"
        await pilot.press("enter")
        await settle(pilot)
        await wait_until(pilot, lambda: app.autosaver.unsaved() == 0 and not app.autosaver.busy())
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app.return_code == 0)

    (arena_file,) = (sessions / "polikliniek-knie").glob("arena-knie*.toml")
    data = tomllib.loads(arena_file.read_text(encoding="utf-8"))
    assert data["title"] == "Klantarena knie"
    assert data["themes"] == ["Afspraak maken", "Wachten en uitleg"]
    assert data["ring_override"] == "De derde medewerker is ziek; afgestemd met de opdrachtgever."
    assert [(c["alias"], c.get("segment", ""), c["consent"]) for c in data["inner"]] == [
        ("Mevrouw B.", "74 jaar, knieartrose", True),
        ("Meneer D.", "38 jaar", False),
        ("Mevrouw Y.", "66 jaar", True),
    ]
    assert [(s["name"], s["role"]) for s in data["outer"]] == [
        ("Petra Smit", "balie"),
        ("Mark de Groot", "orthopeed"),
    ]
    people = {p["id"]: p.get("alias") or p.get("name") for p in (*data["inner"], *data["outer"])}
    rounds = {r["number"]: r for r in data["rounds"]}
    assert [rounds[n]["planned_minutes"] for n in (1, 2, 3)] == [20, 15, 10]
    first = rounds[1]["notes"]
    assert [(people[n["speaker"]], n["text"]) for n in first] == [
        ("Mevrouw B.", "Ik moest drie keer bellen"),
        ("Meneer D.", "Niemand vertelde hoe lang het zou duren"),
        ("Meneer D.", "Nog steeds aan het woord, ook na de tijd"),
    ]
    assert (first[0]["quote"], first[0]["sentiment"], first[0]["phase"]) == (True, -2, "purchase")
    assert first[1]["sentiment"] == -1 and "quote" not in first[1] and first[1]["touchpoint"] == "tp-tel"
    second = rounds[2]["notes"]
    assert [(people[n["speaker"]], n["text"]) for n in second] == [
        ("Petra Smit", "Wat had u willen weten?"),
        ("Meneer D.", "Of ik mocht blijven zitten"),
    ]
    third = rounds[3]["notes"]
    assert [(people[n["speaker"]], n["phase"]) for n in third] == [("Mark de Groot", "retention")]
    (commitment,) = data["commitments"]
    assert (commitment["owner"], str(commitment["due"]), commitment["sources"]) == (
        "Mark de Groot",
        "2026-12-15",
        [third[0]["id"]],
    )


@sync
async def test_another_writers_arena_note_shows_up_live(sessions: Path, apps) -> None:
    """A note saved by another process on the same arena shows in the round within 2 s, with
    nothing saved here; what is being typed stays in the field."""
    from textual.widgets import OptionList

    from workshop.model import ArenaNote
    from workshop.store import SessionStore
    from workshop.tui.widgets.item_list import ItemList

    app = make_app(sessions, watch_seconds=0.5)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        listing = app.screen.query_one("#sessions", OptionList)
        listing.highlighted = listing.get_option_index("arena-1")
        listing.focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArenaScreen)
        screen.query_one("#note", Input).value = "Half"
        other = SessionStore(sessions)
        loaded = other.load("polikliniek-knie")
        arena = loaded.bundle.arenas[0]
        arena.rounds[0].notes.append(ArenaNote(text="Van de ander"))
        other.save(loaded, arena)
        notes = screen.query_one("#notes", ItemList)
        await wait_until(pilot, lambda: any(n.text == "Van de ander" for n in notes.items), timeout=2.0)
        assert app.screen is screen and screen.query_one("#note", Input).value == "Half"
