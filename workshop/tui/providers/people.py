"""Pick the observer of a walk or the speaker in the arena by name."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from ..i18n import t
from .base import Entry, EntryProvider
from .targets import PeopleTarget


class PeopleCommands(EntryProvider):
    def entries(self) -> Iterable[Entry]:
        screen = self.screen
        if not isinstance(screen, PeopleTarget):
            return
        for person in screen.people_choices():
            title = t(self.lang, f"palette.{screen.person_role}", name=person.name)
            yield Entry(title, person.help, partial(screen.choose_person, person.id))
