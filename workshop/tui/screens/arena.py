"""The customer arena, live: the round's purpose, a countdown, and notes typed one line each.

A note line may start with `N:` for speaker N of the round; `+N`/`-N` is the sentiment, `@phase`
a phase, `#touchpoint` a touchpoint, a leading quote mark makes it a quote. F5 starts or pauses
the clock, F6 adds five minutes, F8 goes to the next round; at zero the clock turns red and
counts on, typing goes on."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input, Static

from ...model import Action, ArenaNote, CustomerArena
from ...model.arena_text import SpeakerError, parse_note_line
from ...model.countdown import Countdown
from ..widgets.item_list import ItemList, Row
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded, localise_bindings


class ArenaScreen(BaseScreen):
    CSS_PATH = "arena.tcss"
    AUTO_FOCUS = "#note"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "timer", "key.timer"),
        Binding("f6", "more_time", "key.more_time"),
        Binding("f7", "speaker", "key.speaker"),
        Binding("f8", "next_round", "key.next_round"),
        Binding("ctrl+e", "setup", "key.setup_arena", show=False),
        Binding("escape", "escape", "key.back"),
    ]

    def __init__(self, arena: CustomerArena, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.arena = arena
        self.document_id = arena.id
        self.clock = clock
        started = [r.number for r in sorted(arena.rounds, key=lambda r: r.number) if r.notes]
        self.number = started[-1] if started else 1
        self.countdown = Countdown(self.round.planned_minutes * 60, clock)
        self.speaker_index = 0
        self.signalled = False

    @property
    def round(self) -> Any:
        return self.arena.round(self.number)

    def speakers(self) -> list[Any]:
        return self.arena.speakers_for(self.number)

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self.arena.title, classes="screen-title", markup=False)
        yield Static(self._round_line(), id="round", markup=False)
        yield Static(self.countdown.display(), id="timer", markup=False)
        if self.arena.themes:
            yield Static(
                f"{self.t('arena.themes_short')}: " + " · ".join(self.arena.themes), id="themes", markup=False
            )
        yield NoteList(self.round.notes, self._row, self.t("arena.no_notes"), id="notes")
        yield Static(self._speaker_line(), id="speakers", markup=False)
        yield Input(placeholder=self.t("arena.note"), id="note")
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(0.5, self.tick, name="arena countdown")

    def _round_line(self) -> str:
        return self.t("arena.round", number=self.number, purpose=self.round.purpose)

    def _speaker_line(self) -> str:
        people = self.speakers()
        if not people:
            return self.t("arena.no_speakers")
        parts = []
        for number, person in enumerate(people, start=1):
            name = getattr(person, "alias", None) or person.name
            mark = "▶" if number - 1 == self.speaker_index else " "
            parts.append(f"{mark}{number}: {name}")
        return "  ".join(parts)

    def _row(self, note: ArenaNote) -> Row:
        marker = "pain" if (note.sentiment or 0) < 0 else "gain" if (note.sentiment or 0) > 0 else ""
        speaker = self.arena.speaker_name(note.speaker)
        text = f"“{note.text}”" if note.quote else note.text
        tag = self.app.loaded.bundle.workshop.phase_label(note.phase, self.lang) if note.phase else ""  # type: ignore[attr-defined]
        return marker, f"{speaker}: {text}" if speaker else text, tag

    # -- the clock -----------------------------------------------------------------------

    def tick(self) -> None:
        timer = self.query_one("#timer", Static)
        timer.update(self.countdown.display())
        expired = self.countdown.expired
        timer.set_class(expired, "-over")
        timer.set_class(self.countdown.running, "-running")
        if expired and not self.signalled:
            self.signalled = True
            self.app.bell()
            self.notify(self.t("arena.time_up", number=self.number), severity="warning", timeout=6)

    def action_timer(self) -> None:
        self.countdown.toggle()
        self.tick()

    def action_more_time(self) -> None:
        self.countdown.add(5 * 60)
        self.signalled = self.countdown.expired
        self.tick()

    @guarded
    def action_next_round(self) -> None:
        if self.number == 3:
            self.notify(self.t("arena.last_round"))
            return
        self.number += 1
        self.countdown = Countdown(self.round.planned_minutes * 60, self.clock)
        self.signalled = False
        self.speaker_index = 0
        notes = self.query_one("#notes", ItemList)
        notes.items = self.round.notes
        notes.sync(scroll_end=True)
        self.query_one("#round", Static).update(self._round_line())
        self.query_one("#speakers", Static).update(self._speaker_line())
        self.tick()

    def action_speaker(self) -> None:
        if self.speakers():
            self.speaker_index = (self.speaker_index + 1) % len(self.speakers())
            self.query_one("#speakers", Static).update(self._speaker_line())

    # -- notes ---------------------------------------------------------------------------

    @guarded
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            return
        workshop = self.app.loaded.bundle.workshop  # type: ignore[attr-defined]
        line = parse_note_line(event.value, workshop.phase_list(), workshop.touchpoints)
        if not line.text:
            return
        people = self.speakers()
        try:
            index = line.speaker_index(people, self.speaker_index)
        except SpeakerError as error:
            self.notify(self.t("arena.no_such_speaker", number=error.number), severity="warning")
            return
        note = line.to_note(people, index, dt.datetime.now())
        if index != self.speaker_index:
            self.speaker_index = index
            self.query_one("#speakers", Static).update(self._speaker_line())
        self.round.notes.append(note)
        self.query_one("#notes", ItemList).appended()
        self.app.changed(self.arena, immediately=True)  # type: ignore[attr-defined]
        event.input.value = ""

    def action_escape(self) -> None:
        if self.focused is not None and self.focused.id == "notes":
            self.query_one("#note", Input).focus()
            return
        self.app.pop_screen()

    def action_setup(self) -> None:
        from .arena_setup import ArenaSetupScreen

        self.app.switch_screen(ArenaSetupScreen(self.arena))

    @guarded
    def action_commit(self) -> None:
        """A commitment from the selected note: owner and due date in one line."""
        note = self.query_one("#notes", ItemList).current()
        if note is None:
            return

        def add(action: Action) -> None:
            self.arena.commitments.append(action)
            self.app.changed(self.arena)  # type: ignore[attr-defined]

        self.ask_for_action(self.t("arena.commit_prompt"), note.text, note.id, add)

    @guarded
    def action_delete(self) -> None:
        note = self.query_one("#notes", ItemList).current()
        if note is None:
            return
        self.arena.remove_item(self.round.notes, note)
        self.query_one("#notes", ItemList).sync()
        self.app.changed(self.arena)  # type: ignore[attr-defined]


class NoteList(ItemList):
    """The round's notes with the keys that act on the selected one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "screen.commit", "key.commit"),
        Binding("delete,d", "screen.delete", "key.delete"),
    ]

    def on_mount(self) -> None:
        super().on_mount()
        localise_bindings(self, getattr(self.app, "language", "nl"))
