"""The sessions folder on disk: TOML load and save, atomic writes, schema versions, errors.

Names are imported on first use (PEP 562), so `workshop.store.listing` can list workshops
from their summaries without loading pydantic and the model."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .codec import SCHEMA_VERSION, read_document, to_toml
    from .listing import SESSIONS_ENV, WORKSHOP_FILE, WorkshopSummary
    from .problems import ConflictError, Problem, SaveError, StoreError
    from .repository import LoadedWorkshop, SessionStore, kind_of
    from .slug import slugify, unique_slug

_WHERE = {
    "SCHEMA_VERSION": "codec",
    "read_document": "codec",
    "to_toml": "codec",
    "ConflictError": "problems",
    "Problem": "problems",
    "SaveError": "problems",
    "StoreError": "problems",
    "SESSIONS_ENV": "listing",
    "WORKSHOP_FILE": "listing",
    "LoadedWorkshop": "repository",
    "SessionStore": "repository",
    "WorkshopSummary": "listing",
    "kind_of": "repository",
    "slugify": "slug",
    "unique_slug": "slug",
}

__all__ = [
    "SCHEMA_VERSION",
    "SESSIONS_ENV",
    "WORKSHOP_FILE",
    "ConflictError",
    "LoadedWorkshop",
    "Problem",
    "SaveError",
    "SessionStore",
    "StoreError",
    "WorkshopSummary",
    "kind_of",
    "read_document",
    "slugify",
    "to_toml",
    "unique_slug",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
