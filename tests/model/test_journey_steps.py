"""Journey steps, KPI history and references to steps, as the journey map screen and CLI use them."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from workshop.model import (
    EmpathyItem,
    EmpathyMap,
    Kpi,
    Measurement,
    Step,
    Touchpoint,
    Workshop,
    WorkshopBundle,
)


def test_a_kpi_has_a_history_and_its_newest_measurement_decides_met() -> None:
    kpi = Kpi(
        kind="nps",
        target=20,
        better="higher",
        measured=5,
        measurements=[
            Measurement(on=dt.date(2026, 9, 1), value=25),
            Measurement(on=dt.date(2026, 3, 1), value=10),
        ],
    )
    assert [m.value for m in kpi.history()] == [10, 25]
    assert kpi.current() == 25
    assert kpi.met() is True
    assert Kpi(kind="nps", target=20, better="higher", measured=5).met() is False


def test_a_measurement_outside_the_kpi_range_is_refused_with_its_field() -> None:
    with pytest.raises(ValidationError, match=r"measurements\.0\.value: 140 is outside the NPS range"):
        Kpi(kind="nps", measurements=[Measurement(on=dt.date(2026, 1, 1), value=140)])


def test_references_to_steps_and_their_touchpoints_are_checked() -> None:
    workshop = Workshop(
        title="T",
        steps=[Step(id="step-1", name="Aanmelden", phase="purchase", touchpoints=["tp-zuil", "tp-nope"])],
        touchpoints=[
            Touchpoint(id="tp-zuil", name="Zuil", step="step-1"),
            Touchpoint(name="X", step="step-2"),
        ],
    )
    emap = EmpathyMap(
        title="E",
        persona="p",
        items=[EmpathyItem(section="says", text="a", journey_step="step-9")],
    )
    problems = {
        p.field: p.message for p in WorkshopBundle(workshop, empathy_maps=[emap]).check_references(False)
    }
    assert problems == {
        "steps.0.touchpoints.1": 'touchpoint "tp-nope" does not exist',
        "touchpoints.1.step": 'step "step-2" is not a step of this workshop\'s journey',
        "items.0.journey_step": 'step "step-9" is not a step of this workshop\'s journey',
    }
