"""Create a workshop (title, goal, product, phase model, language) or edit its details."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Select, Static, TextArea

from ...model import CUSTOM, PRESETS, Language, Workshop
from ...model.phase_text import PhaseLineError, phases_from_lines
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.caption import Caption
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded
from .forms import field_errors, lines


class WorkshopFormScreen(BaseScreen[Workshop | None]):
    """A new workshop (answered with it, not yet saved) or the details of the open one
    (changed through the workbench); None when cancelled."""

    CSS_PATH = "workshop_form.tcss"
    AUTO_FOCUS = "#title"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("save", "cancel")]

    def __init__(self, bench: Workbench | None = None) -> None:
        super().__init__()
        self.bench = bench
        self.workshop = bench.workshop if bench is not None else None

    def compose(self) -> ComposeResult:
        ws = self.workshop
        lang = self.lang
        with VerticalScroll(id="form"):
            yield Caption(("wsform.edit" if ws else "wsform.new"), self.lang, classes="screen-title")
            yield Caption("form.hint", self.lang, classes="form-hint")
            yield Static("", id="form-error", classes="field-error", markup=False)
            yield Caption("field.title", self.lang, classes="field-label")
            yield Input(ws.title if ws else "", id="title")
            yield Static("", id="title-error", classes="field-error", markup=False)
            yield Caption("field.goal", self.lang, classes="field-label")
            yield Input(ws.goal if ws else "", id="goal")
            yield Static("", id="goal-error", classes="field-error", markup=False)
            yield Caption("field.product", self.lang, classes="field-label")
            yield Input(ws.product if ws else "", id="product")
            yield Static("", id="product-error", classes="field-error", markup=False)
            if ws is None:
                yield Caption("field.phase_model", self.lang, classes="field-label")
                options = [(preset.title(lang), name) for name, preset in PRESETS.items()]
                options.append((self.t("field.custom"), CUSTOM))
                yield Select(options, value="five-stage", allow_blank=False, id="phase_model")
                yield Caption("field.custom_phases", self.lang, classes="field-label custom")
                yield TextArea(id="phases", classes="custom")
                yield Static("", id="phases-error", classes="field-error", markup=False)
            else:
                preset = PRESETS.get(ws.phase_model)
                model = preset.title(lang) if preset else self.t("field.custom")
                phases = " → ".join(p.label(lang) for p in ws.phase_list())
                yield Static(
                    self.t("field.phases_fixed", model=model, phases=phases),
                    classes="field-label",
                    markup=False,
                )
            yield Caption("field.language", self.lang, classes="field-label")
            yield Select(
                [("Nederlands", "nl"), ("English", "en")],
                value=ws.language if ws else lang,
                allow_blank=False,
                id="language",
            )
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show_custom()

    @on(Select.Changed, "#phase_model")
    def phase_model_changed(self) -> None:
        self._show_custom()

    def _show_custom(self) -> None:
        if self.workshop is None:
            custom = self.query_one("#phase_model", Select).value == CUSTOM
            for widget in self.query(".custom"):
                widget.display = custom

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "title": self.query_one("#title", Input).value,
            "goal": self.query_one("#goal", Input).value,
            "product": self.query_one("#product", Input).value,
            "language": self.query_one("#language", Select).value,
        }
        if self.workshop is None:
            model = str(self.query_one("#phase_model", Select).value)
            values["phase_model"] = model
            language: Language = "en" if values["language"] == "en" else "nl"
            text = self.query_one("#phases", TextArea).text
            values["phases"] = phases_from_lines(lines(text), language) if model == CUSTOM else []
        return values

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name in ("title", "goal", "product", "phases"):
            found = self.query(f"#{name}-error")
            if found:
                found.first(Static).update(errors.pop(name, ""))
        rest = "; ".join(f"{k}: {v}" if k != "_" else v for k, v in errors.items())
        self.query_one("#form-error", Static).update(rest)

    @guarded
    def action_save(self) -> None:
        try:
            values = self._values()
        except PhaseLineError as error:
            self._show_errors({"phases": str(error)})
            return
        except ValidationError as error:  # a custom phase that is not a valid phase
            self._show_errors({"phases": error.errors(include_url=False)[0]["msg"]})
            return
        try:
            if self.workshop is None:
                candidate = Workshop.model_validate(values)
            else:
                candidate = Workshop.model_validate({**self.workshop.model_dump(), **values})
        except ValidationError as error:
            self._show_errors(field_errors(error, Workshop, self.t("form.required")))
            return
        self._show_errors({})
        if self.bench is None or self.workshop is None:
            self.dismiss(candidate)
            return
        self.dismiss(self.bench.change(self.workshop, values))

    def action_cancel(self) -> None:
        self.dismiss(None)
