"""The workshop app: screens on a stack over one shelf (store and saver), two languages.

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
from pathlib import Path, PurePath
from types import FrameType
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.screen import Screen

from ..settings import Settings, load_settings, remember
from .commands import bindings, check_keymap, declared_bindings, localise_bindings
from .host import WorkshopHost
from .i18n import Lang, t
from .providers import PROVIDERS
from .screens.base import BaseScreen
from .screens.dialogs import ConfirmScreen
from .screens.home import HomeScreen

if TYPE_CHECKING:
    from ..store import LoadedWorkshop, SessionStore
    from ..store.autosave import Autosaver
    from ..workbench import Shelf, Workbench

DARK = "textual-dark"
LIGHT = "textual-light"

LEAVE_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
SIGNAL_SAVE_SECONDS = 5.0
"""How long a hangup or SIGTERM waits for the saver: what was typed matters more than speed
(a save takes milliseconds; this bounds a disk that hangs)."""
SIGNAL_EXIT_SECONDS = 0.8
"""How long Textual's way out gets after a signal before the process saves and ends anyway."""


class WorkshopApp(WorkshopHost):
    """Prepare workshops and run their sessions, keyboard only, in Dutch or English."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/home.tcss"]
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
        watch_seconds: float = 0.5,
        debounce: float | None = None,
        config: Path | None = None,
    ) -> None:
        """`language` overrides the remembered one for this run (`workshop --lang`); `config`
        is the settings file (default: the XDG config folder's `workshop/config.toml`)."""
        settings = load_settings(config)
        super().__init__(sessions, language or settings.language or "nl", watch_seconds, debounce)
        self.settings: Settings = settings
        self.leaving_on: int | None = None
        """The signal (SIGTERM, SIGHUP) the process is ending on, once one came."""
        self._settings_lock = threading.Lock()
        self._clashes: set[tuple[str, ...]] = set()
        self.keymap: dict[str, str] = {}
        """The user's keys by command id, once checked (on mount); the help screen shows them."""
        self._event_loop: asyncio.AbstractEventLoop | None = None
        self.theme = DARK
        self._apply_theme()

    # -- what tests and benchmarks look at -----------------------------------------------

    @property
    def autosaver(self) -> Autosaver | None:
        return self.shelf.saver if self.shelf is not None else None

    @property
    def store(self) -> SessionStore | None:
        return self.shelf.store if self.shelf is not None else None

    @property
    def loaded(self) -> LoadedWorkshop | None:
        return self.bench.loaded if self.bench is not None else None

    # -- start-up ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
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

    # -- saving --------------------------------------------------------------------------

    def on_workshop_host_save_status_changed(self, message: WorkshopHost.SaveStatusChanged) -> None:
        status = message.status
        if status.state == "conflict" and status.document_id and self.bench is not None:
            path = self.bench.conflict_path(status.document_id)
            if path is not None:
                self._ask_about_change(status.document_id, path)

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
        shelf = self.shelf
        if shelf is None or await asyncio.to_thread(shelf.saver.flush, 3.0):
            self.exit()
            return
        self._confirm_quit(shelf)

    @work(exclusive=True, group="quit")
    async def _confirm_quit(self, shelf: Shelf) -> None:
        message = t(
            self.language, "quit.unsaved", count=shelf.saver.unsaved(), message=shelf.saver.last_error
        )
        if await self.ask(ConfirmScreen(message, danger=True)):
            self.exit()

    # -- files changed by someone else ---------------------------------------------------

    def _check_disk(self) -> None:
        """Another program changed an open file: the saver merges it in, without asking (a
        file that is gone or no longer parses is held back and asked about); other
        note-takers' logs of an open walk are read again. Runs every `watch_seconds`."""
        bench = self.bench
        if bench is None:
            return
        gone = [(doc_id, path) for doc_id, path in bench.changed_files() if not path.exists()]
        if gone:
            self._ask_about_change(*gone[0])
        bench.take_in_changes()
        for walk in bench.refresh_logs():
            self._document_changed(walk.id)
            self.notify(t(self.language, "merged.came_in"), timeout=3)

    def on_workshop_host_changes_merged(self, message: WorkshopHost.ChangesMerged) -> None:
        """Another writer's changes, merged and saved by the saver: into the live document,
        the screens showing it redrawn, a quiet notice of what came in. Never a dialog."""
        notice = message.notice
        saver = self.autosaver
        if saver is None:
            return
        try:
            document = saver.absorb(notice)
        except Exception as error:
            self.show_error(error)
            return
        self._document_changed(document.id)
        if notice.merged == notice.ours:
            return
        lang = self.language
        text = t(lang, "merged.added", count=notice.added) if notice.added else t(lang, "merged.came_in")
        if notice.conflicts:
            text += " " + t(lang, "merged.conflicts", count=notice.conflicts)
        self.notify(text, timeout=4, markup=False)

    def _document_changed(self, document_id: str) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, BaseScreen):
                screen.document_changed(document_id)

    @work(group="changed on disk")
    async def _ask_about_change(self, document_id: str, path: Path) -> None:
        bench = self.bench
        if bench is None:
            return
        bench.asking(path)
        lang = self.language
        try:
            reload = await self.ask(
                ConfirmScreen(
                    t(lang, "changed.body", file=path.name),
                    title=t(lang, "changed.title"),
                    yes=t(lang, "changed.reload"),
                    no=t(lang, "changed.keep"),
                )
            )
            if reload:
                await self.reload_workshop(await asyncio.to_thread(bench.reload, document_id))
                self.notify(t(self.language, "changed.reloaded"))
            else:
                await asyncio.to_thread(bench.keep_mine, document_id, path)
        except Exception as error:
            self.show_error(error)
        finally:
            bench.asked(path)

    async def reload_workshop(self, fresh: Workbench) -> None:
        """Show a workshop read again: rebuild the screens that showed the old one."""
        from .screens.workshop import WorkshopScreen, screen_for  # deferred: first paint without pydantic

        open_ids = [s.document_id for s in self.screen_stack if isinstance(s, BaseScreen)]
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            await self.pop_screen()
        self.bench = fresh
        await self.push_screen(WorkshopScreen(fresh))
        for doc_id in open_ids:
            if doc_id and doc_id != "workshop":
                screen = screen_for(fresh, doc_id)
                if screen is not None:
                    await self.push_screen(screen)

    def set_language(self, lang: Lang) -> None:
        if lang != self.language:
            localise_bindings(self, lang)
        super().set_language(lang)

    # -- language, theme, help -----------------------------------------------------------

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


def run(sessions: Path, language: Lang | None = None) -> int:
    """Run the app until the user quits; saves are flushed on the way out. Without `language`
    the app starts in the one last chosen (settings file), else in Dutch."""
    app = WorkshopApp(sessions, language)
    try:
        app.run()
    finally:
        if app.shelf is not None:
            app.shelf.close(timeout=5.0)
    return app.return_code or 0
