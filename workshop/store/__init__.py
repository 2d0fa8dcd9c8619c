"""The sessions folder on disk: TOML load and save, atomic writes, schema versions, errors."""

from .codec import SCHEMA_VERSION, read_document, to_toml
from .problems import ConflictError, Problem, SaveError, StoreError
from .repository import (
    SESSIONS_ENV,
    WORKSHOP_FILE,
    LoadedWorkshop,
    SessionStore,
    WorkshopSummary,
    kind_of,
)
from .slug import slugify, unique_slug

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
