"""Merge two copies of a document by item id, with or without their common ancestor.

Rules, chosen so that merging is idempotent and the order of merging never changes what is
kept (only, at most, the order of items both sides added at the same place):
- items are matched by id (rounds by number, phases by key); an item only one side has is kept,
  unless the other side deleted it (tombstones in `deleted`), right after the item it follows;
- identical items are kept once; with a common ancestor, an item changed on one side only
  takes that change;
- an item or field changed differently on both sides keeps both: the version that sorts first
  stays in place and the other is recorded in `conflicts`, for a person to choose;
- lists of plain values (tags, sources, themes) are united.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TypeVar

from pydantic import BaseModel

from .base import Conflict, Document

D = TypeVar("D", bound=Document)
_MISSING = object()
_KEYS = ("id", "number", "key")
"""What identifies a table in a list: items by id, arena rounds by number, phases by key."""


def fingerprint(value: Any) -> str:
    """A short, stable fingerprint of a version, for conflicts and superseded versions."""
    return hashlib.sha256(_canonical(value).encode("utf-8")).hexdigest()[:16]


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class _Merge:
    def __init__(self, deleted: set[str], superseded: set[str]) -> None:
        self.deleted = deleted
        self.superseded = superseded
        self.conflicts: list[dict[str, Any]] = []

    def value(self, ours: Any, theirs: Any, base: Any, path: str, item: str | None) -> Any:
        if ours == theirs:
            return ours
        if base is not _MISSING:
            if ours == base:
                return theirs
            if theirs == base:
                return ours
        if isinstance(ours, dict) and isinstance(theirs, dict):
            keys = list(dict.fromkeys([*ours, *theirs]))
            result = {}
            for key in keys:
                sub_base = base.get(key, _MISSING) if isinstance(base, dict) else _MISSING
                result[key] = self.value(
                    ours.get(key, theirs.get(key)),
                    theirs.get(key, ours.get(key)),
                    sub_base,
                    _join(path, key),
                    item,
                )
            return result
        if isinstance(ours, list) and isinstance(theirs, list):
            key = _table_key(ours, theirs)
            if key is not None:
                return self.tables(ours, theirs, base if isinstance(base, list) else None, path, key)
            if all(not isinstance(v, dict | list) for v in (*ours, *theirs)):
                return _interleave(ours, theirs)
        return self.choose(ours, theirs, path, item)

    def choose(self, ours: Any, theirs: Any, path: str, item: str | None) -> Any:
        """Both sides changed it: keep both, the one that sorts first in place."""
        candidates = [v for v in (ours, theirs) if fingerprint(v) not in self.superseded] or [ours, theirs]
        kept, *others = sorted(candidates, key=_canonical)
        for other in others:
            if other != kept:
                self.conflicts.append({"field": path, "item": item, "other": other})
        return kept

    def tables(
        self,
        ours: list[dict[str, Any]],
        theirs: list[dict[str, Any]],
        base: list[Any] | None,
        path: str,
        key: str,
    ) -> list[Any]:
        mine_by, theirs_by = {t[key]: t for t in ours}, {t[key]: t for t in theirs}
        base_by = {b[key]: b for b in base or [] if isinstance(b, dict) and key in b}
        order = _interleave([t[key] for t in ours], [t[key] for t in theirs])
        result: list[Any] = []
        for ident in order:
            if key == "id" and ident in self.deleted:
                continue
            mine, other = mine_by.get(ident, _MISSING), theirs_by.get(ident, _MISSING)
            ancestor = base_by.get(ident, _MISSING)
            if mine is _MISSING or other is _MISSING:
                present = other if mine is _MISSING else mine
                if ancestor is not _MISSING and present == ancestor:
                    continue  # deleted on one side and unchanged on the other: stays deleted
                result.append(present)
            elif key == "id":  # an item is one thing: its versions are never mixed field by field
                if mine == other or (ancestor is not _MISSING and other == ancestor):
                    result.append(mine)
                elif ancestor is not _MISSING and mine == ancestor:
                    result.append(other)
                else:
                    result.append(self.choose(mine, other, path, str(ident)))
            else:
                result.append(self.value(mine, other, ancestor, f"{path}.{ident}", None))
        return result


def _interleave(ours: list[Any], theirs: list[Any]) -> list[Any]:
    """Ours in our order, with each of theirs that we lack placed right after the item it
    follows in their list: both sides keep their own order of what they added."""
    ours_set = set(ours)
    after: dict[Any, list[Any]] = {}
    anchor: Any = _MISSING
    for value in theirs:
        if value in ours_set:
            anchor = value
        else:
            after.setdefault(anchor, []).append(value)
            ours_set.add(value)
    result = list(after.get(_MISSING, []))
    for value in ours:
        result.append(value)
        result.extend(after.get(value, []))
    return result


def _table_key(*lists: list[Any]) -> str | None:
    values = [v for lst in lists for v in lst]
    if not values or not all(isinstance(v, dict) for v in values):
        return None
    return next((key for key in _KEYS if all(key in v for v in values)), None)


def _items_by_id(value: Any, found: dict[str, Any] | None = None) -> dict[str, Any]:
    found = {} if found is None else found
    if isinstance(value, dict):
        for sub in value.values():
            if isinstance(sub, list):
                for element in sub:
                    if isinstance(element, dict):
                        if "id" in element:
                            found[element["id"]] = element
                        _items_by_id(element, found)
            elif isinstance(sub, dict):
                _items_by_id(sub, found)
    return found


def adopt(live: BaseModel, new: BaseModel) -> None:
    """Make `live` equal to `new` in place, keeping the identity of every list and of every
    item (by id, round number or phase key) both hold: screens and undo stacks that point at
    them keep working after another writer's changes were taken in."""
    for name in type(live).model_fields:
        old_value, new_value = live.__dict__[name], new.__dict__[name]
        if old_value == new_value and type(old_value) is type(new_value):
            continue
        if isinstance(old_value, list) and isinstance(new_value, list):
            old_value[:] = _adopt_list(old_value, new_value)
        elif isinstance(old_value, BaseModel) and type(old_value) is type(new_value):
            adopt(old_value, new_value)
        else:
            live.__dict__[name] = new_value
    live.__pydantic_fields_set__ = set(new.__pydantic_fields_set__)


def _adopt_list(old: list[Any], new: list[Any]) -> list[Any]:
    by_key: dict[Any, BaseModel] = {}
    for element in old:
        key = _model_key(element)
        if key is not None:
            by_key[key] = element
    result = []
    for element in new:
        key = _model_key(element)
        kept = by_key.get(key) if key is not None else None
        if kept is not None and type(kept) is type(element):
            adopt(kept, element)
            result.append(kept)
        else:
            result.append(element)
    return result


def _model_key(element: Any) -> Any:
    if not isinstance(element, BaseModel):
        return None
    return next(((key, getattr(element, key)) for key in _KEYS if key in type(element).model_fields), None)


def item_ids(document: Document) -> set[str]:
    """The ids of every item a document holds, at any depth (what a merge brought in)."""
    return set(_items_by_id(document.model_dump(mode="json")))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def merge_documents(ours: D, theirs: D, base: D | None = None) -> D:
    """One document from two copies (and their ancestor, when git knows it)."""
    if type(ours) is not type(theirs) or ours.id != theirs.id:
        raise ValueError(
            f"cannot merge {type(ours).__name__} {ours.id} with {type(theirs).__name__} {theirs.id}"
        )
    a, b = ours.model_dump(mode="json"), theirs.model_dump(mode="json")
    c = base.model_dump(mode="json") if base is not None else None
    deleted = sorted({*a.pop("deleted"), *b.pop("deleted"), *(c.pop("deleted") if c else [])})
    superseded = sorted({*a.pop("superseded"), *b.pop("superseded"), *(c.pop("superseded") if c else [])})
    old_conflicts = [*a.pop("conflicts"), *b.pop("conflicts")]
    if c is not None:
        c.pop("conflicts")
    merge = _Merge(set(deleted), set(superseded))
    merged = merge.value(a, b, c if c is not None else _MISSING, "", None)
    kept = _items_by_id(merged)
    conflicts: dict[str, dict[str, Any]] = {}
    for conflict in (*old_conflicts, *merge.conflicts):
        item = conflict.get("item")
        if item in deleted or fingerprint(conflict["other"]) in superseded:
            continue
        if item is not None and kept.get(item) == conflict["other"]:
            continue  # the other version is the one kept now
        conflicts.setdefault(_canonical(conflict), conflict)
    ordered = sorted(conflicts.values(), key=_canonical)
    data = {**merged, "deleted": deleted, "superseded": superseded, "conflicts": ordered}
    return type(ours).model_validate(data)


Choice = str
""""ours" keeps the version in place, "theirs" takes the other one, "both" keeps the other as a
new item beside it (list items only)."""


def resolve_conflict(document: D, index: int, choice: Choice) -> D:
    """The document with one recorded conflict settled. The version set aside is remembered
    (superseded), so merging the same copies again does not raise the conflict anew."""
    data = document.model_dump(mode="json")
    conflicts = data["conflicts"]
    if not 0 <= index < len(conflicts):
        raise ValueError(f"there is no conflict {index + 1}; the document has {len(conflicts)}")
    conflict = conflicts.pop(index)
    other = conflict["other"]
    superseded: list[str] = data["superseded"]
    if conflict.get("item") is None:
        *parents, last = conflict["field"].split(".")
        holder = _walk_path(data, parents)
        current = holder[last]
        if choice == "both":
            raise ValueError(f"{conflict['field']} holds one value: keep ours or take theirs")
    else:
        items, position = _find_item(data, conflict["item"])
        if not items:
            raise ValueError(f'item "{conflict["item"]}" is no longer in the document')
        current = items[position]
        if choice == "both":
            copy = {**other, "id": _fresh_id(data, conflict["item"])}
            items.insert(position + 1, copy)
    if choice == "theirs":
        if conflict.get("item") is None:
            holder[last] = other
        else:
            items[position] = other
        superseded.append(fingerprint(current))
    elif choice in ("ours", "both"):
        superseded.append(fingerprint(other))
    else:
        raise ValueError(f'choice "{choice}": expected ours, theirs or both')
    data["superseded"] = sorted(set(superseded))
    return type(document).model_validate(data)


def current_version(document: Document, conflict: Conflict) -> Any:
    """What the document holds now where `conflict` is: the item (as a table) or the field's
    value; None when the item or field is gone."""
    data = document.model_dump(mode="json")
    if conflict.item is not None:
        items, position = _find_item(data, conflict.item)
        return items[position] if items else None
    try:
        *parents, last = conflict.field.split(".")
        holder = _walk_path(data, parents)
        return holder.get(last) if isinstance(holder, dict) else None
    except (KeyError, StopIteration, TypeError):
        return None


def _walk_path(data: Any, parts: list[str]) -> Any:
    node = data
    for part in parts:
        if isinstance(node, list):
            node = next(
                element
                for element in node
                if isinstance(element, dict)
                and part in {str(element.get(k)) for k in ("id", "number", "key")}
            )
        else:
            node = node[part]
    return node


def _find_item(node: Any, item_id: str) -> tuple[list[Any], int]:
    if isinstance(node, dict):
        for value in node.values():
            found = _find_item(value, item_id)
            if found[0]:
                return found
    elif isinstance(node, list):
        for position, element in enumerate(node):
            if isinstance(element, dict) and element.get("id") == item_id:
                return node, position
            found = _find_item(element, item_id)
            if found[0]:
                return found
    return [], -1


def _fresh_id(data: dict[str, Any], item_id: str) -> str:
    taken = set(_items_by_id(data))
    number = 2
    while f"{item_id[:60]}-{number}" in taken:
        number += 1
    return f"{item_id[:60]}-{number}"
