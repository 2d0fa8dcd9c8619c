"""Merging copies of a document: nothing lost, nothing resurrected, order never matters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.model import ArenaNote, CustomerArena, GembaWalk, Observation, RouteStep, Workshop
from workshop.model.merge import fingerprint, merge_documents, resolve_conflict


def _walk(*texts: str) -> GembaWalk:
    return GembaWalk(
        id="walk-1",
        title="Route",
        route=[RouteStep(id="step-1", name="Aanmelden")],
        observations=[Observation(id=f"obs-{n}", text=text) for n, text in enumerate(texts)],
    )


def _ids(walk: GembaWalk) -> list[str]:
    return [o.id for o in walk.observations]


def _same(first: GembaWalk, second: GembaWalk) -> bool:
    """Equal but for the order of items added on both sides at the same place."""

    def normal(walk: GembaWalk) -> dict:
        data = walk.model_dump(mode="json")
        data["observations"].sort(key=lambda o: o["id"])
        return data

    return normal(first) == normal(second)


def test_new_items_from_both_sides_are_kept_identical_ones_once() -> None:
    ours, theirs = _walk("a", "b"), _walk("a", "b")
    ours.observations.append(Observation(id="obs-jan", text="Van Jan"))
    theirs.observations.append(Observation(id="obs-els", text="Van Els"))
    merged = merge_documents(ours, theirs)
    assert _ids(merged) == ["obs-0", "obs-1", "obs-els", "obs-jan"]
    assert merged.conflicts == []
    assert _same(merge_documents(theirs, ours), merged)
    assert merge_documents(merged, theirs) == merged
    assert merge_documents(merged, merged) == merged


def test_differing_edits_keep_both_versions_as_a_conflict() -> None:
    ours, theirs = _walk("a"), _walk("a")
    ours.observations[0].text = "versie Jan"
    theirs.observations[0].text = "versie Els"
    merged = merge_documents(ours, theirs)
    assert merged.observations[0].text == "versie Els", "the version that sorts first stays in place"
    [conflict] = merged.conflicts
    assert (conflict.field, conflict.item, conflict.other["text"]) == ("observations", "obs-0", "versie Jan")
    assert merge_documents(theirs, ours) == merged
    assert merge_documents(merged, ours) == merged, "merging again adds no second conflict"


def test_with_the_ancestor_a_one_sided_edit_is_taken() -> None:
    base = _walk("a", "b")
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.observations[0].text = "aangepast"
    theirs.observations[1].severity = 4
    merged = merge_documents(ours, theirs, base)
    assert [o.text for o in merged.observations] == ["aangepast", "b"]
    assert merged.observations[1].severity == 4
    assert merged.conflicts == []


def test_deleted_items_do_not_come_back() -> None:
    ours, theirs = _walk("a", "b"), _walk("a", "b")
    ours.remove_item(ours.observations, ours.observations[1])
    merged = merge_documents(ours, theirs)
    assert _ids(merged) == ["obs-0"] and merged.deleted == ["obs-1"]
    assert merge_documents(merged, _walk("a", "b")) == merged
    base = _walk("a", "b")
    plain_delete = base.model_copy(deep=True)
    plain_delete.observations.pop()
    assert _ids(merge_documents(plain_delete, base, base)) == ["obs-0"], "git's ancestor shows the deletion"


def test_a_rejected_version_stays_rejected() -> None:
    ours, theirs = _walk("a"), _walk("a")
    ours.observations[0].text = "versie Jan"
    theirs.observations[0].text = "versie Els"
    merged = merge_documents(ours, theirs)
    rejected = merged.conflicts[0].other
    merged.observations[0] = Observation.model_validate(rejected)  # the facilitator picks Jan's version
    merged.superseded.append(fingerprint(theirs.observations[0].model_dump(mode="json")))
    merged.conflicts = []
    again = merge_documents(merged, theirs)
    assert again.observations[0].text == "versie Jan" and again.conflicts == []


def test_arena_rounds_merge_by_number_and_fields_conflict() -> None:
    ours = CustomerArena(id="arena-1", title="Arena")
    theirs = ours.model_copy(deep=True)
    ours.rounds[0].notes.append(ArenaNote(id="note-j", text="Jan hoorde"))
    theirs.rounds[0].notes.append(ArenaNote(id="note-e", text="Els hoorde"))
    theirs.rounds[1].planned_minutes = 25
    ours.title = "Arena maart"
    merged = merge_documents(ours, theirs)
    assert sorted(n.id for n in merged.rounds[0].notes) == ["note-e", "note-j"]
    assert merged.rounds[1].planned_minutes in (20, 25)
    fields = sorted(c.field for c in merged.conflicts)
    assert fields == ["rounds.2.planned_minutes", "title"]
    swapped = merge_documents(theirs, ours)
    assert swapped.conflicts == merged.conflicts and swapped.title == merged.title
    assert {n.id for n in swapped.rounds[0].notes} == {n.id for n in merged.rounds[0].notes}


def test_workshop_tag_like_lists_are_united() -> None:
    ours = Workshop(id="ws-1", title="Poli", dates=[])
    theirs = ours.model_copy(deep=True)
    ours.facilitator = "Jan"
    merged = merge_documents(ours, theirs, ours.model_copy(update={"facilitator": ""}))
    assert merged.facilitator == "Jan"


FIGURES = {"cases": 0, "lost": 0}


@pytest.fixture(scope="module", autouse=True)
def _print_figures(figures: list[str]):
    yield
    figures.append(f"merge cases: {FIGURES['cases']}, notes lost: {FIGURES['lost']}")


_EDITS = st.lists(
    st.tuples(st.sampled_from(["add", "edit", "delete"]), st.integers(0, 20), st.text(max_size=5)), max_size=8
)


def _apply(walk: GembaWalk, edits: list[tuple[str, int, str]], who: str) -> GembaWalk:
    walk = walk.model_copy(deep=True)
    for number, (op, index, text) in enumerate(edits):
        if op == "add":
            walk.observations.append(Observation(id=f"obs-{who}-{number}", text=f"nieuw {text}"))
        elif walk.observations:
            target = walk.observations[index % len(walk.observations)]
            if op == "edit":
                target.text = f"{who} {text}"
            else:
                walk.remove_item(walk.observations, target)
    return walk


@settings(max_examples=300, deadline=None)
@given(_EDITS, _EDITS, st.booleans())
def test_merge_is_symmetric_idempotent_and_loses_nothing(edits_a, edits_b, with_base) -> None:
    base = _walk("a", "b", "c")
    ours, theirs = _apply(base, edits_a, "jan"), _apply(base, edits_b, "els")
    ancestor = base if with_base else None
    merged = merge_documents(ours, theirs, ancestor)
    assert _same(merged, merge_documents(theirs, ours, ancestor))
    for side in (ours, theirs):
        order = [i for i in _ids(merged) if i in set(_ids(side))]
        assert order == [i for i in _ids(side) if i in set(order)], "each side keeps its own order"
    assert merge_documents(merged, ours, ancestor) == merge_documents(merged, merged) == merged
    assert merge_documents(merged, theirs, ancestor) == merged
    deleted = set(merged.deleted)
    kept = {o.id for o in merged.observations}
    FIGURES["cases"] += 1
    missing = [o.id for side in (ours, theirs) for o in side.observations if o.id not in deleted | kept]
    FIGURES["lost"] += len(missing)
    assert not missing, "an item of either side is never lost"
    for side in (ours, theirs):
        for observation in side.observations:
            if observation.id in deleted:
                continue
            versions = [o for o in merged.observations if o.id == observation.id]
            others = [c.other for c in merged.conflicts if c.item == observation.id]
            assert observation in versions or observation.model_dump(mode="json") in others or with_base
    assert len(kept) == len(merged.observations), "each id once"


def _conflicted() -> tuple[GembaWalk, GembaWalk, GembaWalk]:
    base = _walk("Rij bij de balie")
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.observations[0].text = "Rij van vijf bij de balie"
    theirs.observations[0].text = "Rij bij de balie, tien minuten"
    return ours, theirs, merge_documents(ours, theirs)


@pytest.mark.parametrize(
    ("choice", "texts"),
    [
        ("ours", None),
        ("theirs", None),
        ("both", ["Rij bij de balie, tien minuten", "Rij van vijf bij de balie"]),
    ],
)
def test_a_conflict_is_settled_and_stays_settled(choice: str, texts: list[str] | None) -> None:
    ours, theirs, merged = _conflicted()
    assert len(merged.conflicts) == 1
    kept_in_place = merged.observations[0].text
    other = merged.conflicts[0].other["text"]
    settled = resolve_conflict(merged, 0, choice)
    assert settled.conflicts == []
    got = [o.text for o in settled.observations]
    expected = {"ours": [kept_in_place], "theirs": [other], "both": [kept_in_place, other]}[choice]
    assert got == expected
    if choice == "both":
        assert settled.observations[1].id == "obs-0-2"
    for copy in (ours, theirs):
        again = merge_documents(settled, copy)
        assert again.conflicts == [] and [o.text for o in again.observations] == got, "settled stays settled"


def test_a_field_conflict_takes_ours_or_theirs_only() -> None:
    ours, theirs = _walk("x"), _walk("x")
    ours.focus, theirs.focus = "Wachten", "Bewegwijzering"
    merged = merge_documents(ours, theirs)
    (conflict,) = merged.conflicts
    assert conflict.field == "focus" and conflict.item is None
    with pytest.raises(ValueError, match="holds one value"):
        resolve_conflict(merged, 0, "both")
    settled = resolve_conflict(merged, 0, "theirs")
    assert settled.focus == conflict.other and settled.conflicts == []


def test_adopt_takes_a_merge_in_place_keeping_lists_and_unchanged_items() -> None:
    """What the UI does with another writer's merged copy: screens hold the walk's lists and
    items (and undo stacks hold items), so those objects must stay the same ones."""
    from workshop.model.merge import adopt

    kept, edited = Observation(text="Blijft"), Observation(text="Oud")
    walk = GembaWalk(title="Route", observations=[kept, edited])
    observations = walk.observations
    other = walk.model_copy(deep=True)
    other.observations[1].text = "Nieuw"
    other.observations.append(Observation(text="Van de ander"))
    merged = merge_documents(walk, other, walk.model_copy(deep=True))
    adopt(walk, merged)
    assert walk == merged
    assert walk.observations is observations
    assert walk.observations[0] is kept and walk.observations[1] is edited
    assert edited.text == "Nieuw"
    assert [o.text for o in walk.observations] == ["Blijft", "Nieuw", "Van de ander"]
