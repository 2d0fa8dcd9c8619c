"""Phase labels: the presets speak the seeds' own Dutch; a custom phase may have one language."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from workshop.model import PRESETS, Language, Phase, Workshop, custom_phase_labels
from workshop.model.arena_text import parse_note_line
from workshop.store.codec import to_toml


def _labels(preset: str) -> list[str]:
    return [phase.nl for phase in PRESETS[preset].phases]


def test_presets_use_the_names_the_sources_give() -> None:
    assert _labels("five-stage") == [
        "Bewustwording",
        "Overweging",
        "Aankoop/besluitvorming",
        "Retentie",
        "Advocacy/loyaliteit",
    ]
    assert _labels("seven-stage") == [
        "Buiten de markt",
        "Trigger",
        "Eerste overweging",
        "Actieve evaluatie",
        "Aankoopbeslissing",
        "Beleving",
        "Loyaliteit",
    ]
    assert _labels("discovery-endgame") == ["Ontdekking", "Onboarding", "Onderbouwing", "Eindspel"]
    assert _labels("touch-tell-sell-care") == ["Touch", "Tell", "Sell", "Care"]
    assert _labels("dcjm")[5] == "Koop"
    assert len(_labels("dcjm")) == 10


def test_an_english_phase_needs_no_dutch_label_and_falls_back() -> None:
    phase = Phase(key="check-in", en="Check-in")
    assert (phase.label("en"), phase.label("nl")) == ("Check-in", "Check-in")
    dutch = Phase(key="wachten", nl="Wachten")
    assert (dutch.label("en"), dutch.label("nl")) == ("Wachten", "Wachten")
    with pytest.raises(ValidationError, match="a phase needs a label"):
        Phase(key="x")
    with pytest.raises(ValidationError, match="a phase needs a label"):
        Phase(key="x", nl="  ", en="")


def test_an_english_only_phase_round_trips_and_old_files_stay_valid() -> None:
    workshop = Workshop(
        title="Mortgage", language="en", phase_model="custom", phases=[Phase(key="apply", en="Apply")]
    )
    text = to_toml(workshop)
    assert 'en = "Apply"' in text and "nl =" not in text
    old = Workshop.model_validate(
        {"id": "ws-1", "title": "Poli", "phase_model": "custom", "phases": [{"key": "a", "nl": "A"}]}
    )
    assert old.phase_label("a", "en") == "A"


@pytest.mark.parametrize(
    ("typed", "language", "labels"),
    [
        ("Aanmelden|Check-in", "nl", ("Aanmelden", "Check-in")),
        ("Aanmelden|Check-in", "en", ("Aanmelden", "Check-in")),
        ("Check-in", "en", ("", "Check-in")),
        ("Wachten", "nl", ("Wachten", "")),
        ("|Check-in", "nl", ("", "Check-in")),
        (" Wachten | ", "en", ("Wachten", "")),
    ],
)
def test_custom_phase_labels(typed: str, language: Language, labels: tuple[str, str]) -> None:
    assert custom_phase_labels(typed, language) == labels


def test_an_arena_note_finds_an_english_only_phase() -> None:
    phases = [Phase(key="apply", en="Application"), Phase(key="wait", en="Waiting")]
    assert parse_note_line("long form @appl", phases).phase == "apply"
