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

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .arena import ArenaNote, Customer, CustomerArena, Staff, default_rounds
from .base import Lane
from .capture import fold, lane_token
from .phases import Language, Phase
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

    def speaker_index(self, speakers: Sequence[Customer | Staff], current: int) -> int:
        """Which of the round's speakers says this: `N:` picks speaker N, else the current one.
        A number beyond the round's speakers is refused (SpeakerError), not guessed."""
        if self.speaker_number is None:
            return current
        if not 1 <= self.speaker_number <= len(speakers):
            raise SpeakerError(self.speaker_number)
        return self.speaker_number - 1

    def to_note(self, speakers: Sequence[Customer | Staff], current: int, at: dt.datetime) -> ArenaNote:
        """The note this line records, said by speaker `current` of `speakers` unless the line
        names another; validated, so a line without text is refused here."""
        index = self.speaker_index(speakers, current)
        return ArenaNote(
            text=self.text,
            speaker=speakers[index].id if speakers else None,
            phase=self.phase,
            touchpoint=self.touchpoint,
            sentiment=self.sentiment,
            quote=self.quote,
            lane=self.lane,
            at=at.replace(microsecond=0),
        )


class SpeakerError(ValueError):
    """A note line names a speaker number the round does not have."""

    def __init__(self, number: int) -> None:
        super().__init__(f"{number}: the round has no speaker of this number")
        self.number = number


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


# -- the set-up form: lines of text into a validated arena ---------------------------------

SetupField = Literal["title", "ring", "minutes", "speakers"]
MINUTES_RANGE = (1, 240)


class SetupError(ValueError):
    """Set-up lines that make no arena: which field, and the counts the message needs."""

    def __init__(self, field: SetupField, customers: int = 0, staff: int = 0) -> None:
        super().__init__(f"{field}: not a valid arena set-up ({customers} customers, {staff} staff)")
        self.field: SetupField = field
        self.customers = customers
        self.staff = staff


@dataclass(frozen=True)
class ArenaSetup:
    """What the set-up form holds, as typed: one line or one block of lines per field."""

    title: str
    themes: str = ""
    inner: str = ""
    outer: str = ""
    override: str = ""
    minutes: str = "20 20 20"
    mixed: bool = False

    def ring_counts(self) -> tuple[int, int]:
        """Customers in the inner ring and staff in the outer ring: one per non-blank line."""
        return len(_lines(self.inner)), len(_lines(self.outer))

    def planned_minutes(self) -> list[int]:
        try:
            minutes = [int(part) for part in self.minutes.replace(",", " ").split()]
        except ValueError:
            raise SetupError("minutes") from None
        low, high = MINUTES_RANGE
        if len(minutes) != 3 or not all(low <= m <= high for m in minutes):
            raise SetupError("minutes")
        return minutes

    def build(self, language: Language, existing: CustomerArena | None = None) -> CustomerArena:
        """A new arena from these lines, or `existing` changed in place (people who stay keep
        their ids, so notes keep their speaker). The method's ring rule holds unless the
        override says why; a person who spoke in a note cannot be taken out of the rings."""
        title = self.title.strip()
        if not title:
            raise SetupError("title")
        customers, staff = self.ring_counts()
        override = self.override.strip()
        if staff < customers and not override:
            raise SetupError("ring", customers, staff)
        minutes = self.planned_minutes()
        inner = customers_from_text(self.inner, existing.inner if existing else [])
        outer = staff_from_text(self.outer, existing.outer if existing else [])
        variant: Literal["swap", "mixed"] = "mixed" if self.mixed else "swap"
        changes: dict[str, object] = {
            "title": title,
            "themes": _lines(self.themes),
            "round3_variant": variant,
            "inner": [c.model_dump() for c in inner],
            "outer": [s.model_dump() for s in outer],
            "ring_override": override if staff < customers else "",
        }
        if existing is None:
            rounds = default_rounds(language, variant)
            for round_, planned in zip(rounds, minutes, strict=True):
                round_.planned_minutes = planned
            return CustomerArena.model_validate(
                {**changes, "date": dt.date.today(), "rounds": [r.model_dump() for r in rounds]}
            )
        speakers = {person.id for person in (*inner, *outer)}
        if any(n.speaker and n.speaker not in speakers for n in existing.notes()):
            raise SetupError("speakers", customers, staff)
        rounds_data = [r.model_dump() for r in existing.rounds]
        for round_data in rounds_data:
            round_data["planned_minutes"] = minutes[round_data["number"] - 1]
        return existing.replace_fields({**changes, "rounds": rounds_data})
