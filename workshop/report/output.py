"""Write a workshop's report files: the one path from a loaded workshop to files on disk,
shared by the command and the app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from ..store import Problem, StoreError
from ..store.atomic import atomic_write_bytes
from ..store.repository import LoadedWorkshop
from ..store.slug import slugify
from .compile import ReportError, compile_journey
from .pdf import html_to_pdf, require_chromium
from .photos import walk_photos
from .render import FORMATS, RENDERERS, render_html

OUTPUT_FORMATS = (*FORMATS, "pdf")
"""What --format takes: the rendered formats, and pdf (the HTML printed by headless Chromium)."""
REPORT_FOLDER = "report"
"""Default place of the report: inside the workshop folder, beside the sessions it came from."""


def parse_formats(text: str) -> list[str]:
    """`html,md` → ["html", "md"]; anything else is one line that lists what is allowed."""
    formats = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [part for part in formats if part not in OUTPUT_FORMATS]
    if unknown or not formats:
        shown = ", ".join(unknown) or "nothing"
        raise ReportError(
            f"--format: {shown} is not a report format; expected one or more of {','.join(OUTPUT_FORMATS)}"
        )
    return list(dict.fromkeys(formats))


def report_folder(loaded: LoadedWorkshop, out: Path | None) -> Path:
    """Where the files go: `out` as the user gave it, or the workshop's own report folder."""
    folder = out if out is not None else loaded.folder / REPORT_FOLDER
    if folder.exists() and not folder.is_dir():
        raise StoreError(Problem(folder, "is a file; --out needs a folder"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            Problem(folder, f"cannot make the report folder: {error.strerror or error}")
        ) from None
    return folder


def write_report(
    loaded: LoadedWorkshop,
    formats: Sequence[str] = FORMATS,
    out: Path | None = None,
    persona: str | None = None,
    made_on: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Compile once, render each format, write each file atomically; returns the paths written.
    `made_on` is the report's date (default today): overdue actions are measured against it."""
    if loaded.bundle is None:
        raise StoreError(
            loaded.problems[0] if loaded.problems else Problem(loaded.folder, "no workshop here")
        )
    browser = require_chromium() if "pdf" in formats else None
    if progress:
        progress("compile")
    journey = compile_journey(loaded.bundle, persona, made_on)
    folder = report_folder(loaded, out)
    stem = f"journey-{loaded.slug}"
    if journey.persona:
        stem += f"-{slugify(journey.persona, 'persona')}"
    photos = walk_photos(journey, loaded, folder) if {"html", "md", "pdf"} & set(formats) else None
    written = []
    html: str | None = None
    for kind in formats:
        if progress:
            progress(kind)
        if kind == "pdf":
            data = html_to_pdf(html or render_html(journey, made_on, photos), browser)
        else:
            text = RENDERERS[kind](journey, made_on, photos)
            html = text if kind == "html" else html
            data = text.encode("utf-8")
        path = folder / f"{stem}.{kind}"
        try:
            atomic_write_bytes(path, data)
        except OSError as error:
            raise StoreError(Problem(path, f"cannot write the report: {error.strerror or error}")) from None
        written.append(path)
    return written
