"""A one-line capture field that takes its line at Enter, before any later key lands.

Textual's `Input` posts `Submitted` and leaves the value in place; the screen's handler runs
later, after the field has already taken the next keys of a fast typist or a paste, so a
handler that then clears the field merges or drops lines. `CaptureInput` reads and clears its
own value inside the submit action, so every line reaches the screen exactly once and the next
keys start a fresh line. Enter is taken in the field's own key handler, in order with the
characters around it, not through a binding resolved later. A paste of several lines is never
cut to its first line: the screen gets them all in one `LinesPasted` message and asks.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input


class CaptureInput(Input):
    """An `Input` whose `Submitted` carries a line that is already gone from the field."""

    class LinesPasted(Message):
        """A paste of more than one non-empty line; the field is left as it was."""

        def __init__(self, capture_input: CaptureInput, lines: list[str]) -> None:
            super().__init__()
            self.capture_input = capture_input
            self.lines = lines

        @property
        def control(self) -> CaptureInput:
            return self.capture_input

    async def _on_key(self, event: events.Key) -> None:
        # Enter is a binding, and bindings are resolved after the key has bubbled up to the
        # app, while this field goes on taking the next keys: a fast typist's Enter would land
        # in the middle of the following line. Take it here, in order with the characters.
        # Other keys go on to Input's own handler (Textual calls each class's in turn).
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._take_line()

    async def action_submit(self) -> None:
        self._take_line()

    def _take_line(self) -> None:
        value = self.value
        self.value = ""
        self.post_message(self.Submitted(self, value, None))

    def restore(self, value: str) -> None:
        """Put a refused line back for fixing, unless the user has started a new one."""
        if not self.value:
            self.value = value
            self.cursor_position = len(value)

    def _on_paste(self, event: events.Paste) -> None:
        lines = [line for line in event.text.splitlines() if line.strip()]
        event.stop()
        event.prevent_default()  # Input's own handler would insert the first line as well
        if len(lines) > 1:
            self.post_message(self.LinesPasted(self, lines))
        elif lines:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(lines[0])
            else:
                self.replace(lines[0], *selection)
