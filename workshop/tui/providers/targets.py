"""What a screen offers to the data providers: small protocols, so a provider needs no screen
class (nor the domain model) at import time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol, runtime_checkable


class Choice(NamedTuple):
    """One thing to pick by name: its id, what the palette shows, and a line of help."""

    id: str
    name: str
    help: str = ""


@runtime_checkable
class RouteTarget(Protocol):
    """A screen with a route: the gemba walk."""

    def route_choices(self) -> Sequence[Choice]:
        """The route's steps in walking order; `help` is the step's phase, in the UI language."""
        ...

    def go_to_step(self, step_id: str) -> None: ...


@runtime_checkable
class PeopleTarget(Protocol):
    """A screen where one person is current: the observer of a walk, the arena's speaker."""

    def people_choices(self) -> Sequence[Choice]: ...

    def choose_person(self, person_id: str) -> None: ...

    @property
    def person_role(self) -> str:
        """`observer` or `speaker`: what the palette calls the person."""
        ...
