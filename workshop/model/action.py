"""Actions: the improvements a workshop commits to, traceable to their evidence."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import Id, Item, Line, Text

ActionStatus = Literal["open", "in-progress", "done", "dropped"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("open", "in-progress", "done", "dropped")


class Action(Item):
    text: Text = Field(min_length=1)
    owner: Line = ""
    due: dt.date | None = None
    status: ActionStatus = "open"
    sources: list[Id] = []
    """Ids of the notes, items or observations this action came from."""

    @classmethod
    def id_prefix(cls) -> str:
        return "act"


def parse_owner_and_due(answer: str) -> tuple[str, dt.date | None]:
    """`Petra Smit; 2026-12-15` → owner and due date, as typed in one line when a note becomes
    an action. A date that is not yyyy-mm-dd raises ValueError naming what was typed."""
    owner, _, due_text = (part.strip() for part in answer.partition(";"))
    if not due_text:
        return owner, None
    try:
        return owner, dt.date.fromisoformat(due_text)
    except ValueError:
        raise ValueError(due_text) from None
