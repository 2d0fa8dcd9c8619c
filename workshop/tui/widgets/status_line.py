"""The save status under every screen: saved, saving, or what went wrong."""

from __future__ import annotations

from textual.widgets import Static

from ..i18n import t


class StatusLine(Static):
    """Shows the autosaver's last status in the app's language."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; color: $text-muted; background: $panel; }
    StatusLine.-error { color: $text-error; background: $error-muted; text-style: bold; }
    StatusLine.-saved { color: $text-success; }
    """

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        """Redraw from the app's current status (the app calls this on every change)."""
        app = self.app
        status = getattr(app, "save_status", None)
        lang = getattr(app, "language", "nl")
        state = status.state if status is not None else "saved"
        message = status.message if status is not None else ""
        self.set_class(state in ("error", "conflict"), "-error")
        self.set_class(state == "saved", "-saved")
        self.update(
            t(lang, f"status.{state}", message=message) if message else t(lang, f"status.{state}", message="")
        )
