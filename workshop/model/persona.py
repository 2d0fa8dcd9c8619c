"""Personas: semi-fictional profiles of a customer group, one per journey view."""

from __future__ import annotations

from pydantic import Field

from .base import Document, Line, RequiredLine, Text


class Persona(Document):
    name: RequiredLine
    segment: Line = ""
    quote: Text = ""
    goals: list[Line] = []
    needs: list[Line] = []
    expectations: list[Line] = Field(
        default=[], description="Also measurable ones, such as time to completion."
    )
    frustrations: list[Line] = []
    channels: list[Line] = []
    devices: list[Line] = []
    notes: Text = ""

    @classmethod
    def id_prefix(cls) -> str:
        return "persona"
