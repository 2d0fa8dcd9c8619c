"""A file whose schema version is fine is not scanned line by line to find that version."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.model import Persona
from workshop.store import codec
from workshop.store.codec import decode_document, to_toml


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    calls: list[list[str]] = []
    real = codec.locate_line

    def counted(text: str, path: list[str]) -> int | None:
        calls.append(path)
        return real(text, path)

    monkeypatch.setattr(codec, "locate_line", counted)
    return calls


def test_a_good_version_costs_no_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    text = to_toml(Persona(name="Anna"))
    result = decode_document(Path("persona-anna.toml"), text.encode("utf-8"), Persona)
    assert result.problems == [] and result.document is not None
    assert calls == []


def test_a_bad_version_is_still_found_on_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    text = '# Anna\n\nschema_version = 99\nid = "persona-a"\nname = "Anna"\n'
    result = decode_document(Path("persona-anna.toml"), text.encode("utf-8"), Persona)
    [problem] = result.problems
    assert problem.line == 3
    assert calls == [["schema_version"]]
