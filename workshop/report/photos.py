"""Gemba photos in the report: inline thumbnails in HTML (data URIs, so the file stays
self-contained), links relative to the report in Markdown.

A photo goes in as it is, never re-encoded: the app has no image library, so a photo over the
cap is left out of the HTML with a line that says so, and stays one link away in Markdown.
Only JPEG, PNG, GIF and WebP go in, recognised by their first bytes, never by the name: a
file that is not one of them (an SVG could carry script) is left out too.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..store.photos import read_photo
from ..store.repository import LoadedWorkshop
from .journey import Journey

PHOTO_CAP_BYTES = 400 * 1024
"""The largest photo put into the HTML; a phone photo of 2-5 MB would make a report unwieldy."""
TOTAL_CAP_BYTES = 8 * 1024 * 1024
"""All photos of one report together; the ones after this are left out."""

_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)

_LEFT_OUT = {
    "nl": {
        "title": "Foto's",
        "large": "Foto niet opgenomen: {size} is meer dan {cap}; het bestand staat in {ref}",
        "total": "Foto niet opgenomen: samen meer dan {cap} aan foto's; het bestand staat in {ref}",
        "missing": "Foto ontbreekt: {ref}",
        "format": "Foto niet opgenomen: geen JPEG, PNG, GIF of WebP ({ref})",
    },
    "en": {
        "title": "Photos",
        "large": "Photo left out: {size} is over {cap}; the file is {ref}",
        "total": "Photo left out: over {cap} of photos in all; the file is {ref}",
        "missing": "Photo missing: {ref}",
        "format": "Photo left out: not a JPEG, PNG, GIF or WebP ({ref})",
    },
}


@dataclass(frozen=True)
class PhotoFile:
    ref: str
    """Path relative to the workshop folder, as the observation holds it."""
    link: str
    """URL of the file relative to the report's folder, for Markdown."""
    data_uri: str = ""
    """The photo itself for HTML; empty when it was left out."""
    left_out: str = ""
    """Why it is not in the HTML, in the report's language."""


@dataclass(frozen=True)
class WalkPhoto:
    note: str
    """The observation's id."""
    photo: PhotoFile


def _mime(data: bytes) -> str | None:
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB" if count >= 1024 * 1024 else f"{round(count / 1024)} KB"


def photo_labels(language: str) -> dict[str, str]:
    return _LEFT_OUT["en" if language == "en" else "nl"]


def walk_photos(
    journey: Journey,
    loaded: LoadedWorkshop,
    report_folder: Path,
    cap: int = PHOTO_CAP_BYTES,
    total_cap: int = TOTAL_CAP_BYTES,
) -> dict[str, list[WalkPhoto]]:
    """Walk id → its observations' photos in log order, each read once and capped."""
    words = photo_labels(journey.language)
    files: dict[str, PhotoFile] = {}
    total = 0
    result: dict[str, list[WalkPhoto]] = {}
    for walk in journey.walks:
        for note_id in walk.notes:
            for ref in journey.notes[note_id].photos:
                if ref not in files:
                    relative = os.path.relpath(loaded.folder / ref, report_folder)
                    link = quote(Path(relative).as_posix())
                    data, size = read_photo(loaded, ref, cap)
                    mime = _mime(data) if data is not None else None
                    left_out = ""
                    if data is None:
                        left_out = (
                            words["missing"].format(ref=ref)
                            if size is None
                            else words["large"].format(size=_size(size), cap=_size(cap), ref=ref)
                        )
                    elif mime is None:
                        left_out = words["format"].format(ref=ref)
                    elif total + len(data) > total_cap:
                        left_out = words["total"].format(cap=_size(total_cap), ref=ref)
                    if left_out or data is None or mime is None:
                        files[ref] = PhotoFile(ref, link, left_out=left_out)
                    else:
                        total += len(data)
                        encoded = base64.b64encode(data).decode("ascii")
                        files[ref] = PhotoFile(ref, link, data_uri=f"data:{mime};base64,{encoded}")
                result.setdefault(walk.id, []).append(WalkPhoto(note_id, files[ref]))
    return result
