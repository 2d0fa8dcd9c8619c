"""Saves that cannot happen: one clear line, nothing in memory lost, saved once the cause is gone."""

from __future__ import annotations

import errno
import shutil
import tomllib
from pathlib import Path

import pytest

from workshop.model import GembaWalk, Observation, Workshop
from workshop.store import SaveError, SessionStore
from workshop.store import atomic as atomic_module


@pytest.fixture
def walk_setup(tmp_path: Path):
    store = SessionStore(tmp_path / "sessions")
    loaded = store.create_workshop(Workshop(title="Poli"))
    walk = GembaWalk(title="Route")
    path = store.add(loaded, walk)
    walk.observations.append(Observation(text="Eerste waarneming"))
    return store, loaded, walk, path


def _saved_texts(path: Path) -> list[str]:
    return [o["text"] for o in tomllib.loads(path.read_text()).get("observations", [])]


def _oserror(code: int):
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, __import__("os").strerror(code))

    return fail


@pytest.mark.parametrize(
    ("step", "code", "message"),
    [
        ("open", errno.EACCES, "not saved: Permission denied"),
        ("open", errno.EROFS, "not saved: Read-only file system"),
        ("write", errno.ENOSPC, "not saved: No space left on device"),
        ("fsync", errno.ENOSPC, "not saved: No space left on device"),
        ("fsync", errno.EIO, "not saved: Input/output error"),
    ],
)
def test_failed_save_is_one_line_and_retry_succeeds(
    walk_setup, monkeypatch: pytest.MonkeyPatch, step: str, code: int, message: str
) -> None:
    store, loaded, walk, path = walk_setup
    monkeypatch.setattr(atomic_module.os, step, _oserror(code))
    with pytest.raises(SaveError) as error:
        store.save(loaded, walk)
    assert str(error.value).endswith(f"gemba-route.toml: {message}")
    assert "\n" not in str(error.value)
    monkeypatch.undo()
    assert [o.text for o in walk.observations] == ["Eerste waarneming"], "the note is still in memory"
    assert _saved_texts(path) == [], "the file on disk is the last good one"
    store.save(loaded, walk)
    assert _saved_texts(path) == ["Eerste waarneming"]


def test_missing_folder(walk_setup) -> None:
    store, loaded, walk, path = walk_setup
    shutil.rmtree(path.parent)
    with pytest.raises(SaveError) as error:
        store.save(loaded, walk)
    assert str(error.value).endswith(f"gemba-route.toml: not saved: its folder {path.parent} is missing")
    path.parent.mkdir(parents=True)
    store.forget(path)
    store.save(loaded, walk)
    assert _saved_texts(path) == ["Eerste waarneming"]


def test_file_replaced_by_a_directory(walk_setup) -> None:
    store, loaded, walk, path = walk_setup
    path.unlink()
    path.mkdir()
    store.forget(path)
    with pytest.raises(SaveError) as error:
        store.save(loaded, walk)
    assert str(error.value).endswith("gemba-route.toml: not saved: Is a directory")
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == [], "no temp file left"
    path.rmdir()
    store.forget(path)
    store.save(loaded, walk)
    assert _saved_texts(path) == ["Eerste waarneming"]


def test_file_deleted_by_someone_else_is_not_silently_recreated(walk_setup) -> None:
    store, loaded, walk, path = walk_setup
    path.unlink()
    with pytest.raises(SaveError) as error:
        store.save(loaded, walk)
    assert str(error.value).endswith(
        "gemba-route.toml: deleted by another program since it was opened; not overwritten"
    )
