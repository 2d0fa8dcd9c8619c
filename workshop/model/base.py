"""Shared building blocks of the domain model: strict models, stable ids, clean text."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"


def new_id(prefix: str) -> str:
    """A short random id; stable once written, so merges and diffs can key on it."""
    return f"{prefix}-{secrets.token_hex(6)}"


def _normalise_newlines(value: str) -> str:
    # One newline convention keeps TOML multiline strings readable and round trips exact.
    return value.replace("\r\n", "\n").replace("\r", "\n")


Text = Annotated[str, AfterValidator(_normalise_newlines)]
"""Free text as the user typed it, with newlines normalised to \\n."""

Line = Annotated[str, AfterValidator(lambda v: _normalise_newlines(v).strip())]
"""A one-line label (name, title): surrounding white space is not meaningful."""

RequiredLine = Annotated[Line, Field(min_length=1)]
Id = Annotated[str, Field(pattern=ID_PATTERN)]
Emotion = Annotated[int, Field(ge=-2, le=2)]
Severity = Annotated[int, Field(ge=1, le=5)]

Lane = Literal["customer", "frontstage", "backstage", "support"]
"""Service-blueprint lane of a note: what the customer does, what staff do in sight of the
customer (frontstage), out of sight (backstage), and the support processes behind them."""
LANES: tuple[Lane, ...] = ("customer", "frontstage", "backstage", "support")

_TAG = re.compile(r"^[^\s#@!]+$")


def _check_tag(value: str) -> str:
    value = value.strip().lstrip("#").lower()
    if not _TAG.match(value):
        raise ValueError("a tag is one word without spaces, '#', '@' or '!'")
    return value


Tag = Annotated[str, AfterValidator(_check_tag)]


class Model(BaseModel):
    """Base of every domain model.

    Unknown keys are refused on purpose: in a hand-edited file an unknown key is far more
    often a typo than data, and the store names it in the error.
    """

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, validate_default=False, defer_build=True
    )

    def replace_fields(self, changes: Mapping[str, Any]) -> Self:
        """Change several fields at once, in place, from a validated copy.

        Assigning fields one by one validates each against the old values of the others (an
        arena's inner ring grows before its outer ring may); here the whole model is validated
        with every change first, so a refused change leaves this object as it was, and every
        holder of this object sees the result."""
        updated = type(self).model_validate({**self.model_dump(), **changes})
        self.take_fields(updated)
        return self

    def take_fields(self, other: Self) -> Self:
        """Take every field of `other`, a validated model of the same type, in place."""
        if type(other) is not type(self):
            raise TypeError(f"{type(other).__name__} is not a {type(self).__name__}")
        for name in type(self).model_fields:
            self.__dict__[name] = other.__dict__[name]
        self.__pydantic_fields_set__ = set(other.__pydantic_fields_set__)
        return self


class Item(Model):
    """Anything with a stable id: notes, observations, actions, participants, steps."""

    id: Id = Field(default=None, validate_default=True)
    """Given by `_give_new_items_an_id` when code creates an item, so a constructor need not
    pass one (and a type checker knows it). The default None only marks "absent": TOML has
    no null, so only a file without an id reaches `_id_must_be_present`, which refuses it."""

    @model_validator(mode="before")
    @classmethod
    def _give_new_items_an_id(cls, data: Any, info: ValidationInfo) -> Any:
        # Code that creates an item gets a fresh id; a file must carry its ids, or a
        # second load would give the same item another id and merges would duplicate it.
        if isinstance(data, dict) and "id" not in data:
            from_file = bool(info.context and info.context.get("from_file"))
            if not from_file:
                data = {"id": new_id(cls.id_prefix()), **data}
        return data

    @field_validator("id", mode="before")
    @classmethod
    def _id_must_be_present(cls, value: Any) -> Any:
        if value is None:
            raise PydanticCustomError("missing", "Field required")
        return value

    @classmethod
    def id_prefix(cls) -> str:
        return cls.__name__.lower()[:8]


class Conflict(Model):
    """Another version of an item or a field, kept by a merge until someone chooses."""

    field: str
    """Dotted path of the list or field in the document, e.g. `observations` or `goal`."""
    item: Id | None = None
    """The id of the item, when the conflict is about a list item."""
    other: Any = None
    """The other version: a whole item (a table) or a field's value."""


class Document(Item):
    """A file's top-level model. Carries what merging needs: tombstones and open conflicts."""

    deleted: list[Id] = []
    """Ids of items deleted here, so a merge never brings them back."""
    superseded: list[str] = []
    """Fingerprints of versions someone rejected when resolving a conflict."""
    conflicts: list[Conflict] = []

    def remove_item(self, items: list[Any], item: Item) -> None:
        """Delete an item from one of this document's lists and remember it was deleted."""
        items.remove(item)
        if item.id not in self.deleted:
            self.deleted.append(item.id)
