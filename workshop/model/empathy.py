"""The empathy map: what one persona says, thinks, does and feels, with pains and gains."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, model_validator

from .base import Document, Id, Item, Lane, Line, RequiredLine, Text

Section = Literal["says", "thinks", "does", "feels", "sees", "hears", "pains", "gains"]
Valence = Literal["neutral", "pain", "gain"]

CORE_SECTIONS: tuple[Section, ...] = ("says", "thinks", "does", "feels")
EXTENDED_SECTIONS: tuple[Section, ...] = ("sees", "hears")
VALENCE_SECTIONS: tuple[Section, ...] = ("pains", "gains")
SECTIONS: tuple[Section, ...] = (*CORE_SECTIONS, *EXTENDED_SECTIONS, *VALENCE_SECTIONS)

WORKING_ORDER: tuple[Section, ...] = ("sees", "hears", "says", "does", "thinks", "feels", "pains", "gains")
"""The canvas is filled from what can be observed towards what must be inferred."""


class EmpathyItem(Item):
    section: Section
    text: Text = Field(min_length=1)
    valence: Valence = "neutral"
    phase: str | None = None
    lane: Lane | None = None
    """None: the customer's own lane, since an empathy map is the persona's view."""
    journey_step: Id | None = None
    """The step of the journey map this note hangs on (`Workshop.steps`)."""
    theme: Line = ""
    """A theme key people set; items with the same key are one theme in the report."""

    @model_validator(mode="before")
    @classmethod
    def _pains_and_gains_carry_their_valence(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("section") in VALENCE_SECTIONS:
            implied = "pain" if data["section"] == "pains" else "gain"
            given = data.get("valence")
            if given is None:
                data = {**data, "valence": implied}
            elif given != implied:
                raise ValueError(f'valence: an item in section "{data["section"]}" has valence "{implied}"')
        return data

    @classmethod
    def id_prefix(cls) -> str:
        return "item"


class EmpathyMap(Document):
    title: RequiredLine
    persona: Id
    goal: Text = ""
    """What does the persona need to do?"""
    extended: bool = False
    """Show the Sees and Hears sections of the extended canvas."""
    date: dt.date | None = None
    facilitator: Line = ""
    items: list[EmpathyItem] = []

    def section_items(self, section: Section) -> list[EmpathyItem]:
        return [item for item in self.items if item.section == section]

    def sections(self) -> tuple[Section, ...]:
        if self.extended or any(item.section in EXTENDED_SECTIONS for item in self.items):
            return SECTIONS
        return (*CORE_SECTIONS, *VALENCE_SECTIONS)

    @classmethod
    def id_prefix(cls) -> str:
        return "empathy"
