"""When a photo was taken: the JPEG's EXIF DateTimeOriginal, read from its first bytes.

A small reader on purpose: the app needs one tag of one format, and a parser that never raises
on a broken or hostile file. It walks the JPEG segments to the APP1 "Exif" block, reads the
TIFF header (either byte order), follows IFD0's pointer to the Exif IFD and decodes tag 0x9003
(DateTimeOriginal, "YYYY:MM:DD HH:MM:SS"), with 0x9011 (OffsetTimeOriginal, "+02:00") when
the camera wrote one. Anything unexpected gives None, and the caller falls back to file time.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
from pathlib import Path

HEAD_BYTES = 256 * 1024
"""EXIF sits in APP1 right after the start of the file; it is at most 64 KiB by the format."""

_EXIF_POINTER = 0x8769
_DATE_TIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_ASCII = 2
_MAX_ENTRIES = 512
_DATE = re.compile(rb"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(rb"^([+-])(\d{2}):(\d{2})")


def exif_block(data: bytes) -> bytes | None:
    """The TIFF data of a JPEG's APP1 Exif segment, or None."""
    if data[:2] != b"\xff\xd8":
        return None
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no metadata after this
            return None
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        if length < 2:
            return None
        body = data[position + 4 : position + 2 + length]
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            return body[6:]
        position += 2 + length
    return None


def _entries(tiff: bytes, offset: int, order: str) -> dict[int, tuple[int, int, bytes]]:
    """Tag → (type, count, the 4 value-or-offset bytes) of the IFD at `offset`."""
    if offset < 8 or offset + 2 > len(tiff):
        return {}
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    entries: dict[int, tuple[int, int, bytes]] = {}
    for index in range(min(count, _MAX_ENTRIES)):
        start = offset + 2 + 12 * index
        if start + 12 > len(tiff):
            break
        tag, kind, number = struct.unpack(order + "HHI", tiff[start : start + 8])
        entries.setdefault(tag, (kind, number, tiff[start + 8 : start + 12]))
    return entries


def _ascii(tiff: bytes, entry: tuple[int, int, bytes] | None, order: str) -> bytes | None:
    if entry is None or entry[0] != _ASCII or not 0 < entry[1] <= 64:
        return None
    _, count, value = entry
    if count <= 4:
        return value[:count]
    (offset,) = struct.unpack(order + "I", value)
    if offset + count > len(tiff):
        return None
    return tiff[offset : offset + count]


def date_taken_from_exif(tiff: bytes) -> dt.datetime | None:
    """DateTimeOriginal of a TIFF/EXIF block; aware when an offset was recorded."""
    header = tiff[:4]
    if header == b"II*\x00":
        order = "<"
    elif header == b"MM\x00*":
        order = ">"
    else:
        return None
    (ifd0,) = struct.unpack(order + "I", tiff[4:8]) if len(tiff) >= 8 else (0,)
    pointer = _entries(tiff, ifd0, order).get(_EXIF_POINTER)
    if pointer is None or pointer[0] not in (4, 13):  # LONG or IFD
        return None
    (exif_offset,) = struct.unpack(order + "I", pointer[2])
    exif = _entries(tiff, exif_offset, order)
    raw = _ascii(tiff, exif.get(_DATE_TIME_ORIGINAL), order)
    match = _DATE.match(raw or b"")
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        taken = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:  # "0000:00:00 00:00:00" is what some cameras write when unset
        return None
    offset = _OFFSET.match(_ascii(tiff, exif.get(_OFFSET_TIME_ORIGINAL), order) or b"")
    if offset is not None:
        sign = -1 if offset.group(1) == b"-" else 1
        delta = dt.timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3)))
        if delta < dt.timedelta(hours=15):
            taken = taken.replace(tzinfo=dt.timezone(sign * delta))
    return taken


def date_taken(data: bytes) -> dt.datetime | None:
    """When a JPEG (its first bytes suffice) says it was taken, or None."""
    try:
        tiff = exif_block(data)
        return date_taken_from_exif(tiff) if tiff else None
    except struct.error:
        return None


def read_date_taken(path: Path) -> dt.datetime | None:
    """The EXIF time of a photo file, reading only its head; None when it has none."""
    with path.open("rb") as handle:
        return date_taken(handle.read(HEAD_BYTES))
