"""The shape every provider shares: a list of entries, searched by Textual's fuzzy matcher."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from textual.command import Hit, Hits, Provider
from textual.types import IgnoreReturnCallbackType

from ..i18n import Lang


class Entry(NamedTuple):
    """One line of the palette: what it says, a line of help, and what choosing it does."""

    title: str
    help: str
    run: IgnoreReturnCallbackType


class EntryProvider(Provider):
    """Search over `entries()`; subclasses that should list themselves in an empty palette
    also implement `discover`."""

    @property
    def lang(self) -> Lang:
        language = getattr(self.app, "language", "nl")
        return "en" if language == "en" else "nl"

    def entries(self) -> Iterable[Entry]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self.entries():
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.title), entry.run, text=entry.title, help=entry.help)
