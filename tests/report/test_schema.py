"""The JSON report for machines: a schema shipped in the package, a version, keys not labels."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema

from workshop.report import compile_journey
from workshop.report.render import render_json
from workshop.report.schema import SCHEMA_FILE, schema_text
from workshop.store.repository import LoadedWorkshop


def _schema() -> dict:
    return json.loads((files("workshop.report") / "journey.schema.json").read_text("utf-8"))


def test_the_shipped_schema_is_what_the_model_generates() -> None:
    """Regenerate with `python -m workshop.report.schema` after changing the journey model."""
    assert SCHEMA_FILE.read_text("utf-8") == schema_text()
    jsonschema.Draft202012Validator.check_schema(_schema())


def test_the_example_export_validates_against_the_schema(example: LoadedWorkshop) -> None:
    data = json.loads(render_json(compile_journey(example.bundle)))
    validator = jsonschema.Draft202012Validator(_schema())
    assert [e.message for e in validator.iter_errors(data)] == []
    assert (data["schema_version"], data["workshop_id"]) == (1, "ws-poli-orthopedie")
    broken = {**data, "top_pains": [{**data["top_pains"][0], "grouped_by": "words"}]}
    assert not validator.is_valid(broken)
    kpi = data["phases"][1]["kpis"][0]
    assert not validator.is_valid(
        {**data, "phases": [{**data["phases"][1], "kpis": [{**kpi, "better": "up"}]}]}
    )


def test_json_carries_keys_not_labels(example: LoadedWorkshop) -> None:
    data = json.loads(render_json(compile_journey(example.bundle)))
    notes = data["notes"]
    assert notes["note-r2-01"]["kind"] == "round-2" and notes["note-r2-01"]["round"] == 2
    assert notes["note-r2-01"]["side"] == "staff" and notes["note-r2-02"]["side"] == "customer"
    assert notes["obs-009"]["wastes"] == ["inventory", "waiting"]
    assert notes["obs-017"]["lane"] == "backstage" and notes["obs-017"]["step_id"] == "step-balie-poli"
    phase_keys = {phase["key"] for phase in data["phases"]}
    assert all(set(group["phases"]) <= phase_keys for group in data["top_pains"])
    assert data["top_pains"][0]["phases"] == ["wachten", "aankomst"]
    assert {a["status"] for a in data["actions"]} <= {"open", "in-progress", "done", "dropped"}


def test_the_schema_names_its_version_and_requires_the_workshop_and_date() -> None:
    schema = _schema()
    assert schema["properties"]["schema_version"]["const"] == 1
    assert {"workshop_id", "date", "notes", "top_pains"} <= set(schema["required"])
