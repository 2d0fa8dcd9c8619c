"""The report leads with the team's synthesis: numbers derived from themes and ballots on a
workshop built here (not only the example), in both languages."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Literal

from workshop.model import Action, Ballot, CustomerArena, EmpathyMap, GembaWalk, Synthesis, Vote, Workshop
from workshop.model.arena import ArenaNote, ArenaRound
from workshop.model.bundle import WorkshopBundle
from workshop.model.empathy import EmpathyItem
from workshop.model.gemba import Observation, RouteStep
from workshop.report import compile_journey
from workshop.report.journey import Journey
from workshop.report.render import render_html, render_json, render_markdown
from workshop.store.repository import LoadedWorkshop

TODAY = dt.date(2026, 12, 2)


def _bundle(language: Literal["nl", "en"], revealed: bool = True) -> WorkshopBundle:
    """Three themes: wait (4 notes: observed 2, heard 1, assumed 1), desk (2), signs (2);
    ballots give wait 4 dots, desk and signs 3 each (a tie for second)."""
    walk = GembaWalk(
        title="Walk",
        route=[RouteStep(id="step-hall", name="Hall", phase="purchase")],
        observations=[
            Observation(
                id="obs-1", text="Twenty minutes in the hall", step="step-hall", kind="pain", severity=4
            ),
            Observation(id="obs-2", text="Screen says 'soon'", step="step-hall", severity=5),
            Observation(id="obs-3", text="Sign points the wrong way", step="step-hall", severity=2),
        ],
    )
    arena = CustomerArena(
        title="Arena",
        rounds=[
            ArenaRound(
                number=1,
                notes=[
                    ArenaNote(id="note-1", text="Nobody told me how long", phase="purchase", sentiment=-2),
                    ArenaNote(id="note-2", text="The desk asked my date of birth again", phase="purchase"),
                ],
            ),
            ArenaRound(number=2),
            ArenaRound(number=3),
        ],
    )
    emap = EmpathyMap(
        title="Map",
        persona="persona-x",
        items=[
            EmpathyItem(id="em-1", section="feels", text="Helpless in the waiting room", valence="pain"),
            EmpathyItem(id="em-2", section="says", text="'Where do I go?'", phase="awareness"),
            EmpathyItem(id="em-3", section="thinks", text="They do not know me", phase="purchase"),
        ],
    )
    synthesis = Synthesis(votes_each=3, revealed=revealed)
    wait = synthesis.add_theme("Waiting blind", ["obs-1", "obs-2", "note-1", "em-1"])
    desk = synthesis.add_theme("Asked again", ["note-2", "em-3"])
    signs = synthesis.add_theme("Lost on the way", ["obs-3", "em-2", "obs-gone"])
    wait.impact, wait.effort = 4, 1
    desk.impact, desk.effort = 2, 4
    signs.impact, signs.effort = 3, 3
    tell = synthesis.add_opportunity("How might we tell people how long?", [wait.id])
    tell.impact, tell.effort = 3, 2
    synthesis.add_opportunity("How might we ask once?", [desk.id])
    ballots = [
        Ballot(voter="Petra", votes=[Vote(target=wait.id), Vote(target=wait.id), Vote(target=desk.id)]),
        Ballot(voter="Ahmed", votes=[Vote(target=wait.id), Vote(target=signs.id), Vote(target=desk.id)]),
        Ballot(voter="Els", votes=[Vote(target=wait.id), Vote(target=signs.id), Vote(target=signs.id)]),
    ]
    workshop = Workshop(
        title="Clinic",
        language=language,
        actions=[
            Action(
                id="act-screen",
                text="Show the delay on the screen",
                owner="Petra",
                due=dt.date(2027, 1, 15),
                sources=[tell.id],
            ),
            Action(id="act-desk", text="One form for desk and doctor", owner="Ahmed", sources=[desk.id]),
        ],
    )
    return WorkshopBundle(
        workshop=workshop,
        empathy_maps=[emap],
        arenas=[arena],
        walks=[walk],
        synthesis=synthesis,
        ballots=ballots,
    )


def _journey(language: Literal["nl", "en"] = "en", revealed: bool = True) -> Journey:
    return compile_journey(_bundle(language, revealed), today=TODAY)


def test_themes_rank_by_votes_with_ties_and_by_evidence() -> None:
    synthesis = _journey().synthesis
    assert synthesis is not None and synthesis.revealed and synthesis.voters == 3
    rows = [(t.name, t.votes, t.vote_rank, t.vote_tied) for t in synthesis.themes]
    # Wait 4 dots (Petra 2, Ahmed, Els); signs 3 (Ahmed, Els 2); desk 2 (Petra, Ahmed).
    assert rows == [
        ("Waiting blind", 4, 1, False),
        ("Lost on the way", 3, 2, False),
        ("Asked again", 2, 3, False),
    ]
    wait, signs, desk = synthesis.themes
    assert (wait.voters, signs.voters, desk.voters) == (3, 2, 2)
    # Evidence: 4, 2 and 2 notes in this report (obs-gone is not one): desk and signs tie.
    assert (wait.evidence_count, signs.evidence_count, desk.evidence_count) == (4, 2, 2)
    assert (wait.evidence_rank, wait.evidence_tied) == (1, False)
    assert (signs.evidence_rank, signs.evidence_tied, desk.evidence_rank, desk.evidence_tied) == (
        2,
        True,
        2,
        True,
    )
    assert signs.missing_notes == ("obs-gone",)
    assert synthesis.by_evidence[0] == wait.id


def test_tied_votes_share_a_rank_shown_as_equals() -> None:
    bundle = _bundle("en")
    assert bundle.synthesis is not None
    desk = bundle.synthesis.themes[1]
    bundle.ballots[2].votes[2] = Vote(target=desk.id)  # Els: signs 2 → 1 dot there, desk 3
    bundle.ballots[1].votes[1] = Vote(target=desk.id)  # Ahmed: desk 4, signs 1; wait and desk tie
    synthesis = compile_journey(bundle, today=TODAY).synthesis
    assert synthesis is not None
    ranks = {t.name: (t.votes, t.vote_rank, t.vote_tied) for t in synthesis.themes}
    assert ranks == {
        "Waiting blind": (4, 1, True),
        "Asked again": (4, 1, True),
        "Lost on the way": (1, 3, False),
    }
    markdown = render_markdown(compile_journey(bundle, today=TODAY))
    assert markdown.count("| **=1** |") == 2 and "| **3** |" in markdown


def test_evidence_of_a_theme_keeps_method_phase_severity_and_level() -> None:
    synthesis = _journey().synthesis
    assert synthesis is not None
    wait = synthesis.themes[0]
    cited = {(e.note, e.method, e.phase, e.severity, e.evidence) for e in wait.evidence}
    assert cited == {
        ("obs-1", "gemba", "purchase", 4, "observed"),
        ("obs-2", "gemba", "purchase", 5, "observed"),
        ("note-1", "arena", "purchase", 4, "heard"),
        ("em-1", "empathy", None, 3, "assumed"),
    }
    assert wait.levels == {"observed": 2, "heard": 1, "assumed": 1}
    assert wait.worst_severity == 5 and wait.methods == ("gemba", "arena", "empathy")
    signs = synthesis.themes[1]
    # What an empathy map says a persona says is heard; the rest of the map is assumed.
    assert signs.levels == {"observed": 1, "heard": 1, "assumed": 0}


def test_opportunities_carry_the_actions_that_cite_them() -> None:
    journey = _journey()
    synthesis = journey.synthesis
    assert synthesis is not None
    wait, _, desk = synthesis.themes
    tell, once = synthesis.opportunities
    assert tell.actions == ("act-screen",) and once.actions == ()
    assert wait.opportunities == (tell.id,) and wait.actions == ("act-screen",)
    # An action citing the theme itself belongs to the theme.
    assert desk.opportunities == (once.id,) and desk.actions == ("act-desk",)
    screen = next(a for a in journey.actions if a.id == "act-screen")
    assert screen.answers == (tell.id,) and screen.unknown_sources == ()


def test_matrix_quadrants_are_keys_in_json() -> None:
    data = json.loads(render_json(_journey()))
    synthesis = data["synthesis"]
    names = {t["id"]: t["name"] for t in synthesis["themes"]}
    names.update((o["id"], o["text"]) for o in synthesis["opportunities"])
    matrix = {q: [names[i] for i in ids] for q, ids in synthesis["matrix"].items()}
    assert matrix == {
        "quick-win": ["Waiting blind", "How might we tell people how long?"],
        "big-bet": ["Lost on the way"],
        "fill-in": [],
        "money-pit": ["Asked again"],
    }
    assert [names[i] for i in synthesis["unplaced"]] == ["How might we ask once?"]
    assert {t["quadrant"] for t in synthesis["themes"]} == {"quick-win", "big-bet", "money-pit"}


def test_hidden_votes_are_not_reported() -> None:
    journey = _journey(revealed=False)
    synthesis = journey.synthesis
    assert synthesis is not None and not synthesis.revealed
    assert all(t.votes is None and t.vote_rank is None for t in synthesis.themes)
    assert all(o.votes is None for o in synthesis.opportunities)
    # Ranked by evidence instead.
    assert [t.name for t in synthesis.themes] == ["Waiting blind", "Asked again", "Lost on the way"]
    html, markdown = render_html(journey), render_markdown(journey)
    for text in (html, markdown):
        assert "Votes are hidden" in text
        assert "(3 voters)" not in text
    nl = render_markdown(_journey("nl", revealed=False))
    assert "De stemmen zijn nog verborgen" in nl


def test_html_draws_the_matrix_with_every_theme() -> None:
    html = render_html(_journey())
    svg = re.search(r'<svg class="matrix".*?</svg>', html, re.S)
    assert svg is not None
    for name in ("Waiting blind", "Asked again", "Lost on the way", "How might we tell people how long?"):
        assert f">{name}</text>" in svg.group(0), name
    assert "<title>How might we tell people how long?</title>" in svg.group(0)
    # Each point sits in its quadrant's half: quick wins left on top, the money pit right below.
    points = re.findall(
        r'data-id="[^"]+">.*?<text x="([\d.]+)" y="[\d.]+" font-size="11">([^<]+)<', svg.group(0)
    )
    by_name = {name: float(x) for x, name in points}
    assert by_name["Waiting blind"] < 340 < by_name["Asked again"]
    assert svg.group(0).count('class="point theme') == 3
    assert svg.group(0).count("quick-win") == 2  # the theme and the opportunity
    assert "★ quick win" in svg.group(0)
    # The synthesis leads: it comes before the journey grid and the heuristic pains.
    assert html.index('id="synthesis"') < html.index('id="journey"') < html.index('id="pains"')
    assert "Themes were not set" not in html


def test_markdown_has_the_ranked_table_and_the_matrix_table_in_both_languages() -> None:
    en = render_markdown(_journey("en"))
    assert "## Synthesis: themes and priorities" in en
    assert "| **1** | [Waiting blind](#theme-" in en
    assert "| 4 (3 voters) | 4 | 1 |" in en
    assert "| **2** | [Lost on the way]" in en and "| 2 | =2 |" in en
    assert "| **★ quick win** | 3–4 | 1–2 | Waiting blind<br>How might we tell people how long? |" in en
    assert "| money pit | 1–2 | 3–4 | Asked again |" in en
    assert "  - [Show the delay on the screen](#a-act-screen) · Petra · open · 15 January 2027" in en
    nl = render_markdown(_journey("nl"))
    assert "## Synthese: thema's en prioriteiten" in nl
    assert "| 4 (3 stemmers) | 4 | 1 |" in nl
    assert "| **★ quick win** | 3–4 | 1–2 |" in nl and "| geldput | 1–2 | 3–4 | Asked again |" in nl
    assert "gezien 2 · gehoord 1 · aangenomen 1" in nl
    assert en.index("## Synthesis") < en.index("## The journey") < en.index("## Top pains")


def test_without_a_synthesis_the_report_says_themes_were_not_set() -> None:
    bundle = _bundle("en")
    bundle.synthesis, bundle.ballots = None, []
    journey = compile_journey(bundle, today=TODAY)
    assert journey.synthesis is None and journey.top_pains
    markdown, html = render_markdown(journey), render_html(journey)
    assert "Themes were not set yet" in markdown and "Themes were not set yet" in html
    assert "## Synthesis" not in markdown and 'id="synthesis"' not in html
    dutch = _bundle("nl")
    dutch.synthesis = None
    assert "Er zijn nog geen thema's vastgesteld" in render_markdown(compile_journey(dutch, today=TODAY))


def test_the_example_leads_with_its_voted_themes(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle, today=TODAY)
    synthesis = journey.synthesis
    assert synthesis is not None and synthesis.revealed and synthesis.voters == 3
    assert [(t.vote_rank, t.vote_tied) for t in synthesis.themes] == [
        (1, False),
        (2, True),
        (2, True),
        (4, False),
    ]
    assert all(t.evidence_count == len(t.evidence) > 0 and not t.missing_notes for t in synthesis.themes)
    assert sum(1 for t in synthesis.themes if t.actions) == 2
