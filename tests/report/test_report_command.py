"""`workshop report` as a user runs it: the paths it prints exist; bad arguments are one line, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.report import Journey
from workshop.report.pdf import find_chromium
from workshop.store.repository import LoadedWorkshop


def _run(sessions: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop", "--sessions", str(sessions), "report", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_report_writes_every_format_into_the_workshop_folder(example: LoadedWorkshop) -> None:
    result = _run(example.folder.parent, example.slug)
    assert result.returncode == 0, result.stderr
    paths = [Path(line) for line in result.stdout.splitlines()]
    assert [p.suffix for p in paths] == [".html", ".md", ".json"]
    assert all(p.parent == example.folder / "report" and p.stat().st_size > 10_000 for p in paths)
    Journey.model_validate_json(paths[2].read_text("utf-8"))
    validate = subprocess.run(
        [sys.executable, "-m", "workshop", "validate", str(example.folder)], capture_output=True, text=True
    )
    assert validate.returncode == 0, "the report folder is not mistaken for session files"


def test_one_persona_one_format_elsewhere(example: LoadedWorkshop, tmp_path: Path) -> None:
    out = tmp_path / "deel" / "rapport"
    result = _run(
        example.folder.parent,
        example.slug,
        "--persona",
        "Daan Verhoef",
        "--format",
        "json",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out / "journey-polikliniek-orthopedie-daan-verhoef.json")
    data = json.loads((out / "journey-polikliniek-orthopedie-daan-verhoef.json").read_text("utf-8"))
    assert data["persona"] == "Daan Verhoef" and len(data["empathy_maps"]) == 1


def test_a_fixed_date_makes_the_report_reproducible(example: LoadedWorkshop, tmp_path: Path) -> None:
    runs = []
    for out in ("een", "twee"):
        result = _run(
            example.folder.parent, example.slug, "--date", "2026-12-02", "--out", str(tmp_path / out)
        )
        assert result.returncode == 0, result.stderr
        runs.append({Path(line).suffix: Path(line).read_bytes() for line in result.stdout.splitlines()})
    assert runs[0] == runs[1]
    data = json.loads(runs[0][".json"])
    assert (data["date"], data["overdue_actions"]) == ("2026-12-02", 5)
    overdue = sorted(a["id"] for a in data["actions"] if a["overdue"])
    assert overdue == ["act-arena-01", "act-arena-04", "act-gemba-03", "act-gemba-08", "act-ws-01"]
    markdown = runs[0][".md"].decode("utf-8")
    assert "5 acties over hun uiterlijke datum en nog niet klaar (op 2 december 2026)." in markdown
    assert markdown.rstrip().endswith("Gemaakt met workshop op 2 december 2026.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], 'no workshop "nope" here'),
        (["polikliniek-orthopedie", "--format", "docx"], "--format: docx is not a report format"),
        (["polikliniek-orthopedie", "--format", ""], "--format: nothing is not a report format"),
        (["polikliniek-orthopedie", "--persona", "Jan"], 'no persona "Jan" in this workshop'),
        (["polikliniek-orthopedie", "--out", "{file}"], "is a file; --out needs a folder"),
        (["polikliniek-orthopedie", "--bogus"], "unrecognized arguments: --bogus"),
        (["polikliniek-orthopedie", "--date", "2-12-2026"], '"2-12-2026" is not a date; expected YYYY-MM-DD'),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    example: LoadedWorkshop, tmp_path: Path, args: list[str], message: str
) -> None:
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("x")
    result = _run(example.folder.parent, *[arg.replace("{file}", str(a_file)) for arg in args])
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_broken_session_file_stops_the_report_unless_forced(example: LoadedWorkshop) -> None:
    (example.folder / "persona-daan-verhoef.toml").write_text("name = [", encoding="utf-8")
    result = _run(example.folder.parent, example.slug, "--format", "md")
    assert result.returncode == 2
    assert "persona-daan-verhoef.toml:1" in result.stderr and "--force" in result.stderr
    forced = _run(example.folder.parent, example.slug, "--format", "md", "--force")
    assert forced.returncode == 0 and forced.stdout.strip().endswith(".md")


def test_pdf_without_chromium_is_one_line_and_exit_2(example: LoadedWorkshop, tmp_path: Path) -> None:
    env = {**os.environ, "WORKSHOP_CHROMIUM": str(tmp_path / "no-chromium-here")}
    out = tmp_path / "out"
    args = ["--sessions", str(example.folder.parent), "report", example.slug, "--format", "html,pdf"]
    result = subprocess.run(
        [sys.executable, "-m", "workshop", *args, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("workshop: --format pdf: WORKSHOP_CHROMIUM=") and "install Chromium" in line
    assert not out.exists() or not list(out.iterdir()), "nothing is written when the PDF cannot be made"


@pytest.mark.skipif(find_chromium() is None, reason="no Chromium to print the PDF")
def test_pdf_is_printed_beside_the_other_formats(example: LoadedWorkshop, tmp_path: Path) -> None:
    result = _run(example.folder.parent, example.slug, "--format", "md,pdf", "--persona", "Daan Verhoef")
    assert result.returncode == 0, result.stderr
    paths = [Path(line) for line in result.stdout.splitlines()]
    assert [p.name for p in paths] == [
        "journey-polikliniek-orthopedie-daan-verhoef.md",
        "journey-polikliniek-orthopedie-daan-verhoef.pdf",
    ]
    assert paths[1].read_bytes().startswith(b"%PDF-")
