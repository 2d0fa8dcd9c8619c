"""A gemba walk being logged, without a terminal: where the note-taker stands, who logs, the
log as read (newest first, filtered), running totals per step, and undo / redo.

Logging one observation is constant time whatever the walk holds: one append, one update of
the totals, one append to the filtered view. Only a new filter scans the log."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, get_args, overload

from ..model import OBSERVATION_KINDS, GembaWalk, Observation
from ..model.capture import Capture, parse_capture
from ..model.gemba import ObservationKind, Waste
from .history import History, Unlink, no_links

FilterField = Literal["step", "kind", "waste", "observer"]
WASTE_KEYS: tuple[Waste, ...] = get_args(Waste)


@dataclass(frozen=True)
class LogFilter:
    """What the log shows; None means everything."""

    step: str | None = None
    kind: ObservationKind | None = None
    waste: Waste | None = None
    observer: str | None = None

    def matches(self, observation: Observation) -> bool:
        return (
            (self.step is None or observation.step == self.step)
            and (self.kind is None or observation.kind == self.kind)
            and (self.waste is None or self.waste in observation.waste)
            and (self.observer is None or observation.observer == self.observer)
        )

    @property
    def active(self) -> bool:
        return any(value is not None for value in (self.step, self.kind, self.waste, self.observer))


class WalkIndex:
    """Running totals of a walk: observations and wait minutes per step, wastes."""

    def __init__(self, walk: GembaWalk) -> None:
        self.count: Counter[str | None] = Counter()
        self.wait: defaultdict[str | None, float] = defaultdict(float)
        self.waste: Counter[str] = Counter()
        for observation in walk.observations:
            self.add(observation)

    def add(self, observation: Observation) -> None:
        self._apply(observation, +1)

    def remove(self, observation: Observation) -> None:
        self._apply(observation, -1)

    def replace(self, old: Observation, new: Observation) -> None:
        self.remove(old)
        self.add(new)

    def _apply(self, observation: Observation, sign: int) -> None:
        self.count[observation.step] += sign
        self.wait[observation.step] += sign * (observation.wait_minutes or 0)
        for waste in observation.waste:
            self.waste[waste] += sign

    @property
    def total_wait(self) -> float:
        return sum(self.wait.values())


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
    def __getitem__(self, index: int | slice) -> Observation | Sequence[Observation]:
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


def step_after(route: Iterable[str], current: str | None, offset: int) -> str | None:
    """The next (+1) or previous (-1) step of the route, staying at the ends."""
    steps = list(route)
    if not steps:
        return None
    if current not in steps:
        return steps[0]
    index = min(max(steps.index(current) + offset, 0), len(steps) - 1)
    return steps[index]


class GembaSession:
    """The walk's view model: the screen shows it and routes keys to it."""

    def __init__(self, walk: GembaWalk, on_change: Callable[[bool], None] = lambda immediately: None) -> None:
        self.walk = walk
        self.on_change = on_change
        """Called after every change; True when it should be on disk at once (a logged line)."""
        self.current_step: str | None = walk.route[0].id if walk.route else None
        self.observer: str | None = walk.observers[0].id if walk.observers else None
        self.log_filter = LogFilter()
        self.history = History(on_change)
        self.rebuild()

    def rebuild(self) -> None:
        """Totals, names and view again, after the walk's set-up (route, observers) changed."""
        self.index = WalkIndex(self.walk)
        self.step_names = {step.id: step.name for step in self.walk.route}
        if self.current_step not in self.step_names:
            self.current_step = self.walk.route[0].id if self.walk.route else None
        if self.observer not in {o.id for o in self.walk.observers}:
            self.observer = self.walk.observers[0].id if self.walk.observers else None
        self.view = NewestFirst(self.walk.observations, self.log_filter)

    # -- reading -------------------------------------------------------------------------

    def parse(self, line: str) -> Capture:
        return parse_capture(line, self.walk.route, self.current_step)

    def step_number(self) -> int:
        """1-based position of the current step on the route; 0 when there is none."""
        ids = [step.id for step in self.walk.route]
        return ids.index(self.current_step) + 1 if self.current_step in ids else 0

    def observer_name(self, observer_id: str | None = None) -> str:
        wanted = observer_id if observer_id is not None else self.observer
        return next((o.name for o in self.walk.observers if o.id == wanted), "")

    def total(self) -> int:
        return sum(self.index.count.values())

    # -- logging (the hot path) ----------------------------------------------------------

    def log(self, capture: Capture, at: dt.datetime) -> tuple[Observation, bool]:
        """One observation appended, counted and added to the view; whether the view shows
        it. The note-taker now stands at the step the line named."""
        observation = capture.to_observation(self.observer, at)
        shown = self._append(observation)
        if capture.step:
            self.current_step = capture.step

        def log_again() -> None:
            self._append(observation)

        def take_back() -> None:
            self._take_out(observation)

        self.history.record("log", take_back, log_again, immediately=True)
        return observation, shown

    def _append(self, observation: Observation) -> bool:
        self.walk.observations.append(observation)
        if observation.id in self.walk.deleted:  # logged again by a redo
            self.walk.deleted.remove(observation.id)
        self.index.add(observation)
        return self.view.appended(observation)

    # -- moving --------------------------------------------------------------------------

    def step(self, offset: int) -> None:
        self.current_step = step_after([s.id for s in self.walk.route], self.current_step, offset)

    def choose_observer(self, observer_id: str) -> None:
        if observer_id in {o.id for o in self.walk.observers}:
            self.observer = observer_id

    def filter(self, log_filter: LogFilter) -> None:
        """Filtering is the one place the log is scanned; logging itself never is."""
        self.log_filter = log_filter
        self.view = NewestFirst(self.walk.observations, log_filter)

    def filter_by(self, what: FilterField, value: str) -> None:
        if what == "step":
            self.filter(replace(self.log_filter, step=value))
        elif what == "observer":
            self.filter(replace(self.log_filter, observer=value))
        elif what == "kind":
            kind = next((k for k in OBSERVATION_KINDS if k == value), None)
            self.filter(replace(self.log_filter, kind=kind))
        else:
            waste = next((w for w in WASTE_KEYS if w == value), None)
            self.filter(replace(self.log_filter, waste=waste))

    # -- changing ------------------------------------------------------------------------

    def edit(self, observation: Observation, text: str) -> None:
        """New text for an observation (validated on assignment)."""
        old = observation.text

        def set_text(value: str) -> Callable[[], None]:
            def apply() -> None:
                observation.text = value

            return apply

        set_text(text)()
        self.history.record("edit", set_text(old), set_text(text))

    def delete(self, observation: Observation, unlink: Unlink = no_links) -> None:
        position = self.walk.observations.index(observation)
        self._take_out(observation)
        relink = unlink(observation.id)

        def put_back() -> None:
            relink()
            self.walk.observations.insert(position, observation)
            if observation.id in self.walk.deleted:
                self.walk.deleted.remove(observation.id)
            self.index.add(observation)
            self.view = NewestFirst(self.walk.observations, self.log_filter)

        def delete_again() -> None:
            nonlocal relink
            self._take_out(observation)
            relink = unlink(observation.id)

        self.history.record("delete", put_back, delete_again)

    def _take_out(self, observation: Observation) -> None:
        self.walk.remove_item(self.walk.observations, observation)
        self.index.remove(observation)
        self.view = NewestFirst(self.walk.observations, self.log_filter)

    def undo(self) -> str | None:
        """Take back the last change; its kind, or None when there is nothing to undo."""
        return self.history.undo()

    def redo(self) -> str | None:
        return self.history.redo()
