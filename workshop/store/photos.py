"""Gemba photos: a folder of photos attached to a walk's observations by the time taken.

Each photo's time is its EXIF DateTimeOriginal, else the file's modification time; it goes to
the observation logged closest to it within a window. Attaching copies the file into the
workshop folder (`photos/<walk file>/<slug>.<ext>`, named by the app, never as typed) and then
saves the observation's relative path through the store, so the walk never points at a file
that is not there yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..model import GembaWalk, Observation
from ..model.photo_match import PhotoMatch, TakenPhoto, TimeSource, match_photos
from .atomic import atomic_write_bytes
from .exif import read_date_taken
from .problems import Problem, SaveError, StoreError
from .repository import LoadedWorkshop, SessionStore
from .slug import slugify

PHOTOS_FOLDER = "photos"
PHOTO_SUFFIXES = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png", ".gif": ".gif", ".webp": ".webp"}
"""Photo files by suffix (any case), and the suffix their copy gets."""


@dataclass(frozen=True)
class PlannedPhoto:
    match: PhotoMatch
    source: Path
    ref: str | None = None
    """Where the copy goes, relative to the workshop folder; None when unmatched."""
    attached: bool = False
    """The observation holds this photo already (the folder was attached before)."""


@dataclass
class PhotoPlan:
    loaded: LoadedWorkshop
    walk: GembaWalk
    photos: list[PlannedPhoto] = field(default_factory=list)
    not_photos: list[str] = field(default_factory=list)
    """Files in the folder that are not photos, by name."""

    @property
    def matched(self) -> list[PlannedPhoto]:
        return [p for p in self.photos if p.match.observation is not None]

    @property
    def unmatched(self) -> list[PlannedPhoto]:
        return [p for p in self.photos if p.match.observation is None]


def find_walk(
    store: SessionStore, name: str, workshop: str | None = None
) -> tuple[LoadedWorkshop, GembaWalk]:
    """A walk by its id, file name (with or without `gemba-`) or title, or the start of one,
    in one workshop or in all of them; one clear line when there is none or more than one."""
    wanted = slugify(name, "-")
    folders = [store.folder_of(workshop)] if workshop else store.workshop_folders()
    exact: list[tuple[LoadedWorkshop, GembaWalk]] = []
    starts: list[tuple[LoadedWorkshop, GembaWalk]] = []
    for folder in folders:
        loaded = store.load_folder(folder)
        if loaded.bundle is None:
            continue
        for walk in loaded.bundle.walks:
            path = loaded.paths.get(walk.id)
            names = {slugify(walk.id, ""), slugify(walk.title, "")}
            if path is not None:
                names |= {path.stem, path.stem.removeprefix("gemba-")}
            if wanted in names:
                exact.append((loaded, walk))
            elif any(known.startswith(wanted) for known in names):
                starts.append((loaded, walk))
    found = exact or starts
    if not found:
        raise StoreError(Problem(store.root, f'no gemba walk "{name}"; `workshop show` lists the walks'))
    if len(found) > 1:
        places = ", ".join(f"{loaded.slug}/{loaded.paths[walk.id].stem}" for loaded, walk in found)
        raise StoreError(Problem(store.root, f'"{name}" names more than one walk ({places}); add --workshop'))
    return found[0]


def photo_times(folder: Path) -> tuple[list[tuple[TakenPhoto, Path]], list[str]]:
    """The photos of a folder (not its subfolders) with their time taken, in name order, and
    the names of the other files."""
    if not folder.is_dir():
        raise StoreError(Problem(folder, "no such folder of photos"))
    photos: list[tuple[TakenPhoto, Path]] = []
    others: list[str] = []
    try:
        entries = sorted(
            path for path in folder.iterdir() if path.is_file() and not path.name.startswith(".")
        )
    except OSError as error:
        raise StoreError(Problem(folder, f"cannot be read: {error.strerror or error}")) from None
    for path in entries:
        if path.suffix.lower() not in PHOTO_SUFFIXES:
            others.append(path.name)
            continue
        try:
            taken = read_date_taken(path) if PHOTO_SUFFIXES[path.suffix.lower()] == ".jpg" else None
            source: TimeSource = "exif" if taken else "file"
            if taken is None:
                taken = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except OSError as error:
            raise StoreError(Problem(path, f"cannot be read: {error.strerror or error}")) from None
        photos.append((TakenPhoto(path.name, taken, source), path))
    return photos, others


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def plan_photos(loaded: LoadedWorkshop, walk: GembaWalk, folder: Path, window: dt.timedelta) -> PhotoPlan:
    """What attaching the folder would do; changes nothing."""
    walk_path = loaded.paths[walk.id]
    target_folder = loaded.folder / PHOTOS_FOLDER / walk_path.stem
    photos, others = photo_times(folder)
    plan = PhotoPlan(loaded, walk, not_photos=others)
    planned_names: set[str] = set()
    for match in match_photos([photo for photo, _ in photos], walk.observations, window):
        source = next(path for photo, path in photos if photo is match.photo)
        if match.observation is None:
            plan.photos.append(PlannedPhoto(match, source))
            continue
        suffix = PHOTO_SUFFIXES[source.suffix.lower()]
        base = slugify(source.stem, "photo")
        stem, number = base, 2
        # A copy made by an earlier run (same bytes) is reused; another photo of the same
        # name gets the next free number.
        while stem in planned_names or (
            (target_folder / f"{stem}{suffix}").exists()
            and not _same_bytes(source, target_folder / f"{stem}{suffix}")
        ):
            stem, number = f"{base}-{number}", number + 1
        planned_names.add(stem)
        ref = f"{PHOTOS_FOLDER}/{walk_path.stem}/{stem}{suffix}"
        plan.photos.append(PlannedPhoto(match, source, ref, ref in match.observation.photos))
    return plan


def attach_photos(store: SessionStore, plan: PhotoPlan) -> list[Path]:
    """Copy the matched photos in, then save every file whose observations changed; returns
    the files saved. A photo already attached is neither copied nor saved again."""
    loaded, walk = plan.loaded, plan.walk
    walk_path = loaded.paths[walk.id]
    changed: dict[str, Observation] = {}
    for planned in plan.matched:
        observation = planned.match.observation
        if planned.attached or planned.ref is None or observation is None:
            continue
        target = loaded.folder / planned.ref
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                atomic_write_bytes(target, planned.source.read_bytes())
        except OSError as error:
            raise SaveError(Problem(target, f"photo not copied: {error.strerror or error}")) from None
        observation.photos = [*observation.photos, planned.ref]
        changed[observation.id] = observation
    files = {loaded.origins.get(observation_id) or walk_path for observation_id in changed}
    saved: list[Path] = []
    for path in sorted(files):
        if path == walk_path:
            saved.append(store.save(loaded, walk))
        else:
            saved.append(store.save_log(loaded, path))
    return saved


def read_photo(loaded: LoadedWorkshop, ref: str, cap: int) -> tuple[bytes | None, int | None]:
    """A photo's bytes for the report, and its size: (None, size) when it is over `cap` bytes,
    (None, None) when it is missing or lies outside the workshop folder (a link out)."""
    path = loaded.folder / ref
    try:
        if not path.resolve().is_relative_to(loaded.folder.resolve()) or not path.is_file():
            return None, None
        size = path.stat().st_size
        if size > cap:
            return None, size
        with path.open("rb") as handle:
            data = handle.read(cap + 1)
    except OSError:
        return None, None
    return (data, len(data)) if len(data) <= cap else (None, len(data))
