"""Gemba photos: EXIF times read from JPEG bytes written here, `workshop photos` matching them
to observations (dry run and for real), and the report showing them."""

from __future__ import annotations

import datetime as dt
import os
import re
import struct
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.model import GembaWalk, Observation, Observer, RouteStep, Workshop
from workshop.model.photo_match import TakenPhoto, match_photos
from workshop.store import SessionStore
from workshop.store.exif import date_taken

REPO = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 10, 14)


def at(clock: str) -> dt.datetime:
    hours, minutes, *seconds = (int(part) for part in clock.split(":"))
    return dt.datetime(DAY.year, DAY.month, DAY.day, hours, minutes, *(seconds or [0]))


def exif(taken: dt.datetime | None, order: str = "<", offset: str | None = None) -> bytes:
    """A TIFF/EXIF block: IFD0 with a pointer to an Exif IFD holding DateTimeOriginal
    (and OffsetTimeOriginal)."""
    mark = b"II*\x00" if order == "<" else b"MM\x00*"
    values: list[tuple[int, bytes]] = []
    if taken is not None:
        values.append((0x9003, taken.strftime("%Y:%m:%d %H:%M:%S").encode() + b"\x00"))
    if offset is not None:
        values.append((0x9011, offset.encode() + b"\x00"))
    exif_ifd = 8 + 18
    data_at = exif_ifd + 2 + 12 * len(values) + 4
    ifd0 = struct.pack(order + "H", 1) + struct.pack(order + "HHII", 0x8769, 4, 1, exif_ifd) + bytes(4)
    entries, data = b"", b""
    for tag, value in values:
        entries += struct.pack(order + "HHII", tag, 2, len(value), data_at + len(data))
        data += value
    return (
        mark
        + struct.pack(order + "I", 8)
        + ifd0
        + struct.pack(order + "H", len(values))
        + entries
        + bytes(4)
        + data
    )


def jpeg(
    taken: dt.datetime | None = None, order: str = "<", offset: str | None = None, pad: int = 0
) -> bytes:
    """A real 8×8 grey baseline JPEG (one DC-only block), with an EXIF APP1 segment when
    `taken` is given and `pad` bytes of comment segments to make it large."""
    parts = [b"\xff\xd8"]
    if taken is not None or offset is not None:
        body = b"Exif\x00\x00" + exif(taken, order, offset)
        parts.append(b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body)
    while pad > 0:
        chunk = min(pad, 65000)
        parts.append(b"\xff\xfe" + struct.pack(">H", chunk + 2) + b"x" * chunk)
        pad -= chunk
    parts += [
        b"\xff\xdb\x00\x43\x00" + b"\x01" * 64,  # quantisation table: all ones
        b"\xff\xc0\x00\x0b\x08\x00\x08\x00\x08\x01\x01\x11\x00",  # 8×8, one component
        b"\xff\xc4\x00\x14\x00" + bytes([1] + [0] * 15) + b"\x08",  # DC: one code, category 8
        b"\xff\xc4\x00\x14\x10" + bytes([1] + [0] * 15) + b"\x00",  # AC: one code, end of block
        b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00",
        b"\x40\x3f",  # DC +128 (grey 144), end of block, padding ones
        b"\xff\xd9",
    ]
    return b"".join(parts)


PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc000000301010018dd8db00000000049454e44ae426082"
)


# -- EXIF ---------------------------------------------------------------------------------


def test_exif_date_in_either_byte_order_and_with_an_offset() -> None:
    assert date_taken(jpeg(at("07:49:10"))) == at("07:49:10")
    assert date_taken(jpeg(at("07:49:10"), order=">")) == at("07:49:10")
    aware = date_taken(jpeg(at("07:49:10"), offset="+02:00"))
    assert aware == at("07:49:10").replace(tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert date_taken(jpeg()) is None
    assert date_taken(jpeg(None, offset="+02:00")) is None
    assert date_taken(PNG_1PX) is None
    assert date_taken(b"") is None


def test_a_broken_or_hostile_jpeg_never_raises() -> None:
    good = jpeg(at("07:49:10"), order=">", offset="-05:30")
    results = {date_taken(good[:cut]) for cut in range(len(good))}
    assert results <= {
        None,
        at("07:49:10"),
        at("07:49:10").replace(tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30))),
    }
    for position in range(len(good)):  # every single byte flipped
        broken = good[:position] + bytes([good[position] ^ 0xFF]) + good[position + 1 :]
        date_taken(broken)
    zero = jpeg(dt.datetime(2026, 1, 1)).replace(b"2026:01:01 00:00:00", b"0000:00:00 00:00:00")
    assert date_taken(zero) is None


def test_each_photo_goes_to_the_closest_observation_within_the_window() -> None:
    observations = [
        Observation(text=t, at=at(c)) for t, c in (("a", "07:48"), ("b", "07:52"), ("c", "08:30"))
    ]
    photos = [
        TakenPhoto("p1", at("07:49:10"), "exif"),
        TakenPhoto("p2", at("07:50:00"), "exif"),  # a tie: the earlier observation
        TakenPhoto("p3", at("08:41:00"), "file"),  # 11 min after c: outside 10 min
        TakenPhoto("p4", at("08:30:00").replace(tzinfo=dt.UTC), "exif"),
    ]
    matches = match_photos(photos, [*observations, Observation(text="untimed")], dt.timedelta(minutes=10))
    texts = [m.observation.text if m.observation else None for m in matches[:3]]
    assert texts == ["a", "a", None]
    assert matches[2].nearest == dt.timedelta(minutes=11)
    assert matches[3].observation is None, "08:30 UTC is 10:30 in Amsterdam, the walk's local time"
    assert matches[3].nearest == dt.timedelta(hours=2)
    assert matches[0].nearest == dt.timedelta(minutes=1, seconds=10)
    assert (
        match_photos(photos[:1], [Observation(text="untimed")], dt.timedelta(minutes=10))[0].nearest is None
    )


# -- the command --------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "WORKSHOP_DEBUG"}
    environment["TZ"] = "Europe/Amsterdam"
    return subprocess.run(
        [sys.executable, "-m", "workshop", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        timeout=60,
    )


@pytest.fixture
def walk_folder(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(sessions, the workshop folder, a folder of photos): a walk with three timed
    observations and one without a time; photos by EXIF (both byte orders), by file time,
    one too late, one too large for the report, and a file that is no photo."""
    sessions = tmp_path / "sessions"
    store = SessionStore(sessions)
    loaded = store.create_workshop(Workshop(title="Mortgage", language="en"))
    desk, wait = RouteStep(name="Branch desk"), RouteStep(name="Waiting area")
    walker = Observer(name="Sam")
    store.add(
        loaded,
        GembaWalk(
            id="gemba-branch",
            title="Branch walk",
            date=DAY,
            observers=[walker],
            route=[desk, wait],
            observations=[
                Observation(id="obs-queue", text="Queue at the desk", at=at("07:48"), step=desk.id),
                Observation(id="obs-form", text="Form asks twice", at=at("07:52"), step=desk.id),
                Observation(id="obs-wait", text="Nobody says how long", at=at("08:30"), step=wait.id),
                Observation(id="obs-untimed", text="Leaflets out of date", step=wait.id),
            ],
        ),
    )
    photos = tmp_path / "camera"
    photos.mkdir()
    (photos / "IMG_0001.jpg").write_bytes(jpeg(at("07:49:10")))
    (photos / "IMG 0002.JPEG").write_bytes(jpeg(at("08:31:00"), order=">"))
    (photos / "screen.png").write_bytes(PNG_1PX)
    stamp = at("07:53:00").timestamp()  # the test machine's zone is pinned below by TZ
    os.utime(photos / "screen.png", (stamp, stamp))
    (photos / "late.jpg").write_bytes(jpeg(at("12:00:00")))
    (photos / "big.jpg").write_bytes(jpeg(at("08:29:00"), pad=500 * 1024))
    (photos / "notes.txt").write_text("not a photo")
    return sessions, loaded.folder, photos


@pytest.fixture(autouse=True)
def _amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Photo file times are local times: pin the zone here and in the subprocesses."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_dry_run_shows_the_matches_and_changes_nothing(walk_folder: tuple[Path, Path, Path]) -> None:
    sessions, workshop, photos = walk_folder
    before = _tree(workshop)
    result = run("--sessions", str(sessions), "photos", "branch", str(photos), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert _tree(workshop) == before
    lines = result.stdout.splitlines()
    assert lines[0] == "Branch walk (mortgage/gemba-branch-walk.toml); photos within 10 min of an observation"

    def line_of(name: str) -> str:
        return next(line for line in lines if line.strip().startswith(name))

    assert "(exif) → 2026-10-14 07:48:00 +1 min 10 s  Branch desk: Queue at the desk" in line_of(
        "IMG_0001.jpg"
    )
    assert "[photos/gemba-branch-walk/img-0001.jpg]" in line_of("IMG_0001.jpg")
    assert "→ 2026-10-14 08:30:00 +1 min 0 s  Waiting area: Nobody says how long" in line_of("IMG 0002.JPEG")
    assert "[photos/gemba-branch-walk/img-0002.jpg]" in line_of("IMG 0002.JPEG")
    assert "2026-10-14 07:53:00 (file) → 2026-10-14 07:52:00 +1 min 0 s" in line_of("screen.png")
    assert "unmatched: nearest observation +3 h 30 min away" in line_of("late.jpg")
    assert "not photos, left alone: notes.txt" in result.stdout
    assert (
        lines[-1] == "dry run: 4 photo(s) would be attached, 0 already attached, 1 unmatched; nothing changed"
    )


def test_attach_copies_saves_and_a_second_run_changes_nothing(walk_folder: tuple[Path, Path, Path]) -> None:
    sessions, workshop, photos = walk_folder
    result = run("--sessions", str(sessions), "photos", "Branch walk", str(photos), "--window", "5")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "4 photo(s) attached, 0 already attached, 1 unmatched; saved gemba-branch-walk.toml"
    )
    data = tomllib.loads((workshop / "gemba-branch-walk.toml").read_text(encoding="utf-8"))
    by_id = {o["id"]: o.get("photos", []) for o in data["observations"]}
    assert by_id == {
        "obs-queue": ["photos/gemba-branch-walk/img-0001.jpg"],
        "obs-form": ["photos/gemba-branch-walk/screen.png"],
        "obs-wait": ["photos/gemba-branch-walk/img-0002.jpg", "photos/gemba-branch-walk/big.jpg"],
        "obs-untimed": [],
    }
    copied = workshop / "photos" / "gemba-branch-walk"
    assert sorted(p.name for p in copied.iterdir()) == [
        "big.jpg",
        "img-0001.jpg",
        "img-0002.jpg",
        "screen.png",
    ]
    assert (copied / "img-0002.jpg").read_bytes() == (photos / "IMG 0002.JPEG").read_bytes()
    assert run("--sessions", str(sessions), "validate").returncode == 0

    before = _tree(workshop)
    again = run("--sessions", str(sessions), "photos", "gemba-branch-walk", str(photos), "--window", "5")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1] == "0 photo(s) attached, 4 already attached, 1 unmatched"
    assert _tree(workshop) == before

    # another photo of the same name is not the same photo: it gets a name of its own
    other = photos.parent / "camera2"
    other.mkdir()
    (other / "img_0001.jpg").write_bytes(jpeg(at("07:52:30")))
    third = run("--sessions", str(sessions), "photos", "branch", str(other))
    assert third.returncode == 0, third.stderr
    assert (copied / "img-0001-2.jpg").read_bytes() == (other / "img_0001.jpg").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["photos", "nowhere", "."], 'sessions: no gemba walk "nowhere"; `workshop show` lists the walks'),
        (["photos", "branch", "/no/such/folder"], "/no/such/folder: no such folder of photos"),
        (["photos", "branch", ".", "--window", "0"], "--window: 0 minutes; expected more than 0"),
    ],
)
def test_a_missing_walk_or_folder_is_one_line_and_exit_2(
    walk_folder: tuple[Path, Path, Path], args: list[str], message: str
) -> None:
    sessions, _, _ = walk_folder
    result = run("--sessions", str(sessions), *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr


# -- the report ---------------------------------------------------------------------------


def test_the_report_shows_thumbnails_inline_and_links_them_in_markdown(
    walk_folder: tuple[Path, Path, Path],
) -> None:
    sessions, workshop, photos = walk_folder
    assert run("--sessions", str(sessions), "photos", "branch", str(photos)).returncode == 0
    result = run("--sessions", str(sessions), "report", "mortgage", "--format", "html,md")
    assert result.returncode == 0, result.stderr
    html = (workshop / "report" / "journey-mortgage.html").read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]*)"', html)
    assert len(images) == 3
    assert all(src.startswith(("data:image/jpeg;base64,", "data:image/png;base64,")) for src in images)
    assert "Photo left out: 500 KB is over 400 KB; the file is photos/gemba-branch-walk/big.jpg" in html
    assert '<h4 id="photos-gemba-branch">Photos (4)</h4>' in html
    assert not re.search(r'(src|href)="(?!#|data:)', html), "no request may leave the file"
    markdown = (workshop / "report" / "journey-mortgage.md").read_text(encoding="utf-8")
    assert "- [Branch desk: Queue at the desk](../photos/gemba-branch-walk/img-0001.jpg)" in markdown
    assert "- [Waiting area: Nobody says how long](../photos/gemba-branch-walk/big.jpg)" in markdown


def test_a_photo_that_is_not_an_image_or_is_missing_stays_out(walk_folder: tuple[Path, Path, Path]) -> None:
    sessions, workshop, photos = walk_folder
    assert run("--sessions", str(sessions), "photos", "branch", str(photos)).returncode == 0
    copied = workshop / "photos" / "gemba-branch-walk"
    (copied / "screen.png").write_bytes(
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    (copied / "img-0002.jpg").unlink()
    result = run(
        "--sessions", str(sessions), "report", "mortgage", "--format", "html", "--out", str(workshop / "out")
    )
    assert result.returncode == 0, result.stderr
    html = (workshop / "out" / "journey-mortgage.html").read_text(encoding="utf-8")
    assert "Photo left out: not a JPEG, PNG, GIF or WebP (photos/gemba-branch-walk/screen.png)" in html
    assert "Photo missing: photos/gemba-branch-walk/img-0002.jpg" in html
    assert "<script" not in html and "image/svg" not in html
    assert len(re.findall(r'<img src="data:image/jpeg;base64,', html)) == 1


def test_a_photo_of_another_note_taker_s_observation_is_saved_in_their_log(
    walk_folder: tuple[Path, Path, Path],
) -> None:
    sessions, workshop, photos = walk_folder
    store = SessionStore(sessions)
    loaded = store.load("mortgage")
    walk = loaded.bundle.walks[0]
    log = store.log_as(loaded, walk, "Kim")
    walk.observations.append(Observation(id="obs-kim", text="Kim sees a long queue", at=at("11:58")))
    store.save(loaded, walk)
    walk_bytes = (workshop / "gemba-branch-walk.toml").read_bytes()
    for name in ("IMG_0001.jpg", "IMG 0002.JPEG", "screen.png", "big.jpg"):
        (photos / name).unlink()
    result = run("--sessions", str(sessions), "photos", "branch", str(photos))
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.splitlines()[-1]
        == "1 photo(s) attached, 0 already attached, 0 unmatched; saved " + log.name
    )
    assert (workshop / "gemba-branch-walk.toml").read_bytes() == walk_bytes
    (kim,) = tomllib.loads(log.read_text(encoding="utf-8"))["observations"]
    assert kim["photos"] == ["photos/gemba-branch-walk/late.jpg"]


def test_photos_over_the_total_cap_are_left_out_in_log_order(walk_folder: tuple[Path, Path, Path]) -> None:
    from workshop.report import compile_journey
    from workshop.report.photos import walk_photos

    sessions, workshop, photos = walk_folder
    (photos / "big.jpg").unlink()
    assert run("--sessions", str(sessions), "photos", "branch", str(photos)).returncode == 0
    loaded = SessionStore(sessions).load("mortgage")
    assert loaded.bundle is not None
    journey = compile_journey(loaded.bundle)
    one_jpeg = len(jpeg(at("07:49:10")))
    shots = walk_photos(journey, loaded, workshop / "report", cap=10_000, total_cap=one_jpeg + len(PNG_1PX))
    shown = [(shot.note, bool(shot.photo.data_uri)) for shot in shots["gemba-branch"]]
    assert shown == [("obs-queue", True), ("obs-form", True), ("obs-wait", False)]
    assert shots["gemba-branch"][2].photo.left_out.startswith("Photo left out: over ")
    assert shots["gemba-branch"][0].photo.link == "../photos/gemba-branch-walk/img-0001.jpg"
