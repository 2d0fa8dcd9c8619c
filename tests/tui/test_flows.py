"""End-to-end flows through the app with Textual's pilot: what a facilitator does, then the
TOML on disk."""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from workshop.store import atomic as atomic_module
from workshop.tui.providers import ScreenCommands
from workshop.tui.screens.empathy import EmpathyScreen
from workshop.tui.screens.home import HomeScreen
from workshop.tui.screens.persona_card import PersonaCardScreen
from workshop.tui.screens.persona_form import PersonaFormScreen
from workshop.tui.screens.workshop import WorkshopScreen
from workshop.tui.widgets.item_list import ItemList

from .conftest import SIZE, held_elsewhere, make_app, sync
from .pilot import settle, shows, status_text, type_text, wait_until

SECTION_TEXTS = {
    "sees": "Een volle wachtkamer",
    "hears": "Namen die worden omgeroepen",
    "says": "Waar moet ik zijn",
    "does": "Belt drie keer",
    "thinks": "Ze zijn me vergeten",
    "feels": "Onzeker",
    "pains": "Wachten zonder uitleg",
    "gains": "Een vast aanspreekpunt",
}


@sync
async def test_prepare_a_workshop_and_run_an_empathy_map(tmp_path: Path, apps) -> None:
    sessions = tmp_path / "sessions"
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Welkom" in str(app.screen.query_one("#empty", Static).content)

        # create a workshop, keyboard only
        await pilot.press("n")
        await type_text(pilot, "Poli knie")
        await pilot.press("enter")
        await type_text(pilot, "Sneller helpen")
        await pilot.press("enter")
        await type_text(pilot, "Orthopedie")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)

        # two personas
        for name, segment in (("Anna", "Werkend"), ("Riet", "Oudere patient")):
            await pilot.press("p")
            await settle(pilot)
            assert isinstance(app.screen, PersonaFormScreen)
            await type_text(pilot, name)
            await pilot.press("enter")
            await type_text(pilot, segment)
            await pilot.press("enter")
            await type_text(pilot, "Ik wil het weten")
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        assert [p.name for p in app.loaded.bundle.personas] == ["Anna", "Riet"]

        # an empathy map for Anna with the extended canvas
        await pilot.press("m")
        await settle(pilot)
        await type_text(pilot, "Weten of opereren nodig is")
        await pilot.press("tab", "space", "ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EmpathyScreen)
        assert screen.emap.extended
        assert screen.current == "sees", "working order starts with what can be observed"
        for section, text in SECTION_TEXTS.items():
            assert screen.current == section
            await type_text(pilot, text)
            await pilot.press("enter", "tab")
        assert "Alle vakken" in str(screen.query_one("#empties", Static).content)

        assert screen.current == "goal", "after the last section the walk comes back to the goal"
        await pilot.press("tab")
        # browse: mark, tag a phase, undo
        await pilot.press("3")  # jump needs browse mode: typing "3" is text
        assert screen.query_one("#entry", Input).value == "3"
        screen.query_one("#entry", Input).value = ""
        await pilot.press("escape")
        assert isinstance(app.focused, ItemList)
        await pilot.press("3")
        assert screen.current == "says"
        await pilot.press("p")
        await pilot.press("t", "2")  # phase 1 of the preset (1 is "no phase")
        await settle(pilot)
        says = screen.session.by_section["says"][0]
        assert (says.valence, says.phase) == ("pain", "awareness")
        await pilot.press("i")
        await type_text(pilot, "Oeps")
        await pilot.press("enter", "ctrl+z")
        assert [i.text for i in screen.session.by_section["says"]] == [SECTION_TEXTS["says"]]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0

    folder = sessions / "poli-knie"
    data = tomllib.loads((folder / "workshop.toml").read_text())
    assert (data["title"], data["goal"], data["product"]) == ("Poli knie", "Sneller helpen", "Orthopedie")
    personas = sorted(tomllib.loads(p.read_text())["name"] for p in folder.glob("persona-*.toml"))
    assert personas == ["Anna", "Riet"]
    (map_file,) = folder.glob("empathy-*.toml")
    saved = tomllib.loads(map_file.read_text())
    assert saved["goal"] == "Weten of opereren nodig is"
    assert saved["extended"] is True
    assert {item["section"]: item["text"] for item in saved["items"]} == SECTION_TEXTS
    says = next(item for item in saved["items"] if item["section"] == "says")
    assert (says["valence"], says["phase"]) == ("pain", "awareness")

    # reopen: everything is there
    again = make_app(sessions)
    apps.append(again)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = again.screen.query_one("#workshops", OptionList)
        assert "2 persona's · 1 sessies · 8 notities" in str(home.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(again.screen, WorkshopScreen)
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert isinstance(again.screen, EmpathyScreen)
        assert again.screen.session.count("feels") == 1


@pytest.mark.parametrize(
    ("step", "code", "shown"),
    [
        ("open", errno.EROFS, "Read-only file system"),
        ("write", errno.ENOSPC, "No space left on device"),
        ("fsync", errno.ENOSPC, "No space left on device"),
        ("fsync", errno.EIO, "Input/output error"),
    ],
    ids=["read-only", "disk-full-at-write", "disk-full-at-fsync", "io-error-at-fsync"],
)
@sync
async def test_a_failing_save_shows_keeps_the_notes_and_lands_later(
    sessions: Path, apps, step: str, code: int, shown: str
) -> None:
    app = make_app(sessions)
    apps.append(app)
    map_file = sessions / "polikliniek-knie" / "empathy-anna.toml"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EmpathyScreen)

        def fail(*_args: object, **_kwargs: object) -> None:
            raise OSError(code, os.strerror(code))

        patch = pytest.MonkeyPatch()  # its own, so undo() leaves the fixture's chdir alone
        patch.setattr(atomic_module.os, step, fail)
        for text in ("Eerste", "Tweede"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await wait_until(pilot, lambda: shown in status_text(app))
        assert "niet opgeslagen" in status_text(app)
        assert [i.text for i in screen.session.by_section["says"]][-2:] == ["Eerste", "Tweede"]
        assert "Eerste" not in map_file.read_text()

        patch.undo()
        await wait_until(pilot, lambda: "Tweede" in map_file.read_text(), timeout=8)
        await wait_until(pilot, lambda: "opgeslagen" in status_text(app) and "niet" not in status_text(app))
        texts = [i["text"] for i in tomllib.loads(map_file.read_text())["items"]]
        assert texts[-2:] == ["Eerste", "Tweede"]


@sync
async def test_quitting_with_unsaved_changes_asks_first(sessions: Path, apps) -> None:
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)

        def disk_full(*_args: object, **_kwargs: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(atomic_module.os, "open", disk_full)
            await type_text(pilot, "Niet kwijtraken")
            await pilot.press("enter", "ctrl+q")
            await wait_until(pilot, lambda: shows(app, "ConfirmScreen"))
            body = str(app.screen.query_one(".dialog-body", Static).content)
            assert "niet opgeslagen" in body and "No space left on device" in body
            await pilot.press("n")
            await settle(pilot)
            assert isinstance(app.screen, EmpathyScreen), "still running, nothing lost"
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app.return_code == 0)
    assert "Niet kwijtraken" in (sessions / "polikliniek-knie" / "empathy-anna.toml").read_text()


@sync
async def test_a_file_changed_by_another_program_is_merged_without_asking(sessions: Path, apps) -> None:
    """Was: a dialog asked reload or keep mine. Now the change is merged in, quietly."""
    app = make_app(sessions, watch_seconds=0.1)
    apps.append(app)
    folder = sessions / "polikliniek-knie"
    persona_file = folder / "persona-anna-de-vries.toml"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")  # Anna's card
        await settle(pilot)
        assert isinstance(app.screen, PersonaCardScreen)
        text = persona_file.read_text().replace('segment = "Werkende patiënt"', 'segment = "Sporter"')
        persona_file.write_text(text)
        await wait_until(pilot, lambda: app.screen.persona.segment == "Sporter")
        assert isinstance(app.screen, PersonaCardScreen), "no dialog"

        def card_text() -> str:
            from rich.console import Console

            console = Console(width=120)
            with console.capture() as captured:
                console.print(app.screen.query_one("#card-body", Static).content)
            return captured.get()

        await wait_until(pilot, lambda: "Sporter" in card_text())
        assert 'segment = "Sporter"' in persona_file.read_text()


@sync
async def test_a_file_made_unreadable_by_another_program_is_held_and_asked_about(
    sessions: Path, apps
) -> None:
    """A merge needs a valid other side: invalid TOML is not merged and never overwritten."""
    app = make_app(sessions, watch_seconds=0.1)
    apps.append(app)
    map_file = sessions / "polikliniek-knie" / "empathy-anna.toml"
    async with app.run_test(size=SIZE) as pilot:
        await _open_map(pilot)
        map_file.write_text(map_file.read_text() + "\nitems = [[[ broken\n")
        await wait_until(pilot, lambda: shows(app, "ConfirmScreen"), timeout=8)
        assert "empathy-anna.toml" in str(app.screen.query_one(".dialog-body", Static).content)
        assert "broken" in map_file.read_text(), "not overwritten"


@sync
async def test_another_writers_note_appears_while_typing_and_both_are_saved(
    sessions: Path, apps, figures: list[str]
) -> None:
    from workshop.model import EmpathyItem
    from workshop.store import SessionStore

    app = make_app(sessions, watch_seconds=0.5)
    apps.append(app)
    map_file = sessions / "polikliniek-knie" / "empathy-anna.toml"
    async with app.run_test(size=SIZE) as pilot:
        await _open_map(pilot)
        screen = app.screen
        assert isinstance(screen, EmpathyScreen)
        await type_text(pilot, "Half getypt")
        other = SessionStore(sessions)  # another process on the same folder
        loaded = other.load("polikliniek-knie")
        assert loaded.bundle is not None
        emap = loaded.bundle.empathy_maps[0]
        emap.items.append(EmpathyItem(section="says", text="Van de ander"))
        other.save(loaded, emap)
        saved_at = time.monotonic()

        def shown() -> bool:
            return any(item.text == "Van de ander" for item in screen.session.by_section["says"])

        await wait_until(pilot, shown, timeout=2.0)
        figures.append(
            f"another writer's note on the open empathy map after {time.monotonic() - saved_at:.2f} s "
            "(limit 2 s), no dialog, typed keys kept"
        )
        await settle(pilot)
        assert app.screen is screen, "no dialog opened"
        assert screen.query_one(Input).value == "Half getypt", "the typed keys stay in the field"
        assert any("andere schrijver" in str(n.message) for n in app._notifications)
        await type_text(pilot, " en af")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Half getypt en af" in map_file.read_text(), timeout=8)
        texts = [i["text"] for i in tomllib.loads(map_file.read_text())["items"]]
        assert "Van de ander" in texts and "Half getypt en af" in texts


@sync
async def test_persona_form_shows_errors_at_the_field(sessions: Path, apps) -> None:
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PersonaFormScreen)
        assert str(app.screen.query_one("#name-error", Static).content) == "verplicht"
        await type_text(pilot, "Kees")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        assert app.loaded.bundle.personas[-1].name == "Kees"


@sync
async def test_language_help_and_palette(sessions: Path, apps) -> None:
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Persona's (2)" in str(app.screen.query(".list-title").first(Static).content)
        await pilot.press("f2")
        await settle(pilot)
        assert "Personas (2)" in str(app.screen.query(".list-title").first(Static).content)
        commands = [entry.title for entry in ScreenCommands(app.screen).entries()]
        assert {"New persona", "New empathy map", "Edit workshop", "Delete"} <= set(commands)
        await pilot.press("f1")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "HelpScreen"
        table = app.screen.query_one("#help-keys", Static).content
        assert "New empathy map" in [str(cell) for cell in table.columns[1].cells]
        await pilot.press("escape")
        await pilot.press("f3")
        assert app.theme == "textual-light"


@sync
async def test_delete_a_workshop_asks_and_moves_it_to_the_trash(sessions: Path, apps) -> None:
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert (sessions / "polikliniek-knie").exists()
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not (sessions / "polikliniek-knie").exists()
        assert any((sessions / ".trash").iterdir())
        assert app.screen.query_one("#empty").display


def test_signal_handler_flushes(sessions: Path, apps) -> None:
    app = make_app(sessions, debounce=30.0)
    apps.append(app)

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("tab", "enter")
            await settle(pilot)
            await type_text(pilot, "Voor de kill")
            await pilot.press("enter")
            app._on_signal()  # what SIGTERM runs
            await pilot.pause()

    asyncio.run(scenario())
    assert "Voor de kill" in (sessions / "polikliniek-knie" / "empathy-anna.toml").read_text()


@sync
async def test_report_from_the_workshop_screen(sessions: Path, apps) -> None:
    """r on the workshop screen writes the journey report beside the sessions and says where."""
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        await pilot.press("r")
        await wait_until(pilot, lambda: getattr(app.screen, "report_paths", None))
        folder = sessions / "polikliniek-knie" / "report"
        assert [p.name for p in app.screen.report_paths] == [
            "journey-polikliniek-knie.html",
            "journey-polikliniek-knie.md",
            "journey-polikliniek-knie.json",
        ]
        assert all((folder / p.name).stat().st_size > 1000 for p in app.screen.report_paths)
        assert "Anna de Vries" in (folder / "journey-polikliniek-knie.md").read_text(encoding="utf-8")
        messages = [n.message for n in app._notifications]
        assert any("Rapport geschreven in" in m and "report" in m for m in messages), messages


SIGNAL_CHILD = """
import sys
from pathlib import Path
from workshop.tui.app import WorkshopApp

app = WorkshopApp(Path(sys.argv[1]), "nl", watch_seconds=0, debounce=60.0)

async def settle(pilot):
    for _ in range(200):
        busy = app.busy_workers()
        if busy:
            await app.workers.wait_for_complete(busy)
        await pilot.pause()
        nodes = [app, *app.screen.walk_children(with_self=True)]
        if not app.busy_workers() and all(node._message_queue.empty() for node in nodes):
            return

async def drive(pilot):
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("tab", "enter")
    await settle(pilot)
    # A line entered is saved at once; hold it back with the minute's delay, so that only the
    # signal can bring it to disk.
    saver = app.ensure_shelf().saver
    mark = saver.mark
    saver.mark = lambda loaded, document, immediately=False: mark(loaded, document)
    for key in "Voor het signaal":
        await pilot.press("space" if key == " " else key)
    await pilot.press("enter")
    await settle(pilot)
    print("typed", flush=True)  # the app runs on until the signal

app.run(headless=True, auto_pilot=drive)
"""


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_real_signal_saves_what_was_typed(sessions: Path, signal_number: int) -> None:
    """A closed terminal (SIGHUP) or a kill (SIGTERM) to a real app process: the note typed a
    moment ago, not yet saved (the save delay is a minute here), is on disk after exit."""
    map_file = sessions / "polikliniek-knie" / "empathy-anna.toml"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", SIGNAL_CHILD, str(sessions)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "typed"
        assert "Voor het signaal" not in map_file.read_text(encoding="utf-8"), "not saved before the signal"
        child.send_signal(signal_number)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert "Voor het signaal" in map_file.read_text(encoding="utf-8")


@sync
async def test_a_merge_conflict_is_settled_in_the_app(sessions: Path, apps) -> None:
    """Two copies edited the same observation: the app lists it, the facilitator keeps both."""
    from workshop.model.merge import merge_documents
    from workshop.store import SessionStore
    from workshop.tui.screens.conflicts import ConflictsScreen

    store = SessionStore(sessions)
    loaded = store.load("polikliniek-knie")
    walk = loaded.bundle.walks[0]
    theirs = walk.model_copy(deep=True)
    walk.observations[0].text = "Rij van vijf bij de balie"
    theirs.observations[0].text = "Rij bij de balie, tien minuten"
    merged = merge_documents(walk, theirs)
    store.save(loaded, merged)
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "1 conflict" in str(app.screen.query_one("#conflict-note", Static).content)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("3")  # keep both
        await settle(pilot)
        await wait_until(
            pilot,
            lambda: "conflicts" not in (sessions / "polikliniek-knie" / "gemba-knieroute.toml").read_text(),
        )
    data = tomllib.loads((sessions / "polikliniek-knie" / "gemba-knieroute.toml").read_text(encoding="utf-8"))
    assert sorted(o["text"] for o in data["observations"]) == [
        "Rij bij de balie, tien minuten",
        "Rij van vijf bij de balie",
    ]
    assert "conflicts" not in data and len(data["superseded"]) == 1


async def _open_map(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("tab", "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EmpathyScreen)


async def _type_note(pilot, text: str) -> None:
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")


@sync
async def test_a_missing_folder_shows_and_the_note_lands_when_it_is_back(
    sessions: Path, apps, tmp_path
) -> None:
    app = make_app(sessions)
    apps.append(app)
    folder = sessions / "polikliniek-knie"
    away = tmp_path / "weg"
    async with app.run_test(size=SIZE) as pilot:
        await _open_map(pilot)
        folder.rename(away)  # a sync tool or a colleague moved it away
        await _type_note(pilot, "Terwijl de map weg is")
        await wait_until(pilot, lambda: "is missing" in status_text(app), timeout=8)
        assert "Terwijl de map weg is" in [i.text for i in app.screen.session.by_section["says"]]
        away.rename(folder)
        await wait_until(
            pilot, lambda: "Terwijl de map weg is" in (folder / "empathy-anna.toml").read_text(), timeout=15
        )


@sync
async def test_a_file_replaced_by_a_folder_is_not_overwritten_and_the_note_lands_later(
    sessions: Path, apps
) -> None:
    app = make_app(sessions)
    apps.append(app)
    map_file = sessions / "polikliniek-knie" / "empathy-anna.toml"
    async with app.run_test(size=SIZE) as pilot:
        await _open_map(pilot)
        map_file.unlink()
        map_file.mkdir()
        await _type_note(pilot, "Terwijl het bestand een map is")
        await wait_until(pilot, lambda: shows(app, "ConfirmScreen"), timeout=8)
        await pilot.press("n")  # keep mine
        await wait_until(pilot, lambda: "Is a directory" in status_text(app), timeout=8)
        map_file.rmdir()  # the disk changed again: the app asks again rather than guess
        await wait_until(pilot, lambda: shows(app, "ConfirmScreen"), timeout=15)
        await pilot.press("n")
        await wait_until(
            pilot,
            lambda: map_file.is_file() and "Terwijl het bestand een map is" in map_file.read_text(),
            timeout=15,
        )


@sync
async def test_a_second_process_on_the_same_workshop_is_told(sessions: Path, apps) -> None:
    workshop_file = (sessions / "polikliniek-knie" / "workshop.toml").resolve()
    with held_elsewhere(workshop_file) as pid:
        app = make_app(sessions)
        apps.append(app)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, WorkshopScreen)
            told = [n.message for n in app._notifications if "heeft deze workshop ook open" in n.message]
            assert told and f"process {pid}" in told[0]


@sync
async def test_an_empathy_item_is_saved_at_once_not_after_the_save_delay(sessions: Path, apps) -> None:
    """On the empathy map, Enter saves at once like the other live screens (a kill -9 then loses
    only the line being typed), even with a save delay of a minute; so do an edit and an undo."""
    app = make_app(sessions, debounce=60.0)
    apps.append(app)
    map_file = sessions / "polikliniek-knie" / "empathy-anna.toml"
    async with app.run_test(size=SIZE) as pilot:
        await _open_map(pilot)
        await _type_note(pilot, "Direct op schijf")
        await wait_until(pilot, lambda: "Direct op schijf" in map_file.read_text(encoding="utf-8"), timeout=1)
        await settle(pilot)
        await pilot.press("ctrl+z")
        await wait_until(
            pilot, lambda: "Direct op schijf" not in map_file.read_text(encoding="utf-8"), timeout=1
        )


@sync
async def test_an_edit_starts_at_the_end_of_the_text_not_over_it(sessions: Path, apps) -> None:
    """The edit dialog opens with the cursor after the text: the first key adds, never replaces."""
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await _open_map(pilot)
        await _type_note(pilot, "Wacht lang")
        await settle(pilot)
        await pilot.press("escape")  # to the list, the new item highlighted
        await settle(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: shows(app, "TextPromptScreen"))
        await type_text(pilot, " bij de balie")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EmpathyScreen)
        texts = [item.text for item in app.screen.emap.items]
        assert "Wacht lang bij de balie" in texts and "Wacht lang" not in texts


@sync
async def test_a_fresh_start_does_not_claim_anything_was_saved(sessions: Path, apps) -> None:
    """Before the first save the status line says nothing changed yet; "saved" only after one."""
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await _open_map(pilot)
        assert status_text(app) == "○ nog niets gewijzigd"
        await _type_note(pilot, "Eerste notitie")
        await wait_until(pilot, lambda: status_text(app) == "✓ opgeslagen")
