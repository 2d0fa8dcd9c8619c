"""What every screen shares: labels in the app's language, switched in place, and errors shown."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import getters
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from ..commands import localise_bindings
from ..host import WorkshopHost
from ..i18n import Lang, t
from ..widgets.caption import Caption
from ..widgets.capture_input import CaptureInput

if TYPE_CHECKING:
    from ...workbench import Workbench

__all__ = ["BaseModal", "BaseScreen", "Labelled", "TakesLines", "guarded", "localise_bindings"]

F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R")


def guarded(method: F) -> F:
    """An exception in a handler would end the app with a traceback: show one line instead."""
    if asyncio.iscoroutinefunction(method):

        @functools.wraps(method)
        async def async_wrapper(self: Labelled, *args: Any, **kwargs: Any) -> Any:
            try:
                return await method(self, *args, **kwargs)
            except Exception as error:
                self.app.show_error(error)
                return None

        return async_wrapper  # type: ignore[return-value]  # same signature: functools.wraps keeps it

    @functools.wraps(method)
    def wrapper(self: Labelled, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as error:
            self.app.show_error(error)
            return None

    return wrapper  # type: ignore[return-value]  # same signature: functools.wraps keeps it


class Labelled(DOMNode):
    """Base of our screens: `self.t(key)` in the app's current language, labels that follow a
    language switch in place, and the app typed."""

    app = getters.app(WorkshopHost)

    @property
    def lang(self) -> Lang:
        return self.app.language

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    _following = False

    def follow_language(self) -> None:
        """Relabel in place on every language switch, also while covered by another screen.
        (Textual calls `on_mount` of every class in the MRO, so this may run twice: once counts.)"""
        localise_bindings(self, self.lang)
        if not self._following:
            self._following = True
            self.app.language_changed.subscribe(self, self._language_changed)

    def _language_changed(self, lang: Lang) -> None:
        localise_bindings(self, lang)
        for caption in self.query(Caption):
            caption.relabel(lang)
        self.relabel()
        self.refresh_bindings()

    def relabel(self) -> None:
        """Update what this screen wrote in words, in place; captions update themselves."""


class BaseScreen(Labelled, Screen[R]):
    """A full screen of the app; one that answers (a form) is pushed and awaited."""

    document_id: str | None = None
    """The document this screen shows, so a reload can open it again."""

    def on_mount(self) -> None:
        self.follow_language()
        self.refresh_bindings()


class TakesLines(Labelled):
    """A live screen whose capture field is a `CaptureInput`: a paste of several lines asks
    once, showing the count, then becomes one note per line through `take_line`."""

    bench: Workbench

    def take_line(self, value: str) -> None:
        raise NotImplementedError

    def unlink(self, item_id: str) -> Callable[[], None]:
        """For a live session's delete: take the item out of every action and theme citing it;
        what puts the references back on undo."""
        dropped = self.bench.uncite(item_id)
        return lambda: self.bench.recite(dropped)

    async def may_delete(self, item_id: str) -> bool:
        """True when nothing cites the item, or the user agrees to take it out of the actions."""
        from .dialogs import ConfirmScreen  # dialogs import this module

        citing = self.bench.citing(item_id)
        if not citing:
            return True
        actions = "; ".join(f"“{action.text[:40]}”" for action in citing[:3])
        question = self.t("delete.cited", count=len(citing), actions=actions)
        return await self.app.ask(ConfirmScreen(question, danger=True))

    def on_capture_input_lines_pasted(self, event: CaptureInput.LinesPasted) -> None:
        event.stop()
        self.app.run_worker(self._paste(event.lines), group="paste", exclusive=True)

    async def _paste(self, lines: list[str]) -> None:
        from .dialogs import ConfirmScreen  # dialogs import this module

        count = len(lines)
        confirm = ConfirmScreen(
            self.t("paste.lines", count=count),
            yes=self.t("paste.yes", count=count),
            no=self.t("paste.no"),
        )
        if await self.app.ask(confirm):
            for line in lines:
                self.take_line(line)


class BaseModal(Labelled, ModalScreen[R]):
    """A dialog that answers with an R; awaited with `push_screen_wait` in a worker."""

    def on_mount(self) -> None:
        self.follow_language()
        self.refresh_bindings()
