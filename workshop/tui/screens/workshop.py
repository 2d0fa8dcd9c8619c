"""A workshop: goal and phases at the top, personas and sessions by kind with counts."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...model import PRESETS, CustomerArena, EmpathyMap, GembaWalk, Persona, Session, WorkshopBundle
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.status_line import StatusLine
from .arena import ArenaScreen
from .arena_setup import ArenaSetupScreen
from .base import BaseScreen, guarded
from .conflicts import ConflictsScreen
from .dialogs import ConfirmScreen
from .empathy import EmpathyScreen
from .empathy_new import NewEmpathyScreen
from .gemba import GembaScreen
from .gemba_setup import GembaSetupScreen
from .persona_card import PersonaCardScreen
from .persona_form import PersonaFormScreen
from .synthesis import SynthesisScreen
from .workshop_form import WorkshopFormScreen


def screen_for(bench: Workbench, document_id: str) -> Screen[Any] | None:
    """The screen that shows a document of the open workshop."""
    document = bench.document(document_id)
    if isinstance(document, Persona):
        return PersonaCardScreen(bench, document)
    if isinstance(document, EmpathyMap):
        return EmpathyScreen(bench, document)
    if isinstance(document, GembaWalk):
        return GembaScreen(bench, document)
    if isinstance(document, CustomerArena):
        return ArenaScreen(bench, document)
    return None


class WorkshopScreen(BaseScreen[None]):
    CSS_PATH = "workshop.tcss"
    AUTO_FOCUS = "#personas"
    document_id = "workshop"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(
            "new_persona",
            "new_map",
            "new_arena",
            "new_walk",
            "open",
            "edit_workshop",
            "report",
            "conflicts",
            "synthesis",
            "delete",
            "back",
        )
    ]

    def __init__(self, bench: Workbench) -> None:
        super().__init__()
        self.bench = bench
        self.report_paths: list[Path] = []

    @property
    def bundle(self) -> WorkshopBundle:
        return self.bench.bundle

    def compose(self) -> ComposeResult:
        with Vertical(id="summary"):
            yield Static(self.bundle.workshop.title, classes="screen-title", id="ws-title", markup=False)
            yield Static(self._goal(), id="goal", markup=False)
            yield Static(self._product(), id="product", markup=False)
            yield Static(self._phases(), id="phases", markup=False)
            yield Static(self._conflict_note(), id="conflict-note", markup=False)
        with Horizontal(id="lists"):
            with Vertical(classes="column"):
                yield Static(self._personas_title(), id="personas-title", classes="list-title")
                yield OptionList(*self._persona_options(), id="personas")
            with Vertical(classes="column"):
                yield Static(self._sessions_title(), id="sessions-title", classes="list-title")
                yield OptionList(*self._session_options(), id="sessions")
        yield StatusLine(markup=False)
        yield Footer()

    def _goal(self) -> str:
        goal = self.bundle.workshop.goal.strip() or self.t("ws.no_goal")
        return f"{self.t('ws.goal')}: {goal}"

    def _product(self) -> str:
        product = self.bundle.workshop.product
        return f"{self.t('ws.product')}: {product}" if product else ""

    def _phases(self) -> str:
        ws = self.bundle.workshop
        preset = PRESETS.get(ws.phase_model)
        model = preset.title(self.lang) if preset else self.t("field.custom")
        phases = " → ".join(p.label(self.lang) for p in ws.phase_list())
        return f"{self.t('ws.phases')} ({model}): {phases}"

    def _conflict_note(self) -> str:
        count = len(self.bench.conflicts())
        return self.t("ws.conflicts", count=count) if count else ""

    def _personas_title(self) -> str:
        return self.t("ws.personas", count=len(self.bundle.personas))

    def _sessions_title(self) -> str:
        return self.t("ws.sessions", count=sum(1 for _ in self.bundle.sessions()))

    def _persona_options(self) -> list[Option]:
        if not self.bundle.personas:
            return [Option(self.t("ws.no_personas"), disabled=True)]
        options = []
        for persona in self.bundle.personas:
            segment = f" · {persona.segment}" if persona.segment else ""
            options.append(Option(f"{persona.name}{segment}", id=persona.id))
        return options

    def _session_options(self) -> list[Option | None]:
        bundle = self.bundle
        if not any(True for _ in bundle.sessions()):
            return [Option(self.t("ws.no_sessions"), disabled=True)]
        options: list[Option | None] = []
        groups: list[tuple[str, Sequence[Session]]] = [
            ("empathy", bundle.empathy_maps),
            ("arena", bundle.arenas),
            ("gemba", bundle.walks),
        ]
        for kind, documents in groups:
            options.append(Option(self.t(f"ws.kind.{kind}", count=len(documents)), disabled=True))
            for document in documents:
                options.append(Option(f"  {self._session_line(document)}", id=document.id))
        return options

    def _session_line(self, document: Session) -> str:
        if isinstance(document, EmpathyMap):
            persona = self.bundle.persona(document.persona)
            return self.t(
                "ws.map_line",
                title=document.title,
                persona=persona.name if persona else "?",
                items=len(document.items),
            )
        if isinstance(document, CustomerArena):
            notes = sum(len(r.notes) for r in document.rounds)
            return self.t("ws.arena_line", title=document.title, notes=notes)
        return self.t("ws.walk_line", title=document.title, notes=len(document.observations))

    def on_mount(self) -> None:
        self._show_summary()
        self._claim()

    def _claim(self) -> None:
        """Tell the facilitator when another `workshop` process has this workshop open: each
        session is saved file by file, a change on disk is merged in, never overwritten,
        and a walk logged by both goes to separate files."""
        holder = self.bench.claim()
        if holder is not None:
            self.notify(self.t("ws.shared", who=holder.describe()), severity="warning", timeout=12)

    def on_screen_resume(self) -> None:
        self.refresh_lists()

    def relabel(self) -> None:
        self.refresh_lists()

    def _show_summary(self) -> None:
        """The summary lines in place; an empty one takes no room."""
        self.query_one("#ws-title", Static).update(self.bundle.workshop.title)
        for name, text in (
            ("goal", self._goal()),
            ("product", self._product()),
            ("phases", self._phases()),
            ("conflict-note", self._conflict_note()),
        ):
            line = self.query_one(f"#{name}", Static)
            line.update(text)
            line.display = bool(text)

    def document_changed(self, document_id: str) -> None:
        """Another writer's changes came in: counts and the conflicts note again."""
        self.refresh_lists()

    def refresh_lists(self) -> None:
        """Summary, counts and lists again, in place, after a screen on top changed them; the
        highlighted entries stay where they were."""
        self._show_summary()
        self.query_one("#personas-title", Static).update(self._personas_title())
        self.query_one("#sessions-title", Static).update(self._sessions_title())
        for name, options in (("personas", self._persona_options()), ("sessions", self._session_options())):
            option_list = self.query_one(f"#{name}", OptionList)
            index = option_list.highlighted
            option_list.clear_options()
            option_list.add_options(options)
            if index is not None and option_list.option_count:
                option_list.highlighted = min(index, option_list.option_count - 1)
            elif option_list.has_focus:
                option_list.action_first()

    # -- which document is selected ------------------------------------------------------

    def _selected(self) -> Persona | Session | None:
        focused = self.focused
        if not isinstance(focused, OptionList):
            return None
        option = focused.highlighted_option
        if option is None or option.id is None:
            return None
        document = self.bench.document(option.id)
        return document if isinstance(document, (Persona, EmpathyMap, CustomerArena, GembaWalk)) else None

    # -- actions -------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#personas, #sessions")
    def document_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    @guarded
    def action_open(self) -> None:
        document = self._selected()
        if document is None:
            return
        screen = screen_for(self.bench, document.id)
        if screen is not None:
            self.app.push_screen(screen)

    @work(exclusive=True, group="workshop action")
    @guarded
    async def action_new_persona(self) -> None:
        await self.app.ask(PersonaFormScreen(self.bench))

    @guarded
    def action_new_map(self) -> None:
        selected = self._selected()
        self.app.push_screen(
            NewEmpathyScreen(self.bench, selected.id if isinstance(selected, Persona) else None)
        )

    def action_conflicts(self) -> None:
        self.app.push_screen(ConflictsScreen(self.bench))

    @work(exclusive=True, group="workshop action")
    @guarded
    async def action_new_arena(self) -> None:
        arena = await self.app.ask(ArenaSetupScreen(self.bench))
        if arena is not None:
            await self.app.push_screen(ArenaScreen(self.bench, arena))

    @work(exclusive=True, group="workshop action")
    @guarded
    async def action_new_walk(self) -> None:
        walk = await self.app.ask(GembaSetupScreen(self.bench))
        if walk is not None:
            await self.app.push_screen(GembaScreen(self.bench, walk))

    @work(exclusive=True, group="workshop action")
    @guarded
    async def action_edit(self) -> None:
        if await self.app.ask(WorkshopFormScreen(self.bench)) is not None:
            self.app.set_language(self.bench.workshop.language)
            self.refresh_lists()

    @work(exclusive=True, group="workshop action")
    @guarded
    async def action_delete(self) -> None:
        document = self._selected()
        if document is None:
            return
        if isinstance(document, Persona):
            maps = [m for m in self.bundle.empathy_maps if m.persona == document.id]
            if maps:
                self.notify(
                    self.t("ws.persona_in_use", name=document.name, count=len(maps)), severity="warning"
                )
                return
        title = document.name if isinstance(document, Persona) else document.title
        if await self.app.ask(ConfirmScreen(self.t("ws.delete", title=title), danger=True)):
            await asyncio.to_thread(self.bench.delete, document)
            self.refresh_lists()

    async def action_report(self) -> None:
        """Compile and write the journey report beside the sessions, off the UI thread, with
        the step it is on in the status line and the paths in a notification."""
        status = self.query_one(StatusLine)

        def progress(step: str) -> None:
            shown = self.t("report.compile") if step == "compile" else step.upper()
            self.app.call_from_thread(status.update, self.t("report.busy", step=shown))

        status.update(self.t("report.busy", step="…"))
        try:
            paths = await asyncio.to_thread(self.bench.write_report, progress)
        except Exception as error:
            status.show()
            self.notify(
                self.t("report.failed", error=str(error).splitlines()[0]), severity="error", timeout=10
            )
            return
        status.show()
        self.notify(self.t("report.done", path=str(paths[0].parent)), timeout=12)
        self.report_paths = paths

    def action_synthesis(self) -> None:
        self.app.push_screen(SynthesisScreen(self.bench))

    def action_back(self) -> None:
        self.app.closed(self.bench)
        self.app.pop_screen()
