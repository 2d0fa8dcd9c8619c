"""A customer arena being run, without a terminal: the round, its clock and speakers, the
notes typed one line each, counts, and undo / redo.

Adding a note is constant time: the line is read into a note by the model, appended to the
round, and counted."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable

from ..model import ArenaNote, ArenaRound, Customer, CustomerArena, Phase, Staff, Touchpoint
from ..model.arena_text import parse_note_line
from ..model.countdown import Countdown
from .history import History, Unlink, no_links

LAST_ROUND = 3
EXTRA_SECONDS = 5 * 60


class ArenaSession:
    """The arena's view model: the screen shows it and routes keys to it."""

    def __init__(
        self,
        arena: CustomerArena,
        clock: Callable[[], float] = time.monotonic,
        on_change: Callable[[bool], None] = lambda immediately: None,
    ) -> None:
        self.arena = arena
        self.clock = clock
        self.on_change = on_change
        """Called after every change; True when it should be on disk at once (a typed note)."""
        started = [r.number for r in sorted(arena.rounds, key=lambda r: r.number) if r.notes]
        self.number = started[-1] if started else 1
        self.countdown = Countdown(self.round.planned_minutes * 60, clock)
        self.speaker_index = 0
        self.signalled = False
        self.sentiment: Counter[int] = Counter(n.sentiment for n in arena.notes() if n.sentiment is not None)
        self.history = History(on_change)

    # -- reading -------------------------------------------------------------------------

    @property
    def round(self) -> ArenaRound:
        return self.arena.round(self.number)

    def speakers(self) -> list[Customer | Staff]:
        return self.arena.speakers_for(self.number)

    def counts(self) -> dict[int, int]:
        """Notes per round, by round number."""
        return {r.number: len(r.notes) for r in self.arena.rounds}

    # -- the clock and the rounds --------------------------------------------------------

    def toggle_clock(self) -> None:
        self.countdown.toggle()

    def more_time(self) -> None:
        self.countdown.add(EXTRA_SECONDS)
        self.signalled = self.countdown.expired

    def time_is_up(self) -> bool:
        """True once, the first time the round's clock is seen past zero."""
        if self.countdown.expired and not self.signalled:
            self.signalled = True
            return True
        return False

    def next_round(self) -> bool:
        """On to the next round with a fresh clock; False after the last one."""
        if self.number >= LAST_ROUND:
            return False
        self.number += 1
        self.countdown = Countdown(self.round.planned_minutes * 60, self.clock)
        self.signalled = False
        self.speaker_index = 0
        return True

    def next_speaker(self) -> None:
        if self.speakers():
            self.speaker_index = (self.speaker_index + 1) % len(self.speakers())

    # -- notes ---------------------------------------------------------------------------

    def add(
        self, line: str, phases: list[Phase], touchpoints: list[Touchpoint], at: dt.datetime
    ) -> ArenaNote | None:
        """Read a typed line into a note of the current round; None for a line without text.
        A speaker number the round does not have raises `SpeakerError`; a valid one becomes
        the current speaker."""
        parsed = parse_note_line(line, phases, touchpoints)
        if not parsed.text:
            return None
        people = self.speakers()
        self.speaker_index = parsed.speaker_index(people, self.speaker_index)
        note = parsed.to_note(people, self.speaker_index, at)
        notes = self.round.notes

        def append() -> None:
            notes.append(note)
            if note.id in self.arena.deleted:
                self.arena.deleted.remove(note.id)
            self._count(note, +1)

        def take_back() -> None:
            self.arena.remove_item(notes, note)
            self._count(note, -1)

        append()
        self.history.record("note", take_back, append, immediately=True)
        return note

    def delete(self, note: ArenaNote, unlink: Unlink = no_links) -> None:
        notes = self.round.notes
        position = notes.index(note)
        relink = no_links(note.id)

        def take_out() -> None:
            nonlocal relink
            self.arena.remove_item(notes, note)
            self._count(note, -1)
            relink = unlink(note.id)

        def put_back() -> None:
            relink()
            notes.insert(position, note)
            if note.id in self.arena.deleted:
                self.arena.deleted.remove(note.id)
            self._count(note, +1)

        take_out()
        self.history.record("delete", put_back, take_out)

    def undo(self) -> str | None:
        """Take back the last change; its kind, or None when there is nothing to undo."""
        return self.history.undo()

    def redo(self) -> str | None:
        return self.history.redo()

    # -- internals -----------------------------------------------------------------------

    def _count(self, note: ArenaNote, sign: int) -> None:
        if note.sentiment is not None:
            self.sentiment[note.sentiment] += sign
