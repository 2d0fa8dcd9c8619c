"""Set up a customer arena: themes, the two rings (the ring rule shown live), round 3's variant."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Footer, Input, Static, TextArea

from ...model import CustomerArena, default_rounds
from ...model.arena_text import customers_from_text, customers_to_text, staff_from_text, staff_to_text
from ..commands import bindings
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded


class ArenaSetupScreen(BaseScreen):
    """New arena (arena=None) or the set-up of an existing one; ctrl+s saves and opens it."""

    CSS_PATH = "arena_setup.tcss"
    AUTO_FOCUS = "#title"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("save", "cancel")]

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

    def _counts(self) -> tuple[int, int]:
        inner = [line for line in self.query_one("#inner", TextArea).text.splitlines() if line.strip()]
        outer = [line for line in self.query_one("#outer", TextArea).text.splitlines() if line.strip()]
        return len(inner), len(outer)

    def _show_ring(self) -> None:
        """The method's rule, live: at least as many staff in the outer ring as customers inside."""
        customers, staff = self._counts()
        ring = self.query_one("#ring", Static)
        ok = staff >= customers
        ring.set_class(not ok, "-short")
        ring.update(self.t("arena.ring_ok" if ok else "arena.ring_short", customers=customers, staff=staff))

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
        customers, staff = self._counts()
        override = self.query_one("#override", Input).value.strip()
        if staff < customers and not override:
            self.query_one("#ring", Static).update(
                self.t("arena.ring_refused", customers=customers, staff=staff)
            )
            self.query_one("#override").focus()
            return
        try:
            minutes = [
                int(part) for part in self.query_one("#minutes", Input).value.replace(",", " ").split()
            ]
            if len(minutes) != 3 or not all(1 <= m <= 240 for m in minutes):
                raise ValueError
        except ValueError:
            self.query_one("#minutes-error", Static).update(self.t("arena.minutes_error"))
            self.query_one("#minutes").focus()
            return
        arena = self.arena
        inner = customers_from_text(self.query_one("#inner", TextArea).text, arena.inner if arena else [])
        outer = staff_from_text(self.query_one("#outer", TextArea).text, arena.outer if arena else [])
        themes = [
            line.strip() for line in self.query_one("#themes", TextArea).text.splitlines() if line.strip()
        ]
        variant = "mixed" if self.query_one("#mixed", Checkbox).value else "swap"
        app = self.app
        if arena is None:
            rounds = default_rounds(self.app.loaded.bundle.workshop.language, variant)  # type: ignore[attr-defined]
            for round_, planned in zip(rounds, minutes, strict=True):
                round_.planned_minutes = planned
            arena = CustomerArena(
                title=title,
                date=dt.date.today(),
                themes=themes,
                round3_variant=variant,
                inner=inner,
                outer=outer,
                ring_override=override if staff < customers else "",
                rounds=rounds,
            )
            app.add_document(app.loaded.bundle.arenas, arena)  # type: ignore[attr-defined]
        else:
            speakers = {person.id for person in (*inner, *outer)}
            if any(n.speaker and n.speaker not in speakers for n in arena.notes()):
                self.query_one("#ring", Static).update(self.t("arena.speaker_in_use"))
                return
            data = arena.model_dump()
            data.update(
                title=title,
                themes=themes,
                round3_variant=variant,
                inner=[c.model_dump() for c in inner],
                outer=[s.model_dump() for s in outer],
                ring_override=override if staff < customers else "",
            )
            for round_ in data["rounds"]:
                round_["planned_minutes"] = minutes[round_["number"] - 1]
            updated = CustomerArena.model_validate(data)
            for name in ("title", "themes", "round3_variant", "inner", "outer", "ring_override", "rounds"):
                object.__setattr__(arena, name, getattr(updated, name))
            app.changed(arena)  # type: ignore[attr-defined]
        from .arena import ArenaScreen

        app.switch_screen(ArenaScreen(arena))

    def action_cancel(self) -> None:
        self.app.pop_screen()
