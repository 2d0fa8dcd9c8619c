"""Synthesis → the report's lead: themes ranked by votes and by evidence, their notes,
opportunities and actions, and the impact × effort matrix.

Rules:
- Votes count as `tally` counts them (model/synthesis.py); equal counts share a rank.
- While the facilitator has not revealed the votes, no count or rank by votes is reported.
- Evidence of a theme is the notes it names that are in this report (a narrowed report holds
  one persona's notes); their level is the note's own (gemba: observed; arena and what an
  empathy map says a persona says: heard; the rest of an empathy map: assumed).
- A theme's actions are those whose sources name the theme or one of its opportunities.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..model import WorkshopBundle
from ..model.synthesis import QUADRANTS, quadrant, tally
from .journey import (
    ActionRow,
    Evidence,
    Note,
    OpportunityView,
    SynthesisView,
    ThemeEvidence,
    ThemeView,
)

_LEVELS: tuple[Evidence, ...] = ("observed", "heard", "assumed")


def _note_key(note_id: str, notes: Mapping[str, Note]) -> str | None:
    """The report's key of a note: its id, or `document--id` when two documents share the id."""
    if note_id in notes:
        return note_id
    return next((key for key in notes if key.endswith(f"--{note_id}")), None)


def _ranks(counts: Mapping[str, int]) -> dict[str, tuple[int, bool]]:
    """Competition ranking (1, =2, =2, 4): id → (rank, tied)."""
    histogram = Counter(counts.values())
    return {
        key: (1 + sum(1 for other in counts.values() if other > value), histogram[value] > 1)
        for key, value in counts.items()
    }


def synthesis_view(
    bundle: WorkshopBundle, notes: Mapping[str, Note], actions: Sequence[ActionRow]
) -> SynthesisView | None:
    """None when the team set no themes."""
    synthesis = bundle.synthesis
    if synthesis is None or not synthesis.themes:
        return None
    revealed = synthesis.revealed
    rows = {row.target: row for row in tally(synthesis, bundle.ballots)}
    answering: dict[str, list[str]] = {}
    for action in actions:
        for target in action.answers:
            answering.setdefault(target, []).append(action.id)

    opportunities = tuple(
        OpportunityView(
            id=o.id,
            text=o.text,
            owner=o.owner,
            status=o.status,
            themes=tuple(o.themes),
            impact=o.impact,
            effort=o.effort,
            quadrant=quadrant(o.impact, o.effort),
            votes=rows[o.id].votes if revealed and o.id in rows else None,
            actions=tuple(answering.get(o.id, ())),
        )
        for o in synthesis.opportunities
    )

    evidence: dict[str, list[ThemeEvidence]] = {}
    missing: dict[str, list[str]] = {}
    for theme in synthesis.themes:
        found, lost = [], []
        for note_id in theme.notes:
            key = _note_key(note_id, notes)
            if key is None:
                lost.append(note_id)
                continue
            note = notes[key]
            found.append(
                ThemeEvidence(
                    note=key,
                    method=note.method,
                    phase=note.phase,
                    severity=note.severity,
                    evidence=note.evidence,
                )
            )
        evidence[theme.id], missing[theme.id] = found, lost
    by_evidence_rank = _ranks({t.id: len(evidence[t.id]) for t in synthesis.themes})
    by_vote_rank = _ranks({t.id: rows[t.id].votes for t in synthesis.themes})

    themes = []
    for theme in synthesis.themes:
        cited = evidence[theme.id]
        opportunity_ids = tuple(o.id for o in opportunities if theme.id in o.themes)
        acted = [*answering.get(theme.id, ())]
        for o in opportunities:
            if o.id in opportunity_ids:
                acted.extend(o.actions)
        severities = [e.severity for e in cited if e.severity is not None]
        levels = Counter(e.evidence for e in cited)
        row = rows[theme.id]
        themes.append(
            ThemeView(
                id=theme.id,
                name=theme.name,
                description=theme.description,
                votes=row.votes if revealed else None,
                voters=row.voters if revealed else None,
                vote_rank=by_vote_rank[theme.id][0] if revealed else None,
                vote_tied=by_vote_rank[theme.id][1] if revealed else False,
                evidence_count=len(cited),
                evidence_rank=by_evidence_rank[theme.id][0],
                evidence_tied=by_evidence_rank[theme.id][1],
                evidence=tuple(cited),
                levels={level: levels[level] for level in _LEVELS},
                methods=tuple(dict.fromkeys(e.method for e in cited)),
                phases=tuple(dict.fromkeys(e.phase for e in cited if e.phase)),
                worst_severity=max(severities) if severities else None,
                impact=theme.impact,
                effort=theme.effort,
                quadrant=quadrant(theme.impact, theme.effort),
                opportunities=opportunity_ids,
                actions=tuple(dict.fromkeys(acted)),
                missing_notes=tuple(missing[theme.id]),
            )
        )
    order = {t.id: i for i, t in enumerate(synthesis.themes)}
    by_evidence = sorted(themes, key=lambda t: (t.evidence_rank, order[t.id]))
    ranked = (
        sorted(themes, key=lambda t: (t.vote_rank or 0, t.evidence_rank, order[t.id]))
        if revealed
        else by_evidence
    )
    placed: list[ThemeView | OpportunityView] = [*themes, *opportunities]
    return SynthesisView(
        revealed=revealed,
        votes_each=synthesis.votes_each,
        voters=len(bundle.ballots),
        themes=tuple(ranked),
        by_evidence=tuple(t.id for t in by_evidence),
        opportunities=opportunities,
        matrix={q: tuple(p.id for p in placed if p.quadrant == q) for q in QUADRANTS},
        unplaced=tuple(p.id for p in placed if p.quadrant is None),
    )
