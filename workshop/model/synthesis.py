"""Synthesis: from evidence to decisions. Themes cluster notes, voters put dots on themes and
opportunities, impact × effort places them, and opportunities ("how might we …") carry the
actions that follow.

One `Synthesis` document per workshop (`synthesis.toml`) holds themes and opportunities; each
voter's dots live in a `Ballot` of their own (`votes-<voter>.toml`), so several terminals can
vote at once and their files merge by id like every other file. Nothing here imports the app.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field

from .base import Document, Id, Item, Line, RequiredLine, Text

Score = Annotated[int, Field(ge=1, le=4)]
"""Impact or effort on a 1..4 scale: 1–2 is the low half of the 2×2, 3–4 the high half."""
HIGH = 3
"""A score of at least this is in the high half of the matrix."""

Quadrant = Literal["quick-win", "big-bet", "fill-in", "money-pit"]
QUADRANTS: tuple[Quadrant, ...] = ("quick-win", "big-bet", "fill-in", "money-pit")
OpportunityStatus = Literal["open", "solved"]


def quadrant(impact: int | None, effort: int | None) -> Quadrant | None:
    """Where impact × effort puts a theme or opportunity; None until both are set.
    High impact with low effort is a quick win."""
    if impact is None or effort is None:
        return None
    if impact >= HIGH:
        return "quick-win" if effort < HIGH else "big-bet"
    return "fill-in" if effort < HIGH else "money-pit"


class Theme(Item):
    """A cluster of notes from any session that tell one story."""

    name: RequiredLine
    description: Text = ""
    notes: list[Id] = []
    """Ids of the empathy items, arena notes and observations in this theme."""
    impact: Score | None = None
    effort: Score | None = None

    @classmethod
    def id_prefix(cls) -> str:
        return "theme"


class Opportunity(Item):
    """A "how might we …" between themes and the actions that answer it."""

    text: RequiredLine
    themes: list[Id] = []
    owner: Line = ""
    status: OpportunityStatus = "open"
    impact: Score | None = None
    effort: Score | None = None

    @classmethod
    def id_prefix(cls) -> str:
        return "opp"


class Synthesis(Document):
    votes_each: int = Field(default=5, ge=1, le=50)
    """Dots per voter."""
    revealed: bool = False
    """Votes stay hidden until the facilitator reveals them."""
    themes: list[Theme] = []
    opportunities: list[Opportunity] = []

    @classmethod
    def id_prefix(cls) -> str:
        return "syn"

    def targets(self) -> dict[str, Theme | Opportunity]:
        """What can be voted on and placed in the matrix, by id."""
        found: dict[str, Theme | Opportunity] = {t.id: t for t in self.themes}
        found.update((o.id, o) for o in self.opportunities)
        return found

    def theme_of(self, note_id: str) -> Theme | None:
        return next((t for t in self.themes if note_id in t.notes), None)

    # -- clustering: a note sits in at most one theme ---------------------------------------

    def add_theme(self, name: str, notes: Iterable[str] = ()) -> Theme:
        theme = Theme(name=name)
        self.themes.append(theme)
        self.assign(theme, notes)
        return theme

    def assign(self, theme: Theme, notes: Iterable[str]) -> None:
        """Put notes in a theme, taking them out of any other theme."""
        wanted = list(dict.fromkeys(notes))
        for other in self.themes:
            if other is not theme:
                other.notes[:] = [n for n in other.notes if n not in wanted]
        theme.notes.extend(n for n in wanted if n not in theme.notes)

    def unassign(self, notes: Iterable[str]) -> None:
        gone = set(notes)
        for theme in self.themes:
            theme.notes[:] = [n for n in theme.notes if n not in gone]

    def split(self, theme: Theme, notes: Iterable[str], name: str) -> Theme:
        """A new theme from some of a theme's notes."""
        moving = [n for n in notes if n in theme.notes]
        return self.add_theme(name, moving)

    def merge(self, into: Theme, others: Sequence[Theme]) -> None:
        """Fold themes into one: their notes join it, opportunities that named them name it,
        and they are removed (dots on them no longer count)."""
        for other in others:
            if other is into:
                continue
            self.assign(into, list(other.notes))
            for opportunity in self.opportunities:
                if other.id in opportunity.themes:
                    kept = [t for t in opportunity.themes if t != other.id]
                    opportunity.themes[:] = kept if into.id in kept else [*kept, into.id]
            self.remove_theme(other)

    def remove_theme(self, theme: Theme) -> None:
        self.remove_item(self.themes, theme)
        for opportunity in self.opportunities:
            opportunity.themes[:] = [t for t in opportunity.themes if t != theme.id]

    def add_opportunity(self, text: str, themes: Iterable[str] = ()) -> Opportunity:
        opportunity = Opportunity(text=text, themes=list(dict.fromkeys(themes)))
        self.opportunities.append(opportunity)
        return opportunity


class Vote(Item):
    """One dot on a theme or an opportunity."""

    target: Id

    @classmethod
    def id_prefix(cls) -> str:
        return "vote"


class Ballot(Document):
    """One voter's dots; a file of their own so voters never write the same file."""

    voter: RequiredLine
    votes: list[Vote] = []

    @classmethod
    def id_prefix(cls) -> str:
        return "ballot"


@dataclass(frozen=True)
class TallyRow:
    target: str
    votes: int
    voters: int
    rank: int
    """1 for the most votes; targets with as many votes share a rank."""
    tied: bool


def tally(synthesis: Synthesis, ballots: Iterable[Ballot]) -> list[TallyRow]:
    """Votes per theme and opportunity, most first; equal counts share a rank and are marked
    tied. A voter's dots beyond `votes_each` do not count; nor do dots on removed targets."""
    targets = synthesis.targets()
    votes: Counter[str] = Counter()
    voters: dict[str, set[str]] = {}
    for ballot in ballots:
        for vote in counted_votes(synthesis, ballot):
            votes[vote.target] += 1
            voters.setdefault(vote.target, set()).add(ballot.voter)
    order = sorted(targets, key=lambda key: -votes[key])
    counts = Counter(votes[key] for key in order)
    rows = []
    for key in order:
        above = sum(1 for other in order if votes[other] > votes[key])
        rows.append(TallyRow(key, votes[key], len(voters.get(key, ())), above + 1, counts[votes[key]] > 1))
    return rows


def counted_votes(synthesis: Synthesis, ballot: Ballot) -> list[Vote]:
    """The dots of a ballot that count: on a target that exists, at most `votes_each`."""
    targets = synthesis.targets()
    return [vote for vote in ballot.votes if vote.target in targets][: synthesis.votes_each]


def suggested_themes(
    tagged: Iterable[tuple[str, Sequence[str]]], taken: Iterable[str] = ()
) -> list[tuple[str, list[str]]]:
    """Starting themes: every tag or explicit theme name shared by two or more notes, with
    those notes, most notes first; never words from the text. `tagged` gives each note's id
    and its tags and theme; `taken` names themes that exist already."""
    by_tag: dict[str, list[str]] = {}
    for note_id, tags in tagged:
        for tag in dict.fromkeys(tags):
            by_tag.setdefault(tag, []).append(note_id)
    skip = {name.casefold() for name in taken}
    shared = [(tag, ids) for tag, ids in by_tag.items() if len(ids) >= 2 and tag.casefold() not in skip]
    return sorted(shared, key=lambda pair: (-len(pair[1]), pair[0]))
