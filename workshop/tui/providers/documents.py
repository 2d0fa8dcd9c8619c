"""Open by name: a workshop from the home screen; a persona or session of the open workshop
from any of its screens."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any, Protocol, runtime_checkable

from ..i18n import t
from .base import Entry, EntryProvider

_KINDS = {"EmpathyMap": "palette.map", "CustomerArena": "palette.arena", "GembaWalk": "palette.walk"}


@runtime_checkable
class WorkshopList(Protocol):
    """The home screen: the workshops it lists, and opening one."""

    summaries: Sequence[Any] | None

    def open(self, slug: str) -> Any: ...


class WorkshopCommands(EntryProvider):
    def entries(self) -> Iterable[Entry]:
        screen = self.screen
        if not isinstance(screen, WorkshopList):
            return
        for summary in screen.summaries or ():
            title = t(self.lang, "palette.open_workshop", title=summary.title)
            yield Entry(title, summary.slug, partial(screen.open, summary.slug))


def open_bundle(app: Any) -> Any | None:
    """The open workshop's bundle, if one is open (the one place that knows where it lives)."""
    loaded = getattr(app, "loaded", None)
    return getattr(loaded, "bundle", None)


class DocumentCommands(EntryProvider):
    def entries(self) -> Iterable[Entry]:
        bundle = open_bundle(self.app)
        if bundle is None:
            return
        lang = self.lang
        for persona in bundle.personas:
            title = t(lang, "palette.persona", name=persona.name)
            yield Entry(title, persona.segment, partial(self.open_document, persona.id))
        for document in bundle.sessions():
            kind = t(lang, _KINDS.get(type(document).__name__, "palette.session"))
            yield Entry(f"{kind}: {document.title}", "", partial(self.open_document, document.id))

    async def open_document(self, document_id: str) -> None:
        """Back to the workshop screen, then the document's screen on top of it."""
        from ..screens.workshop import WorkshopScreen, screen_for  # screens load the domain model

        app = self.app
        while len(app.screen_stack) > 2 and not isinstance(app.screen, WorkshopScreen):
            await app.pop_screen()
        bench = getattr(app, "bench", None)
        screen = screen_for(bench, document_id) if bench is not None else None
        if screen is not None:
            await app.push_screen(screen)
