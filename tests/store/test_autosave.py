"""The autosaver: coalesced background saves, retries after failures, no silent overwrite."""

from __future__ import annotations

import errno
import os
import threading
import time
import tomllib
from pathlib import Path

import pytest

from workshop.model import EmpathyItem, EmpathyMap, Persona, Workshop
from workshop.store import SessionStore
from workshop.store import atomic as atomic_module
from workshop.store.autosave import Autosaver, SaveStatus


@pytest.fixture
def setup(tmp_path: Path):
    store = SessionStore(tmp_path / "sessions")
    loaded = store.create_workshop(Workshop(title="Poli"))
    persona = Persona(name="Anna")
    store.add(loaded, persona)
    emap = EmpathyMap(title="Kaart", persona=persona.id)
    path = store.add(loaded, emap)
    statuses: list[SaveStatus] = []
    saver = Autosaver(store, statuses.append, debounce=0.05, max_delay=0.5, backoff=(0.05,))
    yield store, loaded, emap, path, saver, statuses
    saver.close(timeout=2)


def _texts(path: Path) -> list[str]:
    return [item["text"] for item in tomllib.loads(path.read_text()).get("items", [])]


def _wait(predicate, timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def test_marks_are_coalesced_into_few_saves(setup, monkeypatch: pytest.MonkeyPatch) -> None:
    store, loaded, emap, path, saver, _ = setup
    saves: list[int] = []
    original = store.save

    def counting_save(loaded_, document):
        saves.append(len(document.items))
        return original(loaded_, document)

    monkeypatch.setattr(store, "save", counting_save)
    for n in range(50):
        emap.items.append(EmpathyItem(section="says", text=f"zin {n}"))
        saver.mark(loaded, emap)
    assert saver.flush(timeout=3)
    assert len(_texts(path)) == 50
    assert len(saves) <= 3, saves


def test_mark_does_not_wait_for_a_slow_save(setup, monkeypatch: pytest.MonkeyPatch) -> None:
    store, loaded, emap, path, saver, _ = setup
    release = threading.Event()
    original = store.save

    def slow_save(loaded_, document):
        release.wait(5)
        return original(loaded_, document)

    monkeypatch.setattr(store, "save", slow_save)
    emap.items.append(EmpathyItem(section="says", text="een"))
    saver.mark(loaded, emap)
    assert _wait(lambda: saver._saving)
    started = time.perf_counter()
    emap.items.append(EmpathyItem(section="says", text="twee"))
    saver.mark(loaded, emap)
    assert time.perf_counter() - started < 0.05
    release.set()
    assert saver.flush(timeout=3)
    assert _texts(path) == ["een", "twee"]


def test_failed_save_reports_keeps_and_retries(setup, monkeypatch: pytest.MonkeyPatch) -> None:
    _store, loaded, emap, path, saver, statuses = setup

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(atomic_module.os, "open", fail)
    emap.items.append(EmpathyItem(section="feels", text="Onzeker"))
    saver.mark(loaded, emap)
    assert _wait(lambda: any(s.state == "error" for s in statuses))
    error = next(s for s in statuses if s.state == "error")
    assert error.message.endswith("not saved: Read-only file system")
    assert not saver.flush(timeout=0.5)
    assert saver.unsaved() == 1
    assert _texts(path) == []
    monkeypatch.undo()
    assert _wait(lambda: _texts(path) == ["Onzeker"])
    assert _wait(lambda: statuses[-1].state == "saved")
    assert saver.unsaved() == 0


def test_file_made_unreadable_by_someone_else_is_held_until_resolved(setup) -> None:
    """A valid change by another writer is merged (tests/store/test_merge_on_save.py); one
    that does not parse cannot be, so it is held back, never overwritten silently."""
    _store, loaded, emap, path, saver, statuses = setup
    path.write_text(path.read_text() + "\nitems = [[[ edited elsewhere\n")
    emap.items.append(EmpathyItem(section="does", text="Belt"))
    saver.mark(loaded, emap)
    assert _wait(lambda: any(s.state == "conflict" for s in statuses))
    conflict = next(s for s in statuses if s.state == "conflict")
    assert "changed by another program into something that cannot be merged" in conflict.message
    assert conflict.document_id == emap.id
    assert "edited elsewhere" in path.read_text(), "not overwritten"
    assert not saver.flush(timeout=0.3)
    saver.resolve(emap, overwrite=True)
    assert saver.flush(timeout=3)
    assert _texts(path) == ["Belt"]


def test_discard_forgets_a_deleted_document(setup) -> None:
    store, loaded, emap, path, saver, _ = setup
    saver.debounce = 5.0
    saver.max_delay = 5.0
    emap.items.append(EmpathyItem(section="does", text="Belt"))
    saver.mark(loaded, emap)
    with saver.lock:
        saver.discard(emap)
        store.delete(loaded, emap)
    assert saver.flush(timeout=1)
    assert not path.exists(), "a pending save did not bring the file back"


def test_flush_saves_at_once_without_waiting_for_the_debounce(setup) -> None:
    _store, loaded, emap, path, saver, _ = setup
    saver.debounce = 30.0
    saver.max_delay = 30.0
    emap.items.append(EmpathyItem(section="says", text="Nu"))
    saver.mark(loaded, emap)
    started = time.monotonic()
    assert saver.flush(timeout=3)
    assert time.monotonic() - started < 1.0
    assert _texts(path) == ["Nu"]
