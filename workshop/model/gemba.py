"""The gemba walk: staff walk the customer's real route and log what they observe."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .action import Action
from .base import Document, Emotion, Id, Item, Lane, Line, RequiredLine, Severity, Tag, Text
from .phases import Language

MAX_WAIT_MINUTES = 90 * 24 * 60
"""Ninety days: a wait for a scan or a letter is measured in days."""

ObservationKind = Literal["observation", "pain", "gain", "idea", "question"]
OBSERVATION_KINDS: tuple[ObservationKind, ...] = ("observation", "pain", "gain", "idea", "question")

Waste = Literal[
    "transport",
    "inventory",
    "motion",
    "waiting",
    "overproduction",
    "overprocessing",
    "defects",
    "skills",
]


@dataclass(frozen=True)
class WasteCategory:
    key: Waste
    nl: str
    en: str
    aliases: tuple[str, ...]
    """Other words, Dutch and English, that name this waste in quick capture."""

    def label(self, language: Language) -> str:
        return self.en if language == "en" else self.nl


WASTES: dict[str, WasteCategory] = {
    category.key: category
    for category in (
        WasteCategory("transport", "Transport", "Transport", ("vervoer",)),
        WasteCategory("inventory", "Voorraad", "Inventory", ("voorraad", "stock", "wachtrij")),
        WasteCategory("motion", "Beweging", "Motion", ("beweging", "lopen", "zoeken")),
        WasteCategory("waiting", "Wachten", "Waiting", ("wachten", "wachttijd", "wait")),
        WasteCategory("overproduction", "Overproductie", "Overproduction", ("overproductie",)),
        WasteCategory(
            "overprocessing",
            "Overbewerking",
            "Overprocessing",
            ("overbewerking", "overprocessing", "dubbel", "dubbelwerk"),
        ),
        WasteCategory("defects", "Fouten", "Defects", ("fouten", "fout", "defect", "herstel")),
        WasteCategory(
            "skills",
            "Onbenut talent",
            "Unused skills",
            ("talent", "vaardigheden", "onbenut-talent", "kennis"),
        ),
    )
}


def _check_photo(value: str) -> str:
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not value.strip():
        raise ValueError("a photo is a path inside the workshop folder, without '..'")
    return str(path)


PhotoRef = Annotated[str, AfterValidator(_check_photo)]


class Observer(Item):
    name: RequiredLine
    role: Line = ""

    @classmethod
    def id_prefix(cls) -> str:
        return "obsr"


class RouteStep(Item):
    name: RequiredLine
    phase: str | None = None
    location: Line = ""

    @classmethod
    def id_prefix(cls) -> str:
        return "step"


class Observation(Item):
    text: Text = Field(min_length=1)
    at: dt.datetime | None = None
    step: Id | None = None
    observer: Id | None = None
    kind: ObservationKind = "observation"
    waste: list[Waste] = []
    severity: Severity | None = None
    emotion: Emotion | None = None
    wait_minutes: float | None = Field(default=None, ge=0, le=MAX_WAIT_MINUTES)
    """How long the customer waited here; queues of days are waits too (up to 90 days)."""
    duration_minutes: float | None = Field(default=None, ge=0, le=24 * 60)
    tags: list[Tag] = []
    photos: list[PhotoRef] = []
    lane: Lane | None = None
    """None: the customer lane (the walk follows the customer's route); back-office findings
    say frontstage, backstage or support."""
    journey_step: Id | None = None
    """The step of the journey map this note hangs on (`Workshop.steps`)."""
    theme: Line = ""
    """A theme key people set; observations with the same key are one theme in the report."""

    @classmethod
    def id_prefix(cls) -> str:
        return "obs"


class GembaWalk(Document):
    title: RequiredLine
    date: dt.date | None = None
    focus: Text = ""
    consent_note: Text = ""
    persona: Id | None = None
    """The persona whose route was walked; `report --persona` keeps the walk."""
    observers: list[Observer] = []
    route: list[RouteStep] = []
    observations: list[Observation] = []
    actions: list[Action] = []

    @model_validator(mode="after")
    def _references_inside_the_walk(self) -> GembaWalk:
        steps = {step.id for step in self.route}
        observers = {observer.id for observer in self.observers}
        for index, observation in enumerate(self.observations):
            if observation.step is not None and observation.step not in steps:
                raise ValueError(
                    f'observations.{index}.step: step "{observation.step}" is not a step of the route'
                )
            if observation.observer is not None and observation.observer not in observers:
                raise ValueError(
                    f'observations.{index}.observer: "{observation.observer}" is not an observer of this walk'
                )
        return self

    def step_name(self, step_id: str | None) -> str:
        for step in self.route:
            if step.id == step_id:
                return step.name
        return ""

    @classmethod
    def id_prefix(cls) -> str:
        return "walk"


class GembaLog(Document):
    """What one note-taker logged of a shared walk, in a file of their own.

    Two people logging the same walk never write the same file: the walk's file belongs to
    whoever set it up, and every other note-taker appends to their own log beside it."""

    walk: Id
    author: RequiredLine
    observations: list[Observation] = []
    actions: list[Action] = []

    @classmethod
    def id_prefix(cls) -> str:
        return "log"
