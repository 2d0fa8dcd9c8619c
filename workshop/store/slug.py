"""Slugs for file and folder names; the rule lives in the model, which also keys phases by it."""

from ..model.slug import MAX_SLUG_LENGTH, slugify, unique_slug

__all__ = ["MAX_SLUG_LENGTH", "slugify", "unique_slug"]
