"""First paint in a real terminal: until the first workshop's title is on screen.

Each app starts in its own tmux pane (120x40, a private tmux server); the pane is read with
`tmux capture-pane` until the text is there. The floor is a bare Textual app whose one label
is that same title, started the same way; the two run in turns, medians.

1. The shipped example (summaries fresh): target 1.3x the bare app.
2. A sessions folder holding a workshop of 100,000 observations, summaries fresh: target 1.5x.
   Also once with its summary removed (cold: the walk is read to make it again); no target.

    python3 benchmarks/paint_bench.py [--runs 7] [--big 100000] [--quick]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _measure import ROOT, age, big_workshop, env, interleaved, python, verdict, workshop

BARE = """
import sys
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static(sys.argv[1])

Bare().run()
"""
TIMEOUT = 120.0
EXAMPLE_TITLE = "Polikliniek orthopedie"


class Terminal:
    """A private tmux server; each measurement is a new session in it."""

    def __init__(self) -> None:
        self.socket = f"workshop-bench-{os.getpid()}"
        self.runs = 0
        self._tmux("new-session", "-d", "-s", "keep", "-x", "120", "-y", "40", "sleep 100000")

    def _tmux(self, *args: str, capture: bool = False) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True, env=env()
        )
        return result.stdout if capture else ""

    def seconds_until(self, command: list[str], text: str) -> float:
        """Wall seconds from asking tmux for a pane running `command` until `text` is on it."""
        self.runs += 1
        name = f"run{self.runs}"
        variables = [arg for key in ("PYTHONPATH", "PATH") for arg in ("-e", f"{key}={env()[key]}")]
        started = time.perf_counter()
        pid = int(
            self._tmux(
                *("new-session", "-d", "-P", "-F", "#{pane_pid}", "-s", name, "-x", "120", "-y", "40"),
                *variables,
                shlex.join(command),
                capture=True,
            )
        )
        try:
            while True:
                screen = self._tmux("capture-pane", "-p", "-t", name, capture=True)
                if text in screen:
                    return time.perf_counter() - started
                if time.perf_counter() - started > TIMEOUT:
                    raise RuntimeError(f"{text!r} never showed; the pane holds:\n{screen}")
        finally:
            subprocess.run(["tmux", "-L", self.socket, "kill-session", "-t", name], capture_output=True)
            _wait_gone(pid)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


def _wait_gone(pid: int) -> None:
    """Let a finished app leave before the next run starts, so it does not share the CPU."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)  # a benchmark's pacing, not a test's synchronisation


def _ratio(
    terminal: Terminal, sessions: Path, title: str, runs: int, before: Callable[[], None] | None = None
) -> dict[str, float]:
    script = sessions.parent / "bare.py"
    script.write_text(BARE, encoding="utf-8")
    bare = [python(), str(script), title]
    app = [*workshop(), "--sessions", str(sessions)]

    def app_run() -> float:
        if before is not None:
            before()
        return terminal.seconds_until(app, title)

    return interleaved(runs, bare=lambda: terminal.seconds_until(bare, title), app=app_run)


def paint_ratio(terminal: Terminal, runs: int) -> None:
    """Row 1: the example workshop against a bare app showing its title."""
    with tempfile.TemporaryDirectory() as folder:
        sessions = Path(folder) / "sessions"
        shutil.copytree(ROOT / "sessions", sessions, ignore=shutil.ignore_patterns(".*", "report"))
        age(sessions)
        times = _ratio(terminal, sessions, EXAMPLE_TITLE, runs)
    what = "first paint in tmux until the example's title shows"
    print(verdict(what, times["app"], times["bare"], 1.3, runs, "bare Textual app with that label"))


def big_ratio(terminal: Terminal, runs: int, observations: int) -> None:
    """Row 2: the home screen on a folder holding one very large workshop."""
    title = "Gemba seizoen 2026"
    with tempfile.TemporaryDirectory() as folder:
        sessions = Path(folder) / "sessions"
        shutil.copytree(ROOT / "sessions", sessions, ignore=shutil.ignore_patterns(".*", "report"))
        big_workshop(sessions / "aaa-gemba-seizoen", observations, title)
        age(sessions)
        warm = _ratio(terminal, sessions, title, runs)
        what = f"home screen with a {observations:,}-observation workshop, summaries fresh"
        print(verdict(what, warm["app"], warm["bare"], 1.5, runs, "bare Textual app"))

        def forget() -> None:
            (sessions / "aaa-gemba-seizoen" / ".summary.toml").unlink(missing_ok=True)

        cold = _ratio(terminal, sessions, title, 1, before=forget)
        print(
            f"  cold (its summary removed, so the walk is read to list it): {cold['app'] * 1000:.0f} ms, "
            f"{cold['app'] / cold['bare']:.1f}x the bare app (no target; one run)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="3 runs, a workshop of 10,000 observations")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.big = 3, 10_000
    if shutil.which("tmux") is None:
        print("first paint: tmux is not installed; not measured")
        sys.exit(0)
    terminal = Terminal()
    try:
        paint_ratio(terminal, args.runs)
        big_ratio(terminal, args.runs, args.big)
    finally:
        terminal.close()


if __name__ == "__main__":
    main()
