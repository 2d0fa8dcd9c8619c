"""The commands of the screen the palette was opened on, then the app's own: only commands from
our registry, in the UI language, each once, with its keys as help."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.command import DiscoveryHit, Hits
from textual.dom import DOMNode

from ..commands import Command, command_for, listing_order
from .base import Entry, EntryProvider


def active_commands(provider: EntryProvider) -> list[tuple[Command, DOMNode, list[str]]]:
    """Registry commands bound and enabled on the screen now: the command, the node whose
    binding runs it, and its keys as shown (after the user's keymap). The screen's first, the
    app-wide ones last, each in registry order."""
    found: dict[str, tuple[Command, DOMNode, list[str]]] = {}
    for active in provider.screen.active_bindings.values():
        command = command_for(active.binding)
        if command is None or not command.palette or not active.enabled:
            continue
        _, _, keys = found.setdefault(command.id, (command, active.node, []))
        shown = provider.app.get_key_display(active.binding)
        if shown not in keys:
            keys.append(shown)
    return sorted(found.values(), key=lambda item: listing_order(item[0]))


class ScreenCommands(EntryProvider):
    def entries(self) -> Iterable[Entry]:
        lang = self.lang
        for command, node, keys in active_commands(self):
            run = partial(self.app.run_action, command.action, node)
            yield Entry(command.description(lang), " · ".join(keys), run)

    async def discover(self) -> Hits:
        for entry in self.entries():
            yield DiscoveryHit(entry.title, entry.run, text=entry.title, help=entry.help)
