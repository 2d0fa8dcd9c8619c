"""The workshop app: screens on a stack, one store, one autosaver, two languages.

Start-up paints the home screen before the domain model is imported: the store (and with
it pydantic) is loaded on a worker thread, so first paint costs what a bare Textual app costs.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen

from ..settings import Settings, load_settings, remember
from .commands import bindings, check_keymap, declared_bindings, localise_bindings
from .i18n import Lang, t
from .providers import PROVIDERS
from .screens.home import HomeScreen
from .widgets.status_line import StatusLine

if TYPE_CHECKING:
    from ..model import Document
    from ..store import LoadedWorkshop, SessionStore
    from ..store.autosave import Autosaver, SaveStatus

DARK = "textual-dark"
LIGHT = "textual-light"

LEAVE_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
SIGNAL_SAVE_SECONDS = 5.0
"""How long a hangup or SIGTERM waits for the saver: what was typed matters more than speed
(a save takes milliseconds; this bounds a disk that hangs)."""
SIGNAL_EXIT_SECONDS = 0.8
"""How long Textual's way out gets after a signal before the process saves and ends anyway."""


class AutosaveStatus(Message):
    """Posted from the autosaver's thread (post_message is thread-safe and never blocks, so a
    flush on the UI thread cannot deadlock against a status report)."""

    def __init__(self, status: SaveStatus) -> None:
        super().__init__()
        self.status = status


class WorkshopApp(App[None]):
    """Prepare workshops and run their sessions, keyboard only, in Dutch or English."""

    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "screens/home.tcss"]
    """The first screen is the default screen, whose own CSS_PATH Textual does not read."""
    TITLE = "workshop"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("quit", "help", "toggle_language", "toggle_theme", "command_palette")
    ]
    COMMANDS = PROVIDERS
    """Our commands and data, in the UI language; none of Textual's English system commands
    (Theme, Keys, Screenshot, Quit, Maximize): light/dark, help and quit are our own commands,
    screenshots and maximising are left out on purpose."""

    def __init__(
        self,
        sessions: Path,
        language: Lang | None = None,
        watch_seconds: float = 2.0,
        debounce: float | None = None,
        config: Path | None = None,
    ) -> None:
        """`language` overrides the remembered one for this run (`workshop --lang`); `config`
        is the settings file (default: the XDG config folder's `workshop/config.toml`)."""
        super().__init__()
        self.settings: Settings = load_settings(config)
        self.sessions = Path(sessions)
        self.language: Lang = language or self.settings.language or "nl"
        self.watch_seconds = watch_seconds
        self.debounce = debounce
        self.store: SessionStore | None = None
        self._store_lock = threading.Lock()
        self.autosaver: Autosaver | None = None
        self.loaded: LoadedWorkshop | None = None
        self.save_status: SaveStatus | None = None
        self._asked: set[Path] = set()
        self.leaving_on: int | None = None
        self._event_loop: asyncio.AbstractEventLoop | None = None
        """The signal (SIGTERM, SIGHUP) the process is ending on, once one came."""
        self._settings_lock = threading.Lock()
        self._clashes: set[tuple[str, ...]] = set()
        self.keymap: dict[str, str] = {}
        """The user's keys by command id, once checked (on mount); the help screen shows them."""
        self.theme = DARK
        self._apply_theme()

    # -- start-up ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def _apply_theme(self) -> None:
        settings = self.settings
        if settings.theme is not None:
            if settings.theme in self.available_themes:
                self.theme = settings.theme
            else:
                settings.problems.append(f"{settings.path}: theme: no theme called {settings.theme!r}")

    def on_mount(self) -> None:
        self._event_loop = asyncio.get_running_loop()
        keymap, problems = check_keymap(self.settings.keymap, str(self.settings.path))
        self.settings.problems.extend(problems)
        self.keymap = keymap
        self.set_keymap(keymap)
        localise_bindings(self, self.language)
        for problem in self.settings.problems:
            self.notify(problem, severity="warning", timeout=15, markup=False)
        if self.watch_seconds > 0:
            self.set_interval(self.watch_seconds, self._check_disk, name="watch files")

    def ensure_store(self) -> SessionStore:
        """The store and its autosaver, made on first use (on a worker thread at start-up).

        Locked: the home screen's start-up worker and an early Enter's open worker may both
        ask; two stores would each think the other's saves were another program's."""
        with self._store_lock:
            if self.store is None:
                from ..store import SessionStore
                from ..store.autosave import Autosaver

                store = SessionStore(self.sessions)
                kwargs: dict[str, Any] = {} if self.debounce is None else {"debounce": self.debounce}
                self.autosaver = Autosaver(store, lambda s: self.post_message(AutosaveStatus(s)), **kwargs)
                self.store = store
            return self.store

    # -- saving --------------------------------------------------------------------------

    def add_document(self, collection: list[Any], document: Document) -> None:
        """A new persona or session: into the workshop and onto disk now; if the disk says no,
        it stays in memory and the autosaver keeps trying."""
        loaded = self.loaded
        assert loaded is not None and self.store is not None and self.autosaver is not None
        collection.append(document)
        with self.autosaver.lock:
            try:
                self.store.add(loaded, document)
            except Exception as error:
                self.changed(document)
                self.show_error(error)

    def changed(self, document: Document, immediately: bool = False) -> None:
        """A screen changed a document: the autosaver saves it soon (or at once), off the UI thread."""
        if self.autosaver is not None and self.loaded is not None:
            self.autosaver.mark(self.loaded, document, immediately)

    def on_autosave_status(self, message: AutosaveStatus) -> None:
        self.save_status = message.status
        for line in self.screen.query(StatusLine):
            line.show()
        status = message.status
        if status.state == "conflict" and status.document_id:
            self._ask_about_conflict(status.document_id)

    # -- ending on a signal --------------------------------------------------------------
    #
    # A closed terminal (SIGHUP) or a kill (SIGTERM) must save, release the presence locks and
    # end the process within a second, whatever the event loop is doing. Textual's own way out
    # cannot promise that, least of all once the terminal is gone: its output thread dies on
    # the first write to a hung-up tty, later writes fill its queue and can block the event loop
    # for good (a handler run by the loop then never runs: SIGTERM seems ignored), its input
    # thread is no daemon, and after it all the interpreter's clean-up took over a second on a
    # loaded machine (measured). So the handler is a plain Python one (it runs on the main
    # thread even while the loop is stuck) that hands over to a thread of its own: that thread
    # asks the loop to save and exit the Textual way (the terminal is restored and keys already
    # read reach their screen first), and at a deadline saves from where it is; the process
    # then ends with os._exit, everything on disk.

    def run(self, **kwargs: Any) -> Any:
        """App.run with the signal handlers in place while it runs (pilot tests, which do not
        call run, keep the test runner's handlers); after a signal the process ends here.
        What the app exited with is returned as App.run returns it: Textual's screenshot
        helper, which the snapshot tests use, exits with the SVG."""
        previous: dict[signal.Signals, Any] = {}
        try:
            for leave_signal in LEAVE_SIGNALS:
                previous[leave_signal] = signal.signal(leave_signal, self._on_os_signal)
        except ValueError:
            pass  # not the main thread: no handlers to install
        try:
            result = super().run(**kwargs)
        finally:
            for leave_signal, handler in previous.items():
                signal.signal(leave_signal, handler)
        if self.leaving_on is not None:
            self._save_and_release()
            self._end_process(self.leaving_on)
        return result

    def _on_os_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.leaving_on is None:
            self.leaving_on = signum
            threading.Thread(target=self._leave, args=(signum,), name="leave", daemon=True).start()

    def _leave(self, signum: int) -> None:
        loop = self._event_loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has closed: run() ends the process
                loop.call_soon_threadsafe(self._on_signal)
        threading.Event().wait(SIGNAL_EXIT_SECONDS)  # the deadline for the Textual way out
        self._save_and_release()
        self._end_process(signum)

    def _on_signal(self) -> None:
        """What a signal does on the event loop: save, release the locks, exit the app."""
        self._save_and_release()
        self.exit(return_code=128 + (self.leaving_on or signal.SIGTERM))

    def _save_and_release(self) -> None:
        """Everything on disk, every presence lock released; from any thread."""
        if self.autosaver is not None:
            self.autosaver.flush(timeout=SIGNAL_SAVE_SECONDS)
        presence = sys.modules.get("workshop.store.presence")
        if presence is not None:  # never imported: no lock was taken
            presence.release_all()

    @staticmethod
    def _end_process(signum: int) -> None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(128 + signum)

    async def action_quit(self) -> None:
        saver = self.autosaver
        if saver is None:
            self.exit()
            return
        saved = await asyncio.to_thread(saver.flush, 3.0)
        if saved:
            self.exit()
            return
        from .screens.dialogs import ConfirmScreen

        status = self.save_status
        message = t(
            self.language,
            "quit.unsaved",
            count=saver.unsaved(),
            message=status.message if status else "",
        )

        def answer(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        self.push_screen(ConfirmScreen(message, danger=True), answer)

    # -- files changed by someone else ---------------------------------------------------

    def _check_disk(self) -> None:
        """Another program changed an open file: ask, never overwrite it silently."""
        store, saver, loaded = self.store, self.autosaver, self.loaded
        if store is None or saver is None or loaded is None:
            return
        if not saver.lock.acquire(blocking=False):
            return  # a save is writing right now: look next time
        try:
            changed = [
                (doc_id, path)
                for doc_id, path in loaded.paths.items()
                if path not in self._asked and store.changed_on_disk(path)
            ]
        finally:
            saver.lock.release()
        if changed:
            self._ask_about_change(*changed[0])

    def _ask_about_conflict(self, document_id: str) -> None:
        if self.loaded is None:
            return
        path = self.loaded.paths.get(document_id)
        if path is not None and path not in self._asked:
            self._ask_about_change(document_id, path)

    def _ask_about_change(self, document_id: str, path: Path) -> None:
        from .screens.dialogs import ConfirmScreen

        self._asked.add(path)
        lang = self.language
        message = t(lang, "changed.body", file=path.name)

        async def answer(reload: bool | None) -> None:
            try:
                await self._resolve_change(document_id, path, bool(reload))
            except Exception as error:
                self.show_error(error)
            finally:
                self._asked.discard(path)

        self.push_screen(
            ConfirmScreen(
                message,
                title=t(lang, "changed.title"),
                yes=t(lang, "changed.reload"),
                no=t(lang, "changed.keep"),
            ),
            answer,
        )

    async def _resolve_change(self, document_id: str, path: Path, reload: bool) -> None:
        store, saver, loaded = self.store, self.autosaver, self.loaded
        if store is None or saver is None or loaded is None or loaded.bundle is None:
            return
        document = next((d for d in loaded.bundle.documents() if d.id == document_id), None)
        if not reload:
            if document is not None:
                with saver.lock:
                    store.forget(path)
                saver.resolve(document, overwrite=True)
                saver.mark(loaded, document)
            return
        if document is not None:
            saver.discard(document)
        await self.reload_workshop()
        self.notify(t(self.language, "changed.reloaded"))

    async def reload_workshop(self) -> None:
        """Read the open workshop again and rebuild the screens that show it."""
        from .screens.workshop import WorkshopScreen

        store, loaded = self.store, self.loaded
        if store is None or loaded is None:
            return
        fresh = await asyncio.to_thread(store.load_folder, loaded.folder)
        open_ids = [getattr(s, "document_id", None) for s in self.screen_stack]
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            await self.pop_screen()
        self.loaded = fresh
        await self.push_screen(WorkshopScreen())
        for doc_id in open_ids:
            if doc_id and doc_id != "workshop":
                screen = WorkshopScreen.screen_for(self, doc_id)
                if screen is not None:
                    await self.push_screen(screen)

    # -- opening -------------------------------------------------------------------------

    def open_loaded(self, loaded: LoadedWorkshop) -> None:
        from .screens.workshop import WorkshopScreen

        self.loaded = loaded
        if loaded.bundle is not None:
            self.set_language(loaded.bundle.workshop.language)
        self.push_screen(WorkshopScreen())

    # -- language, theme, help -----------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        if lang == self.language:
            return
        self.language = lang
        localise_bindings(self, lang)
        relabel = getattr(self.screen, "relabel", None)
        if relabel is not None:
            relabel()
        for line in self.screen.query(StatusLine):
            line.show()

    def action_toggle_language(self) -> None:
        self.set_language("en" if self.language == "nl" else "nl")
        self.remember_settings()

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK
        self.remember_settings()

    def remember_settings(self) -> None:
        """Language and theme as the user last chose them, for the next start (off the UI thread)."""
        self.run_worker(self._write_settings, thread=True, group="settings", exit_on_error=False)

    def _write_settings(self) -> None:
        with self._settings_lock:  # the last write reads the newest values: no stale overwrite
            problem = remember(self.settings.path, language=self.language, theme=self.theme)
        if problem is not None:
            self.call_from_thread(self.notify, problem, severity="warning", timeout=10, markup=False)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """A keymap entry took a key another command here has by default (that one loses the
        key, Textual's rule): say so, once."""
        keys = {b.key for b in clashed_bindings}
        moved = {b.id or b.action for b in clashed_bindings}
        losers = {b.id for b in declared_bindings(node) if b.key in keys and b.id and b.id not in moved}
        ids = tuple(sorted(moved | losers))
        if len(ids) < 2 or ids in self._clashes:
            return  # one command alone: Textual 8.2.8 reports `f8,ctrl+r` -> `ctrl+n` clashing with itself
        self._clashes.add(ids)
        line = t(
            self.language,
            "keymap.clash",
            path=self.settings.path,
            keys=", ".join(sorted(keys)),
            moved=", ".join(sorted(moved)),
            others=", ".join(sorted(losers)) or ", ".join(sorted(moved)),
        )
        self.notify(line, severity="warning", timeout=10, markup=False)

    def action_command_palette(self) -> None:
        """Textual's palette, with a prompt in the UI language."""
        if self.use_command_palette and not any(isinstance(s, CommandPalette) for s in self.screen_stack):
            self.push_screen(
                CommandPalette(placeholder=t(self.language, "palette.search"), id="--command-palette")
            )

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    # -- errors --------------------------------------------------------------------------

    def show_error(self, error: BaseException) -> None:
        """One line for the user instead of a traceback that ends the app."""
        text = str(error).splitlines()[0] if str(error) else type(error).__name__
        self.notify(t(self.language, "error.action", error=text), severity="error", timeout=8)


def run(sessions: Path, language: Lang | None = None) -> int:
    """Run the app until the user quits; saves are flushed on the way out. Without `language`
    the app starts in the one last chosen (settings file), else in Dutch."""
    app = WorkshopApp(sessions, language)
    try:
        app.run()
    finally:
        if app.autosaver is not None:
            app.autosaver.close(timeout=5.0)
    return app.return_code or 0
