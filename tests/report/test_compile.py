"""The compiler on the example workshop, checked against the TOML files read independently."""

from __future__ import annotations

import datetime as dt
import statistics
import tomllib
from collections import Counter, defaultdict

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
    RouteStep,
    Staff,
    Workshop,
    default_rounds,
)
from workshop.model.bundle import WorkshopBundle
from workshop.model.phases import Phase
from workshop.report import ReportError, compile_journey
from workshop.report.journey import CUSTOMER_LANES
from workshop.store.repository import LoadedWorkshop

from .conftest import EXAMPLE


def _files() -> dict[str, dict]:
    return {path.name: tomllib.loads(path.read_text("utf-8")) for path in EXAMPLE.glob("*.toml")}


def _customer_scores() -> list[tuple[str | None, int]]:
    """(phase, score) of the customer side's scores, straight from the files: sentiment of notes
    by inner-ring speakers, emotion of observations in the customer lane (no lane set)."""
    items: list[tuple[str | None, int]] = []
    for name, data in _files().items():
        if name.startswith("arena-"):
            inner = {c["id"] for c in data["inner"]}
            for round_ in data["rounds"]:
                for note in round_.get("notes", []):
                    if note.get("speaker") in inner and "sentiment" in note:
                        items.append((note.get("phase"), note["sentiment"]))
        elif name.startswith("gemba-"):
            phase_of = {step["id"]: step.get("phase") for step in data["route"]}
            for o in data["observations"]:
                if "emotion" in o and o.get("lane", "customer") == "customer":
                    items.append((phase_of.get(o.get("step")), o["emotion"]))
    return items


def _phases_of_notes() -> list[str | None]:
    phases: list[str | None] = []
    for name, data in _files().items():
        if name.startswith("empathy-"):
            phases += [item.get("phase") for item in data.get("items", [])]
        elif name.startswith("arena-"):
            phases += [note.get("phase") for r in data["rounds"] for note in r.get("notes", [])]
        elif name.startswith("gemba-"):
            phase_of = {step["id"]: step.get("phase") for step in data["route"]}
            phases += [phase_of.get(o.get("step")) for o in data["observations"]]
    return phases


def test_notes_per_phase_match_the_files(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    expected = Counter(_phases_of_notes())
    assert {column.key: column.note_count for column in journey.phases} == {
        phase.key: expected.get(phase.key, 0) for phase in example.bundle.workshop.phase_list()
    }
    assert journey.unphased.note_count == expected.get(None, 0) == 2
    assert sum(column.note_count for column in journey.phases) + journey.unphased.note_count == 155
    assert [c.note_count for c in journey.phases] == [0, 10, 7, 41, 25, 12, 22, 36]


def test_emotion_curve_is_the_customer_side_only(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    scores: dict[str | None, list[int]] = defaultdict(list)
    for phase, emotion in _customer_scores():
        scores[phase].append(emotion)
    for column in journey.phases:
        if not scores[column.key]:
            assert column.emotion is None
            continue
        assert column.emotion is not None
        assert column.emotion.count == len(scores[column.key])
        assert column.emotion.mean == round(statistics.fmean(scores[column.key]), 2)
    # Nazorg: 7 staff notes with sentiment (+1, 0) and 2 observations backstage no longer count.
    by_key = {c.key: c.emotion for c in journey.phases}
    assert (by_key["nazorg"].mean, by_key["nazorg"].count) == (-0.21, 14)
    assert (by_key["wachten"].mean, by_key["wachten"].count, by_key["wachten"].low) == (-1.0, 10, -2)
    assert (by_key["afspraak"].mean, by_key["afspraak"].count) == (-1.5, 2)
    assert journey.emotion_curve[0] is None  # nothing scored in the referral phase


def test_no_staff_note_in_a_customer_lane(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    arena = next(d for n, d in _files().items() if n.startswith("arena-"))
    outer = {s["id"] for s in arena["outer"]}
    staff_notes = {n["id"] for r in arena["rounds"] for n in r.get("notes", []) if n.get("speaker") in outer}
    walk = next(d for n, d in _files().items() if n.startswith("gemba-"))
    back_office = {
        o["id"]: o["lane"] for o in walk["observations"] if o.get("lane", "customer") != "customer"
    }
    assert (len(staff_notes), len(back_office)) == (16, 24)
    columns = (*journey.phases, journey.unphased)
    in_customer_lanes = [i for c in columns for lane in CUSTOMER_LANES for i in c.lanes[lane]]
    assert not set(in_customer_lanes) & (staff_notes | set(back_office))
    assert sorted(i for c in columns for i in c.lanes["staff_voice"]) == sorted(staff_notes)
    for lane in ("frontstage", "backstage", "support"):
        placed = sorted(i for c in columns for i in c.lanes[lane])
        expected = sorted(i for i, where in back_office.items() if where == lane)
        assert placed == expected, lane
    assert Counter(back_office.values()) == {"frontstage": 8, "backstage": 12, "support": 4}
    afspraak = next(c for c in journey.phases if c.key == "afspraak")
    assert afspraak.lanes["staff_voice"] == ("note-r3-08",)
    assert "note-r3-08" not in afspraak.lanes["quotes"] + afspraak.lanes["gains"]
    assert not any(journey.notes[i].pain or journey.notes[i].gain for i in staff_notes)
    # The promise in round 3 and the commitment it became
    assert journey.notes["note-r3-08"].actions == ("act-arena-06",)


def test_waits_are_median_longest_and_count_never_a_sum(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    walk = journey.walks[0]
    steps = {step.id: step.wait for step in walk.steps}
    poli, rontgen = steps["step-wachtkamer-poli"], steps["step-wachtkamer-rontgen"]
    assert (poli.median_minutes, poli.max_minutes, poli.count) == (34, 38, 3)  # 25, 34, 38
    assert (rontgen.median_minutes, rontgen.max_minutes, rontgen.count) == (15, 22, 3)  # 22, 8, 15
    assert steps["step-rontgen"] is None and steps["step-spreekkamer"] is None
    wachten = next(c for c in journey.phases if c.key == "wachten").wait
    assert (wachten.median_minutes, wachten.max_minutes, wachten.count) == (23.5, 38, 6)
    raw = next(d for n, d in _files().items() if n.startswith("gemba-"))
    waits = [o["wait_minutes"] for o in raw["observations"] if "wait_minutes" in o]
    assert walk.wait.count == len(waits) == 15
    assert (walk.wait.median_minutes, walk.wait.max_minutes) == (statistics.median(waits), max(waits))


def test_top_pains_are_themes_never_words(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    top = [(g.theme, g.grouped_by, g.frequency, g.severity, g.score) for g in journey.top_pains[:5]]
    assert top == [
        ("uitloop-zonder-informatie", "theme", 14, 3.43, 48.0),
        ("aanmeldzuil", "theme", 11, 3.27, 36.0),
        ("telefonisch-onbereikbaar", "theme", 7, 3.14, 22.0),
        ("dubbele-vragen", "theme", 5, 2.8, 14.0),
        ("#parkeren", "tag", 3, 2.33, 7.0),
    ]
    first = journey.top_pains[0]
    assert set(first.methods) == {"empathy", "arena", "gemba"}
    assert first.phases == ("wachten", "aankomst")  # keys, in the order of the notes
    for group in journey.top_pains:
        members = [journey.notes[i] for i in group.notes]
        assert all(n.pain for n in members)
        if group.grouped_by == "theme":
            assert {n.theme for n in members} == {group.theme}
        elif group.grouped_by == "tag":
            assert {f"#{n.tags[0]}" for n in members} == {group.theme} and not any(n.theme for n in members)
        else:
            assert group.frequency == 1 and not members[0].tags and not members[0].theme
    scores = [g.score for g in journey.top_pains]
    assert scores == sorted(scores, reverse=True)
    # The worst observation (!5 -1, no #pain) is a pain now, in its tag's theme.
    doorlooptijd = next(g for g in journey.top_pains if g.theme == "#doorlooptijd")
    assert doorlooptijd.notes == ("obs-060",) and doorlooptijd.severity == 5


def test_a_theme_is_owned_when_an_action_comes_from_any_of_its_notes(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    files = _files()
    sources = {
        s
        for data in files.values()
        for action in (*data.get("actions", []), *data.get("commitments", []))
        for s in action.get("sources", [])
    }
    theme_notes: dict[str, set[str]] = defaultdict(set)
    for note in journey.notes.values():
        key = note.theme or (f"#{note.tags[0]}" if note.tags else note.id)
        theme_notes[key].add(note.id)
    all_groups = journey.top_pains
    for group in all_groups:
        key = group.theme or group.notes[0]
        assert bool(group.actions) == bool(theme_notes[key] & sources), key
    uitloop = journey.top_pains[0]
    assert set(uitloop.actions) == {"act-arena-02", "act-gemba-04"}
    parkeren = next(g for g in journey.top_pains if g.theme == "#parkeren")
    assert parkeren.actions == ()
    assert (journey.pain_themes, journey.unowned_pains) == (45, 23)


def test_actions_owners_and_overdue_on_a_fixed_date(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle, today=dt.date(2026, 12, 2))
    files = _files()
    in_files = sum(len(data.get("actions", [])) + len(data.get("commitments", [])) for data in files.values())
    assert len(journey.actions) == in_files == 24
    assert journey.actions_without_owner == 0
    overdue = {a.id for a in journey.actions if a.overdue}
    assert overdue == {"act-ws-01", "act-arena-01", "act-arena-04", "act-gemba-03", "act-gemba-08"}
    assert journey.overdue_actions == 5 and journey.date == dt.date(2026, 12, 2)
    # Done on time or late does not matter: done is not overdue (act-gemba-02, due 1 November).
    assert not next(a for a in journey.actions if a.id == "act-gemba-02").overdue
    earlier = compile_journey(example.bundle, today=dt.date(2026, 11, 5))
    assert {a.id for a in earlier.actions if a.overdue} == {"act-arena-01"}
    first = journey.actions[0]
    assert first.sources == ("obs-060",) and "NPS na het bezoek" in first.kpis
    assert first.origin_id == "ws-poli-orthopedie"


def test_kpis_are_met_only_in_their_stated_direction(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    rows = {k.id: k for c in (*journey.phases, journey.unphased) for k in c.kpis}
    verslag = rows["kpi-nazorg-verslag"]  # 13 working days against a target of 5: lower is better
    assert (verslag.better, verslag.measured, verslag.target, verslag.met) == ("lower", 13, 5, False)
    assert rows["kpi-consult-csat"].met is True
    assert [k for k in rows.values() if k.met] == [rows["kpi-consult-csat"]]
    assert all(k.better is not None for k in rows.values())


def test_participation_counts_and_consent(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    part = journey.participation
    assert (len(part.personas), part.empathy_maps, part.customers, part.staff) == (2, 2, 5, 7)
    arena = next(d for n, d in _files().items() if n.startswith("arena-"))
    consented = [c["alias"] for c in arena["inner"] if c.get("consent")]
    assert list(part.customers_consented) == consented
    not_consented = [c["alias"] for c in arena["inner"] if not c.get("consent")]
    speakers = {note.who for note in journey.notes.values() if note.method == "arena"}
    assert not speakers & set(not_consented), "a customer without consent is never named"


def test_evidence_levels(example: LoadedWorkshop) -> None:
    notes = compile_journey(example.bundle).notes.values()
    levels = {(n.method, n.kind if n.method == "empathy" else ""): n.evidence for n in notes}
    assert levels[("gemba", "")] == "observed"
    assert levels[("arena", "")] == "heard"
    assert levels[("empathy", "says")] == "heard"
    assert levels[("empathy", "thinks")] == levels[("empathy", "feels")] == "assumed"


def test_one_persona_narrows_the_empathy_maps(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle, persona="riet hoogendoorn")
    assert journey.persona == "Riet Hoogendoorn"
    assert [m.persona for m in journey.empathy_maps] == ["Riet Hoogendoorn"]
    assert len(journey.arenas) == len(journey.walks) == 1
    with pytest.raises(ReportError, match='no persona "Jan"'):
        compile_journey(example.bundle, persona="Jan")


def _bundle(*observations: Observation, actions: list[Action] | None = None) -> WorkshopBundle:
    workshop = Workshop(
        title="W",
        phase_model="custom",
        phases=[Phase(key="a", nl="A"), Phase(key="b", nl="B")],
    )
    walk = GembaWalk(
        title="Walk",
        route=[RouteStep(id="s1", name="Balie", phase="a"), RouteStep(id="s2", name="Gang")],
        observations=list(observations),
        actions=actions or [],
    )
    emap = EmpathyMap(
        title="Map", persona="p", items=[EmpathyItem(id="e1", section="pains", text="Zonder fase")]
    )
    return WorkshopBundle(workshop=workshop, walks=[walk], empathy_maps=[emap])


def test_items_without_a_phase_are_listed_apart_never_dropped() -> None:
    bundle = _bundle(
        Observation(id="o1", text="Bij de balie", step="s1", kind="pain", severity=5),
        Observation(id="o2", text="Op een stap zonder fase", step="s2"),
        Observation(id="o3", text="Zonder stap"),
    )
    journey = compile_journey(bundle)
    assert journey.unphased.note_count == 3
    assert set(journey.unphased.lanes["does"]) == {"o2", "o3"}
    assert journey.unphased.lanes["pains"] == ("e1",)
    assert journey.phases[0].lanes["pains"] == ("o1",)
    assert len(journey.notes) == 4


def test_a_pain_without_action_is_flagged_and_an_owner_missing_counted() -> None:
    bundle = _bundle(
        Observation(id="o1", text="Rij", step="s1", kind="pain", severity=4, tags=["rij"]),
        Observation(id="o2", text="Weer een rij", step="s1", kind="pain", severity=2, tags=["rij"]),
        Observation(id="o3", text="Kapotte zuil", step="s1", kind="pain", tags=["zuil"]),
        actions=[Action(id="a1", text="Zuil maken", sources=["o3"])],
    )
    journey = compile_journey(bundle)
    groups = {g.theme: g for g in journey.top_pains}
    assert (groups["#rij"].frequency, groups["#rij"].score, groups["#rij"].actions) == (2, 6.0, ())
    assert groups["#zuil"].actions == ("a1",)
    assert journey.unowned_pains == 2  # #rij and the empathy pain
    assert journey.actions_without_owner == 1


@pytest.mark.parametrize(
    ("variant", "number", "speaker", "lane", "side"),
    [
        ("swap", 1, None, None, "customer"),  # only customers speak in round 1
        ("swap", 2, None, None, "unknown"),  # staff ask, customers answer
        ("swap", 3, None, None, "staff"),  # the rings swapped
        ("mixed", 3, None, None, "unknown"),
        ("swap", 2, None, "customer", "customer"),  # the note says whose it is
        ("swap", 2, None, "backstage", "staff"),
        ("swap", 1, "st1", None, "staff"),  # the speaker's ring decides, whatever the round
        ("swap", 3, "c1", "frontstage", "customer"),
    ],
)
def test_the_side_of_an_arena_note(
    variant: str, number: int, speaker: str | None, lane: str | None, side: str
) -> None:
    arena = CustomerArena(
        title="A",
        round3_variant=variant,
        inner=[Customer(id="c1", alias="B.")],
        outer=[Staff(id="st1", name="Petra")],
        rounds=default_rounds("nl", variant),
    )
    arena.round(number).notes.append(ArenaNote(id="n1", text="x", speaker=speaker, lane=lane, sentiment=-2))
    workshop = Workshop(title="W", phase_model="custom", phases=[Phase(key="a", nl="A")])
    journey = compile_journey(WorkshopBundle(workshop=workshop, arenas=[arena]))
    note = journey.notes["n1"]
    assert note.side == side
    assert note.pain is (side == "customer")
    assert journey.pain_themes == (1 if side == "customer" else 0)
