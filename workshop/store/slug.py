"""Slugs for file and folder names; the rule lives in workshop.slug, which the model shares (phase keys)."""

from ..slug import MAX_SLUG_LENGTH, slugify, unique_slug

__all__ = ["MAX_SLUG_LENGTH", "slugify", "unique_slug"]
