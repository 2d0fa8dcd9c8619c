"""Issue 11's bars, measured on the real app in a real 80x24 terminal, on each live screen.

Each test prints its figures (lines sent, stored exactly once, acknowledged lost, processes left)
and adds them to the run's `figures` section. A test marked xfail(strict) fails today for the
measured reason it names; when a fix makes it pass, strict turns it red until the mark goes.

WORKSHOP_E2E_KILLS and WORKSHOP_E2E_CLOSES set the tries per screen (defaults below; the issue's
"Done when" asks 36 kills in all, so WORKSHOP_E2E_KILLS=12)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from .terminal import (
    SCREENS,
    App,
    LiveScreen,
    Step,
    Tmux,
    copy_example,
    exit_times,
    line_texts,
    lock_files,
    process_rss_mb,
    read_stored,
    run_scripts,
)

pytestmark = pytest.mark.e2e

BURST_LINES = 8
BURST_GAPS = (0.030, 0.0)
"""8 lines 30 ms apart (the issue's bar), then 8 at once (what one read of the terminal can hold)."""
KILL_DELAY = 0.100
"""kill -9 this long after the last line showed on screen."""
LINES_PER_KILL = 3
CLOSE_BAR = 2.0
"""Seconds after the terminal closed by which the process must be gone."""
LATE = 5.0
"""Processes still there this long after the close are counted apart (the issue measured 5 s)."""
KILLS = int(os.environ.get("WORKSHOP_E2E_KILLS", "4"))
CLOSES = int(os.environ.get("WORKSHOP_E2E_CLOSES", "6"))
SAVED = "✓ opgeslagen"
REOPEN_AFTER_KILL = {"gemba"}
"""After the kills, a second process opens the folder again: on the walk, whose presence lock
decides whether its observations go to a file of their own, the killed process's lock is stale."""


def report(figures: list[str], line: str) -> None:
    print(line)
    figures.append(line)


def screens(*xfail: tuple[str, str]) -> list[object]:
    """The three live screens as parameters; those named fail today for the reason given."""
    reasons = dict(xfail)
    return [
        pytest.param(
            screen,
            id=name,
            marks=[pytest.mark.xfail(strict=True, reason=f"issue 11: {reasons[name]}")]
            if name in reasons
            else [],
        )
        for name, screen in SCREENS.items()
    ]


@pytest.mark.parametrize("screen", screens())
def test_a_burst_of_lines_gives_one_note_per_line_stored_once(
    screen: LiveScreen, tmux: Tmux, tmp_path: Path, load: list[int], figures: list[str]
) -> None:
    """8 lines 30 ms apart (a fast typist), then 8 lines at once (keys that came in together):
    one note per line, each stored exactly once, under load."""
    sessions = tmp_path / "sessions"
    folder = copy_example(sessions)
    bursts = {gap: line_texts("e2e ", BURST_LINES, start=n * BURST_LINES) for n, gap in enumerate(BURST_GAPS)}
    app = tmux.start(sessions)
    screen.open(app)
    widest: dict[float, float] = {}
    for gap, lines in bursts.items():
        widest[gap] = max(app.burst(lines, gap))
        app.wait_quiet(also=SAVED)
    app.quit()
    stored = read_stored(folder)
    failed = []
    for gap, lines in bursts.items():
        once = [text for text in lines if stored.times(text) == 1]
        repeated = [text for text in lines if stored.times(text) > 1]
        merged = sorted({t for text in lines for t in stored.containing(text) if t not in lines})
        lost = [text for text in lines if not stored.times(text) and not any(text in t for t in merged)]
        how = f"{1000 * gap:.0f} ms apart (widest gap {1000 * widest[gap]:.0f} ms)" if gap else "at once"
        report(
            figures,
            f"e2e burst {screen.name}: {len(lines)} lines sent {how}: {len(once)} stored exactly once, "
            f"{len(repeated)} stored more than once, {len(merged)} merged notes, {len(lost)} lost",
        )
        if (len(once), repeated, merged, lost) != (len(lines), [], [], []):
            failed.append(how)
    assert not stored.corrupt
    assert failed == []


def _kill_script(screen: LiveScreen, lines: list[str], acknowledged: list[str]) -> list[Step]:
    """Open the screen; type each line once the one before showed; kill -9 KILL_DELAY after the
    last one showed. A line counts as acknowledged from the moment it is on screen."""
    steps = screen.open_steps()
    steps.append(Step(screen.ready, lambda app: app.line(lines[0])))
    for number, text in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else None

        def shown(app: App, text: str = text, following: str | None = following) -> None:
            acknowledged.append(text)
            if following is not None:
                app.line(following)

        steps.append(Step(screen.shown(text, number + 1), shown, regex=True))
    last = screen.shown(lines[-1], len(lines))
    steps.append(Step(last, lambda app: app.kill9(), delay=KILL_DELAY, regex=True))
    return steps


@pytest.mark.parametrize("screen", screens())
def test_kill_minus_nine_after_a_line_shows_loses_nothing_shown(
    screen: LiveScreen, tmux: Tmux, tmp_path: Path, load: list[int], figures: list[str]
) -> None:
    """Each try: lines typed one by one, kill -9 about 100 ms after the last showed, under load;
    every line shown is on disk exactly once and every file is valid TOML. Then a second
    process opens the same folder and the same screen."""
    folders: list[Path] = []
    acknowledged: list[list[str]] = []
    scripts: dict[App, list[Step]] = {}
    for attempt in range(KILLS):
        sessions = tmp_path / f"sessions-{attempt}"
        folders.append(copy_example(sessions))
        acknowledged.append([])
        lines = line_texts("e2e ", LINES_PER_KILL, start=attempt * LINES_PER_KILL)
        scripts[tmux.start(sessions)] = _kill_script(screen, lines, acknowledged[-1])
    run_scripts(scripts)
    lost: list[str] = []
    repeated: list[str] = []
    corrupt: list[str] = []
    for folder, shown in zip(folders, acknowledged, strict=True):
        stored = read_stored(folder)
        corrupt += stored.corrupt
        lost += [text for text in shown if stored.times(text) == 0]
        repeated += [text for text in shown if stored.times(text) > 1]
    reopened, told = "", False
    if screen.name in REOPEN_AFTER_KILL:
        again = tmux.start(folders[0].parent)
        screen.open(again)
        told = "heeft deze" in again.screen()  # "… has this workshop / walk open too"
        again.quit()
        reopened = "; a second process reopened the folder" + (
            ", told the killed one still has it" if told else ""
        )
    shown_count = sum(len(shown) for shown in acknowledged)
    report(
        figures,
        f"e2e kill -9 {screen.name}: {KILLS} kills {1000 * KILL_DELAY:.0f} ms after a line showed, "
        f"{shown_count} lines shown: {shown_count - len(lost) - len(repeated)} stored exactly once, "
        f"{len(lost)} acknowledged lost, {len(repeated)} stored more than once; "
        f"corrupt files {len(corrupt)}{reopened}",
    )
    assert corrupt == []
    assert not told, "a process killed with -9 still counts as having the walk open"
    assert (lost, repeated) == ([], [])


@pytest.mark.parametrize("screen", screens())
def test_closing_the_terminal_saves_and_ends_the_app(
    screen: LiveScreen, tmux: Tmux, tmp_path: Path, load: list[int], figures: list[str]
) -> None:
    """Terminals closed right after a line showed, all at once, under load: every process gone
    within 2 s, its presence locks released, the line on disk."""
    folders: list[Path] = []
    scripts: dict[App, list[Step]] = {}
    lines = line_texts("e2e ", CLOSES)
    for number, text in enumerate(lines):
        sessions = tmp_path / f"sessions-{number}"
        folders.append(copy_example(sessions))
        steps = screen.open_steps()
        steps.append(Step(screen.ready, lambda app, text=text: app.line(text)))
        steps.append(Step(screen.shown(text, 1), lambda app: None, regex=True))
        scripts[tmux.start(sessions)] = steps
    run_scripts(scripts)
    apps = list(scripts)
    for app in apps:
        app.close_terminal()
    gone = exit_times(apps, CLOSE_BAR)
    left = [app for app, seconds in zip(apps, gone, strict=True) if seconds is None]
    memory = [process_rss_mb(app.pid) for app in left]
    still = [app for app, seconds in zip(left, exit_times(left, LATE), strict=True) if seconds is None]
    locks = [name for folder in folders for name in lock_files(folder)]
    saved = [read_stored(folder).times(text) for folder, text in zip(folders, lines, strict=True)]
    exited = [seconds for seconds in gone if seconds is not None]
    report(
        figures,
        f"e2e terminal closed {screen.name}: {len(apps)} closes, {len(left)} processes left after "
        f"{CLOSE_BAR:g} s"
        + (f" ({', '.join(f'{mb:.0f} MB' for mb in memory)})" if left else "")
        + f", {len(still)} after {LATE:g} s"
        + (f"; exits in {min(exited):.2f}..{max(exited):.2f} s" if exited else "")
        + f"; {len(locks)} presence locks left; lines shown then saved {sum(n == 1 for n in saved)}"
        f"/{len(lines)}",
    )
    assert left == []
    assert locks == []
    assert saved == [1] * len(lines)


def test_sigterm_saves_and_ends_the_app(
    tmux: Tmux, tmp_path: Path, load: list[int], figures: list[str]
) -> None:
    """`kill PID` while the terminal is still open: the same as a closed terminal."""
    screen = SCREENS["gemba"]
    folders: list[Path] = []
    scripts: dict[App, list[Step]] = {}
    lines = line_texts("e2e ", 3)
    for number, text in enumerate(lines):
        sessions = tmp_path / f"sessions-{number}"
        folders.append(copy_example(sessions))
        steps = screen.open_steps()
        steps.append(Step(screen.ready, lambda app, text=text: app.line(text)))
        steps.append(Step(screen.shown(text, 1), lambda app: None, regex=True))
        scripts[tmux.start(sessions)] = steps
    run_scripts(scripts)
    apps = list(scripts)
    for app in apps:
        app.closed_at = time.monotonic()
        os.kill(app.pid, signal.SIGTERM)
    gone = exit_times(apps, CLOSE_BAR)
    locks = [name for folder in folders for name in lock_files(folder)]
    saved = [read_stored(folder).times(text) for folder, text in zip(folders, lines, strict=True)]
    exited = [seconds for seconds in gone if seconds is not None]
    report(
        figures,
        f"e2e SIGTERM {screen.name}: {len(apps)} processes, {len(apps) - len(exited)} left after "
        f"{CLOSE_BAR:g} s"
        + (f"; exits in {min(exited):.2f}..{max(exited):.2f} s" if exited else "")
        + f"; {len(locks)} presence locks left; lines shown then saved "
        f"{sum(n == 1 for n in saved)}/{len(lines)}",
    )
    assert len(exited) == len(apps)
    assert locks == []
    assert saved == [1] * len(lines)
