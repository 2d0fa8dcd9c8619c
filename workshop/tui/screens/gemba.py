"""The gemba walk log: one line per observation, typed fast while walking the route.

The hot path (Enter on the capture line) is constant time whatever the walk holds: parse,
append, one index update, one redraw of the visible log lines and the step panel, a save
mark for the background saver."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Sequence
from typing import Any, ClassVar, overload

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Static

from ...model import WASTES, Action, GembaWalk, Observation
from ...model.capture import Capture, parse_capture
from ...model.walk_index import LogFilter, WalkIndex, step_after
from ..widgets.item_list import ItemList, Row
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded, localise_bindings


class NewestFirst(Sequence[Observation]):
    """The walk's observations, last logged first, optionally filtered, without copying the
    whole list on every note: unfiltered it is a reversed view; filtered it keeps the matching
    observations (oldest first) and appends to them as notes come in."""

    def __init__(self, observations: list[Observation], log_filter: LogFilter) -> None:
        self.observations = observations
        self.filter = log_filter
        self.matching: list[Observation] | None = (
            [o for o in observations if log_filter.matches(o)] if log_filter.active else None
        )

    def __len__(self) -> int:
        return len(self.matching if self.matching is not None else self.observations)

    @overload
    def __getitem__(self, index: int) -> Observation: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Observation]: ...
    def __getitem__(self, index: int | slice) -> Any:
        source = self.matching if self.matching is not None else self.observations
        if isinstance(index, slice):
            return [source[len(source) - 1 - i] for i in range(*index.indices(len(source)))]
        if index < 0:
            index += len(source)
        if not 0 <= index < len(source):
            raise IndexError(index)
        return source[len(source) - 1 - index]

    def appended(self, observation: Observation) -> bool:
        """A new observation was logged; whether the view shows it."""
        if self.matching is None:
            return True
        if self.filter.matches(observation):
            self.matching.append(observation)
            return True
        return False


class GembaScreen(BaseScreen):
    CSS_PATH = "gemba.tcss"
    AUTO_FOCUS = "#capture"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+down,f6", "step(1)", "key.next_step"),
        Binding("ctrl+up,f5", "step(-1)", "key.prev_step"),
        Binding("f7", "observer", "key.observer"),
        Binding("ctrl+f", "filter", "key.filter"),
        Binding("ctrl+e", "setup", "key.setup", show=False),
        Binding("escape", "escape", "key.back"),
    ]

    def __init__(self, walk: GembaWalk) -> None:
        super().__init__()
        self.walk = walk
        self.document_id = walk.id
        self.index = WalkIndex(walk)
        self.current_step: str | None = walk.route[0].id if walk.route else None
        self.observer: str | None = walk.observers[0].id if walk.observers else None
        self.log_filter = LogFilter()
        self.view = NewestFirst(walk.observations, self.log_filter)
        self.step_names = {step.id: step.name for step in walk.route}
        self.presence: Any = None

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self.walk.title, classes="screen-title", markup=False)
        yield Static(self._where(), id="where", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="log-column"):
                yield Static(self._filter_line(), id="filter", markup=False)
                yield LogList(self.view, self._row, self.t("gemba.empty_log"), id="log")
            yield Static(self._panel(), id="panel", markup=False)
        yield Input(placeholder=self.t("gemba.capture"), id="capture")
        yield Static(self.t("gemba.grammar"), id="preview", markup=False)
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self._claim()

    def on_unmount(self) -> None:
        if self.presence is not None:
            self.presence.release()

    def _claim(self) -> None:
        """Tell the note-taker when someone else has this walk open, and from then on write
        this process's observations to a file of its own beside the walk."""
        from ...store.presence import Presence

        loaded = self.app.loaded  # type: ignore[attr-defined]
        path = loaded.paths.get(self.walk.id) if loaded is not None else None
        if path is None or loaded.writing_to.get(self.walk.id):
            return
        presence = Presence(path)
        holder = presence.claim()
        if holder is None:
            self.presence = presence
            return
        author = self._observer_name() or getpass.getuser() or "note-taker"
        log = self.app.store.log_as(loaded, self.walk, author)  # type: ignore[attr-defined]
        self.notify(
            self.t("gemba.shared", who=holder.describe(), file=log.name), severity="warning", timeout=12
        )

    def _observer_name(self) -> str:
        return next((o.name for o in self.walk.observers if o.id == self.observer), "")

    def _where(self) -> str:
        route = self.walk.route
        if not route:
            return self.t("gemba.no_route")
        ids = [step.id for step in route]
        number = ids.index(self.current_step) + 1 if self.current_step in ids else 0
        step = route[number - 1] if number else None
        phase = self.app.loaded.bundle.workshop.phase_label(step.phase, self.lang) if step else ""  # type: ignore[attr-defined]
        who = self._observer_name() or "–"
        name = step.name if step else "–"
        return self.t("gemba.where", number=number, total=len(route), step=name, phase=phase, who=who)

    def _filter_line(self) -> str:
        f = self.log_filter
        parts = []
        if f.step:
            parts.append(f"{self.t('gemba.f_step')}: {self.step_names.get(f.step, f.step)}")
        if f.kind:
            parts.append(f"{self.t('gemba.f_kind')}: {self.t('kind.' + f.kind)}")
        if f.waste:
            parts.append(f"{self.t('gemba.f_waste')}: {WASTES[f.waste].label(self.lang)}")  # type: ignore[arg-type]
        if f.observer:
            name = next((o.name for o in self.walk.observers if o.id == f.observer), f.observer)
            parts.append(f"{self.t('gemba.f_observer')}: {name}")
        shown = len(self.view)
        if not parts:
            return self.t("gemba.log_all", count=shown)
        return self.t("gemba.log_filtered", count=shown, filter=" · ".join(parts))

    def _panel(self) -> str:
        lines = [self.t("gemba.panel")]
        for number, step in enumerate(self.walk.route, start=1):
            mark = "▶" if step.id == self.current_step else " "
            count = self.index.count[step.id]
            wait = self.index.wait[step.id]
            wait_text = f" · {wait:g} min" if wait else ""
            lines.append(f"{mark}{number:>2} {step.name[:20]:<20} {count:>4}{wait_text}")
        if self.index.count[None]:
            lines.append(f"   {self.t('gemba.no_step'):<20} {self.index.count[None]:>4}")
        total = sum(self.index.count.values())
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
        extras.extend(WASTES[w].label(self.lang) for w in observation.waste)  # type: ignore[arg-type]
        step = self.step_names.get(observation.step or "", "")
        tag = " · ".join([step, *extras]) if step else " · ".join(extras)
        return marker, f"{time}{observation.text}", tag

    # -- quick capture -------------------------------------------------------------------

    def _parse(self, line: str) -> Capture:
        return parse_capture(line, self.walk.route, self.current_step)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "capture":
            return
        preview = self.query_one("#preview", Static)
        if not event.value.strip():
            preview.update(self.t("gemba.grammar"))
            return
        preview.update(self._describe(self._parse(event.value)))

    def _describe(self, capture: Capture) -> str:
        """What the line was understood to say, before Enter: the note-taker can correct it."""
        parts = [f"→ {capture.text or '…'}"]
        if capture.step:
            parts.append(f"@{self.step_names.get(capture.step, capture.step)}")
        if capture.kind != "observation":
            parts.append(self.t(f"kind.{capture.kind}"))
        parts.extend(f"#{WASTES[w].label(self.lang)}" for w in capture.waste)  # type: ignore[arg-type]
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

    @guarded
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id != "capture" or not event.value.strip():
            return
        capture = self._parse(event.value)
        if not capture.text:
            self.query_one("#preview", Static).update(self.t("gemba.no_text"))
            return
        self.log_capture(capture)
        event.input.value = ""

    def log_capture(self, capture: Capture) -> Observation:
        """The hot path: one observation appended, counted and shown; saved in the background."""
        observation = capture.to_observation(self.observer, dt.datetime.now())
        self.walk.observations.append(observation)
        self.index.add(observation)
        if self.view.appended(observation):
            log = self.query_one("#log", ItemList)
            log.cursor = 0
            log.sync()
        if capture.step and capture.step != self.current_step:
            self.current_step = capture.step
            self.query_one("#where", Static).update(self._where())
        self.query_one("#panel", Static).update(self._panel())
        self.query_one("#filter", Static).update(self._filter_line())
        self.app.changed(self.walk, immediately=True)  # type: ignore[attr-defined]
        return observation

    # -- keys ----------------------------------------------------------------------------

    def action_step(self, offset: int) -> None:
        self.current_step = step_after([s.id for s in self.walk.route], self.current_step, offset)
        self.query_one("#where", Static).update(self._where())
        self.query_one("#panel", Static).update(self._panel())
        capture = self.query_one("#capture", Input)
        if capture.value.strip():
            self.query_one("#preview", Static).update(self._describe(self._parse(capture.value)))

    def action_observer(self) -> None:
        from .dialogs import PickScreen

        if not self.walk.observers:
            self.notify(self.t("gemba.no_observers"))
            return

        def chosen(observer_id: str | None) -> None:
            if observer_id:
                self.observer = observer_id
                self.query_one("#where", Static).update(self._where())

        options = [(o.id, f"{o.name} ({o.role})" if o.role else o.name) for o in self.walk.observers]
        self.app.push_screen(PickScreen(self.t("gemba.who"), options, self.observer), chosen)

    def action_filter(self) -> None:
        from .dialogs import PickScreen

        def by(what: str | None) -> None:
            if what is None:
                return
            if what == "all":
                self._apply_filter(LogFilter())
                return
            options = self._filter_options(what)
            self.app.push_screen(
                PickScreen(self.t(f"gemba.f_{what}"), options), lambda value: self._filter_by(what, value)
            )

        kinds = [("step", "f_step"), ("kind", "f_kind"), ("waste", "f_waste"), ("observer", "f_observer")]
        options = [(key, self.t(f"gemba.{label}")) for key, label in kinds]
        options.append(("all", self.t("gemba.f_all")))
        self.app.push_screen(PickScreen(self.t("key.filter"), options), by)

    def _filter_options(self, what: str) -> list[tuple[str, str]]:
        if what == "step":
            return [(s.id, s.name) for s in self.walk.route]
        if what == "kind":
            return [(k, self.t(f"kind.{k}")) for k in ("observation", "pain", "gain", "idea", "question")]
        if what == "waste":
            return [(key, w.label(self.lang)) for key, w in WASTES.items()]  # type: ignore[arg-type]
        return [(o.id, o.name) for o in self.walk.observers]

    def _filter_by(self, what: str, value: str | None) -> None:
        if value is not None:
            self._apply_filter(LogFilter(**{**self.log_filter.__dict__, what: value}))

    def _apply_filter(self, log_filter: LogFilter) -> None:
        """Filtering is the one place the log is scanned; logging itself never is."""
        self.log_filter = log_filter
        self.view = NewestFirst(self.walk.observations, log_filter)
        log = self.query_one("#log", ItemList)
        log.items = self.view
        log.cursor = 0
        log.sync()
        self.query_one("#filter", Static).update(self._filter_line())

    def _selected(self) -> Observation | None:
        log = self.query_one("#log", ItemList)
        observation = log.current()
        if observation is None:
            return None
        loaded = self.app.loaded  # type: ignore[attr-defined]
        if not loaded.is_own(self.walk, observation):
            self.notify(self.t("gemba.not_own"), severity="warning")
            return None
        return observation

    def action_escape(self) -> None:
        if self.focused is not None and self.focused.id == "log":
            self.query_one("#capture", Input).focus()
            return
        self.app.pop_screen()

    def action_setup(self) -> None:
        from .gemba_setup import GembaSetupScreen

        self.app.switch_screen(GembaSetupScreen(self.walk))

    def _redraw_log(self) -> None:
        self.index = WalkIndex(self.walk)
        self._apply_filter(self.log_filter)
        self.query_one("#panel", Static).update(self._panel())

    @guarded
    def action_edit(self) -> None:
        from .dialogs import TextPromptScreen

        observation = self._selected()
        if observation is None:
            return

        def done(text: str | None) -> None:
            if text and text.strip() != observation.text:
                observation.text = text.strip()
                self.query_one("#log", ItemList).refresh()
                self.app.changed(self.walk)  # type: ignore[attr-defined]

        self.app.push_screen(TextPromptScreen(self.t("gemba.edit"), observation.text), done)

    @guarded
    def action_delete(self) -> None:
        observation = self._selected()
        if observation is None:
            return
        self.walk.remove_item(self.walk.observations, observation)
        self._redraw_log()
        self.app.changed(self.walk)  # type: ignore[attr-defined]
        self.notify(self.t("gemba.deleted", text=observation.text[:40]))

    @guarded
    def action_to_action(self) -> None:
        """One key turns an observation into an action: owner and due date in one line."""
        observation = self.query_one("#log", ItemList).current()
        if observation is None:
            return

        def add(action: Action) -> None:
            self.walk.actions.append(action)
            self.app.changed(self.walk)  # type: ignore[attr-defined]

        self.ask_for_action(self.t("gemba.action_prompt"), observation.text, observation.id, add)


class LogList(ItemList):
    """The log with the keys that act on the selected observation."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "screen.edit", "key.edit"),
        Binding("delete,d", "screen.delete", "key.delete"),
        Binding("a", "screen.to_action", "key.to_action"),
    ]

    def on_mount(self) -> None:
        super().on_mount()
        localise_bindings(self, getattr(self.app, "language", "nl"))
