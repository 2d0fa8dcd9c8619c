"""Sessions → journey. Every finding keeps the id of the note it came from.

How evidence is read:
- Gemba observations are *observed*; arena notes and what an empathy map says a persona
  *says* are *heard*; the rest of an empathy map is staff's picture of the persona: *assumed*.
- Lanes: gemba observations are what customers *do* (pains, gains, ideas and questions go to
  their own lane; any waste category also puts the note in *backstage*). Arena notes are
  *quotes*; a negative sentiment also makes them a *pain*, a positive one a *gain*. Empathy
  says → quotes, thinks → thoughts, feels → feelings, does/sees/hears → does, pains → pains,
  gains → gains; an item marked pain or gain in any section also lands in that lane.
- Emotion per phase: the mean of every scored item (gemba emotion, arena sentiment), −2..+2.
- Top pains: pains grouped by their first gemba tag; an untagged pain (arena, empathy) joins
  the first gemba tag its words mention, else stands on its own words. The score is
  frequency × mean severity, where severity is the gemba severity (3 when not given), 3 for an
  empathy pain, and 2 + |sentiment| for an arena note.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import (
    WASTES,
    Action,
    CustomerArena,
    EmpathyMap,
    GembaWalk,
    Persona,
    WorkshopBundle,
)
from .journey import (
    LANES,
    ActionRow,
    ArenaRoundView,
    ArenaView,
    EmotionScore,
    EmpathyMapView,
    EmpathySection,
    Journey,
    KpiRow,
    Lane,
    Note,
    PainGroup,
    Participation,
    PhaseColumn,
    StepRow,
    TouchpointRow,
    WalkView,
    WasteRow,
)
from .labels import label, section_label

TOP_PAINS = 10
DEFAULT_SEVERITY = 3

_EMPATHY_LANES: dict[str, Lane] = {
    "says": "quotes",
    "thinks": "thoughts",
    "feels": "feelings",
    "does": "does",
    "sees": "does",
    "hears": "does",
    "pains": "pains",
    "gains": "gains",
}
_GEMBA_LANES: dict[str, Lane] = {
    "observation": "does",
    "pain": "pains",
    "gain": "gains",
    "idea": "ideas",
    "question": "ideas",
}


class ReportError(ValueError):
    """The report cannot be made as asked (e.g. an unknown persona); one line for the user."""


def compile_journey(bundle: WorkshopBundle, persona: str | None = None) -> Journey:
    """The journey of every session of the workshop; `persona` (id or name) narrows the empathy
    maps to that persona. Arena and gemba evidence is about every customer, so it stays."""
    workshop = bundle.workshop
    lang = workshop.language
    chosen = _find_persona(bundle.personas, persona) if persona else None
    maps = [m for m in bundle.empathy_maps if chosen is None or m.persona == chosen.id]
    personas = {p.id: p.name for p in bundle.personas}

    notes: dict[str, Note] = {}
    # Notes are built from validated sessions: model_construct skips validating them twice,
    # which is a third of the compile time of a large workshop.

    def add(note: Note) -> str:
        key = note.id if note.id not in notes else f"{note.document_id}--{note.id}"
        notes[key] = note if key == note.id else note.model_copy(update={"id": key})
        return key

    map_views = [_empathy(emap, personas, lang, add) for emap in maps]
    arena_views = [_arena(arena, lang, add) for arena in bundle.arenas]
    walk_views = [_walk(walk, lang, add) for walk in bundle.walks]

    phase_keys = [phase.key for phase in workshop.phase_list()]
    known = set(phase_keys)
    by_phase: dict[str | None, dict[Lane, list[str]]] = defaultdict(lambda: {lane: [] for lane in LANES})
    scores: dict[str | None, list[int]] = defaultdict(list)
    waits: dict[str | None, float] = defaultdict(float)
    counts: Counter[str | None] = Counter()
    for note in notes.values():
        phase = note.phase if note.phase in known else None
        counts[phase] += 1
        lanes = by_phase[phase]
        for lane in note.lanes:
            lanes[lane].append(note.id)
        if note.emotion is not None:
            scores[phase].append(note.emotion)
        if note.wait_minutes:
            waits[phase] += note.wait_minutes

    touchpoints: dict[str | None, list[TouchpointRow]] = defaultdict(list)
    for tp in workshop.touchpoints:
        touchpoints[tp.phase if tp.phase in known else None].append(
            TouchpointRow(id=tp.id, name=tp.name, channel=tp.channel, stage=tp.stage or "")
        )
    kpis: dict[str | None, list[KpiRow]] = defaultdict(list)
    for kpi in workshop.kpis:
        kpis[kpi.phase if kpi.phase in known else None].append(_kpi_row(kpi))

    def column(key: str | None, title: str) -> PhaseColumn:
        return PhaseColumn(
            key=key or "",
            label=title,
            touchpoints=tuple(touchpoints[key]),
            lanes={lane: tuple(ids) for lane, ids in by_phase[key].items()},
            emotion=_emotion(scores[key]),
            wait_minutes=round(waits[key], 1),
            kpis=tuple(kpis[key]),
            note_count=counts[key],
        )

    phases = tuple(column(key, workshop.phase_label(key)) for key in phase_keys)
    unphased = column(None, label(lang, "unphased"))

    actions = _actions(bundle, notes, lang)
    pains = _pain_groups(notes, actions, workshop.phase_label)
    consented = tuple(c.alias for arena in bundle.arenas for c in arena.inner if c.consent)
    participation = Participation(
        personas=tuple(p.name for p in bundle.personas if chosen is None or p.id == chosen.id),
        empathy_maps=len(maps),
        customers=sum(len(arena.inner) for arena in bundle.arenas),
        customers_consented=consented,
        staff=sum(len(arena.outer) for arena in bundle.arenas),
        observers=tuple(o.name for walk in bundle.walks for o in walk.observers),
        note_takers=len({o.observer for walk in bundle.walks for o in walk.observations if o.observer}),
    )
    return Journey(
        title=workshop.title,
        goal=workshop.goal,
        product=workshop.product,
        language=lang,
        scope_begin=workshop.scope.begin,
        scope_end=workshop.scope.end,
        phase_model=workshop.phase_model,
        dates=tuple(workshop.dates),
        facilitator=workshop.facilitator,
        persona=chosen.name if chosen else None,
        participation=participation,
        phases=phases,
        unphased=unphased,
        notes=notes,
        top_pains=tuple(pains[:TOP_PAINS]),
        actions=tuple(actions),
        empathy_maps=tuple(map_views),
        arenas=tuple(arena_views),
        walks=tuple(walk_views),
        pain_themes=len(pains),
        unowned_pains=sum(1 for group in pains if not group.actions),
        actions_without_owner=sum(1 for action in actions if not action.owner.strip()),
        emotion_curve=tuple(column.emotion.mean if column.emotion else None for column in phases),
    )


def _find_persona(personas: list[Persona], wanted: str) -> Persona:
    folded = wanted.strip().casefold()
    for persona in personas:
        if persona.id == wanted or persona.name.casefold() == folded:
            return persona
    names = ", ".join(f'"{p.name}"' for p in personas) or "none"
    raise ReportError(f'no persona "{wanted}" in this workshop; personas: {names}')


def _empathy(emap: EmpathyMap, personas: dict[str, str], lang: str, add) -> EmpathyMapView:
    persona = personas.get(emap.persona, emap.persona)
    sections: dict[str, list[str]] = {section: [] for section in emap.sections()}
    for item in emap.items:
        lanes = [_EMPATHY_LANES[item.section]]
        if item.valence == "pain" and "pains" not in lanes:
            lanes.append("pains")
        if item.valence == "gain" and "gains" not in lanes:
            lanes.append("gains")
        key = add(
            Note.model_construct(
                id=item.id,
                method="empathy",
                document_id=emap.id,
                document=emap.title,
                text=item.text,
                evidence="heard" if item.section == "says" else "assumed",
                phase=item.phase,
                lanes=tuple(lanes),
                kind=item.section,
                who=persona,
                severity=DEFAULT_SEVERITY if item.valence == "pain" else None,
                persona=emap.persona,
            )
        )
        sections.setdefault(item.section, []).append(key)
    return EmpathyMapView(
        id=emap.id,
        title=emap.title,
        persona=persona,
        goal=emap.goal,
        sections=tuple(
            EmpathySection(key=key, label=section_label(lang, key), notes=tuple(ids))
            for key, ids in sections.items()
        ),
    )


def _arena(arena: CustomerArena, lang: str, add) -> ArenaView:
    names: dict[str, str] = {}
    for number, customer in enumerate(arena.inner, start=1):
        names[customer.id] = customer.alias if customer.consent else f"{label(lang, 'customer')} {number}"
    for staff in arena.outer:
        names[staff.id] = f"{staff.name} ({staff.role})" if staff.role else staff.name
    rounds = []
    for round_ in sorted(arena.rounds, key=lambda r: r.number):
        ids = []
        for note in round_.notes:
            lanes: list[Lane] = ["quotes"]
            if note.sentiment is not None and note.sentiment < 0:
                lanes.append("pains")
            elif note.sentiment is not None and note.sentiment > 0:
                lanes.append("gains")
            severity = 2 + abs(note.sentiment) if note.sentiment is not None and note.sentiment < 0 else None
            ids.append(
                add(
                    Note.model_construct(
                        id=note.id,
                        method="arena",
                        document_id=arena.id,
                        document=arena.title,
                        text=note.text,
                        evidence="heard",
                        phase=note.phase,
                        lanes=tuple(lanes),
                        kind=f"{label(lang, 'round')} {round_.number}",
                        who=names.get(note.speaker or "", ""),
                        emotion=note.sentiment,
                        severity=severity,
                        quote=note.quote,
                    )
                )
            )
        rounds.append(
            ArenaRoundView(
                number=round_.number,
                purpose=round_.purpose,
                planned_minutes=round_.planned_minutes,
                notes=tuple(ids),
            )
        )
    return ArenaView(
        id=arena.id,
        title=arena.title,
        date=arena.date,
        themes=tuple(arena.themes),
        customers=len(arena.inner),
        staff=len(arena.outer),
        ring_override=arena.ring_override,
        rounds=tuple(rounds),
        commitments=tuple(action.id for action in arena.commitments),
    )


def _walk(walk: GembaWalk, lang: str, add) -> WalkView:
    steps = {step.id: step for step in walk.route}
    observers = {observer.id: observer.name for observer in walk.observers}
    per_step: Counter[str] = Counter()
    wait_per_step: dict[str, float] = defaultdict(float)
    wastes: Counter[str] = Counter()
    ids = []
    total_wait = 0.0
    for observation in walk.observations:
        step = steps.get(observation.step or "")
        lanes: list[Lane] = [_GEMBA_LANES[observation.kind]]
        if observation.waste:
            lanes.append("backstage")
        ids.append(
            add(
                Note.model_construct(
                    id=observation.id,
                    method="gemba",
                    document_id=walk.id,
                    document=walk.title,
                    text=observation.text,
                    evidence="observed",
                    phase=step.phase if step else None,
                    lanes=tuple(lanes),
                    kind=observation.kind,
                    who=observers.get(observation.observer or "", ""),
                    step=step.name if step else "",
                    emotion=observation.emotion,
                    severity=observation.severity,
                    wastes=tuple(WASTES[w].label(lang) for w in observation.waste),
                    wait_minutes=observation.wait_minutes,
                    tags=tuple(observation.tags),
                )
            )
        )
        key = observation.step or ""
        per_step[key] += 1
        if observation.wait_minutes:
            wait_per_step[key] += observation.wait_minutes
            total_wait += observation.wait_minutes
        wastes.update(observation.waste)
    step_rows = [
        StepRow(
            walk=walk.id,
            id=step.id,
            name=step.name,
            phase=step.phase,
            observations=per_step[step.id],
            wait_minutes=round(wait_per_step[step.id], 1),
        )
        for step in walk.route
    ]
    if per_step[""]:
        step_rows.append(
            StepRow(
                walk=walk.id,
                id="",
                name=label(lang, "no_step"),
                phase=None,
                observations=per_step[""],
                wait_minutes=round(wait_per_step[""], 1),
            )
        )
    return WalkView(
        id=walk.id,
        title=walk.title,
        date=walk.date,
        focus=walk.focus,
        observers=tuple(observers.values()),
        steps=tuple(step_rows),
        wastes=_pareto(wastes, lang),
        notes=tuple(ids),
        wait_minutes=round(total_wait, 1),
    )


def _pareto(wastes: Counter[str], lang: str) -> tuple[WasteRow, ...]:
    total = sum(wastes.values())
    rows, running = [], 0
    for key, count in sorted(wastes.items(), key=lambda kv: (-kv[1], kv[0])):
        running += count
        rows.append(
            WasteRow(
                key=key,
                label=WASTES[key].label(lang),
                count=count,
                cumulative_percent=round(100 * running / total, 1),
            )
        )
    return tuple(rows)


def _emotion(scores: list[int]) -> EmotionScore | None:
    if not scores:
        return None
    return EmotionScore(
        mean=round(statistics.fmean(scores), 2),
        count=len(scores),
        low=min(scores),
        high=max(scores),
        spread=round(statistics.pstdev(scores), 2),
    )


def _kpi_row(kpi) -> KpiRow:
    met = None
    if kpi.target is not None and kpi.measured is not None:
        # Effort (CES 1 = much effort … 7 = little) and scores: higher is better. For custom
        # metrics in time units, lower is better.
        lower_is_better = kpi.kind == "custom" and kpi.unit.strip().lower() in _LOWER_IS_BETTER_UNITS
        met = kpi.measured <= kpi.target if lower_is_better else kpi.measured >= kpi.target
    return KpiRow(
        id=kpi.id,
        label=kpi.label(),
        kind=kpi.kind,
        unit=kpi.unit,
        target=kpi.target,
        measured=kpi.measured,
        note=kpi.note,
        met=met,
    )


_LOWER_IS_BETTER_UNITS = frozenset(
    {"min", "minuten", "minutes", "dagen", "days", "uur", "hours", "s", "sec", "seconden", "seconds", "weken"}
)


def _all_actions(bundle: WorkshopBundle) -> Iterable[tuple[Action, str]]:
    for action in bundle.workshop.actions:
        yield action, bundle.workshop.title
    for arena in bundle.arenas:
        for action in arena.commitments:
            yield action, arena.title
    for walk in bundle.walks:
        for action in walk.actions:
            yield action, walk.title


def _actions(bundle: WorkshopBundle, notes: dict[str, Note], lang: str) -> list[ActionRow]:
    kpis = {kpi.id: kpi.label() for kpi in bundle.workshop.kpis}
    rows = []
    for action, origin in _all_actions(bundle):
        linked = tuple(s for s in action.sources if s in notes)
        rows.append(
            ActionRow(
                id=action.id,
                text=action.text,
                owner=action.owner,
                due=action.due,
                status=action.status,
                origin=origin,
                sources=linked,
                kpis=tuple(kpis[s] for s in action.sources if s in kpis),
                unknown_sources=tuple(s for s in action.sources if s not in notes and s not in kpis),
            )
        )
    return rows


_WORDS = re.compile(r"\w+")


def _words(text: str) -> str:
    return " " + " ".join(_WORDS.findall(text.casefold())) + " "


def _themes(notes: Iterable[Note]) -> list[str]:
    """The gemba tags of the workshop, most used first: the words pains are grouped by."""
    counts = Counter(tag for note in notes for tag in note.tags)
    return [tag for tag, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _theme(note: Note, themes: list[str]) -> str:
    """A tagged note's first tag; an untagged pain joins the first tag its words mention
    ("lang in de wachtkamer" joins #wachtkamer); otherwise it stands on its own words."""
    if note.tags:
        return f"#{note.tags[0]}"
    words = _words(note.text)
    for tag in themes:
        if f" {tag.replace('-', ' ')} " in words:
            return f"#{tag}"
    return words.strip()[:80]


def _pain_groups(notes: dict[str, Note], actions: list[ActionRow], phase_label) -> list[PainGroup]:
    acted_on: dict[str, list[str]] = defaultdict(list)
    for action in actions:
        for source in action.sources:
            acted_on[source].append(action.id)
    themes = _themes(notes.values())
    groups: dict[str, list[Note]] = defaultdict(list)
    for note in notes.values():
        if "pains" in note.lanes:
            groups[_theme(note, themes)].append(note)
    result = []
    for theme, members in groups.items():
        severities = [n.severity or DEFAULT_SEVERITY for n in members]
        severity = statistics.fmean(severities)
        worst = max(members, key=lambda n: n.severity or DEFAULT_SEVERITY)
        phases = tuple(dict.fromkeys(phase_label(n.phase) for n in members if n.phase))
        result.append(
            PainGroup(
                theme=theme if theme.startswith("#") else "",
                text=worst.text,
                phases=phases,
                frequency=len(members),
                severity=round(severity, 2),
                score=round(len(members) * severity, 2),
                notes=tuple(n.id for n in members),
                methods=tuple(dict.fromkeys(n.method for n in members)),
                actions=tuple(dict.fromkeys(a for n in members for a in acted_on.get(n.id, ()))),
            )
        )
    result.sort(key=lambda g: (-g.score, -g.frequency, g.theme, g.text))
    return result
