"""Two note-takers on one walk: each writes only their own file, and both see everything."""

from __future__ import annotations

import tomllib
from pathlib import Path

from workshop.model import GembaWalk, Observation, Observer, RouteStep, Workshop
from workshop.store import SessionStore
from workshop.store.problems import display_path


def _setup(tmp_path: Path) -> tuple[Path, str]:
    store = SessionStore(tmp_path)
    loaded = store.create_workshop(Workshop(title="Poli"))
    walk = GembaWalk(
        id="walk-1",
        title="Route",
        route=[RouteStep(id="step-meld", name="Aanmelden"), RouteStep(id="step-wacht", name="Wachtkamer")],
        observers=[Observer(id="obsr-jan", name="Jan"), Observer(id="obsr-els", name="Els")],
        observations=[Observation(id="obs-1", text="Rij bij de zuil", step="step-meld", observer="obsr-jan")],
    )
    store.add(loaded, walk)
    return loaded.folder, loaded.slug


def test_second_note_taker_logs_into_their_own_file(tmp_path: Path) -> None:
    folder, slug = _setup(tmp_path)
    owner_store, els_store = SessionStore(tmp_path), SessionStore(tmp_path)
    owner, els = owner_store.load(slug), els_store.load(slug)
    owner_walk, els_walk = owner.bundle.walks[0], els.bundle.walks[0]

    log_path = els_store.log_as(els, els_walk, "Els de Boer")
    assert log_path == folder / "gemba-route--els-de-boer.toml"
    walk_bytes = (folder / "gemba-route.toml").read_bytes()
    els_walk.observations.append(
        Observation(id="obs-e1", text="Geen stoel vrij", step="step-wacht", observer="obsr-els")
    )
    assert els_store.save(els, els_walk) == log_path
    assert (folder / "gemba-route.toml").read_bytes() == walk_bytes, "the owner's file is never written"
    assert [o["id"] for o in tomllib.loads(log_path.read_text())["observations"]] == ["obs-e1"]

    owner_walk.observations.append(Observation(id="obs-2", text="Zuil kent pas niet", step="step-meld"))
    owner_store.save(owner, owner_walk)  # no conflict: different files
    assert [o["id"] for o in tomllib.loads((folder / "gemba-route.toml").read_text())["observations"]] == [
        "obs-1",
        "obs-2",
    ]

    assert owner_store.refresh_logs(owner, owner_walk) == 1
    assert [o.id for o in owner_walk.observations] == ["obs-1", "obs-2", "obs-e1"]
    assert not owner.is_own(owner_walk, owner_walk.observations[2])
    assert owner.is_own(owner_walk, owner_walk.observations[0])
    owner_store.save(owner, owner_walk)
    saved = tomllib.loads((folder / "gemba-route.toml").read_text())
    assert [o["id"] for o in saved["observations"]] == ["obs-1", "obs-2"], "Els's notes stay in her file"

    fresh = SessionStore(tmp_path).load(slug)
    assert fresh.problems == []
    assert sorted(o.id for o in fresh.bundle.walks[0].observations) == ["obs-1", "obs-2", "obs-e1"]
    assert fresh.bundle.note_count() == 3


def test_reopened_log_keeps_appending_to_the_same_file(tmp_path: Path) -> None:
    _folder, slug = _setup(tmp_path)
    store = SessionStore(tmp_path)
    loaded = store.load(slug)
    walk = loaded.bundle.walks[0]
    store.log_as(loaded, walk, "Els")
    walk.observations.append(Observation(id="obs-e1", text="Een"))
    store.save(loaded, walk)

    store = SessionStore(tmp_path)
    loaded = store.load(slug)
    walk = loaded.bundle.walks[0]
    path = store.log_as(loaded, walk, "Els")
    walk.observations.append(Observation(id="obs-e2", text="Twee"))
    store.save(loaded, walk)
    assert [o["id"] for o in tomllib.loads(path.read_text())["observations"]] == ["obs-e1", "obs-e2"]
    assert [o.id for o in SessionStore(tmp_path).load(slug).bundle.walks[0].observations] == [
        "obs-1",
        "obs-e1",
        "obs-e2",
    ]


def test_bad_log_items_are_reported_and_the_rest_merged(tmp_path: Path) -> None:
    folder, slug = _setup(tmp_path)
    log = folder / "gemba-route--els.toml"
    log.write_text(
        'schema_version = 1\nid = "log-1"\nwalk = "walk-1"\nauthor = "Els"\n\n'
        '[[observations]]\nid = "obs-e1"\ntext = "Goed"\n\n'
        '[[observations]]\nid = "obs-e2"\ntext = "Fout"\nstep = "step-kantine"\n\n'
        '[[observations]]\nid = "obs-1"\ntext = "Dubbel"\n'
    )
    orphan = folder / "gemba-weg--els.toml"
    orphan.write_text('schema_version = 1\nid = "log-2"\nwalk = "walk-9"\nauthor = "Els"\n')
    loaded = SessionStore(tmp_path).load(slug)
    assert [str(p) for p in loaded.problems] == [
        f'{display_path(log)}:13: observations.1.step: step "step-kantine" is not a step of the route',
        f'{display_path(log)}:16: observations.2.id: id "obs-1" is already in the walk',
        f'{display_path(orphan)}:3: walk: walk "walk-9" is not in this workshop',
    ]
    assert [o.id for o in loaded.bundle.walks[0].observations] == ["obs-1", "obs-e1"]
