"""A hand-made English workshop from another domain (a car-damage claim), read back from files,
to check the report's numbers outside the shipped Dutch example. The workshop file is an old
version-1 file, as a team that started before KPI directions existed would have it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workshop.report import compile_journey
from workshop.report.journey import CUSTOMER_LANES, Journey
from workshop.report.render import render_html, render_markdown
from workshop.store import SessionStore
from workshop.store.repository import LoadedWorkshop

REPORT_DATE = dt.date(2026, 12, 2)

WORKSHOP = """schema_version = 1
id = "ws-claim"
title = "Car damage claim online"
language = "en"
phase_model = "custom"

[[phases]]
key = "report"
nl = "Schade melden"
en = "Report the damage"

[[phases]]
key = "upload"
nl = "Documenten"
en = "Upload documents"

[[phases]]
key = "assessment"
nl = "Beoordeling"
en = "Assessment"

[[phases]]
key = "payout"
nl = "Uitbetaling"
en = "Payout"

[[kpis]]
id = "kpi-decision"
kind = "custom"
phase = "assessment"
name = "Time to decision"
unit = "working days"
target = 3
measured = 14

[[kpis]]
id = "kpi-csat"
kind = "csat"
phase = "upload"
name = "CSAT upload"
target = 70
measured = 74

[[kpis]]
id = "kpi-ces"
kind = "ces"
phase = "report"
name = "CES reporting"
target = 5
measured = 4.1

[[actions]]
id = "act-limit"
text = "Raise the upload limit to 25 MB and show the limit next to the button"
owner = "Priya Nair"
due = 2026-11-10
status = "in-progress"
sources = ["obs-u1"]

[[actions]]
id = "act-status"
text = "Show the claim's place in the queue on the status page"
due = 2027-01-15
status = "open"
sources = ["obs-q1"]
"""

ARENA = """schema_version = 2
id = "arena-claims"
title = "Customer arena: claims"
date = 2026-10-20
round3_variant = "swap"

[[inner]]
id = "c1"
alias = "Ms. K."
consent = true

[[inner]]
id = "c2"
alias = "Mr. J."
consent = false

[[outer]]
id = "s1"
name = "Dana Reyes"
role = "claims handler"

[[outer]]
id = "s2"
name = "Tom Berg"
role = "web team"

[[rounds]]
number = 1

[[rounds.notes]]
id = "n1"
text = "The upload refused my 12 MB scan of the repair quote three times."
speaker = "c1"
phase = "upload"
sentiment = -2
theme = "upload-size"

[[rounds.notes]]
id = "n2"
text = "Reporting the damage took five minutes; the form was clear."
speaker = "c2"
phase = "report"
sentiment = 1

[[rounds.notes]]
id = "n3"
text = "I never knew where my claim was."
phase = "assessment"
sentiment = -1

[[rounds]]
number = 2

[[rounds.notes]]
id = "n4"
text = "What did you do when the upload failed?"
speaker = "s1"
phase = "upload"

[[rounds.notes]]
id = "n5"
text = "I gave up and e-mailed the scan; nobody confirmed it arrived."
speaker = "c1"
phase = "upload"
sentiment = -1
theme = "upload-size"

[[rounds.notes]]
id = "n6"
text = "Would a phone call have helped?"
phase = "assessment"

[[rounds]]
number = 3

[[rounds.notes]]
id = "n7"
text = "We will put the document checklist on the first form page."
speaker = "s2"
phase = "upload"
sentiment = 1

[[rounds.notes]]
id = "n8"
text = "We heard that waiting without news is the worst part."
speaker = "s1"
phase = "assessment"
sentiment = 0

[[commitments]]
id = "act-checklist"
text = "Document checklist on the first page of the claim form"
owner = "Tom Berg"
due = 2026-11-02
status = "in-progress"
sources = ["n7"]
"""

WALK = """schema_version = 2
id = "walk-claims"
title = "Gemba walk: claims through the office"
date = 2026-10-13

[[observers]]
id = "o1"
name = "Sam Lee"

[[route]]
id = "step-form"
name = "Online form"
phase = "report"

[[route]]
id = "step-upload"
name = "Document upload"
phase = "upload"

[[route]]
id = "step-queue"
name = "Assessment queue"
phase = "assessment"

[[route]]
id = "step-pay"
name = "Payout"
phase = "payout"

[[observations]]
id = "obs-u1"
text = "Upload stops at 10 MB without a message"
step = "step-upload"
kind = "pain"
severity = 4
emotion = -2
wait_minutes = 5
tags = ["upload"]
theme = "upload-size"

[[observations]]
id = "obs-u2"
text = "Second customer: the same upload error, four retries"
step = "step-upload"
severity = 3
emotion = -1
wait_minutes = 15
tags = ["upload"]
theme = "upload-size"

[[observations]]
id = "obs-u3"
text = "Third customer splits the PDF by hand to get under the limit"
step = "step-upload"
severity = 3
emotion = -1
tags = ["upload"]
theme = "upload-size"

[[observations]]
id = "obs-b1"
text = "Back office re-checks car registration by hand against the national register"
step = "step-queue"
waste = ["overprocessing"]
severity = 3
emotion = -1
tags = ["registration"]
lane = "backstage"

[[observations]]
id = "obs-q1"
text = "A claim waits in the assessment queue for six days before anyone opens it"
step = "step-queue"
waste = ["waiting"]
severity = 5
emotion = -2
wait_minutes = 8640
tags = ["queue"]

[[observations]]
id = "obs-q2"
text = "Another claim: two days in the queue"
step = "step-queue"
severity = 4
emotion = -1
wait_minutes = 2880
tags = ["queue"]

[[observations]]
id = "obs-q3"
text = "A simple claim is opened after half an hour"
step = "step-queue"
emotion = 1
wait_minutes = 30
tags = ["queue"]

[[observations]]
id = "obs-p1"
text = "The payout system needs a second approval for every amount"
step = "step-pay"
waste = ["overprocessing"]
severity = 2
emotion = 0
tags = ["approval"]
lane = "support"

[[observations]]
id = "obs-s1"
text = "Idea: the status page shows the place in the queue"
step = "step-queue"
kind = "idea"
tags = ["status"]

[[actions]]
id = "act-copied"
text = "Idea: the status page shows the place in the queue"
owner = "Sam Lee"
status = "open"
sources = ["obs-s1"]
"""


def _load(sessions: Path) -> LoadedWorkshop:
    loaded = SessionStore(sessions).load("car-claim")
    assert not loaded.problems, loaded.problems
    return loaded


@pytest.fixture
def claim(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions" / "car-claim"
    folder.mkdir(parents=True)
    (folder / "workshop.toml").write_text(WORKSHOP, encoding="utf-8")
    (folder / "arena-claims.toml").write_text(ARENA, encoding="utf-8")
    (folder / "gemba-claims.toml").write_text(WALK, encoding="utf-8")
    return tmp_path / "sessions"


def _journey(sessions: Path) -> Journey:
    return compile_journey(_load(sessions).bundle, today=REPORT_DATE)


def test_sides_and_lanes(claim: Path) -> None:
    journey = _journey(claim)
    notes = journey.notes
    assert {i for i, n in notes.items() if n.side == "staff" and n.method == "arena"} == {"n4", "n7", "n8"}
    assert notes["n3"].side == "customer"  # no speaker, round 1: only customers speak
    assert notes["n6"].side == "unknown"  # no speaker, round 2: both rings speak
    columns = {c.key: c for c in journey.phases}
    in_customer_lanes = {i for c in columns.values() for lane in CUSTOMER_LANES for i in c.lanes[lane]}
    assert not in_customer_lanes & {"n4", "n6", "n7", "n8", "obs-b1", "obs-p1"}
    assert columns["upload"].lanes["staff_voice"] == ("n4", "n7")
    assert columns["assessment"].lanes["unattributed"] == ("n6",)
    assert columns["assessment"].lanes["backstage"] == ("obs-b1",)
    assert columns["payout"].lanes["support"] == ("obs-p1",)
    assert "obs-b1" not in columns["assessment"].lanes["does"]
    assert notes["n7"].actions == ("act-checklist",)


def test_emotion_curve_is_the_customers(claim: Path) -> None:
    journey = _journey(claim)
    emotions = {c.key: c.emotion for c in journey.phases}
    assert (emotions["upload"].mean, emotions["upload"].count) == (-1.4, 5)  # n1 n5 obs-u1..3; not n7
    assert (emotions["assessment"].mean, emotions["assessment"].count) == (-0.75, 4)  # not obs-b1, n8
    assert (emotions["report"].mean, emotions["report"].count) == (1.0, 1)
    assert emotions["payout"] is None  # a support process's score is not the customer's


def test_waits_read_as_days_and_are_never_summed(claim: Path) -> None:
    journey = _journey(claim)
    queue = next(step for step in journey.walks[0].steps if step.id == "step-queue").wait
    assert (queue.count, queue.median_minutes, queue.max_minutes) == (3, 2880, 8640)
    upload = next(c for c in journey.phases if c.key == "upload").wait
    assert (upload.count, upload.median_minutes, upload.max_minutes) == (2, 10, 15)
    markdown = render_markdown(journey)
    assert "median 2 days, longest 6 days (n=3)" in markdown
    assert "median 10 min, longest 15 min (n=2)" in markdown
    assert "11565" not in markdown  # the sum of three customers' waits, which nobody had


def test_top_pains_are_themes_and_owned_by_their_notes(claim: Path) -> None:
    journey = _journey(claim)
    top = [(g.theme, g.grouped_by, g.frequency, g.severity, g.score, g.actions) for g in journey.top_pains]
    assert top == [
        ("upload-size", "theme", 5, 3.4, 17.0, ("act-limit",)),
        ("#queue", "tag", 2, 4.5, 9.0, ("act-status",)),
        ("", "note", 1, 3.0, 3.0, ()),
        ("#registration", "tag", 1, 3.0, 3.0, ()),
    ]
    assert set(journey.top_pains[0].notes) == {"n1", "n5", "obs-u1", "obs-u2", "obs-u3"}
    assert journey.top_pains[1].notes == ("obs-q1", "obs-q2")  # the six-day queue without #pain
    assert (journey.pain_themes, journey.unowned_pains) == (4, 2)


def test_kpi_direction_from_an_old_file_is_never_guessed(claim: Path) -> None:
    journey = _journey(claim)
    kpis = {k.id: k for c in journey.phases for k in c.kpis}
    assert (kpis["kpi-decision"].better, kpis["kpi-decision"].met) == (None, None)  # "working days"
    assert (kpis["kpi-ces"].better, kpis["kpi-ces"].met) == (None, None)
    assert (kpis["kpi-csat"].better, kpis["kpi-csat"].met) == ("higher", True)  # CSAT: by definition
    markdown = render_markdown(journey)
    assert "Time to decision: 14 working days (target 3) (direction not set)" in markdown
    workshop = claim / "car-claim" / "workshop.toml"
    workshop.write_text(
        WORKSHOP.replace('unit = "working days"', 'unit = "working days"\nbetter = "lower"'), encoding="utf-8"
    )
    decided = {k.id: k for c in _journey(claim).phases for k in c.kpis}["kpi-decision"]
    assert (decided.better, decided.met) == ("lower", False)


def test_actions_owners_and_overdue(claim: Path) -> None:
    journey = _journey(claim)
    assert {a.id for a in journey.actions if a.overdue} == {"act-limit", "act-checklist"}
    assert [a.id for a in journey.actions if a.worded_as_note] == ["act-copied"]
    assert journey.actions_without_owner == 1
    markdown = render_markdown(journey)
    assert "1 action without an owner." in markdown and "1 actions" not in markdown
    assert "2 actions past their due date and not done (on 2 December 2026)." in markdown
    limit = next(line for line in markdown.splitlines() if line.startswith("| 1 | **upload-size**"))
    assert (
        "Raise the upload limit to 25 MB" in limit and "Priya Nair · in progress · 10 November 2026" in limit
    )
    assert "overdue" in limit
    copied = next(line for line in markdown.splitlines() if 'id="a-act-copied"' in line)
    assert "does not say yet what will be done" in copied


def test_small_things(claim: Path) -> None:
    journey = _journey(claim)
    markdown = render_markdown(journey)
    html = render_html(journey)
    assert "Ms. K.." not in markdown and "Ms. K.." not in html
    assert html.count('<span class="flag">overdue</span>') >= 2  # in the actions table, at least
    assert "Customer pains" in html and "What staff heard, asked and promised" in html
    assert "named (with consent): Ms. K." in markdown
    assert "| Waste (TIMWOODS) | Count | % cumulative |" in markdown
    mermaid = markdown[markdown.index("```mermaid") :].split("```")[1]
    assert [line.strip() for line in mermaid.splitlines() if line.strip().startswith("Emotion")] == [
        "Emotion (n=1): 4",
        "Emotion (n=5): 1.6",
        "Emotion (n=4): 2.25",
    ]
