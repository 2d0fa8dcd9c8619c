"""The customer arena (klantarena): customers inside, staff around them, three rounds."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .action import Action
from .base import Document, Emotion, Id, Item, Lane, Line, Model, RequiredLine, Text
from .phases import Language

Round3Variant = Literal["swap", "mixed"]
ROUND_NUMBERS = (1, 2, 3)


class Customer(Item):
    """A customer in the inner ring; named only by alias unless they consented."""

    alias: RequiredLine
    segment: Line = ""
    consent: bool = False
    persona: Id | None = None
    """The persona this customer stands for; `report --persona` keeps their notes."""

    @classmethod
    def id_prefix(cls) -> str:
        return "cust"


class Staff(Item):
    name: RequiredLine
    role: Line = Field(default="", description="Role or department.")

    @classmethod
    def id_prefix(cls) -> str:
        return "staff"


class ArenaNote(Item):
    text: Text = Field(min_length=1)
    speaker: Id | None = None
    phase: str | None = None
    touchpoint: Id | None = None
    sentiment: Emotion | None = None
    quote: bool = False
    at: dt.datetime | None = None
    lane: Lane | None = None
    """Only read when the note has no speaker: "customer" puts it on the customer's side,
    any other lane on the staff side. With a speaker, the speaker's ring decides."""
    journey_step: Id | None = None
    """The step of the journey map this note hangs on (`Workshop.steps`)."""
    theme: Line = ""
    """A theme key people set; notes with the same key are one theme in the report."""

    @classmethod
    def id_prefix(cls) -> str:
        return "note"


class ArenaRound(Model):
    number: int = Field(ge=1, le=3)
    purpose: Text = ""
    planned_minutes: int = Field(default=20, ge=1, le=240)
    notes: list[ArenaNote] = []


_PURPOSES: dict[Language, dict[int | str, str]] = {
    "nl": {
        1: "Klanten vertellen over hun ervaring; medewerkers luisteren en reageren niet.",
        2: "Medewerkers stellen alleen verdiepende vragen.",
        "swap": "Reflectie: de ringen wisselen; medewerkers zeggen wat ze hoorden en wat ze gaan doen.",
        "mixed": "Reflectie: gemengde groepen werken elk één verbeterpunt uit.",
    },
    "en": {
        1: "Customers tell about their experience; staff listen and do not respond.",
        2: "Staff ask deepening questions only.",
        "swap": "Reflection: the rings swap; staff say what they heard and what they will do.",
        "mixed": "Reflection: mixed groups each take one improvement point.",
    },
}


def default_rounds(language: Language, variant: Round3Variant = "swap") -> list[ArenaRound]:
    """The three rounds of the method with their purpose in the workshop's language."""
    purposes = _PURPOSES[language]
    return [
        ArenaRound(number=1, purpose=purposes[1]),
        ArenaRound(number=2, purpose=purposes[2]),
        ArenaRound(number=3, purpose=purposes[variant]),
    ]


class CustomerArena(Document):
    title: RequiredLine
    date: dt.date | None = None
    facilitator: Line = ""
    themes: list[Line] = []
    """Themes agreed beforehand with the client."""
    round3_variant: Round3Variant = "swap"
    inner: list[Customer] = []
    outer: list[Staff] = []
    ring_override: Text = ""
    """Why the arena runs with fewer staff than customers; empty means the rule holds."""
    rounds: list[ArenaRound] = Field(default_factory=lambda: default_rounds("nl"))
    commitments: list[Action] = []

    @model_validator(mode="after")
    def _arena_rules(self) -> CustomerArena:
        numbers = [round_.number for round_ in self.rounds]
        if sorted(numbers) != list(ROUND_NUMBERS):
            raise ValueError(f"rounds: an arena has rounds 1, 2 and 3 once each; found {numbers or 'none'}")
        problem = self.ring_problem()
        if problem and not self.ring_override.strip():
            raise ValueError(f"outer: {problem}; add staff, or record the reason in ring_override")
        participants = {person.id for person in (*self.inner, *self.outer)}
        for r, round_ in enumerate(self.rounds):
            for n, note in enumerate(round_.notes):
                if note.speaker is not None and note.speaker not in participants:
                    raise ValueError(
                        f'rounds.{r}.notes.{n}.speaker: "{note.speaker}" is not in the inner or outer ring'
                    )
        return self

    def ring_problem(self) -> str | None:
        """The ring rule of the method: at least as many staff as customers."""
        if len(self.outer) < len(self.inner):
            return (
                f"the outer ring has {len(self.outer)} staff for {len(self.inner)} customers; "
                "it needs at least as many staff as customers"
            )
        return None

    def speakers_for(self, number: int) -> list[Customer | Staff]:
        """Who speaks in a round, in the order speaker keys 1-9 pick them: customers tell in
        round 1; in round 2 staff ask and customers answer; in round 3 the rings swap (staff
        speak) or mixed groups talk (everyone)."""
        if number == 1:
            return list(self.inner)
        if number == 2 or self.round3_variant == "mixed":
            return [*self.outer, *self.inner]
        return list(self.outer)

    def round(self, number: int) -> ArenaRound:
        return next(round_ for round_ in self.rounds if round_.number == number)

    def notes(self) -> list[ArenaNote]:
        return [note for round_ in sorted(self.rounds, key=lambda r: r.number) for note in round_.notes]

    def speaker_name(self, speaker: str | None) -> str:
        for customer in self.inner:
            if customer.id == speaker:
                return customer.alias
        for staff in self.outer:
            if staff.id == speaker:
                return staff.name
        return ""

    @classmethod
    def id_prefix(cls) -> str:
        return "arena"
