"""Drive the real `workshop` app in a real terminal, as a user would: tmux gives each app its own
pseudo-terminal of 80x24, keys go in through it, and the screen comes back as text.

Nothing here sleeps to synchronise: every wait polls the screen, the process or the files until
a condition holds or a deadline passes (then it fails with what the screen showed). The only
sleeps pace input on purpose (a burst of lines N ms apart, a kill N ms after a line showed).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "polikliniek-orthopedie"
WIDTH, HEIGHT = 80, 24
POLL_SECONDS = 0.02
START_SECONDS = 60.0
"""A loaded 2-core machine can take a while to import Textual and pydantic; a hang still fails."""

TMUX_CONFIG = """\
set -g exit-empty off
set -g status off
set -g default-terminal tmux-256color
set -g escape-time 0
set -g history-limit 0
"""
"""No status bar (the app gets all 24 rows), no server exit between apps, Esc passed at once."""


def tmux_path() -> str | None:
    return shutil.which("tmux")


def process_alive(pid: int) -> bool:
    """Running or stopped; a zombie has exited and counts as gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except (FileNotFoundError, ProcessLookupError):
        return False
    state = stat.rsplit(")", 1)[1].split()[0]
    return state not in ("Z", "X")


def process_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def wait_until(condition: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll until condition() is truthy; its value, or AssertionError at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(POLL_SECONDS)


def quote(word: str) -> str:
    """One word of a tmux command line (tmux's single quotes have no escapes)."""
    assert "'" not in word and "\n" not in word, f"cannot send {word!r} through tmux control mode"
    return f"'{word}'"


class Tmux:
    """One private tmux server (its own socket and config), stopped at the end.

    Commands go through one control-mode client (`tmux -C`): no process is spawned per key or
    per look at the screen, so a burst keeps its pacing and polling stays cheap under load."""

    def __init__(self, folder: Path) -> None:
        executable = tmux_path()
        assert executable is not None, "tmux is not installed"
        folder.mkdir(parents=True, exist_ok=True)
        self.executable = executable
        self.socket = folder / "tmux.sock"
        self.config = folder / "tmux.conf"
        self.config.write_text(TMUX_CONFIG, encoding="utf-8")
        self.count = 0
        self.apps: list[App] = []
        self._lock = threading.Lock()
        base = [executable, "-S", str(self.socket), "-f", str(self.config)]
        # A session that only keeps the control client attached; `cat` ends with the server.
        subprocess.run([*base, "new-session", "-d", "-s", "keeper", "cat"], check=True, timeout=30)
        self._client = subprocess.Popen(
            [*base, "-C", "attach-session", "-t", "keeper"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._read_block()  # the attach's own reply

    def _read_block(self) -> tuple[bool, list[str]]:
        """The reply to one command: (ok, its lines); notifications between replies are skipped."""
        assert self._client.stdout is not None
        lines: list[str] | None = None
        while True:
            raw = self._client.stdout.readline()
            if not raw:
                raise AssertionError("the tmux control client ended")
            text = raw.decode("utf-8", errors="replace").rstrip("\n")
            if lines is None:
                if text.startswith("%begin "):
                    lines = []
                continue
            if text.startswith(("%end ", "%error ")):
                return text.startswith("%end "), lines
            lines.append(text)

    def commands(self, *commands: Sequence[str]) -> list[tuple[bool, list[str]]]:
        """Send tmux commands (each a list of words) in one write; their replies, in order."""
        payload = "".join(" ".join([words[0], *map(quote, words[1:])]) + "\n" for words in commands)
        with self._lock:
            assert self._client.stdin is not None
            self._client.stdin.write(payload.encode("utf-8"))
            self._client.stdin.flush()
            return [self._read_block() for _ in commands]

    def run(self, *words: str, check: bool = True) -> str:
        [(ok, lines)] = self.commands(words)
        if check and not ok:
            raise AssertionError(f"tmux {' '.join(words)}: {' '.join(lines)}")
        return "".join(line + "\n" for line in lines)

    def start(self, sessions: Path, name: str | None = None) -> App:
        """`python -m workshop --sessions DIR` in a new 80x24 terminal."""
        self.count += 1
        name = name or f"app{self.count}"
        env = {
            "WORKSHOP_SESSIONS": str(sessions),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "COLORTERM": "truecolor",
        }
        # From the checkout, so `-m workshop` is this tree's package, as the README starts it.
        command = [sys.executable, "-m", "workshop", "--sessions", str(sessions)]
        options = [f"-e{key}={value}" for key, value in env.items()]
        self.run(
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(WIDTH),
            "-y",
            str(HEIGHT),
            "-c",
            str(ROOT),
            *options,
            *command,  # several words: tmux runs them directly, no shell, so the pane is python
        )
        pid = int(self.run("display-message", "-p", "-t", name, "#{pane_pid}").strip())

        def runs_the_app() -> bool:
            # tmux forks the pane and then execs the command: until the exec, the pane's pid
            # shows tmux's own command line (or none, mid-exec). Wait for the exec, not a time.
            try:
                return b"workshop" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                return False

        wait_until(runs_the_app, START_SECONDS, f"pane {name} (pid {pid}) to run the app")
        app = App(self, name, pid, sessions)
        self.apps.append(app)
        return app

    def screens(self, apps: Sequence[App]) -> dict[str, str]:
        """The screens of several apps in one write to tmux (an app that ended shows "")."""
        replies = self.commands(*(["capture-pane", "-p", "-t", app.name] for app in apps))
        return {
            app.name: "".join(line + "\n" for line in lines) if ok else ""
            for app, (ok, lines) in zip(apps, replies, strict=True)
        }

    def stop(self) -> None:
        """No app outlives its test: what is still running is killed (by pid), then the server."""
        for app in self.apps:
            app.reap()
        with contextlib.suppress(AssertionError, OSError):
            self.run("kill-server", check=False)
        with contextlib.suppress(OSError):
            if self._client.stdin is not None:
                self._client.stdin.close()
        try:
            self._client.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._client.kill()
            self._client.wait(timeout=10)


@dataclass(eq=False)
class App:
    """One app in one terminal."""

    tmux: Tmux
    name: str
    pid: int
    sessions: Path
    closed_at: float | None = None
    log: list[str] = field(default_factory=list)

    # -- the screen --------------------------------------------------------------------

    def screen(self) -> str:
        return self.tmux.run("capture-pane", "-p", "-t", self.name, check=False)

    def wait_for(self, pattern: str, timeout: float = START_SECONDS, regex: bool = False) -> str:
        """Until the text (or regular expression) is on screen; the screen then."""
        found = re.compile(pattern if regex else re.escape(pattern))
        deadline = time.monotonic() + timeout
        screen = ""
        while True:
            screen = self.screen()
            if found.search(screen):
                return screen
            if not self.alive():
                raise AssertionError(f"{self.name}: the app ended while waiting for {pattern!r}:\n{screen}")
            if time.monotonic() >= deadline:
                raise AssertionError(f"{self.name}: {pattern!r} not on screen after {timeout:g} s:\n{screen}")
            time.sleep(POLL_SECONDS)

    def wait_quiet(self, quiet: float = 0.5, timeout: float = 20.0, also: str | None = None) -> str:
        """Until the screen has not changed for `quiet` seconds (and shows `also`, if given)."""
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while True:
            time.sleep(POLL_SECONDS)
            screen = self.screen()
            now = time.monotonic()
            if screen != last:
                last, since = screen, now
            elif now - since >= quiet and (also is None or also in screen):
                return screen
            if now >= deadline:
                raise AssertionError(f"{self.name}: the screen did not settle in {timeout:g} s:\n{screen}")

    # -- keys --------------------------------------------------------------------------

    def keys(self, *keys: str) -> None:
        """tmux key names: Enter, Tab, Down, Escape, C-q, F5 …"""
        self.tmux.run("send-keys", "-t", self.name, *keys)

    def line(self, text: str) -> None:
        """A line and Enter, back to back in one write to tmux (as a fast typist or a paste)."""
        replies = self.tmux.commands(
            ["send-keys", "-t", self.name, "-l", text], ["send-keys", "-t", self.name, "Enter"]
        )
        assert all(ok for ok, _ in replies), f"{self.name}: could not type {text!r}: {replies}"

    def burst(self, lines: Sequence[str], gap: float) -> list[float]:
        """Each line with Enter, `gap` seconds apart (paced from the start, so slow tmux calls
        do not add up); the gaps actually achieved."""
        start = time.monotonic()
        sent: list[float] = []
        for number, text in enumerate(lines):
            due = start + number * gap
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)  # pacing the input, not waiting for the app
            sent.append(time.monotonic())
            self.line(text)
        return [b - a for a, b in itertools.pairwise(sent)]

    # -- the process -------------------------------------------------------------------

    def alive(self) -> bool:
        return process_alive(self.pid)

    def kill9(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        wait_until(lambda: not self.alive(), 10.0, f"{self.name} to die of SIGKILL")
        self.tmux.run("kill-session", "-t", self.name, check=False)

    def close_terminal(self) -> None:
        """Close the terminal window: tmux closes the pty, the kernel hangs it up (SIGHUP)."""
        self.closed_at = time.monotonic()
        self.tmux.run("kill-session", "-t", self.name)

    def quit(self, timeout: float = 30.0) -> None:
        """ctrl+q and wait until the process ended."""
        self.keys("C-q")
        wait_until(lambda: not self.alive(), timeout, f"{self.name} to quit")

    def reap(self) -> None:
        """A process still there at the end of a test: SIGKILL, so no test leaves one behind."""
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(AssertionError):
                wait_until(lambda: not self.alive(), 10.0, f"{self.name} to die")
        self.tmux.run("kill-session", "-t", self.name, check=False)


def exit_times(apps: Sequence[App], within: float) -> list[float | None]:
    """For apps whose terminal was closed: seconds from the close until each process was gone,
    None for one still there `within` seconds after its close (all watched at once)."""
    times: dict[App, float | None] = dict.fromkeys(apps)
    while True:
        now = time.monotonic()
        watching = [app for app in apps if times[app] is None]
        for app in watching:
            assert app.closed_at is not None
            if not app.alive():
                times[app] = now - app.closed_at
        if all(app.closed_at is not None and now > app.closed_at + within for app in watching):
            return [times[app] for app in apps]
        time.sleep(POLL_SECONDS / 4)


# -- the files ---------------------------------------------------------------------------


@dataclass
class Stored:
    """What is on disk: the text of every item, and the files that do not parse."""

    texts: Counter[str]
    corrupt: list[str]
    files: int

    def times(self, text: str) -> int:
        return self.texts[text]

    def containing(self, fragment: str) -> list[str]:
        return [text for text in self.texts if fragment in text]


def _item_texts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str) and isinstance(node.get("text"), str):
            yield node["text"]
        for value in node.values():
            yield from _item_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _item_texts(value)


def read_stored(folder: Path) -> Stored:
    """Every TOML file of a workshop folder read back with tomllib."""
    texts: Counter[str] = Counter()
    corrupt: list[str] = []
    files = 0
    for path in sorted(folder.glob("*.toml")):
        files += 1
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            corrupt.append(f"{path.name}: {error}")
            continue
        texts.update(_item_texts(data))
    return Stored(texts, corrupt, files)


def lock_files(folder: Path) -> list[str]:
    """Presence locks left in a workshop folder (`.<file>.lock`)."""
    return sorted(p.name for p in folder.glob(".*.lock"))


def copy_example(target: Path) -> Path:
    """A sessions folder holding a fresh copy of the shipped example workshop; its workshop folder."""
    folder = target / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns(".*", "report"))
    return folder


# -- load beside the tests ---------------------------------------------------------------


@contextlib.contextmanager
def busy_loops(count: int = 2) -> Iterator[list[int]]:
    """`count` processes spinning on a CPU each, ended (by pid) when the block ends."""
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield [p.pid for p in loops]
    finally:
        for process in loops:
            process.kill()
            process.wait(timeout=10)


# -- the live screens --------------------------------------------------------------------


@dataclass(frozen=True)
class LiveScreen:
    """How a user reaches a live screen from the start (README: Enter opens the workshop, Tab
    goes to its sessions, Down to the one wanted, Enter opens it) and how a note shows there."""

    name: str
    downs: int
    """Down presses in the sessions list: its first entry is the first empathy map."""
    ready: str
    """On screen once the screen is open and its input line is mounted (the placeholder)."""
    row: str
    """A regular expression of a note shown in the screen's list; {text} is the note's text."""
    counter: str = ""
    """Where the list's length shows, as a regular expression with {count}: a note counts as
    shown once the count includes it, also when the list does not scroll to it."""
    before: int = 0
    """Notes in that list in the example workshop."""

    def open_steps(self) -> list[Step]:
        """From the home screen to this screen, ready for a line."""
        return [
            Step("Polikliniek orthopedie", lambda app: app.keys("Enter")),
            Step("Sessies (", lambda app: app.keys("Tab", *(["Down"] * self.downs), "Enter")),
            # The placeholder can show before the input has focus, when keys would go elsewhere:
            # a probe key that no screen binds shows in the input once it has, and is erased.
            Step(self.ready, lambda app: app.keys("~")),
            Step(PROBE_SHOWN, lambda app: app.keys("BSpace"), regex=True),
            Step(self.ready, lambda app: None),
        ]

    def open(self, app: App) -> None:
        run_scripts({app: self.open_steps()})

    def shown(self, text: str, added: int = 0) -> str:
        """A note on screen: its row, or (when `added` says how many this app added, this one
        included) the list's count."""
        row = self.row.format(text=re.escape(text))
        if not (self.counter and added):
            return row
        return f"(?:{row})|(?:{self.counter.format(count=self.before + added)})"


PROBE_SHOWN = r"▊ +~ +▎"
"""The input line holding only the probe key."""

SCREENS = {
    # A full panel of the empathy map does not scroll to a new item at 80x24 (measured): its
    # count in the panel title is what the note-taker sees change.
    "empathy": LiveScreen("empathy", 0, "Nieuw in Ziet", r"[·+−] {text} *[┃│]", r"━ 1 Ziet \({count}\) ━", 4),
    "arena": LiveScreen("arena", 2, "Notitie: '2: tekst'", r"[·+−] [^│]*: {text} "),
    "gemba": LiveScreen("gemba", 3, "Wat zie je?", r"[·+−] \d\d:\d\d {text} "),
}
"""Lines are short (`e2e` and three letters) so that the whole text fits in the narrowest list
at 80 columns, the empathy map's panels."""


def line_texts(prefix: str, count: int, start: int = 0) -> list[str]:
    """Distinct short note texts: `e2e` + three letters, which no capture grammar reads as a token."""
    texts = []
    for number in range(start, start + count):
        letters = ""
        for _ in range(3):
            number, digit = divmod(number, 26)
            letters = chr(ord("a") + digit) + letters
        texts.append(f"{prefix}{letters}")
    return texts


# -- several apps at once ----------------------------------------------------------------


@dataclass
class Step:
    """Once `pattern` is on an app's screen (and `delay` seconds more have passed), `then`."""

    pattern: str
    then: Callable[[App], None]
    delay: float = 0.0
    regex: bool = False

    def found(self, screen: str) -> bool:
        return bool(re.search(self.pattern if self.regex else re.escape(self.pattern), screen))


def run_scripts(scripts: dict[App, list[Step]], timeout: float = START_SECONDS * 2) -> None:
    """Drive several apps side by side, each through its own steps, polling all their screens
    with one tmux call per round; fails at the deadline with the screen of an app that is stuck."""
    tmux = next(iter(scripts)).tmux
    position = dict.fromkeys(scripts, 0)
    seen: dict[App, float | None] = dict.fromkeys(scripts)
    deadline = time.monotonic() + timeout
    while True:
        waiting = [app for app, steps in scripts.items() if position[app] < len(steps)]
        if not waiting:
            return
        screens = tmux.screens(waiting)
        now = time.monotonic()
        for app in waiting:
            screen = screens.get(app.name, "")
            steps = scripts[app]
            # The steps that this screen allows, one after the other: a step whose pattern was
            # already on the screen that allowed the one before counts from that moment.
            while position[app] < len(steps):
                step = steps[position[app]]
                if seen[app] is None and step.found(screen):
                    seen[app] = now
                started = seen[app]
                if started is None or now < started + step.delay:
                    break
                step.then(app)
                position[app] += 1
                seen[app] = (
                    started if position[app] < len(steps) and steps[position[app]].found(screen) else None
                )
            if position[app] < len(steps) and seen[app] is None and not app.alive():
                step = steps[position[app]]
                raise AssertionError(
                    f"{app.name} ended at step {position[app]} ({step.pattern!r}):\n{screen}"
                )
        if now >= deadline:
            app = waiting[0]
            step = scripts[app][position[app]]
            raise AssertionError(
                f"{app.name}: {step.pattern!r} not on screen after {timeout:g} s:\n{app.screen()}"
            )
        time.sleep(POLL_SECONDS)
