"""Jump to a route step, or to the first step of a phase, on a screen with a route."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from ..i18n import t
from .base import Entry, EntryProvider
from .targets import RouteTarget


class RouteCommands(EntryProvider):
    def entries(self) -> Iterable[Entry]:
        screen = self.screen
        if not isinstance(screen, RouteTarget):
            return
        steps = list(screen.route_choices())
        first_of_phase: dict[str, str] = {}
        for number, step in enumerate(steps, start=1):
            title = t(self.lang, "palette.step", number=number, name=step.name)
            yield Entry(title, step.help, partial(screen.go_to_step, step.id))
            if step.help:
                first_of_phase.setdefault(step.help, step.id)
        names = {step.id: step.name for step in steps}
        for phase, step_id in first_of_phase.items():
            title = t(self.lang, "palette.phase", phase=phase)
            yield Entry(title, names[step_id], partial(screen.go_to_step, step_id))
