"""Editing an empathy map: per-section lists, changes, and undo. Textual-free so it can be
tested and benchmarked alone.

Adding an item must not cost more on a map of 10,000 items than on one of 100, so the
section lists are kept alongside the map's item list and updated in place; only rarer
changes (delete, move, undo) look an item up by position."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import SECTIONS, EmpathyItem, EmpathyMap, Section, Valence
from ..model.empathy import CORE_SECTIONS, EXTENDED_SECTIONS, VALENCE_SECTIONS, WORKING_ORDER
from .history import Unlink, no_links

UNDO_LIMIT = 200


def visible_sections(emap: EmpathyMap) -> tuple[Section, ...]:
    """The sections shown, in the canvas' working order: observable first, inferred last."""
    shown = set(emap.sections())
    return tuple(section for section in WORKING_ORDER if section in shown)


@dataclass
class Change:
    """One undoable change: what it was (for the message) and how to revert it."""

    kind: str
    revert: Callable[[], set[Section]]


@dataclass
class EmpathySession:
    emap: EmpathyMap
    on_change: Callable[[], None] = lambda: None
    by_section: dict[Section, list[EmpathyItem]] = field(default_factory=dict)
    undo_stack: list[Change] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_section = {section: [] for section in (*CORE_SECTIONS, *EXTENDED_SECTIONS, *VALENCE_SECTIONS)}
        for item in self.emap.items:
            self.by_section[item.section].append(item)

    def reindex(self) -> None:
        """The sections again after the map's items changed elsewhere (another writer's,
        merged in); in place, so the lists the screen shows stay the same objects."""
        for items in self.by_section.values():
            items.clear()
        for item in self.emap.items:
            self.by_section[item.section].append(item)

    # -- reading -------------------------------------------------------------------------

    def sections(self) -> tuple[Section, ...]:
        """As visible_sections, from the per-section lists: constant time, not a scan of the map."""
        extended = self.emap.extended or any(self.by_section[s] for s in EXTENDED_SECTIONS)
        shown = set(SECTIONS if extended else (*CORE_SECTIONS, *VALENCE_SECTIONS))
        return tuple(section for section in WORKING_ORDER if section in shown)

    def count(self, section: Section) -> int:
        return len(self.by_section[section])

    def empty_sections(self) -> list[Section]:
        return [section for section in self.sections() if not self.by_section[section]]

    # -- changes -------------------------------------------------------------------------

    def add(self, section: Section, text: str, phase: str | None = None) -> EmpathyItem:
        """Append one item: constant time whatever the size of the map."""
        item = EmpathyItem(section=section, text=text, phase=phase)
        self.emap.items.append(item)
        self.by_section[section].append(item)
        self._record("add", lambda: self._remove(item))
        return item

    def delete(self, item: EmpathyItem, unlink: Unlink = no_links) -> None:
        index = self._index(item)
        section_index = self._section_index(item)
        self._remove(item)
        relink = unlink(item.id)

        def revert() -> set[Section]:
            relink()
            self.emap.items.insert(index, item)
            self.by_section[item.section].insert(section_index, item)
            if item.id in self.emap.deleted:
                self.emap.deleted.remove(item.id)
            return {item.section}

        self._record("delete", revert)

    def edit(self, item: EmpathyItem, text: str) -> EmpathyItem:
        return self._replace(item, {"text": text})

    def move(self, item: EmpathyItem, section: Section) -> EmpathyItem:
        changes: dict[str, object] = {"section": section}
        if section in VALENCE_SECTIONS:
            changes["valence"] = "pain" if section == "pains" else "gain"
        return self._replace(item, changes)

    def set_valence(self, item: EmpathyItem, valence: Valence) -> EmpathyItem:
        """Mark pain, gain or neutral; in Pains or Gains the section decides, so the item moves."""
        if item.section in VALENCE_SECTIONS:
            targets: dict[str, Section] = {"pain": "pains", "gain": "gains"}
            target = targets.get(valence, item.section)
            if valence == "neutral":
                raise ValueError(item.section)
            return self.move(item, target)
        return self._replace(item, {"valence": valence})

    def set_phase(self, item: EmpathyItem, phase: str | None) -> EmpathyItem:
        return self._replace(item, {"phase": phase})

    def set_goal(self, goal: str) -> None:
        old = self.emap.goal
        self.emap.goal = goal

        def revert() -> set[Section]:
            self.emap.goal = old
            return set()

        self._record("goal", revert)

    def set_extended(self, extended: bool) -> None:
        self.emap.extended = extended
        self.on_change()

    def undo(self) -> tuple[str, set[Section]] | None:
        """Revert the last change; returns its kind and the sections to redraw."""
        if not self.undo_stack:
            return None
        change = self.undo_stack.pop()
        touched = change.revert()
        self.on_change()
        return change.kind, touched

    # -- internals -----------------------------------------------------------------------

    def _record(self, kind: str, revert: Callable[[], set[Section] | None]) -> None:
        def wrapped() -> set[Section]:
            return revert() or set()

        self.undo_stack.append(Change(kind, wrapped))
        del self.undo_stack[:-UNDO_LIMIT]
        self.on_change()

    def _index(self, item: EmpathyItem) -> int:
        return next(i for i, other in enumerate(self.emap.items) if other is item)

    def _section_index(self, item: EmpathyItem) -> int:
        return next(i for i, other in enumerate(self.by_section[item.section]) if other is item)

    def _remove(self, item: EmpathyItem) -> set[Section]:
        del self.emap.items[self._index(item)]
        del self.by_section[item.section][self._section_index(item)]
        if item.id not in self.emap.deleted:
            self.emap.deleted.append(item.id)
        return {item.section}

    def _replace(self, item: EmpathyItem, changes: dict[str, object]) -> EmpathyItem:
        """A new item with the same id: validated as a whole, so a move into Pains gets its valence."""
        new = EmpathyItem.model_validate({**item.model_dump(), **changes})
        self._swap(item, new)

        def revert() -> set[Section]:
            self._swap(new, item)
            return {item.section, new.section}

        self._record("edit", revert)
        return new

    def _swap(self, old: EmpathyItem, new: EmpathyItem) -> None:
        self.emap.items[self._index(old)] = new
        position = self._section_index(old)
        if old.section == new.section:
            self.by_section[old.section][position] = new
        else:
            del self.by_section[old.section][position]
            self.by_section[new.section].append(new)
