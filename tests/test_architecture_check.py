"""The architecture check (.ci/architecture.py) finds what it claims to find."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "architecture.py"
Run = Callable[..., tuple[int, str]]
"""Lays out a tree and runs the check on it: (exit code, what it printed)."""


@pytest.fixture(scope="module")
def check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("architecture_check", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def run(check: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """Lay out a tree (pyproject.toml and workshop/ files), run the check on it: (exit, output)."""

    def run_on(files: dict[str, str], pyproject: str = "") -> tuple[int, str]:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
        for name, text in {"workshop/__init__.py": "", **files}.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        code = check.main(tmp_path)
        return code, capsys.readouterr().out

    return run_on


def test_a_cycle_hidden_in_a_function_is_found(run: Run) -> None:
    code, out = run(
        {
            "workshop/ui/__init__.py": "",
            "workshop/ui/a.py": "from . import b\n",
            "workshop/ui/b.py": "def later() -> None:\n    from .a import thing\n",
            "workshop/core.py": "import json\nfrom workshop.ui import a\n",
        }
    )
    assert code == 1
    assert "import cycles: 1 " in out
    assert "NEW: workshop.ui.a <-> workshop.ui.b" in out


def test_a_known_cycle_is_listed_and_tolerated(run: Run) -> None:
    code, out = run(
        {"workshop/a.py": "from .b import x\n", "workshop/b.py": "from workshop import a\n"},
        '[tool.architecture]\nknown-cycles = [["workshop.b", "workshop.a"], ["workshop.c", "workshop.d"]]\n',
    )
    assert code == 0
    assert "known, to be removed: workshop.a <-> workshop.b" in out
    assert "gone (remove it from [tool.architecture] known-cycles): workshop.c <-> workshop.d" in out


def test_a_type_ignore_needs_a_reason(run: Run) -> None:
    code, out = run(
        {
            "workshop/a.py": (
                "x: int = 'a'  # type: ignore[assignment]  # a test of the check\n"
                "y: int = 'b'  # type: ignore[assignment]\n"
                "z = '# type: ignore in a string does not count'\n"
            ),
        }
    )
    assert code == 1
    assert "type: ignore comments: 2 (1 with a reason)" in out
    assert "workshop/a.py:2: '# type: ignore' without a reason" in out
    assert "workshop/a.py:1:" not in out


def test_exempted_folders_are_counted_apart(run: Run) -> None:
    code, out = run(
        {"workshop/ui/__init__.py": "", "workshop/ui/a.py": "x: int = 'a'  # type: ignore\n"},
        '[tool.architecture]\nunexplained-ignores-allowed-in = ["workshop/ui/"]\n',
    )
    assert code == 0
    assert "exempted for now in workshop/ui/: 1" in out
