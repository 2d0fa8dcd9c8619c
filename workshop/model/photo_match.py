"""Which observation a photo belongs to: the one logged closest to when it was taken."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .gemba import Observation

TimeSource = Literal["exif", "file"]


@dataclass(frozen=True)
class TakenPhoto:
    name: str
    """The file's name in the folder it came from."""
    taken: dt.datetime
    source: TimeSource
    """Where the time came from: the photo's EXIF, or the file's modification time."""


@dataclass(frozen=True)
class PhotoMatch:
    photo: TakenPhoto
    observation: Observation | None
    """The observation within the window; None when no observation is close enough."""
    nearest: dt.timedelta | None
    """Signed distance to the nearest timed observation (photo minus observation), matched or not;
    None when the walk has no timed observation at all."""


def local_naive(moment: dt.datetime) -> dt.datetime:
    """Times in one frame: an aware time in this machine's local time, without its zone.
    Observations and most cameras record local wall-clock time without a zone."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def match_photos(
    photos: Sequence[TakenPhoto], observations: Sequence[Observation], window: dt.timedelta
) -> list[PhotoMatch]:
    """Each photo to the observation logged closest in time, if within `window`; on a tie
    the earlier observation (the photo was taken after what was logged)."""
    timed = sorted(
        ((local_naive(o.at), index, o) for index, o in enumerate(observations) if o.at is not None),
        key=lambda entry: (entry[0], entry[1]),
    )
    matches: list[PhotoMatch] = []
    for photo in photos:
        taken = local_naive(photo.taken)
        best: tuple[dt.timedelta, dt.timedelta, Observation] | None = None
        for at, _, observation in timed:
            delta = taken - at
            if best is None or abs(delta) < best[0]:
                best = (abs(delta), delta, observation)
        if best is None:
            matches.append(PhotoMatch(photo, None, None))
        elif best[0] <= window:
            matches.append(PhotoMatch(photo, best[2], best[1]))
        else:
            matches.append(PhotoMatch(photo, None, best[1]))
    return matches
