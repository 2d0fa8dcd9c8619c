"""Help: the keys of the screen it was opened from, grouped and in the UI language, then the
keys that work everywhere, then each method in two lines.

Only commands from the registry are listed. Textual's own bindings (an `Input`'s editing keys,
scrolling, copy) are left out on purpose and summed up in one translated line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from ..commands import GROUPS, Command, Group, bindings, command_for, declared_bindings, listing_order
from .base import BaseModal

HelpRow = tuple[Group, str, list[str]]
"""(group, description, keys as shown)."""


def screen_commands(screen: Screen[object], app_node: DOMNode) -> list[Command]:
    """The registry commands bound on the screen and its widgets, then the app's, each once."""
    seen: dict[str, Command] = {}
    nodes: Iterable[DOMNode] = [screen, *screen.query("*"), app_node]
    for node in nodes:
        for binding in declared_bindings(node):
            command = command_for(binding)
            if command is not None and command.in_help and command.id not in seen:
                seen[command.id] = command
    return sorted(seen.values(), key=listing_order)


class HelpScreen(BaseModal[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("close_help")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self.t("help.title"), classes="screen-title", markup=False)
            yield Static(self.t("help.keys"), classes="help-heading", markup=False)
            yield Static(self._keys(), id="help-keys")
            yield Static(self.t("help.editing"), classes="help-note", markup=False)
            yield Static(self.t("help.palette"), classes="help-note", markup=False)
            path = getattr(getattr(self.app, "settings", None), "path", "config.toml")
            yield Static(self.t("help.keymap", path=str(path)), classes="help-note", markup=False)
            yield Static(self.t("help.methods"), classes="help-heading", markup=False)
            for method in ("persona", "empathy", "arena", "gemba"):
                yield Static(self.t(f"help.{method}"), classes="help-method", markup=False)
            yield Static(self.t("help.close"), classes="form-hint", markup=False)

    def rows(self) -> list[HelpRow]:
        """One row per description and group: `undo` (ctrl+z) and `undo_key` (u) share one."""
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        rows: dict[tuple[Group, str], list[str]] = {}
        for command in screen_commands(self.under, self.app):
            keys = rows.setdefault((command.group, command.description(self.lang)), [])
            for key in keymap.get(command.id, command.keys).split(","):
                shown = self.app.get_key_display(Binding(key.strip(), command.action))
                if shown not in keys:
                    keys.append(shown)
        return [(group, description, keys) for (group, description), keys in rows.items()]

    def _keys(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        lang_index = 1 if self.lang == "en" else 0
        group: Group | None = None
        for row_group, description, keys in self.rows():
            if row_group != group:
                if group is not None:
                    table.add_row("", "")
                group = row_group
                table.add_row(Text(GROUPS[row_group][lang_index], style="underline"), "")
            shown = f"{keys[0]}…{keys[-1]}" if len(keys) > 4 else " / ".join(keys)
            table.add_row(Text(shown), Text(description))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
