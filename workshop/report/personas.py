"""Personas in the report: their cards, and narrowing a workshop's evidence to one of them.

What `report --persona P` keeps:
- empathy maps of P;
- gemba walks whose `persona` is P (a walk follows one persona's route);
- customer arenas with at least one inner-ring customer whose `persona` is P. Of such an
  arena, the notes of the other customers go; the notes of staff (and notes without a
  speaker) stay, because staff listened, asked and promised to the customers of P that sat
  in that ring, and an arena does not record which customer a staff question answered.
  The inner ring shrinks to P's customers, so counts and "customer N" names follow.
- actions whose note sources all fell away go with them; actions without note sources
  (or with KPI sources) stay.
Walks, arenas and customers without a persona are part of the all-personas report only.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Action, CustomerArena, EmpathyMap, GembaWalk, Persona, WorkshopBundle
from .journey import PersonaCard


def narrow_bundle(bundle: WorkshopBundle, persona_id: str) -> WorkshopBundle:
    """The bundle as seen from one persona (see the module's docstring for the rules)."""
    maps = [emap for emap in bundle.empathy_maps if emap.persona == persona_id]
    arenas = [arena for arena in (_narrow_arena(a, persona_id) for a in bundle.arenas) if arena]
    walks = [walk for walk in bundle.walks if walk.persona == persona_id]
    kept = _note_ids(maps, arenas, walks)
    removed = _note_ids(bundle.empathy_maps, bundle.arenas, bundle.walks) - kept
    workshop = bundle.workshop.model_copy(update={"actions": _keep(bundle.workshop.actions, removed)})
    arenas = [a.model_copy(update={"commitments": _keep(a.commitments, removed)}) for a in arenas]
    walks = [w.model_copy(update={"actions": _keep(w.actions, removed)}) for w in walks]
    return WorkshopBundle(
        workshop=workshop,
        personas=list(bundle.personas),
        empathy_maps=maps,
        arenas=arenas,
        walks=walks,
        synthesis=bundle.synthesis,
        ballots=list(bundle.ballots),
    )


def _narrow_arena(arena: CustomerArena, persona_id: str) -> CustomerArena | None:
    inner = [customer for customer in arena.inner if customer.persona == persona_id]
    if not inner:
        return None
    others = {customer.id for customer in arena.inner} - {customer.id for customer in inner}
    rounds = [
        round_.model_copy(update={"notes": [note for note in round_.notes if note.speaker not in others]})
        for round_ in arena.rounds
    ]
    return arena.model_copy(update={"inner": inner, "rounds": rounds})


def _note_ids(
    maps: Iterable[EmpathyMap], arenas: Iterable[CustomerArena], walks: Iterable[GembaWalk]
) -> set[str]:
    ids = {item.id for emap in maps for item in emap.items}
    ids.update(note.id for arena in arenas for note in arena.notes())
    ids.update(observation.id for walk in walks for observation in walk.observations)
    return ids


def _keep(actions: list[Action], removed: set[str]) -> list[Action]:
    """An action stays unless it came only from notes that the narrowing took away."""
    return [
        action
        for action in actions
        if not action.sources or not all(source in removed for source in action.sources)
    ]


def persona_cards(bundle: WorkshopBundle, chosen: Persona | None) -> tuple[PersonaCard, ...]:
    """A card per persona (only the chosen one when the report is narrowed), counted on `bundle`."""
    people = [chosen] if chosen else list(bundle.personas)
    return tuple(_card(persona, bundle) for persona in people)


def _card(persona: Persona, bundle: WorkshopBundle) -> PersonaCard:
    return PersonaCard(
        id=persona.id,
        name=persona.name,
        segment=persona.segment,
        quote=persona.quote,
        goals=tuple(persona.goals),
        needs=tuple(persona.needs),
        expectations=tuple(persona.expectations),
        frustrations=tuple(persona.frustrations),
        channels=tuple(persona.channels),
        devices=tuple(persona.devices),
        notes=persona.notes,
        empathy_maps=sum(1 for emap in bundle.empathy_maps if emap.persona == persona.id),
        customers=sum(1 for arena in bundle.arenas for c in arena.inner if c.persona == persona.id),
        walks=sum(1 for walk in bundle.walks if walk.persona == persona.id),
    )
