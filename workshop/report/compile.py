"""Sessions → journey. Every finding keeps the id of the note it came from.

How evidence is read:
- Gemba observations are *observed*; arena notes and what an empathy map says a persona
  *says* are *heard*; the rest of an empathy map is staff's picture of the persona: *assumed*.
- Sides and lanes (a service blueprint). Every note has a blueprint lane: customer,
  frontstage, backstage or support. Its default per method: an empathy item and a gemba
  observation are the customer's unless the note says otherwise (`lane`); an arena note's side
  is its speaker's ring (inner: customer, outer: staff); a note without speaker takes the side
  its `lane` names, else the side of the round when only one ring speaks in it (round 1:
  customers; round 3 with swapped rings: staff), else its side is unknown.
- Grid rows. Customer side: empathy says → what the customer says, thinks, feels, does → their
  rows, sees and hears → their own row; gemba observations in the customer lane → what the
  customer does; inner-ring arena notes → what the customer says. Customer pains and gains
  also go to the pains and gains rows. Staff side: outer-ring arena notes → what staff heard,
  asked and promised (never a customer pain or gain); observations in the frontstage,
  backstage and support lanes → those rows. Gemba ideas and questions → ideas; arena notes of
  unknown side → a row of their own.
- A pain: an empathy item marked pain; an inner-ring arena note with negative sentiment; a
  gemba observation that is not a gain with kind pain, severity ≥ 4 or emotion ≤ −1.
- Emotion per phase: the mean of the customer side's scores (inner-ring sentiment, emotion of
  observations in the customer lane), −2..+2. Staff speech never moves the curve.
- Waits: per step, phase and walk, the count, median and longest wait; never a sum, because
  waits of different customers do not add up to a wait anyone had.
- Top pains are themes: the `theme` people set on notes; else the note's first tag, exactly;
  else the note alone. Never words of the text. Score = number of pain notes × their mean
  severity, where severity is the gemba severity (3 when not given), 3 for an empathy pain and
  2 + |sentiment| for an arena note. A theme is owned when any action's sources name any of
  its notes.
- KPIs: met only in the direction the KPI states (`better`); without direction, not said.
- Actions: overdue when due before the report's date and still open or in progress.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

from ..model import (
    WASTES,
    Action,
    CustomerArena,
    EmpathyMap,
    GembaWalk,
    Kpi,
    Language,
    Persona,
    WorkshopBundle,
)
from ..model.arena import ArenaNote
from .journey import (
    GRID_LANES,
    ActionRow,
    ArenaRoundView,
    ArenaView,
    EmotionScore,
    EmpathyMapView,
    EmpathySection,
    GridLane,
    Journey,
    KpiRow,
    Note,
    PainGroup,
    Participation,
    PhaseColumn,
    Side,
    StepRow,
    TouchpointRow,
    WaitStats,
    WalkView,
    WasteCount,
    WasteRow,
)
from .labels import label, section_label
from .personas import narrow_bundle, persona_cards
from .synthesis import synthesis_view
from .touchpoints import channel_rows, number_notes, touchpoint_views

TOP_PAINS = 10
DEFAULT_SEVERITY = 3

_EMPATHY_ROWS: dict[str, GridLane] = {
    "says": "quotes",
    "thinks": "thoughts",
    "feels": "feelings",
    "does": "does",
    "sees": "sees_hears",
    "hears": "sees_hears",
    "pains": "pains",
    "gains": "gains",
}
_LANE_ROWS: dict[str, GridLane] = {
    "customer": "does",
    "frontstage": "frontstage",
    "backstage": "backstage",
    "support": "support",
}
_OPEN = frozenset({"open", "in-progress"})

Add = Callable[[Note], str]
Acted = Mapping[str, tuple[str, ...]]
"""Note id → ids of the actions whose sources name it."""


class ReportError(ValueError):
    """The report cannot be made as asked (e.g. an unknown persona); one line for the user."""


def compile_journey(
    bundle: WorkshopBundle, persona: str | None = None, today: dt.date | None = None
) -> Journey:
    """The journey of every session of the workshop; `persona` (id or name) narrows all evidence
    to that persona: its empathy maps, its arena customers and its gemba walks (personas.py).
    `today` is the report's date, against which actions are overdue (default: today)."""
    workshop = bundle.workshop
    lang = workshop.language
    date = today or dt.date.today()
    chosen = _find_persona(bundle.personas, persona) if persona else None
    bundle = narrow_bundle(bundle, chosen.id) if chosen else bundle
    maps = [m for m in bundle.empathy_maps if chosen is None or m.persona == chosen.id]
    personas = {p.id: p.name for p in bundle.personas}
    acted_on: dict[str, tuple[str, ...]] = {}
    for action, _, _ in _all_actions(bundle):
        for source in action.sources:
            if action.id not in acted_on.get(source, ()):
                acted_on[source] = (*acted_on.get(source, ()), action.id)

    notes: dict[str, Note] = {}
    # Notes are built from validated sessions: model_construct skips validating them twice,
    # which is a third of the compile time of a large workshop.

    def add(note: Note) -> str:
        key = note.id if note.id not in notes else f"{note.document_id}--{note.id}"
        notes[key] = note if key == note.id else note.model_copy(update={"id": key})
        return key

    map_views = [_empathy(emap, personas, lang, add, acted_on) for emap in maps]
    arena_views = [_arena(arena, lang, add, acted_on) for arena in bundle.arenas]
    walk_views = [_walk(walk, lang, add, acted_on) for walk in bundle.walks]
    notes = number_notes(notes, map_views, arena_views, walk_views)

    phase_keys = [phase.key for phase in workshop.phase_list()]
    known = set(phase_keys)
    by_phase: dict[str | None, dict[GridLane, list[str]]] = defaultdict(
        lambda: {lane: [] for lane in GRID_LANES}
    )
    scores: dict[str | None, list[int]] = defaultdict(list)
    waits: dict[str | None, list[float]] = defaultdict(list)
    wastes: dict[str | None, Counter[str]] = defaultdict(Counter)
    counts: Counter[str | None] = Counter()
    for note in notes.values():
        phase = note.phase if note.phase in known else None
        counts[phase] += 1
        lanes = by_phase[phase]
        for lane in note.grid:
            lanes[lane].append(note.id)
        if note.emotion is not None and _customer_side_score(note):
            scores[phase].append(note.emotion)
        if note.wait_minutes is not None:
            waits[phase].append(note.wait_minutes)
        wastes[phase].update(note.wastes)

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
            wait=wait_stats(waits[key]),
            wastes=tuple(
                WasteCount(key=waste, label=WASTES[waste].label(lang), count=count)
                for waste, count in sorted(wastes[key].items(), key=lambda kv: (-kv[1], kv[0]))
            ),
            kpis=tuple(kpis[key]),
            note_count=counts[key],
        )

    phases = tuple(column(key, workshop.phase_label(key)) for key in phase_keys)
    unphased = column(None, label(lang, "unphased"))

    actions = _actions(bundle, notes, date)
    pains = _pain_groups(notes)
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
    touchpoint_list = touchpoint_views(bundle, notes)
    return Journey(
        workshop_id=workshop.id,
        date=date,
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
        overdue_actions=sum(1 for action in actions if action.overdue),
        emotion_curve=tuple(column.emotion.mean if column.emotion else None for column in phases),
        personas=persona_cards(bundle, chosen),
        touchpoints=touchpoint_list,
        channels=channel_rows(bundle, touchpoint_list),
        synthesis=synthesis_view(bundle, notes, actions),
    )


def _customer_side_score(note: Note) -> bool:
    """Scores that speak for the customer: inner-ring sentiment and what observers saw of the
    customer; never a staff member's words or a back-office finding."""
    return note.side == "customer" and note.lane == "customer"


def wait_stats(minutes: Iterable[float]) -> WaitStats | None:
    values = sorted(minutes)
    if not values:
        return None
    return WaitStats(
        count=len(values),
        median_minutes=round(statistics.median(values), 1),
        max_minutes=round(values[-1], 1),
    )


def _find_persona(personas: list[Persona], wanted: str) -> Persona:
    folded = wanted.strip().casefold()
    for persona in personas:
        if persona.id == wanted or persona.name.casefold() == folded:
            return persona
    names = ", ".join(f'"{p.name}"' for p in personas) or "none"
    raise ReportError(f'no persona "{wanted}" in this workshop; personas: {names}')


def _empathy(
    emap: EmpathyMap, personas: dict[str, str], lang: str, add: Add, acted_on: Acted
) -> EmpathyMapView:
    persona = personas.get(emap.persona, emap.persona)
    sections: dict[str, list[str]] = {section: [] for section in emap.sections()}
    for item in emap.items:
        lane = item.lane or "customer"
        grid: list[GridLane]
        if lane == "customer":
            grid = [_EMPATHY_ROWS[item.section]]
            if item.valence == "pain" and "pains" not in grid:
                grid.append("pains")
            if item.valence == "gain" and "gains" not in grid:
                grid.append("gains")
        else:
            grid = [_LANE_ROWS[lane]]
        key = add(
            Note.model_construct(
                id=item.id,
                method="empathy",
                document_id=emap.id,
                document=emap.title,
                text=item.text,
                evidence="heard" if item.section == "says" else "assumed",
                phase=item.phase,
                lane=lane,
                side="customer",
                grid=tuple(grid),
                kind=item.section,
                who=persona,
                severity=DEFAULT_SEVERITY if item.valence == "pain" else None,
                pain=item.valence == "pain",
                gain=item.valence == "gain",
                theme=item.theme,
                persona=emap.persona,
                actions=acted_on.get(item.id, ()),
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


def arena_side(arena: CustomerArena, number: int, note: ArenaNote) -> Side:
    """The speaker's ring decides; without a speaker, the note's lane; else the round, when
    only one ring speaks in it."""
    if note.speaker is not None:
        if any(customer.id == note.speaker for customer in arena.inner):
            return "customer"
        return "staff"
    if note.lane is not None:
        return "customer" if note.lane == "customer" else "staff"
    if number == 1:
        return "customer"
    if number == 3 and arena.round3_variant == "swap":
        return "staff"
    return "unknown"


def _arena(arena: CustomerArena, lang: str, add: Add, acted_on: Acted) -> ArenaView:
    names: dict[str, str] = {}
    for number, customer in enumerate(arena.inner, start=1):
        names[customer.id] = customer.alias if customer.consent else f"{label(lang, 'customer')} {number}"
    for staff in arena.outer:
        names[staff.id] = f"{staff.name} ({staff.role})" if staff.role else staff.name
    rounds = []
    for round_ in sorted(arena.rounds, key=lambda r: r.number):
        ids = []
        for note in round_.notes:
            side = arena_side(arena, round_.number, note)
            sentiment = note.sentiment
            grid: list[GridLane]
            pain = gain = False
            if side == "customer":
                grid = ["quotes"]
                pain = sentiment is not None and sentiment < 0
                gain = sentiment is not None and sentiment > 0
                if pain:
                    grid.append("pains")
                elif gain:
                    grid.append("gains")
            elif side == "staff":
                grid = ["staff_voice"]
            else:
                grid = ["unattributed"]
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
                        lane="customer" if side == "customer" else note.lane,
                        side=side,
                        grid=tuple(grid),
                        kind=f"round-{round_.number}",
                        round=round_.number,
                        who=names.get(note.speaker or "", ""),
                        speaker=note.speaker,
                        emotion=sentiment,
                        severity=2 + abs(sentiment) if pain and sentiment is not None else None,
                        pain=pain,
                        gain=gain,
                        theme=note.theme,
                        touchpoint=note.touchpoint,
                        quote=note.quote,
                        actions=acted_on.get(note.id, ()),
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


def _walk(walk: GembaWalk, lang: Language, add: Add, acted_on: Acted) -> WalkView:
    steps = {step.id: step for step in walk.route}
    observers = {observer.id: observer.name for observer in walk.observers}
    per_step: Counter[str] = Counter()
    waits_per_step: dict[str, list[float]] = defaultdict(list)
    wastes: Counter[str] = Counter()
    ids = []
    all_waits: list[float] = []
    for observation in walk.observations:
        step = steps.get(observation.step or "")
        lane = observation.lane or "customer"
        side: Side = "customer" if lane == "customer" else "staff"
        kind = observation.kind
        emotion, severity = observation.emotion, observation.severity
        pain = kind != "gain" and (
            kind == "pain" or (severity or 0) >= 4 or (emotion is not None and emotion <= -1)
        )
        gain = kind == "gain" or (kind == "observation" and emotion is not None and emotion >= 1)
        grid: list[GridLane] = ["ideas" if kind in ("idea", "question") else _LANE_ROWS[lane]]
        if side == "customer" and pain:
            grid.append("pains")
        elif side == "customer" and gain:
            grid.append("gains")
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
                    lane=lane,
                    side=side,
                    grid=tuple(grid),
                    kind=kind,
                    who=observers.get(observation.observer or "", ""),
                    speaker=observation.observer,
                    step=step.name if step else "",
                    step_id=step.id if step else "",
                    emotion=emotion,
                    severity=severity,
                    pain=pain,
                    gain=gain,
                    wastes=tuple(observation.waste),
                    wait_minutes=observation.wait_minutes,
                    tags=tuple(observation.tags),
                    theme=observation.theme,
                    actions=acted_on.get(observation.id, ()),
                    photos=tuple(observation.photos),
                )
            )
        )
        key = observation.step or ""
        per_step[key] += 1
        if observation.wait_minutes is not None:
            waits_per_step[key].append(observation.wait_minutes)
            all_waits.append(observation.wait_minutes)
        wastes.update(observation.waste)
    step_rows = [
        StepRow(
            walk=walk.id,
            id=step.id,
            name=step.name,
            phase=step.phase,
            observations=per_step[step.id],
            wait=wait_stats(waits_per_step[step.id]),
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
                wait=wait_stats(waits_per_step[""]),
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
        wait=wait_stats(all_waits),
    )


def _pareto(wastes: Counter[str], lang: Language) -> tuple[WasteRow, ...]:
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


def _kpi_row(kpi: Kpi) -> KpiRow:
    return KpiRow(
        id=kpi.id,
        label=kpi.label(),
        kind=kpi.kind,
        unit=kpi.unit,
        target=kpi.target,
        measured=kpi.measured,
        better=kpi.better,
        note=kpi.note,
        met=kpi.met(),
    )


def _all_actions(bundle: WorkshopBundle) -> Iterable[tuple[Action, str, str]]:
    """Every action with the title and id of the document it is kept in."""
    workshop = bundle.workshop
    for action in workshop.actions:
        yield action, workshop.title, workshop.id
    for arena in bundle.arenas:
        for action in arena.commitments:
            yield action, arena.title, arena.id
    for walk in bundle.walks:
        for action in walk.actions:
            yield action, walk.title, walk.id


def _actions(bundle: WorkshopBundle, notes: dict[str, Note], date: dt.date) -> list[ActionRow]:
    kpis = {kpi.id: kpi.label() for kpi in bundle.workshop.kpis}
    targets = set(bundle.synthesis.targets()) if bundle.synthesis is not None else set()
    rows = []
    for action, origin, origin_id in _all_actions(bundle):
        linked = tuple(s for s in action.sources if s in notes)
        wording = " ".join(action.text.split()).casefold()
        rows.append(
            ActionRow(
                id=action.id,
                text=action.text,
                owner=action.owner,
                due=action.due,
                status=action.status,
                overdue=action.due is not None and action.due < date and action.status in _OPEN,
                worded_as_note=any(" ".join(notes[s].text.split()).casefold() == wording for s in linked),
                origin=origin,
                origin_id=origin_id,
                sources=linked,
                kpis=tuple(kpis[s] for s in action.sources if s in kpis),
                unknown_sources=tuple(
                    s for s in action.sources if s not in notes and s not in kpis and s not in targets
                ),
                answers=tuple(s for s in action.sources if s in targets),
            )
        )
    return rows


def theme_of(note: Note) -> tuple[str, str]:
    """(how, key): the theme people set; else the note's first tag, exactly; else the note
    itself. The words of a note never make a theme."""
    if note.theme:
        return "theme", note.theme
    if note.tags:
        return "tag", f"#{note.tags[0]}"
    return "note", note.id


def _pain_groups(notes: dict[str, Note]) -> list[PainGroup]:
    members: dict[tuple[str, str], list[Note]] = defaultdict(list)
    owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    for note in notes.values():
        key = theme_of(note)
        owners[key].extend(note.actions)
        if note.pain:
            members[key].append(note)
    result = []
    for (how, theme), pains in members.items():
        severities = [n.severity or DEFAULT_SEVERITY for n in pains]
        severity = statistics.fmean(severities)
        worst = max(pains, key=lambda n: n.severity or DEFAULT_SEVERITY)
        result.append(
            PainGroup(
                theme=theme if how != "note" else "",
                grouped_by="theme" if how == "theme" else "tag" if how == "tag" else "note",
                text=worst.text,
                phases=tuple(dict.fromkeys(n.phase for n in pains if n.phase)),
                frequency=len(pains),
                severity=round(severity, 2),
                score=round(len(pains) * severity, 2),
                notes=tuple(n.id for n in pains),
                methods=tuple(dict.fromkeys(n.method for n in pains)),
                actions=tuple(dict.fromkeys(owners[(how, theme)])),
            )
        )
    result.sort(key=lambda g: (-g.score, -g.frequency, g.theme, g.text))
    return result
