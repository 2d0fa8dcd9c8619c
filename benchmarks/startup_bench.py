"""How long a `workshop` command takes to start, against `python -c "import pydantic"`.

Each command runs in a fresh process, interleaved with the floor, medians. `list` runs on the
shipped example with its summary fresh. Target (issue 15): within 2x the floor. `--version`
and `list` load no pydantic; `phases` loads the model but builds no schema; `show` and
`validate` also read and validate the example's files.
`python -X importtime -m workshop <command>` shows where the rest goes.

    python3 benchmarks/startup_bench.py [--runs 11] [--quick]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from _measure import ROOT, age, interleaved, python, run_seconds, verdict, workshop

COMMANDS = {
    "--version": ["--version"],
    "phases": ["phases"],
    "list": ["list"],
    "show": ["show", "polikliniek-orthopedie"],
    "validate": ["validate"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--quick", action="store_true", help="3 runs")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as folder:
        sessions = Path(folder) / "sessions"
        shutil.copytree(ROOT / "sessions", sessions, ignore=shutil.ignore_patterns(".*", "report"))
        age(sessions)
        base = [*workshop(), "--sessions", str(sessions)]
        measures = {
            "floor": lambda: run_seconds([python(), "-c", "import pydantic"]),
            # `import pydantic` is lazy; a model needs BaseModel and Field, which load the rest.
            "models": lambda: run_seconds([python(), "-c", "from pydantic import BaseModel, Field"]),
        }
        for name, rest in COMMANDS.items():
            measures[name] = lambda rest=rest: run_seconds([*base, *rest])
        times = interleaved(runs, **measures)
    floor, models = times.pop("floor"), times.pop("models")
    for name, seconds in times.items():
        print(verdict(f"workshop {name}", seconds, floor, 2, runs, "import pydantic"))
    print(
        f"  (for scale: `from pydantic import BaseModel, Field` alone is {models * 1000:.0f} ms, "
        f"{models / floor:.2f}x `import pydantic`; commands that read files need the model)"
    )


if __name__ == "__main__":
    main()
