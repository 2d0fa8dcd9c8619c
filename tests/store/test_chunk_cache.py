"""The save's cache of item texts: reused only while an item is unchanged, however it changed."""

from __future__ import annotations

from workshop.model import ArenaNote, Customer, CustomerArena, GembaWalk, Observation, Staff
from workshop.model.arena import default_rounds
from workshop.store.codec import ChunkCache, to_toml


def _walk() -> GembaWalk:
    return GembaWalk(
        title="Route",
        observations=[Observation(text=f"waarneming {n}", tags=["zuil"]) for n in range(20)],
    )


def test_a_change_in_place_is_noticed() -> None:
    walk = _walk()
    cache = ChunkCache()
    to_toml(walk, cache)
    walk.observations[3].tags.append("balie")  # no assignment: the same list, one more tag
    walk.observations[4].waste.append("waiting")
    text = to_toml(walk, cache)
    assert text == to_toml(walk)
    assert '"balie"' in text and '"waiting"' in text


def test_an_equal_item_in_a_new_object_gives_the_same_text() -> None:
    walk = _walk()
    cache = ChunkCache()
    to_toml(walk, cache)
    walk.observations[5] = walk.observations[5].model_copy(update={"text": "nieuw"})
    walk.observations[6] = walk.observations[6].model_copy()
    assert to_toml(walk, cache) == to_toml(walk)


def test_notes_inside_rounds_are_noticed_when_added_or_edited() -> None:
    rounds = default_rounds("nl")
    arena = CustomerArena(
        title="Arena",
        inner=[Customer(id="cust-a", alias="Anna")],
        outer=[Staff(id="staff-b", name="Bram")],
        rounds=rounds,
    )
    cache = ChunkCache()
    for n in range(5):
        rounds[0].notes.append(ArenaNote(speaker="cust-a", text=f"Notitie {n}"))
        assert to_toml(arena, cache) == to_toml(arena)
    rounds[0].notes[2].text = "anders gezegd"
    text = to_toml(arena, cache)
    assert text == to_toml(arena)
    assert "anders gezegd" in text


def test_memory_follows_the_document() -> None:
    walk = _walk()
    cache = ChunkCache()
    to_toml(walk, cache)
    del walk.observations[10:]
    to_toml(walk, cache)
    assert len(cache._chunks) == 10
