"""Each rule of the domain, with the message a facilitator would read."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from workshop.model import (
    Action,
    ArenaNote,
    Customer,
    CustomerArena,
    EmpathyItem,
    EmpathyMap,
    GembaWalk,
    Kpi,
    Observation,
    Persona,
    Phase,
    RouteStep,
    Staff,
    Touchpoint,
    Workshop,
    WorkshopBundle,
    default_rounds,
)


def _message(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return " | ".join(str(e["msg"]) for e in error.value.errors(include_url=False))


def test_outer_ring_must_be_at_least_as_large_as_inner_ring() -> None:
    inner = [Customer(alias=f"klant {n}") for n in range(3)]
    with pytest.raises(ValidationError) as error:
        CustomerArena(title="Arena", inner=inner, outer=[Staff(name="Els"), Staff(name="Piet")])
    message = _message(error)
    assert "outer: the outer ring has 2 staff for 3 customers" in message
    assert "at least as many staff as customers" in message
    assert "ring_override" in message


def test_ring_rule_can_be_overridden_with_a_recorded_reason() -> None:
    arena = CustomerArena(
        title="Arena",
        inner=[Customer(alias="A"), Customer(alias="B")],
        outer=[Staff(name="Els")],
        ring_override="Twee collega's ziek; klant stemde in",
    )
    assert arena.ring_problem() is not None


def test_an_arena_has_exactly_rounds_one_two_three() -> None:
    rounds = default_rounds("en")[:2]
    with pytest.raises(ValidationError) as error:
        CustomerArena(title="Arena", rounds=rounds)
    assert "an arena has rounds 1, 2 and 3 once each; found [1, 2]" in _message(error)


def test_arena_speaker_must_be_a_participant() -> None:
    rounds = default_rounds("nl")
    rounds[0].notes.append(ArenaNote(text="Ik wacht altijd lang", speaker="cust-nobody"))
    with pytest.raises(ValidationError) as error:
        CustomerArena(title="Arena", rounds=rounds)
    assert 'rounds.0.notes.0.speaker: "cust-nobody" is not in the inner or outer ring' in _message(error)


def test_default_rounds_speak_the_workshop_language_and_variant() -> None:
    assert "listen" in default_rounds("en")[0].purpose
    assert "luisteren" in default_rounds("nl")[0].purpose
    assert "mixed groups" in default_rounds("en", "mixed")[2].purpose
    assert "ringen wisselen" in default_rounds("nl", "swap")[2].purpose


def test_pains_and_gains_sections_imply_their_valence() -> None:
    assert EmpathyItem(section="pains", text="x").valence == "pain"
    assert EmpathyItem(section="gains", text="x").valence == "gain"
    with pytest.raises(ValidationError) as error:
        EmpathyItem(section="gains", text="x", valence="pain")
    assert 'an item in section "gains" has valence "gain"' in _message(error)


def test_empathy_map_shows_extended_sections_only_when_used() -> None:
    plain = EmpathyMap(title="Kaart", persona="persona-1")
    assert "sees" not in plain.sections()
    plain.items.append(EmpathyItem(section="hears", text="Omroep"))
    assert "hears" in plain.sections()


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("nps", 120, "measured: 120 is outside the NPS range -100..100"),
        ("ces", 0, "measured: 0 is outside the CES range 1..7"),
        ("csat", 101, "measured: 101 is outside the CSAT range 0..100"),
    ],
)
def test_kpi_values_stay_within_their_scale(kind: str, value: float, expected: str) -> None:
    with pytest.raises(ValidationError) as error:
        Kpi(kind=kind, measured=value)
    assert expected in _message(error)


def test_custom_kpi_needs_a_name() -> None:
    with pytest.raises(ValidationError) as error:
        Kpi(kind="custom", measured=12)
    assert "name: a custom KPI needs a name" in _message(error)
    assert Kpi(kind="custom", name="doorlooptijd", unit="min", measured=95).label() == "doorlooptijd"


def test_phase_models() -> None:
    assert [p.key for p in Workshop(title="W", phase_model="touch-tell-sell-care").phase_list()] == [
        "touch",
        "tell",
        "sell",
        "care",
    ]
    assert len(Workshop(title="W", phase_model="dcjm").phase_list()) == 10
    custom = Workshop(
        title="W", phase_model="custom", phases=[Phase(key="wachten", nl="Wachten", en="Waiting")]
    )
    assert custom.phase_label("wachten", "en") == "Waiting"
    assert custom.phase_label("wachten", "nl") == "Wachten"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"phase_model": "nine-stage"}, 'unknown phase_model "nine-stage"; expected one of dcjm, five-stage'),
        ({"phase_model": "custom"}, 'phase_model "custom" needs at least one [[phases]] entry'),
        (
            {"phase_model": "dcjm", "phases": [Phase(key="x", nl="X")]},
            'phases come from preset "dcjm"; set phase_model = "custom"',
        ),
        (
            {"phase_model": "custom", "phases": [Phase(key="x", nl="X"), Phase(key="x", nl="Y")]},
            "phase keys must be unique; repeated: x",
        ),
    ],
)
def test_phase_model_rules(kwargs: dict, expected: str) -> None:
    with pytest.raises(ValidationError) as error:
        Workshop(title="W", **kwargs)
    assert expected in _message(error)


def test_observation_refers_to_a_step_of_its_route() -> None:
    with pytest.raises(ValidationError) as error:
        GembaWalk(
            title="Route", observations=[Observation(text="Patiënt zoekt balie", step="step-elsewhere")]
        )
    assert 'observations.0.step: step "step-elsewhere" is not a step of the route' in _message(error)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("severity", 6, "less than or equal to 5"),
        ("severity", 0, "greater than or equal to 1"),
        ("emotion", -3, "greater than or equal to -2"),
        ("wait_minutes", -1, "greater than or equal to 0"),
        ("tags", ["twee woorden"], "a tag is one word without spaces"),
        ("photos", ["../../etc/passwd"], "a photo is a path inside the workshop folder"),
        ("photos", ["/etc/passwd"], "a photo is a path inside the workshop folder"),
        ("waste", ["laziness"], "Input should be 'transport'"),
        ("kind", "rant", "Input should be 'observation'"),
    ],
)
def test_observation_fields(field: str, value: object, expected: str) -> None:
    with pytest.raises(ValidationError) as error:
        Observation(text="x", **{field: value})
    assert expected in _message(error)


def test_text_keeps_what_was_typed_but_one_newline_convention() -> None:
    note = Observation(text="regel 1\r\nregel 2\rregel 3  ")
    assert note.text == "regel 1\nregel 2\nregel 3  "
    assert Persona(name="  Anna  ").name == "Anna"
    assert Observation(text="x", tags=["#Wachten"]).tags == ["wachten"]


def test_ids_are_given_to_new_items_and_checked() -> None:
    assert Observation(text="x").id.startswith("obs-")
    with pytest.raises(ValidationError):
        Observation(text="x", id="../etc")


def test_items_from_files_must_carry_their_id() -> None:
    with pytest.raises(ValidationError) as error:
        Observation.model_validate({"text": "x"}, context={"from_file": True})
    assert error.value.errors()[0]["loc"] == ("id",)


def _bundle() -> WorkshopBundle:
    workshop = Workshop(
        title="Poli",
        phase_model="five-stage",
        touchpoints=[Touchpoint(id="tp-1", name="Website", phase="awareness")],
    )
    persona = Persona(id="persona-1", name="Anna")
    walk = GembaWalk(
        title="Route",
        route=[RouteStep(id="step-1", name="Aanmelden", phase="purchase")],
        observations=[Observation(id="obs-1", text="Zuil werkt niet", step="step-1")],
        actions=[Action(text="Zuil repareren", sources=["obs-1"])],
    )
    empathy = EmpathyMap(
        title="Kaart", persona="persona-1", items=[EmpathyItem(section="says", text="Waar moet ik heen?")]
    )
    return WorkshopBundle(workshop=workshop, personas=[persona], empathy_maps=[empathy], walks=[walk])


def test_a_consistent_bundle_has_no_reference_problems() -> None:
    bundle = _bundle()
    assert bundle.check_references() == []
    assert bundle.note_count() == 2


def test_bundle_reference_problems_name_the_field() -> None:
    bundle = _bundle()
    bundle.walks[0].route[0].phase = "check-in"
    bundle.empathy_maps[0].persona = "persona-gone"
    bundle.walks[0].actions[0].sources = ["obs-1", "obs-404"]
    bundle.personas.append(Persona(id="persona-1", name="Dubbel"))
    problems = {(p.field, p.message) for p in bundle.check_references()}
    assert (
        "route.0.phase",
        'phase "check-in" is not a phase of this workshop '
        "(expected one of: advocacy, awareness, consideration, purchase, retention)",
    ) in problems
    assert ("persona", 'persona "persona-gone" does not exist') in problems
    assert ("actions.0.sources.1", 'source "obs-404" is not an item of this workshop') in problems
    assert ("id", 'id "persona-1" is used twice') in problems


def test_arena_touchpoint_must_exist() -> None:
    bundle = _bundle()
    rounds = default_rounds("nl")
    rounds[0].notes.append(ArenaNote(text="De site is onduidelijk", touchpoint="tp-missing"))
    bundle.arenas.append(CustomerArena(title="Arena", rounds=rounds))
    fields = {p.field: p.message for p in bundle.check_references()}
    assert (
        fields["rounds.0.notes.0.touchpoint"]
        == 'touchpoint "tp-missing" is not a touchpoint of this workshop'
    )


def test_speakers_per_round_follow_the_method() -> None:
    inner = [Customer(id="c1", alias="A"), Customer(id="c2", alias="B")]
    outer = [Staff(id="s1", name="Els"), Staff(id="s2", name="Piet")]
    arena = CustomerArena(title="Arena", inner=inner, outer=outer)
    assert [p.id for p in arena.speakers_for(1)] == ["c1", "c2"]
    assert [p.id for p in arena.speakers_for(2)] == ["s1", "s2", "c1", "c2"]
    assert [p.id for p in arena.speakers_for(3)] == ["s1", "s2"]
    arena.round3_variant = "mixed"
    assert [p.id for p in arena.speakers_for(3)] == ["s1", "s2", "c1", "c2"]
    assert arena.speaker_name("s2") == "Piet" and arena.speaker_name("c1") == "A"
