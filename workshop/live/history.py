"""Undo and redo for a live session: each change knows how to take itself back and redo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

UNDO_LIMIT = 200

Unlink = Callable[[str], Callable[[], None]]
"""Takes a deleted item's id out of whatever cites it (actions, themes) and returns how to put
those references back; given by the screen (the workbench's uncite/recite), so that a delete
never leaves a dangling source and its undo restores the links too."""


def no_links(_item_id: str) -> Callable[[], None]:
    return lambda: None


@dataclass
class Change:
    kind: str
    """What it was, for the message: "log", "note", "edit", "delete"."""
    undo: Callable[[], None]
    redo: Callable[[], None]


@dataclass
class History:
    """The changes of one session, newest last; `on_change(immediately)` runs after each move
    (True only for a change recorded as `immediately`: a typed line saved at once)."""

    on_change: Callable[[bool], None] = lambda immediately: None
    done: list[Change] = field(default_factory=list)
    undone: list[Change] = field(default_factory=list)

    def record(
        self, kind: str, undo: Callable[[], None], redo: Callable[[], None], immediately: bool = False
    ) -> None:
        self.done.append(Change(kind, undo, redo))
        del self.done[:-UNDO_LIMIT]
        self.undone.clear()
        self.on_change(immediately)

    def undo(self) -> str | None:
        """Take back the last change; its kind, or None when there is nothing to undo."""
        if not self.done:
            return None
        change = self.done.pop()
        change.undo()
        self.undone.append(change)
        self.on_change(False)
        return change.kind

    def redo(self) -> str | None:
        """Do again what was last undone; its kind, or None."""
        if not self.undone:
            return None
        change = self.undone.pop()
        change.redo()
        self.done.append(change)
        self.on_change(False)
        return change.kind
