"""The empathy-map session: every section visible at once, walked in the canvas' working order.

Two modes: typing (the entry line has focus; Enter adds to the current section, Tab goes to
the next section) and browsing (a section's list has focus; keys act on the selected item).
Adding an item touches one list and one panel title: its cost does not grow with the map."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Vertical
from textual.widgets import Footer, Input, Static

from ...live.empathy import EmpathySession
from ...model import EmpathyItem, EmpathyMap, Section, Valence, Workshop
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.capture_input import CaptureInput
from ..widgets.item_list import ItemList, Row
from ..widgets.status_line import StatusLine
from .base import BaseScreen, guarded
from .dialogs import PickScreen, TextPromptScreen
from .live_base import TakesLines

GOAL = "goal"
GRID_ORDER: dict[bool, tuple[Section, ...]] = {
    False: ("says", "does", "pains", "thinks", "feels", "gains"),
    True: ("sees", "hears", "says", "does", "thinks", "feels", "pains", "gains"),
}
"""Reading order of the grid: observable sections on top, inferred ones below."""

BROWSE_ONLY = {
    "jump",
    "left",
    "right",
    "edit",
    "delete",
    "move",
    "valence",
    "phase",
    "type",
    "extended",
    "undo_key",
}
"""Single-key actions: while typing, these keys are text."""


class SectionPanel(Vertical):
    """One section of the canvas: a titled box with its items."""

    def __init__(self, section: Section, items: list[EmpathyItem], row: Any, empty: str) -> None:
        super().__init__(id=f"section-{section}", classes="section")
        self.section = section
        self.item_list = ItemList(items, row, empty_text=empty, id=f"list-{section}")

    def compose(self) -> ComposeResult:
        yield self.item_list


class EmpathyScreen(TakesLines, BaseScreen[None]):
    CSS_PATH = "empathy.tcss"
    AUTO_FOCUS = "#entry"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(
            "next_section",
            "prev_section",
            "browse",
            "type",
            *(f"section_{n}" for n in range(10)),
            "section_left",
            "section_right",
            "edit",
            "delete",
            "move_item",
            "pain",
            "gain",
            "neutral",
            "phase",
            "extended",
            "undo",
            "undo_key",
        )
    ]

    def __init__(self, bench: Workbench, emap: EmpathyMap) -> None:
        super().__init__()
        self.bench = bench
        self.emap = emap
        self.document_id = emap.id
        self.session = EmpathySession(emap, on_change=self._changed)
        self.current: str = GOAL if not emap.goal.strip() else self.session.sections()[0]
        self.panels: dict[Section, SectionPanel] = {}

    # -- layout --------------------------------------------------------------------------

    @property
    def workshop(self) -> Workshop:
        return self.bench.workshop

    def steps(self) -> tuple[str, ...]:
        return (GOAL, *self.session.sections())

    def grid_order(self) -> tuple[Section, ...]:
        shown = set(self.session.sections())
        return tuple(s for s in GRID_ORDER[len(shown) > 6] if s in shown)

    def compose(self) -> ComposeResult:
        persona = self.bench.bundle.persona(self.emap.persona)
        name = persona.name if persona else "?"
        with Vertical(id="map-head"):
            yield Static(
                f"{self.t('map.header', persona=name)} — {self.emap.title}",
                classes="screen-title",
                markup=False,
            )
            yield Static(self._goal_line(), id="goal-line", markup=False)
            yield Static("", id="prompt", markup=False)
        order = self.grid_order()
        self.panels = {}
        grid = Grid(id="grid", classes="extended" if len(order) > 6 else "")
        with grid:
            for section in order:
                panel = SectionPanel(
                    section, self.session.by_section[section], self._row, self.t("map.empty_section")
                )
                self.panels[section] = panel
                yield panel
        yield CaptureInput(id="entry")
        yield Static("", id="empties", markup=False)
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        for section in self.panels:
            self._update_panel(section)
        self._update_empties()
        self._set_current(self.current, focus=False)

    def document_changed(self, document_id: str) -> None:
        """Another writer's items came in: every section again; what is typed stays."""
        if document_id != self.emap.id:
            return
        self.session.reindex()
        self._redraw(set(self.panels))

    def _row(self, item: EmpathyItem) -> Row:
        marker = item.valence if item.valence != "neutral" else ""
        tag = self.workshop.phase_label(item.phase, self.lang) if item.phase else ""
        return marker, item.text, tag

    def _goal_line(self) -> str:
        goal = " ".join(self.emap.goal.split())
        return self.t("map.goal_line", goal=goal) if goal else self.t("map.no_goal")

    def _number(self, section: str) -> int:
        return self.steps().index(section)

    def _update_panel(self, section: Section) -> None:
        panel = self.panels.get(section)
        if panel is None:
            return
        count = self.session.count(section)
        panel.border_title = f"{self._number(section)} {self.t(f'section.{section}')} ({count})"
        panel.border_subtitle = self.t("map.empty_section") if count == 0 else ""
        panel.set_class(count == 0, "-empty")

    def _update_empties(self) -> None:
        empty = self.session.empty_sections()
        names = ", ".join(self.t(f"section.{s}") for s in empty)
        text = self.t("map.still_empty", sections=names) if empty else self.t("map.all_filled")
        self.query_one("#empties", Static).update(text)

    def _set_current(self, step: str, focus: bool = True) -> None:
        if step not in self.steps():
            step = self.steps()[1]
        self.current = step
        for section, panel in self.panels.items():
            panel.set_class(section == step, "-current")
        self.query_one("#goal-line").set_class(step == GOAL, "-current")
        self._show_prompt()
        entry = self.query_one("#entry", Input)
        if step == GOAL:
            entry.value = self.emap.goal
            entry.cursor_position = len(entry.value)
        elif self._goal_in_entry:
            entry.value = ""
        self._goal_in_entry = step == GOAL
        if focus:
            shown = next((p for section, p in self.panels.items() if section == step), None)
            if isinstance(self.focused, ItemList) and shown is not None:
                shown.item_list.focus()
            else:
                entry.focus()
        self.refresh_bindings()

    _goal_in_entry = False

    def relabel(self) -> None:
        """Every word in the new language, in place: what is being typed stays as it is."""
        for section, panel in self.panels.items():
            self._update_panel(section)
            panel.item_list.empty_text = self.t("map.empty_section")
            panel.item_list.refresh()
        self._update_empties()
        self.query_one("#goal-line", Static).update(self._goal_line())
        self._show_prompt()

    def _show_prompt(self) -> None:
        step = self.current
        label = self.t(f"section.{step}")
        self.query_one("#prompt", Static).update(
            f"▶ {self._number(step)} {label}: {self.t(f'prompt.{step}')}"
        )
        entry = self.query_one("#entry", Input)
        entry.placeholder = self.t("map.goal_input") if step == GOAL else self.t("map.add_to", section=label)

    # -- modes ---------------------------------------------------------------------------

    def _browsing(self) -> bool:
        return isinstance(self.focused, ItemList)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in BROWSE_ONLY:
            return self._browsing()
        return True

    def on_descendant_focus(self, event: Any) -> None:
        widget = event.widget if hasattr(event, "widget") else None
        if isinstance(widget, ItemList):
            section = widget.id.removeprefix("list-") if widget.id else None
            if section and section != self.current:
                self._set_current(section, focus=False)
        self.refresh_bindings()

    def _current_list(self) -> ItemList | None:
        panel = next((p for s, p in self.panels.items() if s == self.current), None)
        return panel.item_list if panel is not None else None

    def _current_item(self) -> EmpathyItem | None:
        item_list = self._current_list()
        item = item_list.current() if item_list is not None else None
        if item is None:
            self.notify(self.t("map.no_item"), severity="warning", timeout=3)
        return item

    # -- typing --------------------------------------------------------------------------

    @on(Input.Submitted, "#entry")
    @guarded
    def entry_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.take_line(event.value)

    def take_line(self, value: str) -> None:
        """One line typed or pasted: the goal while on the goal step, else a new item."""
        text = value.strip()
        if self.current == GOAL:
            if text != self.emap.goal:
                self.session.set_goal(text)
                self.query_one("#goal-line", Static).update(self._goal_line())
            self._set_current(self.steps()[1])
            return
        if not text:
            return
        self.add_item(text)

    def add_item(self, text: str) -> EmpathyItem:
        """The hot path: model append, one list and one title updated, a save mark."""
        section = next(s for s in self.session.sections() if s == self.current)
        was_empty = self.session.count(section) == 0
        item = self.session.add(section, text)
        self.panels[section].item_list.appended()
        self._update_panel(section)
        if was_empty:
            self._update_empties()
        return item

    def _changed(self) -> None:
        """Every change here is one deliberate act (a line entered, an edit, a move, an undo),
        so it is saved at once: a kill right after Enter loses nothing that was shown."""
        self.bench.update(self.emap, immediately=True)

    # -- keys ----------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        steps = self.steps()
        index = steps.index(self.current) if self.current in steps else 0
        target = steps[(index + delta) % len(steps)]
        if target == GOAL and self._browsing():
            target = steps[(index + 2 * delta) % len(steps)]
        self._set_current(target)

    def action_escape(self) -> None:
        """From typing to browsing the current section; from browsing back to the workshop."""
        if self._browsing():
            self.leave()
            return
        if self.current == GOAL:
            self._set_current(self.steps()[1], focus=False)
        item_list = self._current_list()
        if item_list is not None:
            item_list.focus()

    def action_type(self) -> None:
        self.query_one("#entry", Input).focus()

    def action_jump(self, number: int) -> None:
        steps = self.steps()
        if 0 <= number < len(steps):
            self._set_current(steps[number])

    def action_left(self) -> None:
        self._grid_step(-1)

    def action_right(self) -> None:
        self._grid_step(1)

    def _grid_step(self, delta: int) -> None:
        order = self.grid_order()
        index = next((i for i, section in enumerate(order) if section == self.current), 0)
        self._set_current(order[(index + delta) % len(order)])

    def _redraw(self, sections: set[Section], select: EmpathyItem | None = None) -> None:
        for section in sections:
            panel = self.panels.get(section)
            if panel is not None:
                panel.item_list.sync()
                self._update_panel(section)
        if select is not None and select.section in self.panels:
            self.panels[select.section].item_list.select(select)
        self._update_empties()

    @work(exclusive=True, group="map dialog")
    @guarded
    async def action_edit(self) -> None:
        item = self._current_item()
        if item is None:
            return
        text = await self.app.ask(TextPromptScreen(self.t("map.edit_item"), item.text))
        if text and text.strip() and text.strip() != item.text:
            new = self.session.edit(item, text.strip())
            self._redraw({new.section}, new)

    @work(exclusive=True, group="map dialog")
    @guarded
    async def action_delete(self) -> None:
        item = self._current_item()
        if item is not None and await self.may_delete(item.id):
            self.session.delete(item, self.unlink)
            self._redraw({item.section})

    @work(exclusive=True, group="map dialog")
    @guarded
    async def action_move(self) -> None:
        item = self._current_item()
        if item is None:
            return
        choices = {s: s for s in self.session.sections() if s != item.section}
        options = [(s, self.t(f"section.{s}")) for s in choices]
        picked = await self.app.ask(PickScreen(self.t("map.move_to"), options))
        section = next((s for s in choices if s == picked), None)
        if section is not None:
            new = self.session.move(item, section)
            self._redraw({item.section, new.section}, new)
            self._set_current(new.section)

    @guarded
    def action_valence(self, valence: Valence) -> None:
        item = self._current_item()
        if item is None:
            return
        try:
            new = self.session.set_valence(item, valence)
        except ValueError:
            implied = "pain" if item.section == "pains" else "gain"
            self.notify(
                self.t(
                    "map.valence_fixed",
                    section=self.t(f"section.{item.section}"),
                    valence=self.t(f"valence.{implied}"),
                ),
                severity="warning",
            )
            return
        self._redraw({item.section, new.section}, new)
        if new.section != item.section:
            self._set_current(new.section)

    @work(exclusive=True, group="map dialog")
    @guarded
    async def action_phase(self) -> None:
        item = self._current_item()
        if item is None:
            return
        phases = self.workshop.phase_list()
        if not phases:
            self.notify(self.t("map.no_phases"), severity="warning")
            return
        options = [("", self.t("map.no_phase"))]
        options += [(p.key, p.label(self.lang)) for p in phases]
        key = await self.app.ask(PickScreen(self.t("map.tag_phase"), options, current=item.phase or ""))
        if key is not None:
            new = self.session.set_phase(item, key or None)
            self._redraw({new.section}, new)

    @guarded
    def action_undo(self) -> None:
        undone = self.session.undo()
        if undone is None:
            self.notify(self.t("map.nothing_to_undo"), timeout=2)
            return
        kind, sections = undone
        self._redraw(sections)
        self.query_one("#goal-line", Static).update(self._goal_line())
        if self.current == GOAL:
            self.query_one("#entry", Input).value = self.emap.goal
        self.notify(self.t("map.undone", what=self.t(f"undo.{kind}")), timeout=2)

    def action_undo_key(self) -> None:
        self.action_undo()

    @guarded
    async def action_extended(self) -> None:
        self.session.set_extended(not self.emap.extended)
        await self.recompose()
        self.on_mount()
