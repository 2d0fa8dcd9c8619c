"""Personas: a form for every field of the model, and a card to read one at a glance."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ValidationError
from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Static, TextArea

from ...model import Persona
from ..commands import bindings
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded
from .forms import field_errors, lines

LIST_FIELDS = ("goals", "needs", "expectations", "frustrations", "channels", "devices")
TEXT_FIELDS = ("quote", "notes")


class PersonaFormScreen(BaseScreen):
    """Create or edit a persona; errors appear under the field they are about."""

    CSS_PATH = "persona.tcss"
    AUTO_FOCUS = "#name"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("save", "cancel")]

    def __init__(self, persona: Persona | None = None) -> None:
        super().__init__()
        self.persona = persona
        if persona is not None:
            self.document_id = persona.id

    def compose(self) -> ComposeResult:
        p = self.persona
        with VerticalScroll(id="form"):
            yield Static(self.t("persona.edit" if p else "persona.new"), classes="screen-title", markup=False)
            yield Static(self.t("form.hint"), classes="form-hint", markup=False)
            yield Static("", id="form-error", classes="field-error", markup=False)
            for name in ("name", "segment"):
                yield Static(self.t(f"persona.{name}"), classes="field-label", markup=False)
                yield Input(getattr(p, name) if p else "", id=name)
                yield Static("", id=f"{name}-error", classes="field-error", markup=False)
            yield Static(self.t("persona.quote"), classes="field-label", markup=False)
            yield TextArea(p.quote if p else "", id="quote", classes="short")
            yield Static("", id="quote-error", classes="field-error", markup=False)
            for name in LIST_FIELDS:
                yield Static(self.t(f"persona.{name}"), classes="field-label", markup=False)
                yield TextArea("\n".join(getattr(p, name)) if p else "", id=name)
                yield Static("", id=f"{name}-error", classes="field-error", markup=False)
            yield Static(self.t("persona.notes"), classes="field-label", markup=False)
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
                candidate = Persona(**values)  # type: ignore[arg-type]
            else:
                candidate = Persona.model_validate({**self.persona.model_dump(), **values})
        except ValidationError as error:
            self._show_errors(field_errors(error, Persona, self.t("form.required")))
            return
        self._show_errors({})
        app = self.app
        loaded = app.loaded  # type: ignore[attr-defined]
        if self.persona is None:
            loaded.bundle.personas.append(candidate)
            with app.autosaver.lock:  # type: ignore[attr-defined]
                try:
                    app.store.add(loaded, candidate)  # type: ignore[attr-defined]
                except Exception as error:  # kept in memory; the autosaver retries
                    app.changed(candidate)  # type: ignore[attr-defined]
                    app.show_error(error)  # type: ignore[attr-defined]
            self.dismiss(candidate)
            return
        for name, value in values.items():
            if getattr(self.persona, name) != getattr(candidate, name):
                setattr(self.persona, name, value)
        app.changed(self.persona)  # type: ignore[attr-defined]
        self.dismiss(self.persona)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name in ("name", "segment", *TEXT_FIELDS, *LIST_FIELDS):
            self.query_one(f"#{name}-error", Static).update(errors.pop(name, ""))
        self.query_one("#form-error", Static).update("; ".join(errors.values()))
        if self.query_one("#name-error", Static).content:
            self.query_one("#name", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class PersonaCardScreen(BaseScreen):
    """One persona on a card: who they are, what they want, what bothers them."""

    CSS_PATH = "persona.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("edit", "new_map", "back")]

    def __init__(self, persona: Persona) -> None:
        super().__init__()
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

    def on_screen_resume(self) -> None:
        self.query_one("#card-body", Static).update(self._card())

    def action_edit(self) -> None:
        self.app.push_screen(PersonaFormScreen(self.persona))

    @guarded
    def action_new_map(self) -> None:
        from .empathy_new import NewEmpathyScreen

        self.app.push_screen(NewEmpathyScreen(self.persona.id))

    def action_back(self) -> None:
        self.app.pop_screen()
