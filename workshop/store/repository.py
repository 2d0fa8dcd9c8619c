"""The sessions folder on disk: list, load and save workshops, one TOML file per document."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import (
    Action,
    Ballot,
    CustomerArena,
    Document,
    EmpathyMap,
    GembaLog,
    GembaWalk,
    Item,
    Observation,
    Persona,
    Synthesis,
    Workshop,
    WorkshopBundle,
)
from ..model.merge import merge_documents
from .atomic import atomic_write_bytes, remove_stale_temp_files
from .codec import ChunkCache, decode_document, read_document, to_toml

# Named in this module before listing.py existed; re-exported for those who import them here.
from .listing import OUTSIDE_SESSIONS as OUTSIDE_SESSIONS
from .listing import WORKSHOP_FILE as WORKSHOP_FILE
from .listing import WorkshopSummary, candidate_folders, links_outside, list_workshops
from .problems import ConflictError, Problem, SaveError, StoreError, locate_line
from .slug import slugify, unique_slug

TRASH = ".trash"
NOT_A_WORKSHOP_FILE = (
    "not a workshop file; expected workshop.toml, synthesis.toml, persona-*, empathy-*, arena-*, "
    "gemba-* or votes-*.toml"
)
SYNTHESIS_FILE = "synthesis.toml"
"""The workshop's themes and opportunities; one per workshop, made when first needed."""

KINDS: dict[str, type[Document]] = {
    "persona": Persona,
    "empathy": EmpathyMap,
    "arena": CustomerArena,
    "gemba": GembaWalk,
    "votes": Ballot,
}
"""File name prefix → the document it holds: `persona-anna.toml`, `gemba-poli-route.toml`."""


LOG_SEPARATOR = "--"
"""`gemba-route--els.toml` is Els's log of the walk in `gemba-route.toml`; slugs never hold `--`."""


def kind_of(path: Path) -> type[Document] | type[GembaLog] | None:
    if path.name == WORKSHOP_FILE:
        return Workshop
    if path.name == SYNTHESIS_FILE:
        return Synthesis
    prefix, dash, rest = path.stem.partition("-")
    if prefix == "gemba" and LOG_SEPARATOR in rest:
        return GembaLog
    return KINDS.get(prefix) if dash else None


def prefix_of(document: Document) -> str:
    return next(prefix for prefix, kind in KINDS.items() if isinstance(document, kind))


def _title_of(document: Document) -> str:
    if isinstance(document, Persona):
        return document.name
    if isinstance(document, Ballot):
        return document.voter
    if isinstance(document, Workshop | EmpathyMap | CustomerArena | GembaWalk):
        return document.title
    raise TypeError(f"a {type(document).__name__} has no title to name its file by")


_KIND_WORDS = {
    "empathy": ("empathy-map", "empathiekaart", "empathy"),
    "arena": ("customer-arena", "klantarena", "arena"),
    "gemba": ("gemba-walk", "gemba"),
    "persona": ("persona",),
}
"""Titles often start with the kind ("Empathiekaart Anna"): the file name says it once."""


def _title_slug(document: Document, prefix: str) -> str:
    slug = slugify(_title_of(document), prefix)
    for word in _KIND_WORDS.get(prefix, ()):
        if slug.startswith(f"{word}-"):
            return slug[len(word) + 1 :]
    return slug


Fingerprint = tuple[int, int, int]


def fingerprint(path: Path) -> Fingerprint | None:
    """Inode, mtime and size: an atomic save by anyone gives a new inode."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


@dataclass(frozen=True)
class MergedSave:
    """A save that found the file changed by another writer and merged the two copies."""

    path: Path
    ours: Document
    """What this process saved, as a snapshot: the ancestor when the merge is taken in."""
    merged: Document
    """What the file holds now: ours and theirs merged by item id."""


@dataclass
class LoadedWorkshop:
    """A workshop as loaded: its documents, which file each came from, and what was wrong."""

    slug: str
    folder: Path
    bundle: WorkshopBundle | None
    paths: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    logs: dict[Path, GembaLog] = field(default_factory=dict)
    """Note-takers' logs of shared walks, by file; their items are merged into the walk."""
    origins: dict[str, Path] = field(default_factory=dict)
    """Item id → the log file it came from, for items merged into a walk from a log."""
    writing_to: dict[str, Path] = field(default_factory=dict)
    """Walk id → the log this process writes its new items to, when it is not the walk's owner."""

    def path_of(self, document: Document) -> Path | None:
        return self.paths.get(document.id)

    def file_for(self, walk: GembaWalk) -> Path | None:
        """The file this process writes the walk's items to: its own log, or the walk's file."""
        return self.writing_to.get(walk.id) or self.paths.get(walk.id)

    def is_own(self, walk: GembaWalk, item: Item) -> bool:
        """Whether this process may change the item: it lives in the file this process writes.
        Another note-taker's items are shown, never rewritten."""
        origin = self.origins.get(item.id)
        return origin is None or origin == self.file_for(walk)

    def own_items(self, walk: GembaWalk) -> tuple[list[Observation], list[Action]]:
        """The walk's items that live in this process's file; new items are claimed for it.

        Runs on the saver's thread while the screen may append to the walk: the lists are
        copied once (one step under the GIL) and only the copies are read, so an item added
        meanwhile is neither half-claimed nor looked up; the next save, which its mark
        starts, claims and writes it."""
        path = self.file_for(walk)
        assert path is not None
        observations, actions = list(walk.observations), list(walk.actions)
        claim = self.origins.setdefault
        own_observations = [o for o in observations if claim(o.id, path) == path]
        own_actions = [a for a in actions if claim(a.id, path) == path]
        return own_observations, own_actions


class SessionStore:
    """All disk access of the app goes through here; screens and the report never open files."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._seen: dict[Path, Fingerprint | None] = {}
        self._chunks: dict[Path, ChunkCache] = {}
        self._base: dict[Path, bytes] = {}
        """The text of each file as this store last read or wrote it: the common ancestor
        when another writer's change is merged in (kept as bytes, parsed only for a merge)."""

    # -- reading -------------------------------------------------------------------------

    def workshop_folders(self) -> list[Path]:
        """The workshop folders inside the sessions folder; a link to elsewhere is not followed."""
        return [folder for folder in self._candidate_folders() if not self._links_outside(folder)]

    def outside_links(self) -> list[Problem]:
        """Workshop folders that are links out of the sessions folder: named, never read."""
        return [
            Problem(folder, OUTSIDE_SESSIONS)
            for folder in self._candidate_folders()
            if self._links_outside(folder)
        ]

    def _candidate_folders(self) -> list[Path]:
        return candidate_folders(self.root)

    def _links_outside(self, folder: Path) -> bool:
        return links_outside(self.root, folder)

    def list_workshops(self) -> list[WorkshopSummary]:
        """Title and counts of every workshop, from the summaries kept beside the files while
        those are fresh; a workshop whose files changed is loaded to make its summary again."""
        return list_workshops(self.root, self.summarise)

    def summarise(self, folder: Path) -> WorkshopSummary:
        """A workshop's summary made from its files (this loads every note)."""
        loaded = self.load_folder(folder)
        bundle = loaded.bundle
        return WorkshopSummary(
            slug=loaded.slug,
            folder=folder,
            title=bundle.workshop.title if bundle else folder.name,
            personas=len(bundle.personas) if bundle else 0,
            sessions=sum(1 for _ in bundle.sessions()) if bundle else 0,
            notes=bundle.note_count() if bundle else 0,
            problems=len(loaded.problems),
            dates=tuple(bundle.workshop.dates) if bundle else (),
        )

    def folder_of(self, name: str) -> Path:
        """The folder of a workshop by its folder name or its title; never a path as typed."""
        folder = self.root / slugify(name, "-")
        if not (folder / WORKSHOP_FILE).is_file():
            raise StoreError(
                Problem(self.root, f'no workshop "{name}" here; `workshop list` shows the workshops')
            )
        if self._links_outside(folder):
            raise StoreError(Problem(folder, OUTSIDE_SESSIONS))
        return folder

    def load(self, slug: str) -> LoadedWorkshop:
        return self.load_folder(self.folder_of(slug))

    def load_folder(self, folder: Path) -> LoadedWorkshop:
        """Load every file of a workshop; a bad file is reported and the others still load."""
        loaded = LoadedWorkshop(slug=folder.name, folder=folder, bundle=None)
        if not (folder / WORKSHOP_FILE).is_file():
            loaded.problems.append(
                Problem(folder / WORKSHOP_FILE, "missing: every workshop folder has a workshop.toml")
            )
            return loaded
        remove_stale_temp_files(folder)
        texts: dict[Path, str] = {}
        documents: list[tuple[Document, Path]] = []
        for path in sorted(folder.glob("*.toml")):
            if path.name.startswith("."):
                continue
            kind = kind_of(path)
            if kind is None:
                loaded.problems.append(Problem(path, NOT_A_WORKSHOP_FILE))
                continue
            if path.is_symlink() and not _inside(path, folder):
                loaded.problems.append(Problem(path, "links to outside the workshop folder; not read"))
                continue
            self._seen[path] = fingerprint(path)
            result = read_document(path, kind)
            loaded.problems.extend(result.problems)
            if result.document is None:
                continue
            document = result.document
            if isinstance(document, GembaLog):
                loaded.logs[path] = document
                texts[path] = result.text or ""
                continue
            if document.id in loaded.paths:
                other = loaded.paths[document.id]
                loaded.problems.append(
                    Problem(
                        path, f'id "{document.id}" is the id of {other.name} too; not read', 1, None, "id"
                    )
                )
                continue
            texts[path] = result.text or ""
            self._base[path] = texts[path].encode("utf-8")
            loaded.paths[document.id] = path
            documents.append((document, path))

        workshops = [doc for doc, _ in documents if isinstance(doc, Workshop)]
        if not workshops:
            return loaded
        bundle = WorkshopBundle(workshop=workshops[0])
        for document, _ in documents:
            if isinstance(document, Persona):
                bundle.personas.append(document)
            elif isinstance(document, EmpathyMap):
                bundle.empathy_maps.append(document)
            elif isinstance(document, CustomerArena):
                bundle.arenas.append(document)
            elif isinstance(document, GembaWalk):
                bundle.walks.append(document)
            elif isinstance(document, Synthesis):
                bundle.synthesis = document
            elif isinstance(document, Ballot):
                bundle.ballots.append(document)
        loaded.bundle = bundle
        for walk in bundle.walks:
            for item in (*walk.observations, *walk.actions):
                loaded.origins[item.id] = loaded.paths[walk.id]
        for path, log in loaded.logs.items():
            self._merge_log(loaded, path, log, texts.get(path, ""))
        # A file that did not load may hold the items actions point at: do not blame the actions.
        for ref in bundle.check_references(sources_complete=not loaded.problems):
            path = loaded.paths[ref.document.id]
            line = locate_line(texts.get(path, ""), ref.field.split("."))
            loaded.problems.append(Problem(path, ref.message, line, None, ref.field))
        return loaded

    def _merge_log(self, loaded: LoadedWorkshop, path: Path, log: GembaLog, text: str) -> int:
        """Add a log's items to its walk; an item that does not fit is reported, not merged."""
        assert loaded.bundle is not None
        walk = next((w for w in loaded.bundle.walks if w.id == log.walk), None)
        if walk is None:
            line = locate_line(text, ["walk"])
            loaded.problems.append(
                Problem(path, f'walk "{log.walk}" is not in this workshop', line, None, "walk")
            )
            return 0
        steps = {step.id for step in walk.route}
        observers = {observer.id for observer in walk.observers}
        known = {o.id: o for o in walk.observations} | {a.id: a for a in walk.actions}
        added = 0
        lists: tuple[tuple[str, Sequence[Observation | Action]], ...] = (
            ("observations", log.observations),
            ("actions", log.actions),
        )
        for field_name, items in lists:
            target: list[Observation | Action] = getattr(walk, field_name)
            for index, item in enumerate(items):
                place = f"{field_name}.{index}"
                problem = None
                if isinstance(item, Observation) and item.step is not None and item.step not in steps:
                    problem = (f"{place}.step", f'step "{item.step}" is not a step of the route')
                elif (
                    isinstance(item, Observation)
                    and item.observer is not None
                    and item.observer not in observers
                ):
                    problem = (f"{place}.observer", f'"{item.observer}" is not an observer of this walk')
                elif item.id in known and loaded.origins.get(item.id) != path:
                    problem = (f"{place}.id", f'id "{item.id}" is already in the walk')
                if problem:
                    line = locate_line(text, problem[0].split("."))
                    loaded.problems.append(Problem(path, problem[1], line, None, problem[0]))
                    continue
                if item.id in known:  # a newer version of an item from this same log
                    target[target.index(known[item.id])] = item
                else:
                    target.append(item)
                    added += 1
                known[item.id] = item
                loaded.origins[item.id] = path
        return added

    def refresh_logs(self, loaded: LoadedWorkshop, walk: GembaWalk) -> int:
        """Read other note-takers' logs of this walk again; returns how many items are new."""
        walk_path = loaded.paths[walk.id]
        mine = loaded.writing_to.get(walk.id)
        added = 0
        for path in sorted(loaded.folder.glob(f"{walk_path.stem}{LOG_SEPARATOR}*.toml")):
            if path == mine or not self.changed_on_disk(path):
                continue
            self._seen[path] = fingerprint(path)
            result = read_document(path, GembaLog)
            if not isinstance(result.document, GembaLog):
                loaded.problems.extend(result.problems)
                continue
            loaded.logs[path] = result.document
            added += self._merge_log(loaded, path, result.document, result.text or "")
        return added

    # -- writing -------------------------------------------------------------------------

    def log_as(self, loaded: LoadedWorkshop, walk: GembaWalk, author: str) -> Path:
        """From now on, write this process's new items of the walk to the author's own log."""
        walk_path = loaded.paths[walk.id]
        path = loaded.folder / f"{walk_path.stem}{LOG_SEPARATOR}{slugify(author, 'note-taker')}.toml"
        if path not in loaded.logs:
            loaded.logs[path] = GembaLog(walk=walk.id, author=author)
        if path.exists() and path not in self._seen:
            raise ConflictError(
                Problem(path, "a log of this name exists but was not loaded; reload the workshop")
            )
        loaded.writing_to[walk.id] = path
        return path

    def create_workshop(self, workshop: Workshop) -> LoadedWorkshop:
        taken = {entry.name for entry in self.root.iterdir()} if self.root.is_dir() else set()
        slug = unique_slug(slugify(workshop.title, "workshop"), taken)
        folder = self.root / slug
        try:
            folder.mkdir(parents=True)
        except OSError as error:
            raise SaveError(
                Problem(folder, f"cannot create the workshop folder: {error.strerror or error}")
            ) from error
        loaded = LoadedWorkshop(slug=slug, folder=folder, bundle=WorkshopBundle(workshop=workshop))
        loaded.paths[workshop.id] = folder / WORKSHOP_FILE
        self.save(loaded, workshop)
        return loaded

    def add(self, loaded: LoadedWorkshop, document: Document) -> Path:
        """Give a new persona or session its own file, named by the app, and save it."""
        self.place(loaded, document)
        self.save(loaded, document)
        return loaded.paths[document.id]

    def place(self, loaded: LoadedWorkshop, document: Document) -> Path:
        """Name the file of a new persona or session, without writing it (the caller saves)."""
        if isinstance(document, Workshop):
            raise ValueError("a workshop is created with create_workshop")
        if isinstance(document, Synthesis):
            loaded.paths[document.id] = loaded.folder / SYNTHESIS_FILE
            return loaded.paths[document.id]
        taken = {path.stem for path in loaded.folder.glob("*.toml")} | {p.stem for p in loaded.paths.values()}
        prefix = prefix_of(document)
        stem = unique_slug(f"{prefix}-{_title_slug(document, prefix)}", taken)
        loaded.paths[document.id] = loaded.folder / f"{stem}.toml"
        return loaded.paths[document.id]

    def save(self, loaded: LoadedWorkshop, document: Document) -> Path:
        """Serialise, check, and replace the file atomically; refuse to overwrite a change made
        by someone else since we last read or wrote it."""
        path = loaded.paths.get(document.id)
        if path is None:
            raise ValueError(f"document {document.id} has no file yet; use add()")
        if isinstance(document, GembaWalk):
            observations, actions = loaded.own_items(document)
            log_path = loaded.writing_to.get(document.id)
            if log_path is not None:
                log = loaded.logs[log_path]
                log.observations, log.actions = observations, actions
                self._write(log_path, log)
                return log_path
            # The copies, not the live lists the screen may be appending to meanwhile.
            document = document.model_copy(update={"observations": observations, "actions": actions})
        self._write(path, document)
        return path

    def save_merging(self, loaded: LoadedWorkshop, document: Document) -> MergedSave | None:
        """Save like `save`; but when another writer changed the file since this store last
        read or wrote it, merge theirs into ours by item id (three-way, the version last read
        or written is the ancestor) and write that instead of refusing. Returns what was
        merged, or None for a plain save. A file that is gone or no longer parses is not
        merged (a merge needs a valid other side): ConflictError, as `save`. A walk written to
        a note-taker's own log is saved as `save` does."""
        path = loaded.paths.get(document.id)
        if path is None or not path.exists() or not self.changed_on_disk(path):
            self.save(loaded, document)
            return None
        if isinstance(document, GembaWalk) and loaded.writing_to.get(document.id):
            self.save(loaded, document)  # our items go to our own log, never to their file
            return self._read_walk_in(loaded, document, path)
        if isinstance(document, GembaWalk):
            observations, actions = loaded.own_items(document)
            ours: Document = document.model_copy(
                update={"observations": observations, "actions": actions}, deep=True
            )
        else:
            ours = document.model_copy(deep=True)
        for _attempt in range(3):  # the other writer may save again while we merge
            seen = fingerprint(path)
            try:
                raw = path.read_bytes()
            except OSError as error:
                raise ConflictError(
                    Problem(path, f"changed by another program and cannot be read: {error.strerror}")
                ) from error
            theirs = decode_document(path, raw, type(ours))
            if theirs.document is None or theirs.document.id != ours.id:
                why = str(theirs.problems[0].message) if theirs.problems else "another document"
                raise ConflictError(
                    Problem(
                        path,
                        f"changed by another program into something that cannot be merged ({why}); "
                        "not overwritten",
                    )
                )
            base_raw = self._base.get(path)
            base = decode_document(path, base_raw, type(ours)).document if base_raw else None
            if base is not None and base.id != ours.id:
                base = None
            merged = merge_documents(ours, theirs.document, base)
            self._seen[path] = seen
            if merged == theirs.document:
                self._base[path] = raw  # nothing of ours is missing there: no write needed
                return MergedSave(path, ours, merged)
            try:
                self._write(path, merged)
            except ConflictError:
                continue
            return MergedSave(path, ours, merged)
        raise SaveError(Problem(path, "not saved yet: another program keeps changing it; trying again"))

    def _read_walk_in(self, loaded: LoadedWorkshop, walk: GembaWalk, path: Path) -> MergedSave:
        """The walk's owner changed its file while this process logs to a log of its own:
        take their items in (read only: they stay theirs)."""
        seen = fingerprint(path)
        raw = path.read_bytes() if seen is not None else b""
        theirs = decode_document(path, raw, GembaWalk).document
        if theirs is None or theirs.id != walk.id:
            raise ConflictError(
                Problem(path, "changed by another program into something that cannot be merged")
            )
        base_raw = self._base.get(path)
        base = decode_document(path, base_raw, GembaWalk).document if base_raw else None
        ours = walk.model_copy(deep=True)
        merged = merge_documents(ours, theirs, base if base is not None and base.id == walk.id else None)
        mine = loaded.writing_to[walk.id]
        for item in (*theirs.observations, *theirs.actions):
            if loaded.origins.get(item.id) != mine:
                loaded.origins[item.id] = path
        self._seen[path] = seen
        self._base[path] = raw
        return MergedSave(path, ours, merged)

    def save_log(self, loaded: LoadedWorkshop, path: Path) -> Path:
        """Save another note-taker's log of a walk as it is in memory: for a change made to one
        of its items outside the app (photos attached by `workshop photos`)."""
        self._write(path, loaded.logs[path])
        return path

    def _write(self, path: Path, document: Document | GembaLog) -> None:
        if not path.parent.is_dir():
            raise SaveError(Problem(path, f"not saved: its folder {path.parent} is missing"))
        if self.changed_on_disk(path):
            what = "changed on disk" if path.exists() else "deleted"
            raise ConflictError(
                Problem(path, f"{what} by another program since it was opened; not overwritten")
            )
        try:
            data = to_toml(document, self._chunks.setdefault(path, ChunkCache())).encode("utf-8")
        except (TypeError, ValueError) as error:
            raise SaveError(Problem(path, f"not saved: cannot be written as TOML: {error}")) from error
        try:
            atomic_write_bytes(path, data)
        except OSError as error:
            raise SaveError(Problem(path, f"not saved: {error.strerror or error}")) from error
        self._seen[path] = fingerprint(path)
        self._base[path] = data

    def changed_on_disk(self, path: Path) -> bool:
        """True when the file is not what this store last read or wrote."""
        if path not in self._seen:
            return path.exists()
        return fingerprint(path) != self._seen[path]

    def forget(self, path: Path) -> None:
        """Accept the file as it is now on disk (after the user chose to reload or overwrite)."""
        self._seen[path] = fingerprint(path)

    def delete(self, loaded: LoadedWorkshop, document: Document) -> Path:
        """Move a document's file into the workshop's .trash folder: deleting is never final.

        The workshop remembers the id, so merging an older copy does not bring it back."""
        path = loaded.paths[document.id]
        target = self._to_trash(path, loaded.folder / TRASH)
        del loaded.paths[document.id]
        bundle = loaded.bundle
        if bundle is not None:
            for documents in (bundle.personas, bundle.empathy_maps, bundle.arenas, bundle.walks):
                for position, kept in enumerate(documents):
                    if kept == document:
                        del documents[position]
                        break
            if document.id not in bundle.workshop.deleted:
                bundle.workshop.deleted.append(document.id)
                self.save(loaded, bundle.workshop)
        return target

    def delete_workshop(self, slug: str) -> Path:
        return self._to_trash(self.folder_of(slug), self.root / TRASH)

    def _to_trash(self, path: Path, trash: Path) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = trash / f"{path.name}.{stamp}"
        try:
            import shutil  # only a deletion pays for it (it loads bz2, lzma)

            trash.mkdir(exist_ok=True)
            shutil.move(path, target)
        except OSError as error:
            raise SaveError(Problem(path, f"not deleted: {error.strerror or error}")) from error
        self._seen.pop(path, None)
        self._chunks.pop(path, None)
        self._base.pop(path, None)
        return target


def _inside(path: Path, folder: Path) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except OSError:
        return False
