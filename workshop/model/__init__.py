"""The domain of customer-journey workshops. Imports nothing of the app."""

from .action import ACTION_STATUSES, Action, ActionStatus
from .arena import ArenaNote, ArenaRound, Customer, CustomerArena, Staff, default_rounds
from .base import LANES, Conflict, Document, Item, Lane, Model, new_id
from .bundle import ReferenceProblem, Session, WorkshopBundle
from .empathy import SECTIONS, WORKING_ORDER, EmpathyItem, EmpathyMap, Section, Valence
from .gemba import OBSERVATION_KINDS, WASTES, GembaLog, GembaWalk, Observation, Observer, RouteStep, Waste
from .persona import Persona
from .phases import CUSTOM, LANGUAGES, PRESETS, Language, Phase, PhasePreset, custom_phase_labels
from .synthesis import Ballot, Opportunity, Synthesis, Theme, Vote
from .workshop import Kpi, Measurement, Scope, Step, Touchpoint, Workshop

__all__ = [
    "ACTION_STATUSES",
    "CUSTOM",
    "LANES",
    "LANGUAGES",
    "OBSERVATION_KINDS",
    "PRESETS",
    "SECTIONS",
    "WASTES",
    "WORKING_ORDER",
    "Action",
    "ActionStatus",
    "ArenaNote",
    "ArenaRound",
    "Ballot",
    "Conflict",
    "Customer",
    "CustomerArena",
    "Document",
    "EmpathyItem",
    "EmpathyMap",
    "GembaLog",
    "GembaWalk",
    "Item",
    "Kpi",
    "Lane",
    "Language",
    "Measurement",
    "Model",
    "Observation",
    "Observer",
    "Opportunity",
    "Persona",
    "Phase",
    "PhasePreset",
    "ReferenceProblem",
    "RouteStep",
    "Scope",
    "Section",
    "Session",
    "Staff",
    "Step",
    "Synthesis",
    "Theme",
    "Touchpoint",
    "Valence",
    "Vote",
    "Waste",
    "Workshop",
    "WorkshopBundle",
    "custom_phase_labels",
    "default_rounds",
    "new_id",
]
