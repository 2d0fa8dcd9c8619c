"""kill -9 at random moments of a process that saves in a loop: no file breaks, no note is lost.

WORKSHOP_KILLS sets how many kills (default 200); the figures are printed after the test results."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

from workshop.model import GembaWalk, Workshop
from workshop.store import SessionStore

CHILD = Path(__file__).with_name("save_loop_child.py")
NOTES_PER_WALK = 400
"""Start a fresh walk now and then, so the test measures kills, not ever larger saves."""


def _read_acks(process: subprocess.Popen[str], acked: list[int]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        acked.append(int(line))


def test_kill_minus_nine_never_breaks_a_file_nor_loses_an_acknowledged_note(
    tmp_path: Path, figures: list[str]
) -> None:
    kills = int(os.environ.get("WORKSHOP_KILLS", "200"))
    rng = random.Random(20261124)
    sessions = tmp_path / "sessions"
    store = SessionStore(sessions)
    loaded = store.create_workshop(Workshop(title="Kill"))
    walk_path = store.add(loaded, GembaWalk(title="Route"))
    survived = lost = extra = 0
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for attempt in range(kills):
        process = subprocess.Popen(
            [sys.executable, str(CHILD), str(sessions), loaded.slug],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        acked: list[int] = []
        reader = threading.Thread(target=_read_acks, args=(process, acked), daemon=True)
        reader.start()
        deadline = time.monotonic() + 30
        while not acked and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.005)
        assert acked, f"attempt {attempt}: the saving process never saved"
        time.sleep(rng.uniform(0, 0.15))
        process.send_signal(signal.SIGKILL)
        process.wait()
        reader.join(timeout=5)
        text = walk_path.read_text(encoding="utf-8")
        tomllib.loads(text)  # raises if the kill left a broken file
        on_disk = len(SessionStore(sessions).load(loaded.slug).bundle.walks[0].observations)
        last_ack = acked[-1]
        if on_disk < last_ack:
            lost += last_ack - on_disk
        elif on_disk > last_ack + 1:
            extra += on_disk - last_ack
        else:
            survived += 1
        if on_disk > NOTES_PER_WALK:
            fresh = SessionStore(sessions)
            reloaded = fresh.load(loaded.slug)
            reloaded.bundle.walks[0].observations.clear()
            fresh.save(reloaded, reloaded.bundle.walks[0])
    figures.append(
        f"kill -9: {survived}/{kills} survived, notes lost: {lost}, notes beyond the one in flight: {extra}"
    )
    assert (survived, lost, extra) == (kills, 0, 0)
