"""The architecture check (.ci/architecture.py) finds what it claims to find."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "architecture.py"


@pytest.fixture(scope="module")
def check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("architecture_check", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def make_tree(root: Path, files: dict[str, str], pyproject: str = "") -> Path:
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    for name, text in {"workshop/__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_cycle_hidden_in_a_function_is_found(
    check: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_tree(
        tmp_path,
        {
            "workshop/ui/__init__.py": "",
            "workshop/ui/a.py": "from . import b\n",
            "workshop/ui/b.py": "def later() -> None:\n    from .a import thing\n",
            "workshop/core.py": "import json\nfrom workshop.ui import a\n",
        },
    )
    assert check.main(root) == 1
    out = capsys.readouterr().out
    assert "import cycles: 1 " in out
    assert "NEW: workshop.ui.a <-> workshop.ui.b" in out


def test_a_known_cycle_is_listed_and_tolerated(
    check: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_tree(
        tmp_path,
        {"workshop/a.py": "from .b import x\n", "workshop/b.py": "from workshop import a\n"},
        '[tool.architecture]\nknown-cycles = [["workshop.b", "workshop.a"], ["workshop.c", "workshop.d"]]\n',
    )
    assert check.main(root) == 0
    out = capsys.readouterr().out
    assert "known, to be removed: workshop.a <-> workshop.b" in out
    assert "gone (remove it from [tool.architecture] known-cycles): workshop.c <-> workshop.d" in out


def test_a_type_ignore_needs_a_reason(
    check: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_tree(
        tmp_path,
        {
            "workshop/a.py": (
                "x: int = 'a'  # type: ignore[assignment]  # a test of the check\n"
                "y: int = 'b'  # type: ignore[assignment]\n"
                "z = '# type: ignore in a string does not count'\n"
            ),
        },
    )
    assert check.main(root) == 1
    out = capsys.readouterr().out
    assert "type: ignore comments: 2 (1 with a reason)" in out
    assert "workshop/a.py:2: '# type: ignore' without a reason" in out
    assert "workshop/a.py:1:" not in out


def test_exempted_folders_are_counted_apart(
    check: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_tree(
        tmp_path,
        {"workshop/ui/__init__.py": "", "workshop/ui/a.py": "x: int = 'a'  # type: ignore\n"},
        '[tool.architecture]\nunexplained-ignores-allowed-in = ["workshop/ui/"]\n',
    )
    assert check.main(root) == 0
    assert "exempted for now in workshop/ui/: 1" in capsys.readouterr().out
