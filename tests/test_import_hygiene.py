"""What importing a part of workshop loads, checked in a fresh interpreter.

The core (model, store, report) must run without the terminal UI: it never loads Textual or
Rich. The app module must paint before the domain is needed: it does not import pydantic when
it is imported. The heavy modules that the `workshop` command's start loads are reported in
the figures at the end of the run.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("textual", "rich", "pydantic", "jinja2", "tomli_w", "workshop.model", "workshop.store")
"""Modules whose import costs start-up time, or that a layer must not need."""


def loaded_after(statement: str) -> set[str]:
    """The top-level names (and workshop subpackages) in sys.modules after `statement`."""
    probe = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize("package", ["workshop.model", "workshop.store", "workshop.report"])
def test_the_core_loads_no_terminal_ui(package: str) -> None:
    loaded = loaded_after(f"import {package}")
    assert package in loaded  # the probe imported what it says
    ui = sorted(name for name in loaded if name.split(".")[0] in {"textual", "rich"})
    ui += sorted(name for name in loaded if name.startswith("workshop.tui"))
    assert ui == [], f"importing {package} loads {ui[:5]}"


def test_the_app_module_does_not_import_pydantic() -> None:
    loaded = loaded_after("import workshop.tui.app")
    assert "textual.app" in loaded
    assert not any(name.split(".")[0] == "pydantic" for name in loaded)


@pytest.mark.parametrize(
    ("start", "statement"),
    [
        ("the app module", "import workshop.tui.app"),
        ("the workshop command", "import workshop.cli"),
        ("the workshop command opening the app", "import workshop.cli, workshop.tui.app"),
    ],
)
def test_heavy_modules_at_start_are_reported(start: str, statement: str, figures: list[str]) -> None:
    loaded = loaded_after(statement)
    heavy = [name for name in HEAVY if name in loaded]
    workshop_modules = sum(1 for name in loaded if name.split(".")[0] == "workshop")
    assert workshop_modules >= 1
    figures.append(
        f"import hygiene: {start} loads {len(loaded)} modules ({workshop_modules} of workshop); "
        f"heavy: {', '.join(heavy) or 'none'}"
    )
