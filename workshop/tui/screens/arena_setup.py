"""Set up a customer arena: themes, the two rings (the ring rule shown live), round 3's variant."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Footer, Input, Static, TextArea

from ...model import CustomerArena
from ...model.arena_text import (
    ArenaSetup,
    SetupError,
    customers_to_text,
    staff_to_text,
)
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.caption import Caption
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded


class ArenaSetupScreen(BaseScreen[CustomerArena | None]):
    """New arena (arena=None) or the set-up of an existing one; ctrl+s saves and answers with
    the arena (the opener shows it), esc answers None."""

    CSS_PATH = "arena_setup.tcss"
    AUTO_FOCUS = "#title"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("save", "cancel")]

    def __init__(self, bench: Workbench, arena: CustomerArena | None = None) -> None:
        super().__init__()
        self.bench = bench
        self.arena = arena

    def compose(self) -> ComposeResult:
        arena = self.arena
        with VerticalScroll(id="form"):
            yield Static(
                self.t("arena.setup" if arena else "arena.new"), classes="screen-title", markup=False
            )
            yield Caption("form.hint", self.lang, classes="form-hint")
            yield Caption("arena.title", self.lang, classes="field-label")
            yield Input(arena.title if arena else self.t("arena.default_title"), id="title")
            yield Static("", id="title-error", classes="field-error", markup=False)
            yield Caption("arena.themes", self.lang, classes="field-label")
            yield TextArea("\n".join(arena.themes) if arena else "", id="themes")
            yield Caption("arena.inner", self.lang, classes="field-label")
            yield TextArea(customers_to_text(arena.inner) if arena else "", id="inner")
            yield Caption("arena.outer", self.lang, classes="field-label")
            yield TextArea(staff_to_text(arena.outer) if arena else "", id="outer")
            yield Static("", id="ring", markup=False)
            yield Caption("arena.override", self.lang, classes="field-label")
            yield Input(arena.ring_override if arena else "", id="override")
            yield Caption("arena.minutes", self.lang, classes="field-label")
            minutes = (
                [r.planned_minutes for r in sorted(arena.rounds, key=lambda r: r.number)]
                if arena
                else [20, 20, 20]
            )
            yield Input(" ".join(str(m) for m in minutes), id="minutes")
            yield Static("", id="minutes-error", classes="field-error", markup=False)
            yield Checkbox(
                self.t("arena.mixed"), value=bool(arena and arena.round3_variant == "mixed"), id="mixed"
            )
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self._show_ring()

    @on(TextArea.Changed, "#inner, #outer")
    def rings_changed(self) -> None:
        self._show_ring()

    def relabel(self) -> None:
        self._show_ring()
        self.query_one("#mixed", Checkbox).label = self.t("arena.mixed")

    def _show_ring(self) -> None:
        """The method's rule, live: at least as many staff in the outer ring as customers inside."""
        customers, staff = self._setup().ring_counts()
        ring = self.query_one("#ring", Static)
        ok = staff >= customers
        ring.set_class(not ok, "-short")
        ring.update(self.t("arena.ring_ok" if ok else "arena.ring_short", customers=customers, staff=staff))

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _setup(self) -> ArenaSetup:
        return ArenaSetup(
            title=self.query_one("#title", Input).value,
            themes=self.query_one("#themes", TextArea).text,
            inner=self.query_one("#inner", TextArea).text,
            outer=self.query_one("#outer", TextArea).text,
            override=self.query_one("#override", Input).value,
            minutes=self.query_one("#minutes", Input).value,
            mixed=self.query_one("#mixed", Checkbox).value,
        )

    @guarded
    def action_save(self) -> None:
        setup = self._setup()
        self.query_one("#title-error", Static).update("")
        self.query_one("#minutes-error", Static).update("")
        try:
            arena = setup.build(self.bench.workshop.language, self.arena)
        except SetupError as problem:
            self._show_problem(problem)
            return
        if self.arena is None:
            self.bench.add(arena)
        else:
            self.bench.update(arena)
        self.dismiss(arena)

    def _show_problem(self, problem: SetupError) -> None:
        """The refused field says why, and gets the focus."""
        if problem.field == "title":
            self.query_one("#title-error", Static).update(self.t("form.required"))
            self.query_one("#title").focus()
        elif problem.field == "ring":
            self.query_one("#ring", Static).update(
                self.t("arena.ring_refused", customers=problem.customers, staff=problem.staff)
            )
            self.query_one("#override").focus()
        elif problem.field == "minutes":
            self.query_one("#minutes-error", Static).update(self.t("arena.minutes_error"))
            self.query_one("#minutes").focus()
        else:
            self.query_one("#ring", Static).update(self.t("arena.speaker_in_use"))

    def action_cancel(self) -> None:
        self.dismiss(None)
