"""How the journey report scales: synthetic workshops of 1,000 / 10,000 / 100,000 notes.

For each size it times, as medians:
- floor: read the same files with the store and render one row per note with a minimal template,
- report: read, compile and render the HTML report (what `workshop report --format html` does),
- all formats: read, compile and render HTML, Markdown and JSON.
The bars (DESIGN.md): report within 1.5x the floor at 100,000 notes, and time linear in notes.

`--quick` (what .ci/run shows; a few seconds): one workshop of 1,000 notes, the floor and all
formats each run in a fresh process, interleaved, three times; it prints the time ratio and
the peak-RSS ratio (issue 15: both within 1.5x the floor). Figures only: it never fails.

    python3 benchmarks/report_bench.py [--sizes 1000,10000,100000] [--repeat 3] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jinja2
from _measure import env

from workshop.model import (
    Action,
    ArenaNote,
    Customer,
    CustomerArena,
    EmpathyItem,
    EmpathyMap,
    GembaWalk,
    Observation,
    Observer,
    Persona,
    RouteStep,
    Staff,
    Workshop,
    default_rounds,
)
from workshop.model.phases import PRESETS
from workshop.report import compile_journey
from workshop.report.render import render_html, render_json, render_markdown
from workshop.store import SessionStore

WORDS = [
    "patiënt",
    "wacht",
    "bij",
    "de",
    "balie",
    "zuil",
    "leest",
    "pas",
    "niet",
    "lange",
    "rij",
    "geen",
    "uitleg",
    "scherm",
    "toont",
    "nummer",
    "route",
    "onduidelijk",
    "lift",
    "verkeerde",
    "kant",
    "brief",
    "kleine",
    "letters",
    "telefoon",
    "bezet",
    "wachtkamer",
    "vol",
]
TAGS = ["wachtrij", "bewegwijzering", "aanmeldzuil", "uitloop", "parkeren", "telefoon", "brief", "lift"]
SECTIONS = ["says", "thinks", "does", "feels", "sees", "hears", "pains", "gains"]

MINIMAL = jinja2.Environment(autoescape=True).from_string(
    "<!DOCTYPE html><title>{{ title }}</title><table>"
    "{% for row in rows %}<tr id='n-{{ row.id }}'><td>{{ row.id }}</td>"
    "<td>{{ row.text }}</td></tr>{% endfor %}"
    "</table>"
)


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))


def build(root: Path, notes: int, seed: int = 7) -> str:
    """Write a workshop with `notes` notes: 80% gemba observations, 10% arena, 10% empathy."""
    rng = random.Random(seed)
    store = SessionStore(root)
    phases = [phase.key for phase in PRESETS["dcjm"].phases]
    loaded = store.create_workshop(Workshop(title=f"Bench {notes}", phase_model="dcjm"))
    gemba, arena_count = int(notes * 0.8), int(notes * 0.1)
    empathy = notes - gemba - arena_count
    route = [RouteStep(id=f"s{i}", name=f"Stap {i}", phase=phases[i % len(phases)]) for i in range(20)]
    observers = [Observer(id=f"w{i}", name=f"Observator {i}") for i in range(3)]
    observations = [
        Observation(
            id=f"o{i}",
            text=_text(rng),
            step=f"s{rng.randrange(20)}",
            observer=f"w{rng.randrange(3)}",
            kind=rng.choice(["observation", "observation", "pain", "gain", "idea"]),
            waste=[rng.choice(["waiting", "motion", "defects"])] if rng.random() < 0.4 else [],
            severity=rng.randint(1, 5),
            emotion=rng.randint(-2, 2),
            wait_minutes=rng.choice([None, None, 3, 10]),
            tags=[rng.choice(TAGS)] if rng.random() < 0.5 else [],
        )
        for i in range(gemba)
    ]
    actions = [
        Action(id=f"a{i}", text=_text(rng), owner="Eigenaar", sources=[f"o{rng.randrange(gemba)}"])
        for i in range(max(1, notes // 500))
    ]
    store.add(
        loaded,
        GembaWalk(
            title="Route", route=route, observers=observers, observations=observations, actions=actions
        ),
    )
    customers = [Customer(id=f"c{i}", alias=f"Klant {i}") for i in range(5)]
    staff = [Staff(id=f"t{i}", name=f"Medewerker {i}") for i in range(6)]
    rounds = default_rounds("nl")
    for i in range(arena_count):
        rounds[i % 3].notes.append(
            ArenaNote(
                id=f"n{i}",
                text=_text(rng),
                speaker=f"c{rng.randrange(5)}",
                phase=rng.choice(phases),
                sentiment=rng.randint(-2, 2),
            )
        )
    store.add(loaded, CustomerArena(title="Arena", inner=customers, outer=staff, rounds=rounds))
    for m in range(4):
        persona = Persona(id=f"p{m}", name=f"Persona {m}")
        store.add(loaded, persona)
        share = empathy // 4 + (1 if m < empathy % 4 else 0)
        items = [
            EmpathyItem(
                id=f"e{m}-{i}", section=rng.choice(SECTIONS), text=_text(rng), phase=rng.choice(phases)
            )
            for i in range(share)
        ]
        store.add(loaded, EmpathyMap(title=f"Kaart {m}", persona=persona.id, items=items))
    return loaded.slug


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor(store: SessionStore, slug: str) -> str:
    bundle = store.load(slug).bundle
    rows = [item for walk in bundle.walks for item in walk.observations]
    rows += [note for arena in bundle.arenas for note in arena.notes()]
    rows += [item for emap in bundle.empathy_maps for item in emap.items]
    return MINIMAL.render(title=bundle.workshop.title, rows=rows)


def report_html(store: SessionStore, slug: str) -> str:
    return render_html(compile_journey(store.load(slug).bundle), dt.date(2026, 11, 24))


def report_all(store: SessionStore, slug: str) -> int:
    journey = compile_journey(store.load(slug).bundle)
    made_on = dt.date(2026, 11, 24)
    return sum(len(render(journey, made_on)) for render in (render_html, render_markdown, render_json))


QUICK_NOTES = 1000
QUICK_RUNS = 3
CHILD_WORK = {"floor": floor, "report": report_all}


def _child(work: str, root: Path, slug: str) -> None:
    """One measure in this fresh process: print the seconds the work took (imports excluded)."""
    store = SessionStore(root)
    started = time.perf_counter()
    CHILD_WORK[work](store, slug)
    print(time.perf_counter() - started)


def _run_child(work: str, root: Path, slug: str) -> tuple[float, int]:
    """Seconds of the work and the child's peak resident memory in bytes (Linux: KiB units)."""
    command = [sys.executable, __file__, "--child", work, str(root), slug]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env())
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{work} child exited with {child.returncode}")
    return float(out.split()[-1]), usage.ru_maxrss * 1024


def quick() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "quick"
        slug = build(root, QUICK_NOTES)
        samples: dict[str, list[tuple[float, int]]] = {"floor": [], "report": []}
        _run_child("report", root, slug)  # warm-up: .pyc files (the build read the rest)
        for _ in range(QUICK_RUNS):
            for work, runs in samples.items():
                runs.append(_run_child(work, root, slug))
    seconds = {work: statistics.median(s for s, _ in runs) for work, runs in samples.items()}
    peak = {work: statistics.median(m for _, m in runs) for work, runs in samples.items()}
    for what, value, base, unit in (
        ("time", seconds["report"], seconds["floor"], "ms"),
        ("peak RSS", peak["report"], peak["floor"], "MiB"),
    ):
        scale = 1000 if unit == "ms" else 1 / 2**20
        ratio = value / base
        mark = "meets" if ratio <= 1.5 else "MISSES"
        print(
            f"report html+md+json at {QUICK_NOTES} notes, {what}: {value * scale:.0f} {unit} vs floor "
            f"{base * scale:.0f} {unit}: ratio {ratio:.2f}x (target <= 1.5x: {mark}; "
            f"medians of {QUICK_RUNS} interleaved runs, each in a fresh process)"
        )
    print("  (floor: read the files with the store and render one row per note with a minimal template)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_NOTES} notes, fresh processes")
    parser.add_argument("--child", nargs=3, metavar=("WORK", "ROOT", "SLUG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        work, root, slug = args.child
        _child(work, Path(root), slug)
        return
    if args.quick:
        quick()
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for notes in sizes:
            root = Path(folder) / f"n{notes}"
            slug = build(root, notes)
            store = SessionStore(root)
            repeat = args.repeat if notes < 100_000 else max(1, args.repeat - 1)
            base = median_seconds(lambda store=store, slug=slug: floor(store, slug), repeat)
            html = median_seconds(lambda store=store, slug=slug: report_html(store, slug), repeat)
            every = median_seconds(lambda store=store, slug=slug: report_all(store, slug), repeat)
            results.append((notes, base, html, every))
            print(
                f"{notes:>7} notes: floor {base * 1000:8.0f} ms   report html {html * 1000:8.0f} ms "
                f"({html / base:.2f}x floor)   html+md+json {every * 1000:8.0f} ms "
                f"({every / base:.2f}x floor)",
                flush=True,
            )
    print()
    for (n1, f1, h1, _), (n2, f2, h2, _) in itertools.pairwise(results):
        print(
            f"growth {n1:>6} -> {n2:>7} notes ({n2 / n1:.0f}x): report time x{h2 / h1:.1f}, "
            f"floor x{f2 / f1:.1f}"
        )
    notes, base, html, _ = results[-1]
    verdict = "meets" if html / base <= 1.5 else "MISSES"
    print(f"at {notes} notes the report takes {html / base:.2f}x the floor: {verdict} the bar of 1.5x")


if __name__ == "__main__":
    main()
