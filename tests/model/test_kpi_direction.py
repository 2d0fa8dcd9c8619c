"""A KPI states whether higher or lower is better; met is never guessed from the unit."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from workshop.model import Kpi


@pytest.mark.parametrize(
    ("better", "target", "measured", "met"),
    [
        ("lower", 5, 13, False),  # 13 working days against 5
        ("lower", 5, 5, True),
        ("lower", 5, 3, True),
        ("higher", 30, 8, False),
        ("higher", 85, 86, True),
        (None, 5, 13, None),  # no direction: not said, whatever the unit
        (None, 5, 3, None),
        ("lower", None, 3, None),
        ("higher", 5, None, None),
    ],
)
def test_met_follows_the_stated_direction(
    better: str | None, target: float | None, measured: float | None, met: bool | None
) -> None:
    kpi = Kpi(
        kind="custom", name="Verslag", unit="werkdagen", target=target, measured=measured, better=better
    )
    assert kpi.met() is met


def test_a_direction_is_higher_or_lower_only() -> None:
    with pytest.raises(ValidationError, match="better"):
        Kpi(kind="nps", target=30, measured=8, better="up")
