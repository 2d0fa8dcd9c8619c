"""The gemba walk in the app: set up a route, log 50 observations by quick capture, turn one
into an action, filter; a second note-taker on the same walk writes a file of their own."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input, OptionList, Static, TextArea

from workshop.store import SessionStore
from workshop.tui.i18n import t
from workshop.tui.screens.gemba import GembaScreen
from workshop.tui.screens.gemba_setup import GembaSetupScreen
from workshop.tui.screens.workshop import WorkshopScreen
from workshop.tui.widgets.item_list import ItemList

from .conftest import SIZE, held_elsewhere, make_app, sync
from .pilot import settle, shows, type_text, wait_until

ROUTE = "Parkeergarage @awareness\nHoofdingang @consideration\nAanmeldzuil @purchase\nWachtkamer @retention"
OBSERVERS = "Gerard Wolters, patiëntenraad\nEsther Kuipers, teamleider"


async def open_new_walk(pilot) -> GembaSetupScreen:
    await settle(pilot)
    await pilot.press("enter")  # the workshop
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, GembaSetupScreen)
    return screen


@sync
async def test_set_up_a_walk_and_log_fifty_observations(sessions: Path, apps) -> None:
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_new_walk(pilot)
        setup.query_one("#title", Input).value = "Knieroute"
        setup.query_one("#focus", Input).value = "Waar wacht de patiënt?"
        setup.query_one("#observers", TextArea).text = OBSERVERS
        setup.query_one("#route", TextArea).text = ROUTE.replace("@retention", "@nergens")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GembaSetupScreen), "a phase that does not exist is refused"
        assert "@nergens is not a phase" in str(setup.query_one("#route-error", Static).content)
        setup.query_one("#route", TextArea).text = ROUTE
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GembaScreen)

        await type_text(pilot, "Rij voor de slagboom ~4m #wachten !2 -1")
        await settle(pilot)
        assert "4 min" in str(screen.query_one("#preview", Static).content)
        await pilot.press("enter")
        await pilot.press("f6")  # next step: Hoofdingang
        await type_text(pilot, "Borden wijzen twee kanten op #beweging !3 -1")
        await pilot.press("enter")
        capture = screen.query_one("#capture", Input)
        for number in range(48):  # the rest as a fast typist would: the whole line, then Enter
            step = ("@aanmeld", "@wacht")[number % 2]
            capture.value = f"Waarneming {number} {step} #uitloop !{number % 5 + 1} {number % 3 - 1:+d}"
            await pilot.press("enter")
        await pilot.press("f7", "2")  # Esther logs the last one
        await settle(pilot)
        await type_text(pilot, "Geen stoel bij de zuil @aanmeld !4 -2 #pijn")
        await pilot.press("enter")
        await settle(pilot)
        log = screen.query_one("#log", ItemList)
        assert len(log.items) == 51 and log.items[0].text == "Geen stoel bij de zuil"
        assert screen.index.count[screen.walk.route[2].id] == 25

        await pilot.press("tab")  # to the log, newest selected
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Petra Smit; 2026-12-15")
        await pilot.press("enter")
        await settle(pilot)

        await pilot.press("ctrl+f", "2", "2")  # filter by kind: pain
        await settle(pilot)
        assert "Soort: pijnpunt" in str(screen.query_one("#filter", Static).content)
        await wait_until(pilot, lambda: "opgeslagen" in str(screen.query_one("StatusLine").content))
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app.return_code == 0)

    walk_file = next((sessions / "polikliniek-knie").glob("gemba-knieroute*.toml"))
    data = tomllib.loads(walk_file.read_text(encoding="utf-8"))
    assert data["title"] == "Knieroute" and data["focus"] == "Waar wacht de patiënt?"
    assert [s["name"] for s in data["route"]] == ["Parkeergarage", "Hoofdingang", "Aanmeldzuil", "Wachtkamer"]
    assert [s["phase"] for s in data["route"]] == ["awareness", "consideration", "purchase", "retention"]
    assert [(o["name"], o["role"]) for o in data["observers"]] == [
        ("Gerard Wolters", "patiëntenraad"),
        ("Esther Kuipers", "teamleider"),
    ]
    steps = {s["id"]: s["name"] for s in data["route"]}
    observers = {o["id"]: o["name"] for o in data["observers"]}
    observations = data["observations"]
    assert len(observations) == 51
    first, second, last = observations[0], observations[1], observations[-1]
    assert first["text"] == "Rij voor de slagboom"
    assert (
        steps[first["step"]],
        first["wait_minutes"],
        first["waste"],
        first["severity"],
        first["emotion"],
    ) == (
        "Parkeergarage",
        4,
        ["waiting"],
        2,
        -1,
    )
    assert (steps[second["step"]], second["waste"], observers[second["observer"]]) == (
        "Hoofdingang",
        ["motion"],
        "Gerard Wolters",
    )
    assert [steps[o["step"]] for o in observations[2:6]] == ["Aanmeldzuil", "Wachtkamer"] * 2
    assert all(o["tags"] == ["uitloop"] for o in observations[2:50])
    assert [o["severity"] for o in observations[2:7]] == [1, 2, 3, 4, 5]
    assert (last["kind"], last["severity"], last["emotion"], observers[last["observer"]]) == (
        "pain",
        4,
        -2,
        "Esther Kuipers",
    )
    assert all("at" in o for o in observations)
    (action,) = data["actions"]
    assert (action["owner"], str(action["due"]), action["sources"]) == (
        "Petra Smit",
        "2026-12-15",
        [last["id"]],
    )


@sync
async def test_a_second_note_taker_logs_into_a_file_of_their_own(sessions: Path, apps) -> None:
    """Another process (the first note-taker) has the walk open: this app is told, and its
    observations go to a file of its own; the walk's file is not touched."""
    folder = (sessions / "polikliniek-knie").resolve()
    walk_file = folder / "gemba-knieroute.toml"
    before = walk_file.read_text(encoding="utf-8")
    with held_elsewhere(walk_file):
        app = make_app(sessions)
        apps.append(app)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("tab")
            sessions_list = app.screen.query_one("#sessions", OptionList)
            sessions_list.highlighted = sessions_list.get_option_index("gemba-1")
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, GembaScreen), app.screen
            assert any("heeft deze walk open" in n.message for n in app._notifications)
            await type_text(pilot, "Van de tweede")
            await pilot.press("enter")
            await settle(pilot)
            app.autosaver.flush(timeout=5)
    (own_log,) = folder.glob("gemba-knieroute--*.toml")
    assert "Van de tweede" in own_log.read_text(encoding="utf-8")
    assert walk_file.read_text(encoding="utf-8") == before, "the other note-taker's file is untouched"
    walk = SessionStore(sessions).load("polikliniek-knie").bundle.walks[0]
    assert [o.text for o in walk.observations] == ["Rij bij de balie", "Van de tweede"]


@sync
async def test_a_logged_observation_is_saved_at_once_not_after_the_save_delay(sessions: Path, apps) -> None:
    """On the walk, Enter saves at once (a kill -9 then loses only the line being typed), even
    with a save delay of a minute for everything else (and well within the 2 s longest delay)."""
    app = make_app(sessions, debounce=60.0)
    apps.append(app)
    walk_file = sessions / "polikliniek-knie" / "gemba-knieroute.toml"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")
        sessions_list = app.screen.query_one("#sessions", OptionList)
        sessions_list.highlighted = sessions_list.get_option_index("gemba-1")
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#capture", Input).value = "Direct bewaard @balie !2"
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Direct bewaard" in walk_file.read_text(encoding="utf-8"), timeout=1)


@sync
async def test_a_language_switch_keeps_a_half_typed_capture_line(sessions: Path, apps) -> None:
    """F2 relabels the walk in place: nothing is recomposed, the line being typed stays."""
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        sessions_list = app.screen.query_one("#sessions", OptionList)
        sessions_list.focus()
        sessions_list.highlighted = sessions_list.get_option_index("gemba-1")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GembaScreen)
        capture = screen.query_one("#capture", Input)
        await type_text(pilot, "Rij bij de balie #wachten")
        await settle(pilot)
        assert "#Wachten" in str(screen.query_one("#preview", Static).content)
        await pilot.press("f2")
        await settle(pilot)
        assert app.screen is screen and screen.query_one("#capture", Input) is capture, "not recomposed"
        assert capture.value == "Rij bij de balie #wachten" and capture.has_focus
        assert capture.placeholder == t("en", "gemba.capture")
        assert "#Waiting" in str(screen.query_one("#preview", Static).content), "the preview speaks English"
        await type_text(pilot, " !3")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.walk.observations[-1].text == "Rij bij de balie"
        assert (screen.walk.observations[-1].waste, screen.walk.observations[-1].severity) == (["waiting"], 3)


@sync
async def test_deleting_a_cited_observation_asks_and_undo_restores_it_and_its_action_source(
    sessions: Path, apps
) -> None:
    from workshop.tui.screens.dialogs import ConfirmScreen

    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_new_walk(pilot)
        setup.query_one("#title", Input).value = "Knieroute"
        setup.query_one("#observers", TextArea).text = OBSERVERS
        setup.query_one("#route", TextArea).text = ROUTE
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GembaScreen)
        for text in ("Eerste waarneming", "Tweede waarneming"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "a")  # the newest becomes an action
        await settle(pilot)
        await type_text(pilot, "Petra Smit; 2026-12-15")
        await pilot.press("enter")
        await settle(pilot)
        (action,) = screen.walk.actions
        cited = screen.walk.observations[-1]
        assert action.sources == [cited.id]

        screen.query_one("#log", ItemList).focus()
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen), "a cited observation asks before it goes"
        await pilot.press("n")
        await settle(pilot)
        assert cited in screen.walk.observations and action.sources == [cited.id]

        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert cited not in screen.walk.observations
        assert action.sources == [], "no source left pointing at nothing"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert cited in screen.walk.observations and action.sources == [cited.id]
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app.return_code == 0)

    walk_file = next((sessions / "polikliniek-knie").glob("gemba-knieroute*.toml"))
    data = tomllib.loads(walk_file.read_text(encoding="utf-8"))
    assert [o["text"] for o in data["observations"]] == ["Eerste waarneming", "Tweede waarneming"]
    assert data["actions"][0]["sources"] == [data["observations"][1]["id"]]


@sync
async def test_a_paste_of_three_lines_asks_with_the_count_and_logs_three_observations(
    sessions: Path, apps
) -> None:
    from textual import events

    from workshop.tui.screens.dialogs import ConfirmScreen

    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_new_walk(pilot)
        setup.query_one("#title", Input).value = "Knieroute"
        setup.query_one("#route", TextArea).text = ROUTE
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GembaScreen)
        capture = screen.query_one("#capture", Input)
        capture.post_message(events.Paste("Rij bij de zuil ~5m\n\nGeen stoel #pijn\nBord wijst fout"))
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen), "several lines are never cut to the first silently"
        assert "3 regels" in str(app.screen.message)
        await pilot.press("y")
        await settle(pilot)
        texts = [o.text for o in screen.walk.observations]
        assert texts == ["Rij bij de zuil", "Geen stoel", "Bord wijst fout"]
        assert screen.walk.observations[0].wait_minutes == 5
        assert capture.value == ""


@sync
async def test_esc_never_drops_a_line_typed_but_not_entered(sessions: Path, apps) -> None:
    """Esc with a half-typed line asks first: "stay" (or Esc) keeps the line in the field, "keep"
    saves it as an observation and goes back to the workshop."""
    app = make_app(sessions)
    apps.append(app)
    walk_file = sessions / "polikliniek-knie" / "gemba-knieroute.toml"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")
        sessions_list = app.screen.query_one("#sessions", OptionList)
        sessions_list.highlighted = sessions_list.get_option_index("gemba-1")
        await pilot.press("enter")
        await settle(pilot)
        walk_screen = app.screen
        await type_text(pilot, "Half getypt")
        await pilot.press("escape")
        await wait_until(pilot, lambda: shows(app, "ConfirmScreen"))
        assert "Half getypt" in str(app.screen.query_one(".dialog-body", Static).content)
        await pilot.press("escape")  # stay
        await settle(pilot)
        assert app.screen is walk_screen
        assert walk_screen.query_one("#capture", Input).value == "Half getypt"
        await pilot.press("escape")
        await wait_until(pilot, lambda: shows(app, "ConfirmScreen"))
        await pilot.press("y")  # keep it and go back
        await settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        await wait_until(pilot, lambda: "Half getypt" in walk_file.read_text(encoding="utf-8"))


async def _open_walk(pilot) -> GembaScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("tab")
    sessions_list = pilot.app.screen.query_one("#sessions", OptionList)
    sessions_list.highlighted = sessions_list.get_option_index("gemba-1")
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, GembaScreen), screen
    return screen


@sync
async def test_another_note_takers_log_shows_up_live_without_saving(sessions: Path, apps) -> None:
    """A second note-taker's own log beside the walk (another process) appears in the open
    walk within 2 s, with no key pressed here; the walk's file stays this one's own."""
    from workshop.model import GembaLog, Observation
    from workshop.store import to_toml

    folder = sessions / "polikliniek-knie"
    walk_file = folder / "gemba-knieroute.toml"
    app = make_app(sessions, watch_seconds=0.5)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_walk(pilot)
        await type_text(pilot, "Nog bezig")
        log = GembaLog(walk=screen.walk.id, author="Els", observations=[Observation(text="Van Els")])
        (folder / "gemba-knieroute--els.toml").write_text(to_toml(log), encoding="utf-8")
        await wait_until(pilot, lambda: any(o.text == "Van Els" for o in screen.session.view), timeout=2.0)
        assert app.screen is screen and screen.query_one("#capture", Input).value == "Nog bezig"
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Nog bezig" in walk_file.read_text(encoding="utf-8"), timeout=5)
    assert "Van Els" not in walk_file.read_text(encoding="utf-8"), "Els's items stay in Els's log"


@sync
async def test_the_walk_owners_new_observations_show_up_for_a_second_note_taker(sessions: Path, apps) -> None:
    folder = (sessions / "polikliniek-knie").resolve()
    walk_file = folder / "gemba-knieroute.toml"
    with held_elsewhere(walk_file):
        app = make_app(sessions, watch_seconds=0.5)
        apps.append(app)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _open_walk(pilot)
            await type_text(pilot, "Van de tweede")
            await pilot.press("enter")
            await wait_until(pilot, lambda: bool(list(folder.glob("gemba-knieroute--*.toml"))), timeout=5)
            owner = SessionStore(sessions)  # the first note-taker's process
            loaded = owner.load("polikliniek-knie")
            walk = loaded.bundle.walks[0]
            from workshop.model import Observation

            walk.observations.append(Observation(text="Van de eigenaar"))
            owner.save(loaded, walk)
            await wait_until(
                pilot, lambda: any(o.text == "Van de eigenaar" for o in screen.session.view), timeout=2.0
            )
            assert app.screen is screen, "no dialog"
            app.autosaver.flush(timeout=5)
    (own_log,) = folder.glob("gemba-knieroute--*.toml")
    assert "Van de eigenaar" not in own_log.read_text(encoding="utf-8"), "the owner's items stay theirs"
    assert "Van de tweede" in own_log.read_text(encoding="utf-8")
    texts = [o["text"] for o in tomllib.loads(walk_file.read_text(encoding="utf-8"))["observations"]]
    assert texts == ["Rij bij de balie", "Van de eigenaar"]
