"""The store as the app uses it: create, add, save, detect others' changes, delete to trash."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from workshop.model import EmpathyItem, EmpathyMap, Persona, Workshop
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
