"""The shipped example workshop, loaded once per test that asks for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop.store import SessionStore
from workshop.store.repository import LoadedWorkshop

EXAMPLE = Path(__file__).resolve().parents[2] / "sessions" / "polikliniek-orthopedie"


@pytest.fixture
def example(tmp_path: Path) -> LoadedWorkshop:
    """A copy of the example, so that nothing a test writes lands in the repository."""
    sessions = tmp_path / "sessions"
    shutil.copytree(EXAMPLE, sessions / EXAMPLE.name)
    loaded = SessionStore(sessions).load(EXAMPLE.name)
    assert not loaded.problems
    return loaded
