"""What every screen shares: labels in the app's language and errors shown, not raised."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from ..commands import localise_bindings
from ..i18n import t

__all__ = ["BaseModal", "BaseScreen", "Labelled", "guarded", "localise_bindings"]

F = TypeVar("F", bound=Callable[..., Any])


def guarded(method: F) -> F:
    """An exception in a handler would end the app with a traceback: show one line instead."""
    if asyncio.iscoroutinefunction(method):

        @functools.wraps(method)
        async def async_wrapper(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
            try:
                return await method(self, *args, **kwargs)
            except Exception as error:
                self.app.show_error(error)  # type: ignore[attr-defined]
                return None

        return async_wrapper  # type: ignore[return-value]

    @functools.wraps(method)
    def wrapper(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as error:
            self.app.show_error(error)  # type: ignore[attr-defined]
            return None

    return wrapper  # type: ignore[return-value]


class Labelled:
    """Mixin: `self.t(key)` in the app's current language."""

    @property
    def lang(self) -> str:
        return getattr(self.app, "language", "nl")  # type: ignore[attr-defined]

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)


class BaseScreen(Labelled, Screen[Any]):
    """A full screen; redraws itself when the language changed while it was covered."""

    def ask_for_action(self, prompt: str, text: str, source: str, add: Callable[[Any], None]) -> None:
        """Turn a note into an action with one line, `owner; yyyy-mm-dd`; `add` keeps it."""
        from ...model import Action
        from ...model.action import parse_owner_and_due
        from .dialogs import TextPromptScreen

        def done(answer: str | None) -> None:
            if not answer:
                return
            try:
                owner, due = parse_owner_and_due(answer)
            except ValueError as error:
                self.notify(self.t("gemba.bad_date", value=str(error)), severity="error")
                return
            add(Action(text=text, owner=owner, due=due, sources=[source]))
            self.notify(self.t("gemba.action_made", owner=owner or "–"))

        self.app.push_screen(TextPromptScreen(prompt), done)

    document_id: str | None = None
    """The document this screen shows, so a reload can open it again."""

    def on_mount(self) -> None:
        self._lang = self.lang
        localise_bindings(self, self.lang)
        self.refresh_bindings()

    def on_screen_resume(self) -> None:
        if getattr(self, "_lang", self.lang) != self.lang:
            self.relabel()

    def relabel(self) -> None:
        self._lang = self.lang
        localise_bindings(self, self.lang)
        self.refresh_bindings()
        self.call_later(self.recompose)


class BaseModal(Labelled, ModalScreen[Any]):
    def on_mount(self) -> None:
        localise_bindings(self, self.lang)
        self.refresh_bindings()
