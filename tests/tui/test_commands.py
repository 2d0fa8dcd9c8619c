"""Commands, keymaps, the palette, help and remembered settings, as the user meets them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import sys
import tomllib
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.command import CommandInput, CommandList, CommandPalette
from textual.dom import DOMNode
from textual.widgets import OptionList, Static

import workshop.tui
from workshop import cli
from workshop.tui.commands import COMMANDS, check_keymap, key_problem, localise_bindings
from workshop.tui.screens.arena import ArenaScreen
from workshop.tui.screens.gemba import GembaScreen
from workshop.tui.screens.help import HelpScreen
from workshop.tui.screens.persona_card import PersonaCardScreen

from .conftest import SIZE, build_workshop, make_app, sync


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(pilot, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll a condition (the palette searches in a worker); fail after `timeout` seconds."""
    for _ in range(int(timeout / 0.02)):
        if predicate():
            return
        await pilot.pause(0.02)
    seen = palette_texts(pilot) if isinstance(pilot.app.screen, CommandPalette) else pilot.app.screen
    raise AssertionError(f"condition not met in time; on screen: {seen}")


async def open_session(pilot, document_id: str) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    sessions = pilot.app.screen.query_one("#sessions", OptionList)
    sessions.highlighted = sessions.get_option_index(document_id)
    sessions.focus()
    await pilot.press("enter")
    await settle(pilot)


def palette_texts(pilot) -> list[str]:
    commands = pilot.app.screen.query_one(CommandList)
    return [commands.get_option_at_index(i).hit.text for i in range(commands.option_count)]


async def search(pilot, query: str, expected: str) -> None:
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.focused, CommandInput))
    await pilot.press(*("space" if c == " " else c for c in query))
    await wait_until(pilot, lambda: bool(palette_texts(pilot)) and palette_texts(pilot)[0] == expected)


def write_config(config_home: Path, text: str) -> Path:
    path = config_home / "workshop" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


# -- the registry ------------------------------------------------------------------------------


def tui_classes() -> list[type[DOMNode]]:
    for module in pkgutil.walk_packages(workshop.tui.__path__, "workshop.tui."):
        importlib.import_module(module.name)
    return [
        cls
        for name, module in list(sys.modules.items())
        if name.startswith("workshop.tui")
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, DOMNode) and cls.__module__ == name
    ]


def test_every_binding_comes_from_the_registry_with_an_id() -> None:
    classes = tui_classes()
    assert len(classes) > 15
    for cls in classes:
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            assert binding.id in COMMANDS, (cls.__name__, binding)
            command = COMMANDS[binding.id]
            assert binding.action == command.action and binding.key in command.keys.split(",")


def test_every_command_speaks_both_languages_and_every_f_key_has_a_plain_key() -> None:
    for command in COMMANDS.values():
        assert command.nl and command.en, command.id
        assert key_problem(command.keys) is None, command.id
        keys = command.keys.split(",")
        if any(re.fullmatch(r"f\d+", key) for key in keys):
            assert any(not re.fullmatch(r"f\d+", key) for key in keys), command.id


def test_keymap_entries_are_checked_one_line_each() -> None:
    keymap, problems = check_keymap(
        {"next_round": "ctrl+n", "timer": "ctrl+", "nope": "x", "speaker": 3, "help": "hyperr+h"},
        "config.toml",
    )
    assert keymap == {"next_round": "ctrl+n"}
    assert len(problems) == 4 and all(
        "\n" not in p and p.startswith("config.toml: [keymap] ") for p in problems
    )
    assert check_keymap({"help": "f1, question_mark", "quit": "ctrl+shift+x"}, "c")[1] == []
    assert key_problem("ctrl+banana") is not None  # a character name, but on no keyboard


def test_localise_bindings_pinned_to_textual() -> None:
    """`localise_bindings` writes Textual's private `BindingsMap.key_to_bindings`; this pins the
    release it was written against. On a new Textual, check that the footer still reads
    descriptions from there, then move the pin."""
    assert version("textual") == "8.2.8"

    class Node(DOMNode):
        BINDINGS = [COMMANDS["next_round"].binding(), Binding("x", "other", "Other")]

    node = Node()
    localise_bindings(node, "nl")
    descriptions = {b.action: b.description for b in node._bindings.key_to_bindings["f8"]}
    assert descriptions == {"next_round": "Volgende ronde"}
    localise_bindings(node, "en")
    assert node._bindings.key_to_bindings["ctrl+r"][0].description == "Next round"
    assert node._bindings.key_to_bindings["x"][0].description == "Other"  # no id: left alone


# -- the palette -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
@sync
async def test_the_palette_on_the_gemba_walk_offers_only_our_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, apps, language: str
) -> None:
    monkeypatch.chdir(tmp_path)
    build_workshop(Path("sessions"), language)
    app = make_app(Path("sessions"), language)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_session(pilot, "gemba-1")
        assert isinstance(app.screen, GembaScreen)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette) and bool(palette_texts(pilot)))
        texts = palette_texts(pilot)
        ids = ["next_step", "prev_step", "observer", "filter", "walk_setup", "leave", "undo"]
        ids += ["quit", "help", "toggle_language", "toggle_theme"]
        assert sorted(texts) == sorted(COMMANDS[i].description(language) for i in ids)
        assert texts[0] == COMMANDS["next_step"].description(language)  # the screen's own first


@sync
async def test_the_palette_finds_steps_people_and_documents_by_name(sessions: Path, apps) -> None:
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_session(pilot, "gemba-1")
        screen = app.screen
        assert isinstance(screen, GembaScreen) and screen.session.current_step == "step-balie"
        await search(pilot, "wachtkamer", "Naar stap 2: Wachtkamer")
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.session.current_step == "step-wacht")
        assert "Wachtkamer" in str(screen.query_one("#where", Static).content)

        await search(pilot, "gerard", "Observator: Gerard")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)

        await search(pilot, "persona anna", "Persona: Anna de Vries")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PersonaCardScreen))
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["WorkshopScreen", "PersonaCardScreen"]

        await pilot.press("escape")
        await settle(pilot)
        await search(pilot, "klantarena klantarena", "Klantarena: Klantarena")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ArenaScreen))
        arena = app.screen
        assert arena.session.speaker_index == 0
        await search(pilot, "meneer", "Spreker: Meneer D.")
        await pilot.press("enter")
        await wait_until(pilot, lambda: arena.session.speaker_index == 1)


@sync
async def test_the_palette_opens_a_workshop_from_the_home_screen(sessions: Path, apps) -> None:
    app = make_app(sessions, "en")
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "knie", "Open workshop: Polikliniek knie")
        await pilot.press("enter")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "WorkshopScreen")


# -- help --------------------------------------------------------------------------------------


@sync
async def test_help_shows_the_screens_keys_first_grouped_in_the_ui_language(sessions: Path, apps) -> None:
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_session(pilot, "arena-1")
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = app.screen.rows()
        groups = [group for group, _, _ in rows]
        assert groups[0] == "session" and groups[-1] == "app"
        assert groups == sorted(groups, key=groups.index)  # each group in one block
        described = {description: keys for _, description, keys in rows}
        assert described["Volgende ronde"] == ["f8", "^r"]
        assert described["Toezegging"] == ["c"]  # a key of the notes list, which is not focused
        assert "Scroll Left" not in described and "Copy selected text" not in described
        assert all(COMMANDS[c].nl in described for c in ("timer", "more_time", "speaker", "quit"))


# -- keymaps -----------------------------------------------------------------------------------


@sync
async def test_a_live_session_key_remapped_in_the_config_file_acts(
    sessions: Path, config_home: Path, apps
) -> None:
    write_config(config_home, '[keymap]\nnext_round = "ctrl+n"\n')
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_session(pilot, "arena-1")
        screen = app.screen
        assert isinstance(screen, ArenaScreen) and screen.number == 1
        assert app.focused is not None and app.focused.id == "note"  # typing, and still it acts
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert screen.number == 2
        await pilot.press("f8")  # the default key is moved, not doubled
        await settle(pilot)
        assert screen.number == 2
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert ("session", "Volgende ronde", ["^n"]) in app.screen.rows()
        assert messages(app) == []


@sync
async def test_a_bad_keymap_entry_shows_one_line_and_the_default_stays(
    sessions: Path, config_home: Path, apps
) -> None:
    path = write_config(config_home, '[keymap]\nnext_round = "ctrl+nope"\nwarp = "ctrl+w"\n')
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_session(pilot, "arena-1")
        shown = messages(app)
        assert len(shown) == 2 and all("\n" not in m and m.startswith(str(path)) for m in shown)
        assert "next_round" in shown[0] and "nope" in shown[0] and "warp" in shown[1]
        screen = app.screen
        assert isinstance(screen, ArenaScreen)
        await pilot.press("f8")
        await settle(pilot)
        assert screen.number == 2


# -- remembered settings -----------------------------------------------------------------------


def config_data(config_home: Path) -> dict[str, object]:
    return tomllib.loads((config_home / "workshop" / "config.toml").read_text(encoding="utf-8"))


@sync
async def test_after_choosing_english_the_app_starts_in_english(
    sessions: Path, config_home: Path, apps
) -> None:
    first = make_app(sessions, None)
    apps.append(first)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert first.language == "nl"
        await pilot.press("f2")
        await pilot.press("f3")
        await settle(pilot)
    assert config_data(config_home) == {"language": "en", "theme": "textual-light"}

    second = make_app(sessions, None)
    apps.append(second)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert second.language == "en" and second.theme == "textual-light"
        assert str(second.screen.query_one("#folder", Static).content).startswith("Folder:")
        footer = {a.binding.id: a.binding.description for a in second.screen.active_bindings.values()}
        assert footer["new_workshop"] == "New workshop"


@sync
async def test_lang_overrides_the_remembered_language_and_is_not_saved(
    sessions: Path, config_home: Path, apps
) -> None:
    write_config(config_home, 'language = "en"\n')
    app = make_app(sessions, "nl")
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.language == "nl"
        assert str(app.screen.query_one("#folder", Static).content).startswith("Map:")
    assert config_data(config_home) == {"language": "en"}


@sync
async def test_a_workshops_own_language_wins_inside_it(sessions: Path, config_home: Path, apps) -> None:
    write_config(config_home, 'language = "en"\n')
    app = make_app(sessions, None)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.language == "en"
        await pilot.press("enter")
        await settle(pilot)
        assert app.language == "nl"  # the test workshop is Dutch
    assert config_data(config_home) == {"language": "en"}  # opening it chose nothing


def test_workshop_lang_en_starts_the_app_in_english(sessions: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[Path, str | None]] = []
    monkeypatch.setattr(
        "workshop.tui.app.run", lambda root, language=None: started.append((root, language)) or 0
    )
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert cli.main(["--sessions", str(sessions), "--lang", "en"]) == 0
    assert cli.main(["--sessions", str(sessions)]) == 0
    assert started == [(sessions, "en"), (sessions, None)]
    assert cli.main(["--lang", "de"]) == cli.EXIT_USAGE


def test_the_readme_lists_every_command_a_user_may_remap() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| where | command id and default keys |") :]
    missing = [c.id for c in COMMANDS.values() if c.palette and f"`{c.id}`" not in table]
    assert missing == []


@sync
async def test_a_keymap_clash_is_said_once(sessions: Path, config_home: Path, apps) -> None:
    write_config(config_home, '[keymap]\nnext_round = "ctrl+t"\n')  # ctrl+t is the timer's
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_session(pilot, "arena-1")
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+t")
        await settle(pilot)
        clashes = [m for m in messages(app) if "ctrl+t" in m]
        assert len(clashes) == 1 and "next_round" in clashes[0] and "timer" in clashes[0]


@sync
async def test_the_set_up_key_works_while_typing_a_capture_line(sessions: Path, apps) -> None:
    app = make_app(sessions)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_session(pilot, "gemba-1")
        assert app.focused is not None and app.focused.id == "capture"
        await pilot.press("ctrl+e")  # an Input binds ctrl+e to "end"; ours is a priority binding
        await wait_until(pilot, lambda: type(app.screen).__name__ == "GembaSetupScreen")
