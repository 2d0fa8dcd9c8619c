"""Bad files give one line that names the file, the line and the field; good files still load."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.cli import main, validate_path
from workshop.model import GembaWalk, Observation, Persona, RouteStep, Workshop
from workshop.store import SessionStore, StoreError, codec
from workshop.store.problems import display_path
from workshop.store.repository import NOT_A_WORKSHOP_FILE, OUTSIDE_SESSIONS

WALK = """schema_version = 1
id = "walk-1"
title = "Route poli"
focus = ""

[[route]]
id = "step-1"
name = "Aanmelden"

[[observations]]
id = "obs-1"
text = "Patiënt zoekt de balie"
step = "step-1"

[[observations]]
id = "obs-2"
text = "Lange rij bij de zuil"
severity = 3
"""


@pytest.fixture
def workshop_folder(tmp_path: Path) -> tuple[SessionStore, Path]:
    store = SessionStore(tmp_path)
    loaded = store.create_workshop(Workshop(title="Poli", phase_model="five-stage"))
    store.add(loaded, Persona(name="Anna"))
    return store, loaded.folder


def _problems(store: SessionStore, folder: Path) -> list[str]:
    return [str(p) for p in store.load_folder(folder).problems]


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_valid_walk_loads(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    _write(folder, "gemba-route.toml", WALK)
    loaded = store.load_folder(folder)
    assert loaded.problems == []
    assert [o.id for o in loaded.bundle.walks[0].observations] == ["obs-1", "obs-2"]


def test_toml_syntax_error_names_line_and_column(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    path = _write(folder, "gemba-route.toml", WALK.replace('text = "Lange rij', 'text "Lange rij'))
    [problem] = _problems(store, folder)
    assert problem.startswith(f"{display_path(path)}:17:6: ")
    assert "Expected '='" in problem


def test_validation_error_names_line_and_field(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    path = _write(folder, "gemba-route.toml", WALK.replace("severity = 3", "severity = 9"))
    [problem] = _problems(store, folder)
    assert problem == (
        f"{display_path(path)}:18: observations.1.severity: Input should be less than or equal to 5"
    )


def test_unknown_key_is_named_with_a_suggestion(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    path = _write(folder, "gemba-route.toml", WALK.replace("severity = 3", "sevrity = 3"))
    [problem] = _problems(store, folder)
    assert (
        problem
        == f'{display_path(path)}:18: observations.1.sevrity: unknown key "sevrity"; did you mean "severity"?'
    )


def test_missing_id_and_missing_text(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    text = WALK.replace('id = "obs-2"\n', "").replace('text = "Patiënt zoekt de balie"\n', "")
    path = _write(folder, "gemba-route.toml", text)
    problems = _problems(store, folder)
    rel = display_path(path)
    assert f"{rel}:10: observations.0.text: required key is missing" in problems
    assert f"{rel}:14: observations.1.id: required key is missing" in problems


def test_rule_inside_a_file_points_at_the_field(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    path = _write(folder, "gemba-route.toml", WALK.replace('step = "step-1"', 'step = "step-9"'))
    [problem] = _problems(store, folder)
    assert (
        problem == f'{display_path(path)}:13: observations.0.step: step "step-9" is not a step of the route'
    )


def test_reference_across_files_points_at_the_line(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    path = _write(
        folder,
        "gemba-route.toml",
        WALK.replace('name = "Aanmelden"', 'name = "Aanmelden"\nphase = "wachten"'),
    )
    [problem] = _problems(store, folder)
    assert problem.startswith(f'{display_path(path)}:9: route.0.phase: phase "wachten" is not a phase')


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (
            "schema_version = 7",
            "schema_version: version 7 is newer than this workshop program reads (2); "
            "upgrade workshop to open it",
        ),
        ('schema_version = "een"', "schema_version: 'een' is not a known version; expected 2"),
        ("schema_version = 0", "schema_version: 0 is not a known version; expected 2"),
        ("", "schema_version: missing; add schema_version = 2 at the top"),
    ],
)
def test_schema_versions(workshop_folder: tuple[SessionStore, Path], version: str, expected: str) -> None:
    store, folder = workshop_folder
    path = _write(folder, "gemba-route.toml", WALK.replace("schema_version = 1", version))
    [problem] = _problems(store, folder)
    assert problem == f"{display_path(path)}:1: {expected}"


def test_invalid_utf8_names_the_line(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    raw = WALK.replace("Lange rij", "Lange \udcff rij").encode("utf-8", "surrogateescape")
    path = _write(folder, "gemba-route.toml", raw)
    assert _problems(store, folder) == [f"{display_path(path)}:17: not valid UTF-8 text"]


def test_bom_and_crlf_are_accepted(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    _write(folder, "gemba-route.toml", ("\ufeff" + WALK.replace("\n", "\r\n")).encode("utf-8"))
    assert _problems(store, folder) == []


def test_deep_nesting_and_huge_files_are_refused(
    workshop_folder: tuple[SessionStore, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, folder = workshop_folder
    deep = _write(folder, "gemba-deep.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")
    assert f"{display_path(deep)}: nested too deeply to be a workshop file" in _problems(store, folder)
    deep.unlink()
    monkeypatch.setattr(codec, "MAX_FILE_BYTES", 100)
    big = _write(folder, "gemba-route.toml", WALK)
    problems = _problems(store, folder)
    assert f"{display_path(big)}: file is {big.stat().st_size:,} bytes; the limit is 0 MiB" in problems


def test_one_bad_file_does_not_stop_the_others(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    _write(folder, "gemba-route.toml", WALK)
    _write(folder, "persona-kapot.toml", "schema_version = 1\nname = \n")
    loaded = store.load_folder(folder)
    assert len(loaded.problems) == 1 and "persona-kapot.toml:2" in str(loaded.problems[0])
    assert loaded.bundle is not None
    assert [p.name for p in loaded.bundle.personas] == ["Anna"]
    assert len(loaded.bundle.walks) == 1


def test_unknown_files_symlinks_out_and_temp_files(
    workshop_folder: tuple[SessionStore, Path], tmp_path: Path
) -> None:
    store, folder = workshop_folder
    _write(folder, "notes.toml", "x = 1\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.toml"
    outside.write_text(WALK)
    (folder / "gemba-link.toml").symlink_to(outside)
    _write(folder, ".gemba-route.toml.1234abcd.tmp", "half")
    problems = _problems(store, folder)
    assert any(p.endswith(f"notes.toml: {NOT_A_WORKSHOP_FILE}") for p in problems)
    assert any(
        p.endswith("gemba-link.toml: links to outside the workshop folder; not read") for p in problems
    )
    assert len(problems) == 2


def test_duplicate_document_id_is_reported_not_merged(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    _write(folder, "gemba-a.toml", WALK)
    _write(folder, "gemba-b.toml", WALK)
    loaded = store.load_folder(folder)
    assert [str(p).split(": ", 1)[1] for p in loaded.problems] == [
        'id: id "walk-1" is the id of gemba-a.toml too; not read'
    ]
    assert len(loaded.bundle.walks) == 1


def test_what_the_store_writes_reads_back_identically(workshop_folder: tuple[SessionStore, Path]) -> None:
    store, folder = workshop_folder
    loaded = store.load_folder(folder)
    walk = GembaWalk(title="Route", route=[RouteStep(name="Röntgen", phase="purchase")])
    walk.observations.append(
        Observation(text="Bordjes 'Röntgen' ontbreken 🙈\nTweede regel", step=walk.route[0].id)
    )
    path = store.add(loaded, walk)
    assert path.name == "gemba-route.toml"
    text = path.read_text(encoding="utf-8")
    assert "Röntgen" in text and "🙈" in text and '"""' in text, (
        "diacritics, emoji and multiline stay readable"
    )
    again = store.load_folder(folder)
    assert again.problems == []
    assert again.bundle.walks[0] == walk


def test_a_workshop_folder_linked_from_outside_is_named_not_read(tmp_path: Path) -> None:
    """A link in the sessions folder to a workshop elsewhere is not followed by list, load or validate."""
    outside = tmp_path / "elsewhere" / "poli"
    SessionStore(outside.parent).create_workshop(Workshop(title="Poli"))
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "poli").symlink_to(outside, target_is_directory=True)
    store = SessionStore(sessions)
    assert store.workshop_folders() == []
    with pytest.raises(StoreError, match="links to outside the sessions folder; not read"):
        store.load("poli")
    problems, _ = validate_path(sessions)
    assert [str(p) for p in problems] == [f"{sessions / 'poli'}: {OUTSIDE_SESSIONS}"]
    assert main(["--sessions", str(sessions), "show", "poli"]) == 2
