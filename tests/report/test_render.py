"""Rendering: hostile note text comes out inert, the HTML is valid, JSON reads back, Markdown is stable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path

import html5lib
import pytest

from workshop.model import (
    Action,
    ArenaNote,
    Customer,
    CustomerArena,
    EmpathyItem,
    EmpathyMap,
    GembaWalk,
    Observation,
    Persona,
    RouteStep,
    Staff,
    Workshop,
    WorkshopBundle,
    default_rounds,
)
from workshop.report import Journey, compile_journey
from workshop.report.render import markdown_text, mermaid_score, render_html, render_json, render_markdown
from workshop.store.repository import LoadedWorkshop

MADE_ON = dt.date(2026, 11, 24)
SNAPSHOT = Path(__file__).parent / "snapshots" / "polikliniek-orthopedie.md"

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "{{ 7*7 }} {% raw %}",
    "[klik](javascript:alert(3)) ![x](http://evil.example/p.png)",
    "| kolom | breuk |\n# kop\n---",
    "bel\x07 escape\x1b[31m nul\x00 del\x7f",
    "<b>vet</b> &amp; <!-- commentaar -->",
]
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _hostile_bundle() -> WorkshopBundle:
    workshop = Workshop(
        title=HOSTILE[0], goal=HOSTILE[1], product=HOSTILE[2], phase_model="touch-tell-sell-care"
    )
    step = RouteStep(id="s1", name=HOSTILE[1], phase="touch")
    walk = GembaWalk(
        title=HOSTILE[3],
        route=[step],
        observations=[
            Observation(id=f"o{i}", text=text, step="s1", kind="pain", severity=3, emotion=-1, tags=["x"])
            for i, text in enumerate(HOSTILE)
        ],
        actions=[Action(id="a1", text=HOSTILE[4], owner=HOSTILE[0], sources=["o0"])],
    )
    arena = CustomerArena(
        title=HOSTILE[5],
        themes=[HOSTILE[6]],
        inner=[Customer(id="c1", alias=HOSTILE[1], consent=True)],
        outer=[Staff(id="st1", name=HOSTILE[0], role=HOSTILE[2])],
        rounds=default_rounds("nl"),
    )
    for i, text in enumerate(HOSTILE):
        arena.rounds[0].notes.append(ArenaNote(id=f"n{i}", text=text, speaker="c1", phase="tell", quote=True))
    persona = Persona(id="p1", name=HOSTILE[2])
    emap = EmpathyMap(
        title=HOSTILE[6],
        persona="p1",
        goal=HOSTILE[0],
        items=[
            EmpathyItem(id=f"e{i}", section="says", text=text, phase="sell") for i, text in enumerate(HOSTILE)
        ],
    )
    return WorkshopBundle(
        workshop=workshop, personas=[persona], empathy_maps=[emap], arenas=[arena], walks=[walk]
    )


def _parse_strict(html: str):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)


def test_hostile_text_is_inert_in_html() -> None:
    html = render_html(compile_journey(_hostile_bundle()), MADE_ON)
    tree = _parse_strict(html)
    assert tree.findall(".//script") == [] and tree.findall(".//img") == []
    assert [b for b in tree.iter("b") if b.text == "vet"] == []
    for element in tree.iter():
        assert not [name for name in element.attrib if name.lower().startswith("on")], element.attrib
        for name in ("href", "src"):
            value = element.attrib.get(name, "")
            assert not value or value.startswith("#"), f"{element.tag} {name}={value!r}"
    text = " ".join(tree.itertext())
    assert "{{ 7*7 }}" in text and not re.search(r"\b49\b", text), "note text is never run as a template"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not CONTROL.search(html)


def test_hostile_text_is_inert_in_markdown() -> None:
    markdown = render_markdown(compile_journey(_hostile_bundle()), MADE_ON)
    assert not re.search(r"(?<!\\)<(script|img|b>|!--)", markdown), "HTML in notes stays text"
    assert not re.search(r"(?<!\\)\]\((javascript|http)", markdown), "no link from note text"
    assert r"{{ 7\*7 }}" in markdown and not re.search(r"\b49\b", markdown)
    assert not CONTROL.search(markdown)
    for line in markdown.splitlines():
        assert not line.startswith(("# kop", "---|", "| kolom")), line
    # Every table row keeps its column count: pipes in notes are escaped.
    appendix = markdown[markdown.index("| Ref. | id |") :].split("\n\n")[0].splitlines()
    widths = {len(re.findall(r"(?<!\\)\|", row)) for row in appendix}
    assert len(widths) == 1, widths


def test_markdown_text_escapes_what_markdown_would_read() -> None:
    assert markdown_text("a|b *c* <d> [e](f) #g\nh & (i)") == r"a\|b \*c\* \<d\> \[e\](f) \#g h &amp; (i)"


def test_example_html_is_valid_self_contained_and_complete(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    html = render_html(journey, MADE_ON)
    tree = _parse_strict(html)
    csp = tree.find(".//meta[@http-equiv='Content-Security-Policy']")
    assert csp is not None and "default-src 'none'" in csp.attrib["content"]
    assert tree.findall(".//script") == [] and tree.findall(".//link") == []
    assert "@page { size: A4 landscape" in html and 'name="viewport"' in html
    anchors = {element.attrib["id"] for element in tree.iter() if "id" in element.attrib}
    links = [e.attrib["href"][1:] for e in tree.iter("a") if e.attrib.get("href", "").startswith("#")]
    assert links and not [target for target in links if target not in anchors], "every link lands"
    assert {f"n-{note}" for note in journey.notes} <= anchors, "every note has its place in the appendix"
    assert (
        len(tree.findall(".//{http://www.w3.org/2000/svg}svg")) >= 3
    )  # emotion curve, Pareto, wait per step
    assert "24 november 2026" in html and "7 oktober 2026" in html


def test_english_report_speaks_english(example: LoadedWorkshop) -> None:
    english = example.bundle.workshop.model_copy(update={"language": "en"})
    bundle = dataclasses.replace(example.bundle, workshop=english)
    html = render_html(compile_journey(bundle), MADE_ON)
    assert "Top pains" in html and "24 November 2026" in html and "Grootste pijnpunten" not in html


def test_json_reads_back_into_the_model(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    assert Journey.model_validate_json(render_json(journey)) == journey


def test_markdown_of_the_example_matches_the_snapshot(example: LoadedWorkshop) -> None:
    """Regenerate with WORKSHOP_UPDATE_SNAPSHOTS=1 after a deliberate change; review the diff."""
    markdown = render_markdown(compile_journey(example.bundle), MADE_ON)
    if os.environ.get("WORKSHOP_UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(markdown, encoding="utf-8")
    assert markdown == SNAPSHOT.read_text(encoding="utf-8")
    mermaid = markdown[markdown.index("```mermaid") :].split("```")[1]
    scores = [
        float(line.rsplit(":", 1)[1]) for line in mermaid.splitlines() if line.strip().startswith("Emotie")
    ]
    means = [score for score in compile_journey(example.bundle).emotion_curve if score is not None]
    assert scores and all(1 <= score <= 5 for score in scores)
    assert scores == [round(3 + mean, 2) for mean in means], "the diagram keeps every mean apart, in order"


@pytest.mark.parametrize(
    ("mean", "expected"), [(-2, "1"), (-0.8, "2.2"), (0, "3"), (0.4, "3.4"), (2, "5"), (-0.73, "2.27")]
)
def test_mermaid_scores_map_minus_two_plus_two_to_one_five(mean: float, expected: str) -> None:
    assert mermaid_score(mean) == expected


def test_mermaid_keeps_close_means_apart_and_in_order() -> None:
    scores = [float(mermaid_score(mean)) for mean in (-0.73, -1.25, -1.29)]
    assert scores == [2.27, 1.75, 1.71]
