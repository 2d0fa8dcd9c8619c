"""The arena's live session without a terminal: rounds, clock, speakers, notes, undo."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.live.arena import ArenaSession
from workshop.model import Customer, CustomerArena, Staff, default_rounds
from workshop.model.arena_text import SpeakerError

AT = dt.datetime(2026, 10, 14, 9, 30)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _arena() -> CustomerArena:
    return CustomerArena(
        title="Arena",
        inner=[Customer(id="c1", alias="Mevrouw B."), Customer(id="c2", alias="Meneer D.")],
        outer=[Staff(id="s1", name="Petra"), Staff(id="s2", name="Mark")],
        rounds=default_rounds("nl"),
    )


def test_notes_speakers_counts_and_undo() -> None:
    arena = _arena()
    saves: list[bool] = []
    session = ArenaSession(arena, Clock(), on_change=saves.append)
    assert session.add("   ", [], [], AT) is None
    note = session.add("2: Drie keer bellen -2", [], [], AT)
    assert note is not None and (note.speaker, session.speaker_index) == ("c2", 1)
    again = session.add("En nog eens", [], [], AT)
    assert again is not None and again.speaker == "c2", "the current speaker goes on"
    with pytest.raises(SpeakerError):
        session.add("7: Wie?", [], [], AT)
    assert session.counts() == {1: 2, 2: 0, 3: 0} and session.sentiment[-2] == 1
    assert saves == [True, True], "a typed note is saved at once"
    session.delete(note)
    assert note.id in arena.deleted and session.sentiment[-2] == 0
    assert session.undo() == "delete" and arena.round(1).notes[0] is note and note.id not in arena.deleted
    assert session.undo() == "note" and [n.text for n in arena.round(1).notes] == ["Drie keer bellen"]
    assert session.redo() == "note" and arena.round(1).notes[-1] is again
    assert session.redo() == "delete" and session.redo() is None


def test_rounds_and_the_clock() -> None:
    clock = Clock()
    session = ArenaSession(_arena(), clock)
    assert [p.id for p in session.speakers()] == ["c1", "c2"]
    session.toggle_clock()
    clock.now = 20 * 60 + 1
    assert session.time_is_up() and not session.time_is_up(), "the bell rings once"
    session.more_time()
    assert not session.countdown.expired
    session.next_speaker()
    assert session.speaker_index == 1
    assert session.next_round() and session.number == 2 and session.speaker_index == 0
    assert [p.id for p in session.speakers()] == ["s1", "s2", "c1", "c2"], "round 2: staff ask first"
    assert session.next_round() and not session.next_round() and session.number == 3
