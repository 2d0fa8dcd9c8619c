"""Every document survives model → TOML → model unchanged, whatever the user typed."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from model_strategies import documents

from workshop.model import GembaWalk, Observation
from workshop.store import SCHEMA_VERSION, to_toml
from workshop.store.codec import ChunkCache, decode_document


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
    assert text.startswith(f"schema_version = {SCHEMA_VERSION}\n")
    assert to_toml(document) == text, "the same document must give the same bytes (small diffs)"
    assert tomllib.loads(text)["id"] == document.id


@settings(max_examples=100, deadline=None)
@given(documents, documents)
def test_cached_serialisation_is_the_same_text(first, second) -> None:
    cache = ChunkCache()
    for document in (first, second, first):
        assert to_toml(document, cache) == to_toml(document)


def test_cache_notices_an_edited_item() -> None:
    walk = GembaWalk(title="Route", observations=[Observation(text=f"waarneming {n}") for n in range(50)])
    cache = ChunkCache()
    to_toml(walk, cache)
    walk.observations[10].text = "aangepast"
    walk.observations[20].tags = ["nieuw"]
    assert to_toml(walk, cache) == to_toml(walk)
    assert 'text = "aangepast"' in to_toml(walk, cache)
