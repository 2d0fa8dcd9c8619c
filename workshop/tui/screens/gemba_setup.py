"""Set up a gemba walk: focus, consent note, observers, and the route as lines (one step each)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Static, TextArea

from ...model import GembaWalk
from ...model.route_text import observers_from_text, observers_to_text, route_from_text, route_to_text
from ..commands import bindings
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded


class GembaSetupScreen(BaseScreen):
    """New walk (walk=None) or the set-up of an existing one; ctrl+s saves and opens the walk."""

    CSS_PATH = "gemba_setup.tcss"
    AUTO_FOCUS = "#title"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("save", "cancel")]

    def __init__(self, walk: GembaWalk | None = None) -> None:
        super().__init__()
        self.walk = walk

    @property
    def phases(self) -> list[Any]:
        return self.app.loaded.bundle.workshop.phase_list()  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        walk = self.walk
        with VerticalScroll(id="form"):
            yield Static(self.t("gemba.setup" if walk else "gemba.new"), classes="screen-title", markup=False)
            yield Static(self.t("form.hint"), classes="form-hint", markup=False)
            yield Static(self.t("gemba.title"), classes="field-label", markup=False)
            yield Input(walk.title if walk else self.t("gemba.default_title"), id="title")
            yield Static("", id="title-error", classes="field-error", markup=False)
            yield Static(self.t("gemba.focus"), classes="field-label", markup=False)
            yield Input(walk.focus if walk else "", id="focus")
            yield Static(self.t("gemba.consent"), classes="field-label", markup=False)
            yield Input(walk.consent_note if walk else "", id="consent")
            yield Static(self.t("gemba.observers"), classes="field-label", markup=False)
            yield TextArea(observers_to_text(walk.observers) if walk else "", id="observers")
            phases = ", ".join(f"@{p.key}" for p in self.phases)
            yield Static(self.t("gemba.route", phases=phases), classes="field-label", markup=False)
            yield TextArea(route_to_text(walk.route, self.phases) if walk else "", id="route")
            yield Static("", id="route-error", classes="field-error", markup=False)
        yield StatusLine(markup=False)
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @guarded
    def action_save(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        self.query_one("#title-error", Static).update("" if title else self.t("form.required"))
        if not title:
            self.query_one("#title").focus()
            return
        walk = self.walk
        used: dict[str, int] = {}
        if walk is not None:
            for observation in walk.observations:
                if observation.step:
                    used[observation.step] = used.get(observation.step, 0) + 1
        route = route_from_text(
            self.query_one("#route", TextArea).text, self.phases, walk.route if walk else [], used
        )
        self.query_one("#route-error", Static).update("\n".join(route.problems))
        if route.problems:
            self.query_one("#route").focus()
            return
        observers = observers_from_text(
            self.query_one("#observers", TextArea).text, walk.observers if walk else []
        )
        focus = self.query_one("#focus", Input).value.strip()
        consent = self.query_one("#consent", Input).value.strip()
        app = self.app
        if walk is None:
            walk = GembaWalk(
                title=title,
                date=dt.date.today(),
                focus=focus,
                consent_note=consent,
                observers=observers,
                route=route.steps,
            )
            app.add_document(app.loaded.bundle.walks, walk)  # type: ignore[attr-defined]
        else:
            known_observers = {o.id for o in observers}
            dropped = [o for o in walk.observations if o.observer and o.observer not in known_observers]
            if dropped:
                self.query_one("#route-error", Static).update(self.t("gemba.observer_in_use"))
                return
            walk.title, walk.focus, walk.consent_note = title, focus, consent
            walk.observers, walk.route = observers, route.steps
            app.changed(walk)  # type: ignore[attr-defined]
        from .gemba import GembaScreen

        app.switch_screen(GembaScreen(walk))

    def action_cancel(self) -> None:
        self.app.pop_screen()
