"""The model builds its records from typed lines, once, for the app and the command."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from pydantic import ValidationError

from workshop.model import Customer, CustomerArena, RouteStep, Staff, default_rounds
from workshop.model.arena_text import ArenaSetup, SetupError, SpeakerError, parse_note_line
from workshop.model.capture import parse_capture
from workshop.model.merge import current_version
from workshop.model.phase_text import PhaseLineError, phases_from_lines

AT = dt.datetime(2026, 10, 14, 8, 5, 42, 123)


def test_a_capture_line_becomes_an_observation_to_the_minute() -> None:
    route = [RouteStep(id="s1", name="Balie"), RouteStep(id="s2", name="Wachtkamer")]
    observation = parse_capture("Rij ~5m #wachten !3 -1 @wacht", route, "s1").to_observation("o1", AT)
    assert (observation.text, observation.step, observation.observer) == ("Rij", "s2", "o1")
    assert (observation.waste, observation.severity, observation.emotion) == (["waiting"], 3, -1)
    assert (observation.wait_minutes, observation.at) == (5, dt.datetime(2026, 10, 14, 8, 5))
    with pytest.raises(ValidationError):
        parse_capture("!3", route).to_observation(None, AT)


def _arena() -> CustomerArena:
    return CustomerArena(
        title="Arena",
        inner=[Customer(id="c1", alias="Mevrouw B."), Customer(id="c2", alias="Meneer D.")],
        outer=[Staff(id="s1", name="Petra"), Staff(id="s2", name="Mark")],
        rounds=default_rounds("nl"),
    )


def test_an_arena_line_becomes_a_note_of_the_named_or_current_speaker() -> None:
    arena = _arena()
    speakers = arena.speakers_for(1)
    named = parse_note_line('2: "Drie keer bellen" -2', []).to_note(speakers, 0, AT)
    assert (named.speaker, named.quote, named.sentiment, named.text) == ("c2", True, -2, "Drie keer bellen")
    current = parse_note_line("Nog een", []).to_note(speakers, 0, AT)
    assert current.speaker == "c1" and current.at == AT.replace(microsecond=0)
    with pytest.raises(SpeakerError) as refused:
        parse_note_line("3: Wie?", []).to_note(speakers, 0, AT)
    assert refused.value.number == 3


def test_set_up_lines_become_an_arena_and_the_ring_rule_is_kept() -> None:
    setup = ArenaSetup(title="Arena", inner="A\nB\nC", outer="P, balie\nM", minutes="15 20 25")
    with pytest.raises(SetupError) as refused:
        setup.build("nl")
    assert (refused.value.field, refused.value.customers, refused.value.staff) == ("ring", 3, 2)
    arena = dataclasses.replace(setup, override="Een zieke collega").build("nl")
    assert [r.planned_minutes for r in arena.rounds] == [15, 20, 25]
    assert arena.ring_override == "Een zieke collega" and [s.role for s in arena.outer] == ["balie", ""]
    for minutes in ("20 20", "0 20 20", "twintig 20 20"):
        with pytest.raises(SetupError):
            ArenaSetup(title="A", minutes=minutes).build("nl")
    with pytest.raises(SetupError):
        ArenaSetup(title=" ").build("nl")


def test_an_existing_arena_changes_in_place_and_keeps_its_people() -> None:
    arena = _arena()
    arena.round(1).notes.append(parse_note_line("Hallo", []).to_note(arena.speakers_for(1), 1, AT))
    same = arena
    setup = ArenaSetup(title="Nieuw", inner="Mevrouw B.\nMeneer D.", outer="Petra\nMark\nEva", mixed=True)
    assert setup.build("nl", arena) is same
    assert (arena.title, arena.round3_variant, len(arena.outer)) == ("Nieuw", "mixed", 3)
    assert [c.id for c in arena.inner] == ["c1", "c2"]
    with pytest.raises(SetupError) as refused:
        ArenaSetup(title="X", inner="Mevrouw B.", outer="Petra").build("nl", arena)
    assert refused.value.field == "speakers" and arena.title == "Nieuw", (
        "a refused change leaves it as it was"
    )


def test_replace_fields_validates_the_whole_copy_first() -> None:
    arena = _arena()
    with pytest.raises(ValidationError):
        arena.replace_fields({"outer": []})  # the ring rule: two customers need two staff
    assert len(arena.outer) == 2
    arena.replace_fields({"outer": [], "inner": [], "ring_override": ""})
    assert (arena.inner, arena.outer) == ([], [])


def test_custom_phase_lines_have_one_rule_for_a_repeat_and_a_missing_label() -> None:
    phases = phases_from_lines(["Aankomst|Arrival", "Wachten", "|Leaving"])
    assert [(p.key, p.nl, p.en) for p in phases] == [
        ("arrival", "Aankomst", "Arrival"),
        ("wachten", "Wachten", ""),
        ("leaving", "", "Leaving"),
    ]
    assert [(p.nl, p.en) for p in phases_from_lines(["Arrival"], "en")] == [("", "Arrival")]
    with pytest.raises(PhaseLineError, match=re.escape('"Binnenkomst|Arrival" repeats an earlier phase')):
        phases_from_lines(["Aankomst|Arrival", "Binnenkomst|Arrival"])
    with pytest.raises(PhaseLineError, match="has no label"):
        phases_from_lines([" | "])


def test_the_current_version_of_a_conflict_is_public() -> None:
    from workshop.model import Conflict

    arena = _arena()
    assert current_version(arena, Conflict(field="inner", item="c2"))["alias"] == "Meneer D."
    assert current_version(arena, Conflict(field="title")) == "Arena"
    assert current_version(arena, Conflict(field="inner", item="gone")) is None
