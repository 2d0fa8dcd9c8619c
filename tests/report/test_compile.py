"""The compiler on the example workshop, checked against the TOML files read independently."""

from __future__ import annotations

import statistics
import tomllib
from collections import Counter, defaultdict

import pytest

from workshop.model import Action, EmpathyItem, EmpathyMap, GembaWalk, Observation, RouteStep, Workshop
from workshop.model.bundle import WorkshopBundle
from workshop.model.phases import Phase
from workshop.report import ReportError, compile_journey
from workshop.store.repository import LoadedWorkshop

from .conftest import EXAMPLE


def _files() -> dict[str, dict]:
    return {path.name: tomllib.loads(path.read_text("utf-8")) for path in EXAMPLE.glob("*.toml")}


def _phased_items() -> list[tuple[str | None, int | None]]:
    """(phase, emotion) of every note in the example, straight from the files."""
    items: list[tuple[str | None, int | None]] = []
    for name, data in _files().items():
        if name.startswith("empathy-"):
            items += [(item.get("phase"), None) for item in data.get("items", [])]
        elif name.startswith("arena-"):
            for round_ in data["rounds"]:
                items += [(note.get("phase"), note.get("sentiment")) for note in round_.get("notes", [])]
        elif name.startswith("gemba-"):
            phase_of = {step["id"]: step.get("phase") for step in data["route"]}
            items += [(phase_of.get(o.get("step")), o.get("emotion")) for o in data["observations"]]
    return items


def test_notes_per_phase_match_the_files(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    expected = Counter(phase for phase, _ in _phased_items())
    assert {column.key: column.note_count for column in journey.phases} == {
        phase.key: expected.get(phase.key, 0) for phase in example.bundle.workshop.phase_list()
    }
    assert journey.unphased.note_count == expected.get(None, 0) == 2
    assert sum(column.note_count for column in journey.phases) + journey.unphased.note_count == 155
    assert [c.note_count for c in journey.phases] == [0, 10, 7, 41, 25, 12, 22, 36]


def test_emotion_means_per_phase(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    scores: dict[str | None, list[int]] = defaultdict(list)
    for phase, emotion in _phased_items():
        if emotion is not None:
            scores[phase].append(emotion)
    for column in journey.phases:
        if not scores[column.key]:
            assert column.emotion is None
            continue
        assert column.emotion is not None
        assert column.emotion.count == len(scores[column.key])
        assert column.emotion.mean == round(statistics.fmean(scores[column.key]), 2)
    wachten = next(c for c in journey.phases if c.key == "wachten")
    assert (wachten.emotion.mean, wachten.emotion.count, wachten.emotion.low) == (-0.8, 15, -2)
    assert journey.emotion_curve[0] is None  # nothing scored in the referral phase


def test_top_three_pains_and_their_scores(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    top = [(g.theme, g.frequency, g.severity, g.score) for g in journey.top_pains[:3]]
    assert top == [("#wachtkamer", 4, 3.0, 12.0), ("#uitloop", 3, 3.67, 11.0), ("#planning", 3, 3.33, 10.0)]
    first = journey.top_pains[0]
    assert set(first.methods) == {"empathy", "arena"}
    assert all(journey.notes[note].text for note in first.notes)
    assert first.actions == ("act-arena-02",)
    scores = [g.score for g in journey.top_pains]
    assert scores == sorted(scores, reverse=True)


def test_actions_owners_and_pains_without_action(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    files = _files()
    in_files = sum(len(data.get("actions", [])) + len(data.get("commitments", [])) for data in files.values())
    assert len(journey.actions) == in_files == 22
    assert journey.actions_without_owner == 0
    assert (journey.pain_themes, journey.unowned_pains) == (50, 32)
    parkeren = next(g for g in journey.top_pains if g.theme == "#parkeren")
    assert parkeren.actions == ()
    first = journey.actions[0]
    assert first.sources == ("obs-060",) and "NPS na het bezoek" in first.kpis


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
