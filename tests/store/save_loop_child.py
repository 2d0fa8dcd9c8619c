"""Run by test_kill9 as a separate process: log observations and save after each, forever,
printing the number of notes safely on disk after every save, until it is killed."""

from __future__ import annotations

import sys
from pathlib import Path

from workshop.model import Observation
from workshop.store import SessionStore


def main(sessions: str, slug: str) -> None:
    store = SessionStore(Path(sessions))
    loaded = store.load(slug)
    walk = loaded.bundle.walks[0]
    number = len(walk.observations)
    while True:
        number += 1
        walk.observations.append(
            Observation(text=f"waarneming {number} 🏥\nmet een tweede regel", severity=3)
        )
        store.save(loaded, walk)
        print(number, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
