"""Every document survives model → TOML → model unchanged, whatever the user typed."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from model_strategies import documents

from workshop.store import to_toml
from workshop.store.codec import decode_document


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents)
def test_every_document_round_trips_through_toml(document) -> None:
    text = to_toml(document)
    result = decode_document(Path("doc.toml"), text.encode("utf-8"), type(document))
    assert result.problems == []
    assert result.document == document


@settings(max_examples=100, deadline=None)
@given(documents)
def test_written_toml_is_stable_and_starts_with_the_schema_version(document) -> None:
    text = to_toml(document)
    assert text.startswith("schema_version = 1\n")
    assert to_toml(document) == text, "the same document must give the same bytes (small diffs)"
    assert tomllib.loads(text)["id"] == document.id
