"""The real app in real terminals (tmux), with CPU busy loops beside it where the bars ask."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .terminal import Tmux, busy_loops, tmux_path


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: drives the real app in a real terminal (tmux); deselect with -m 'not e2e'"
    )


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    if tmux_path() is None:
        if os.environ.get("WORKSHOP_REQUIRE_TMUX"):
            pytest.fail("tmux is not installed, and WORKSHOP_REQUIRE_TMUX is set (as in CI)")
        pytest.skip("tmux is not installed (.ci/run installs it)")
    server = Tmux(tmp_path / "tmux")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def load() -> Iterator[list[int]]:
    """Two CPU busy loops for the length of the test: a loaded laptop."""
    with busy_loops(2) as pids:
        yield pids
