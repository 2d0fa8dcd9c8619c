"""Slugs: safe, readable names made by the app (files, folders, phase keys), never typed paths.

A top-level module without pydantic, shared by the model (phase keys) and the store (file
names), so importing it never loads the domain model."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

MAX_SLUG_LENGTH = 60
_EXTRA_FOLDS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "œ": "oe",
        "Œ": "oe",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "þ": "th",
    }
)
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "untitled", max_length: int = MAX_SLUG_LENGTH) -> str:
    """Fold diacritics, keep [a-z0-9] joined by single dashes, bounded in length.

    The result never contains a separator, a dot or a NUL, so it can never escape its folder,
    and never equals a name Windows reserves.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    slug = _NOT_SLUG.sub("-", ascii_only).strip("-")
    slug = slug[:max_length].rstrip("-")
    if not slug:
        slug = fallback
    if slug in _WINDOWS_RESERVED:
        slug = f"{slug}-{fallback}"
    return slug


def unique_slug(base: str, taken: Container[str], max_length: int = MAX_SLUG_LENGTH) -> str:
    """`base`, or `base-2`, `base-3`, … : the first one not in `taken`."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1
