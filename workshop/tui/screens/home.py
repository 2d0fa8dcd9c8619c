"""Home: the workshops in the sessions folder, with counts; create, open, rename, delete.

Imports nothing of the domain model: when every workshop's kept summary is fresh the list is
in the first frame (a stat per file, one small TOML read per workshop); otherwise it is read on
a worker thread after first paint. The store, with pydantic, loads once the list is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..commands import bindings
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded

if TYPE_CHECKING:
    from ...store.listing import WorkshopSummary


class HomeScreen(BaseScreen):
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
            yield Static(self.t("app.title"), id="home-title", markup=False)
            yield Static(self.t("home.folder", folder=self.app.sessions), id="folder", markup=False)  # type: ignore[attr-defined]
            yield OptionList(*self._options(), id="workshops")
            yield Static(self._empty_text(), id="empty", markup=False)
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show_state()
        if self.summaries is None:
            from ...store.listing import fresh_summaries

            try:
                known = fresh_summaries(self.app.sessions)  # type: ignore[attr-defined]
            except Exception:  # an unreadable folder: the worker reports it
                known = None
            if known is None:
                self.load()  # some summary must be made again: off the UI thread
            else:
                self._show(known)  # in the first frame
                self._listed_at_mount = True
                self.call_after_refresh(self._prepare_store)

    def on_screen_resume(self) -> None:
        if self._listed_at_mount:  # the first resume follows the mount that just listed
            self._listed_at_mount = False
        elif self.summaries is not None:
            self.load()

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
        return self.t("home.empty", folder=self.app.sessions)  # type: ignore[attr-defined]

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

        try:
            app = self.app
            summaries = list_workshops(
                app.sessions,  # type: ignore[attr-defined]
                lambda folder: app.ensure_store().summarise(folder),  # type: ignore[attr-defined]
            )
        except Exception as error:
            self.app.call_from_thread(self.app.show_error, error)  # type: ignore[attr-defined]
            summaries = []
        self.app.call_from_thread(self._show, summaries)
        self.app.call_from_thread(self.call_after_refresh, self._prepare_store)

    @work(thread=True, exclusive=True, exit_on_error=False, group="store")
    def _prepare_store(self) -> None:
        """Load the store (and pydantic) once the list is on screen: importing it on a thread
        while the list paints would take the GIL from the paint."""
        try:
            self.app.ensure_store()  # type: ignore[attr-defined]
        except Exception as error:
            self.app.call_from_thread(self.app.show_error, error)  # type: ignore[attr-defined]

    def _show(self, summaries: list[WorkshopSummary]) -> None:
        chosen = self._selected_slug()
        self.summaries = summaries
        workshops = self.query_one("#workshops", OptionList)
        workshops.clear_options()
        workshops.add_options(self._options())
        slugs = [s.slug for s in summaries]
        if summaries:
            workshops.highlighted = slugs.index(chosen) if chosen in slugs else 0
        self._show_state()

    def _selected_slug(self) -> str | None:
        workshops = self.query_one("#workshops", OptionList)
        option = workshops.highlighted_option
        return option.id if option is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    # -- actions -------------------------------------------------------------------------

    @guarded
    def action_new(self) -> None:
        from .workshop_form import WorkshopFormScreen

        self.app.ensure_store()  # type: ignore[attr-defined]
        self.app.push_screen(WorkshopFormScreen())

    @guarded
    def action_open(self) -> None:
        slug = self._selected_slug()
        if slug is not None:
            self.open(slug)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def open(self, slug: str) -> None:
        try:
            loaded = self.app.ensure_store().load(slug)  # type: ignore[attr-defined]
        except Exception as error:
            self.app.call_from_thread(self.app.show_error, error)  # type: ignore[attr-defined]
            return
        if loaded.bundle is None:
            problem = loaded.problems[0] if loaded.problems else slug
            self.app.call_from_thread(
                self.notify, self.t("home.cannot_open", problem=problem), severity="error", timeout=10
            )
            return
        self.app.call_from_thread(self.app.open_loaded, loaded)  # type: ignore[attr-defined]

    @guarded
    def action_rename(self) -> None:
        from .dialogs import TextPromptScreen

        slug = self._selected_slug()
        summary = next((s for s in self.summaries or [] if s.slug == slug), None)
        if summary is None:
            return

        @guarded
        def rename(_self: HomeScreen, title: str | None) -> None:
            if not title or not title.strip() or title.strip() == summary.title:
                return
            app = self.app
            store = app.ensure_store()  # type: ignore[attr-defined]
            loaded = store.load(summary.slug)
            if loaded.bundle is None:
                raise ValueError(str(loaded.problems[0]) if loaded.problems else summary.slug)
            with app.autosaver.lock:  # type: ignore[attr-defined]
                loaded.bundle.workshop.title = title.strip()
                store.save(loaded, loaded.bundle.workshop)
            self.load()

        self.app.push_screen(
            TextPromptScreen(self.t("home.rename"), summary.title), lambda value: rename(self, value)
        )

    @guarded
    def action_delete(self) -> None:
        from .dialogs import ConfirmScreen

        slug = self._selected_slug()
        summary = next((s for s in self.summaries or [] if s.slug == slug), None)
        if summary is None:
            return
        trash = f"{self.app.sessions}/.trash"  # type: ignore[attr-defined]

        @guarded
        def delete(_self: HomeScreen, sure: bool | None) -> None:
            if not sure:
                return
            app = self.app
            store = app.ensure_store()  # type: ignore[attr-defined]
            with app.autosaver.lock:  # type: ignore[attr-defined]
                store.delete_workshop(summary.slug)
            self.notify(self.t("home.deleted", title=summary.title, trash=trash))
            self.load()

        self.app.push_screen(
            ConfirmScreen(self.t("home.delete", title=summary.title, trash=trash), danger=True),
            lambda sure: delete(self, sure),
        )
