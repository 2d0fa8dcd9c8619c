"""Persona cards, `--persona` narrowing of all evidence, touchpoints and short references,
checked on the example against its TOML files read independently, and on small bundles."""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter

from workshop.model import (
    Action,
    ArenaNote,
    Customer,
    CustomerArena,
    GembaWalk,
    Observation,
    Persona,
    RouteStep,
    Staff,
    Workshop,
    WorkshopBundle,
    default_rounds,
)
from workshop.model.workshop import Touchpoint
from workshop.report import compile_journey
from workshop.report.render import render_html, render_json, render_markdown
from workshop.store.repository import LoadedWorkshop

from .conftest import EXAMPLE
from .test_render import MADE_ON


def _toml(prefix: str) -> dict:
    (path,) = EXAMPLE.glob(f"{prefix}-*.toml")
    return tomllib.loads(path.read_text("utf-8"))


def _arena_notes_for(persona: str) -> tuple[int, int]:
    """(notes of the persona's customers, notes of staff or nobody), straight from the arena file."""
    arena = _toml("arena")
    mine = {c["id"] for c in arena["inner"] if c.get("persona") == persona}
    customers = {c["id"] for c in arena["inner"]}
    notes = [note for round_ in arena["rounds"] for note in round_.get("notes", [])]
    own = sum(1 for note in notes if note.get("speaker") in mine)
    staff = sum(1 for note in notes if note.get("speaker") not in customers)
    return own, staff


def test_the_example_names_personas_on_arena_customers_and_the_walk() -> None:
    arena, walk = _toml("arena"), _toml("gemba")
    assert Counter(c.get("persona") for c in arena["inner"]) == {
        "persona-riet": 2,
        "persona-daan": 2,
        None: 1,
    }
    assert walk["persona"] == "persona-riet"


def test_persona_narrows_arena_and_gemba_evidence(example: LoadedWorkshop) -> None:
    everyone = compile_journey(example.bundle)
    every = Counter(n.method for n in everyone.notes.values())
    assert every == {"empathy": 56, "arena": 34, "gemba": 65}

    riet = compile_journey(example.bundle, persona="persona-riet")
    own, staff = _arena_notes_for("persona-riet")
    counts = Counter(n.method for n in riet.notes.values())
    assert counts["arena"] == own + staff == 24, "Riet's two customers and the staff of their arena"
    assert counts["gemba"] == 65, "the walk followed Riet's route"
    assert counts["empathy"] == len(_toml("empathy-riet")["items"]) == 29
    assert riet.participation.customers == 2 and riet.participation.customers_consented == ("Mevrouw B.",)
    assert riet.arenas[0].customers == 2

    daan = compile_journey(example.bundle, persona="Daan Verhoef")
    own, staff = _arena_notes_for("persona-daan")
    counts = Counter(n.method for n in daan.notes.values())
    assert counts == {"empathy": 27, "arena": own + staff}
    assert counts["arena"] == 23
    assert daan.walks == () and daan.participation.observers == ()
    # No customer of another persona (or of none) speaks in Daan's report.
    others = {"Mevrouw B.", "Mevrouw Y.", "Klant 3", "Klant 5"}
    assert not {n.who for n in daan.notes.values() if n.method == "arena"} & others
    # The walk's actions go with the walk; the workshop's and the arena's stay.
    walk_title = _toml("gemba")["title"]
    assert len(everyone.actions) == 24 and len(daan.actions) == 14
    assert not [a for a in daan.actions if a.origin == walk_title]


def _small(**walk_fields: object) -> WorkshopBundle:
    workshop = Workshop(
        title="W",
        phase_model="five-stage",
        touchpoints=[
            Touchpoint(
                id="tp-app",
                name="App",
                channel="app",
                phase="purchase",
                stage="purchase",
                devices=["smartphone", "tablet"],
            )
        ],
    )
    anna = Persona(
        id="persona-anna",
        name="Anna",
        segment="Student",
        quote="Snel graag.",
        goals=["Op tijd klaar"],
        needs=["Een app"],
        expectations=["Binnen 5 minuten"],
        frustrations=["Wachtmuziek"],
        channels=["app"],
        devices=["smartphone"],
    )
    bert = Persona(id="persona-bert", name="Bert", segment="Gepensioneerd", devices=["vaste telefoon"])
    rounds = default_rounds("nl")
    rounds[0].notes += [
        ArenaNote(id="n-anna", text="De app liep vast", speaker="c-anna", touchpoint="tp-app", sentiment=-1),
        ArenaNote(id="n-bert", text="Ik bel liever", speaker="c-bert"),
    ]
    rounds[1].notes.append(ArenaNote(id="n-staff", text="Wat deed u toen?", speaker="s-1"))
    arena = CustomerArena(
        title="Arena",
        inner=[
            Customer(id="c-anna", alias="A.", persona="persona-anna"),
            Customer(id="c-bert", alias="B.", persona="persona-bert"),
        ],
        outer=[Staff(id="s-1", name="Els"), Staff(id="s-2", name="Piet")],
        rounds=rounds,
        commitments=[
            Action(id="act-bert", text="Terugbellen", sources=["n-bert"]),
            Action(id="act-both", text="App en telefoon", sources=["n-bert", "n-anna"]),
        ],
    )
    walk = GembaWalk(
        title="Route",
        route=[RouteStep(id="st", name="Balie", phase="purchase")],
        observations=[Observation(id="o1", text="Rij bij de balie", step="st")],
        **walk_fields,
    )
    return WorkshopBundle(workshop=workshop, personas=[anna, bert], arenas=[arena], walks=[walk])


def test_narrowing_rules_on_a_small_workshop() -> None:
    bundle = _small(persona="persona-bert")
    assert bundle.check_references() == []
    anna = compile_journey(bundle, persona="Anna")
    assert set(anna.notes) == {"n-anna", "n-staff"}, "her note and the staff note of her arena"
    assert [a.id for a in anna.actions] == ["act-both"], "an action from Bert's note only is not hers"
    assert anna.walks == (), "the walk followed Bert"
    bert = compile_journey(bundle, persona="Bert")
    assert set(bert.notes) == {"n-bert", "n-staff", "o1"}
    assert [a.id for a in bert.actions] == ["act-bert", "act-both"]
    # A walk without a persona is in the all-personas report only.
    assert "o1" not in compile_journey(_small(), persona="Bert").notes
    assert "o1" in compile_journey(_small()).notes


def test_unknown_personas_on_customers_and_walks_are_reference_problems() -> None:
    bundle = _small(persona="persona-gone")
    bundle.arenas[0].inner[0].persona = "persona-nobody"
    problems = {(p.field, p.message) for p in bundle.check_references()}
    assert ("persona", 'persona "persona-gone" does not exist') in problems
    assert ("inner.0.persona", 'persona "persona-nobody" does not exist') in problems
    assert not _small(persona="persona-gone").check_references(sources_complete=False)


def test_persona_cards_in_html_markdown_and_json_without_an_empathy_map() -> None:
    journey = compile_journey(_small())
    assert [c.name for c in journey.personas] == ["Anna", "Bert"]
    anna = journey.personas[0]
    assert (anna.empathy_maps, anna.customers, anna.walks) == (0, 1, 0)
    html = render_html(journey, MADE_ON)
    markdown = render_markdown(journey, MADE_ON)
    data = json.loads(render_json(journey, MADE_ON))
    fields = ["Student", "Snel graag.", "Op tijd klaar", "Een app", "Binnen 5 minuten", "Wachtmuziek"]
    card = html[html.index('id="p-persona-anna"') : html.index('id="p-persona-bert"')]
    for text in fields:
        assert text in card and text in markdown
    for label in ("Doelen", "Behoeften", "Verwachtingen", "Frustraties", "Kanalen", "Apparaten"):
        assert f"<h4>{label}</h4>" in card and f"**{label}**" in markdown
    assert (
        data["personas"][0] | {"goals": ["Op tijd klaar"], "devices": ["smartphone"]} == data["personas"][0]
    )
    assert data["personas"][1]["segment"] == "Gepensioneerd"
    narrowed = compile_journey(_small(), persona="persona-bert")
    assert [c.name for c in narrowed.personas] == ["Bert"]


def test_touchpoints_stage_channel_and_devices_per_phase() -> None:
    journey = compile_journey(_small())
    (tp,) = journey.touchpoints
    assert (tp.stage, tp.channel, tp.notes) == ("purchase", "app", ("n-anna",))
    assert journey.notes["n-anna"].touchpoint == "tp-app" and journey.notes["n-bert"].touchpoint is None
    purchase = next(row for row in journey.channels if row.phase == "purchase")
    assert purchase.devices == ("smartphone", "tablet") and purchase.evidence == 1
    data = json.loads(render_json(journey, MADE_ON))
    assert data["notes"]["n-anna"]["touchpoint"] == "tp-app"
    markdown = render_markdown(journey, MADE_ON)
    assert "App (app · tijdens aankoop)" in markdown, "channel and stage in the Markdown grid"
    assert "| **Apparaten** |" in markdown and "smartphone, tablet" in markdown
    html = render_html(journey, MADE_ON)
    assert '<tr id="tp-tp-app"><th scope="row">App</th>' in html
    assert "tijdens aankoop" in html and '<a href="#n-n-anna" class="ref"' in html


def test_example_touchpoint_evidence_matches_the_arena_file(example: LoadedWorkshop) -> None:
    arena = _toml("arena")
    named = Counter(
        note["touchpoint"] for r in arena["rounds"] for note in r.get("notes", []) if "touchpoint" in note
    )
    journey = compile_journey(example.bundle)
    assert {tp.id: len(tp.notes) for tp in journey.touchpoints if tp.notes} == named
    assert sum(named.values()) == 34
    stages = {tp.stage for tp in journey.touchpoints}
    assert stages == {"pre-purchase", "purchase", "post-purchase"}


def test_short_references_per_method_in_listing_order(example: LoadedWorkshop) -> None:
    journey = compile_journey(example.bundle)
    refs = [n.ref for n in journey.notes.values()]
    assert len(set(refs)) == len(refs) == 155
    for method, letter, count in (("empathy", "E", 56), ("arena", "A", 34), ("gemba", "G", 65)):
        numbers = sorted(int(n.ref[1:]) for n in journey.notes.values() if n.method == method)
        assert numbers == list(range(1, count + 1))
        assert all(n.ref.startswith(letter) for n in journey.notes.values() if n.method == method)
    first_map = journey.empathy_maps[0]
    listed = [journey.notes[key].ref for s in first_map.sections for key in s.notes]
    assert listed[:3] == ["E1", "E2", "E3"], "numbered in the order the map lists them"
    html = render_html(journey, MADE_ON)
    assert not re.search(r">(em|note|obs)-[\w-]+</a>", html), "no raw id as link text"
    markdown = render_markdown(journey, MADE_ON)
    pains = markdown[markdown.index("## Grootste pijnpunten") : markdown.index("## Acties")]
    assert "[E8](#n-em-daan-12)" in pains and "em-daan-12]" not in pains


def test_persona_text_is_inert_and_no_header_cell_is_empty(example: LoadedWorkshop) -> None:
    bundle = _small()
    bundle.personas[0].quote = "<script>alert(1)</script> | kolom"
    bundle.personas[0].goals = ["[klik](javascript:alert(2))"]
    journey = compile_journey(bundle)
    html = render_html(journey, MADE_ON)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = render_markdown(journey, MADE_ON)
    assert r"\<script\>" in markdown and r"\[klik\](javascript:alert(2))" in markdown
    for page in (html, render_html(compile_journey(example.bundle), MADE_ON)):
        assert not re.search(r"<th[^>]*>\s*</th>", page), "every header cell names its row or column"
