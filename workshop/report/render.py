"""Journey → HTML, Markdown and JSON. Note text is data: it is escaped, never run as a template."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..model import WASTES
from ..model.synthesis import HIGH
from .journey import GRID_LANES, Journey, WaitStats
from .labels import format_date, labels_for
from .photos import WalkPhoto, photo_labels

FORMATS = ("html", "md", "json")
CELL_LIMIT = 4
"""Items shown per cell of the journey grid; the rest is one link away in the appendix."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def templates_folder() -> Path:
    """The installed package carries templates/ inside it; a checkout has it at the top."""
    installed = files("workshop") / "templates"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[2] / "templates"


def clean(value: Any) -> Any:
    """Control characters are invisible and break HTML parsers: drop them from every output.
    Markup (a macro's output) was cleaned piece by piece already and stays markup."""
    if isinstance(value, Markup):
        return value
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def markdown_text(value: Any) -> str:
    """Text that Markdown shows as written: specials escaped, one line (tables break on newlines),
    and HTML kept inert by escaping its brackets and ampersands."""
    text = clean("" if value is None else str(value))
    text = " ".join(text.split())
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text)


_MERMAID_UNSAFE = re.compile(r"[^\w .,()'/&+-]")


def mermaid_text(value: Any) -> str:
    """Words for a Mermaid `journey` line: its syntax gives `:` and `#` meaning, and nothing
    that looks like markup should reach the diagram."""
    return " ".join(_MERMAID_UNSAFE.sub(" ", clean(str(value))).split()) or "-"


def shorten(value: str, limit: int = 160) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_folder()),
        autoescape=autoescape,
        finalize=clean,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = markdown_text
    env.filters["shorten"] = shorten
    env.filters["mermaid"] = mermaid_text
    return env


@dataclass(frozen=True)
class CurvePoint:
    x: float
    y: float
    score: float


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    width: float
    """Percentage of the largest value, for the bar's length."""
    extra: str = ""


def _curve(journey: Journey, column_width: int = 100, height: int = 80) -> list[CurvePoint]:
    """Points at the centre of each phase column; −2 at the bottom, +2 at the top."""
    points = []
    for index, score in enumerate(journey.emotion_curve):
        if score is None:
            continue
        y = height / 2 - (score / 2) * (height / 2 - 8)
        points.append(CurvePoint(x=index * column_width + column_width / 2, y=round(y, 1), score=score))
    return points


def _bars(pairs: list[tuple[str, float, str]]) -> list[Bar]:
    top = max((value for _, value, _ in pairs), default=0) or 1
    return [Bar(label, value, round(100 * value / top, 1), extra) for label, value, extra in pairs]


@dataclass(frozen=True)
class MatrixPoint:
    """A theme or opportunity drawn in the impact × effort SVG."""

    id: str
    label: str
    kind: str
    """`theme` or `opportunity`."""
    x: float
    y: float
    quick_win: bool


MATRIX_CELL = (140, 90)
"""Width and height of one score (1..4) in the SVG matrix; the plot is 4 × 4 of them."""
MATRIX_LEFT, MATRIX_TOP = 60, 30


def matrix_points(journey: Journey) -> list[MatrixPoint]:
    """Each placed theme and opportunity in its quadrant (effort on x, low left; impact on y,
    high on top), listed downwards from the highest impact and lowest effort, so that every
    label has the quadrant's full width and never runs into the next one."""
    synthesis = journey.synthesis
    if synthesis is None:
        return []
    width, height = MATRIX_CELL
    placed = [
        *((t.id, t.name, "theme", t.impact, t.effort, t.quadrant) for t in synthesis.themes),
        *((o.id, o.text, "opportunity", o.impact, o.effort, o.quadrant) for o in synthesis.opportunities),
    ]
    scored = [
        (key, text, kind, impact, effort, where)
        for key, text, kind, impact, effort, where in placed
        if impact is not None and effort is not None
    ]
    scored.sort(key=lambda row: (-(row[3] or 0), row[4] or 0))
    taken: dict[tuple[bool, bool], int] = {}
    points = []
    for key, text, kind, impact, effort, where in scored:
        assert impact is not None and effort is not None
        half = (impact >= HIGH, effort >= HIGH)
        row = taken.get(half, 0)
        taken[half] = row + 1
        points.append(
            MatrixPoint(
                id=key,
                label=shorten(text, 38),
                kind=kind,
                x=MATRIX_LEFT + (2 * width if half[1] else 0) + 12,
                y=MATRIX_TOP + (0 if half[0] else 2 * height) + 20 + 18 * row,
                quick_win=where == "quick-win",
            )
        )
    return points


def _number(language: str) -> Callable[..., str]:
    def number(value: float | None, digits: int = 1) -> str:
        if value is None:
            return ""
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
        if text == "-0":
            text = "0"
        return text.replace(".", ",") if language == "nl" else text

    return number


def mermaid_score(mean: float) -> str:
    """A Mermaid journey score (1 … 5) for a mean emotion (−2 … +2): 3 + mean, with the two
    decimals the mean has, so that −0.73, −1.25 and −1.29 stay three scores in that order."""
    score = max(1.0, min(5.0, 3 + mean))
    return f"{score:.2f}".rstrip("0").rstrip(".")


def _duration(language: str) -> Callable[[float | None], str]:
    """Minutes as a person reads them: `25 min`, `2,5 uur`, `6 dagen`."""
    words = labels_for(language)
    number = _number(language)

    def duration(minutes: float | None) -> str:
        if minutes is None:
            return ""
        if minutes >= 24 * 60:
            days = minutes / (24 * 60)
            return f"{number(days)} {words['day'] if number(days) == '1' else words['days']}"
        if minutes >= 60:
            hours = minutes / 60
            return f"{number(hours)} {words['hour'] if number(hours) == '1' else words['hours']}"
        return f"{number(minutes)} {words['minutes']}"

    return duration


def _wait_text(language: str) -> Callable[[WaitStats | None], str]:
    words = labels_for(language)
    duration = _duration(language)

    def wait(stats: WaitStats | None) -> str:
        if stats is None:
            return ""
        if stats.count == 1:
            return f"{duration(stats.median_minutes)} (n=1)"
        return (
            f"{words['wait_median']} {duration(stats.median_minutes)}, "
            f"{words['wait_longest']} {duration(stats.max_minutes)} (n={stats.count})"
        )

    return wait


def _sentence(text: str) -> str:
    """A list that ends a sentence: no second full stop after "Ms. K."."""
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def _counted(words: dict[str, str]) -> Callable[..., str]:
    """A summary line in the singular for one ("1 action without an owner")."""

    def counted(key: str, n: int, **values: Any) -> str:
        return words.get(f"{key}_one" if n == 1 else key, words[key]).format(n=n, **values)

    return counted


def context(
    journey: Journey, made_on: dt.date | None = None, photos: dict[str, list[WalkPhoto]] | None = None
) -> dict[str, Any]:
    lang = journey.language
    t = labels_for(lang)
    duration = _duration(lang)
    walks = [
        {
            "view": walk,
            "pareto": _bars(
                [
                    (row.label, row.count, f"{t['cumulative']} {_number(lang)(row.cumulative_percent)}%")
                    for row in walk.wastes
                ]
            ),
            # Bars of the median wait per step, in the order of walk.steps.
            "waits": _bars(
                [(step.name, step.wait.median_minutes if step.wait else 0, "") for step in walk.steps]
            ),
        }
        for walk in journey.walks
    ]
    actions = {action.id: action for action in journey.actions}
    return {
        "j": journey,
        "t": t,
        "lanes": GRID_LANES,
        "notes": journey.notes,
        "actions_by_id": actions,
        "curve": _curve(journey),
        "walks": walks,
        "date": lambda value: format_date(value, lang),
        "num": _number(lang),
        "cell_limit": CELL_LIMIT,
        "phase_count": len(journey.phases),
        "mermaid_score": mermaid_score,
        "phase_labels": {phase.key: phase.label for phase in journey.phases},
        "waste_label": lambda key: WASTES[key].label(lang) if key in WASTES else key,
        "duration": duration,
        "wait": _wait_text(lang),
        "sentence": _sentence,
        "counted": _counted(t),
        "touchpoints_by_id": {tp.id: tp for tp in journey.touchpoints},
        "all_devices": list(dict.fromkeys(d for tp in journey.touchpoints for d in tp.devices)),
        "today": made_on or journey.date,
        "walk_photos": photos or {},
        "pt": photo_labels(lang),
        "matrix": matrix_points(journey),
        "matrix_cell": MATRIX_CELL,
        "matrix_origin": (MATRIX_LEFT, MATRIX_TOP),
        "notes_text": lambda ids: [journey.notes[i] for i in ids if i in journey.notes],
        "synthesis_items": _synthesis_items(journey),
        "rank": _rank,
    }


def _synthesis_items(journey: Journey) -> dict[str, str]:
    """Theme and opportunity id → its name or text, for the matrix table and action rows."""
    if journey.synthesis is None:
        return {}
    found = {t.id: t.name for t in journey.synthesis.themes}
    found.update((o.id, o.text) for o in journey.synthesis.opportunities)
    return found


def _rank(rank: int | None, tied: bool) -> str:
    """`1`, or `=2` for a place shared with another theme."""
    if rank is None:
        return ""
    return f"={rank}" if tied else str(rank)


Photos = dict[str, list[WalkPhoto]] | None
"""Walk id → its photos, read by the caller (see photos.walk_photos); None: no photos shown."""


def render_html(journey: Journey, made_on: dt.date | None = None, photos: Photos = None) -> str:
    return _environment(True).get_template("report.html").render(context(journey, made_on, photos))


def render_markdown(journey: Journey, made_on: dt.date | None = None, photos: Photos = None) -> str:
    return _environment(False).get_template("report.md").render(context(journey, made_on, photos))


def render_json(journey: Journey, made_on: dt.date | None = None, photos: Photos = None) -> str:
    return journey.model_dump_json(indent=2) + "\n"  # photos are in the notes, as paths


RENDERERS = {"html": render_html, "md": render_markdown, "json": render_json}
