"""Start an empathy map: pick a persona (or create one), then write their goal."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...model import EmpathyMap, Persona
from ..commands import bindings
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded

NEW_PERSONA = "+new"


class NewEmpathyScreen(BaseScreen):
    CSS_PATH = "empathy_new.tcss"
    AUTO_FOCUS = "#persona"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("create", "cancel")]

    def __init__(self, persona_id: str | None = None) -> None:
        super().__init__()
        self.persona_id = persona_id

    @property
    def personas(self) -> list[Persona]:
        return self.app.loaded.bundle.personas  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(self.t("map.new"), classes="screen-title", markup=False)
            yield Static(self.t("form.hint"), classes="form-hint", markup=False)
            yield Static(self.t("map.pick_persona"), classes="field-label", markup=False)
            options = [
                Option(p.name + (f" · {p.segment}" if p.segment else ""), id=p.id) for p in self.personas
            ]
            options.append(Option(self.t("map.create_persona"), id=NEW_PERSONA))
            yield OptionList(*options, id="persona")
            yield Static("", id="persona-error", classes="field-error", markup=False)
            yield Static(self.t("map.title"), classes="field-label", markup=False)
            yield Input(self._default_title(), id="title")
            yield Static("", id="title-error", classes="field-error", markup=False)
            yield Static(self._goal_label(), classes="field-label", id="goal-label", markup=False)
            yield Input("", id="goal")
            yield Checkbox(self.t("map.extended"), value=False, id="extended")
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        ids = [p.id for p in self.personas]
        if self.persona_id in ids:
            self.query_one("#persona", OptionList).highlighted = ids.index(self.persona_id)
            self.query_one("#goal", Input).focus()

    def _chosen(self) -> Persona | None:
        option = self.query_one("#persona", OptionList).highlighted_option
        if option is None:
            return None
        return next((p for p in self.personas if p.id == option.id), None)

    def _default_title(self, persona: Persona | None = None) -> str:
        persona = persona or next((p for p in self.personas if p.id == self.persona_id), None)
        return self.t("map.default_title", name=persona.name) if persona else ""

    def _goal_label(self, persona: Persona | None = None) -> str:
        persona = persona or next((p for p in self.personas if p.id == self.persona_id), None)
        return self.t("map.goal", name=persona.name if persona else "persona")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        persona = self._chosen()
        if persona is None:
            return
        title = self.query_one("#title", Input)
        if not title.value or title.value == self._default_title(self._previous()):
            title.value = self._default_title(persona)
        self.query_one("#goal-label", Static).update(self._goal_label(persona))
        self.persona_id = persona.id

    def _previous(self) -> Persona | None:
        return next((p for p in self.personas if p.id == self.persona_id), None)

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id != NEW_PERSONA:
            self.query_one("#title", Input).focus()
            return
        from .persona import PersonaFormScreen

        def created(persona: Persona | None) -> None:
            if persona is None:
                return
            self.persona_id = persona.id
            self.call_later(self._after_new_persona)

        self.app.push_screen(PersonaFormScreen(), created)

    async def _after_new_persona(self) -> None:
        await self.recompose()
        self.on_mount()
        title = self.query_one("#title", Input)
        title.value = self._default_title()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "goal":
            self.action_create()
        else:
            self.focus_next()

    @guarded
    def action_create(self) -> None:
        persona = self._chosen()
        errors = self.query_one("#persona-error", Static)
        if persona is None:
            errors.update(self.t("ws.need_persona") if not self.personas else self.t("map.pick_persona"))
            self.query_one("#persona").focus()
            return
        errors.update("")
        title = self.query_one("#title", Input).value.strip() or self._default_title(persona)
        emap = EmpathyMap(
            title=title,
            persona=persona.id,
            goal=self.query_one("#goal", Input).value.strip(),
            extended=self.query_one("#extended", Checkbox).value,
            date=dt.date.today(),
        )
        app = self.app
        app.add_document(app.loaded.bundle.empathy_maps, emap)  # type: ignore[attr-defined]
        from .empathy import EmpathyScreen

        app.switch_screen(EmpathyScreen(emap))

    def action_cancel(self) -> None:
        self.app.pop_screen()
