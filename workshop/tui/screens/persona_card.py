"""A persona on a card: who they are, what they want, what bothers them."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from ...model import Persona
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded
from .empathy_new import NewEmpathyScreen
from .persona_form import LIST_FIELDS, PersonaFormScreen


class PersonaCardScreen(BaseScreen[None]):
    """One persona on a card: who they are, what they want, what bothers them."""

    CSS_PATH = "persona.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("edit", "new_map", "back")]

    def __init__(self, bench: Workbench, persona: Persona) -> None:
        super().__init__()
        self.bench = bench
        self.persona = persona
        self.document_id = persona.id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="card"):
            yield Static(self._card(), id="card-body")
        yield StatusLine(markup=False)
        yield Footer()

    def _card(self) -> Group:
        p = self.persona
        parts: list[Text] = [Text(p.name, style="bold")]
        if p.segment:
            parts.append(Text(p.segment, style="italic"))
        if p.quote:
            parts.append(Text(f"\n“{p.quote}”", style="italic"))
        for name in LIST_FIELDS:
            values = getattr(p, name)
            label = self.t(f"persona.{name}").split(" (")[0].split(",")[0]
            parts.append(Text(f"\n{label}", style="bold"))
            if values:
                parts.extend(Text(f"  • {value}") for value in values)
            else:
                parts.append(Text(f"  {self.t('persona.empty')}", style="dim"))
        if p.notes:
            parts.append(Text(f"\n{self.t('persona.notes')}", style="bold"))
            parts.append(Text(p.notes))
        return Group(*parts)

    def relabel(self) -> None:
        self.query_one("#card-body", Static).update(self._card())

    def document_changed(self, document_id: str) -> None:
        """Another writer changed this persona: the card again."""
        if document_id == self.persona.id:
            self.relabel()

    @work(exclusive=True, group="persona card")
    @guarded
    async def action_edit(self) -> None:
        if await self.app.ask(PersonaFormScreen(self.bench, self.persona)) is not None:
            self.relabel()

    @guarded
    def action_new_map(self) -> None:
        self.app.push_screen(NewEmpathyScreen(self.bench, self.persona.id))

    def action_back(self) -> None:
        self.app.pop_screen()
