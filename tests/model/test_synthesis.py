"""Synthesis in the domain: themes cluster notes (one theme per note), dots are tallied with
ties, impact × effort gives quadrants, and starting themes come from shared tags only."""

from __future__ import annotations

from workshop.model import Ballot, Synthesis, Vote
from workshop.model.synthesis import quadrant, suggested_themes, tally


def test_a_note_sits_in_one_theme_and_split_and_merge_keep_every_note() -> None:
    synthesis = Synthesis()
    waiting = synthesis.add_theme("Wachten", ["n1", "n2", "n3"])
    info = synthesis.add_theme("Informatie", ["n3", "n4"])
    assert waiting.notes == ["n1", "n2"] and info.notes == ["n3", "n4"]

    desk = synthesis.split(waiting, ["n2", "n9"], "Balie")
    assert waiting.notes == ["n1"] and desk.notes == ["n2"]

    opportunity = synthesis.add_opportunity("Hoe kunnen we wachten zichtbaar maken?", [desk.id])
    synthesis.merge(waiting, [desk, info])
    assert waiting.notes == ["n1", "n2", "n3", "n4"]
    assert [t.name for t in synthesis.themes] == ["Wachten"]
    assert opportunity.themes == [waiting.id]
    assert {desk.id, info.id} <= set(synthesis.deleted)


def test_tally_ranks_by_dots_shares_ranks_on_ties_and_ignores_extra_dots() -> None:
    synthesis = Synthesis(votes_each=2)
    a, b, c = (synthesis.add_theme(name) for name in "abc")
    ballots = [
        Ballot(voter="Petra", votes=[Vote(target=a.id), Vote(target=b.id), Vote(target=c.id)]),
        Ballot(voter="Ahmed", votes=[Vote(target=b.id), Vote(target=a.id)]),
        Ballot(voter="Els", votes=[Vote(target="theme-gone"), Vote(target=c.id)]),
    ]
    rows = {row.target: row for row in tally(synthesis, ballots)}
    assert (rows[a.id].votes, rows[a.id].rank, rows[a.id].tied) == (2, 1, True)
    assert (rows[b.id].votes, rows[b.id].rank, rows[b.id].tied) == (2, 1, True)
    assert (rows[c.id].votes, rows[c.id].rank, rows[c.id].tied, rows[c.id].voters) == (1, 3, False, 1)


def test_quadrants_of_impact_and_effort() -> None:
    assert quadrant(4, 1) == "quick-win"
    assert quadrant(3, 3) == "big-bet"
    assert quadrant(2, 2) == "fill-in"
    assert quadrant(1, 4) == "money-pit"
    assert quadrant(None, 2) is None


def test_starting_themes_are_tags_shared_by_two_or_more_notes() -> None:
    tagged = [
        ("n1", ["wachten", "balie"]),
        ("n2", ["wachten"]),
        ("n3", ["balie", "balie"]),
        ("n4", ["uniek"]),
    ]
    assert suggested_themes(tagged) == [("balie", ["n1", "n3"]), ("wachten", ["n1", "n2"])]
    assert suggested_themes(tagged, taken=["Wachten"]) == [("balie", ["n1", "n3"])]
