"""Help: the keys of the screen it was opened from, and each method in two lines."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from .base import BaseModal


class HelpScreen(BaseModal):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "close", "key.back"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self.t("help.title"), classes="screen-title", markup=False)
            yield Static(self._keys(), id="help-keys")
            yield Static(self.t("help.palette"), classes="help-note", markup=False)
            yield Static(self.t("help.methods"), classes="help-heading", markup=False)
            for method in ("persona", "empathy", "arena", "gemba"):
                yield Static(self.t(f"help.{method}"), classes="help-method", markup=False)
            yield Static(self.t("help.close"), classes="form-hint", markup=False)

    def _keys(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        table.title = self.t("help.keys")
        table.title_justify = "left"
        seen: set[tuple[str, str]] = set()
        for key, active in self.under.active_bindings.items():
            binding = active.binding
            if not binding.description:
                continue
            shown = self.app.get_key_display(binding)
            entry = (binding.action, binding.description)
            if entry in seen:
                continue
            seen.add(entry)
            table.add_row(Text(shown or key), Text(binding.description))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
