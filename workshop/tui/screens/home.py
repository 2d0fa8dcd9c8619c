"""Home: the workshops in the sessions folder, with counts; create, open, rename, delete.

Imports nothing of the domain model: when every workshop's kept summary is fresh the list is
in the first frame (a stat per file, one small TOML read per workshop); otherwise it is read on
a worker thread after first paint. The store, with pydantic, loads once the list is shown."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, get_current_worker

from ..commands import bindings
from ..widgets.caption import Caption
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded
from .dialogs import ConfirmScreen, TextPromptScreen

if TYPE_CHECKING:
    from ...store.listing import WorkshopSummary
    from ...workbench import Workbench


class HomeScreen(BaseScreen[None]):
    CSS_PATH = "home.tcss"
    AUTO_FOCUS = "#workshops"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(
            "new_workshop",
            "open",
            "rename",
            "delete",
            "home_quit",
        )
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[WorkshopSummary] | None = None
        self._listed_at_mount = False

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Caption("app.title", self.lang, id="home-title")
            yield Caption("home.folder", self.lang, id="folder", folder=self.app.sessions)
            yield OptionList(*self._options(), id="workshops")
            yield Static(self._empty_text(), id="empty", markup=False)
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show_state()
        if self.summaries is None:
            from ...store.listing import fresh_summaries

            try:
                known = fresh_summaries(self.app.sessions)
            except Exception:  # an unreadable folder: the worker reports it
                known = None
            if known is None:
                self.load()  # some summary must be made again: off the UI thread
            else:
                self._loaded(known)  # in the first frame
                self._listed_at_mount = True
                self.call_after_refresh(self._prepare_store)

    def on_screen_resume(self) -> None:
        if self._listed_at_mount:  # the first resume follows the mount that just listed
            self._listed_at_mount = False
        elif self.summaries is not None:
            self.load()

    def relabel(self) -> None:
        self._show(self.summaries or [])
        self._show_state()

    def _options(self) -> list[Option]:
        if not self.summaries:
            return []
        options = []
        for s in self.summaries:
            counts = self.t("home.counts", personas=s.personas, sessions=s.sessions, notes=s.notes)
            problems = f"  {self.t('home.problems', count=s.problems)}" if s.problems else ""
            options.append(Option(f"{s.title}\n  {counts}{problems}", id=s.slug))
        return options

    def _empty_text(self) -> str:
        if self.summaries is None:
            return self.t("home.loading")
        return self.t("home.empty", folder=self.app.sessions)

    def _show_state(self) -> None:
        has_any = bool(self.summaries)
        self.query_one("#workshops").display = has_any
        empty = self.query_one("#empty", Static)
        empty.display = not has_any
        empty.update(self._empty_text())

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def load(self) -> None:
        """Read the folder off the UI thread: from the kept summaries (no pydantic, no notes)
        first, then make the store ready for opening."""
        from ...store.listing import list_workshops

        worker = get_current_worker()
        try:
            app = self.app
            summaries = list_workshops(
                app.sessions, lambda folder: app.ensure_shelf().store.summarise(folder)
            )
        except Exception as error:
            self.app.call_from_thread(self.app.show_error, error)
            summaries = []
        self.app.call_from_thread(self._loaded_by, worker, summaries)
        self.app.call_from_thread(self.call_after_refresh, self._prepare_store)

    def _loaded_by(self, worker: Worker[None], summaries: list[WorkshopSummary]) -> None:
        """A listing's result, unless a newer listing replaced it: a cancelled thread worker
        runs on, and its older list (read before a delete, say) must not overwrite the new one.
        Checked on the UI thread, where workers are cancelled, so the order is certain."""
        if not worker.is_cancelled:
            self._loaded(summaries)

    def _loaded(self, summaries: list[WorkshopSummary]) -> None:
        self._show(summaries)
        self._show_state()

    @work(thread=True, exclusive=True, exit_on_error=False, group="store")
    def _prepare_store(self) -> None:
        """Load the store (and pydantic) once the list is on screen: importing it on a thread
        while the list paints would take the GIL from the paint."""
        try:
            self.app.ensure_shelf()
        except Exception as error:
            self.app.call_from_thread(self.app.show_error, error)

    def _show(self, summaries: list[WorkshopSummary]) -> None:
        chosen = self._selected_slug()
        self.summaries = summaries
        workshops = self.query_one("#workshops", OptionList)
        workshops.clear_options()
        workshops.add_options(self._options())
        slugs = [s.slug for s in summaries]
        if summaries:
            workshops.highlighted = slugs.index(chosen) if chosen in slugs else 0

    def _selected_slug(self) -> str | None:
        workshops = self.query_one("#workshops", OptionList)
        option = workshops.highlighted_option
        return option.id if option is not None else None

    def _selected(self) -> WorkshopSummary | None:
        slug = self._selected_slug()
        return next((s for s in self.summaries or [] if s.slug == slug), None)

    @on(OptionList.OptionSelected, "#workshops")
    def workshop_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    # -- actions -------------------------------------------------------------------------

    @work(exclusive=True, group="home action")
    @guarded
    async def action_new(self) -> None:
        from .workshop_form import WorkshopFormScreen  # deferred: first paint without pydantic

        shelf = await asyncio.to_thread(self.app.ensure_shelf)
        workshop = await self.app.ask(WorkshopFormScreen())
        if workshop is not None:
            await self._show_bench(await asyncio.to_thread(shelf.create, workshop))

    def action_open(self) -> None:
        slug = self._selected_slug()
        if slug is not None:
            self.open(slug)

    @work(exclusive=True, group="open")
    @guarded
    async def open(self, slug: str) -> None:
        from ...workbench import CannotOpenError  # deferred: first paint without pydantic

        shelf = await asyncio.to_thread(self.app.ensure_shelf)
        try:
            bench = await asyncio.to_thread(shelf.open, slug)
        except CannotOpenError as problem:
            self.notify(self.t("home.cannot_open", problem=str(problem)), severity="error", timeout=10)
            return
        await self._show_bench(bench)

    async def _show_bench(self, bench: Workbench) -> None:
        """Open the workshop screen and wait until it is mounted: a worker that is done has
        finished what it shows, so the next key goes to the new screen."""
        from .workshop import WorkshopScreen  # deferred: first paint without pydantic

        self.app.opened(bench)
        await self.app.push_screen(WorkshopScreen(bench))

    @work(exclusive=True, group="home action")
    @guarded
    async def action_rename(self) -> None:
        summary = self._selected()
        if summary is None:
            return
        title = await self.app.ask(TextPromptScreen(self.t("home.rename"), summary.title))
        if not title:
            return
        renamed = await asyncio.to_thread(self.app.ensure_shelf().rename, summary.slug, title)
        if renamed:
            self.load()

    @work(exclusive=True, group="home action")
    @guarded
    async def action_delete(self) -> None:
        summary = self._selected()
        if summary is None:
            return
        trash = f"{self.app.sessions}/.trash"
        question = ConfirmScreen(self.t("home.delete", title=summary.title, trash=trash), danger=True)
        if not await self.app.ask(question):
            return
        await asyncio.to_thread(self.app.ensure_shelf().delete, summary.slug)
        self.notify(self.t("home.deleted", title=summary.title, trash=trash))
        self.load()
