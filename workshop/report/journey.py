"""The compiled journey: pure data that the templates render and that JSON carries as is."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

Method = Literal["empathy", "arena", "gemba"]
Evidence = Literal["observed", "heard", "assumed"]
Lane = Literal["does", "quotes", "thoughts", "feelings", "pains", "gains", "ideas", "backstage"]
LANES: tuple[Lane, ...] = ("does", "quotes", "thoughts", "feelings", "pains", "gains", "ideas", "backstage")
"""Rows of the journey grid, top to bottom: front stage first, the organisation's side last."""


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Note(Frozen):
    """One piece of evidence, as written in a session; the appendix lists every one."""

    id: str
    method: Method
    document_id: str
    document: str
    text: str
    evidence: Evidence
    phase: str | None = None
    lanes: tuple[Lane, ...] = ()
    kind: str = ""
    """Empathy section, arena round ("round 2") or gemba kind (pain, idea, …)."""
    who: str = ""
    """Speaker, observer or persona; a customer only by alias when they consented."""
    step: str = ""
    emotion: int | None = None
    severity: int | None = None
    wastes: tuple[str, ...] = ()
    wait_minutes: float | None = None
    tags: tuple[str, ...] = ()
    quote: bool = False
    persona: str | None = None


class EmotionScore(Frozen):
    mean: float
    count: int
    low: int
    high: int
    spread: float
    """Population standard deviation: how far the scored items disagree."""


class TouchpointRow(Frozen):
    id: str
    name: str
    channel: str = ""
    stage: str = ""


class KpiRow(Frozen):
    id: str
    label: str
    kind: str
    unit: str = ""
    target: float | None = None
    measured: float | None = None
    note: str = ""
    met: bool | None = None
    """Whether the measured value reaches the target; None when either is missing."""


class PhaseColumn(Frozen):
    key: str
    label: str
    touchpoints: tuple[TouchpointRow, ...] = ()
    lanes: dict[Lane, tuple[str, ...]]
    """Lane → note ids, in the order the sessions hold them."""
    emotion: EmotionScore | None = None
    wait_minutes: float = 0
    kpis: tuple[KpiRow, ...] = ()
    note_count: int = 0


class PainGroup(Frozen):
    """Pains that share a theme: a gemba tag, or the same words."""

    theme: str
    """The shared gemba tag (`#wachtkamer`); empty for a pain that stands alone."""
    text: str
    """The most severe note of the group, to read the pain by."""
    phases: tuple[str, ...]
    frequency: int
    severity: float
    score: float
    notes: tuple[str, ...]
    methods: tuple[Method, ...]
    actions: tuple[str, ...]
    """Ids of the actions that came from any of these notes; empty means nobody owns the pain yet."""


class ActionRow(Frozen):
    id: str
    text: str
    owner: str = ""
    due: dt.date | None = None
    status: str
    origin: str
    sources: tuple[str, ...] = ()
    """Note ids it came from (linked in the report)."""
    kpis: tuple[str, ...] = ()
    """KPI labels it came from."""
    unknown_sources: tuple[str, ...] = ()


class StepRow(Frozen):
    walk: str
    id: str
    name: str
    phase: str | None
    observations: int
    wait_minutes: float


class WasteRow(Frozen):
    key: str
    label: str
    count: int
    cumulative_percent: float


class EmpathySection(Frozen):
    key: str
    label: str
    notes: tuple[str, ...]


class EmpathyMapView(Frozen):
    id: str
    title: str
    persona: str
    goal: str
    sections: tuple[EmpathySection, ...]


class ArenaRoundView(Frozen):
    number: int
    purpose: str
    planned_minutes: int
    notes: tuple[str, ...]


class ArenaView(Frozen):
    id: str
    title: str
    date: dt.date | None
    themes: tuple[str, ...]
    customers: int
    staff: int
    ring_override: str
    rounds: tuple[ArenaRoundView, ...]
    commitments: tuple[str, ...]


class WalkView(Frozen):
    id: str
    title: str
    date: dt.date | None
    focus: str
    observers: tuple[str, ...]
    steps: tuple[StepRow, ...]
    wastes: tuple[WasteRow, ...]
    notes: tuple[str, ...]
    """Observation ids in the order they were logged."""
    wait_minutes: float


class Participation(Frozen):
    personas: tuple[str, ...]
    empathy_maps: int
    customers: int
    customers_consented: tuple[str, ...]
    """Aliases of the customers who agreed to be named; the others are only counted."""
    staff: int
    observers: tuple[str, ...]
    note_takers: int


class Journey(Frozen):
    """A workshop's sessions hung on its phases, for one persona or all."""

    title: str
    goal: str
    product: str
    language: Literal["nl", "en"]
    scope_begin: str
    scope_end: str
    phase_model: str
    dates: tuple[dt.date, ...]
    facilitator: str
    persona: str | None
    """The persona the report is narrowed to; None for all."""
    participation: Participation
    phases: tuple[PhaseColumn, ...]
    unphased: PhaseColumn
    """Evidence without a phase (or with a phase the model does not have): listed, never dropped."""
    notes: dict[str, Note]
    top_pains: tuple[PainGroup, ...]
    actions: tuple[ActionRow, ...]
    empathy_maps: tuple[EmpathyMapView, ...]
    arenas: tuple[ArenaView, ...]
    walks: tuple[WalkView, ...]
    pain_themes: int
    """How many pain groups there are in all; top_pains holds the first of them."""
    unowned_pains: int
    """Pain groups that no action came from."""
    actions_without_owner: int
    emotion_curve: tuple[float | None, ...]
    """Mean emotion per phase, in phase order; None where nothing was scored."""
