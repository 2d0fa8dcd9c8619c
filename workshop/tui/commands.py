"""Every command of the app, declared once: id, default keys, action, words in Dutch and English,
footer flag, help group and whether the command palette offers it.

Screens build their `BINDINGS` from this registry with `bindings(...)`, so every binding has an
`id` and a user's keymap (`[keymap]` in the config file, see `workshop.settings`) can move it to
another key. The descriptions in a class's `BINDINGS` are English; `localise_bindings` gives each
node the words of the UI language. It is the one function that touches Textual's private
`_bindings` (a test pins it to the Textual release).

Every F-key has a plain-key alternative: many laptops hide F1-F12 behind an Fn key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, key_to_character

from .i18n import Lang

Group = Literal["move", "notes", "session", "selection", "workshop", "form", "dialog", "app"]
"""Where a command shows in the help screen; `app` (the app-wide keys) comes last."""

GROUPS: dict[Group, tuple[str, str]] = {
    "session": ("Sessie", "Session"),
    "notes": ("Notities", "Notes"),
    "workshop": ("Workshop", "Workshop"),
    "selection": ("Gekozen regel", "Selected line"),
    "form": ("Formulier", "Form"),
    "move": ("Navigeren", "Moving around"),
    "dialog": ("Dialoog", "Dialog"),
    "app": ("Altijd", "Everywhere"),
}
"""Help and palette list a screen's commands in this order of groups, then in registry order."""


@dataclass(frozen=True)
class Command:
    """One command: the binding Textual gets, plus what the palette and the help say about it."""

    id: str
    """The binding id, the name a keymap entry uses (`next_round = "ctrl+n"`)."""
    keys: str
    """Default keys, comma-separated, in Textual's names (`f8,ctrl+r`)."""
    action: str
    nl: str
    en: str
    group: Group
    show: bool = True
    """Shown in the footer."""
    priority: bool = False
    palette: bool = True
    """Offered in the command palette (cursor moves and dialog keys are not)."""
    in_help: bool = True
    """Listed by the help screen (a list's cursor keys are summed up in one line instead)."""

    def description(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.en, show=self.show, priority=self.priority, id=self.id)


def _commands() -> Iterable[Command]:
    c = Command
    # -- everywhere --------------------------------------------------------------------------
    yield c("quit", "ctrl+q", "quit", "Stoppen", "Quit", "app", priority=True)
    yield c("help", "f1,question_mark,ctrl+g", "help", "Hulp", "Help", "app")
    yield c("toggle_language", "f2,ctrl+l", "toggle_language", "English", "Nederlands", "app")
    yield c("toggle_theme", "f3,ctrl+y", "toggle_theme", "Licht/donker", "Light/dark", "app", show=False)
    yield c(
        "command_palette",
        "ctrl+p",
        "command_palette",
        "Menu",  # short: the footer is full on the live screens
        "Menu",
        "app",
        show=False,
        priority=True,
        palette=False,
    )
    # -- home ----------------------------------------------------------------------------------
    yield c("new_workshop", "n", "new", "Nieuwe workshop", "New workshop", "workshop")
    yield c("open", "enter", "open", "Openen", "Open", "workshop", show=False)
    yield c("rename", "r", "rename", "Hernoemen", "Rename", "workshop")
    yield c("delete", "d,delete", "delete", "Verwijderen", "Delete", "selection")
    yield c("home_quit", "q", "app.quit", "Stoppen", "Quit", "app", show=False, palette=False)
    # -- a workshop ----------------------------------------------------------------------------
    yield c("new_persona", "p", "new_persona", "Nieuwe persona", "New persona", "workshop")
    yield c("new_map", "m", "new_map", "Nieuwe empathiekaart", "New empathy map", "workshop")
    yield c("new_arena", "a", "new_arena", "Nieuwe klantarena", "New customer arena", "workshop")
    yield c("new_walk", "g", "new_walk", "Nieuwe gemba walk", "New gemba walk", "workshop")
    yield c("edit_workshop", "e", "edit", "Workshop bewerken", "Edit workshop", "workshop")
    yield c("report", "r", "report", "Rapport", "Report", "workshop")
    yield c("conflicts", "k", "conflicts", "Conflicten", "Conflicts", "workshop")
    yield c("back", "escape", "back", "Terug", "Back", "move")
    # -- a persona -----------------------------------------------------------------------------
    yield c("edit", "e", "edit", "Bewerken", "Edit", "selection")
    # -- forms ---------------------------------------------------------------------------------
    yield c("save", "ctrl+s", "save", "Opslaan", "Save", "form", priority=True)
    yield c("create", "ctrl+s", "create", "Opslaan", "Save", "form", priority=True)
    yield c("cancel", "escape", "cancel", "Annuleren", "Cancel", "form")
    # -- the empathy map -----------------------------------------------------------------------
    yield c("next_section", "tab", "step(1)", "Volgende vak", "Next section", "move", priority=True)
    yield c("prev_section", "shift+tab", "step(-1)", "Vorige vak", "Previous section", "move", priority=True)
    yield c(
        "section_right", "right", "right", "Volgende vak", "Next section", "move", show=False, palette=False
    )
    yield c(
        "section_left", "left", "left", "Vorige vak", "Previous section", "move", show=False, palette=False
    )
    for number in range(10):
        yield c(
            f"section_{number}",
            str(number),
            f"jump({number})",
            "Naar vak (0 = doel)",
            "Go to section (0 = goal)",
            "move",
            show=False,
            palette=False,
        )
    yield c("browse", "escape", "escape", "Bladeren", "Browse", "move")
    yield c("type", "enter,i,a", "type", "Typen", "Type", "notes")
    yield c("move_item", "m", "move", "Verplaatsen", "Move", "selection")
    yield c("pain", "p", "valence('pain')", "Pijn", "Pain", "selection")
    yield c("gain", "g", "valence('gain')", "Winst", "Gain", "selection")
    yield c("neutral", "n", "valence('neutral')", "Neutraal", "Neutral", "selection")
    yield c("phase", "t", "phase", "Fase", "Phase", "selection")
    yield c("extended", "x", "extended", "Ziet/Hoort aan/uit", "Sees/Hears on/off", "session", show=False)
    yield c("undo", "ctrl+z", "undo", "Ongedaan maken", "Undo", "notes", priority=True)
    yield c("undo_key", "u", "undo_key", "Ongedaan maken", "Undo", "notes", show=False, palette=False)
    # -- live sessions: both leave with escape, back to typing first ----------------------------
    yield c("leave", "escape", "escape", "Terug", "Back", "move")
    # -- the gemba walk ------------------------------------------------------------------------
    yield c("next_step", "ctrl+down,f6", "step(1)", "Volgende stap", "Next step", "session")
    yield c("prev_step", "ctrl+up,f5", "step(-1)", "Vorige stap", "Previous step", "session")
    yield c("observer", "f7,ctrl+o", "observer", "Wie ben ik", "Who am I", "session")
    yield c("filter", "ctrl+f", "filter", "Filter", "Filter", "session")
    yield c(
        "walk_setup",
        "ctrl+e",
        "setup",
        "Route en observatoren",
        "Route and observers",
        "session",
        show=False,
        priority=True,
    )
    yield c("edit_selected", "e", "screen.edit", "Bewerken", "Edit", "selection")
    yield c("delete_selected", "delete,d", "screen.delete", "Verwijderen", "Delete", "selection")
    yield c("to_action", "a", "screen.to_action", "Actie maken", "Make an action", "selection")
    # -- the customer arena --------------------------------------------------------------------
    yield c("timer", "f5,ctrl+t", "timer", "Klok start/pauze", "Clock start/pause", "session")
    yield c("more_time", "f6,ctrl+b", "more_time", "+5 min", "+5 min", "session")
    yield c("speaker", "f7,ctrl+o", "speaker", "Spreker", "Speaker", "session")
    yield c("next_round", "f8,ctrl+r", "next_round", "Volgende ronde", "Next round", "session")
    yield c(
        "arena_setup",
        "ctrl+e",
        "setup",
        "Ringen en thema's",
        "Rings and themes",
        "session",
        show=False,
        priority=True,
    )
    yield c("commit", "c", "screen.commit", "Toezegging", "Commitment", "selection")
    # -- synthesis (issue 14): themes, dot voting, impact x effort, opportunities ---------------
    yield c("synthesis", "s", "synthesis", "Synthese", "Synthesis", "workshop", show=False)
    yield c("syn_select", "space", "select", "Kiezen aan/uit", "Select on/off", "selection", show=False)
    yield c("syn_theme", "t", "new_theme", "Nieuw thema", "New theme", "selection")
    yield c("syn_add", "c", "add_to_theme", "Bij thema", "Add to theme", "selection")
    yield c("syn_remove", "k", "remove_from_theme", "Uit thema", "Out of theme", "selection", show=False)
    yield c("syn_suggest", "g", "suggest", "Thema uit tags", "Theme from tags", "selection", show=False)
    yield c("syn_rename", "r", "rename", "Thema hernoemen", "Rename theme", "selection", show=False)
    yield c("syn_describe", "b", "describe", "Thema beschrijven", "Describe theme", "selection", show=False)
    yield c("syn_split", "l", "split", "Thema splitsen", "Split theme", "selection", show=False)
    yield c("syn_merge", "m", "merge", "Thema's samenvoegen", "Merge themes", "selection", show=False)
    yield c(
        "syn_delete", "delete,d", "delete_theme", "Thema verwijderen", "Delete theme", "selection", show=False
    )
    yield c("syn_voter", "w", "voter", "Wie stemt", "Who votes", "session")
    yield c("syn_dot", "v", "dot(True)", "Stip", "Dot", "selection")
    yield c("syn_undot", "V,shift+v", "dot(False)", "Stip weg", "Remove dot", "selection", show=False)
    yield c("syn_next_voter", "n", "next_voter", "Volgende stemmer", "Next voter", "session")
    yield c("syn_reveal", "f8,ctrl+r", "reveal", "Stemmen tonen", "Reveal votes", "session")
    yield c("syn_impact", "i", "score('impact')", "Impact 1-4", "Impact 1-4", "selection", show=False)
    yield c("syn_effort", "e", "score('effort')", "Moeite 1-4", "Effort 1-4", "selection", show=False)
    yield c("syn_matrix", "x", "matrix", "Matrix aan/uit", "Matrix on/off", "session")
    yield c(
        "syn_opportunity",
        "o",
        "opportunity",
        "Kans (hoe kunnen we)",
        "Opportunity (how might we)",
        "selection",
    )
    yield c("syn_action", "a", "opportunity_action", "Actiestap", "Action step", "selection", show=False)
    yield c("syn_filter", "f,ctrl+f", "filter", "Filter", "Filter", "session", show=False)
    # -- dialogs and lists ---------------------------------------------------------------------
    yield c("close_help", "escape,q,f1,question_mark", "close", "Sluiten", "Close", "dialog", palette=False)
    yield c("yes", "y,j", "answer(True)", "Ja", "Yes", "dialog", show=False, palette=False)
    yield c("no", "n,escape", "answer(False)", "Nee", "No", "dialog", show=False, palette=False)
    yield c(
        "other_button",
        "left,right",
        "app.focus_next",
        "Andere knop",
        "Other button",
        "dialog",
        show=False,
        palette=False,
    )
    for number in range(1, 10):
        yield c(
            f"pick_{number}",
            str(number),
            f"pick({number})",
            "Kies 1-9",
            "Pick 1-9",
            "dialog",
            show=False,
            palette=False,
        )
    for name, keys, action, nl, en in (
        ("up", "up", "cursor(-1)", "Omhoog", "Up"),
        ("down", "down", "cursor(1)", "Omlaag", "Down"),
        ("page_up", "pageup", "cursor(-10)", "Bladzijde omhoog", "Page up"),
        ("page_down", "pagedown", "cursor(10)", "Bladzijde omlaag", "Page down"),
        ("first", "home", "cursor_to(0)", "Eerste", "First"),
        ("last", "end", "cursor_to(-1)", "Laatste", "Last"),
    ):
        yield c(f"list_{name}", keys, action, nl, en, "move", show=False, palette=False, in_help=False)


COMMANDS: dict[str, Command] = {command.id: command for command in _commands()}
"""The registry, by id, in declaration order."""

_GROUP_ORDER = {group: index for index, group in enumerate(GROUPS)}
_ORDER = {command_id: index for index, command_id in enumerate(COMMANDS)}


def listing_order(command: Command) -> tuple[int, int]:
    """Sort key of the help and the palette: by group (app-wide last), then registry order."""
    return _GROUP_ORDER[command.group], _ORDER[command.id]


def bindings(*ids: str) -> list[Binding]:
    """A `BINDINGS` list built from the registry; an unknown id fails at import, not on screen."""
    return [COMMANDS[command_id].binding() for command_id in ids]


def quiet_bindings(*ids: str) -> list[Binding]:
    """Like `bindings`, left out of the footer (a crowded footer would push Quit and Help
    off the screen); the help and the palette still list them."""
    return [dataclasses.replace(binding, show=False) for binding in bindings(*ids)]


def command_for(binding: Binding) -> Command | None:
    return COMMANDS.get(binding.id) if binding.id else None


def declared_bindings(node: DOMNode) -> Iterator[Binding]:
    """The bindings a node's classes declare (the public `BINDINGS` of each class in its MRO),
    so the help also lists keys of widgets that are not focused right now."""
    for cls in type(node).__mro__:
        declared = cls.__dict__.get("BINDINGS")
        if declared:
            yield from Binding.make_bindings(declared)


def localise_bindings(node: DOMNode, lang: Lang | str) -> None:
    """Give the node's bindings the descriptions of the UI language, by binding id.

    The one place that writes Textual's private `BindingsMap.key_to_bindings` (checked by
    `tests/tui/test_commands.py::test_localise_bindings_pinned_to_textual`). Bindings without
    an id (Textual's own, such as an `Input`'s editing keys) keep their words: they are never
    shown, in the footer, the palette or the help."""
    key_to_bindings = node._bindings.key_to_bindings
    for key, key_bindings in key_to_bindings.items():
        key_to_bindings[key] = [
            dataclasses.replace(b, description=command.description(lang))
            if (command := command_for(b)) is not None
            else b
            for b in key_bindings
        ]


# -- keymaps -----------------------------------------------------------------------------------

_MODIFIERS = frozenset({"ctrl", "shift", "alt", "super", "meta", "hyper"})
_KEY_NAMES = frozenset(key.value for key in Keys if "+" not in key.value and "<" not in key.value)


def _is_key_name(name: str) -> bool:
    """`f8`, `enter`, `question_mark`: a key Textual has a name for."""
    if name in _KEY_NAMES:
        return True
    character = key_to_character(name)  # `banana` is a character too (🍌), but on no keyboard
    return character is not None and character.isascii() and character.isprintable()


def key_problem(keys: object) -> str | None:
    """Why `keys` is not a list of keys Textual understands, or None when it is."""
    if not isinstance(keys, str) or not keys.strip():
        return 'expected keys as text, e.g. "ctrl+n" or "f8,ctrl+n"'
    for key in keys.split(","):
        *modifiers, name = key.strip().split("+")
        unknown = [m for m in modifiers if m not in _MODIFIERS]
        if unknown:
            return f'"{key.strip()}": unknown modifier "{unknown[0]}" (ctrl, shift, alt, super)'
        if not name:
            return f'"{key.strip()}": no key after "+"'
        if len(name) == 1:
            if not name.isprintable() or name.isspace():
                return f'"{key.strip()}": not a key'
            continue
        if not _is_key_name(name):
            return f'"{key.strip()}": unknown key "{name}" (e.g. a letter, f1-f24, up, enter, escape)'
    return None


def check_keymap(entries: Mapping[str, object], source: str) -> tuple[dict[str, str], list[str]]:
    """The good entries of a keymap, and one line per bad one (the default key stays)."""
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for command_id, keys in entries.items():
        if command_id not in COMMANDS:
            problems.append(f"{source}: [keymap] {command_id}: no such command (see the README's key list)")
            continue
        problem = key_problem(keys)
        if problem is not None:
            problems.append(f"{source}: [keymap] {command_id}: {problem}")
            continue
        assert isinstance(keys, str)
        keymap[command_id] = keys.replace(" ", "")
    return keymap, problems
