"""The gemba walk log: one line per observation, typed fast while walking the route.

The hot path (Enter on the capture line) is constant time whatever the walk holds: parse,
append, one index update, one redraw of the visible log lines and the step panel, a save
mark for the background saver."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Static

from ...live.gemba import FilterField, GembaSession, LogFilter, WalkIndex
from ...model import WASTES, GembaWalk, Observation
from ...model.capture import Capture
from ...workbench import Workbench
from ..commands import bindings, quiet_bindings
from ..host import WorkshopHost
from ..providers.targets import Choice
from ..widgets.capture_input import CaptureInput
from ..widgets.item_list import ItemList, Row
from ..widgets.status_line import StatusLine
from .action_prompt import ask_for_action
from .base import BaseScreen, guarded, localise_bindings
from .dialogs import PickScreen, TextPromptScreen
from .gemba_setup import GembaSetupScreen
from .live_base import TakesLines

FILTER_FIELDS: tuple[FilterField, ...] = ("step", "kind", "waste", "observer")


class GembaScreen(TakesLines, BaseScreen[None]):
    CSS_PATH = "gemba.tcss"
    AUTO_FOCUS = "#capture"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(
            "next_step",
            "prev_step",
            "observer",
            "filter",
            "walk_setup",
            "leave",
        ),
        *quiet_bindings("undo"),
    ]

    def __init__(self, bench: Workbench, walk: GembaWalk) -> None:
        super().__init__()
        self.bench = bench
        self.walk = walk
        self.document_id = walk.id
        self.session = GembaSession(walk, on_change=self._changed)

    def _changed(self, immediately: bool) -> None:
        self.bench.update(self.walk, immediately)

    @property
    def index(self) -> WalkIndex:
        return self.session.index

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self.walk.title, classes="screen-title", markup=False)
        yield Static(self._where(), id="where", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="log-column"):
                yield Static(self._filter_line(), id="filter", markup=False)
                yield LogList(self.session.view, self._row, self.t("gemba.empty_log"), id="log")
            yield Static(self._panel(), id="panel", markup=False)
        yield CaptureInput(placeholder=self.t("gemba.capture"), id="capture")
        yield Static(self.t("gemba.grammar"), id="preview", markup=False)
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._claim()

    def on_unmount(self) -> None:
        self.bench.release(self.walk.id)

    def _claim(self) -> None:
        """Tell the note-taker when someone else has this walk open, and from then on write
        this process's observations to a file of its own beside the walk."""
        claim = self.bench.claim_walk(self.walk, self.session.observer_name())
        if claim is not None:
            self.notify(
                self.t("gemba.shared", who=claim.holder.describe(), file=claim.log.name),
                severity="warning",
                timeout=12,
            )

    def _where(self) -> str:
        route = self.walk.route
        if not route:
            return self.t("gemba.no_route")
        number = self.session.step_number()
        step = route[number - 1] if number else None
        phase = self.bench.workshop.phase_label(step.phase, self.lang) if step else ""
        who = self.session.observer_name() or "–"
        name = step.name if step else "–"
        return self.t("gemba.where", number=number, total=len(route), step=name, phase=phase, who=who)

    def _filter_line(self) -> str:
        f = self.session.log_filter
        parts = []
        if f.step:
            parts.append(f"{self.t('gemba.f_step')}: {self.session.step_names.get(f.step, f.step)}")
        if f.kind:
            parts.append(f"{self.t('gemba.f_kind')}: {self.t('kind.' + f.kind)}")
        if f.waste:
            parts.append(f"{self.t('gemba.f_waste')}: {WASTES[f.waste].label(self.lang)}")
        if f.observer:
            name = self.session.observer_name(f.observer) or f.observer
            parts.append(f"{self.t('gemba.f_observer')}: {name}")
        shown = len(self.session.view)
        if not parts:
            return self.t("gemba.log_all", count=shown)
        return self.t("gemba.log_filtered", count=shown, filter=" · ".join(parts))

    def _panel(self) -> str:
        lines = [self.t("gemba.panel")]
        for number, step in enumerate(self.walk.route, start=1):
            mark = "▶" if step.id == self.session.current_step else " "
            count = self.index.count[step.id]
            wait = self.index.wait[step.id]
            wait_text = f" · {wait:g} min" if wait else ""
            lines.append(f"{mark}{number:>2} {step.name[:20]:<20} {count:>4}{wait_text}")
        if self.index.count[None]:
            lines.append(f"   {self.t('gemba.no_step'):<20} {self.index.count[None]:>4}")
        total = self.session.total()
        lines.append("")
        lines.append(self.t("gemba.totals", count=total, wait=f"{self.index.total_wait:g}"))
        return "\n".join(lines)

    def _row(self, observation: Observation) -> Row:
        marker = "pain" if observation.kind == "pain" else "gain" if observation.kind == "gain" else ""
        time = observation.at.strftime("%H:%M ") if observation.at else ""
        extras = []
        if observation.kind in ("idea", "question"):
            extras.append(self.t(f"kind.{observation.kind}"))
        if observation.severity:
            extras.append(f"!{observation.severity}")
        if observation.wait_minutes:
            extras.append(f"{observation.wait_minutes:g} min")
        extras.extend(WASTES[w].label(self.lang) for w in observation.waste)
        step = self.session.step_names.get(observation.step or "", "")
        tag = " · ".join([step, *extras]) if step else " · ".join(extras)
        return marker, f"{time}{observation.text}", tag

    # -- quick capture -------------------------------------------------------------------

    def _parse(self, line: str) -> Capture:
        return self.session.parse(line)

    @on(Input.Changed, "#capture")
    def capture_changed(self, event: Input.Changed) -> None:
        self._show_preview(event.value)

    def _show_preview(self, line: str) -> None:
        preview = self.query_one("#preview", Static)
        preview.update(self._describe(self._parse(line)) if line.strip() else self.t("gemba.grammar"))

    def relabel(self) -> None:
        """Every word in the new language, in place: what is being typed stays as it is."""
        self.query_one("#where", Static).update(self._where())
        self.query_one("#filter", Static).update(self._filter_line())
        self.query_one("#panel", Static).update(self._panel())
        capture = self.query_one("#capture", Input)
        capture.placeholder = self.t("gemba.capture")
        self._show_preview(capture.value)
        log = self.query_one("#log", ItemList)
        log.empty_text = self.t("gemba.empty_log")
        log.refresh()

    def _describe(self, capture: Capture) -> str:
        """What the line was understood to say, before Enter: the note-taker can correct it."""
        parts = [f"→ {capture.text or '…'}"]
        if capture.step:
            parts.append(f"@{self.session.step_names.get(capture.step, capture.step)}")
        if capture.kind != "observation":
            parts.append(self.t(f"kind.{capture.kind}"))
        parts.extend(f"#{WASTES[w].label(self.lang)}" for w in capture.waste)
        parts.extend(f"#{tag}" for tag in capture.tags)
        if capture.severity is not None:
            parts.append(f"!{capture.severity}")
        if capture.emotion is not None:
            parts.append(f"{capture.emotion:+d}")
        if capture.wait_minutes is not None:
            parts.append(f"{capture.wait_minutes:g} min")
        if capture.lane is not None:
            parts.append(f"^{capture.lane}")
        parts.extend(f"⚠ {warning}" for warning in capture.warnings)
        return "  ".join(parts)

    @on(Input.Submitted, "#capture")
    @guarded
    def capture_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.take_line(event.value)

    def take_line(self, value: str) -> None:
        """One line typed or pasted becomes one observation; a line with no text goes back."""
        if not value.strip():
            return
        capture = self._parse(value)
        if not capture.text:
            self.query_one("#preview", Static).update(self.t("gemba.no_text"))
            self.query_one("#capture", CaptureInput).restore(value)
            return
        self.log_capture(capture)

    def log_capture(self, capture: Capture) -> Observation:
        """The hot path: one observation logged by the session; one list, two lines redrawn."""
        step = self.session.current_step
        observation, shown = self.session.log(capture, dt.datetime.now())
        if shown:
            log = self.query_one("#log", ItemList)
            log.cursor = 0
            log.sync()
        if self.session.current_step != step:
            self.query_one("#where", Static).update(self._where())
        self.query_one("#panel", Static).update(self._panel())
        self.query_one("#filter", Static).update(self._filter_line())
        return observation

    # -- keys ----------------------------------------------------------------------------

    def action_step(self, offset: int) -> None:
        self.session.step(offset)
        self.query_one("#where", Static).update(self._where())
        self.query_one("#panel", Static).update(self._panel())
        self._show_preview(self.query_one("#capture", Input).value)

    @work(exclusive=True, group="gemba dialog")
    async def action_observer(self) -> None:
        if not self.walk.observers:
            self.notify(self.t("gemba.no_observers"))
            return
        options = [(o.id, f"{o.name} ({o.role})" if o.role else o.name) for o in self.walk.observers]
        observer_id = await self.app.ask(PickScreen(self.t("gemba.who"), options, self.session.observer))
        if observer_id:
            self.choose_person(observer_id)

    # -- found by name in the command palette (providers.targets) ------------------------

    person_role = "observer"

    def route_choices(self) -> list[Choice]:
        workshop = self.bench.workshop
        return [Choice(s.id, s.name, workshop.phase_label(s.phase, self.lang)) for s in self.walk.route]

    def go_to_step(self, step_id: str) -> None:
        if any(step.id == step_id for step in self.walk.route):
            self.session.current_step = step_id
            self.action_step(0)

    def people_choices(self) -> list[Choice]:
        return [Choice(o.id, o.name, o.role) for o in self.walk.observers]

    def choose_person(self, person_id: str) -> None:
        if any(o.id == person_id for o in self.walk.observers):
            self.session.choose_observer(person_id)
            self.query_one("#where", Static).update(self._where())

    @work(exclusive=True, group="gemba dialog")
    async def action_filter(self) -> None:
        kinds = [("step", "f_step"), ("kind", "f_kind"), ("waste", "f_waste"), ("observer", "f_observer")]
        options = [(key, self.t(f"gemba.{label}")) for key, label in kinds]
        options.append(("all", self.t("gemba.f_all")))
        what = await self.app.ask(PickScreen(self.t("key.filter"), options))
        if what is None:
            return
        if what == "all":
            self._apply_filter(LogFilter())
            return
        field = next((f for f in FILTER_FIELDS if f == what), None)
        if field is None:
            return
        value = await self.app.ask(PickScreen(self.t(f"gemba.f_{field}"), self._filter_options(field)))
        if value is not None:
            self.session.filter_by(field, value)
            self._show_log()

    def _filter_options(self, what: str) -> list[tuple[str, str]]:
        if what == "step":
            return [(s.id, s.name) for s in self.walk.route]
        if what == "kind":
            return [(k, self.t(f"kind.{k}")) for k in ("observation", "pain", "gain", "idea", "question")]
        if what == "waste":
            return [(key, w.label(self.lang)) for key, w in WASTES.items()]
        return [(o.id, o.name) for o in self.walk.observers]

    def _apply_filter(self, log_filter: LogFilter) -> None:
        self.session.filter(log_filter)
        self._show_log()

    def _show_log(self) -> None:
        log = self.query_one("#log", ItemList)
        log.items = self.session.view
        log.cursor = 0
        log.sync()
        self.query_one("#filter", Static).update(self._filter_line())

    def _selected(self) -> Observation | None:
        cursor, view = self.query_one("#log", ItemList).cursor, self.session.view
        observation = view[cursor] if 0 <= cursor < len(view) else None
        if observation is None:
            return None
        if not self.bench.is_own(self.walk, observation):
            self.notify(self.t("gemba.not_own"), severity="warning")
            return None
        return observation

    def action_escape(self) -> None:
        if self.focused is not None and self.focused.id == "log":
            self.query_one("#capture", Input).focus()
            return
        self.leave()

    @work(exclusive=True, group="gemba dialog")
    @guarded
    async def action_setup(self) -> None:
        if await self.app.ask(GembaSetupScreen(self.bench, self.walk)) is not None:
            self.session.rebuild()  # route and observers changed: names, totals, view again
            self.query_one(".screen-title", Static).update(self.walk.title)
            self.query_one("#where", Static).update(self._where())
            self._redraw_log()

    def action_undo(self) -> None:
        """Take back the last observation logged, edited or deleted (with its action links)."""
        undone = self.session.undo()
        if undone is None:
            self.notify(self.t("map.nothing_to_undo"), timeout=2)
            return
        self._redraw_log()
        self.notify(self.t("map.undone", what=self.t(f"undo.{undone}")), timeout=2)

    def document_changed(self, document_id: str) -> None:
        """Other note-takers' observations came in: totals and log again, the cursor kept."""
        if document_id != self.walk.id:
            return
        self.session.rebuild()
        log = self.query_one("#log", ItemList)
        log.items = self.session.view
        log.sync()
        self.query_one("#panel", Static).update(self._panel())

    def _redraw_log(self) -> None:
        self._show_log()
        self.query_one("#panel", Static).update(self._panel())

    @work(exclusive=True, group="gemba dialog")
    @guarded
    async def action_edit(self) -> None:
        observation = self._selected()
        if observation is None:
            return
        text = await self.app.ask(TextPromptScreen(self.t("gemba.edit"), observation.text))
        if text and text.strip() != observation.text:
            self.session.edit(observation, text.strip())
            self.query_one("#log", ItemList).refresh()

    @work(exclusive=True, group="gemba dialog")
    @guarded
    async def action_delete(self) -> None:
        observation = self._selected()
        if observation is None or not await self.may_delete(observation.id):
            return
        self.session.delete(observation, self.unlink)
        self._redraw_log()
        self.notify(self.t("gemba.deleted", text=observation.text[:40]))

    @work(exclusive=True, group="gemba dialog")
    @guarded
    async def action_to_action(self) -> None:
        """One key turns an observation into an action: owner and due date in one line."""
        observation = self.query_one("#log", ItemList).current()
        if observation is None:
            return
        action = await ask_for_action(self, self.t("gemba.action_prompt"), observation.text, observation.id)
        if action is not None:
            self.walk.actions.append(action)
            self.bench.update(self.walk)


class LogList(ItemList):
    """The log with the keys that act on the selected observation."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("edit_selected", "delete_selected", "to_action")]

    app = getters.app(WorkshopHost)

    def on_mount(self) -> None:
        localise_bindings(self, self.app.language)
        self.app.language_changed.subscribe(self, lambda lang: localise_bindings(self, lang))
