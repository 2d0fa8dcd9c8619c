"""The workshop itself: one journey for one product, service or department."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .action import Action
from .base import Document, Emotion, Id, Item, Line, Model, RequiredLine, Text
from .phases import CUSTOM, PRESETS, Language, Phase

TouchpointStage = Literal["pre-purchase", "purchase", "post-purchase"]
KpiKind = Literal["nps", "ces", "csat", "conversion", "custom"]
Better = Literal["higher", "lower"]

KPI_RANGES: dict[str, tuple[float, float]] = {
    "nps": (-100, 100),
    "ces": (1, 7),
    "csat": (0, 100),
    "conversion": (0, 100),
}
"""Allowed values per KPI kind: NPS score, CES on a 1-7 scale, CSAT and conversion in %."""


class Scope(Model):
    begin: Text = ""
    end: Text = ""


class Step(Item):
    """An action step of the journey inside one phase (the sources ask for 4 to 12 per
    journey): what the customer does, where, and whether it is a moment of truth."""

    name: RequiredLine
    phase: str
    action: Text = ""
    """What the customer does in this step, in their words."""
    moment_of_truth: bool = False
    emotion: Emotion | None = None
    """The team's own score (-2..2), shown beside the emotion the evidence gives."""
    touchpoints: list[Id] = []
    note: Text = ""

    @classmethod
    def id_prefix(cls) -> str:
        return "jstep"  # "step" is a gemba route step's


class Touchpoint(Item):
    name: RequiredLine
    channel: Line = ""
    phase: str | None = None
    step: Id | None = None
    stage: TouchpointStage | None = None
    devices: list[Line] = Field(
        default=[], description="Devices the customer uses here (smartphone, laptop): cross-device journeys."
    )

    @classmethod
    def id_prefix(cls) -> str:
        return "tp"


class Measurement(Model):
    """One dated value of a KPI, so a KPI has a history."""

    on: dt.date
    value: float
    note: Text = ""


class Kpi(Item):
    kind: KpiKind
    phase: str | None = None
    step: Id | None = None
    name: Line = ""
    unit: Line = ""
    target: float | None = None
    measured: float | None = None
    better: Better | None = None
    """Whether a higher or a lower value is better; never guessed from the unit. None: the
    direction is not set, so the report cannot say whether the target is met."""
    note: Text = ""
    measurements: list[Measurement] = []
    """Dated values, oldest first once sorted; the newest is the KPI's current value."""

    @model_validator(mode="after")
    def _within_range(self) -> Kpi:
        if self.kind == "custom" and not self.name:
            raise ValueError("name: a custom KPI needs a name")
        bounds = KPI_RANGES.get(self.kind)
        if bounds:
            low, high = bounds
            values = [("target", self.target), ("measured", self.measured)]
            values += [(f"measurements.{i}.value", m.value) for i, m in enumerate(self.measurements)]
            for label, value in values:
                if value is not None and not low <= value <= high:
                    raise ValueError(
                        f"{label}: {value:g} is outside the {self.kind.upper()} range {low:g}..{high:g}"
                    )
        return self

    def label(self) -> str:
        return self.name or self.kind.upper()

    def history(self) -> list[Measurement]:
        """The measurements by date, oldest first."""
        return sorted(self.measurements, key=lambda m: m.on)

    def current(self) -> float | None:
        """The newest measurement's value, else `measured`."""
        history = self.history()
        return history[-1].value if history else self.measured

    def met(self) -> bool | None:
        """Whether the measured value reaches the target in the stated direction; None when
        the direction, the target or the measurement is missing."""
        value = self.current()
        if self.better is None or self.target is None or value is None:
            return None
        return value >= self.target if self.better == "higher" else value <= self.target

    @classmethod
    def id_prefix(cls) -> str:
        return "kpi"


class Workshop(Document):
    title: RequiredLine
    goal: Text = ""
    product: Line = Field(default="", description="The product, service or department mapped.")
    scope: Scope = Field(default_factory=Scope)  # a factory: no Scope is built (nor its schema) at import
    trigger: Text = Field(default="", description="What starts the journey for the customer.")
    language: Language = "nl"
    phase_model: str = "five-stage"
    phases: list[Phase] = []
    """Only for phase_model = "custom": the ordered phases."""
    dates: list[dt.date] = []
    facilitator: Line = ""
    steps: list[Step] = []
    """The journey's action steps, in order; each belongs to one phase."""
    touchpoints: list[Touchpoint] = []
    kpis: list[Kpi] = []
    actions: list[Action] = []

    @model_validator(mode="after")
    def _phases_match_model(self) -> Workshop:
        if self.phase_model == CUSTOM:
            if not self.phases:
                raise ValueError('phases: phase_model "custom" needs at least one [[phases]] entry')
            keys = [phase.key for phase in self.phases]
            doubles = sorted({key for key in keys if keys.count(key) > 1})
            if doubles:
                raise ValueError(f"phases: phase keys must be unique; repeated: {', '.join(doubles)}")
        elif self.phase_model in PRESETS:
            if self.phases:
                raise ValueError(
                    f'phases: phases come from preset "{self.phase_model}"; '
                    'set phase_model = "custom" to define your own'
                )
        else:
            known = ", ".join([*PRESETS, CUSTOM])
            raise ValueError(
                f'phase_model: unknown phase_model "{self.phase_model}"; expected one of {known}'
            )
        return self

    def phase_list(self) -> list[Phase]:
        if self.phase_model == CUSTOM:
            return list(self.phases)
        return list(PRESETS[self.phase_model].phases)

    def phase_label(self, key: str | None, language: Language | None = None) -> str:
        for phase in self.phase_list():
            if phase.key == key:
                return phase.label(language or self.language)
        return key or ""

    @classmethod
    def id_prefix(cls) -> str:
        return "ws"
