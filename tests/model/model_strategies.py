"""Hypothesis strategies for every document, reaching into the awkward corners of text."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from workshop.model import (
    ACTION_STATUSES,
    LANES,
    OBSERVATION_KINDS,
    SECTIONS,
    Action,
    ArenaNote,
    ArenaRound,
    Customer,
    CustomerArena,
    EmpathyItem,
    EmpathyMap,
    GembaWalk,
    Kpi,
    Observation,
    Observer,
    Persona,
    Phase,
    RouteStep,
    Scope,
    Staff,
    Touchpoint,
    Workshop,
)
from workshop.model.gemba import WASTES

_SPECIAL = st.sampled_from(["ë", "é", "ï", "ĳ", "😀", "🏥", "\t", "\n", "\r\n", '"""', "'''", "\\", "#", "="])
_ANY_TEXT = st.text(max_size=40) | st.lists(_SPECIAL, max_size=8).map("".join)
TEXT = st.one_of(_ANY_TEXT, st.text(min_size=200, max_size=2000), st.just(""))
LINE = st.text(max_size=40).filter(lambda s: "\n" not in s and "\r" not in s)
NONEMPTY_LINE = LINE.filter(lambda s: s.strip() != "")
NONEMPTY_TEXT = TEXT.filter(lambda s: s != "")
TAG = st.from_regex(r"[a-z0-9ëé_-]{1,12}", fullmatch=True)
DATES = st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1))
DATETIMES = st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1))
PHASES = st.sampled_from(["awareness", "consideration", "purchase", "retention", "advocacy"])
EMOTION = st.integers(-2, 2)
BLUEPRINT_LANES = st.sampled_from(LANES)


def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.from_regex(rf"{prefix}-[a-z0-9]{{6}}", fullmatch=True)


actions = st.builds(
    Action,
    id=_ids("act"),
    text=NONEMPTY_TEXT,
    owner=LINE,
    due=st.none() | DATES,
    status=st.sampled_from(ACTION_STATUSES),
    sources=st.lists(_ids("obs"), max_size=3),
)

personas = st.builds(
    Persona,
    id=_ids("persona"),
    name=NONEMPTY_LINE,
    segment=LINE,
    quote=TEXT,
    goals=st.lists(LINE, max_size=4),
    needs=st.lists(LINE, max_size=4),
    expectations=st.lists(LINE, max_size=4),
    frustrations=st.lists(LINE, max_size=4),
    channels=st.lists(LINE, max_size=4),
    devices=st.lists(LINE, max_size=4),
    notes=TEXT,
)

workshops = st.builds(
    Workshop,
    id=_ids("ws"),
    title=NONEMPTY_LINE,
    goal=TEXT,
    product=LINE,
    scope=st.builds(Scope, begin=TEXT, end=TEXT),
    language=st.sampled_from(["nl", "en"]),
    phase_model=st.just("five-stage"),
    dates=st.lists(DATES, max_size=3),
    facilitator=LINE,
    touchpoints=st.lists(
        st.builds(
            Touchpoint,
            id=_ids("tp"),
            name=NONEMPTY_LINE,
            channel=LINE,
            phase=st.none() | PHASES,
            stage=st.none() | st.sampled_from(["pre-purchase", "purchase", "post-purchase"]),
        ),
        max_size=4,
    ),
    kpis=st.lists(
        st.builds(
            Kpi,
            id=_ids("kpi"),
            kind=st.just("nps"),
            phase=st.none() | PHASES,
            target=st.none() | st.integers(-100, 100).map(float),
            measured=st.none() | st.floats(-100, 100),
            better=st.none() | st.sampled_from(["higher", "lower"]),
        ),
        max_size=3,
    ),
    actions=st.lists(actions, max_size=3),
)

custom_workshops = st.builds(
    Workshop,
    id=_ids("ws"),
    title=NONEMPTY_LINE,
    phase_model=st.just("custom"),
    phases=st.lists(
        st.builds(
            Phase, key=st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), nl=NONEMPTY_LINE, en=LINE
        ),
        min_size=1,
        max_size=8,
        unique_by=lambda p: p.key,
    ),
)

empathy_maps = st.builds(
    EmpathyMap,
    id=_ids("empathy"),
    title=NONEMPTY_LINE,
    persona=_ids("persona"),
    goal=TEXT,
    extended=st.booleans(),
    date=st.none() | DATES,
    items=st.lists(
        st.builds(
            EmpathyItem,
            id=_ids("item"),
            section=st.sampled_from([s for s in SECTIONS if s not in ("pains", "gains")]),
            text=NONEMPTY_TEXT,
            valence=st.sampled_from(["neutral", "pain", "gain"]),
            phase=st.none() | PHASES,
            lane=st.none() | BLUEPRINT_LANES,
            theme=LINE,
        ),
        max_size=12,
    ),
)


@st.composite
def arenas(draw: st.DrawFn) -> CustomerArena:
    inner = draw(
        st.lists(
            st.builds(Customer, id=_ids("cust"), alias=NONEMPTY_LINE, segment=LINE, consent=st.booleans()),
            max_size=5,
        )
    )
    outer = draw(
        st.lists(
            st.builds(Staff, id=_ids("staff"), name=NONEMPTY_LINE, role=LINE),
            min_size=len(inner),
            max_size=len(inner) + 2,
        )
    )
    speakers = [p.id for p in (*inner, *outer)]
    speaker = st.sampled_from(speakers) if speakers else st.none()
    notes = st.builds(
        ArenaNote,
        id=_ids("note"),
        text=NONEMPTY_TEXT,
        speaker=st.none() | speaker,
        phase=st.none() | PHASES,
        sentiment=st.none() | EMOTION,
        quote=st.booleans(),
        at=st.none() | DATETIMES,
        lane=st.none() | BLUEPRINT_LANES,
        theme=LINE,
    )
    rounds = [
        ArenaRound(
            number=n,
            purpose=draw(TEXT),
            planned_minutes=draw(st.integers(1, 240)),
            notes=draw(st.lists(notes, max_size=4)),
        )
        for n in (1, 2, 3)
    ]
    return CustomerArena(
        id=draw(_ids("arena")),
        title=draw(NONEMPTY_LINE),
        date=draw(st.none() | DATES),
        themes=draw(st.lists(LINE, max_size=3)),
        round3_variant=draw(st.sampled_from(["swap", "mixed"])),
        inner=inner,
        outer=outer,
        rounds=rounds,
        commitments=draw(st.lists(actions, max_size=3)),
    )


@st.composite
def walks(draw: st.DrawFn) -> GembaWalk:
    observers = draw(
        st.lists(st.builds(Observer, id=_ids("obsr"), name=NONEMPTY_LINE, role=LINE), max_size=3)
    )
    route = draw(
        st.lists(
            st.builds(RouteStep, id=_ids("step"), name=NONEMPTY_LINE, phase=st.none() | PHASES), max_size=6
        )
    )
    step = st.sampled_from([s.id for s in route]) if route else st.none()
    observer = st.sampled_from([o.id for o in observers]) if observers else st.none()
    observation = st.builds(
        Observation,
        id=_ids("obs"),
        text=NONEMPTY_TEXT,
        at=st.none() | DATETIMES,
        step=st.none() | step,
        observer=st.none() | observer,
        kind=st.sampled_from(OBSERVATION_KINDS),
        waste=st.lists(st.sampled_from(list(WASTES)), max_size=3),
        severity=st.none() | st.integers(1, 5),
        emotion=st.none() | EMOTION,
        wait_minutes=st.none() | st.floats(0, 90 * 24 * 60),
        tags=st.lists(TAG, max_size=3),
        photos=st.lists(st.from_regex(r"photos/[a-z0-9]{1,8}\.jpg", fullmatch=True), max_size=2),
        lane=st.none() | BLUEPRINT_LANES,
        theme=LINE,
    )
    return GembaWalk(
        id=draw(_ids("walk")),
        title=draw(NONEMPTY_LINE),
        focus=draw(TEXT),
        consent_note=draw(TEXT),
        observers=observers,
        route=route,
        observations=draw(st.lists(observation, max_size=10)),
        actions=draw(st.lists(actions, max_size=2)),
    )


documents = st.one_of(workshops, custom_workshops, personas, empathy_maps, arenas(), walks())
