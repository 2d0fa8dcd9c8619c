"""Helpers that drive the app like a user and wait for conditions, never for time."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from workshop.tui.host import WorkshopHost
from workshop.tui.widgets.status_line import StatusLine


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def _quiet(app: WorkshopHost) -> bool:
    """No worker at work and no message waiting in the app or on the current screen.

    The one place these tests read a private Textual structure (`_message_queue`), pinned by
    the Textual release in the test extra."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return not app.busy_workers() and all(node._message_queue.empty() for node in nodes)


async def settle(pilot: Pilot[None], rounds: int = 200) -> None:
    """Until the app is quiet: every worker done (one that waits for a dialog's answer waits
    for the user, not for the app) and every message handled, including the ones that
    handling posted. A condition, not a time: `pilot.pause()` alone decides "idle" from CPU
    time, which a loaded machine makes look idle too early."""
    app = pilot.app
    assert isinstance(app, WorkshopHost)
    for _ in range(rounds):
        busy = app.busy_workers()
        if busy:
            await app.workers.wait_for_complete(busy)
        await pilot.pause()
        if _quiet(app):
            return
    raise AssertionError(f"the app did not settle: {app.busy_workers()}")


async def wait_until(pilot: Pilot[None], predicate: Callable[[], object], timeout: float = 10.0) -> None:
    """Until `predicate()` holds; `timeout` only ends a test that would otherwise hang."""
    for _ in range(int(timeout / 0.02)):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not reached")


def shows(app: WorkshopHost, screen_name: str) -> bool:
    """The current screen is `screen_name` and has mounted: its widgets are there and its keys
    work. A pushed screen becomes `app.screen` before it has composed, so the class alone is
    not enough to read it or press its keys."""
    screen = app.screen
    return screen.__class__.__name__ == screen_name and screen.is_mounted


def status_text(app: WorkshopHost) -> str:
    return str(app.screen.query_one(StatusLine).content)
