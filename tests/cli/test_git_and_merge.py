"""Several note-takers: copies merged by `workshop merge`, and clones merged by `git pull`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from workshop.model import (
    ArenaNote,
    Customer,
    CustomerArena,
    GembaWalk,
    Observation,
    Persona,
    RouteStep,
    Staff,
    Workshop,
)
from workshop.store import SessionStore

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def workshop_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(
        [sys.executable, "-m", "workshop", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(cwd)}
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stdout}{result.stderr}"
    return result.stdout


def _make_workshop(sessions: Path) -> Path:
    store = SessionStore(sessions)
    loaded = store.create_workshop(Workshop(id="ws-poli", title="Poli"))
    store.add(loaded, Persona(id="persona-anna", name="Anna"))
    store.add(
        loaded,
        GembaWalk(
            id="walk-1",
            title="Route",
            route=[RouteStep(id="step-1", name="Aanmelden")],
            observations=[Observation(id="obs-1", text="Rij bij de zuil", step="step-1")],
        ),
    )
    store.add(
        loaded,
        CustomerArena(
            id="arena-1",
            title="Arena",
            inner=[Customer(id="cust-1", alias="A")],
            outer=[Staff(id="staff-1", name="B")],
        ),
    )
    return loaded.folder


def _note(folder: Path, walk_text: str, note_text: str, ident: str) -> None:
    store = SessionStore(folder.parent)
    loaded = store.load(folder.name)
    walk, arena = loaded.bundle.walks[0], loaded.bundle.arenas[0]
    walk.observations.append(Observation(id=f"obs-{ident}", text=walk_text, step="step-1"))
    arena.rounds[0].notes.append(ArenaNote(id=f"note-{ident}", text=note_text, speaker="cust-1"))
    store.save(loaded, walk)
    store.save(loaded, arena)


def _observation_ids(folder: Path) -> list[str]:
    return sorted(o["id"] for o in tomllib.loads((folder / "gemba-route.toml").read_text())["observations"])


def _note_ids(folder: Path) -> list[str]:
    rounds = tomllib.loads((folder / "arena-arena.toml").read_text())["rounds"]
    return sorted(n["id"] for r in rounds for n in r.get("notes", []))


def test_merge_two_copies_by_id(tmp_path: Path) -> None:
    ours = _make_workshop(tmp_path / "laptop-jan")
    theirs = tmp_path / "usb" / "poli"
    shutil.copytree(ours, theirs)
    _note(ours, "Jan zag dit", "Jan hoorde dit", "jan")
    _note(theirs, "Els zag dit", "Els hoorde dit", "els")
    their_store = SessionStore(theirs.parent)
    their_copy = their_store.load("poli")
    their_store.delete(their_copy, their_copy.bundle.personas[0])

    result = workshop_cli("merge", str(theirs), str(ours), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "conflict " not in result.stdout and "0 conflict(s)" in result.stdout
    assert _observation_ids(ours) == ["obs-1", "obs-els", "obs-jan"]
    assert _note_ids(ours) == ["note-els", "note-jan"]
    assert not (ours / "persona-anna.toml").exists(), "deleted in the other copy"
    assert "removed" in result.stdout

    again = workshop_cli("merge", str(theirs), str(ours), cwd=tmp_path)
    assert again.returncode == 0 and again.stdout.strip().endswith(
        f"0 added, 0 merged, 3 unchanged, 0 conflict(s) into {ours}"
    )
    back = workshop_cli("merge", str(ours), str(theirs), cwd=tmp_path)
    assert back.returncode == 0
    assert _observation_ids(theirs) == _observation_ids(ours) and _note_ids(theirs) == _note_ids(ours)
    assert workshop_cli("validate", str(ours), cwd=tmp_path).returncode == 0


def test_merge_reports_a_two_sided_edit(tmp_path: Path) -> None:
    ours = _make_workshop(tmp_path / "a")
    theirs = tmp_path / "b" / "poli"
    shutil.copytree(ours, theirs)
    for folder, text in ((ours, "Rij van tien"), (theirs, "Rij van twaalf")):
        path = folder / "gemba-route.toml"
        path.write_text(path.read_text().replace("Rij bij de zuil", text))
    result = workshop_cli("merge", str(theirs), str(ours), cwd=tmp_path)
    assert result.returncode == 0
    assert "conflict gemba-route.toml: observations obs-1: two versions kept; choose one" in result.stdout
    data = tomllib.loads((ours / "gemba-route.toml").read_text())
    assert {data["observations"][0]["text"], data["conflicts"][0]["other"]["text"]} == {
        "Rij van tien",
        "Rij van twaalf",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["merge", "nowhere"], "workshop: nowhere: not a workshop folder (it has no workshop.toml)"),
    ],
)
def test_merge_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = workshop_cli(*args, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.strip() == message


def test_merge_refuses_a_different_workshop(tmp_path: Path) -> None:
    ours = _make_workshop(tmp_path / "a")
    other = SessionStore(tmp_path / "b").create_workshop(Workshop(title="Andere")).folder
    result = workshop_cli("merge", str(other), str(ours), cwd=tmp_path)
    assert result.returncode == 2
    assert 'not a copy of "ws-poli"; nothing merged' in result.stderr


def test_two_clones_pull_from_each_other_without_conflict_markers(tmp_path: Path) -> None:
    origin = tmp_path / "jan"
    origin.mkdir()
    git("init", "-q", "-b", "main", cwd=origin)
    _make_workshop(origin / "sessions")
    setup = workshop_cli("git-setup", cwd=origin)
    assert setup.returncode == 0, setup.stderr
    ignored = (origin / "sessions" / ".gitignore").read_text().splitlines()
    assert ".*.lock" in ignored
    assert "*/.summary.toml" in ignored, "listing summaries are this machine's cache"
    assert workshop_cli("git-setup", cwd=origin).returncode == 0
    assert (origin / "sessions" / ".gitattributes").read_text() == "*.toml merge=workshop\n", "said once"
    git("add", "-A", cwd=origin)
    git("commit", "-q", "-m", "workshop", cwd=origin)
    clone = tmp_path / "els"
    git("clone", "-q", str(origin), str(clone), cwd=tmp_path)
    assert workshop_cli("git-setup", cwd=clone).returncode == 0

    for round_number in range(3):
        _note(
            origin / "sessions" / "poli",
            f"Jan ronde {round_number}",
            f"Jan noot {round_number}",
            f"jan{round_number}",
        )
        _note(
            clone / "sessions" / "poli",
            f"Els ronde {round_number}",
            f"Els noot {round_number}",
            f"els{round_number}",
        )
        git("commit", "-q", "-am", f"jan {round_number}", cwd=origin)
        git("commit", "-q", "-am", f"els {round_number}", cwd=clone)
        git("pull", "-q", "--no-rebase", "--no-edit", "origin", "main", cwd=clone)
        git("pull", "-q", "--no-rebase", "--no-edit", str(clone), "main", cwd=origin)

    expected_obs = sorted(["obs-1", *(f"obs-{who}{n}" for who in ("jan", "els") for n in range(3))])
    expected_notes = sorted(f"note-{who}{n}" for who in ("jan", "els") for n in range(3))
    for repo in (origin, clone):
        folder = repo / "sessions" / "poli"
        text = (folder / "gemba-route.toml").read_text() + (folder / "arena-arena.toml").read_text()
        assert "<<<<<<<" not in text and ">>>>>>>" not in text
        assert _observation_ids(folder) == expected_obs
        assert _note_ids(folder) == expected_notes
        assert workshop_cli("validate", str(folder), cwd=repo).returncode == 0
    assert git("status", "--porcelain", cwd=origin).strip() == ""
