"""Speed of the terminal UI, as ratios measured in one run.

1. Start to first paint, as the user sees it: in a real terminal (tmux), until the example
   workshop's title is on screen, against a bare Textual app showing that title as its one
   label (benchmarks/paint_bench.py; Textual's Ready event comes before any workshop is
   listed, so it is not timed). Bar: at most 1.3x.
2. Adding an item to an empathy map through the screen's own code path, when the map holds
   10,000 items against when it holds 100. Bar: at most 1.5x.

    python3 benchmarks/tui_bench.py [--starts 7] [--adds 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start_ratio(starts: int) -> None:
    import shutil

    from paint_bench import Terminal, paint_ratio

    if shutil.which("tmux") is None:
        print("start to first paint: tmux is not installed; not measured")
        return
    terminal = Terminal()
    try:
        paint_ratio(terminal, starts)
    finally:
        terminal.close()


async def _add_cost(items: int, adds: int) -> tuple[float, float]:
    """Median seconds of EmpathyScreen.add_item alone, and with the repaint it causes, at `items` items."""
    from workshop.model import EmpathyItem, EmpathyMap, Persona, Workshop
    from workshop.store import SessionStore
    from workshop.tui.app import WorkshopApp
    from workshop.tui.screens.empathy import EmpathyScreen

    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder))
        loaded = store.create_workshop(Workshop(title="Bench"))
        store.add(loaded, Persona(id="persona-a", name="Anna"))
        sections = ["says", "thinks", "does", "feels", "pains", "gains"]
        emap = EmpathyMap(
            title="Kaart",
            persona="persona-a",
            items=[EmpathyItem(section=sections[i % 6], text=f"Notitie {i}") for i in range(items)],
        )
        store.add(loaded, emap)
        app = WorkshopApp(Path(folder), watch_seconds=0, debounce=0.2)
        times, calls = [], []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("tab", "enter")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, EmpathyScreen), screen
            screen._set_current("says")
            for number in range(adds):
                start = time.perf_counter()
                screen.add_item(f"Nieuw {number}")
                calls.append(time.perf_counter() - start)
                await pilot.pause()  # let the screen repaint what changed
                times.append(time.perf_counter() - start)
            app.autosaver.close(timeout=10)
        return statistics.median(calls), statistics.median(times)


def add_ratio(adds: int) -> None:
    small_call, small = asyncio.run(_add_cost(100, adds))
    large_call, large = asyncio.run(_add_cost(10_000, adds))
    for what, low, high in (("the add itself", small_call, large_call), ("add and repaint", small, large)):
        verdict = "meets" if high / low <= 1.5 else "MISSES"
        print(f"{what}: at 100 items {low * 1000:.2f} ms, at 10,000 items {high * 1000:.2f} ms")
        print(f"  ratio {high / low:.2f}x ({verdict} the bar of 1.5x; medians of {adds} adds each)")


async def _log_cost(observations: int, adds: int) -> tuple[float, float, float]:
    """Median seconds of logging one quick-captured observation on the walk screen at
    `observations`, with the repaint; and the median while a save of the walk is running."""
    from workshop.model import GembaWalk, Observation, RouteStep, Workshop
    from workshop.model.capture import parse_capture
    from workshop.store import SessionStore
    from workshop.tui.app import WorkshopApp
    from workshop.tui.screens.gemba import GembaScreen

    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder))
        loaded = store.create_workshop(Workshop(title="Bench"))
        route = [RouteStep(id=f"s{i}", name=f"Stap {i}") for i in range(10)]
        walk = GembaWalk(
            id="walk-bench",
            title="Route",
            route=route,
            observations=[
                Observation(
                    text=f"Waarneming {i} bij de balie", step=f"s{i % 10}", severity=2, wait_minutes=3
                )
                for i in range(observations)
            ],
        )
        store.add(loaded, walk)
        app = WorkshopApp(Path(folder), watch_seconds=0, debounce=0.05)
        calls, quiet, during_save = [], [], []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            from workshop.tui.screens.workshop import screen_for

            assert app.bench is not None
            walk_screen = screen_for(app.bench, "walk-bench")
            await app.push_screen(walk_screen)
            await pilot.pause()
            assert isinstance(app.screen, GembaScreen), app.screen
            for number in range(adds):
                capture = parse_capture(f"Rij bij de zuil {number} 4 min #wachten !3 -1", route, "s1")
                start = time.perf_counter()
                app.screen.log_capture(capture)
                calls.append(time.perf_counter() - start)
                await pilot.pause()
                quiet.append(time.perf_counter() - start)

            def save_now() -> None:
                with app.autosaver.lock:
                    app.store.save(app.loaded, app.screen.walk)

            for number in range(max(10, adds // 5)):  # the same, while the walk is being saved
                saver = threading.Thread(target=save_now)
                saver.start()
                await asyncio.sleep(0.002)
                capture = parse_capture(f"Tijdens het opslaan {number}", route, "s1")
                overlapping = saver.is_alive()
                start = time.perf_counter()
                app.screen.log_capture(capture)
                await pilot.pause()
                if overlapping:
                    during_save.append(time.perf_counter() - start)
                saver.join()
            app.autosaver.close(timeout=30)
        saving = statistics.median(during_save) if during_save else float("nan")
        return statistics.median(calls), statistics.median(quiet), saving


def log_ratio(adds: int) -> None:
    small, small_paint, _ = asyncio.run(_log_cost(100, adds))
    large, large_paint, large_saving = asyncio.run(_log_cost(10_000, adds))
    verdict = "meets" if large / small <= 1.5 else "MISSES"
    print(
        f"log an observation (the screen's hot path): at 100 {small * 1000:.2f} ms, "
        f"at 10,000 {large * 1000:.2f} ms"
    )
    print(f"  ratio {large / small:.2f}x ({verdict} the bar of 1.5x; medians of {adds} observations each)")
    print(
        f"  with the repaint (Enter also starts a save of the walk): at 100 {small_paint * 1000:.1f} ms, "
        f"at 10,000 {large_paint * 1000:.1f} ms"
    )
    print(
        f"  with the repaint while another save of the 10,000-observation walk runs: "
        f"{large_saving * 1000:.1f} ms ({large_saving / large_paint:.2f}x; saves run on the saver's thread "
        "but share the GIL)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--adds", type=int, default=200)
    args = parser.parse_args()
    start_ratio(args.starts)
    add_ratio(args.adds)
    log_ratio(args.adds)


if __name__ == "__main__":
    main()
