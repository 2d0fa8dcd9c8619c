"""The compiled journey: pure data that the templates render and that JSON carries as is."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

REPORT_SCHEMA_VERSION: Literal[1] = 1
"""Version of the JSON report (journey.schema.json); not the version of the session files."""

Method = Literal["empathy", "arena", "gemba"]
Evidence = Literal["observed", "heard", "assumed"]
Side = Literal["customer", "staff", "unknown"]
"""Whose evidence a note is: the customer's (inner ring, empathy map, an observation in the
customer lane) or staff's (outer ring, frontstage, backstage, support); unknown for an arena
note without speaker in a round where both rings speak."""
GridLane = Literal[
    "does",
    "sees_hears",
    "quotes",
    "thoughts",
    "feelings",
    "pains",
    "gains",
    "frontstage",
    "staff_voice",
    "backstage",
    "support",
    "ideas",
    "unattributed",
]
CUSTOMER_LANES: tuple[GridLane, ...] = (
    "does",
    "sees_hears",
    "quotes",
    "thoughts",
    "feelings",
    "pains",
    "gains",
)
"""Rows above the line of interaction: the customer's actions, senses, voice, pains and gains."""
STAFF_LANES: tuple[GridLane, ...] = ("frontstage", "staff_voice", "backstage", "support")
"""Rows of the organisation: in sight of the customer, what staff said, out of sight, support."""
GRID_LANES: tuple[GridLane, ...] = (*CUSTOMER_LANES, *STAFF_LANES, "ideas", "unattributed")
"""Rows of the journey grid, top to bottom, as a service blueprint."""


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
    lane: Literal["customer", "frontstage", "backstage", "support"] | None = "customer"
    """The note's service-blueprint lane, as set on the note or by its method's default; None
    for a staff member's words in the arena that name no lane (speech is not a blueprint step)."""
    side: Side = "customer"
    grid: tuple[GridLane, ...] = ()
    """The rows of the journey grid the note is shown in."""
    kind: str = ""
    """Empathy section key, arena round (`round-2`) or gemba kind key (pain, idea, …)."""
    round: int | None = None
    who: str = ""
    """Speaker, observer or persona, to read; a customer only by alias when they consented."""
    speaker: str | None = None
    """Id of the arena speaker or the gemba observer, for machines."""
    step: str = ""
    step_id: str = ""
    emotion: int | None = None
    severity: int | None = None
    pain: bool = False
    """Counts as a pain of the journey (see the compiler for the rule per method)."""
    gain: bool = False
    wastes: tuple[str, ...] = ()
    """Waste category keys (`waiting`, `motion`, …)."""
    wait_minutes: float | None = None
    tags: tuple[str, ...] = ()
    theme: str = ""
    """The theme key people set on the note; empty when none is set."""
    touchpoint: str | None = None
    quote: bool = False
    persona: str | None = None
    actions: tuple[str, ...] = ()
    """Ids of the actions and commitments whose sources name this note."""
    photos: tuple[str, ...] = ()
    """Gemba photos, as paths relative to the workshop folder."""
    ref: str = ""
    """Short reference for people: method letter and number in this report (E5, A3, G12)."""


class EmotionScore(Frozen):
    mean: float
    count: int
    low: int
    high: int
    spread: float
    """Population standard deviation: how far the scored items disagree."""


class WaitStats(Frozen):
    """Waits of different customers are never added up: how many, the middle one, the longest."""

    count: int
    median_minutes: float
    max_minutes: float


class WasteCount(Frozen):
    key: str
    label: str
    count: int


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
    better: Literal["higher", "lower"] | None = None
    """None: the direction is not set, so whether the target is met is not said."""
    note: str = ""
    met: bool | None = None
    """Whether the measured value reaches the target in the stated direction; None when the
    direction, the target or the measurement is missing."""


class PhaseColumn(Frozen):
    key: str
    label: str
    touchpoints: tuple[TouchpointRow, ...] = ()
    lanes: dict[GridLane, tuple[str, ...]]
    """Grid row → note ids, in the order the sessions hold them."""
    emotion: EmotionScore | None = None
    """Customer-side evidence only: inner-ring sentiment and observations in the customer lane."""
    wait: WaitStats | None = None
    wastes: tuple[WasteCount, ...] = ()
    kpis: tuple[KpiRow, ...] = ()
    note_count: int = 0


class PainGroup(Frozen):
    """Pains that share a theme: one set by people, else the same first tag, else one note."""

    theme: str
    """The theme key (`uitloop`), the shared tag (`#wachtkamer`), or empty for a lone note."""
    grouped_by: Literal["theme", "tag", "note"]
    text: str
    """The most severe note of the group, to read the pain by."""
    phases: tuple[str, ...]
    """Phase keys, in the order the notes hold them."""
    frequency: int
    severity: float
    score: float
    notes: tuple[str, ...]
    methods: tuple[Method, ...]
    actions: tuple[str, ...]
    """Ids of the actions whose sources name any note of the theme (a pain or not); empty
    means nobody owns the theme yet."""


class ActionRow(Frozen):
    id: str
    text: str
    owner: str = ""
    due: dt.date | None = None
    status: Literal["open", "in-progress", "done", "dropped"]
    overdue: bool = False
    """Due before the report's date and still open or in progress."""
    worded_as_note: bool = False
    """The action's text is the text of a note it came from: it says the problem, not what
    will be done (the report flags it so nobody reads a problem as a plan)."""
    origin: str
    origin_id: str = ""
    sources: tuple[str, ...] = ()
    """Note ids it came from (linked in the report)."""
    kpis: tuple[str, ...] = ()
    """KPI labels it came from."""
    unknown_sources: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    """Ids of the synthesis themes and opportunities it answers (sources that name them)."""


class StepRow(Frozen):
    walk: str
    id: str
    name: str
    phase: str | None
    observations: int
    wait: WaitStats | None = None


class WasteRow(Frozen):
    key: str
    label: str
    count: int
    cumulative_percent: float
    """Share of all waste marks in this walk of this category and the ones above it."""


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
    wait: WaitStats | None = None


class PersonaCard(Frozen):
    """A persona's profile, with how much evidence in this report stands for them."""

    id: str
    name: str
    segment: str = ""
    quote: str = ""
    goals: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    expectations: tuple[str, ...] = ()
    frustrations: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    devices: tuple[str, ...] = ()
    notes: str = ""
    empathy_maps: int = 0
    customers: int = 0
    """Arena customers who stand for this persona."""
    walks: int = 0
    """Gemba walks that followed this persona's route."""


class TouchpointView(Frozen):
    """A touchpoint with the evidence (note ids) that names it."""

    id: str
    name: str
    channel: str = ""
    devices: tuple[str, ...] = ()
    stage: str = ""
    """pre-purchase, purchase or post-purchase; empty when not set."""
    phase: str = ""
    """Phase key; empty when the touchpoint has no phase of this model."""
    notes: tuple[str, ...] = ()


class ChannelRow(Frozen):
    """Per phase: the stages, channels and devices its touchpoints use (cross-device journeys)."""

    phase: str
    label: str
    stages: tuple[str, ...]
    channels: tuple[str, ...]
    devices: tuple[str, ...]
    touchpoints: int
    evidence: int
    """Notes that name one of this phase's touchpoints."""


class Participation(Frozen):
    personas: tuple[str, ...]
    empathy_maps: int
    customers: int
    customers_consented: tuple[str, ...]
    """Aliases of the customers who agreed to be named; the others are only counted."""
    staff: int
    observers: tuple[str, ...]
    note_takers: int


Quadrant = Literal["quick-win", "big-bet", "fill-in", "money-pit"]


class ThemeEvidence(Frozen):
    """One note cited by a theme, with what it takes to weigh it."""

    note: str
    """Key in Journey.notes."""
    method: Method
    phase: str | None = None
    severity: int | None = None
    evidence: Evidence


class OpportunityView(Frozen):
    """A "how might we …" of the synthesis with the actions that answer it."""

    id: str
    text: str
    owner: str = ""
    status: Literal["open", "solved"]
    themes: tuple[str, ...]
    impact: int | None = None
    effort: int | None = None
    quadrant: Quadrant | None = None
    votes: int | None = None
    """None while votes are hidden."""
    actions: tuple[str, ...] = ()
    """Ids of the actions whose sources name this opportunity."""


class ThemeView(Frozen):
    """A theme of the synthesis: its rank by votes (when revealed) and by evidence."""

    id: str
    name: str
    description: str = ""
    votes: int | None = None
    """None while votes are hidden."""
    voters: int | None = None
    vote_rank: int | None = None
    vote_tied: bool = False
    evidence_count: int
    evidence_rank: int
    evidence_tied: bool = False
    evidence: tuple[ThemeEvidence, ...] = ()
    levels: dict[Evidence, int]
    """How many of its notes were observed, heard or assumed."""
    methods: tuple[Method, ...] = ()
    phases: tuple[str, ...] = ()
    worst_severity: int | None = None
    impact: int | None = None
    effort: int | None = None
    quadrant: Quadrant | None = None
    opportunities: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    """Ids of the actions whose sources name the theme or one of its opportunities."""
    missing_notes: tuple[str, ...] = ()
    """Note ids the theme names that are not in this report (another persona, or deleted)."""


class SynthesisView(Frozen):
    """The team's themes, votes and priorities; leads the report when present."""

    revealed: bool
    votes_each: int
    voters: int
    """Ballots cast."""
    themes: tuple[ThemeView, ...]
    """Ranked by votes (then evidence) when revealed, else by evidence."""
    by_evidence: tuple[str, ...]
    """Theme ids, most evidence first."""
    opportunities: tuple[OpportunityView, ...]
    matrix: dict[Quadrant, tuple[str, ...]]
    """Quadrant → ids of the themes and opportunities placed in it."""
    unplaced: tuple[str, ...] = ()
    """Themes and opportunities whose impact or effort is not set."""


class Journey(Frozen):
    """A workshop's sessions hung on its phases, for one persona or all."""

    schema_version: Literal[1] = REPORT_SCHEMA_VERSION
    workshop_id: str
    date: dt.date
    """The report's date: what "overdue" is measured against."""
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
    overdue_actions: int
    emotion_curve: tuple[float | None, ...]
    """Mean emotion per phase, in phase order; None where nothing was scored."""
    personas: tuple[PersonaCard, ...] = ()
    """Persona cards: every persona, or the one the report is narrowed to."""
    touchpoints: tuple[TouchpointView, ...] = ()
    channels: tuple[ChannelRow, ...] = ()
    """One row per phase, in phase order."""
    synthesis: SynthesisView | None = None
    """None when the team set no themes: the report then leads with the heuristic top pains."""
