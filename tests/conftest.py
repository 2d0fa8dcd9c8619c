"""Figures that fault, fuzz and merge tests measure are printed at the end of every run."""

from __future__ import annotations

from pathlib import Path

import pytest

_FIGURES: list[str] = []


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings go to the test's own folder, never to the real home: the app writes its
    config file when a test switches the language or the theme."""
    folder = tmp_path / "config-home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def figures() -> list[str]:
    """Append one line per measured figure; the lines are shown after the test results."""
    return _FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _FIGURES:
        terminalreporter.section("figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)
