"""Running totals of a gemba walk, kept up to date one observation at a time.

The side panel of the walk log shows counts and wait minutes per step; recounting 10,000
observations on every keystroke would make logging slower the longer the walk."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .gemba import GembaWalk, Observation, ObservationKind, Waste


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
    def __init__(self, walk: GembaWalk) -> None:
        self.count: Counter[str | None] = Counter()
        self.wait: dict[str | None, float] = defaultdict(float)
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


def newest_first(observations: list[Observation], log_filter: LogFilter) -> Iterator[Observation]:
    """The log as the note-taker reads it: last logged on top; lazy, so a screen can take a page."""
    for observation in reversed(observations):
        if log_filter.matches(observation):
            yield observation


def step_after(route: Iterable[str], current: str | None, offset: int) -> str | None:
    """The next (+1) or previous (-1) step of the route, staying at the ends."""
    steps = list(route)
    if not steps:
        return None
    if current not in steps:
        return steps[0]
    index = min(max(steps.index(current) + offset, 0), len(steps) - 1)
    return steps[index]
