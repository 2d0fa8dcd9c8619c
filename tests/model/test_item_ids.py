"""An item made in code gets a fresh id; an item read from a file must carry its own."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from workshop.model import Action, Observation


def test_code_that_creates_items_need_not_pass_an_id() -> None:
    first, second = Observation(text="x"), Observation(text="x")
    assert first.id.startswith("obs-") and second.id.startswith("obs-")
    assert first.id != second.id
    assert Action(text="Bel terug").id.startswith("act-")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": "x"}, "missing"),
        ({"text": "x", "id": ""}, "string_pattern_mismatch"),
        ({"text": "x", "id": "a b"}, "string_pattern_mismatch"),
    ],
)
def test_a_file_without_a_valid_id_is_refused_at_the_id(data: dict[str, str], error: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Observation.model_validate(data, context={"from_file": True})
    assert [(e["loc"], e["type"]) for e in raised.value.errors()] == [(("id",), error)]


def test_an_id_in_a_file_is_kept() -> None:
    observation = Observation.model_validate({"text": "x", "id": "obs-1"}, context={"from_file": True})
    assert observation.id == "obs-1"
