"""Who else has a document open: a small lock file beside it, so a second process is told.

Advisory locks do not hold in sync folders, so this only informs; what keeps notes safe is
that each process writes its own file (see walk logs) and saves refuse to overwrite changes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

STALE_SECONDS = 120
"""A lock from another machine that has not been refreshed for this long is stale."""

_held: set[Presence] = set()
_held_lock = threading.Lock()


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.user or 'someone'} (process {self.pid} on {self.host}, since {self.since})"


def _me() -> Holder:
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    since = dt.datetime.now().strftime("%H:%M")
    return Holder(os.getpid(), socket.gethostname(), user, since)


class Presence:
    def __init__(self, document_path: Path) -> None:
        self.path = document_path.with_name(f".{document_path.name}.lock")
        self._mine = False

    def claim(self) -> Holder | None:
        """Take the lock, or return who holds it while they are still there."""
        for _ in range(2):
            holder = self._read()
            if holder is not None and holder.pid != os.getpid() and self._alive(holder):
                return holder
            with contextlib.suppress(FileNotFoundError):
                if holder is not None:
                    self.path.unlink()
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                continue  # someone claimed it between our read and our create: look again
            except OSError:
                return None  # cannot write a lock (read-only folder): nothing to tell
            with os.fdopen(fd, "w") as handle:
                json.dump(_me().__dict__, handle)
            self._mine = True
            with _held_lock:
                _held.add(self)
            return None
        return self._read()

    def refresh(self) -> None:
        """Show other machines we are still here."""
        if self._mine:
            with contextlib.suppress(OSError):
                os.utime(self.path)

    def release(self) -> None:
        if self._mine:
            holder = self._read()
            if holder is not None and holder.pid == os.getpid():
                with contextlib.suppress(OSError):
                    self.path.unlink()
            self._mine = False
        with _held_lock:
            _held.discard(self)

    def _read(self) -> Holder | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Holder(int(data["pid"]), str(data["host"]), str(data.get("user", "")), str(data["since"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            return Holder(0, "?", "", "?")  # unreadable: treat as stale

    def _alive(self, holder: Holder) -> bool:
        if holder.pid <= 0:
            return False
        if holder.host == socket.gethostname():
            try:
                os.kill(holder.pid, 0)
            except ProcessLookupError:
                return False
            except PermissionError:
                return True
            return True
        try:
            return time.time() - self.path.stat().st_mtime < STALE_SECONDS
        except OSError:
            return False


def release_all() -> None:
    """Release every lock this process holds: for a process that ends on a signal, whose screens
    are never unmounted. Safe from any thread."""
    with _held_lock:
        held = list(_held)
    for presence in held:
        presence.release()
