"""The customer arena, live: the round's purpose, a countdown, and notes typed one line each.

A note line may start with `N:` for speaker N of the round; `+N`/`-N` is the sentiment, `@phase`
a phase, `#touchpoint` a touchpoint, a leading quote mark makes it a quote. F5 starts or pauses
the clock, F6 adds five minutes, F8 goes to the next round; at zero the clock turns red and
counts on, typing goes on."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import ClassVar

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Input, Static

from ...live.arena import ArenaSession
from ...model import ArenaNote, ArenaRound, Customer, CustomerArena
from ...model.arena_text import SpeakerError
from ...workbench import Workbench
from ..commands import bindings, quiet_bindings
from ..host import WorkshopHost
from ..providers.targets import Choice
from ..widgets.capture_input import CaptureInput
from ..widgets.item_list import ItemList, Row
from ..widgets.status_line import StatusLine
from .action_prompt import ask_for_action
from .arena_setup import ArenaSetupScreen
from .base import BaseScreen, guarded, localise_bindings
from .live_base import TakesLines


class ArenaScreen(TakesLines, BaseScreen[None]):
    CSS_PATH = "arena.tcss"
    AUTO_FOCUS = "#note"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(
            "timer",
            "more_time",
            "speaker",
            "next_round",
            "arena_setup",
            "leave",
        ),
        *quiet_bindings("undo"),
    ]

    def __init__(
        self, bench: Workbench, arena: CustomerArena, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self.bench = bench
        self.arena = arena
        self.document_id = arena.id
        self.session = ArenaSession(
            arena, clock, on_change=lambda immediately: bench.update(arena, immediately)
        )

    def _changed(self, immediately: bool) -> None:
        self.bench.update(self.arena, immediately)

    @property
    def round(self) -> ArenaRound:
        return self.session.round

    @property
    def number(self) -> int:
        return self.session.number

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self.arena.title, classes="screen-title", markup=False)
        yield Static(self._round_line(), id="round", markup=False)
        yield Static(self.session.countdown.display(), id="timer", markup=False)
        if self.arena.themes:
            yield Static(self._themes_line(), id="themes", markup=False)
        yield NoteList(self.round.notes, self._row, self.t("arena.no_notes"), id="notes")
        yield Static(self._speaker_line(), id="speakers", markup=False)
        yield CaptureInput(placeholder=self.t("arena.note"), id="note")
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(0.5, self.tick, name="arena countdown")

    def document_changed(self, document_id: str) -> None:
        """Another writer's notes came in: the round's list again; what is typed stays."""
        if document_id != self.arena.id:
            return
        notes = self.query_one("#notes", ItemList)
        notes.items = self.round.notes
        notes.sync()
        self.query_one("#round", Static).update(self._round_line())

    def relabel(self) -> None:
        """Every word in the new language, in place: what is being typed stays as it is."""
        self.query_one("#round", Static).update(self._round_line())
        self.query_one("#speakers", Static).update(self._speaker_line())
        for themes in self.query("#themes").results(Static):
            themes.update(self._themes_line())
        self.query_one("#note", Input).placeholder = self.t("arena.note")
        notes = self.query_one("#notes", ItemList)
        notes.empty_text = self.t("arena.no_notes")
        notes.refresh()

    def _themes_line(self) -> str:
        return f"{self.t('arena.themes_short')}: " + " · ".join(self.arena.themes)

    def _round_line(self) -> str:
        return self.t("arena.round", number=self.number, purpose=self.round.purpose)

    def _speaker_line(self) -> str:
        people = self.session.speakers()
        if not people:
            return self.t("arena.no_speakers")
        parts = []
        for number, person in enumerate(people, start=1):
            name = person.alias if isinstance(person, Customer) else person.name
            mark = "▶" if number - 1 == self.session.speaker_index else " "
            parts.append(f"{mark}{number}: {name}")
        return "  ".join(parts)

    def _row(self, note: ArenaNote) -> Row:
        marker = "pain" if (note.sentiment or 0) < 0 else "gain" if (note.sentiment or 0) > 0 else ""
        speaker = self.arena.speaker_name(note.speaker)
        text = f"“{note.text}”" if note.quote else note.text
        tag = self.bench.workshop.phase_label(note.phase, self.lang) if note.phase else ""
        return marker, f"{speaker}: {text}" if speaker else text, tag

    # -- the clock -----------------------------------------------------------------------

    def tick(self) -> None:
        countdown = self.session.countdown
        timer = self.query_one("#timer", Static)
        timer.update(countdown.display())
        timer.set_class(countdown.expired, "-over")
        timer.set_class(countdown.running, "-running")
        if self.session.time_is_up():
            self.app.bell()
            self.notify(self.t("arena.time_up", number=self.number), severity="warning", timeout=6)

    def action_timer(self) -> None:
        self.session.toggle_clock()
        self.tick()

    def action_more_time(self) -> None:
        self.session.more_time()
        self.tick()

    @guarded
    def action_next_round(self) -> None:
        if not self.session.next_round():
            self.notify(self.t("arena.last_round"))
            return
        notes = self.query_one("#notes", ItemList)
        notes.items = self.round.notes
        notes.sync(scroll_end=True)
        self.query_one("#round", Static).update(self._round_line())
        self.query_one("#speakers", Static).update(self._speaker_line())
        self.tick()

    def action_speaker(self) -> None:
        self.session.next_speaker()
        self.query_one("#speakers", Static).update(self._speaker_line())

    # -- found by name in the command palette (providers.targets) ------------------------

    person_role = "speaker"

    def people_choices(self) -> list[Choice]:
        return [
            Choice(p.id, p.alias, p.segment) if isinstance(p, Customer) else Choice(p.id, p.name, p.role)
            for p in self.session.speakers()
        ]

    def choose_person(self, person_id: str) -> None:
        ids = [person.id for person in self.session.speakers()]
        if person_id in ids:
            self.session.speaker_index = ids.index(person_id)
            self.query_one("#speakers", Static).update(self._speaker_line())

    # -- notes ---------------------------------------------------------------------------

    @on(Input.Submitted, "#note")
    @guarded
    def note_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.take_line(event.value)

    def take_line(self, value: str) -> None:
        """One line typed or pasted becomes one note of the current round."""
        if not value.strip():
            return
        workshop = self.bench.workshop
        speaker = self.session.speaker_index
        try:
            note = self.session.add(value, workshop.phase_list(), workshop.touchpoints, dt.datetime.now())
        except SpeakerError as error:
            self.notify(self.t("arena.no_such_speaker", number=error.number), severity="warning")
            self.query_one("#note", CaptureInput).restore(value)
            return
        if note is None:
            return
        if self.session.speaker_index != speaker:
            self.query_one("#speakers", Static).update(self._speaker_line())
        self.query_one("#notes", ItemList).appended()

    def action_escape(self) -> None:
        if self.focused is not None and self.focused.id == "notes":
            self.query_one("#note", Input).focus()
            return
        self.leave()

    @work(exclusive=True, group="arena dialog")
    @guarded
    async def action_setup(self) -> None:
        if await self.app.ask(ArenaSetupScreen(self.bench, self.arena)) is not None:
            await self.recompose()  # rings, themes and rounds are the layout: the structure changed

    @work(exclusive=True, group="arena dialog")
    @guarded
    async def action_commit(self) -> None:
        """A commitment from the selected note: owner and due date in one line."""
        note = self.query_one("#notes", ItemList).current()
        if note is None:
            return
        action = await ask_for_action(self, self.t("arena.commit_prompt"), note.text, note.id)
        if action is not None:
            self.arena.commitments.append(action)
            self.bench.update(self.arena)

    def action_undo(self) -> None:
        """Take back the last note added or deleted (with its action links)."""
        undone = self.session.undo()
        if undone is None:
            self.notify(self.t("map.nothing_to_undo"), timeout=2)
            return
        self.query_one("#notes", ItemList).sync()
        self.notify(self.t("map.undone", what=self.t(f"undo.{undone}")), timeout=2)

    @work(exclusive=True, group="arena dialog")
    @guarded
    async def action_delete(self) -> None:
        note = self.query_one("#notes", ItemList).current()
        if note is None or not await self.may_delete(note.id):
            return
        self.session.delete(note, self.unlink)
        self.query_one("#notes", ItemList).sync()


class NoteList(ItemList):
    """The round's notes with the keys that act on the selected one."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("commit", "delete_selected")]

    app = getters.app(WorkshopHost)

    def on_mount(self) -> None:
        localise_bindings(self, self.app.language)
        self.app.language_changed.subscribe(self, lambda lang: localise_bindings(self, lang))
