"""A workshop with everything in it, and the rules that span its files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .action import Action
from .arena import CustomerArena
from .base import Document, Item
from .empathy import EmpathyMap
from .gemba import GembaWalk
from .persona import Persona
from .synthesis import Ballot, Synthesis
from .workshop import Workshop

Session = EmpathyMap | CustomerArena | GembaWalk


@dataclass(frozen=True)
class ReferenceProblem:
    """A rule broken across documents: which document, which field, what is wrong."""

    document: Document
    field: str
    message: str


@dataclass
class WorkshopBundle:
    workshop: Workshop
    personas: list[Persona] = field(default_factory=list)
    empathy_maps: list[EmpathyMap] = field(default_factory=list)
    arenas: list[CustomerArena] = field(default_factory=list)
    walks: list[GembaWalk] = field(default_factory=list)
    synthesis: Synthesis | None = None
    """Themes and opportunities (`synthesis.toml`); None until the team starts synthesising."""
    ballots: list[Ballot] = field(default_factory=list)
    """One per voter (`votes-<voter>.toml`)."""

    def documents(self) -> Iterator[Document]:
        yield self.workshop
        yield from self.personas
        yield from self.sessions()
        if self.synthesis is not None:
            yield self.synthesis
        yield from self.ballots

    def sessions(self) -> Iterator[Session]:
        yield from self.empathy_maps
        yield from self.arenas
        yield from self.walks

    def note_count(self) -> int:
        return (
            sum(len(m.items) for m in self.empathy_maps)
            + sum(len(round_.notes) for a in self.arenas for round_ in a.rounds)
            + sum(len(w.observations) for w in self.walks)
        )

    def persona(self, persona_id: str) -> Persona | None:
        return next((p for p in self.personas if p.id == persona_id), None)

    def actions_citing(self, item_id: str) -> list[tuple[Document, Action]]:
        """Every action (workshop actions, arena commitments, walk actions) whose sources name
        the item: what a delete of that item would leave pointing at nothing."""
        return [
            (doc, action)
            for doc in self.documents()
            for _, action in _actions(doc)
            if item_id in action.sources
        ]

    def check_references(self, sources_complete: bool = True) -> list[ReferenceProblem]:
        """Phases, personas, touchpoints, action sources and ids across all files.
        `sources_complete` is False when some file did not load: what may live in it (a persona,
        an action's source) is then not reported missing."""
        problems: list[ReferenceProblem] = []
        phases = {phase.key for phase in self.workshop.phase_list()}
        touchpoints = {tp.id for tp in self.workshop.touchpoints}
        persona_ids = {persona.id for persona in self.personas}

        def check_phase(doc: Document, path: str, phase: str | None) -> None:
            if phase is not None and phase not in phases:
                problems.append(
                    ReferenceProblem(
                        doc,
                        path,
                        f'phase "{phase}" is not a phase of this workshop '
                        f"(expected one of: {', '.join(sorted(phases))})",
                    )
                )

        steps = {step.id for step in self.workshop.steps}

        def check_step(doc: Document, path: str, step: str | None) -> None:
            if step is not None and step not in steps:
                problems.append(
                    ReferenceProblem(doc, path, f'step "{step}" is not a step of this workshop\'s journey')
                )

        ws = self.workshop
        for i, journey_step in enumerate(ws.steps):
            check_phase(ws, f"steps.{i}.phase", journey_step.phase)
            for t, touchpoint in enumerate(journey_step.touchpoints):
                if touchpoint not in touchpoints:
                    problems.append(
                        ReferenceProblem(
                            ws, f"steps.{i}.touchpoints.{t}", f'touchpoint "{touchpoint}" does not exist'
                        )
                    )
        for i, tp in enumerate(ws.touchpoints):
            check_phase(ws, f"touchpoints.{i}.phase", tp.phase)
            check_step(ws, f"touchpoints.{i}.step", tp.step)
        for i, kpi in enumerate(ws.kpis):
            check_phase(ws, f"kpis.{i}.phase", kpi.phase)
            check_step(ws, f"kpis.{i}.step", kpi.step)
        for empathy in self.empathy_maps:
            if empathy.persona not in persona_ids and sources_complete:
                problems.append(
                    ReferenceProblem(empathy, "persona", f'persona "{empathy.persona}" does not exist')
                )
            for i, item in enumerate(empathy.items):
                check_phase(empathy, f"items.{i}.phase", item.phase)
                check_step(empathy, f"items.{i}.journey_step", item.journey_step)
        for arena in self.arenas:
            for c, customer in enumerate(arena.inner):
                if customer.persona is not None and customer.persona not in persona_ids and sources_complete:
                    problems.append(
                        ReferenceProblem(
                            arena, f"inner.{c}.persona", f'persona "{customer.persona}" does not exist'
                        )
                    )
            for r, round_ in enumerate(arena.rounds):
                for n, note in enumerate(round_.notes):
                    check_phase(arena, f"rounds.{r}.notes.{n}.phase", note.phase)
                    check_step(arena, f"rounds.{r}.notes.{n}.journey_step", note.journey_step)
                    if note.touchpoint is not None and note.touchpoint not in touchpoints:
                        problems.append(
                            ReferenceProblem(
                                arena,
                                f"rounds.{r}.notes.{n}.touchpoint",
                                f'touchpoint "{note.touchpoint}" is not a touchpoint of this workshop',
                            )
                        )
        for walk in self.walks:
            if walk.persona is not None and walk.persona not in persona_ids and sources_complete:
                problems.append(ReferenceProblem(walk, "persona", f'persona "{walk.persona}" does not exist'))
            for i, step in enumerate(walk.route):
                check_phase(walk, f"route.{i}.phase", step.phase)
            for i, observation in enumerate(walk.observations):
                check_step(walk, f"observations.{i}.journey_step", observation.journey_step)

        owners: dict[str, Document] = {}
        for doc in self.documents():
            for path, owned in _items(doc):
                if owned.id in owners:
                    problems.append(
                        ReferenceProblem(
                            doc, f"{path}.id" if path else "id", f'id "{owned.id}" is used twice'
                        )
                    )
                else:
                    owners[owned.id] = doc
        if self.synthesis is not None:
            problems.extend(_synthesis_problems(self.synthesis, self.ballots, owners, sources_complete))
        for doc in self.documents():
            for path, action in _actions(doc):
                for s, source in enumerate(action.sources):
                    if source not in owners and sources_complete:
                        problems.append(
                            ReferenceProblem(
                                doc,
                                f"{path}.sources.{s}",
                                f'source "{source}" is not an item of this workshop',
                            )
                        )
        return problems


def _synthesis_problems(
    synthesis: Synthesis, ballots: list[Ballot], owners: dict[str, Document], sources_complete: bool
) -> list[ReferenceProblem]:
    """Themes name notes that exist; opportunities name themes that exist; no voter has more
    dots than each voter gets. (A dot on a theme removed later simply no longer counts.)"""
    problems = []
    theme_ids = {theme.id for theme in synthesis.themes}
    for t, theme in enumerate(synthesis.themes):
        for n, note in enumerate(theme.notes):
            if note not in owners and sources_complete:
                problems.append(
                    ReferenceProblem(
                        synthesis, f"themes.{t}.notes.{n}", f'note "{note}" is not an item of this workshop'
                    )
                )
    for o, opportunity in enumerate(synthesis.opportunities):
        for n, theme_id in enumerate(opportunity.themes):
            if theme_id not in theme_ids:
                problems.append(
                    ReferenceProblem(
                        synthesis, f"opportunities.{o}.themes.{n}", f'theme "{theme_id}" does not exist'
                    )
                )
    for ballot in ballots:
        if len(ballot.votes) > synthesis.votes_each:
            problems.append(
                ReferenceProblem(
                    ballot,
                    "votes",
                    f"{len(ballot.votes)} votes; each voter has {synthesis.votes_each} "
                    "(votes_each in synthesis.toml)",
                )
            )
    return problems


def _items(doc: Document) -> Iterator[tuple[str, Item]]:
    """Every item with an id in a document, with its dotted field path."""
    yield "", doc
    for name in type(doc).model_fields:
        value = getattr(doc, name)
        if isinstance(value, list):
            for i, element in enumerate(value):
                if isinstance(element, Item):
                    yield f"{name}.{i}", element
    if isinstance(doc, CustomerArena):
        for r, round_ in enumerate(doc.rounds):
            for n, note in enumerate(round_.notes):
                yield f"rounds.{r}.notes.{n}", note


def _actions(doc: Document) -> Iterator[tuple[str, Action]]:
    for field_name in ("actions", "commitments"):
        for i, action in enumerate(getattr(doc, field_name, [])):
            yield f"{field_name}.{i}", action
