"""Route and observers typed as lines keep their ids, so observations keep their step."""

from __future__ import annotations

from workshop.model import PRESETS, Observer, RouteStep
from workshop.model.route_text import observers_from_text, route_from_text, route_to_text

PHASES = list(PRESETS["five-stage"].phases)


def test_lines_become_steps_with_phases_by_key_label_or_prefix() -> None:
    steps = route_from_text("Parkeren @awareness\n\n Balie @overw\nWachtkamer @aankoop", PHASES, []).steps
    assert [(s.name, s.phase) for s in steps] == [
        ("Parkeren", "awareness"),
        ("Balie", "consideration"),
        ("Wachtkamer", "purchase"),
    ]


def test_an_unknown_phase_is_named_with_the_line() -> None:
    parsed = route_from_text("Balie @nergens", PHASES, [])
    assert parsed.problems[0].startswith("line 1: @nergens is not a phase")


def test_reorder_and_rename_keep_ids_and_a_used_step_cannot_go() -> None:
    old = [
        RouteStep(id="s1", name="Parkeren"),
        RouteStep(id="s2", name="Balie"),
        RouteStep(id="s3", name="Lift"),
    ]
    reordered = route_from_text("Balie\nParkeren\nLift", PHASES, old).steps
    assert [s.id for s in reordered] == ["s2", "s1", "s3"]
    renamed = route_from_text("Parkeergarage P2\nBalie\nLift", PHASES, old).steps
    assert [s.id for s in renamed] == ["s1", "s2", "s3"] and renamed[0].name == "Parkeergarage P2"
    dropped = route_from_text("Parkeren\nBalie", PHASES, old, used={"s3": 4})
    assert dropped.problems == ['step "Lift" has 4 observations; it cannot be left out']
    assert route_to_text(reordered, PHASES) == "Balie\nParkeren\nLift"


def test_observers_as_name_comma_role() -> None:
    old = [Observer(id="w1", name="Gerard")]
    observers = observers_from_text("Gerard, patiëntenraad\nEsther Kuipers, teamleider", old)
    assert [(o.id == "w1", o.name, o.role) for o in observers] == [
        (True, "Gerard", "patiëntenraad"),
        (False, "Esther Kuipers", "teamleider"),
    ]
