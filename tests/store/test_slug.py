from __future__ import annotations

import pytest

from workshop.store import slugify, unique_slug


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Polikliniek Orthopedie", "polikliniek-orthopedie"),
        ("Patiëntreis: knie & heup", "patientreis-knie-heup"),
        ("Straße Ærø Œuvre", "strasse-aero-oeuvre"),
        ("../x", "x"),
        ("a/b", "a-b"),
        ("a\\b", "a-b"),
        ("nul\x00byte", "nul-byte"),
        ("😀🏥", "untitled"),
        ("...", "untitled"),
        ("", "untitled"),
        ("CON", "con-untitled"),
        ("lpt1", "lpt1-untitled"),
        ("  spaties  rondom  ", "spaties-rondom"),
    ],
)
def test_slugify(title: str, expected: str) -> None:
    assert slugify(title) == expected


def test_slug_never_holds_a_separator_dot_or_nul() -> None:
    for title in ["../../etc/passwd", "C:\\Windows", "x\x00y", ".hidden", "a..b"]:
        slug = slugify(title)
        assert "/" not in slug and "\\" not in slug and "\x00" not in slug and "." not in slug


def test_long_titles_are_bounded_without_a_trailing_dash() -> None:
    slug = slugify("a" * 300)
    assert slug == "a" * 60
    slug = slugify("ab " * 100)
    assert len(slug) <= 60 and not slug.endswith("-")


def test_unique_slug_counts_up_within_the_bound() -> None:
    assert unique_slug("poli", set()) == "poli"
    assert unique_slug("poli", {"poli"}) == "poli-2"
    assert unique_slug("poli", {"poli", "poli-2"}) == "poli-3"
    long = "a" * 60
    assert unique_slug(long, {long}) == "a" * 58 + "-2"
