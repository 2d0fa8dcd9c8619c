"""Documents to TOML text and back: plain, readable, stable, and checked before writing."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Generic, TypeVar

import tomli_w
from pydantic import BaseModel, ValidationError

from .problems import Problem, locate_line, toml_syntax_problem, validation_problems

SCHEMA_VERSION = 2
"""The version of the file format this code reads and writes.

1: the first format.
2: notes carry an optional blueprint `lane` and `theme`; a KPI states `better = "higher" |
   "lower"`; a wait may last up to 90 days. Version-1 files are migrated on reading (below)."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Parsing is the slow part; a larger file is refused before it can hold up the app."""


_BOOKKEEPING = ("deleted", "superseded", "conflicts")
"""Document keys for merging: written only when they hold something."""
_EMPTY: tuple[Any, ...] = ("", [], (), {})


_ALWAYS_WRITTEN = frozenset({"consent"})
"""A recorded "no" to consent is information a reader of the file must see."""


def _is_default_noise(key: str, value: Any) -> bool:
    return key not in _ALWAYS_WRITTEN and (value is False or value in _EMPTY)


def _plain(value: Any) -> Any:
    """A literal as TOML can hold it: no None (TOML has no null), tuples as lists."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # 21, not 21.0: what a person would type; it reads back as the same float
    return value


def _is_model_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], BaseModel)


class ChunkCache:
    """The TOML text of list items (observations, notes), reused while an item is unchanged.

    Serialising and re-parsing a 10,000-observation walk costs most of a second; with the
    cache a save costs a look at each item's values plus the text of what changed.

    An entry is found by the item object and trusted only while the item's values still equal
    a copy taken when its text was made: a comparison of plain values, several times cheaper
    than the `repr` of every item a content key would need. The entry holds the item, so its
    `id()` cannot be reused by another object while the entry lives."""

    def __init__(self) -> None:
        self._chunks: dict[tuple[str, int], _Chunk] = {}
        self._used: dict[tuple[str, int], _Chunk] = {}

    def chunk(self, path: str, item: BaseModel) -> str:
        key = (path, id(item))
        entry = self._chunks.get(key)
        if entry is None or entry.item is not item or entry.values != item.__dict__:
            parts: list[str] = []
            _emit_item(item, path, parts, self)
            text = "".join(parts)
            if any(_is_model_list(value) for value in item.__dict__.values()):
                # An item holding items (an arena round and its notes) is written afresh: its
                # own keys are few, and its notes come from the cache one by one.
                head = [f"\n[[{path}]]\n"]
                _emit(item, path, head, None, in_item=True, lists=False)
                tomllib.loads("".join(head))
                return text
            tomllib.loads(text)  # each new piece is checked once; pieces only join under headers
            entry = _Chunk(item, _snapshot(item.__dict__), text)
        self._used[key] = entry
        return entry.text

    def sweep(self) -> None:
        """Forget items that were not part of the last save, so memory follows the document."""
        self._chunks, self._used = self._used, {}


class _Chunk:
    __slots__ = ("item", "text", "values")

    def __init__(self, item: BaseModel, values: dict[str, Any], text: str) -> None:
        self.item = item
        self.values = values
        self.text = text


def _snapshot(values: dict[str, Any]) -> dict[str, Any]:
    """A copy of a model's values that a later change in place (a tag appended to the item's
    list, a field of a nested model set) cannot reach; scalars are immutable and shared."""
    return {key: _copy(value) for key, value in values.items()}


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_copy(item) for item in value)
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, BaseModel):
        return value.model_copy(update=_snapshot(value.__dict__))
    return value


def _emit(
    table: BaseModel | dict[str, Any],
    name: str,
    chunks: list[str],
    cache: ChunkCache | None,
    in_item: bool = False,
    lists: bool = True,
) -> None:
    """Write keys first, then sub-tables, then every list of tables as [[name]] blocks.

    Inside list items empty values are defaults and only add noise; in the document and its
    tables every key stays, so a new file shows where to write. tomli-w renders the values;
    the layout is ours, because tomli-w switches short tables to inline form, which would
    make one added field reflow a whole list in the diff."""
    if isinstance(table, BaseModel):
        pairs = [(key, getattr(table, key)) for key in type(table).model_fields]
    else:
        pairs = list(table.items())
    literals: dict[str, Any] = {}
    tables: list[tuple[str, Any]] = []
    arrays: list[tuple[str, list[BaseModel]]] = []
    for key, value in pairs:
        if value is None or ((in_item or key in _BOOKKEEPING) and _is_default_noise(key, value)):
            continue
        if isinstance(value, BaseModel | dict):
            tables.append((key, value))
        elif _is_model_list(value):
            arrays.append((key, value))
        else:
            literals[key] = _plain(value)
    if literals:
        chunks.append(tomli_w.dumps(literals, multiline_strings=True))
    for key, value in tables:
        path = f"{name}.{key}" if name else key
        chunks.append(f"\n[{path}]\n")
        _emit(value, path, chunks, cache, in_item)
    if not lists:
        return
    for key, items in arrays:
        path = f"{name}.{key}" if name else key
        for item in items:
            if cache is None:
                _emit_item(item, path, chunks, None)
            else:
                chunks.append(cache.chunk(path, item))


def _emit_item(item: BaseModel, path: str, chunks: list[str], cache: ChunkCache | None) -> None:
    chunks.append(f"\n[[{path}]]\n")
    _emit(item, path, chunks, cache, in_item=True)


def to_toml(document: BaseModel, cache: ChunkCache | None = None) -> str:
    """The document as TOML text, checked by reading it back before anyone writes it."""
    chunks = [f"schema_version = {SCHEMA_VERSION}\n"]
    _emit(document, "", chunks, cache)
    if cache is None:
        text = "".join(chunks)
        tomllib.loads(text)
        return text
    cache.sweep()
    head = [f"schema_version = {SCHEMA_VERSION}\n"]
    _emit(document, "", head, None, lists=False)
    tomllib.loads("".join(head))  # the pieces were checked when they were made
    return "".join(chunks)


M = TypeVar("M", bound=BaseModel)


class DecodeResult(Generic[M]):
    """A document read from disk, or the problems that stopped it."""

    __slots__ = ("document", "problems", "text")

    def __init__(self, document: M | None, problems: list[Problem], text: str | None = None) -> None:
        self.document = document
        self.problems = problems
        self.text = text


def read_document(path: Path, model: type[M]) -> DecodeResult[M]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            return DecodeResult(None, [Problem(path, f"file is {size:,} bytes; the limit is {limit} MiB")])
        raw = path.read_bytes()
    except OSError as error:
        return DecodeResult(None, [Problem(path, f"cannot read: {error.strerror or error}")])
    return decode_document(path, raw, model)


def decode_document(path: Path, raw: bytes, model: type[M]) -> DecodeResult[M]:
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return DecodeResult(None, [Problem(path, "not valid UTF-8 text", line)])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return DecodeResult(None, [toml_syntax_problem(path, str(error), text)], text)
    except RecursionError:
        return DecodeResult(None, [Problem(path, "nested too deeply to be a workshop file")], text)
    version = data.pop("schema_version", None)
    version_problem = _check_version(path, version, text)
    if version_problem:
        return DecodeResult(None, [version_problem], text)
    data = migrate(data, version)
    try:
        document = model.model_validate(data, context={"from_file": True})
    except ValidationError as error:
        return DecodeResult(None, validation_problems(path, error, text, model), text)
    except RecursionError:
        return DecodeResult(None, [Problem(path, "nested too deeply to be a workshop file")], text)
    return DecodeResult(document, [], text)


_HIGHER_IS_BETTER_BY_DEFINITION = frozenset({"nps", "csat", "conversion"})
"""KPI kinds whose direction is part of their definition: more promoters, more satisfied
customers, more conversions. CES is not among them: whether 1 or 7 means little effort
depends on how the question was put, and a version-1 file does not say."""


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no KPI direction; the report guessed it from the unit, which was wrong
    for "werkdagen" and "working days". Only what a KPI's kind defines is filled in; every
    other KPI is left without direction, and the report says so instead of guessing."""
    kpis = data.get("kpis")
    if isinstance(kpis, list):
        data["kpis"] = [
            {**kpi, "better": "higher"}
            if isinstance(kpi, dict)
            and kpi.get("kind") in _HIGHER_IS_BETTER_BY_DEFINITION
            and "better" not in kpi
            else kpi
            for kpi in kpis
        ]
    return data


_MIGRATIONS = {1: _v1_to_v2}
"""Version N → N + 1, applied one step at a time; the one place old files are brought up to date."""


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """A document's data as read from a file of `version`, in the current format."""
    while version < SCHEMA_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
    return data


def _check_version(path: Path, version: Any, text: str) -> Problem | None:
    # A good version costs no scan of the text: the line is looked up only to report a problem.
    field = "schema_version"
    if version is None:
        return Problem(path, f"missing; add schema_version = {SCHEMA_VERSION} at the top", 1, None, field)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return Problem(
            path,
            f"{version!r} is not a known version; expected {SCHEMA_VERSION}",
            locate_line(text, [field]) or 1,
            None,
            field,
        )
    if version > SCHEMA_VERSION:
        return Problem(
            path,
            f"version {version} is newer than this workshop program reads ({SCHEMA_VERSION}); "
            "upgrade workshop to open it",
            locate_line(text, [field]) or 1,
            None,
            field,
        )
    return None
