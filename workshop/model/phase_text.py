"""Custom phases written as lines, one phase each: `Dutch|English`, `|English`, `Dutch|`, or
one label in the workshop's language.

The one rule for the app's form and the `workshop new --phase` command: keys are made from
the label (English when given), never typed; a line without a label, or one that makes the
key of an earlier phase, is refused with the line it is about."""

from __future__ import annotations

from collections.abc import Iterable

from ..slug import slugify
from .phases import Language, Phase, custom_phase_labels

PHASE_KEY_LENGTH = 40


class PhaseLineError(ValueError):
    """One custom phase line that makes no phase; `problem` reads after the quoted line."""

    def __init__(self, line: str, problem: str) -> None:
        super().__init__(f'"{line}" {problem}')
        self.line = line
        self.problem = problem


def phases_from_lines(lines: Iterable[str], language: Language = "nl") -> list[Phase]:
    """One phase per line, in order; a single label is in `language`. A text area's blank
    lines are no phases: leave them out before calling."""
    phases: list[Phase] = []
    taken: set[str] = set()
    for raw in lines:
        line = raw.strip()
        nl, en = custom_phase_labels(line, language)
        if not (nl or en):
            raise PhaseLineError(line, "has no label")
        key = slugify(en or nl, "phase", max_length=PHASE_KEY_LENGTH)
        if key in taken:
            raise PhaseLineError(line, "repeats an earlier phase")
        taken.add(key)
        phases.append(Phase(key=key, nl=nl, en=en))
    return phases
