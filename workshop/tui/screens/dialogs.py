"""Small modal dialogs: confirm, one line of text, pick one of a list. Keyboard first.

Each declares its answer (`bool`, `str | None`) and is awaited with `push_screen_wait`
from a worker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..commands import bindings
from .base import BaseModal


class ConfirmScreen(BaseModal[bool]):
    """Yes or no; y / n / esc work as well as the buttons."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("yes", "no", "other_button")]

    def __init__(
        self,
        message: str,
        title: str = "",
        yes: str | None = None,
        no: str | None = None,
        danger: bool = False,
    ) -> None:
        super().__init__()
        self.message = message
        self.title_text = title
        self.yes = yes
        self.no = no
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.title_text:
                yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.message, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    self.yes or self.t("confirm.yes"), id="yes", variant="error" if self.danger else "primary"
                )
                yield Button(self.no or self.t("confirm.no"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def yes_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def no_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class TextPromptScreen(BaseModal[str | None]):
    """One line of text; Enter accepts, esc cancels."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("cancel")]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            # Not selected on focus: an edit starts at the end of the text, so the first key
            # typed adds to the note instead of replacing it.
            yield Input(self.value, id="value", select_on_focus=False)
            yield Static("", classes="field-error", id="value-error", markup=False)

    @on(Input.Submitted, "#value")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one("#value-error", Static).update(self.t("form.required"))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickScreen(BaseModal[str | None]):
    """Choose one of a short list; a number key picks directly."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("cancel", *(f"pick_{n}" for n in range(1, 10)))]

    def __init__(self, title: str, options: Sequence[tuple[str, str]], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(
                *(Option(f"{n}  {label}", id=key) for n, (key, label) in enumerate(self.options, start=1)),
                id="choices",
            )

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        keys = [key for key, _ in self.options]
        if self.current in keys:
            choices.highlighted = keys.index(self.current)
        choices.focus()

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.options):
            self.dismiss(self.options[number - 1][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
