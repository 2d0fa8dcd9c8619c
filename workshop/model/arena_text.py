"""The arena's rings written as lines, and one typed note line read into a note.

Rings, one person per line:  `Mevrouw B., 74 jaar, knieartrose, +`  (a trailing `+` records
consent to be named) and `Petra Smit, balie`. People who stay keep their id (same name, or
the same position when the number of lines is unchanged), so notes keep their speaker.

A note line: `3: Ik moest drie keer bellen -2 @afspraak #telefoon` — `N:` picks speaker N of the
round, `+N`/`-N` the sentiment, `@phase` a phase, `#touchpoint` a touchpoint of the workshop
(its id or the start of its name), `^lane` the side of a note without speaker (`^klant`/`^customer`
for a customer, a staff lane such as `^frontstage` for staff; see `capture.LANE_WORDS`), and a
line that starts with a quote mark is a quote."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .arena import Customer, Staff
from .base import Lane
from .capture import fold, lane_token
from .phases import Phase
from .workshop import Touchpoint

CONSENT_MARKS = ("+", "toestemming", "consent")


def customers_to_text(customers: list[Customer]) -> str:
    lines = []
    for c in customers:
        parts = [c.alias, *([c.segment] if c.segment else []), *(["+"] if c.consent else [])]
        lines.append(", ".join(parts))
    return "\n".join(lines)


def staff_to_text(staff: list[Staff]) -> str:
    return "\n".join(f"{s.name}, {s.role}" if s.role else s.name for s in staff)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def customers_from_text(text: str, existing: list[Customer]) -> list[Customer]:
    lines = _lines(text)
    by_name = {fold(c.alias): c for c in existing}
    result: list[Customer] = []
    for number, line in enumerate(lines):
        parts = [part.strip() for part in line.split(",")]
        consent = len(parts) > 1 and fold(parts[-1]) in CONSENT_MARKS
        if consent:
            parts = parts[:-1]
        alias, segment = parts[0], ", ".join(parts[1:])
        previous = by_name.get(fold(alias)) or (existing[number] if len(lines) == len(existing) else None)
        if previous is not None and previous.id not in {c.id for c in result}:
            result.append(Customer(id=previous.id, alias=alias, segment=segment, consent=consent))
        else:
            result.append(Customer(alias=alias, segment=segment, consent=consent))
    return result


def staff_from_text(text: str, existing: list[Staff]) -> list[Staff]:
    lines = _lines(text)
    by_name = {fold(s.name): s for s in existing}
    result: list[Staff] = []
    for number, line in enumerate(lines):
        name, _, role = (part.strip() for part in line.partition(","))
        previous = by_name.get(fold(name)) or (existing[number] if len(lines) == len(existing) else None)
        if previous is not None and previous.id not in {s.id for s in result}:
            result.append(Staff(id=previous.id, name=name, role=role))
        else:
            result.append(Staff(name=name, role=role))
    return result


_SPEAKER = re.compile(r"^\s*(\d)\s*:\s*")
_SENTIMENT = re.compile(r"^([+-])([0-2])$")
_QUOTES = "\"'“”‘’„«»"


@dataclass
class NoteLine:
    text: str
    speaker_number: int | None = None
    sentiment: int | None = None
    phase: str | None = None
    touchpoint: str | None = None
    lane: Lane | None = None
    quote: bool = False
    warnings: list[str] = field(default_factory=list)


def _touchpoint_of(word: str, touchpoints: list[Touchpoint]) -> str | None:
    wanted = fold(word).replace("-", " ")
    for touchpoint in touchpoints:
        if fold(touchpoint.id) == fold(word):
            return touchpoint.id
    found = [tp.id for tp in touchpoints if fold(tp.name).startswith(wanted)]
    found = found or [tp.id for tp in touchpoints if f" {wanted}" in f" {fold(tp.name)}"]
    return found[0] if len(found) == 1 else None


def parse_note_line(line: str, phases: list[Phase], touchpoints: list[Touchpoint] | None = None) -> NoteLine:
    note = NoteLine(text="")
    match = _SPEAKER.match(line)
    if match:
        note.speaker_number = int(match.group(1))
        line = line[match.end() :]
    kept = []
    for token in line.split():
        sentiment = _SENTIMENT.match(token)
        if sentiment and note.sentiment is None:
            note.sentiment = int(sentiment.group(2)) * (1 if sentiment.group(1) == "+" else -1)
            continue
        if token.startswith("@") and len(token) > 1:
            wanted = fold(token[1:])
            found = [p.key for p in phases if any(fold(name).startswith(wanted) for name in p.names())]
            if found:
                note.phase = found[0]
                continue
            note.warnings.append(f"{token}: not a phase")
        if token.startswith("#") and len(token) > 1 and touchpoints:
            touchpoint = _touchpoint_of(token[1:], touchpoints)
            if touchpoint is not None and note.touchpoint is None:
                note.touchpoint = touchpoint
                continue
            note.warnings.append(f"{token}: not one touchpoint")
        is_lane, lane, warning = lane_token(token)
        if is_lane and lane is not None:
            note.lane = lane
            continue
        if warning:
            note.warnings.append(warning)
        kept.append(token)
    text = " ".join(kept)
    if text[:1] in _QUOTES:
        note.quote = True
        text = text.strip(_QUOTES + " ")
    note.text = text
    return note
