"""Start an empathy map: pick a persona (or create one), then write their goal."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...model import EmpathyMap, Persona
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.caption import Caption
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded
from .empathy import EmpathyScreen
from .persona_form import PersonaFormScreen

NEW_PERSONA = "+new"


class NewEmpathyScreen(BaseScreen[None]):
    CSS_PATH = "empathy_new.tcss"
    AUTO_FOCUS = "#persona"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("create", "cancel")]

    def __init__(self, bench: Workbench, persona_id: str | None = None) -> None:
        super().__init__()
        self.bench = bench
        self.persona_id = persona_id

    @property
    def personas(self) -> list[Persona]:
        return self.bench.bundle.personas

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Caption("map.new", self.lang, classes="screen-title")
            yield Caption("form.hint", self.lang, classes="form-hint")
            yield Caption("map.pick_persona", self.lang, classes="field-label")
            yield OptionList(*self._options(), id="persona")
            yield Static("", id="persona-error", classes="field-error", markup=False)
            yield Caption("map.title", self.lang, classes="field-label")
            yield Input(self._default_title(), id="title")
            yield Static("", id="title-error", classes="field-error", markup=False)
            yield Static(self._goal_label(), classes="field-label", id="goal-label", markup=False)
            yield Input("", id="goal")
            yield Checkbox(self.t("map.extended"), value=False, id="extended")
        yield StatusLine(markup=False)
        yield Footer()

    def _options(self) -> list[Option]:
        options = [Option(p.name + (f" · {p.segment}" if p.segment else ""), id=p.id) for p in self.personas]
        options.append(Option(self.t("map.create_persona"), id=NEW_PERSONA))
        return options

    def on_mount(self) -> None:
        self._pick_persona()

    def _pick_persona(self) -> None:
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

    @on(OptionList.OptionSelected, "#persona")
    def persona_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id != NEW_PERSONA:
            self.query_one("#title", Input).focus()
            return
        self.new_persona()

    @work(exclusive=True, group="new persona")
    @guarded
    async def new_persona(self) -> None:
        persona = await self.app.ask(PersonaFormScreen(self.bench))
        if persona is None:
            return
        self.persona_id = persona.id
        personas = self.query_one("#persona", OptionList)
        personas.clear_options()
        personas.add_options(self._options())
        self._pick_persona()
        self.query_one("#title", Input).value = self._default_title()

    def relabel(self) -> None:
        personas = self.query_one("#persona", OptionList)
        index = personas.highlighted
        personas.replace_option_prompt(NEW_PERSONA, self.t("map.create_persona"))
        personas.highlighted = index
        self.query_one("#goal-label", Static).update(self._goal_label(self._chosen()))
        self.query_one("#extended", Checkbox).label = self.t("map.extended")

    @on(Input.Submitted, "#goal")
    def goal_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_create()

    @on(Input.Submitted, "#title")
    def title_submitted(self, event: Input.Submitted) -> None:
        event.stop()
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
        self.bench.add(emap)
        self.app.switch_screen(EmpathyScreen(self.bench, emap))

    def action_cancel(self) -> None:
        self.app.pop_screen()
