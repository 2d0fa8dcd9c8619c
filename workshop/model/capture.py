"""Gemba quick capture: one line typed fast, parsed into an observation.

`Patiënt zoekt balie, 5 min #wachten !3 -2 @aanmelden`
  @step    a route step, by unique prefix of its name (diacritics and case ignored)
  #tag     a tag; waste names (Dutch or English) become waste categories and kind words
           (pijn/pain, gain/winst, idee/idea, vraag/question) set the kind
  !N       severity 1-5          +N / -N   emotion -2..+2
  ~N<unit> a wait: ~15m, ~2u / ~2h, ~3d (m/min, u/uur/h/hr, d/dag/dagen/day/days; 2,5 or
           2.5); never read from a sentence, so "times out after 15 minutes" stays text
  ^lane    the service-blueprint lane: ^klant/^customer, ^frontstage/^voorkant,
           ^backstage/^achterkant/^backoffice, ^support/^ondersteuning (whole words only;
           without it the observation is the customer's)
Tokens stand alone between spaces; what is not understood stays in the text, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from .base import Lane
from .gemba import MAX_WAIT_MINUTES, WASTES, Observation, ObservationKind, RouteStep, Waste

_KIND_WORDS: dict[str, ObservationKind] = {
    "pijn": "pain",
    "pain": "pain",
    "pijnpunt": "pain",
    "gain": "gain",
    "winst": "gain",
    "idee": "idea",
    "idea": "idea",
    "vraag": "question",
    "question": "question",
}
WAIT_UNITS: dict[str, int] = {
    **dict.fromkeys(("m", "min"), 1),
    **dict.fromkeys(("u", "uur", "h", "hr"), 60),
    **dict.fromkeys(("d", "dag", "dagen", "day", "days"), 24 * 60),
}
"""Units of a wait token after `~`, Dutch and English, in minutes."""
_WAIT = re.compile(r"^~(\d+(?:[.,]\d+)?)([a-z]+)[.,;:]?$", re.I)
_SEVERITY = re.compile(r"^!(\d+)$")
_LANE_TOKEN = re.compile(r"^\^([^\W\d_][\w-]*)[.,;:]?$")
LANE_WORDS: dict[str, Lane] = {
    "klant": "customer",
    "customer": "customer",
    "frontstage": "frontstage",
    "voorkant": "frontstage",
    "backstage": "backstage",
    "achterkant": "backstage",
    "backoffice": "backstage",
    "support": "support",
    "ondersteuning": "support",
}
"""Names of the blueprint lanes after `^`, Dutch and English; whole words, so a typo warns."""


def lane_token(token: str) -> tuple[bool, Lane | None, str | None]:
    """`^backstage` → (True, "backstage", None); `^bakstage` → (True, None, warning); any token
    without the caret → (False, None, None): it is text."""
    match = _LANE_TOKEN.match(token)
    if match is None:
        return False, None, None
    lane = LANE_WORDS.get(fold(match.group(1)))
    if lane is None:
        return True, None, f"{token}: not a lane (^klant/^customer, ^frontstage, ^backstage, ^support)"
    return True, lane, None


_EMOTION = re.compile(r"^([+-])(\d+)$")


def fold(text: str) -> str:
    """Lower case without diacritics, for matching what was typed in a hurry."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _waste_lookup() -> dict[str, Waste]:
    names: dict[str, Waste] = {}
    for category in WASTES.values():
        for name in (category.key, category.nl, category.en, *category.aliases):
            names[fold(name).replace(" ", "-")] = category.key
    return names


_WASTE_NAMES = _waste_lookup()


@dataclass
class Capture:
    """What a quick-capture line was understood to say."""

    text: str
    step: str | None = None
    kind: ObservationKind = "observation"
    waste: list[Waste] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    severity: int | None = None
    emotion: int | None = None
    wait_minutes: float | None = None
    lane: Lane | None = None
    warnings: list[str] = field(default_factory=list)

    def to_observation(self, observer: str | None, at: dt.datetime) -> Observation:
        """The observation this line records, by `observer` at `at` (to the minute); validated,
        so a line without text is refused here, for the app and the command alike."""
        return Observation(
            text=self.text,
            at=at.replace(second=0, microsecond=0),
            step=self.step,
            observer=observer,
            kind=self.kind,
            waste=list(self.waste),
            tags=list(self.tags),
            severity=self.severity,
            emotion=self.emotion,
            wait_minutes=self.wait_minutes,
            lane=self.lane,
        )


def parse_capture(line: str, route: list[RouteStep], current_step: str | None = None) -> Capture:
    """Parse one line; the step defaults to the one the note-taker is standing at."""
    capture = Capture(text="", step=current_step)
    kept: list[str] = []
    tokens = line.split()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if _take(capture, token, route):
            index += 1
            continue
        kept.append(token)
        index += 1
    capture.text = " ".join(kept)
    return capture


def _take(capture: Capture, token: str, route: list[RouteStep]) -> bool:
    """Apply one token; False when it is text after all."""
    if (match := _WAIT.match(token)) is not None:
        unit = WAIT_UNITS.get(match.group(2).lower())
        if unit is None:
            capture.warnings.append(f"{token}: not a wait (~15m, ~2u, ~3d)")
            return False
        return _set_wait(capture, token, float(match.group(1).replace(",", ".")) * unit)
    if (match := _SEVERITY.match(token)) is not None:
        value = int(match.group(1))
        if 1 <= value <= 5:
            capture.severity = value
            return True
        capture.warnings.append(f"{token}: severity is 1 to 5")
        return False
    if (match := _EMOTION.match(token)) is not None:
        value = int(match.group(2)) * (1 if match.group(1) == "+" else -1)
        if -2 <= value <= 2:
            capture.emotion = value
            return True
        capture.warnings.append(f"{token}: emotion is -2 to +2")
        return False
    if token.startswith("#") and len(token) > 1:
        return _take_tag(capture, token[1:].rstrip(".,;:"))
    if token.startswith("@") and len(token) > 1:
        return _take_step(capture, token, route)
    is_lane, lane, warning = lane_token(token)
    if is_lane:
        if warning:
            capture.warnings.append(warning)
            return False
        capture.lane = lane
        return True
    return False


def _take_tag(capture: Capture, word: str) -> bool:
    key = fold(word)
    if not key or any(ch in key for ch in "#@!"):
        return False
    if key in _WASTE_NAMES:
        waste = _WASTE_NAMES[key]
        if waste not in capture.waste:
            capture.waste.append(waste)
    elif key in _KIND_WORDS:
        capture.kind = _KIND_WORDS[key]
    elif key not in capture.tags:
        capture.tags.append(key)
    return True


def _take_step(capture: Capture, token: str, route: list[RouteStep]) -> bool:
    wanted = fold(token[1:].rstrip(".,;:"))
    exact = [step for step in route if _step_key(step) == wanted]
    matches = exact or [step for step in route if _step_key(step).startswith(wanted)]
    if len(matches) == 1:
        capture.step = matches[0].id
        return True
    if matches:
        names = ", ".join(step.name for step in matches)
        capture.warnings.append(f"{token}: more than one step matches ({names})")
    else:
        capture.warnings.append(f"{token}: no step of the route starts with this")
    return False


def _step_key(step: RouteStep) -> str:
    return fold(step.name).replace(" ", "-")


def _set_wait(capture: Capture, token: str, value: float) -> bool:
    if value > MAX_WAIT_MINUTES:
        capture.warnings.append(f"{token}: more than 90 days of waiting")
        return False
    capture.wait_minutes = value
    return True
