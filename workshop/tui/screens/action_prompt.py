"""Turn a note into an action with one line, `owner; yyyy-mm-dd`: the prompt, awaited."""

from __future__ import annotations

from ...model import Action
from ...model.action import parse_owner_and_due
from .base import BaseScreen
from .dialogs import TextPromptScreen


async def ask_for_action(screen: BaseScreen[None], prompt: str, text: str, source: str) -> Action | None:
    """The action the user typed for the note `text` (item `source`); None when cancelled or
    the date is not a date (the user is told). Call from a worker: it awaits the prompt."""
    answer = await screen.app.ask(TextPromptScreen(prompt))
    if not answer:
        return None
    try:
        owner, due = parse_owner_and_due(answer)
    except ValueError as error:
        screen.notify(screen.t("gemba.bad_date", value=str(error)), severity="error")
        return None
    screen.notify(screen.t("gemba.action_made", owner=owner or "–"))
    return Action(text=text, owner=owner, due=due, sources=[source])
