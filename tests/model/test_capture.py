"""The quick-capture grammar: every token kind, both languages, odd input."""

from __future__ import annotations

import pytest

from workshop.model import RouteStep
from workshop.model.capture import parse_capture

ROUTE = [
    RouteStep(id="step-park", name="Parkeren"),
    RouteStep(id="step-meld", name="Aanmelden"),
    RouteStep(id="step-wk-poli", name="Wachtkamer poli"),
    RouteStep(id="step-wk-rx", name="Wachtkamer röntgen"),
    RouteStep(id="step-rx", name="Röntgen"),
]


def test_the_design_example() -> None:
    capture = parse_capture("Patient zoekt balie, ~5m #wachten !3 -2 @aanmelden", ROUTE)
    assert capture.text == "Patient zoekt balie,"
    assert capture.wait_minutes == 5
    assert capture.waste == ["waiting"]
    assert capture.severity == 3
    assert capture.emotion == -2
    assert capture.step == "step-meld"
    assert capture.warnings == []


@pytest.mark.parametrize(
    ("word", "waste"),
    [
        ("wachten", "waiting"),
        ("waiting", "waiting"),
        ("Transport", "transport"),
        ("voorraad", "inventory"),
        ("inventory", "inventory"),
        ("beweging", "motion"),
        ("motion", "motion"),
        ("overproductie", "overproduction"),
        ("overbewerking", "overprocessing"),
        ("overprocessing", "overprocessing"),
        ("fouten", "defects"),
        ("defects", "defects"),
        ("talent", "skills"),
        ("skills", "skills"),
        ("onbenut-talent", "skills"),
    ],
)
def test_waste_names_in_dutch_and_english(word: str, waste: str) -> None:
    assert parse_capture(f"iets #{word}", ROUTE).waste == [waste]


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("pijn", "pain"),
        ("pain", "pain"),
        ("winst", "gain"),
        ("idee", "idea"),
        ("vraag", "question"),
        ("Question", "question"),
    ],
)
def test_kind_words(word: str, kind: str) -> None:
    assert parse_capture(f"iets #{word}", ROUTE).kind == kind


def test_other_tags_are_kept_lowercase_once() -> None:
    capture = parse_capture("Bordje onleesbaar #Bewegwijzering #bewegwijzering #zuil.", ROUTE)
    assert capture.tags == ["bewegwijzering", "zuil"]
    assert capture.text == "Bordje onleesbaar"


@pytest.mark.parametrize(
    ("line", "minutes", "text"),
    [
        ("wacht ~12m", 12, "wacht"),
        ("wacht ~12min", 12, "wacht"),
        ("wacht ~2,5m.", 2.5, "wacht"),
        ("wacht ~2u", 120, "wacht"),
        ("wacht ~1.5uur", 90, "wacht"),
        ("wait ~2h", 120, "wait"),
        ("wait ~3hr", 180, "wait"),
        ("brief ~6d", 6 * 1440, "brief"),
        ("brief ~6dagen", 6 * 1440, "brief"),
        ("letter ~1day", 1440, "letter"),
        ("letter ~2DAYS", 2 * 1440, "letter"),
    ],
)
def test_wait_comes_from_the_tilde_token(line: str, minutes: float, text: str) -> None:
    capture = parse_capture(line, ROUTE)
    assert (capture.wait_minutes, capture.text, capture.warnings) == (minutes, text, [])


@pytest.mark.parametrize(
    "line",
    [
        "Form times out after 15 minutes, data lost",
        "within 10 minutes of payment",
        "wacht 12 min",
        "wacht 12min",
        "Na 2 uur nog geen bericht",
    ],
)
def test_a_wait_in_a_sentence_stays_text(line: str) -> None:
    capture = parse_capture(line, ROUTE)
    assert (capture.wait_minutes, capture.text) == (None, line)


def test_a_tilde_with_an_unknown_unit_stays_text_with_a_warning() -> None:
    capture = parse_capture("ongeveer ~5x", ROUTE)
    assert (capture.wait_minutes, capture.text) == (None, "ongeveer ~5x")
    assert capture.warnings == ["~5x: not a wait (~15m, ~2u, ~3d)"]


def test_step_prefix_exact_and_ambiguous() -> None:
    assert parse_capture("x @rontgen", ROUTE).step == "step-rx", "exact name wins over longer ones"
    assert parse_capture("x @Röntgen", ROUTE).step == "step-rx"
    assert parse_capture("x @wachtkamer-p", ROUTE).step == "step-wk-poli"
    ambiguous = parse_capture("x @wacht", ROUTE, current_step="step-park")
    assert ambiguous.step == "step-park"
    assert ambiguous.text == "x @wacht"
    assert ambiguous.warnings == ["@wacht: more than one step matches (Wachtkamer poli, Wachtkamer röntgen)"]
    unknown = parse_capture("x @kantine", ROUTE)
    assert unknown.text == "x @kantine"
    assert unknown.warnings == ["@kantine: no step of the route starts with this"]


def test_current_step_is_remembered_unless_named() -> None:
    assert parse_capture("rij bij de zuil", ROUTE, current_step="step-meld").step == "step-meld"
    assert parse_capture("rij @park", ROUTE, current_step="step-meld").step == "step-park"


@pytest.mark.parametrize(
    ("line", "warning"),
    [
        ("a !7", "!7: severity is 1 to 5"),
        ("a -3", "-3: emotion is -2 to +2"),
        ("a +9", "+9: emotion is -2 to +2"),
    ],
)
def test_out_of_range_values_stay_in_the_text(line: str, warning: str) -> None:
    capture = parse_capture(line, ROUTE)
    assert capture.text == line
    assert capture.warnings == [warning]
    assert capture.severity is None and capture.emotion is None


def test_tokens_inside_words_are_text() -> None:
    line = "mail naar poli@ziekenhuis.nl over C#-code, 5-2 score en 10!3 keer"
    capture = parse_capture(line, ROUTE)
    assert capture.text == line
    assert (capture.step, capture.tags, capture.severity, capture.emotion) == (None, [], None, None)


def test_odd_spacing_and_empty_lines() -> None:
    capture = parse_capture("   Patiënt\t  loopt   verkeerd   !2   ", ROUTE)
    assert (capture.text, capture.severity) == ("Patiënt loopt verkeerd", 2)
    assert parse_capture("", ROUTE).text == ""
    assert parse_capture("   ", ROUTE).text == ""
    only_tokens = parse_capture("#wachten !3", ROUTE)
    assert only_tokens.text == "" and only_tokens.waste == ["waiting"]


def test_lone_signs_and_marks_are_text() -> None:
    capture = parse_capture("plus + min - uitroep ! hekje # at @", ROUTE)
    assert capture.text == "plus + min - uitroep ! hekje # at @"


@pytest.mark.parametrize(
    ("line", "lane", "text"),
    [
        ("Bakje vol papieren lijsten ^backstage", "backstage", "Bakje vol papieren lijsten"),
        ("Bakje vol ^achterkant", "backstage", "Bakje vol"),
        ("Printer achter de wand ^backoffice", "backstage", "Printer achter de wand"),
        ("Balie vraagt opnieuw ^voorkant", "frontstage", "Balie vraagt opnieuw"),
        ("Balie vraagt opnieuw ^Frontstage.", "frontstage", "Balie vraagt opnieuw"),
        ("Portier wacht mee ^ondersteuning", "support", "Portier wacht mee"),
        ("Porter waits ^support", "support", "Porter waits"),
        ("Zoekt de zuil ^klant", "customer", "Zoekt de zuil"),
        ("Looks for the kiosk ^customer", "customer", "Looks for the kiosk"),
    ],
)
def test_the_lane_token_in_both_languages(line: str, lane: str, text: str) -> None:
    capture = parse_capture(line, ROUTE)
    assert (capture.lane, capture.text, capture.warnings) == (lane, text, [])


@pytest.mark.parametrize(
    "line",
    [
        "Scherm toont 2^3 plekken",  # a caret inside a word is text
        "backstage is druk",  # the bare word is never a lane
        "Rij bij de balie ^ wachten",  # a lone caret is text
        "Rij ^5",  # a number after the caret is text
    ],
)
def test_a_lane_is_never_read_by_accident(line: str) -> None:
    capture = parse_capture(line, ROUTE)
    assert (capture.lane, capture.text, capture.warnings) == (None, line, [])


def test_a_misspelt_lane_warns_and_stays_in_the_text() -> None:
    capture = parse_capture("Bakje vol ^bakstage", ROUTE)
    assert capture.lane is None and capture.text == "Bakje vol ^bakstage"
    assert capture.warnings == ["^bakstage: not a lane (^klant/^customer, ^frontstage, ^backstage, ^support)"]


def test_waits_of_days_are_accepted_up_to_ninety_days() -> None:
    assert parse_capture("Wachtlijst MRI ~6d", ROUTE).wait_minutes == 8640
    assert parse_capture("Wachtlijst MRI ~90d", ROUTE).wait_minutes == 90 * 1440
    too_long = parse_capture("Wachtlijst ~91d", ROUTE)
    assert too_long.wait_minutes is None and "more than 90 days" in too_long.warnings[0]
