"""Two writers on one folder: a save that finds the file changed merges by item id, asks nothing."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest

from workshop.model import EmpathyItem, EmpathyMap, Persona, Workshop
from workshop.store import LoadedWorkshop, SessionStore
from workshop.store.autosave import Autosaver, MergeNotice, SaveStatus


def _texts(path: Path) -> list[str]:
    return sorted(item["text"] for item in tomllib.loads(path.read_text()).get("items", []))


def _memory(emap: EmpathyMap) -> list[str]:
    return sorted(item.text for item in emap.items)


def _wait(predicate, timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


class Writer:
    """One process's view of the folder: its own store, saver and loaded copy."""

    def __init__(self, root: Path, slug: str) -> None:
        self.store = SessionStore(root)
        self.statuses: list[SaveStatus] = []
        self.saver = Autosaver(self.store, self.statuses.append, debounce=0.01, backoff=(0.05,))
        self.loaded: LoadedWorkshop = self.store.load(slug)
        assert self.loaded.bundle is not None
        self.emap = self.loaded.bundle.empathy_maps[0]

    def add(self, text: str) -> EmpathyItem:
        item = EmpathyItem(section="says", text=text)
        self.emap.items.append(item)
        self.saver.mark(self.loaded, self.emap, immediately=True)
        assert self.saver.flush(timeout=3)
        return item

    def edit(self, item_id: str, text: str) -> None:
        item = next(i for i in self.emap.items if i.id == item_id)
        item.text = text
        self.saver.mark(self.loaded, self.emap, immediately=True)
        assert self.saver.flush(timeout=3)


@pytest.fixture
def folder(tmp_path: Path):
    root = tmp_path / "sessions"
    store = SessionStore(root)
    loaded = store.create_workshop(Workshop(title="Poli"))
    persona = Persona(name="Anna")
    store.add(loaded, persona)
    emap = EmpathyMap(title="Kaart", persona=persona.id, items=[EmpathyItem(section="says", text="Start")])
    path = store.add(loaded, emap)
    writers: list[Writer] = []

    def writer() -> Writer:
        writers.append(Writer(root, loaded.slug))
        return writers[-1]

    yield path, writer
    for each in writers:
        each.saver.close(timeout=2)


def test_two_writers_adding_notes_both_keep_every_note(folder) -> None:
    path, writer = folder
    a, b = writer(), writer()
    a.add("A1")
    b.add("B1")  # b's file is a's now: merged, not refused
    a.add("A2")
    b.add("B2")
    assert _texts(path) == ["A1", "A2", "B1", "B2", "Start"]
    assert _memory(b.emap) == ["A1", "A2", "B1", "B2", "Start"]
    assert _memory(a.emap) == ["A1", "A2", "B1", "Start"]  # b2 comes in at a's next save
    a.saver.mark(a.loaded, a.emap, immediately=True)
    assert a.saver.flush(timeout=3)
    assert _memory(a.emap) == ["A1", "A2", "B1", "B2", "Start"]
    assert _texts(path) == ["A1", "A2", "B1", "B2", "Start"]
    assert not any(s.state == "conflict" for w in (a, b) for s in w.statuses)
    assert a.emap.conflicts == [] and b.emap.conflicts == []


def test_an_item_edited_on_both_sides_becomes_a_conflict(folder) -> None:
    path, writer = folder
    a, b = writer(), writer()
    start = a.emap.items[0].id
    a.edit(start, "Start, says A")
    b.edit(start, "Start, says B")
    assert len(b.emap.conflicts) == 1
    conflict = b.emap.conflicts[0]
    assert conflict.item == start
    kept = next(i.text for i in b.emap.items if i.id == start)
    assert {kept, conflict.other["text"]} == {"Start, says A", "Start, says B"}
    on_disk = tomllib.loads(path.read_text())
    assert len(on_disk["conflicts"]) == 1, "the conflict is saved for the conflicts screen"


def test_an_item_edited_on_one_side_only_takes_that_edit(folder) -> None:
    path, writer = folder
    a, b = writer(), writer()
    start = a.emap.items[0].id
    a.edit(start, "Start, edited")
    b.add("B1")
    assert _texts(path) == ["B1", "Start, edited"]
    assert b.emap.conflicts == []


def test_deleted_elsewhere_stays_deleted_unless_edited_here(folder) -> None:
    path, writer = folder
    a, b = writer(), writer()
    start = a.emap.items[0].id
    del a.emap.items[0]
    a.saver.mark(a.loaded, a.emap, immediately=True)
    assert a.saver.flush(timeout=3)
    b.add("B1")
    assert _texts(path) == ["B1"], "a's delete is kept"
    assert _memory(b.emap) == ["B1"]
    c = writer()  # reads B1 as it is now
    b_one = next(i.id for i in c.emap.items if i.text == "B1")
    a.saver.mark(a.loaded, a.emap, immediately=True)
    assert a.saver.flush(timeout=3)  # a takes B1 in
    a.emap.items[:] = [i for i in a.emap.items if i.id != b_one]  # and deletes it
    a.saver.mark(a.loaded, a.emap, immediately=True)
    assert a.saver.flush(timeout=3)
    assert _texts(path) == []
    c.edit(b_one, "B1, edited by c")
    assert _texts(path) == ["B1, edited by c"], "an item edited here survives a delete elsewhere"
    assert start not in {i.id for i in c.emap.items}


def test_marks_wait_until_the_merge_is_absorbed(folder) -> None:
    """Until the UI has taken the merged copy in, a save of the live copy would drop the other
    writer's notes from the file: it waits."""
    path, writer = folder
    a, b = writer(), writer()
    notices: list[MergeNotice] = []
    b.saver.on_merge = notices.append
    a.add("A1")
    b.emap.items.append(EmpathyItem(section="says", text="B1"))
    b.saver.mark(b.loaded, b.emap, immediately=True)
    assert _wait(lambda: bool(notices))
    assert notices[0].added == 1 and notices[0].conflicts == 0
    b.emap.items.append(EmpathyItem(section="says", text="B2"))  # typed meanwhile
    b.saver.mark(b.loaded, b.emap, immediately=True)
    assert not b.saver.flush(timeout=0.3), "the mark waits for the merge to be absorbed"
    assert _texts(path) == ["A1", "B1", "Start"]
    b.saver.absorb(notices[0])
    assert b.saver.flush(timeout=3)
    assert _memory(b.emap) == ["A1", "B1", "B2", "Start"]
    assert _texts(path) == ["A1", "B1", "B2", "Start"]


def test_a_change_elsewhere_is_taken_in_without_writing_when_nothing_is_ours(folder) -> None:
    path, writer = folder
    a, b = writer(), writer()
    a.add("A1")
    before = path.stat().st_ino
    b.saver.mark(b.loaded, b.emap, immediately=True)  # what the app's file watch does
    assert b.saver.flush(timeout=3)
    assert _memory(b.emap) == ["A1", "Start"]
    assert path.stat().st_ino == before, "the file was not rewritten"


def test_close_takes_in_a_merge_the_ui_never_absorbed(folder) -> None:
    path, writer = folder
    a, b = writer(), writer()
    notices: list[MergeNotice] = []
    b.saver.on_merge = notices.append  # a UI that ends before it handles the message
    a.add("A1")
    b.emap.items.append(EmpathyItem(section="says", text="B1"))
    b.saver.mark(b.loaded, b.emap, immediately=True)
    assert _wait(lambda: bool(notices))
    b.emap.items.append(EmpathyItem(section="says", text="B2"))
    b.saver.mark(b.loaded, b.emap, immediately=True)
    assert b.saver.close(timeout=3)
    assert _texts(path) == ["A1", "B1", "B2", "Start"]
