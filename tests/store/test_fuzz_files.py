"""Generated and mutated files: never a traceback, always one line that names the place.

WORKSHOP_FUZZ_EXAMPLES sets the number of cases per test (default 1500; the figures are
printed after the test results)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.model import CustomerArena, EmpathyMap, GembaWalk, Persona, Workshop
from workshop.store import to_toml
from workshop.store.codec import decode_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "model"))
from model_strategies import documents

EXAMPLES = int(os.environ.get("WORKSHOP_FUZZ_EXAMPLES", "1500"))
ONE_LINE = re.compile(r"^doc\.toml(:\d+(:\d+)?)?: [^\n]+$")
KINDS = [Workshop, Persona, EmpathyMap, CustomerArena, GembaWalk]
FIGURES = {"inputs": 0, "rejected": 0, "tracebacks": 0}


def _mutate(text: str, data: st.DataObject) -> bytes:
    lines = text.splitlines(keepends=True) or [""]
    choice = data.draw(
        st.sampled_from(
            [
                "drop-line",
                "duplicate-line",
                "wrong-type",
                "unknown-key",
                "huge-string",
                "deep-nesting",
                "invalid-utf8",
                "bom-crlf",
                "truncate",
                "swap-lines",
                "bad-reference",
                "random-bytes",
            ]
        )
    )
    index = data.draw(st.integers(0, len(lines) - 1))
    if choice == "drop-line":
        del lines[index]
    elif choice == "duplicate-line":
        lines.insert(index, lines[index])
    elif choice == "wrong-type":
        lines[index] = re.sub(
            r"=.*",
            data.draw(st.sampled_from(["= 12", "= true", '= "x"', "= []", "= {a=1}", "= 1979-05-27"])),
            lines[index],
            count=1,
        )
    elif choice == "unknown-key":
        lines.insert(
            index + 1, data.draw(st.sampled_from(["sevrity = 3\n", '"we\\nird" = 1\n', "x.y.z = 1\n"]))
        )
    elif choice == "huge-string":
        lines.append(f'notes_x = "{"a" * 200_000}"\n')
    elif choice == "deep-nesting":
        lines.append("deep = " + "[" * 3000 + "]" * 3000 + "\n")
    elif choice == "invalid-utf8":
        return "".join(lines).encode("utf-8") + b"\xff\xfe\n"
    elif choice == "bom-crlf":
        return ("\ufeff" + "".join(lines).replace("\n", "\r\n")).encode("utf-8")
    elif choice == "truncate":
        raw = "".join(lines).encode("utf-8")
        return raw[: data.draw(st.integers(0, len(raw)))]
    elif choice == "swap-lines":
        other = data.draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    elif choice == "bad-reference":
        lines = [
            re.sub(r'^(step|speaker|persona|observer) = ".*"', r'\1 = "missing-1"', line) for line in lines
        ]
    else:
        return data.draw(st.binary(max_size=300))
    return "".join(lines).encode("utf-8")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents, st.data())
def test_mutated_files_give_one_line_problems_never_a_traceback(document, data) -> None:
    raw = _mutate(to_toml(document), data)
    kind = data.draw(st.sampled_from([type(document), *KINDS]))
    FIGURES["inputs"] += 1
    try:
        result = decode_document(Path("doc.toml"), raw, kind)
    except Exception:  # counted, then re-raised so hypothesis shrinks it
        FIGURES["tracebacks"] += 1
        raise
    if result.document is None:
        FIGURES["rejected"] += 1
        assert result.problems
    for problem in result.problems:
        assert ONE_LINE.match(str(problem)), repr(str(problem))


@pytest.fixture(scope="module", autouse=True)
def _print_figures(figures: list[str]):
    yield
    figures.append(
        f"fuzzed inputs: {FIGURES['inputs']}, rejected with a one-line problem: {FIGURES['rejected']}, "
        f"tracebacks: {FIGURES['tracebacks']}"
    )


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00garbage",
        b"schema_version = 1\n" + b"a = [" * 2000,
        b'schema_version = 1\nid = "persona-1"\nname = "x"\nname = "y"\n',
        b'schema_version = 1\nid = "walk-1"\ntitle = "R"\n'
        b'[[observations]]\nid = "o"\ntext = "t"\nstep = "nope"\n',
        b"",
    ],
)
def test_validate_command_on_broken_files(tmp_path: Path, content: bytes) -> None:
    """The same through the real command: exit 2, one line per problem, the good files load."""
    folder = tmp_path / "poli"
    example = Path(__file__).resolve().parents[2] / "sessions"
    source = next(p for p in example.iterdir() if (p / "workshop.toml").is_file())
    shutil.copytree(source, folder)
    target = next(folder.glob("gemba-*.toml"))
    target.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "validate", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    problem_lines = result.stderr.strip().splitlines()[:-1]
    assert problem_lines and all(target.name in line for line in problem_lines), result.stderr
    shown = subprocess.run(
        [sys.executable, "-m", "workshop", "--sessions", str(tmp_path), "show", "poli"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "personas: 2" in shown.stdout, "the good files of the workshop still load"
