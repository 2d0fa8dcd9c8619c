"""What the command palette offers: our commands, then data found by name.

Every provider speaks the UI language; data providers answer a search only (an empty palette
lists the commands of the screen, not every step and person)."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import Provider

from .commands import ScreenCommands
from .documents import DocumentCommands, WorkshopCommands
from .people import PeopleCommands
from .route import RouteCommands
from .targets import PeopleTarget, RouteTarget

PROVIDERS: set[type[Provider] | Callable[[], type[Provider]]] = {
    ScreenCommands,
    WorkshopCommands,
    DocumentCommands,
    RouteCommands,
    PeopleCommands,
}

__all__ = [
    "PROVIDERS",
    "DocumentCommands",
    "PeopleCommands",
    "PeopleTarget",
    "RouteCommands",
    "RouteTarget",
    "ScreenCommands",
    "WorkshopCommands",
]
