"""Listing from the summaries kept beside the files: believed only while the files match."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop.model import GembaWalk, Observation, Persona, RouteStep, Workshop
from workshop.store import LoadedWorkshop, SessionStore, listing
from workshop.store.listing import SUMMARY_FILE, WorkshopSummary, list_workshops

AGE_NS = 3600 * 10**9


def _age(folder: Path, by_ns: int = AGE_NS, store: SessionStore | None = None) -> None:
    """Make the files look an hour old, as in a sessions folder kept for years; the store that
    wrote them is told, so it does not take this for another program's change."""
    stamp = time.time_ns() - by_ns
    for path in folder.glob("*.toml"):
        if not path.name.startswith("."):
            os.utime(path, ns=(stamp, stamp))
            if store is not None:
                store.forget(path)


def _workshop(root: Path, title: str = "Poli", observations: int = 3) -> tuple[SessionStore, LoadedWorkshop]:
    store = SessionStore(root)
    loaded = store.create_workshop(Workshop(title=title, dates=[dt.date(2026, 10, 14)]))
    persona = Persona(name="Anna")
    store.add(loaded, persona)
    walk = GembaWalk(
        id="walk-1",
        title="Route",
        route=[RouteStep(id="step-1", name="Balie")],
        observations=[Observation(text=f"Rij {n}", step="step-1") for n in range(observations)],
    )
    store.add(loaded, walk)
    assert loaded.bundle is not None
    loaded.bundle.personas.append(persona)
    loaded.bundle.walks.append(walk)
    _age(loaded.folder, store=store)
    return store, loaded


class _Counting:
    """A summarise function that counts how often the files had to be read."""

    def __init__(self, root: Path, fail: bool = False) -> None:
        self.store = SessionStore(root)
        self.calls: list[str] = []
        self.fail = fail

    def __call__(self, folder: Path) -> WorkshopSummary:
        self.calls.append(folder.name)
        if self.fail:
            raise MemoryError("no room to load")
        return self.store.summarise(folder)


def _counts(summary: WorkshopSummary) -> tuple[str, int, int, int, int]:
    return (summary.title, summary.personas, summary.sessions, summary.notes, summary.problems)


def test_a_fresh_summary_is_believed_without_reading_the_files(tmp_path: Path) -> None:
    _workshop(tmp_path)
    first = _Counting(tmp_path)
    [made] = list_workshops(tmp_path, first)
    assert first.calls == ["poli"]
    assert _counts(made) == ("Poli", 1, 1, 3, 0)
    assert made.dates == (dt.date(2026, 10, 14),)
    assert (tmp_path / "poli" / SUMMARY_FILE).is_file()

    again = _Counting(tmp_path)
    [kept] = list_workshops(tmp_path, again)
    assert again.calls == [], "a fresh summary is read, not the notes"
    assert kept == made


def test_the_store_lists_from_the_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = _workshop(tmp_path)
    [made] = store.list_workshops()

    def no_loading(*args: object) -> None:
        raise AssertionError("loaded the notes")

    monkeypatch.setattr(SessionStore, "load_folder", no_loading)
    assert SessionStore(tmp_path).list_workshops() == [made]


def test_a_changed_file_makes_the_summary_again(tmp_path: Path) -> None:
    store, loaded = _workshop(tmp_path)
    list_workshops(tmp_path, _Counting(tmp_path))
    walk = loaded.bundle.walks[0]
    walk.observations.append(Observation(text="Nog een", step="step-1"))
    store.save(loaded, walk)
    _age(loaded.folder, AGE_NS // 2)
    counting = _Counting(tmp_path)
    [summary] = list_workshops(tmp_path, counting)
    assert counting.calls == ["poli"]
    assert summary.notes == 4


def test_same_size_other_time_is_not_believed(tmp_path: Path) -> None:
    _, loaded = _workshop(tmp_path)
    list_workshops(tmp_path, _Counting(tmp_path))
    path = loaded.folder / "workshop.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Poli"', 'title = "Pol2"'), encoding="utf-8")
    _age(loaded.folder, AGE_NS // 2)
    counting = _Counting(tmp_path)
    [summary] = list_workshops(tmp_path, counting)
    assert counting.calls == ["poli"] and summary.title == "Pol2"


def test_a_file_added_or_removed_is_noticed(tmp_path: Path) -> None:
    store, loaded = _workshop(tmp_path)
    list_workshops(tmp_path, _Counting(tmp_path))
    bram = Persona(name="Bram")
    store.add(loaded, bram)
    loaded.bundle.personas.append(bram)
    _age(loaded.folder, store=store)
    counting = _Counting(tmp_path)
    assert list_workshops(tmp_path, counting)[0].personas == 2
    assert counting.calls == ["poli"]
    store.delete(loaded, loaded.bundle.personas[0])
    _age(loaded.folder)
    counting = _Counting(tmp_path)
    assert list_workshops(tmp_path, counting)[0].personas == 1
    assert counting.calls == ["poli"]


def test_a_file_changed_just_before_its_summary_was_made_is_not_trusted(tmp_path: Path) -> None:
    """A coarse file clock could give a second change the same size and time: racily clean."""
    _, loaded = _workshop(tmp_path)
    _age(loaded.folder, 0)  # changed "now"
    list_workshops(tmp_path, _Counting(tmp_path))
    counting = _Counting(tmp_path)
    list_workshops(tmp_path, counting)
    assert counting.calls == ["poli"], "a summary made within RACY_NS of a change is made again"


@pytest.mark.parametrize(
    "kept",
    [
        b"\x00\xff not toml",
        b"format = 1\n",
        b'format = 1\nmade_ns = "soon"\n',
        b"format = 99\n",
        b"[files]\n" + b"a = [" * 2000,
        b"# " + b"x" * (listing.MAX_SUMMARY_BYTES + 10) + b"\n",
    ],
)
def test_a_broken_summary_is_made_again(tmp_path: Path, kept: bytes) -> None:
    _workshop(tmp_path)
    (tmp_path / "poli" / SUMMARY_FILE).write_bytes(kept)
    counting = _Counting(tmp_path)
    [summary] = list_workshops(tmp_path, counting)
    assert counting.calls == ["poli"]
    assert _counts(summary) == ("Poli", 1, 1, 3, 0)
    assert list_workshops(tmp_path, _Counting(tmp_path)) == [summary]


@pytest.mark.parametrize(
    ("key", "value"),
    [("notes", "-5"), ("personas", '"two"'), ("title", "7"), ("dates", '["2026-10-14"]')],
)
def test_a_summary_with_wrong_values_is_not_believed(tmp_path: Path, key: str, value: str) -> None:
    _workshop(tmp_path)
    list_workshops(tmp_path, _Counting(tmp_path))
    path = tmp_path / "poli" / SUMMARY_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(n for n, line in enumerate(lines) if line.startswith(f"{key} ="))
    end = index + 1
    while end < len(lines) and lines[end].startswith((" ", "]")):  # a multi-line array
        end += 1
    lines[index:end] = [f"{key} = {value}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counting = _Counting(tmp_path)
    [summary] = list_workshops(tmp_path, counting)
    assert counting.calls == ["poli"]
    assert _counts(summary) == ("Poli", 1, 1, 3, 0)


def test_a_rebuild_that_fails_still_lists_the_folder(tmp_path: Path) -> None:
    _workshop(tmp_path, "Poli")
    _workshop(tmp_path, "Kliniek")
    [first, second] = list_workshops(tmp_path, _Counting(tmp_path, fail=True))
    assert (first.slug, first.title, first.problems) == ("kliniek", "kliniek", 1)
    assert second.slug == "poli"
    assert not (tmp_path / "poli" / SUMMARY_FILE).exists(), "a failed rebuild keeps nothing"


def test_a_summary_that_cannot_be_written_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _workshop(tmp_path)

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(listing.os, "replace", refuse)
    [summary] = list_workshops(tmp_path, _Counting(tmp_path))
    assert _counts(summary) == ("Poli", 1, 1, 3, 0)
    assert sorted(p.name for p in (tmp_path / "poli").iterdir() if p.name.startswith(".")) == []


def test_the_summary_is_not_a_workshop_file(tmp_path: Path) -> None:
    store, _ = _workshop(tmp_path)
    store.list_workshops()
    loaded = SessionStore(tmp_path).load("poli")
    assert loaded.problems == []


def test_listing_from_fresh_summaries_does_not_load_pydantic(tmp_path: Path) -> None:
    _workshop(tmp_path)
    list_workshops(tmp_path, _Counting(tmp_path))
    script = (
        "import sys\nfrom pathlib import Path\nfrom workshop.store.listing import list_workshops\n"
        "def rebuilt(folder):\n    raise SystemExit('a summary was made again')\n"
        f"[s] = list_workshops(Path({str(tmp_path)!r}), rebuilt)\n"
        "print(s.title, s.notes, 'pydantic' in sys.modules, 'workshop.model' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["Poli", "3", "False", "False"]
