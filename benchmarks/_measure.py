"""Shared by the benchmarks: generated sessions folders, interleaved timing, one verdict line.

Every figure is a ratio against a floor measured in the same run, the two timed in turns
(so a busy moment on a shared machine costs both alike), medians of the runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AGE_NS = 3600 * 10**9
"""Generated files are dated an hour back: a sessions folder kept for years, not just written."""


def env() -> dict[str, str]:
    """The environment of a child process that imports this checkout's workshop."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    # Without .pyc files workshop's own modules would be compiled at every start while the
    # floor's (pydantic's, written at install) are not: a user's installed or warmed-up
    # workshop has them, so the warm-up turn may write them here too.
    rest = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**rest, "PYTHONPATH": path, "WORKSHOP_DEBUG": ""}


def run_seconds(command: Sequence[str]) -> float:
    """Wall seconds of a child process, start to exit; it must succeed."""
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, env=env())
    return time.perf_counter() - started


def interleaved(runs: int, **measures: Callable[[], float]) -> dict[str, float]:
    """Median seconds of each measure, run in turns `runs` times after one warm-up turn."""
    samples: dict[str, list[float]] = {name: [] for name in measures}
    for measure in measures.values():
        measure()  # file cache, .pyc files, summaries: the warm state a user has
    for _ in range(runs):
        for name, measure in measures.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}


def verdict(what: str, value: float, floor: float, target: float, runs: int, floor_name: str) -> str:
    ratio = value / floor
    mark = "meets" if ratio <= target else "MISSES"
    return (
        f"{what}: {value * 1000:.0f} ms vs {floor_name} {floor * 1000:.0f} ms: ratio {ratio:.2f}x "
        f"(target <= {target:g}x: {mark}; medians of {runs} interleaved runs)"
    )


def age(folder: Path) -> None:
    stamp = time.time_ns() - AGE_NS
    for path in folder.rglob("*.toml"):
        os.utime(path, ns=(stamp, stamp))


def small_workshop(folder: Path, number: int) -> None:
    """A workshop as a team keeps many of: the workshop, a persona, an empathy map of 12 notes."""
    folder.mkdir(parents=True)
    (folder / "workshop.toml").write_text(
        f'schema_version = 1\nid = "ws-{number:05d}"\ntitle = "Workshop {number}: balie en wachtkamer"\n'
        f'goal = "Waar verliezen patiënten tijd bij het aanmelden?"\nlanguage = "nl"\n'
        f'phase_model = "five-stage"\ndates = [2026-10-14]\n',
        encoding="utf-8",
    )
    (folder / "persona-anna.toml").write_text(
        f'schema_version = 1\nid = "persona-{number:05d}"\nname = "Anna"\nsegment = "65+"\n',
        encoding="utf-8",
    )
    sections = ("says", "thinks", "does", "feels")
    items = "".join(
        f'\n[[items]]\nid = "item-{number:05d}-{n}"\nsection = "{sections[n % 4]}"\n'
        f'text = "Notitie {n} over de balie"\n'
        for n in range(12)
    )
    (folder / "empathy-anna.toml").write_text(
        f'schema_version = 1\nid = "empathy-{number:05d}"\ntitle = "Kaart Anna"\n'
        f'persona = "persona-{number:05d}"\n{items}',
        encoding="utf-8",
    )


def big_workshop(folder: Path, observations: int, title: str = "Gemba seizoen 2026") -> None:
    """One workshop whose walk holds `observations` observations (written as text: fast)."""
    folder.mkdir(parents=True)
    (folder / "workshop.toml").write_text(
        f'schema_version = 1\nid = "ws-big"\ntitle = "{title}"\nlanguage = "nl"\n'
        f'phase_model = "five-stage"\n',
        encoding="utf-8",
    )
    steps = "".join(f'\n[[route]]\nid = "step-{n}"\nname = "Stap {n}"\n' for n in range(10))
    head = f'schema_version = 1\nid = "walk-big"\ntitle = "Route"\n{steps}'
    with open(folder / "gemba-route.toml", "w", encoding="utf-8") as out:
        out.write(head)
        for n in range(observations):
            out.write(
                f'\n[[observations]]\nid = "obs-{n:06d}"\ntext = "Patiënt {n} zoekt de balie en wacht"\n'
                f'step = "step-{n % 10}"\nseverity = {1 + n % 5}\nwait_minutes = 5\ntags = ["zuil"]\n'
            )


def sessions_folder(root: Path, small: int, big: int, big_title: str = "Gemba seizoen 2026") -> Path:
    """`small` small workshops and, when `big`, one of `big` observations, all aged."""
    for number in range(small):
        small_workshop(root / f"workshop-{number:04d}", number)
    if big:
        big_workshop(root / "aaa-gemba-seizoen", big, big_title)
    age(root)
    return root


def python() -> str:
    return sys.executable


def workshop() -> list[str]:
    """The `workshop` command as users start it: the console script beside this Python (an
    editable install runs this checkout), else `python -m workshop`."""
    script = Path(sys.executable).with_name("workshop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "workshop"]
