"""Conflicts left by `workshop merge` or a git pull: two versions of one note; choose one, or keep both."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...model import Conflict, Document
from ...model.merge import current_version, resolve_conflict
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("text") or value.get("name") or value.get("title") or value)
    return str(value)


def _current(document: Document, conflict: Conflict) -> str:
    value = current_version(document, conflict)
    return "–" if value is None else _text(value)


class ConflictsScreen(BaseScreen):
    CSS_PATH = "conflicts.tcss"
    AUTO_FOCUS = "#conflicts"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "key.back")]

    def documents(self) -> list[Document]:
        bundle = self.app.loaded.bundle  # type: ignore[attr-defined]
        return [d for d in bundle.documents() if d.conflicts]

    def compose(self) -> ComposeResult:
        yield Static(self.t("conflicts.title"), classes="screen-title", markup=False)
        yield Static(self.t("conflicts.hint"), markup=False)
        yield OptionList(*self._options(), id="conflicts")
        yield StatusLine(markup=False)
        yield Footer()

    def _options(self) -> list[Option]:
        options = []
        for document in self.documents():
            title = getattr(document, "title", None) or getattr(document, "name", document.id)
            for index, conflict in enumerate(document.conflicts):
                label = self.t(
                    "conflicts.line",
                    document=title,
                    ours=_current(document, conflict)[:60],
                    theirs=_text(conflict.other)[:60],
                )
                options.append(Option(label, id=f"{document.id}|{index}"))
        return options or [Option(self.t("conflicts.none"), disabled=True)]

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from .dialogs import PickScreen

        event.stop()
        document_id, index_text = (event.option.id or "|").split("|")
        document = next((d for d in self.documents() if d.id == document_id), None)
        if document is None:
            return
        index = int(index_text)
        choices = [("ours", self.t("conflicts.ours")), ("theirs", self.t("conflicts.theirs"))]
        if document.conflicts[index].item is not None:
            choices.append(("both", self.t("conflicts.both")))

        def chosen(choice: str | None) -> None:
            if choice is not None:
                self._settle(document, index, choice)

        self.app.push_screen(PickScreen(self.t("conflicts.choose"), choices), chosen)

    @guarded
    def _settle(self, document: Document, index: int, choice: str) -> None:
        """Settle in place, so every screen holding the document sees the result; then save."""
        settled = resolve_conflict(document, index, choice)
        document.take_fields(settled)
        self.app.changed(document)  # type: ignore[attr-defined]
        conflicts = self.query_one("#conflicts", OptionList)
        conflicts.clear_options()
        conflicts.add_options(self._options())

    def action_back(self) -> None:
        self.app.pop_screen()
