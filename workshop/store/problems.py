"""One-line problems that name the place: file, line, field, and what was expected."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydantic is loaded by whoever has a model to report on, not by this module
    from pydantic import BaseModel, ValidationError

from ..model.controls import escape_controls


def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative when it is below where they are."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = display_path(self.path)
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        text = f"{place}: {self.field}: {self.message}" if self.field else f"{place}: {self.message}"
        return escape_controls(text)  # a problem is one line, whatever a file's keys hold


class StoreError(Exception):
    """A failure of the store that the user must see, as one line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class SaveError(StoreError):
    """The file was not saved; what was in memory is still there."""


class ConflictError(SaveError):
    """The file changed on disk since it was loaded; saving would overwrite someone's work."""


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def toml_syntax_problem(path: Path, message: str, text: str = "") -> Problem:
    """tomllib on 3.11 gives line and column only inside its message text; "at end of
    document" means the last line, which is where the reader should look."""
    match = _TOML_POSITION.search(message)
    if match:
        return Problem(path, message[: match.start()], int(match.group(1)), int(match.group(2)))
    end = " (at end of document)"
    if message.endswith(end):
        last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
        return Problem(path, f"{message[: -len(end)]} at the end of the file", max(last_line, 1))
    return Problem(path, message)


_LEADING_FIELD = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:\.(?:\d+|[A-Za-z_][A-Za-z0-9_]*))*): (.+)$", re.S)


def validation_problems(
    path: Path, error: ValidationError, text: str, model: type[BaseModel]
) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = [str(part) for part in detail["loc"]]
        message = str(detail["msg"])
        if detail["type"] == "value_error":
            message = message.removeprefix("Value error, ")
            match = _LEADING_FIELD.match(message)
            if match:  # model rules name the field they are about at the start of the message
                loc += match.group(1).split(".")
                message = match.group(2)
        elif detail["type"] == "extra_forbidden":
            message = _unknown_key_message(loc, model)
        elif detail["type"] == "missing":
            message = "required key is missing"
        field_path = ".".join(loc) or None
        problems.append(Problem(path, message, locate_line(text, loc), None, field_path))
    return problems


def _unknown_key_message(loc: list[str], model: type[BaseModel]) -> str:
    key = loc[-1]
    known = _known_keys(model, loc[:-1])
    import difflib  # only a file with an unknown key pays for it

    hint = difflib.get_close_matches(key, known, n=1)
    if hint:
        return f'unknown key "{key}"; did you mean "{hint[0]}"?'
    if known:
        return f'unknown key "{key}"; expected one of: {", ".join(known)}'
    return f'unknown key "{key}"'


def _known_keys(model: type[BaseModel], loc: Iterable[str]) -> list[str]:
    """Walk the model's fields along `loc` to the model that holds the unknown key."""
    current: Any = model
    for part in loc:
        if part.isdigit() or current is None:
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        current = _inner_model(field.annotation) if field else None
    if current is None or not hasattr(current, "model_fields"):
        return []
    return list(current.model_fields)


def _inner_model(annotation: Any) -> Any:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\]\[]+?)\s*\]")
_KEY_LINE = re.compile(r'^\s*("?)([A-Za-z0-9_-]+)\1\s*=')


def locate_line(text: str, loc: list[str]) -> int | None:
    """The line of `loc` (a dotted field path) in a TOML text, or of its nearest parent.

    A light scan, not a parser: it follows [[array]] headers and their counts, which is what
    files written by the store and edited by hand look like.
    """
    first_line: dict[tuple[str, ...], int] = {}
    counters: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if (line.count('"""') + line.count("'''")) % 2:
                in_multiline = False
            continue
        if (match := _ARRAY_HEADER.match(line)) is not None:
            array = _resolve(match.group(1), counters)
            index = counters.get(array, -1) + 1
            counters[array] = index
            table = (*array, str(index))
            first_line.setdefault(table, number)
        elif (match := _TABLE_HEADER.match(line)) is not None:
            table = _resolve(match.group(1), counters)
            first_line.setdefault(table, number)
        elif (match := _KEY_LINE.match(line)) is not None:
            first_line.setdefault((*table, match.group(2)), number)
            if (line.count('"""') + line.count("'''")) % 2:
                in_multiline = True
    for end in range(len(loc), 0, -1):
        found = first_line.get(tuple(loc[:end]))
        if found is not None:
            return found
    return None


def _resolve(dotted: str, counters: dict[tuple[str, ...], int]) -> tuple[str, ...]:
    """Turn a header like rounds.notes into ("rounds", "2", "notes") using current indices."""
    parts = [p.strip().strip('"') for p in dotted.split(".")]
    resolved: tuple[str, ...] = ()
    for part in parts[:-1]:
        resolved = (*resolved, part)
        if resolved in counters:
            resolved = (*resolved, str(counters[resolved]))
    return (*resolved, parts[-1])
