"""Version-1 files are brought to version 2 on reading, in one place, and saved as version 2."""

from __future__ import annotations

import tomllib
from pathlib import Path

from workshop.model import GembaWalk, Workshop
from workshop.store import SCHEMA_VERSION, SessionStore
from workshop.store.codec import decode_document, migrate, to_toml

V1_WORKSHOP = """schema_version = 1
id = "ws-old"
title = "Oude workshop"
phase_model = "five-stage"

[[kpis]]
id = "kpi-nps"
kind = "nps"
target = 30
measured = 8

[[kpis]]
id = "kpi-csat"
kind = "csat"
target = 70
measured = 74

[[kpis]]
id = "kpi-conversie"
kind = "conversion"
target = 80
measured = 47

[[kpis]]
id = "kpi-ces"
kind = "ces"
target = 5.5
measured = 3.9

[[kpis]]
id = "kpi-verslag"
kind = "custom"
name = "Verslag in het portaal"
unit = "werkdagen"
target = 5
measured = 13
"""

V1_WALK = """schema_version = 1
id = "walk-old"
title = "Route"

[[route]]
id = "step-1"
name = "Balie"

[[observations]]
id = "obs-1"
text = "Rij bij de balie"
step = "step-1"
wait_minutes = 12
"""


def test_a_version_1_workshop_gets_only_the_directions_its_kpis_define() -> None:
    result = decode_document(Path("workshop.toml"), V1_WORKSHOP.encode(), Workshop)
    assert result.problems == []
    workshop = result.document
    assert isinstance(workshop, Workshop)
    directions = {kpi.id: kpi.better for kpi in workshop.kpis}
    assert directions == {
        "kpi-nps": "higher",
        "kpi-csat": "higher",
        "kpi-conversie": "higher",
        "kpi-ces": None,  # 1 or 7 may mean little effort: the file does not say
        "kpi-verslag": None,  # never guessed from "werkdagen"
    }
    assert {kpi.id: kpi.met() for kpi in workshop.kpis} == {
        "kpi-nps": False,
        "kpi-csat": True,
        "kpi-conversie": False,
        "kpi-ces": None,
        "kpi-verslag": None,
    }


def test_a_migrated_file_is_saved_as_version_2_and_reads_back_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "oud"
    folder.mkdir()
    (folder / "workshop.toml").write_text(V1_WORKSHOP, encoding="utf-8")
    (folder / "gemba-route.toml").write_text(V1_WALK, encoding="utf-8")
    store = SessionStore(tmp_path)
    loaded = store.load("oud")
    assert loaded.problems == [] and loaded.bundle is not None
    walk = loaded.bundle.walks[0]
    assert (walk.observations[0].lane, walk.observations[0].theme, walk.observations[0].wait_minutes) == (
        None,
        "",
        12,
    )
    store.save(loaded, loaded.bundle.workshop)
    data = tomllib.loads((folder / "workshop.toml").read_text("utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION == 2
    assert [kpi.get("better") for kpi in data["kpis"]] == ["higher", "higher", "higher", None, None]
    again = store.load("oud").bundle
    assert again is not None and again.workshop == loaded.bundle.workshop


def test_migration_leaves_a_direction_that_is_already_there_and_other_documents_alone() -> None:
    data = {"kpis": [{"id": "k", "kind": "nps", "better": "lower"}], "title": "T"}
    assert migrate(data, 1) == {"kpis": [{"id": "k", "kind": "nps", "better": "lower"}], "title": "T"}
    walk = {"id": "w", "title": "R", "observations": [{"id": "o", "text": "x"}]}
    assert migrate(dict(walk), 1) == walk
    assert migrate(dict(walk), SCHEMA_VERSION) == walk


def test_version_2_files_keep_lanes_themes_and_long_waits() -> None:
    text = V1_WALK.replace("schema_version = 1", "schema_version = 2").replace(
        "wait_minutes = 12", 'wait_minutes = 8640\nlane = "backstage"\ntheme = "rij"'
    )
    walk = decode_document(Path("gemba-route.toml"), text.encode(), GembaWalk).document
    assert isinstance(walk, GembaWalk)
    observation = walk.observations[0]
    assert (observation.lane, observation.theme, observation.wait_minutes) == ("backstage", "rij", 8640)
    assert to_toml(walk).startswith("schema_version = 2\n")
    too_long = text.replace("wait_minutes = 8640", "wait_minutes = 200000")
    problems = decode_document(Path("gemba-route.toml"), too_long.encode(), GembaWalk).problems
    assert len(problems) == 1 and "wait_minutes" in str(problems[0])
