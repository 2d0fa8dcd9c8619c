"""A persona's form: every field of the model; errors appear under the field they are about."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Static, TextArea

from ...model import Persona
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.caption import Caption
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded
from .forms import field_errors, lines

LIST_FIELDS = ("goals", "needs", "expectations", "frustrations", "channels", "devices")
TEXT_FIELDS = ("quote", "notes")


class PersonaFormScreen(BaseScreen[Persona | None]):
    """Create or edit a persona; answers with the persona saved, or None when cancelled."""

    CSS_PATH = "persona.tcss"
    AUTO_FOCUS = "#name"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("save", "cancel")]

    def __init__(self, bench: Workbench, persona: Persona | None = None) -> None:
        super().__init__()
        self.bench = bench
        self.persona = persona
        if persona is not None:
            self.document_id = persona.id

    def compose(self) -> ComposeResult:
        p = self.persona
        with VerticalScroll(id="form"):
            yield Caption(("persona.edit" if p else "persona.new"), self.lang, classes="screen-title")
            yield Caption("form.hint", self.lang, classes="form-hint")
            yield Static("", id="form-error", classes="field-error", markup=False)
            for name in ("name", "segment"):
                yield Caption(f"persona.{name}", self.lang, classes="field-label")
                yield Input(getattr(p, name) if p else "", id=name)
                yield Static("", id=f"{name}-error", classes="field-error", markup=False)
            yield Caption("persona.quote", self.lang, classes="field-label")
            yield TextArea(p.quote if p else "", id="quote", classes="short")
            yield Static("", id="quote-error", classes="field-error", markup=False)
            for name in LIST_FIELDS:
                yield Caption(f"persona.{name}", self.lang, classes="field-label")
                yield TextArea("\n".join(getattr(p, name)) if p else "", id=name)
                yield Static("", id=f"{name}-error", classes="field-error", markup=False)
            yield Caption("persona.notes", self.lang, classes="field-label")
            yield TextArea(p.notes if p else "", id="notes")
            yield Static("", id="notes-error", classes="field-error", markup=False)
        yield StatusLine(markup=False)
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "name": self.query_one("#name", Input).value,
            "segment": self.query_one("#segment", Input).value,
        }
        for name in TEXT_FIELDS:
            values[name] = self.query_one(f"#{name}", TextArea).text.strip()
        for name in LIST_FIELDS:
            values[name] = lines(self.query_one(f"#{name}", TextArea).text)
        return values

    @guarded
    def action_save(self) -> None:
        values = self.values()
        try:
            if self.persona is None:
                candidate = Persona.model_validate(values)
            else:
                candidate = Persona.model_validate({**self.persona.model_dump(), **values})
        except ValidationError as error:
            self._show_errors(field_errors(error, Persona, self.t("form.required")))
            return
        self._show_errors({})
        if self.persona is None:
            self.bench.add(candidate)
            self.dismiss(candidate)
            return
        self.bench.change(self.persona, values)
        self.dismiss(self.persona)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name in ("name", "segment", *TEXT_FIELDS, *LIST_FIELDS):
            self.query_one(f"#{name}-error", Static).update(errors.pop(name, ""))
        self.query_one("#form-error", Static).update("; ".join(errors.values()))
        if self.query_one("#name-error", Static).content:
            self.query_one("#name", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
