"""The JSON Schema of the JSON report, generated from the journey model and shipped beside it.

Regenerate after changing `journey.py`: `python -m workshop.report.schema` (a test fails while
the shipped file and the model differ)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .journey import REPORT_SCHEMA_VERSION, Journey

SCHEMA_FILE = Path(__file__).with_name("journey.schema.json")


def journey_schema() -> dict[str, Any]:
    """The schema of `journey-<workshop>.json` as `workshop report` writes it."""
    schema = Journey.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"workshop journey report, schema_version {REPORT_SCHEMA_VERSION}",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(journey_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(SCHEMA_FILE)
