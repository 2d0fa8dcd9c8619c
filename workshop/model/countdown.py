"""A round's countdown, with the clock passed in so tests never wait."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]


class Countdown:
    """Planned time for one round: start, pause, add time; it runs on past zero as overtime,
    because the method says to signal the end, not to cut a customer off."""

    def __init__(self, planned_seconds: float, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._planned = planned_seconds
        self._used = 0.0
        self._started_at: float | None = None

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._clock()

    def pause(self) -> None:
        if self._started_at is not None:
            self._used += self._clock() - self._started_at
            self._started_at = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def add(self, seconds: float) -> None:
        self._planned += seconds

    def restart(self, planned_seconds: float) -> None:
        """A new round: new planned time, stopped, nothing used."""
        self._planned = planned_seconds
        self._used = 0.0
        self._started_at = None

    def elapsed(self) -> float:
        running = self._clock() - self._started_at if self._started_at is not None else 0.0
        return self._used + running

    def remaining(self) -> float:
        """Seconds left; negative once the round runs over."""
        return self._planned - self.elapsed()

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0

    def display(self) -> str:
        """MM:SS while time is left, +MM:SS in overtime."""
        remaining = self.remaining()
        seconds = int(abs(remaining) + (0.999 if remaining > 0 else 0))
        sign = "+" if remaining < 0 else ""
        return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"
