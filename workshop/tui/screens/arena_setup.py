"""Set up a customer arena: themes, the two rings (the ring rule shown live), round 3's variant."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Footer, Input, Static, TextArea

from ...model import CustomerArena
from ...model.arena_text import ArenaSetup, SetupError, customers_to_text, staff_to_text
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded


class ArenaSetupScreen(BaseScreen):
    """New arena (arena=None) or the set-up of an existing one; ctrl+s saves and opens it."""

    CSS_PATH = "arena_setup.tcss"
    AUTO_FOCUS = "#title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save", priority=True),
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, arena: CustomerArena | None = None) -> None:
        super().__init__()
        self.arena = arena

    def compose(self) -> ComposeResult:
        arena = self.arena
        with VerticalScroll(id="form"):
            yield Static(
                self.t("arena.setup" if arena else "arena.new"), classes="screen-title", markup=False
            )
            yield Static(self.t("form.hint"), classes="form-hint", markup=False)
            yield Static(self.t("arena.title"), classes="field-label", markup=False)
            yield Input(arena.title if arena else self.t("arena.default_title"), id="title")
            yield Static("", id="title-error", classes="field-error", markup=False)
            yield Static(self.t("arena.themes"), classes="field-label", markup=False)
            yield TextArea("\n".join(arena.themes) if arena else "", id="themes")
            yield Static(self.t("arena.inner"), classes="field-label", markup=False)
            yield TextArea(customers_to_text(arena.inner) if arena else "", id="inner")
            yield Static(self.t("arena.outer"), classes="field-label", markup=False)
            yield TextArea(staff_to_text(arena.outer) if arena else "", id="outer")
            yield Static("", id="ring", markup=False)
            yield Static(self.t("arena.override"), classes="field-label", markup=False)
            yield Input(arena.ring_override if arena else "", id="override")
            yield Static(self.t("arena.minutes"), classes="field-label", markup=False)
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

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id in ("inner", "outer"):
            self._show_ring()

    def _show_ring(self) -> None:
        """The method's rule, live: at least as many staff in the outer ring as customers inside."""
        customers, staff = self._setup().ring_counts()
        ring = self.query_one("#ring", Static)
        ok = staff >= customers
        ring.set_class(not ok, "-short")
        ring.update(self.t("arena.ring_ok" if ok else "arena.ring_short", customers=customers, staff=staff))

    def on_input_submitted(self, event: Input.Submitted) -> None:
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
        app = self.app
        try:
            arena = setup.build(app.loaded.bundle.workshop.language, self.arena)  # type: ignore[attr-defined]
        except SetupError as problem:
            self._show_problem(problem)
            return
        if self.arena is None:
            app.add_document(app.loaded.bundle.arenas, arena)  # type: ignore[attr-defined]
        else:
            app.changed(arena)  # type: ignore[attr-defined]
        from .arena import ArenaScreen

        app.switch_screen(ArenaScreen(arena))

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
        self.app.pop_screen()
