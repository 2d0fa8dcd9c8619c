"""Form helpers: pydantic errors placed at the field they are about."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from ...store.problems import validation_problems


def field_errors(
    error: ValidationError, model: type[BaseModel], required: str = "required"
) -> dict[str, str]:
    """Field name → first message; model rules that name their field land at that field.
    An empty required field says so in the user's language, not in pydantic's words."""
    errors: dict[str, str] = {}
    too_short = {".".join(map(str, e["loc"])) for e in error.errors() if e["type"] == "too_short"}
    for problem in validation_problems(Path("form"), error, "", model):
        name = (problem.field or "").split(".")[0] or "_"
        message = required if problem.field in too_short else problem.message
        errors.setdefault(name, message)
    return errors


def lines(text: str) -> list[str]:
    """A text area with one entry per line; blank lines are not entries."""
    return [line.strip() for line in text.splitlines() if line.strip()]
