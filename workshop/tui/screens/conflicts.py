"""Conflicts left by `workshop merge` or a git pull: two versions of one note; choose one, or keep both."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from ...model import Conflict, Document
from ...model.merge import current_version
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.caption import Caption
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded
from .dialogs import PickScreen


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("text") or value.get("name") or value.get("title") or value)
    return str(value)


def _current(document: Document, conflict: Conflict) -> str:
    value = current_version(document, conflict)
    return "–" if value is None else _text(value)


class ConflictsScreen(BaseScreen[None]):
    CSS_PATH = "conflicts.tcss"
    AUTO_FOCUS = "#conflicts"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("back")]

    def __init__(self, bench: Workbench) -> None:
        super().__init__()
        self.bench = bench

    def compose(self) -> ComposeResult:
        yield Caption("conflicts.title", self.lang, classes="screen-title")
        yield Caption("conflicts.hint", self.lang)
        yield OptionList(*self._options(), id="conflicts")
        yield StatusLine(markup=False)
        yield Footer()

    def _options(self) -> list[Option]:
        options = []
        for document, index, conflict in self.bench.conflicts():
            title = getattr(document, "title", None) or getattr(document, "name", document.id)
            label = self.t(
                "conflicts.line",
                document=title,
                ours=_current(document, conflict)[:60],
                theirs=_text(conflict.other)[:60],
            )
            options.append(Option(label, id=f"{document.id}|{index}"))
        return options or [Option(self.t("conflicts.none"), disabled=True)]

    def relabel(self) -> None:
        self._show()

    def _show(self) -> None:
        conflicts = self.query_one("#conflicts", OptionList)
        conflicts.clear_options()
        conflicts.add_options(self._options())

    @on(OptionList.OptionSelected, "#conflicts")
    def conflict_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        document_id, index_text = (event.option.id or "|").split("|")
        self.settle(document_id, int(index_text))

    @work(exclusive=True, group="conflicts")
    @guarded
    async def settle(self, document_id: str, index: int) -> None:
        """Choose ours, theirs or both; settled in place, so every screen holding the document
        sees the result; then saved."""
        document = self.bench.document(document_id)
        if document is None or not 0 <= index < len(document.conflicts):
            return
        choices = [("ours", self.t("conflicts.ours")), ("theirs", self.t("conflicts.theirs"))]
        if document.conflicts[index].item is not None:
            choices.append(("both", self.t("conflicts.both")))
        choice = await self.app.ask(PickScreen(self.t("conflicts.choose"), choices))
        if choice is not None:
            self.bench.settle(document, index, choice)
            self._show()

    def action_back(self) -> None:
        self.app.pop_screen()
