"""Atomic file replacement: after a crash the file is the old one or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 60


def temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def is_temp_file(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write via a temp file in the same folder: write, flush, fsync, replace, fsync folder.

    Keeps the permissions of the file it replaces (temp files start as 0600). Raises
    OSError when any step fails; then the target is untouched and the temp file removed.
    """
    temp = temp_name(target)
    mode = _mode_for(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(target.parent)


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """A kill during a save can leave a temp file; young ones may belong to a running save."""
    removed: list[Path] = []
    now = time.time()
    for path in folder.glob(f".*{TEMP_SUFFIX}"):
        try:
            if now - path.lstat().st_mtime > older_than:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
