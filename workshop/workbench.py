"""The workbench: one open workshop and everything that keeps it on disk, without a terminal.

A `Shelf` is the sessions folder: one `SessionStore` and one background `Autosaver` for every
workshop opened from it. A `Workbench` is one open workshop on that shelf: its documents, the
verbs that change them (add, update, delete, undo, save now, write the report), who else has
it open (presence), and the conflicts a merge left. Screens receive a workbench and call its
verbs; they never touch the store, the saver or its lock.

Threads: verbs marked *(UI)* are cheap and never wait on the saver's lock, so a screen may
call them from the event loop; verbs marked *(worker)* write files or take the lock and must
run off the UI thread (`asyncio.to_thread` or a thread worker).
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .model import (
    Action,
    Ballot,
    Conflict,
    CustomerArena,
    Document,
    EmpathyMap,
    GembaWalk,
    Item,
    Persona,
    Session,
    Synthesis,
    Workshop,
    WorkshopBundle,
)
from .model.merge import Choice, resolve_conflict
from .store import LoadedWorkshop, SessionStore, WorkshopSummary
from .store.autosave import Autosaver, MergeNotice, SaveStatus
from .store.presence import Holder, Presence

UNDO_LIMIT = 50
D = TypeVar("D", bound=Document)

StatusCallback = Callable[[SaveStatus], None]


class Shelf:
    """The sessions folder: the store and the saver every open workshop shares."""

    def __init__(
        self,
        root: Path,
        on_status: StatusCallback | None = None,
        debounce: float | None = None,
        on_merge: Callable[[MergeNotice], None] | None = None,
    ) -> None:
        """`on_merge` receives, on the saver's thread, another writer's changes merged into a
        document; the UI hands them to `Workbench.absorb` on its own thread. Without it the
        saver takes them in itself."""
        self.store = SessionStore(root)
        if debounce is None:
            self.saver = Autosaver(self.store, on_status, on_merge=on_merge)
        else:
            self.saver = Autosaver(self.store, on_status, debounce=debounce, on_merge=on_merge)

    @property
    def root(self) -> Path:
        return self.store.root

    # -- reading (worker) ----------------------------------------------------------------

    def list(self) -> list[WorkshopSummary]:
        return self.store.list_workshops()

    def open(self, slug: str) -> Workbench:
        """The workshop of `slug` on a workbench; a folder that holds no valid workshop raises
        `CannotOpenError` with its first problem."""
        loaded = self.store.load(slug)
        if loaded.bundle is None:
            raise CannotOpenError(str(loaded.problems[0]) if loaded.problems else slug)
        return Workbench(self, loaded)

    # -- writing (worker: these take the saver's lock) -----------------------------------

    def create(self, workshop: Workshop) -> Workbench:
        with self.saver.lock:
            loaded = self.store.create_workshop(workshop)
        return Workbench(self, loaded)

    def rename(self, slug: str, title: str) -> bool:
        """Give a workshop another title (its folder keeps its name); False when unchanged."""
        loaded = self.store.load(slug)
        if loaded.bundle is None:
            raise CannotOpenError(str(loaded.problems[0]) if loaded.problems else slug)
        workshop = loaded.bundle.workshop
        if title.strip() in ("", workshop.title):
            return False
        with self.saver.lock:
            workshop.title = title.strip()
            self.store.save(loaded, workshop)
        return True

    def delete(self, slug: str) -> Path:
        """Move a workshop folder into the trash; returns where it went."""
        with self.saver.lock:
            return self.store.delete_workshop(slug)

    @property
    def trash(self) -> Path:
        return self.root / ".trash"

    def close(self, timeout: float = 5.0) -> bool:
        """Save what is left and stop the saver; True when nothing unsaved is left."""
        return self.saver.close(timeout=timeout)


class CannotOpenError(ValueError):
    """A workshop folder that holds no workshop that can be opened; the message says why."""


@dataclass
class _Edit:
    """One undoable change of a document's fields: the values before it."""

    document: Document
    before: dict[str, Any]


@dataclass(frozen=True)
class Citation:
    """A list of ids (an action's sources, a theme's notes) as it was before a cited item was
    deleted."""

    document: Document
    holder: Item
    field: str
    before: list[str]


@dataclass
class WalkClaim:
    """What claiming a walk found: who else has it open, and the log this process writes to."""

    holder: Holder
    log: Path


@dataclass
class Workbench:
    """One open workshop: its documents and the verbs that change and keep them."""

    shelf: Shelf
    loaded: LoadedWorkshop
    _undo: list[_Edit] = field(default_factory=list)
    _presences: dict[str, Presence] = field(default_factory=dict)
    _asked: set[Path] = field(default_factory=set)

    # -- reading (UI) --------------------------------------------------------------------

    @property
    def bundle(self) -> WorkshopBundle:
        bundle = self.loaded.bundle
        if bundle is None:  # Shelf.open and Shelf.create never make such a bench
            raise CannotOpenError(self.loaded.slug)
        return bundle

    @property
    def workshop(self) -> Workshop:
        return self.bundle.workshop

    @property
    def folder(self) -> Path:
        return self.loaded.folder

    def document(self, document_id: str) -> Document | None:
        return next((d for d in self.bundle.documents() if d.id == document_id), None)

    def documents(self) -> Iterator[Document]:
        return self.bundle.documents()

    def is_own(self, walk: GembaWalk, item: Item) -> bool:
        """Whether this process may change a walk's item (another note-taker's are read-only)."""
        return self.loaded.is_own(walk, item)

    # -- changing (UI) -------------------------------------------------------------------

    def add(self, document: Persona | Session | Synthesis | Ballot) -> Path:
        """A new persona or session: in the workshop at once, its file named now and written by
        the saver straight away (a failed write stays in memory and is retried)."""
        if isinstance(document, Synthesis):
            self.bundle.synthesis = document  # one per workshop
        else:
            self._collection(document).append(document)
        path = self.shelf.store.place(self.loaded, document)
        self.update(document, immediately=True)
        return path

    def synthesis(self) -> Synthesis:
        """The workshop's themes and opportunities; `synthesis.toml` is made on first use."""
        if self.bundle.synthesis is None:
            self.add(Synthesis())
        assert self.bundle.synthesis is not None  # add() set it
        return self.bundle.synthesis

    def ballot(self, voter: str) -> Ballot:
        """A voter's ballot (one file per voter, so terminals never write the same file);
        the same voter, written differently in case, gets the same ballot."""
        wanted = voter.strip().casefold()
        found = next((b for b in self.bundle.ballots if b.voter.casefold() == wanted), None)
        if found is None:
            found = Ballot(voter=voter)
            self.add(found)
        return found

    def update(self, document: Document, immediately: bool = False) -> None:
        """A document changed in place: the saver writes it soon, or at once."""
        self.shelf.saver.mark(self.loaded, document, immediately)

    def change(self, document: D, changes: Mapping[str, Any]) -> D:
        """Change fields of a document from a validated copy (a refused change raises and
        leaves it as it was); `undo` takes the change back."""
        before = {name: getattr(document, name) for name in changes}
        document.replace_fields(changes)
        self._undo.append(_Edit(document, before))
        del self._undo[:-UNDO_LIMIT]
        self.update(document)
        return document

    def undo(self) -> Document | None:
        """Take back the last `change`; the document it was made to, or None if there is none."""
        if not self._undo:
            return None
        edit = self._undo.pop()
        edit.document.replace_fields(edit.before)
        self.update(edit.document)
        return edit.document

    def citing(self, item_id: str) -> list[Action]:
        """The actions whose sources name an item: a delete of it asks first."""
        return [action for _, action in self.bundle.actions_citing(item_id)]

    def uncite(self, item_id: str) -> list[Citation]:
        """Take a deleted item out of every action's sources and every synthesis theme, so no
        reference dangles; what was taken out, for `recite` when the delete is undone."""
        holders: list[tuple[Document, Item, str]] = [
            (document, action, "sources") for document, action in self.bundle.actions_citing(item_id)
        ]
        synthesis = self.bundle.synthesis
        if synthesis is not None:
            holders += [(synthesis, theme, "notes") for theme in synthesis.themes if item_id in theme.notes]
        dropped = []
        for document, holder, name in holders:
            before: list[str] = list(getattr(holder, name))
            dropped.append(Citation(document, holder, name, before))
            holder.replace_fields({name: [s for s in before if s != item_id]})
            self.update(document)
        return dropped

    def recite(self, dropped: list[Citation]) -> None:
        """Put the references `uncite` took out back (the delete was undone)."""
        for citation in dropped:
            citation.holder.replace_fields({citation.field: citation.before})
            self.update(citation.document)

    def settle(self, document: D, index: int, choice: Choice) -> D:
        """Settle one recorded conflict in place, so every screen holding the document sees it."""
        document.take_fields(resolve_conflict(document, index, choice))
        self.update(document)
        return document

    def conflicts(self) -> list[tuple[Document, int, Conflict]]:
        return [(d, index, c) for d in self.bundle.documents() for index, c in enumerate(d.conflicts)]

    # -- changing (worker) ---------------------------------------------------------------

    def delete(self, document: Document) -> Path:
        """Move a persona's or session's file into the workshop's trash; returns where it went."""
        with self.shelf.saver.lock:
            self.shelf.saver.discard(document)
            return self.shelf.store.delete(self.loaded, document)

    def save_now(self, timeout: float = 3.0) -> bool:
        """Save everything pending; True when nothing unsaved is left."""
        return self.shelf.saver.flush(timeout)

    def unsaved(self) -> int:
        return self.shelf.saver.unsaved()

    def write_report(self, progress: Callable[[str], None] | None = None) -> list[Path]:
        """The journey report beside the sessions (HTML, Markdown, JSON); the paths written."""
        from .report.output import write_report  # the report's templates load only when asked for

        with self.shelf.saver.lock:
            return write_report(self.loaded, progress=progress)

    # -- presence (worker: small lock files) --------------------------------------------

    def claim(self) -> Holder | None:
        """Take the workshop's presence lock, or say who has it open."""
        return self._claim("workshop", self.folder / "workshop.toml")

    def claim_walk(self, walk: GembaWalk, observer: str = "") -> WalkClaim | None:
        """Take a walk's presence lock; when someone else has it, this process writes its own
        observations to a log of its own from now on, and the claim says which."""
        path = self.loaded.paths.get(walk.id)
        if path is None or self.loaded.writing_to.get(walk.id):
            return None
        holder = self._claim(walk.id, path)
        if holder is None:
            return None
        author = observer or getpass.getuser() or "note-taker"
        return WalkClaim(holder, self.shelf.store.log_as(self.loaded, walk, author))

    def release(self, key: str = "workshop") -> None:
        presence = self._presences.pop(key, None)
        if presence is not None:
            presence.release()

    def release_all(self) -> None:
        for key in list(self._presences):
            self.release(key)

    def _claim(self, key: str, path: Path) -> Holder | None:
        presence = Presence(path)
        holder = presence.claim()
        if holder is None:
            self._presences[key] = presence
        return holder

    # -- files changed by someone else ---------------------------------------------------

    def absorb(self, notice: MergeNotice) -> Document:
        """(UI) Take another writer's changes, merged and saved by the saver, into the live
        document, in place; the edits made here meanwhile stay. Returns the document."""
        return self.shelf.saver.absorb(notice)

    def take_in_changes(self) -> list[str]:
        """(UI) Have the saver merge every open file another writer changed (it saves only
        when something of ours is missing there); the ids of those documents. Never waits."""
        changed = [doc_id for doc_id, path in self.changed_files() if path.exists()]
        for doc_id in changed:
            document = self.document(doc_id)
            if document is not None:
                self.update(document, immediately=True)
        return changed

    def refresh_logs(self) -> list[GembaWalk]:
        """(UI) Read other note-takers' logs of the open walks again, adding what is new to
        the walks in memory; the walks that changed. Never waits on a save in progress."""
        lock = self.shelf.saver.lock
        if not lock.acquire(blocking=False):
            return []
        try:
            return [walk for walk in self.bundle.walks if self.shelf.store.refresh_logs(self.loaded, walk)]
        finally:
            lock.release()

    def changed_files(self) -> list[tuple[str, Path]]:
        """Open files another program changed, not yet asked about. (UI) Never waits: while a
        save holds the lock it returns nothing, and the next look finds them."""
        lock = self.shelf.saver.lock
        if not lock.acquire(blocking=False):
            return []
        try:
            store = self.shelf.store
            return [
                (doc_id, path)
                for doc_id, path in self.loaded.paths.items()
                if path not in self._asked and store.changed_on_disk(path)
            ]
        finally:
            lock.release()

    def conflict_path(self, document_id: str) -> Path | None:
        """The file of a document the saver refused to overwrite, unless already asked about."""
        path = self.loaded.paths.get(document_id)
        return path if path is not None and path not in self._asked else None

    def asking(self, path: Path) -> None:
        self._asked.add(path)

    def asked(self, path: Path) -> None:
        self._asked.discard(path)

    def keep_mine(self, document_id: str, path: Path) -> None:
        """(worker) The user keeps what is in memory: overwrite the changed file with it."""
        document = self.document(document_id)
        if document is None:
            return
        with self.shelf.saver.lock:
            self.shelf.store.forget(path)
        self.shelf.saver.resolve(document, overwrite=True)
        self.update(document)

    def reload(self, document_id: str | None = None) -> Workbench:
        """(worker) Read the workshop again, dropping unsaved changes of `document_id`; the
        fresh workbench takes over this one's presence locks."""
        document = self.document(document_id) if document_id else None
        if document is not None:
            self.shelf.saver.discard(document)
        fresh = Workbench(self.shelf, self.shelf.store.load_folder(self.folder))
        fresh._presences, self._presences = self._presences, {}
        fresh._asked = self._asked
        return fresh

    # -- internals -----------------------------------------------------------------------

    def _collection(self, document: Persona | Session | Ballot) -> list[Any]:
        bundle = self.bundle
        if isinstance(document, Ballot):
            return bundle.ballots
        if isinstance(document, Persona):
            return bundle.personas
        if isinstance(document, EmpathyMap):
            return bundle.empathy_maps
        if isinstance(document, CustomerArena):
            return bundle.arenas
        return bundle.walks
