"""Listing the workshops of a sessions folder without reading their notes.

Each workshop folder keeps a small `.summary.toml` beside its files: the title, the counts the
home screen and `workshop list` show, and the size and modification time of every file it was
made from. A summary is believed only while every file still has that size and time (and the
same files are there); otherwise it is made again from the files, which stay the truth. A
missing, stale or unreadable summary is rebuilt, a summary that cannot be written is simply
not kept, and a rebuild that fails still lists the folder.

This module imports neither pydantic nor the model: a listing whose summaries are fresh costs
a `stat` per file and one small TOML read per workshop. Only a rebuild loads the workshop.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

WORKSHOP_FILE = "workshop.toml"
SESSIONS_ENV = "WORKSHOP_SESSIONS"
OUTSIDE_SESSIONS = (
    "links to outside the sessions folder; not read (copy the workshop in, or point --sessions at its folder)"
)
SUMMARY_FILE = ".summary.toml"
SUMMARY_FORMAT = 1
RACY_NS = 2_000_000_000
"""A file changed within this long before its summary was made might change again within one
tick of the file system's clock, keeping its size and time; such a summary is not believed
(git's "racily clean" problem). Two seconds covers coarse clocks (FAT, network shares)."""
MAX_SUMMARY_BYTES = 64 * 1024


class WorkshopSummary(NamedTuple):
    """What a listing shows of one workshop. (A named tuple: `dataclasses` would add its
    import, with `inspect`, to every start of `workshop list`.)"""

    slug: str
    folder: Path
    title: str
    personas: int
    sessions: int
    notes: int
    problems: int
    dates: tuple[dt.date, ...] = ()


Fingerprints = dict[str, tuple[int, int]]
Summarise = Callable[[Path], WorkshopSummary]


def candidate_folders(root: Path) -> list[Path]:
    """Folders in the sessions folder that hold a workshop.toml (hidden ones excluded)."""
    if not root.is_dir():
        return []
    return sorted(
        entry
        for entry in root.iterdir()
        if entry.is_dir() and not entry.name.startswith(".") and (entry / WORKSHOP_FILE).exists()
    )


def links_outside(root: Path, folder: Path) -> bool:
    return not folder.resolve().is_relative_to(root.resolve())


def workshop_folders(root: Path) -> list[Path]:
    """The workshop folders inside the sessions folder; a link to elsewhere is not followed."""
    return [folder for folder in candidate_folders(root) if not links_outside(root, folder)]


def list_workshops(root: Path, summarise: Summarise) -> list[WorkshopSummary]:
    """A summary of every workshop folder, from its summary file while that is fresh.

    `summarise` makes a summary from the files (`SessionStore.summarise`, which loads the
    workshop); it runs only for folders whose summary is missing or stale. It is passed in,
    not imported: this module stays free of the model, and of an import cycle with the store."""
    return [summary_of(folder, summarise) for folder in workshop_folders(Path(root))]


def fresh_summaries(root: Path) -> list[WorkshopSummary] | None:
    """Every workshop's kept summary when all of them are fresh, else None (nothing is rebuilt,
    nothing loaded): cheap enough to show a list in the app's first frame."""
    summaries = []
    for folder in workshop_folders(Path(root)):
        try:
            kept = read_summary(folder, fingerprints(folder))
        except OSError:
            return None
        if kept is None:
            return None
        summaries.append(kept)
    return summaries


def summary_of(folder: Path, summarise: Summarise) -> WorkshopSummary:
    """The folder's summary: the kept one while every file matches it, else a new one."""
    started = time.time_ns()
    try:
        files = fingerprints(folder)
    except OSError:
        return _unreadable(folder)
    kept = read_summary(folder, files)
    if kept is not None:
        return kept
    # The fingerprints were taken before the files are read: a change made while they are
    # read gives a new fingerprint, so the summary below is never believed for it.
    try:
        summary = summarise(folder)
    except Exception:  # a listing never fails on one folder; opening it shows what is wrong
        return _unreadable(folder)
    write_summary(folder, summary, files, started)
    return summary


def _unreadable(folder: Path) -> WorkshopSummary:
    return WorkshopSummary(folder.name, folder, folder.name, 0, 0, 0, problems=1)


def fingerprints(folder: Path) -> Fingerprints:
    """Size and modification time (ns) of every workshop file in the folder, by name."""
    found: Fingerprints = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.endswith(".toml"):
                continue
            try:
                stat = entry.stat()  # follows a link: its target's size and time count
            except FileNotFoundError:
                continue
            found[entry.name] = (stat.st_size, stat.st_mtime_ns)
    return found


def read_summary(folder: Path, files: Fingerprints) -> WorkshopSummary | None:
    """The kept summary, or None when it is missing, unreadable, or not made from these files."""
    try:
        with open(folder / SUMMARY_FILE, "rb") as handle:
            raw = handle.read(MAX_SUMMARY_BYTES + 1)
        if len(raw) > MAX_SUMMARY_BYTES:
            return None
        data = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    try:
        return _believed(folder, data, files)
    except (KeyError, TypeError, ValueError):
        return None


def _believed(folder: Path, data: dict[str, Any], files: Fingerprints) -> WorkshopSummary | None:
    if data["format"] != SUMMARY_FORMAT:
        return None
    made = _int(data["made_ns"])
    kept = data["files"]
    if not isinstance(kept, dict) or set(kept) != set(files):
        return None
    for name, (size, mtime_ns) in files.items():
        entry = kept[name]
        if not isinstance(entry, list) or [_int(value) for value in entry] != [size, mtime_ns]:
            return None
        if mtime_ns > made - RACY_NS:
            return None
    title = data["title"]
    dates = data["dates"]
    if not isinstance(title, str) or not isinstance(dates, list):
        raise TypeError("title or dates")
    if not all(type(day) is dt.date for day in dates):
        raise TypeError("dates")
    return WorkshopSummary(
        slug=folder.name,
        folder=folder,
        title=title,
        personas=_int(data["personas"]),
        sessions=_int(data["sessions"]),
        notes=_int(data["notes"]),
        problems=_int(data["problems"]),
        dates=tuple(dates),
    )


def _int(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise TypeError(f"{value!r} is not a count")
    return value


def write_summary(folder: Path, summary: WorkshopSummary, files: Fingerprints, made_ns: int) -> bool:
    """Keep the summary beside the files; False (and nothing kept) when the folder says no.

    A cache, not data: written to a temporary file and moved into place (never torn), without
    the fsyncs a session file gets; lost or broken, it is simply made again."""
    import tomli_w

    data = {
        "format": SUMMARY_FORMAT,
        "made_ns": made_ns,
        "title": summary.title,
        "personas": summary.personas,
        "sessions": summary.sessions,
        "notes": summary.notes,
        "problems": summary.problems,
        "dates": list(summary.dates),
        "files": {name: list(fingerprint) for name, fingerprint in sorted(files.items())},
    }
    header = "# Made by workshop to list workshops fast, from the files below; safe to delete.\n"
    text = header + tomli_w.dumps(data)
    target = folder / SUMMARY_FILE
    temp = folder / f"{SUMMARY_FILE}.{os.urandom(4).hex()}.tmp"
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        return False
    return True
