"""Set up a gemba walk: focus, consent note, observers, and the route as lines (one step each)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Static, TextArea

from ...model import GembaWalk, Phase
from ...model.route_text import observers_from_text, observers_to_text, route_from_text, route_to_text
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.caption import Caption
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded


class GembaSetupScreen(BaseScreen[GembaWalk | None]):
    """New walk (walk=None) or the set-up of an existing one; ctrl+s saves and answers with
    the walk (the opener shows it), esc answers None."""

    CSS_PATH = "gemba_setup.tcss"
    AUTO_FOCUS = "#title"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("save", "cancel")]

    def __init__(self, bench: Workbench, walk: GembaWalk | None = None) -> None:
        super().__init__()
        self.bench = bench
        self.walk = walk

    @property
    def phases(self) -> list[Phase]:
        return self.bench.workshop.phase_list()

    def compose(self) -> ComposeResult:
        walk = self.walk
        with VerticalScroll(id="form"):
            yield Caption(("gemba.setup" if walk else "gemba.new"), self.lang, classes="screen-title")
            yield Caption("form.hint", self.lang, classes="form-hint")
            yield Caption("gemba.title", self.lang, classes="field-label")
            yield Input(walk.title if walk else self.t("gemba.default_title"), id="title")
            yield Static("", id="title-error", classes="field-error", markup=False)
            yield Caption("gemba.focus", self.lang, classes="field-label")
            yield Input(walk.focus if walk else "", id="focus")
            yield Caption("gemba.consent", self.lang, classes="field-label")
            yield Input(walk.consent_note if walk else "", id="consent")
            yield Caption("gemba.observers", self.lang, classes="field-label")
            yield TextArea(observers_to_text(walk.observers) if walk else "", id="observers")
            phases = ", ".join(f"@{p.key}" for p in self.phases)
            yield Caption("gemba.route", self.lang, classes="field-label", phases=phases)
            yield TextArea(route_to_text(walk.route, self.phases) if walk else "", id="route")
            yield Static("", id="route-error", classes="field-error", markup=False)
        yield StatusLine(markup=False)
        yield Footer()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
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
        if walk is None:
            walk = GembaWalk(
                title=title,
                date=dt.date.today(),
                focus=focus,
                consent_note=consent,
                observers=observers,
                route=route.steps,
            )
            self.bench.add(walk)
        else:
            known_observers = {o.id for o in observers}
            dropped = [o for o in walk.observations if o.observer and o.observer not in known_observers]
            if dropped:
                self.query_one("#route-error", Static).update(self.t("gemba.observer_in_use"))
                return
            self.bench.change(
                walk,
                {
                    "title": title,
                    "focus": focus,
                    "consent_note": consent,
                    "observers": observers,
                    "route": route.steps,
                },
            )
        self.dismiss(walk)

    def action_cancel(self) -> None:
        self.dismiss(None)
