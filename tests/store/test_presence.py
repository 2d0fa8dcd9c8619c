from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from workshop.store.presence import Presence


def test_second_process_is_told_who_holds_the_document(tmp_path: Path) -> None:
    document = tmp_path / "gemba-route.toml"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from workshop.store.presence import Presence;"
            f"p = Presence(Path({str(document)!r})); assert p.claim() is None; print('ok', flush=True);"
            "sys.stdin.readline(); p.release()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        other = Presence(document).claim()
        assert other is not None and other.pid == holder.pid
        assert f"process {holder.pid}" in other.describe()
    finally:
        holder.communicate("\n", timeout=30)
    assert not (tmp_path / ".gemba-route.toml.lock").exists(), "release removes the lock"
    mine = Presence(document)
    assert mine.claim() is None
    mine.release()


def test_stale_and_broken_locks_are_taken_over(tmp_path: Path) -> None:
    document = tmp_path / "arena-a.toml"
    lock = tmp_path / ".arena-a.toml.lock"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock.write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname(), "since": "09:00"}))
    presence = Presence(document)
    assert presence.claim() is None
    assert json.loads(lock.read_text())["pid"] == os.getpid()
    presence.release()
    lock.write_text("{not json")
    assert Presence(document).claim() is None


def test_lock_from_another_machine_counts_until_stale(tmp_path: Path) -> None:
    document = tmp_path / "gemba-b.toml"
    lock = tmp_path / ".gemba-b.toml.lock"
    lock.write_text(json.dumps({"pid": 4242, "host": "laptop-els", "user": "els", "since": "09:00"}))
    holder = Presence(document).claim()
    assert holder is not None and holder.describe() == "els (process 4242 on laptop-els, since 09:00)"
    os.utime(lock, (0, 0))
    assert Presence(document).claim() is None
