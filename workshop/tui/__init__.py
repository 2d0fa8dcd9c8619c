"""The terminal app. Import `workshop.tui.app` only when the app runs: it brings in Textual."""
