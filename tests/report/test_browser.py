"""The HTML report in a real headless Chromium: no console error, no request leaves the file,
and it renders at phone and desktop width. CI installs Chromium and sets WORKSHOP_REQUIRE_BROWSER."""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path

import pytest

from workshop.report import compile_journey
from workshop.report.output import write_report
from workshop.report.render import render_html
from workshop.store.repository import LoadedWorkshop

from .test_render import MADE_ON, _hostile_bundle

CHROMIUM = Path(os.environ.get("WORKSHOP_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    if os.environ.get("WORKSHOP_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing and WORKSHOP_REQUIRE_BROWSER is set: install chromium")
    pytest.skip(f"no browser at {CHROMIUM}; .ci/run installs it", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def _png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def _open(html: Path, width: int, height: int, shot: Path) -> tuple[list[str], list[str]]:
    """Load the file; return console errors and every URL the page asked for."""
    errors: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on(
                "console", lambda message: errors.append(message.text) if message.type == "error" else None
            )
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("request", lambda request: requests.append(request.url))
            page.add_init_script(
                "window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));"
            )
            page.goto(html.as_uri(), wait_until="load")
            page.screenshot(path=str(shot), full_page=True)
            assert page.evaluate("document.querySelectorAll('script').length") == 0
            assert page.evaluate("window.__alerts") == [], "no script from note text ran"
        finally:
            browser.close()
    return errors, requests


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1440, 900)], ids=["phone", "desktop"])
def test_example_report_loads_clean_in_chromium(
    example: LoadedWorkshop, tmp_path: Path, width: int, height: int
) -> None:
    html = tmp_path / "report.html"
    html.write_text(render_html(compile_journey(example.bundle), MADE_ON), encoding="utf-8")
    shot = tmp_path / "shot.png"
    errors, requests = _open(html, width, height, shot)
    assert errors == []
    assert requests == [html.as_uri()], "nothing but the file itself is requested"
    shot_width, shot_height = _png_size(shot)
    assert shot.stat().st_size > 50_000
    assert shot_width == width and shot_height > 3 * height, "the whole report is drawn, not an empty page"


def test_hostile_report_runs_nothing_in_chromium(tmp_path: Path) -> None:
    html = tmp_path / "hostile.html"
    html.write_text(render_html(compile_journey(_hostile_bundle()), MADE_ON), encoding="utf-8")
    errors, requests = _open(html, 1024, 768, tmp_path / "shot.png")
    assert errors == [] and requests == [html.as_uri()]


LONG_URL = ("https://example.org/" + "/".join(f"segment{i:02d}-{'x' * 12}" for i in range(8)))[:200]
"""A 200-character URL without a place to break: it must wrap, not widen the page."""


def _with_long_url(example: LoadedWorkshop) -> Path:
    bundle = example.bundle
    assert len(LONG_URL) == 200
    bundle.walks[0].observations[0].text += f" {LONG_URL}"
    bundle.arenas[0].rounds[0].notes[0].text += f" {LONG_URL}"
    bundle.workshop.actions[0].text += f" {LONG_URL}"
    bundle.personas[0].goals.append(LONG_URL)
    html = example.folder / "long-url.html"
    html.write_text(render_html(compile_journey(bundle), MADE_ON), encoding="utf-8")
    return html


def _measure(html: Path, width: int, script: str, media: str = "screen") -> object:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.emulate_media(media=media)
            page.goto(html.as_uri(), wait_until="load")
            return page.evaluate(script)
        finally:
            browser.close()


def test_a_long_url_wraps_on_a_phone(example: LoadedWorkshop) -> None:
    html = _with_long_url(example)
    widths = _measure(
        html,
        390,
        """() => ({page: document.documentElement.scrollWidth,
                  body: document.body.scrollWidth,
                  label: getComputedStyle(
                      document.querySelector('table.pains td.num'), '::before').content})""",
    )
    assert widths["page"] == widths["body"] == 390, widths
    assert widths["label"] == '"Aantal: "', "a top-pain card names its count"


def test_a_long_url_keeps_the_actions_table_in_a_desktop_viewport(example: LoadedWorkshop) -> None:
    html = _with_long_url(example)
    widths = _measure(
        html,
        1400,
        """() => ({page: document.documentElement.scrollWidth,
                  actions: document.querySelector('table.actions').getBoundingClientRect().width,
                  pains: document.querySelector('table.pains').getBoundingClientRect().width})""",
    )
    assert widths["page"] == 1400, widths
    assert widths["actions"] <= 1400 and widths["pains"] <= 1400, widths


def test_print_layout_clips_no_text(example: LoadedWorkshop) -> None:
    """In print (A4 landscape, 7 mm margins: 283 mm ≈ 1069 px), no table cell is wider inside
    than outside: nothing runs into the next column or gets cut off."""
    html = _with_long_url(example)
    overflowing = _measure(
        html,
        1069,
        """() => [...document.querySelectorAll('th, td')]
                 .filter(cell => cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth + 1)
                 .map(cell => cell.tagName + ': ' + cell.textContent.slice(0, 40))""",
        media="print",
    )
    assert overflowing == []


def _pdf_pages(pdf: bytes) -> int:
    """Chromium writes one uncompressed `/Type /Page` dictionary per page (and one `/Pages`)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_the_example_prints_in_at_most_fifteen_a4_landscape_pages(example: LoadedWorkshop) -> None:
    """Twelve before the synthesis led the report; its themes with their evidence add three."""
    (pdf,) = write_report(example, ["pdf"], made_on=MADE_ON)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = _pdf_pages(data)
    assert 6 <= pages <= 15, pages
    boxes = set(re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data))
    assert {tuple(round(float(v)) for v in box.split()) for box in boxes} == {(0, 0, 842, 595)}, boxes
