"""What the three live screens share: a capture field that takes pasted lines, and deletes that
never leave an action or theme pointing at nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..widgets.capture_input import CaptureInput
from .base import Labelled
from .dialogs import ConfirmScreen

if TYPE_CHECKING:
    from ...workbench import Workbench


class TakesLines(Labelled):
    """A live screen whose capture field is a `CaptureInput`: a paste of several lines asks
    once, showing the count, then becomes one note per line through `take_line`."""

    bench: Workbench

    def take_line(self, value: str) -> None:
        raise NotImplementedError

    def unlink(self, item_id: str) -> Callable[[], None]:
        """For a live session's delete: take the item out of every action and theme citing it;
        what puts the references back on undo."""
        dropped = self.bench.uncite(item_id)
        return lambda: self.bench.recite(dropped)

    async def may_delete(self, item_id: str) -> bool:
        """True when nothing cites the item, or the user agrees to take it out of the actions."""
        citing = self.bench.citing(item_id)
        if not citing:
            return True
        actions = "; ".join(f"“{action.text[:40]}”" for action in citing[:3])
        question = self.t("delete.cited", count=len(citing), actions=actions)
        return await self.app.ask(ConfirmScreen(question, danger=True))

    def leave(self) -> None:
        """Back to the workshop. A line typed but not yet entered is never dropped by Esc: the
        user first says whether it becomes a note (Esc again, or "stay", keeps it in the field)."""
        draft = self.query_one(CaptureInput).value.strip()
        if not draft:
            self.app.pop_screen()
            return
        self.app.run_worker(self._leave_with(draft), group="leave", exclusive=True)

    async def _leave_with(self, draft: str) -> None:
        shown = draft if len(draft) <= 60 else draft[:59] + "…"
        confirm = ConfirmScreen(
            self.t("leave.draft", text=shown), yes=self.t("leave.keep"), no=self.t("leave.stay")
        )
        capture = self.query_one(CaptureInput)
        if not await self.app.ask(confirm):
            capture.focus()
            return
        capture.value = ""
        self.take_line(draft)
        self.app.pop_screen()

    def on_capture_input_lines_pasted(self, event: CaptureInput.LinesPasted) -> None:
        event.stop()
        self.app.run_worker(self._paste(event.lines), group="paste", exclusive=True)

    async def _paste(self, lines: list[str]) -> None:
        count = len(lines)
        confirm = ConfirmScreen(
            self.t("paste.lines", count=count),
            yes=self.t("paste.yes", count=count),
            no=self.t("paste.no"),
        )
        if await self.app.ask(confirm):
            for line in lines:
                self.take_line(line)
