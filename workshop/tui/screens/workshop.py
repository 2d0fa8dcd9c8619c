"""A workshop: goal and phases at the top, personas and sessions by kind with counts."""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...model import PRESETS, CustomerArena, EmpathyMap, GembaWalk, Persona, WorkshopBundle
from ..commands import bindings
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded


class WorkshopScreen(BaseScreen):
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
            "delete",
            "back",
        )
    ]

    @property
    def bundle(self) -> WorkshopBundle:
        loaded = self.app.loaded  # type: ignore[attr-defined]
        assert loaded is not None and loaded.bundle is not None
        return loaded.bundle

    def compose(self) -> ComposeResult:
        ws = self.bundle.workshop
        lang = self.lang
        preset = PRESETS.get(ws.phase_model)
        model = preset.title(lang) if preset else self.t("field.custom")
        phases = " → ".join(p.label(lang) for p in ws.phase_list())  # type: ignore[arg-type]
        with Vertical(id="summary"):
            yield Static(ws.title, classes="screen-title", markup=False)
            goal = ws.goal.strip() or self.t("ws.no_goal")
            yield Static(f"{self.t('ws.goal')}: {goal}", id="goal", markup=False)
            if ws.product:
                yield Static(f"{self.t('ws.product')}: {ws.product}", id="product", markup=False)
            yield Static(f"{self.t('ws.phases')} ({model}): {phases}", id="phases", markup=False)
            open_conflicts = sum(len(d.conflicts) for d in self.bundle.documents())
            if open_conflicts:
                yield Static(self.t("ws.conflicts", count=open_conflicts), id="conflict-note", markup=False)
        with Horizontal(id="lists"):
            with Vertical(classes="column"):
                yield Static(self.t("ws.personas", count=len(self.bundle.personas)), classes="list-title")
                yield OptionList(*self._persona_options(), id="personas")
            with Vertical(classes="column"):
                yield Static(
                    self.t("ws.sessions", count=sum(1 for _ in self.bundle.sessions())), classes="list-title"
                )
                yield OptionList(*self._session_options(), id="sessions")
        yield StatusLine(markup=False)
        yield Footer()

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
        groups: list[tuple[str, list[Any]]] = [
            ("empathy", bundle.empathy_maps),
            ("arena", bundle.arenas),
            ("gemba", bundle.walks),
        ]
        for kind, documents in groups:
            options.append(Option(self.t(f"ws.kind.{kind}", count=len(documents)), disabled=True))
            for document in documents:
                options.append(Option(f"  {self._session_line(document)}", id=document.id))
        return options

    def _session_line(self, document: Any) -> str:
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
        super().on_mount()
        self._claim()

    def _claim(self) -> None:
        """Tell the facilitator when another `workshop` process has this workshop open: each
        session is saved file by file, a change on disk is never overwritten without asking,
        and a walk logged by both goes to separate files."""
        from ...store.presence import Presence

        loaded = self.app.loaded  # type: ignore[attr-defined]
        self.presence = Presence(loaded.folder / "workshop.toml")
        holder = self.presence.claim()
        if holder is not None:
            self.presence = None
            self.notify(self.t("ws.shared", who=holder.describe()), severity="warning", timeout=12)

    def on_unmount(self) -> None:
        if getattr(self, "presence", None) is not None:
            self.presence.release()

    def on_screen_resume(self) -> None:
        if getattr(self, "_lang", self.lang) == self.lang:
            self.refresh_lists()

    def refresh_lists(self) -> None:
        """Counts and lists again, after a screen on top changed them."""
        self.call_later(self.recompose_keeping_focus)

    async def recompose_keeping_focus(self) -> None:
        focused = self.focused.id if self.focused is not None else None
        highlighted = {
            name: self.query_one(f"#{name}", OptionList).highlighted for name in ("personas", "sessions")
        }
        await self.recompose()
        for name, index in highlighted.items():
            option_list = self.query_one(f"#{name}", OptionList)
            if index is not None and option_list.option_count:
                option_list.highlighted = min(index, option_list.option_count - 1)
        if focused:
            self.query_one(f"#{focused}").focus()

    # -- which document is selected ------------------------------------------------------

    def _selected(self) -> Any | None:
        focused = self.focused
        if not isinstance(focused, OptionList):
            return None
        option = focused.highlighted_option
        if option is None or option.id is None:
            return None
        return next((d for d in self.bundle.documents() if d.id == option.id), None)

    @staticmethod
    def screen_for(app: App[Any], document_id: str) -> Screen[Any] | None:
        loaded = app.loaded  # type: ignore[attr-defined]
        if loaded is None or loaded.bundle is None:
            return None
        document = next((d for d in loaded.bundle.documents() if d.id == document_id), None)
        if isinstance(document, Persona):
            from .persona import PersonaCardScreen

            return PersonaCardScreen(document)
        if isinstance(document, EmpathyMap):
            from .empathy import EmpathyScreen

            return EmpathyScreen(document)
        if isinstance(document, GembaWalk):
            from .gemba import GembaScreen

            return GembaScreen(document)
        if isinstance(document, CustomerArena):
            from .arena import ArenaScreen

            return ArenaScreen(document)
        return None

    # -- actions -------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    @guarded
    def action_open(self) -> None:
        document = self._selected()
        if document is None:
            return
        screen = self.screen_for(self.app, document.id)
        if screen is not None:
            self.app.push_screen(screen)

    @guarded
    def action_new_persona(self) -> None:
        from .persona import PersonaFormScreen

        self.app.push_screen(PersonaFormScreen())

    @guarded
    def action_new_map(self) -> None:
        from .empathy_new import NewEmpathyScreen

        selected = self._selected()
        self.app.push_screen(NewEmpathyScreen(selected.id if isinstance(selected, Persona) else None))

    def action_conflicts(self) -> None:
        from .conflicts import ConflictsScreen

        self.app.push_screen(ConflictsScreen())

    @guarded
    def action_new_arena(self) -> None:
        from .arena_setup import ArenaSetupScreen

        self.app.push_screen(ArenaSetupScreen())

    @guarded
    def action_new_walk(self) -> None:
        from .gemba_setup import GembaSetupScreen

        self.app.push_screen(GembaSetupScreen())

    @guarded
    def action_edit(self) -> None:
        from .workshop_form import WorkshopFormScreen

        self.app.push_screen(WorkshopFormScreen(self.bundle.workshop))

    @guarded
    def action_delete(self) -> None:
        from .dialogs import ConfirmScreen

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

        @guarded
        def delete(_self: WorkshopScreen, sure: bool | None) -> None:
            if not sure:
                return
            app = self.app
            saver = app.autosaver  # type: ignore[attr-defined]
            with saver.lock:
                saver.discard(document)
                app.store.delete(app.loaded, document)  # type: ignore[attr-defined]
            self.refresh_lists()

        self.app.push_screen(
            ConfirmScreen(self.t("ws.delete", title=title), danger=True), lambda sure: delete(self, sure)
        )

    async def action_report(self) -> None:
        """Compile and write the journey report beside the sessions, off the UI thread, with
        the step it is on in the status line and the paths in a notification."""
        from ...report.output import write_report

        app = self.app
        loaded = app.loaded  # type: ignore[attr-defined]
        saver = app.autosaver  # type: ignore[attr-defined]
        status = self.query_one(StatusLine)

        def progress(step: str) -> None:
            shown = self.t("report.compile") if step == "compile" else step.upper()
            app.call_from_thread(status.update, self.t("report.busy", step=shown))

        def work() -> list[Any]:
            with saver.lock:
                return write_report(loaded, progress=progress)

        status.update(self.t("report.busy", step="…"))
        try:
            paths = await asyncio.to_thread(work)
        except Exception as error:
            status.show()
            self.notify(
                self.t("report.failed", error=str(error).splitlines()[0]), severity="error", timeout=10
            )
            return
        status.show()
        self.notify(self.t("report.done", path=str(paths[0].parent)), timeout=12)
        self.report_paths = paths

    def action_back(self) -> None:
        self.app.loaded = None  # type: ignore[attr-defined]
        self.app.pop_screen()
