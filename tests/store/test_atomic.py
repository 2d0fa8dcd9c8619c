"""A save interrupted at any step leaves the old file whole and no temp file behind."""

from __future__ import annotations

import os
import stat
import time
import tomllib
from pathlib import Path

import pytest

from workshop.store import atomic
from workshop.store.atomic import atomic_write_bytes, remove_stale_temp_files

OLD = b'schema_version = 1\ntitle = "oud"\n'
NEW = b'schema_version = 1\ntitle = "nieuw"\n' + b"# padding\n" * 1000


def _fail(*_args: object, **_kwargs: object) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("step", ["open", "write", "fchmod", "fsync", "replace"])
def test_interrupted_save_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "gemba-route.toml"
    target.write_bytes(OLD)
    monkeypatch.setattr(atomic.os, step, _fail)
    with pytest.raises(OSError):
        atomic_write_bytes(target, NEW)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert tomllib.loads(target.read_text())["title"] == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["gemba-route.toml"]


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    monkeypatch.setattr(atomic.os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    target = tmp_path / "x.toml"
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW


def test_failed_folder_fsync_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.toml"
    monkeypatch.setattr(atomic, "fsync_folder", lambda folder: _fail())
    with pytest.raises(OSError):
        atomic_write_bytes(target, NEW)


def test_permissions_of_the_old_file_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "x.toml"
    target.write_bytes(OLD)
    target.chmod(0o640)
    atomic_write_bytes(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.toml"
    atomic_write_bytes(fresh, NEW)
    assert stat.S_IMODE(fresh.stat().st_mode) != 0o600, "a new file gets the umask's mode, not the temp's"


def test_stale_temp_files_are_removed_young_ones_kept(tmp_path: Path) -> None:
    stale = tmp_path / ".gemba-route.toml.ab12cd34.tmp"
    young = tmp_path / ".gemba-route.toml.ef56ab78.tmp"
    stale.write_bytes(b"half a fi")
    young.write_bytes(b"being written")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert remove_stale_temp_files(tmp_path) == [stale]
    assert young.exists() and not stale.exists()
