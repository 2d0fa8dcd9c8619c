"""How the save of a gemba walk grows with its size, against the floor of writing its bytes.

Run: python3 benchmarks/store_bench.py
Prints, per walk size, the median cost of logging one more observation (model append), of
saving the walk after it (serialise with the chunk cache, check, atomic write), and the floor:
an atomic write of the same bytes. Ratios are against the 100-observation case and the floor."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from workshop.model import GembaWalk, Observation, Observer, RouteStep, Workshop
from workshop.store import SessionStore
from workshop.store.atomic import atomic_write_bytes

SIZES = (100, 1_000, 10_000)
REPEATS = 15


def _walk(size: int) -> GembaWalk:
    route = [RouteStep(name=f"Stap {n}") for n in range(8)]
    observers = [Observer(name="Jan"), Observer(name="Els")]
    start = dt.datetime(2026, 10, 14, 8, 0)
    walk = GembaWalk(title="Route", route=route, observers=observers)
    walk.observations = [
        Observation(
            text=f"Patiënt {n} zoekt de balie en wacht bij de zuil",
            at=start + dt.timedelta(seconds=n),
            step=route[n % 8].id,
            observer=observers[n % 2].id,
            waste=["waiting"],
            severity=1 + n % 5,
            emotion=-1,
            wait_minutes=5,
            tags=["zuil"],
        )
        for n in range(size)
    ]
    return walk


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def measure(size: int, root: Path) -> tuple[float, float, float]:
    store = SessionStore(root / f"n{size}")
    loaded = store.create_workshop(Workshop(title="Bench"))
    walk = _walk(size)
    path = store.add(loaded, walk)  # the first save fills the chunk cache
    append, save, floor = [], [], []
    for n in range(REPEATS):
        observation = Observation(text=f"nieuw {n}", step=walk.route[0].id, severity=3)
        started = time.perf_counter()
        walk.observations.append(observation)
        append.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.save(loaded, walk)
        save.append(time.perf_counter() - started)
        data = path.read_bytes()
        started = time.perf_counter()
        atomic_write_bytes(path.with_name("floor.toml"), data)
        floor.append(time.perf_counter() - started)
    return _median_ms(append), _median_ms(save), _median_ms(floor)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        results = {size: measure(size, Path(folder)) for size in SIZES}
    base_append, base_save, _ = results[SIZES[0]]
    print("observations  append ms  (x100)   save ms  (x100)   floor ms  save/floor")
    for size, (append, save, floor) in results.items():
        print(
            f"{size:>12,}  {append:9.4f}  {append / base_append:6.2f}  {save:8.2f}  {save / base_save:6.1f}"
            f"  {floor:9.2f}  {save / floor:10.1f}"
        )


if __name__ == "__main__":
    main()
