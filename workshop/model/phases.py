"""Phase models: the columns of a journey, as presets from the seeds or custom lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field, model_validator

from .base import Line, Model

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
PHASE_KEY_PATTERN = r"^[a-z0-9][a-z0-9-]{0,47}$"


class Phase(Model):
    """One column of the journey, keyed by a short slug that items refer to.

    A phase needs a label in at least one language: an English workshop's own phases may give
    `en` only, a Dutch one `nl` only. A missing label falls back to the other language.
    """

    key: str = Field(pattern=PHASE_KEY_PATTERN)
    nl: Line = ""
    en: Line = ""

    @model_validator(mode="after")
    def _has_a_label(self) -> Phase:
        if not (self.nl or self.en):
            raise ValueError("a phase needs a label: nl, en or both")
        return self

    def label(self, language: Language) -> str:
        return (self.en or self.nl) if language == "en" else (self.nl or self.en)

    def names(self) -> tuple[str, ...]:
        """The key and every label it has, for matching what someone typed."""
        return tuple(name for name in (self.key, self.nl, self.en) if name)


def custom_phase_labels(text: str, language: Language) -> tuple[str, str]:
    """The (nl, en) labels of one custom phase as typed: "Dutch|English", "|English", "Dutch|",
    or a single label, which is in the workshop's own language."""
    first, bar, second = (part.strip() for part in text.partition("|"))
    if bar:
        return first, second
    return ("", first) if language == "en" else (first, "")


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
    # Built without validation: validating here would build Phase's schema (and load
    # pydantic's plugins) at every import of the model, even for `workshop phases`. The
    # presets are constants; a test validates every one of them.
    return tuple(Phase.model_construct(key=key, nl=nl, en=en) for key, nl, en in pairs)


# Dutch labels are the names the seed articles give each phase, checked against them: seed 000
# names its phases "latente behoefte" … "koopfase" … "ambassadeursfase"; seed 002 "Aankoop/
# besluitvorming", "Retentie", "Advocacy ofwel loyaliteit" and "ontdekking, onboarding,
# onderbouwing en eindspel"; seed 003 keeps touch, tell, sell and care; seed 004 "Trigger" and
# "Beleving". Keys never change, so files and notes that name a phase stay valid.
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
                ("purchase", "Koop", "Purchase"),
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
                ("purchase", "Aankoop/besluitvorming", "Purchase and decision"),
                ("retention", "Retentie", "Retention"),
                ("advocacy", "Advocacy/loyaliteit", "Advocacy"),
            ),
        ),
        PhasePreset(
            "touch-tell-sell-care",
            "Touch, tell, sell, care",
            "Touch, tell, sell, care",
            "seed 003",
            _phases(
                ("touch", "Touch", "Touch"),
                ("tell", "Tell", "Tell"),
                ("sell", "Sell", "Sell"),
                ("care", "Care", "Care"),
            ),
        ),
        PhasePreset(
            "seven-stage",
            "Zeven fasen",
            "Seven stages",
            "seed 004",
            _phases(
                ("out-of-market", "Buiten de markt", "Out of market"),
                ("trigger", "Trigger", "Trigger"),
                ("initial-consideration", "Eerste overweging", "Initial consideration"),
                ("active-evaluation", "Actieve evaluatie", "Active evaluation"),
                ("purchase-decision", "Aankoopbeslissing", "Purchase decision"),
                ("experience", "Beleving", "Experience"),
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
                ("scaffolding", "Onderbouwing", "Scaffolding"),
                ("endgame", "Eindspel", "Endgame"),
            ),
        ),
    )
}
CUSTOM = "custom"
