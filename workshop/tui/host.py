"""What every screen may ask of the app, typed: the language, the shelf, errors shown.

Screens reach the app through `textual.getters.app(WorkshopHost)`. This module imports no
screen, so screens can import it without a cycle; `app.WorkshopApp` builds on it with the
screens, the key bindings and the dialogs. The domain (pydantic) is imported only when the
shelf is first made, on a worker thread, so first paint stays as cheap as a bare app."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import Worker, get_current_worker

from .i18n import Lang, t

if TYPE_CHECKING:
    from ..store.autosave import MergeNotice, SaveStatus
    from ..workbench import Shelf, Workbench

R = TypeVar("R")


class WorkshopHost(App[None]):
    """State shared by every screen; the language and the save status are broadcast."""

    @dataclass
    class SaveStatusChanged(Message):
        """Posted from the saver's thread (post_message is thread-safe and never blocks, so a
        flush on the UI thread cannot deadlock against a status report). A burst collapses
        into the newest status."""

        status: SaveStatus

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, WorkshopHost.SaveStatusChanged)

    @dataclass
    class ChangesMerged(Message):
        """Posted from the saver's thread: another writer's changes were merged and saved;
        the UI takes them into the live document (never replaced: each one counts)."""

        notice: MergeNotice

    def __init__(
        self,
        sessions: Path,
        language: Lang = "nl",
        watch_seconds: float = 0.5,
        debounce: float | None = None,
    ) -> None:
        super().__init__()
        self.sessions = Path(sessions)
        self.language: Lang = language
        self.watch_seconds = watch_seconds
        self.debounce = debounce
        self.shelf: Shelf | None = None
        self._shelf_lock = threading.Lock()
        self.bench: Workbench | None = None
        """The open workshop, if any; screens receive it in their constructor."""
        self.save_status: SaveStatus | None = None
        self.language_changed: Signal[Lang] = Signal(self, "language")
        """Published after a language switch; screens and widgets relabel in place."""
        self.save_status_changed: Signal[SaveStatus] = Signal(self, "save status")
        self.waiting: set[Worker[Any]] = set()
        """Workers waiting for the user to answer a dialog: idle, not busy."""

    async def ask(self, screen: Screen[R]) -> R:
        """Show a dialog or form and wait for its answer; call from a worker (`@work`). While
        it waits the worker counts as idle, so whoever waits for the app to settle (a test, a
        benchmark) does not wait for the user."""
        worker = get_current_worker()
        self.waiting.add(worker)
        try:
            return await self.push_screen_wait(screen)
        finally:
            self.waiting.discard(worker)

    def busy_workers(self) -> list[Worker[Any]]:
        """Workers still working: not finished and not waiting for the user."""
        return [w for w in self.workers if not w.is_finished and w not in self.waiting]

    # -- the shelf -----------------------------------------------------------------------

    def ensure_shelf(self) -> Shelf:
        """The store and its saver, made on first use (on a worker thread at start-up).

        Locked: the home screen's start-up worker and an early Enter's open worker may both
        ask; two stores would each think the other's saves were another program's."""
        with self._shelf_lock:
            if self.shelf is None:
                from ..workbench import Shelf  # deferred: keeps first paint free of pydantic

                self.shelf = Shelf(self.sessions, self._post_status, self.debounce, self._post_merged)
            return self.shelf

    def _post_status(self, status: SaveStatus) -> None:
        self.post_message(self.SaveStatusChanged(status))

    def _post_merged(self, notice: MergeNotice) -> None:
        if not self.post_message(self.ChangesMerged(notice)):
            raise RuntimeError("the app is closing")  # the saver takes the changes in itself

    def on_workshop_host_save_status_changed(self, message: SaveStatusChanged) -> None:
        self.save_status = message.status
        self.save_status_changed.publish(message.status)

    def opened(self, bench: Workbench) -> None:
        """A workshop is open: it is the app's workbench now, and its language the UI's."""
        self.bench = bench
        self.set_language(bench.workshop.language)

    def closed(self, bench: Workbench) -> None:
        """The workshop screen was left: presence is released, no workshop is open."""
        bench.release_all()
        if self.bench is bench:
            self.bench = None

    # -- language ------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        """Switch the UI language; every screen relabels in place (nothing is recomposed, so
        nothing being typed is touched)."""
        if lang == self.language:
            return
        self.language = lang
        self.language_changed.publish(lang)

    # -- errors --------------------------------------------------------------------------

    def show_error(self, error: BaseException) -> None:
        """One line for the user instead of a traceback that ends the app."""
        text = str(error).splitlines()[0] if str(error) else type(error).__name__
        self.notify(t(self.language, "error.action", error=text), severity="error", timeout=8)
