"""Arena rings typed as lines, and one note line read into speaker, sentiment, phase and quote."""

from __future__ import annotations

import pytest

from workshop.model import PRESETS, Customer, Staff, Touchpoint
from workshop.model.arena_text import (
    customers_from_text,
    customers_to_text,
    parse_note_line,
    staff_from_text,
)

PHASES = list(PRESETS["five-stage"].phases)


def test_customers_with_segment_and_consent_keep_their_ids() -> None:
    old = [Customer(id="c1", alias="Mevrouw B."), Customer(id="c2", alias="Meneer D.")]
    customers = customers_from_text("Meneer D., 38, werkt\nMevrouw B., 74 jaar, +\nMevrouw Y.", old)
    assert [(c.alias, c.segment, c.consent) for c in customers] == [
        ("Meneer D.", "38, werkt", False),
        ("Mevrouw B.", "74 jaar", True),
        ("Mevrouw Y.", "", False),
    ]
    assert [c.id for c in customers[:2]] == ["c2", "c1"]
    assert customers_to_text(customers[1:2]) == "Mevrouw B., 74 jaar, +"


def test_staff_rename_in_place_keeps_the_id() -> None:
    old = [Staff(id="s1", name="Petra"), Staff(id="s2", name="Mark")]
    staff = staff_from_text("Petra Smit, balie\nMark, orthopeed", old)
    assert [(s.id, s.name, s.role) for s in staff] == [
        ("s1", "Petra Smit", "balie"),
        ("s2", "Mark", "orthopeed"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2: Ik moest drie keer bellen", ("Ik moest drie keer bellen", 2, None, None, False)),
        (
            '"Waarom vraagt iedereen mijn geboortedatum?" -1',
            ("Waarom vraagt iedereen mijn geboortedatum?", None, -1, None, True),
        ),
        ("1:Top +2 @retentie", ("Top", 1, 2, "retention", False)),
        ("Lange rij @aankoop", ("Lange rij", None, None, "purchase", False)),
        ("Wacht -3 minuten", ("Wacht -3 minuten", None, None, None, False)),
        ("Naar @nergens", ("Naar @nergens", None, None, None, False)),
    ],
)
def test_note_lines(line: str, expected: tuple) -> None:
    note = parse_note_line(line, PHASES)
    assert (note.text, note.speaker_number, note.sentiment, note.phase, note.quote) == expected


def test_an_unknown_phase_warns_and_stays_in_the_text() -> None:
    assert parse_note_line("Naar @nergens", PHASES).warnings == ["@nergens: not a phase"]


def test_a_touchpoint_by_id_or_the_start_of_its_name() -> None:
    touchpoints = [
        Touchpoint(id="tp-tel", name="Telefoon planning"),
        Touchpoint(id="tp-zuil", name="Aanmeldzuil in de hal"),
    ]
    assert parse_note_line("Drie keer gebeld #telefoon -1", PHASES, touchpoints).touchpoint == "tp-tel"
    assert parse_note_line("Pas werkt niet #tp-zuil", PHASES, touchpoints).touchpoint == "tp-zuil"
    unknown = parse_note_line("Bij de lift #lift", PHASES, touchpoints)
    assert (unknown.touchpoint, unknown.text, unknown.warnings) == (
        None,
        "Bij de lift #lift",
        ["#lift: not one touchpoint"],
    )


def test_the_lane_token_tells_the_side_of_a_note_without_speaker() -> None:
    staff = parse_note_line("We zetten de checklist bovenaan ^voorkant +1", PHASES)
    assert (staff.lane, staff.text, staff.sentiment, staff.speaker_number) == (
        "frontstage",
        "We zetten de checklist bovenaan",
        1,
        None,
    )
    customer = parse_note_line("2: I never knew where my claim was ^customer -1", PHASES)
    assert (customer.lane, customer.speaker_number, customer.text) == (
        "customer",
        2,
        "I never knew where my claim was",
    )
    typo = parse_note_line("Het is druk ^frontstag", PHASES)
    assert typo.lane is None and typo.text == "Het is druk ^frontstag" and typo.warnings
    assert parse_note_line("x^2 is text", PHASES).lane is None
