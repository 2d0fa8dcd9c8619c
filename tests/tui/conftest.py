"""A small workshop with fixed ids and texts, so screens and snapshots are deterministic."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import os
import subprocess
import sys
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from workshop.model import (
    ArenaNote,
    Customer,
    CustomerArena,
    EmpathyItem,
    EmpathyMap,
    GembaWalk,
    Observation,
    Observer,
    Persona,
    RouteStep,
    Staff,
    Workshop,
    default_rounds,
)
from workshop.store import SessionStore
from workshop.tui.app import WorkshopApp

SIZE = (100, 32)


def build_workshop(root: Path, language: str = "nl") -> Path:
    """Write the test workshop into root/<slug>/ and return its folder."""
    store = SessionStore(root)
    nl = language == "nl"
    workshop = Workshop(
        id="ws-test",
        title="Polikliniek knie" if nl else "Knee clinic",
        goal="Een eerste bezoek in 75 minuten." if nl else "A first visit in 75 minutes.",
        product="Polikliniek orthopedie" if nl else "Orthopaedic outpatient clinic",
        language=language,
        phase_model="five-stage",
    )
    loaded = store.create_workshop(workshop)
    anna = Persona(
        id="persona-anna",
        name="Anna de Vries",
        segment="Werkende patiënt" if nl else "Working patient",
        quote="Ik wil gewoon weten waar ik aan toe ben." if nl else "I just want to know where I stand.",
        goals=["Snel weer sporten"] if nl else ["Back to sports soon"],
        frustrations=["Lang wachten zonder uitleg"] if nl else ["Long waits without a word"],
        channels=["App", "Telefoon"] if nl else ["App", "Phone"],
    )
    riet = Persona(id="persona-riet", name="Riet Hoogendoorn", segment="74")
    store.add(loaded, anna)
    store.add(loaded, riet)
    texts = {
        "says": "Waar moet ik me melden?" if nl else "Where do I check in?",
        "does": "Belt drie keer" if nl else "Calls three times",
        "thinks": "Ze zijn me vergeten" if nl else "They forgot me",
        "feels": "Onzeker" if nl else "Unsure",
        "pains": "Wachten zonder uitleg" if nl else "Waiting without a word",
        "gains": "Eén vast aanspreekpunt" if nl else "One contact person",
    }
    emap = EmpathyMap(
        id="empathy-anna",
        title="Empathiekaart Anna" if nl else "Empathy map Anna",
        persona="persona-anna",
        goal="Weten of haar knie geopereerd moet worden." if nl else "Know whether her knee needs surgery.",
        date=dt.date(2026, 10, 14),
        items=[
            EmpathyItem(id=f"item-{section}", section=section, text=text, phase="purchase")
            for section, text in texts.items()
        ],
    )
    emap.items[0].valence = "pain"
    emap.items.append(EmpathyItem(id="item-says-2", section="says", text="Dank je wel!", valence="gain"))
    store.add(loaded, emap)
    rounds = default_rounds(language)  # type: ignore[arg-type]
    rounds[0].notes.append(
        ArenaNote(
            id="note-1",
            text="Ik moest drie keer bellen" if nl else "I had to call three times",
            speaker="cust-1",
            sentiment=-2,
            quote=True,
            phase="purchase",
        )
    )
    store.add(
        loaded,
        CustomerArena(
            id="arena-1",
            title="Klantarena" if nl else "Customer arena",
            themes=["Afspraak maken", "Wachten"] if nl else ["Booking", "Waiting"],
            inner=[
                Customer(id="cust-1", alias="Mevrouw B.", consent=True),
                Customer(id="cust-2", alias="Meneer D."),
            ],
            outer=[
                Staff(id="staff-1", name="Petra", role="balie"),
                Staff(id="staff-2", name="Mark", role="orthopeed"),
            ],
            rounds=rounds,
        ),
    )
    store.add(
        loaded,
        GembaWalk(
            id="gemba-1",
            title="Knieroute",
            observers=[
                Observer(id="obsr-1", name="Gerard", role="patiëntenraad" if nl else "patient council")
            ],
            route=[
                RouteStep(id="step-balie", name="Balie" if nl else "Desk", phase="purchase"),
                RouteStep(id="step-wacht", name="Wachtkamer" if nl else "Waiting room", phase="retention"),
            ],
            observations=[
                Observation(
                    id="obs-1",
                    text="Rij bij de balie",
                    at=dt.datetime(2026, 10, 14, 8, 5),
                    step="step-balie",
                    observer="obsr-1",
                    kind="pain",
                    waste=["waiting"],
                    severity=3,
                    wait_minutes=6,
                )
            ],
        ),
    )
    return loaded.folder


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text cursor does not blink in tests: a blink is a timer, and on a loaded machine a
    snapshot taken 0.5 s later than usual caught the cursor off (the flaky empathy_map-nl).
    With blinking off the cursor shows whenever the field has focus, as in the snapshots."""
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture
def sessions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A sessions folder with the test workshop; the working directory is tmp_path, so the
    folder shows as a short relative path on screen."""
    monkeypatch.chdir(tmp_path)
    root = Path("sessions")
    build_workshop(root)
    return root


def make_app(sessions: Path, language: str = "nl", **kwargs: object) -> WorkshopApp:
    options: dict[str, object] = {"watch_seconds": 0, "debounce": 0.02}
    options.update(kwargs)
    return WorkshopApp(sessions, language, **options)  # type: ignore[arg-type]


@pytest.fixture
def apps() -> Iterator[list[WorkshopApp]]:
    """Apps made by a test; their autosavers are closed afterwards."""
    made: list[WorkshopApp] = []
    yield made
    for app in made:
        if app.autosaver is not None:
            app.autosaver.close(timeout=2)


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test without an asyncio plugin for pytest (none is a dependency)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@contextlib.contextmanager
def held_elsewhere(document: Path) -> Iterator[int]:
    """Another process that has `document` open (its presence lock), until the block ends;
    yields its pid."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from workshop.store.presence import Presence;"
            f"p = Presence(Path({str(document.resolve())!r})); assert p.claim() is None;"
            "print('ok', flush=True);"
            "sys.stdin.readline(); p.release()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        yield holder.pid
    finally:
        holder.communicate("\n", timeout=30)
