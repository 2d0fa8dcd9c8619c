"""Phase models: the columns of a journey, as presets from the seeds or custom lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from .base import Line, Model

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
PHASE_KEY_PATTERN = r"^[a-z0-9][a-z0-9-]{0,47}$"


class Phase(Model):
    """One column of the journey, keyed by a short slug that items refer to."""

    key: str = Field(pattern=PHASE_KEY_PATTERN)
    nl: Line = Field(min_length=1)
    en: Line = ""

    def label(self, language: Language) -> str:
        return (self.en or self.nl) if language == "en" else self.nl


@dataclass(frozen=True)
class PhasePreset:
    name: str
    title_nl: str
    title_en: str
    source: str
    phases: tuple[Phase, ...]

    def title(self, language: Language) -> str:
        return self.title_en if language == "en" else self.title_nl


def _phases(*pairs: tuple[str, str, str]) -> tuple[Phase, ...]:
    return tuple(Phase(key=key, nl=nl, en=en) for key, nl, en in pairs)


PRESETS: dict[str, PhasePreset] = {
    preset.name: preset
    for preset in (
        PhasePreset(
            "dcjm",
            "Digitaal Customer Journey Model (10 fasen)",
            "Digital Customer Journey Model (10 phases)",
            "seed 000",
            _phases(
                ("latent-need", "Latente behoefte", "Latent need"),
                ("concrete-need", "Concrete behoefte", "Concrete need"),
                ("orientation", "Oriëntatie", "Orientation"),
                ("consideration", "Overweging", "Consideration"),
                ("decision", "Beslismoment", "Decision moment"),
                ("purchase", "Aankoop", "Purchase"),
                ("delivery", "Levering", "Delivery"),
                ("use", "Gebruik", "Use"),
                ("loyalty", "Loyaliteit", "Loyalty"),
                ("ambassador", "Ambassadeur", "Ambassador"),
            ),
        ),
        PhasePreset(
            "five-stage",
            "Vijf fasen",
            "Five stages",
            "seed 002",
            _phases(
                ("awareness", "Bewustwording", "Awareness"),
                ("consideration", "Overweging", "Consideration"),
                ("purchase", "Aankoop en beslissing", "Purchase and decision"),
                ("retention", "Behoud", "Retention"),
                ("advocacy", "Aanbeveling", "Advocacy"),
            ),
        ),
        PhasePreset(
            "touch-tell-sell-care",
            "Touch, tell, sell, care",
            "Touch, tell, sell, care",
            "seed 003",
            _phases(
                ("touch", "Touch (aandacht)", "Touch"),
                ("tell", "Tell (informeren)", "Tell"),
                ("sell", "Sell (verkopen)", "Sell"),
                ("care", "Care (nazorg)", "Care"),
            ),
        ),
        PhasePreset(
            "seven-stage",
            "Zeven fasen",
            "Seven stages",
            "seed 004",
            _phases(
                ("out-of-market", "Buiten de markt", "Out of market"),
                ("trigger", "Aanleiding", "Trigger"),
                ("initial-consideration", "Eerste overweging", "Initial consideration"),
                ("active-evaluation", "Actieve evaluatie", "Active evaluation"),
                ("purchase-decision", "Aankoopbeslissing", "Purchase decision"),
                ("experience", "Ervaring", "Experience"),
                ("loyalty", "Loyaliteit", "Loyalty"),
            ),
        ),
        PhasePreset(
            "discovery-endgame",
            "Ontdekking tot eindspel",
            "Discovery to endgame",
            "seed 002",
            _phases(
                ("discovery", "Ontdekking", "Discovery"),
                ("onboarding", "Onboarding", "Onboarding"),
                ("scaffolding", "Opbouw", "Scaffolding"),
                ("endgame", "Eindspel", "Endgame"),
            ),
        ),
    )
}
CUSTOM = "custom"
