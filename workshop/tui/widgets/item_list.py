"""A list of one-line items drawn line by line (Textual's line API).

Only the visible lines are rendered, so a section with 10,000 items costs what one with 10
costs; adding an item updates the virtual height and one line, never re-renders the list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..commands import bindings

Row = tuple[str, str, str]
"""(marker, text, tag): marker is "pain", "gain" or "", tag a short suffix such as a phase."""


class ItemList(ScrollView, can_focus=True):
    """The items of one section; the cursor marks the item that keys act on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("list_up", "list_down", "list_page_up", "list_page_down", "list_first", "list_last")
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "item-list--cursor",
        "item-list--pain",
        "item-list--gain",
        "item-list--tag",
        "item-list--empty",
    }
    DEFAULT_CSS = """
    ItemList { overflow-x: hidden; }
    ItemList > .item-list--cursor { background: $accent 30%; }
    ItemList:focus > .item-list--cursor { background: $accent 60%; text-style: bold; }
    ItemList > .item-list--pain { color: $error; text-style: bold; }
    ItemList > .item-list--gain { color: $success; text-style: bold; }
    ItemList > .item-list--tag { color: $text-muted; }
    ItemList > .item-list--empty { color: $text-muted; text-style: italic; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    def __init__(
        self,
        items: Sequence[Any],
        row: Callable[[Any], Row],
        empty_text: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.items = items
        """The live list (shared with the session): the widget reads it, never copies it."""
        self.row = row
        self.empty_text = empty_text

    def on_mount(self) -> None:
        self.sync(scroll_end=False)

    # -- updates -------------------------------------------------------------------------

    def sync(self, scroll_end: bool = False) -> None:
        """The list changed: update the height and redraw what is visible."""
        self.virtual_size = Size(max(1, self.size.width), len(self.items))
        if scroll_end and self.items:
            self.cursor = len(self.items) - 1
        else:
            self.cursor = min(self.cursor, max(0, len(self.items) - 1))
        self._scroll_cursor_into_view()
        self.refresh()

    def appended(self) -> None:
        """One item was added at the end: move the cursor to it."""
        self.virtual_size = Size(max(1, self.size.width), len(self.items))
        old = self.cursor
        self.cursor = len(self.items) - 1
        self._scroll_cursor_into_view()
        self.refresh_line(old)
        self.refresh_line(self.cursor)

    def current(self) -> Any | None:
        if 0 <= self.cursor < len(self.items):
            return self.items[self.cursor]
        return None

    def select(self, item: Any) -> None:
        for index in range(len(self.items) - 1, -1, -1):
            if self.items[index] is item:
                self.cursor = index
                self._scroll_cursor_into_view()
                self.refresh()
                return

    # -- keys ----------------------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        if not self.items:
            return
        old = self.cursor
        self.cursor = max(0, min(len(self.items) - 1, self.cursor + delta))
        self._scroll_cursor_into_view()
        self.refresh_line(old)
        self.refresh_line(self.cursor)

    def action_cursor_to(self, index: int) -> None:
        if self.items:
            self.action_cursor((index % len(self.items)) - self.cursor)

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height or self.size.height
        if height <= 0:
            return
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    # -- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        index = round(self.scroll_y) + y
        if not self.items:
            if y == 0 and self.empty_text:
                style = base + self.get_component_rich_style("item-list--empty")
                return Strip([Segment(self.empty_text, style)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if index >= len(self.items):
            return Strip.blank(width, base)
        marker, text, tag = self.row(self.items[index])
        line_style = base
        if index == self.cursor:
            line_style = base + self.get_component_rich_style("item-list--cursor")
        segments = [self._marker(marker, line_style)]
        text = " ".join(text.split())
        room_for_tag = width // 3 - 3
        if tag and room_for_tag >= 4:
            tag = tag if len(tag) <= room_for_tag else tag[: room_for_tag - 1] + "…"
            tag_text = f" [{tag}]"
        else:
            tag_text = ""
        room = max(1, width - 2 - len(tag_text))
        if len(text) > room:
            text = text[: max(0, room - 1)] + "…"
        segments.append(Segment(text, line_style))
        if tag_text:
            tag_style = line_style + self.get_component_rich_style("item-list--tag")
            segments.append(Segment(tag_text, Style.combine([tag_style])))
        return Strip(segments).adjust_cell_length(width, line_style)

    def _marker(self, marker: str, line_style: Style) -> Segment:
        if marker == "pain":
            return Segment("− ", line_style + self.get_component_rich_style("item-list--pain"))
        if marker == "gain":
            return Segment("+ ", line_style + self.get_component_rich_style("item-list--gain"))
        return Segment("· ", line_style)
