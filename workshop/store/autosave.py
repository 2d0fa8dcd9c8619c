"""Save documents in the background, so typing never waits on the disk.

Screens mark a document dirty after every change; one worker thread coalesces the marks,
waits a short debounce, and saves through `SessionStore.save`. A failed save keeps the
document marked and is retried with backoff. A file changed by another writer is merged
with what is in memory by item id and the merged copy saved, without asking; the merged copy
is handed to `on_merge` (on the worker thread: the TUI forwards it to its event loop, which
takes it into the live document with `absorb`; without a callback the saver absorbs it
itself). A file that is gone or no longer parses cannot be merged: it is held back until the
user chooses (overwrite or reload), never overwritten silently. Status goes to a callback
(called on the worker thread; the TUI forwards it to its event loop).

Thread safety: the worker serialises the live document while the UI may change it. That is
safe because every change is followed by a mark: a save that raced a change is followed by
another save that starts after it. Operations that create or delete files take `lock`.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..model import Document
from ..model.merge import adopt, item_ids, merge_documents
from .problems import ConflictError, SaveError
from .repository import LoadedWorkshop, MergedSave, SessionStore

State = Literal["saved", "pending", "saving", "error", "conflict"]

DEBOUNCE_SECONDS = 0.3
"""Quiet time after the last change before saving; a burst of typing becomes one save."""
MAX_DELAY_SECONDS = 2.0
"""Never let a steady stream of changes hold a save back for longer than this."""
BACKOFF_SECONDS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)
"""Waits between retries of a failed save; the last one repeats."""


@dataclass(frozen=True)
class SaveStatus:
    """What the status line shows."""

    state: State
    message: str = ""
    """For errors and conflicts: the store's one-line problem."""
    unsaved: int = 0
    """Documents with changes not yet on disk."""
    document_id: str | None = None
    """For a conflict: the document that was not saved."""


@dataclass
class _Entry:
    loaded: LoadedWorkshop
    document: Document


@dataclass(frozen=True)
class MergeNotice:
    """Another writer's changes, merged with ours and saved; `absorb` takes them into the
    live document."""

    document: Document
    """The live document the screens show (not changed by the saver's thread)."""
    ours: Document
    """The snapshot that was merged: the ancestor of the live document and `merged`."""
    merged: Document
    added: int
    """Items that came in from the other writer."""
    conflicts: int
    """Items edited on both sides: new entries in the document's conflicts."""


class Autosaver:
    """Coalesces "document X is dirty" marks and saves them on one worker thread."""

    def __init__(
        self,
        store: SessionStore,
        on_status: Callable[[SaveStatus], None] | None = None,
        debounce: float = DEBOUNCE_SECONDS,
        on_merge: Callable[[MergeNotice], None] | None = None,
        max_delay: float = MAX_DELAY_SECONDS,
        backoff: tuple[float, ...] = BACKOFF_SECONDS,
    ) -> None:
        self.store = store
        self.on_status = on_status or (lambda status: None)
        self.on_merge = on_merge
        """Who takes merged copies into the live documents; None: the saver does, at once."""
        self.debounce = debounce
        self.max_delay = max_delay
        self.backoff = backoff
        self.lock = threading.RLock()
        """Held while the store writes; take it to create or delete files from another thread."""
        self._cond = threading.Condition()
        self._pending: dict[str, _Entry] = {}
        self._held: dict[str, _Entry] = {}
        """Documents whose file changed on disk: not retried until resolve() or discard()."""
        self._conflicts: dict[str, str] = {}
        self._absorbing: dict[str, _Entry | None] = {}
        """Documents merged on disk, not yet absorbed in memory: a save of the live copy now
        would drop the other writer's items from the file, so marks wait here until `absorb`."""
        self._notices: dict[str, MergeNotice] = {}
        """Merges handed to `on_merge` and not absorbed yet: `close` takes them in."""
        self._loaded: dict[str, LoadedWorkshop] = {}
        """The workshop each merged document belongs to, for the save after `absorb`."""
        self._first_mark = 0.0
        self._last_mark = 0.0
        self._failures = 0
        self._retry_at = 0.0
        self._saving = False
        self._flush_requested = False
        self._attempts = 0
        self._stopped = False
        self._last_error = ""
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    # -- called by the UI ----------------------------------------------------------------

    def mark(self, loaded: LoadedWorkshop, document: Document, immediately: bool = False) -> None:
        """Note that a document changed; cheap and non-blocking, whatever the document's size.
        `immediately` skips the debounce: a line entered in a live session is saved at once, so
        a kill loses at most the line still being typed."""
        with self._cond:
            now = time.monotonic()
            if not self._pending:
                self._first_mark = now
            self._last_mark = now - self.debounce if immediately else now
            if document.id in self._absorbing:
                self._absorbing[document.id] = _Entry(loaded, document)
            elif document.id not in self._held:
                self._pending[document.id] = _Entry(loaded, document)
            self._cond.notify()
        if document.id not in self._held:
            self._report("pending" if not self._last_error else "error", self._last_error)

    def busy(self) -> bool:
        """Whether a save is running right now (for benchmarks and the status line)."""
        return self._saving

    def unsaved(self) -> int:
        with self._cond:
            waiting = sum(1 for entry in self._absorbing.values() if entry is not None)
            return len(self._pending) + len(self._held) + waiting + (1 if self._saving else 0)

    @property
    def last_error(self) -> str:
        """The one-line problem of the last failed save; "" once a save worked. Read it after
        `flush`: the status callback for that attempt may still be on its way."""
        with self._cond:
            return self._last_error

    def is_dirty(self, document: Document) -> bool:
        with self._cond:
            return (
                document.id in self._pending
                or document.id in self._held
                or self._absorbing.get(document.id) is not None
            )

    def absorb(self, notice: MergeNotice) -> Document:
        """Take a merged copy into the live document, keeping what changed in memory since
        the snapshot was merged (a three-way merge with the snapshot as ancestor). Call it on
        the thread that edits the documents (the UI's); the saver saves again if memory now
        holds more than the file."""
        live = notice.document
        result = merge_documents(live, notice.merged, notice.ours)
        adopt(live, result)  # in place: the lists and items screens hold stay the same objects
        with self._cond:
            entry = self._absorbing.pop(live.id, None)
            self._notices.pop(live.id, None)
        if entry is not None or result != notice.merged:
            self.mark(entry.loaded if entry else self._loaded_of(live), live, immediately=True)
        return live

    def discard(self, document: Document) -> None:
        """Forget pending changes of a document that is being deleted or reloaded."""
        with self.lock, self._cond:
            self._pending.pop(document.id, None)
            self._absorbing.pop(document.id, None)
            self._notices.pop(document.id, None)
            self._held.pop(document.id, None)
            self._conflicts.pop(document.id, None)
        self._report_idle()

    def resolve(self, document: Document, overwrite: bool) -> None:
        """After a conflict: overwrite the file with what is in memory, or drop the changes
        (the caller reloads the file)."""
        with self.lock, self._cond:
            entry = self._held.pop(document.id, None)
            self._conflicts.pop(document.id, None)
            if entry is not None and overwrite:
                path = entry.loaded.path_of(entry.document)
                if path is not None:
                    self.store.forget(path)
                self._pending[document.id] = entry
                self._retry_at = 0.0
                self._cond.notify()
        self._report_idle()

    def flush(self, timeout: float = 5.0) -> bool:
        """Save everything now (quit, signals); True when nothing unsaved is left.

        Waits for one attempt at most: a save that keeps failing is not retried here."""
        deadline = time.monotonic() + timeout
        with self._cond:
            start = self._attempts
            self._flush_requested = True
            self._cond.notify_all()
            while (self._pending or self._saving) and time.monotonic() < deadline:
                if self._attempts > start + 1 or (self._attempts > start and self._failures):
                    break
                self._cond.wait(min(0.05, max(0.0, deadline - time.monotonic())))
            self._flush_requested = False
            return not self._pending and not self._held and not self._saving and not self._waiting()

    def _waiting(self) -> bool:
        """Marks held back until a merge is absorbed (call with `_cond` held)."""
        return any(entry is not None for entry in self._absorbing.values())

    def close(self, timeout: float = 5.0) -> bool:
        """Save what is left and stop. Merges the UI never took in (it has ended, so nobody
        edits the documents now) are absorbed here first, so marks waiting on them are saved."""
        with self._cond:
            notices = list(self._notices.values())
        for notice in notices:
            with contextlib.suppress(Exception):
                self.absorb(notice)
        saved = self.flush(timeout)
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        self._thread.join(timeout=1.0)
        return saved

    # -- the worker ----------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopped:
                    now = time.monotonic()
                    if self._pending:
                        if self._flush_requested:
                            break
                        if self._failures and now < self._retry_at:
                            self._cond.wait(self._retry_at - now)
                            continue
                        due = min(self._last_mark + self.debounce, self._first_mark + self.max_delay)
                        if now >= due:
                            break
                        self._cond.wait(due - now)
                    else:
                        self._cond.wait()
                if self._stopped:
                    return
                batch = self._pending
                self._pending = {}
                self._saving = True
            self._report("saving")
            failed: dict[str, _Entry] = {}
            error = ""
            for doc_id, entry in batch.items():
                outcome = self._save(entry)
                if outcome is None:
                    continue
                if isinstance(outcome, MergedSave):
                    self._merged(entry, outcome)
                    continue
                kind, message = outcome
                if kind == "conflict":
                    with self._cond:
                        self._held[doc_id] = entry
                        self._conflicts[doc_id] = message
                    self._report("conflict", message, doc_id)
                else:
                    failed[doc_id] = entry
                    error = message
            with self._cond:
                for doc_id, entry in failed.items():
                    self._pending.setdefault(doc_id, entry)  # a newer mark wins
                if failed:
                    delay = self.backoff[min(self._failures, len(self.backoff) - 1)]
                    self._failures += 1
                    self._retry_at = time.monotonic() + delay
                    self._last_error = error
                else:
                    self._failures = 0
                    self._last_error = ""
                self._saving = False
                self._attempts += 1
                self._cond.notify_all()
            if failed:
                self._report("error", error)
            else:
                self._report_idle()

    def _merged(self, entry: _Entry, saved: MergedSave) -> None:
        """Hand a merged copy over to whoever absorbs it; the live copy is not saved again
        until it has (a mark meanwhile waits)."""
        ours, merged = saved.ours, saved.merged
        new = set(item_ids(merged)) - set(item_ids(ours))
        conflicts = sum(1 for conflict in merged.conflicts if conflict not in ours.conflicts)
        notice = MergeNotice(entry.document, ours, merged, len(new), conflicts)
        with self._cond:
            self._absorbing[entry.document.id] = self._pending.pop(entry.document.id, None)
            self._loaded[entry.document.id] = entry.loaded
            self._notices[entry.document.id] = notice
        if self.on_merge is None:
            self.absorb(notice)
            return
        try:
            self.on_merge(notice)
        except Exception:  # nobody to take it: take it here rather than lose the marks
            self.absorb(notice)

    def _loaded_of(self, document: Document) -> LoadedWorkshop:
        with self._cond:
            return self._loaded[document.id]

    def _save(self, entry: _Entry) -> tuple[str, str] | MergedSave | None:
        """Save one document; None when saved, what was merged when another writer had
        changed the file, else ("conflict" | "error", one-line message)."""
        with self.lock:
            if entry.loaded.path_of(entry.document) is None:
                return None  # deleted meanwhile: nothing to save
            try:
                return self.store.save_merging(entry.loaded, entry.document)
            except ConflictError as problem:
                return "conflict", str(problem)
            except SaveError as problem:
                return "error", str(problem)
            except Exception as problem:  # never let the worker die: keep retrying instead
                return "error", f"not saved: {type(problem).__name__}: {problem}"

    def _report_idle(self) -> None:
        with self._cond:
            if self._held:
                doc_id = next(iter(self._held))
                return self._report("conflict", self._conflicts.get(doc_id, ""), doc_id)
            if self._last_error and self._pending:
                return self._report("error", self._last_error)
            state: State = "pending" if self._pending else "saving" if self._saving else "saved"
        self._report(state)

    def _report(self, state: State, message: str = "", document_id: str | None = None) -> None:
        with contextlib.suppress(Exception):  # a broken display must not stop saving
            self.on_status(SaveStatus(state, message, self.unsaved(), document_id))
