"""The save status under every screen: saved, saving, or what went wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.widgets import Static

from ..host import WorkshopHost
from ..i18n import Lang, t

if TYPE_CHECKING:
    from ...store.autosave import SaveStatus


class StatusLine(Static):
    """Shows the saver's last status in the app's language; follows both as they change."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; color: $text-muted; background: $panel; }
    StatusLine.-error { color: $text-error; background: $error-muted; text-style: bold; }
    StatusLine.-saved { color: $text-success; }
    """

    app = getters.app(WorkshopHost)

    def on_mount(self) -> None:
        self.app.save_status_changed.subscribe(self, self._status_changed)
        self.app.language_changed.subscribe(self, self._language_changed)
        self.show()

    def _status_changed(self, _status: SaveStatus) -> None:
        self.show()

    def _language_changed(self, _lang: Lang) -> None:
        self.show()

    def show(self) -> None:
        """Redraw from the app's current status and language."""
        status = self.app.save_status
        # Before the first save there is nothing to call saved: say so instead.
        state = status.state if status is not None else "idle"
        message = status.message if status is not None else ""
        self.set_class(state in ("error", "conflict"), "-error")
        self.set_class(state == "saved", "-saved")
        self.update(t(self.app.language, f"status.{state}", message=message))
