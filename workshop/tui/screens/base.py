"""What every screen shares: labels in the app's language, switched in place, and errors shown."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from textual import getters
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from ..commands import localise_bindings
from ..host import WorkshopHost
from ..i18n import Lang, t
from ..widgets.caption import Caption

__all__ = ["BaseModal", "BaseScreen", "Labelled", "guarded", "localise_bindings"]

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

    def document_changed(self, document_id: str) -> None:
        """Another writer's changes to a document were taken in: redraw what shows it."""


class BaseModal(Labelled, ModalScreen[R]):
    """A dialog that answers with an R; awaited with `push_screen_wait` in a worker."""

    def on_mount(self) -> None:
        self.follow_language()
        self.refresh_bindings()
