"""A save on the saver's thread while the screen logs a new observation on its own thread.

The interleaving is injected, not hoped for: the save thread stops inside `own_items`, right
after claiming the items it has seen, and the screen's thread appends an observation there."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path

from workshop.model import GembaWalk, Observation, RouteStep, Workshop
from workshop.store import LoadedWorkshop, SessionStore

WAIT = 30.0
"""Only a safety net against a hang; the events, not the clock, order the threads."""


class _PausingOrigins(dict[str, Path]):
    """`origins` that parks the saving thread once it has claimed the walk's last item."""

    def __init__(self, data: dict[str, Path], last_id: str) -> None:
        super().__init__(data)
        self.last_id = last_id
        self.paused = threading.Event()
        self.resume = threading.Event()

    def setdefault(self, key: str, default: Path) -> Path:  # type: ignore[override]  # same behaviour, plus the pause
        value = super().setdefault(key, default)
        if key == self.last_id and not self.paused.is_set():
            self.paused.set()
            assert self.resume.wait(WAIT), "the test never resumed the save"
        return value


def _walk_of(tmp_path: Path) -> tuple[SessionStore, LoadedWorkshop, GembaWalk]:
    store = SessionStore(tmp_path)
    loaded = store.create_workshop(Workshop(title="Poli"))
    walk = GembaWalk(
        id="walk-1",
        title="Route",
        route=[RouteStep(id="step-meld", name="Aanmelden")],
        observations=[Observation(id=f"obs-{n}", text=f"Rij {n}", step="step-meld") for n in range(3)],
    )
    store.add(loaded, walk)
    return store, loaded, walk


def test_an_observation_logged_during_a_save_does_not_break_it(tmp_path: Path) -> None:
    store, loaded, walk = _walk_of(tmp_path)
    origins = _PausingOrigins(loaded.origins, last_id="obs-2")
    loaded.origins = origins
    errors: list[BaseException] = []

    def save() -> None:
        try:
            store.save(loaded, walk)
        except BaseException as error:  # handed to the test's thread to fail there
            errors.append(error)

    saver = threading.Thread(target=save)
    saver.start()
    assert origins.paused.wait(WAIT), "the save never reached own_items"
    walk.observations.append(Observation(id="obs-new", text="Logged during the save", step="step-meld"))
    origins.resume.set()
    saver.join(WAIT)
    assert not saver.is_alive()
    assert errors == [], f"the save failed: {errors!r}"

    path = loaded.paths[walk.id]
    saved = [o["id"] for o in tomllib.loads(path.read_text(encoding="utf-8"))["observations"]]
    assert saved == ["obs-0", "obs-1", "obs-2"], "the save writes the items it started with"
    store.save(loaded, walk)  # the mark that followed the append: the next save has it
    saved = [o["id"] for o in tomllib.loads(path.read_text(encoding="utf-8"))["observations"]]
    assert saved == ["obs-0", "obs-1", "obs-2", "obs-new"]
    assert loaded.is_own(walk, walk.observations[-1])


def test_a_note_takers_new_item_during_a_save_stays_out_of_the_log_until_claimed(tmp_path: Path) -> None:
    """The same interleaving when this process writes to its own log of a shared walk."""
    store, loaded, walk = _walk_of(tmp_path)
    log_path = store.log_as(loaded, walk, "Els")
    walk.observations.append(Observation(id="obs-e1", text="Van Els", step="step-meld"))
    store.save(loaded, walk)
    origins = _PausingOrigins(loaded.origins, last_id="obs-e1")
    loaded.origins = origins
    errors: list[BaseException] = []

    def save() -> None:
        try:
            store.save(loaded, walk)
        except BaseException as error:
            errors.append(error)

    saver = threading.Thread(target=save)
    saver.start()
    assert origins.paused.wait(WAIT)
    walk.observations.append(Observation(id="obs-e2", text="Ook van Els", step="step-meld"))
    origins.resume.set()
    saver.join(WAIT)
    assert errors == [], f"the save failed: {errors!r}"
    assert [o["id"] for o in tomllib.loads(log_path.read_text(encoding="utf-8"))["observations"]] == [
        "obs-e1"
    ]
    store.save(loaded, walk)
    assert [o["id"] for o in tomllib.loads(log_path.read_text(encoding="utf-8"))["observations"]] == [
        "obs-e1",
        "obs-e2",
    ]
