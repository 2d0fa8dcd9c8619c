"""The store as the app uses it: create, add, save, detect others' changes, delete to trash."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from workshop.model import (
    ArenaNote,
    Customer,
    CustomerArena,
    EmpathyItem,
    EmpathyMap,
    Kpi,
    Persona,
    Staff,
    Workshop,
    default_rounds,
)
from workshop.store import ConflictError, SaveError, SessionStore, StoreError, repository
from workshop.store.problems import display_path


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def test_create_workshop_makes_a_slug_folder_never_the_typed_path(store: SessionStore) -> None:
    first = store.create_workshop(Workshop(title="../Poli Orthopedie"))
    second = store.create_workshop(Workshop(title="Poli: Orthopedie"))
    assert first.folder == store.root / "poli-orthopedie"
    assert second.folder == store.root / "poli-orthopedie-2"
    assert tomllib.loads((first.folder / "workshop.toml").read_text())["title"] == "../Poli Orthopedie"


def test_documents_get_prefixed_unique_file_names(store: SessionStore) -> None:
    loaded = store.create_workshop(Workshop(title="Poli"))
    anna = store.add(loaded, Persona(name="Anna de Vries"))
    anna2 = store.add(loaded, Persona(name="Anna de Vries"))
    empathy = store.add(loaded, EmpathyMap(title="Anna / knie", persona="persona-x"))
    assert [anna.name, anna2.name, empathy.name] == [
        "persona-anna-de-vries.toml",
        "persona-anna-de-vries-2.toml",
        "empathy-anna-knie.toml",
    ]


def test_a_title_that_starts_with_its_kind_names_the_file_once(store: SessionStore) -> None:
    loaded = store.create_workshop(Workshop(title="Poli"))
    dutch = store.add(loaded, EmpathyMap(title="Empathiekaart Anna", persona="persona-x"))
    english = store.add(loaded, EmpathyMap(title="Empathy map Anna", persona="persona-x"))
    assert [dutch.name, english.name] == ["empathy-anna.toml", "empathy-anna-2.toml"]


def test_files_hold_what_a_person_would_type(store: SessionStore) -> None:
    """Whole numbers without `.0`, no `quote = false` noise, but a recorded "no" to consent stays."""
    loaded = store.create_workshop(
        Workshop(title="Poli", kpis=[Kpi(kind="csat", target=80.0, measured=72.5)])
    )
    arena = CustomerArena(
        title="Arena",
        inner=[Customer(alias="Mevrouw E.")],
        outer=[Staff(name="Petra")],
        rounds=default_rounds("nl", "swap"),
    )
    arena.rounds[0].notes.append(ArenaNote(text="Lang gewacht", speaker=arena.inner[0].id))
    path = store.add(loaded, arena)
    workshop_text = (path.parent / "workshop.toml").read_text(encoding="utf-8")
    assert "target = 80\n" in workshop_text and "measured = 72.5\n" in workshop_text
    arena_text = path.read_text(encoding="utf-8")
    assert "consent = false" in arena_text
    assert "quote" not in arena_text
    reloaded = store.load(loaded.slug)
    assert reloaded.bundle is not None
    assert reloaded.bundle.workshop.kpis[0].target == 80.0
    assert reloaded.bundle.arenas[0].rounds[0].notes[0].quote is False


def test_list_workshops_counts_what_is_inside(store: SessionStore) -> None:
    loaded = store.create_workshop(Workshop(title="Poli"))
    persona = Persona(name="Anna")
    store.add(loaded, persona)
    items = [
        EmpathyItem(section="says", text="Waar is de balie?"),
        EmpathyItem(section="pains", text="Wachten"),
    ]
    store.add(loaded, EmpathyMap(title="Kaart", persona=persona.id, items=items))
    [summary] = store.list_workshops()
    assert (
        summary.slug,
        summary.title,
        summary.personas,
        summary.sessions,
        summary.notes,
        summary.problems,
    ) == (
        "poli",
        "Poli",
        1,
        1,
        2,
        0,
    )


def test_save_refuses_to_overwrite_a_change_made_by_someone_else(store: SessionStore) -> None:
    loaded = store.create_workshop(Workshop(title="Poli"))
    workshop = loaded.bundle.workshop
    path = loaded.path_of(workshop)
    other = path.read_text().replace('goal = ""', 'goal = "door een collega"')
    path.write_text(other)  # another program edits the file while we have it open
    workshop.goal = "van ons"
    with pytest.raises(ConflictError) as error:
        store.save(loaded, workshop)
    assert "changed on disk by another program since it was opened; not overwritten" in str(error.value)
    assert "door een collega" in path.read_text()
    store.forget(path)  # the user chose to overwrite
    store.save(loaded, workshop)
    assert "van ons" in path.read_text()


def test_a_failed_write_is_a_one_line_save_error(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = store.create_workshop(Workshop(title="Poli"))
    workshop = loaded.bundle.workshop
    before = loaded.path_of(workshop).read_bytes()

    def disk_full(target: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(repository, "atomic_write_bytes", disk_full)
    workshop.goal = "Nieuw doel"
    with pytest.raises(SaveError) as error:
        store.save(loaded, workshop)
    assert str(error.value) == f"{display_path(loaded.path_of(workshop))}: not saved: No space left on device"
    assert loaded.path_of(workshop).read_bytes() == before
    monkeypatch.undo()
    store.save(loaded, workshop)
    assert "Nieuw doel" in loaded.path_of(workshop).read_text()


def test_delete_moves_files_to_trash(store: SessionStore) -> None:
    loaded = store.create_workshop(Workshop(title="Poli"))
    persona = Persona(name="Anna")
    path = store.add(loaded, persona)
    trashed = store.delete(loaded, persona)
    assert not path.exists() and trashed.exists() and trashed.parent.name == ".trash"
    assert loaded.bundle.personas == []
    reloaded = store.load("poli")
    assert reloaded.bundle.personas == []
    assert reloaded.bundle.workshop.deleted == [persona.id], "a tombstone keeps merges from reviving it"
    trashed_folder = store.delete_workshop("poli")
    assert trashed_folder.exists() and store.list_workshops() == []


def test_unknown_workshop_name_is_one_clear_error(store: SessionStore) -> None:
    store.create_workshop(Workshop(title="Poli"))
    assert store.load("Poli").bundle.workshop.title == "Poli", "a title finds its folder"
    with pytest.raises(StoreError) as error:
        store.load("../../etc")
    assert 'no workshop "../../etc" here; `workshop list` shows the workshops' in str(error.value)
