"""The synthesis of the shipped example in the app: two themes from notes, three voters, reveal
with a tie, impact × effort, an opportunity and an owned action step, all found on disk."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import tomli_w
from textual.widgets import Input, OptionList

from workshop.model.synthesis import tally
from workshop.store import SessionStore
from workshop.tui.screens.synthesis import SynthesisScreen

from .conftest import SIZE, make_app, sync
from .pilot import settle, shows, type_text, wait_until

EXAMPLE = Path(__file__).parents[2] / "sessions" / "polikliniek-orthopedie"


def copy_example(tmp_path: Path) -> Path:
    """The example workshop without any synthesis it may ship with: this test builds its own."""
    root = tmp_path / "sessions"
    folder = root / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    for made in [*folder.glob("synthesis*.toml"), *folder.glob("votes-*.toml")]:
        made.unlink()
    # The shipped actions that answer its opportunities or themes go with them.
    workshop_file = folder / "workshop.toml"
    workshop = tomllib.loads(workshop_file.read_text(encoding="utf-8"))
    workshop["actions"] = [
        action
        for action in workshop.get("actions", [])
        if not any(source.startswith(("opp-", "theme-")) for source in action.get("sources", []))
    ]
    workshop_file.write_text(tomli_w.dumps(workshop), encoding="utf-8")
    return root


async def answer(pilot, text: str) -> None:
    """Type into the prompt that is open and press Enter."""
    await wait_until(pilot, lambda: shows(pilot.app, "TextPromptScreen"))
    field = pilot.app.screen.query_one("#value", Input)
    field.value = ""
    await type_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


@sync
async def test_a_full_synthesis_of_the_example(tmp_path: Path, apps) -> None:
    root = copy_example(tmp_path)
    app = make_app(root)
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "s")
        await wait_until(pilot, lambda: shows(app, "SynthesisScreen"))
        screen = app.screen
        assert isinstance(screen, SynthesisScreen)
        evidence = screen.query_one("#evidence", OptionList)
        methods = {note.method for note in screen.evidence}
        assert methods == {"empathy", "arena", "gemba"}, "every method's notes are in one list"
        assert evidence.option_count == len(screen.evidence)

        # the filter: only the walk's observations
        screen.query_one("#syn-filter", Input).value = "method:gemba"
        await settle(pilot)
        gemba = [n for n in screen.evidence if n.method == "gemba"]
        assert evidence.option_count == len(gemba) < len(screen.evidence)
        screen.query_one("#syn-filter", Input).value = ""
        await settle(pilot)
        evidence.focus()
        evidence.highlighted = 0

        # two themes: two notes, then two others
        await press(pilot, "space", "down", "space", "t")
        await answer(pilot, "Wachten zonder uitleg")
        await press(pilot, "down", "space", "down", "space", "t")
        await answer(pilot, "Zoeken naar de weg")
        synthesis = screen.synthesis
        assert [t.name for t in synthesis.themes] == ["Wachten zonder uitleg", "Zoeken naar de weg"]
        first, second = synthesis.themes
        ids = [n.id for n in screen.evidence]
        assert first.notes == ids[0:2] and second.notes == ids[2:4]

        # three voters, one terminal passed around: 2 votes each for both themes, a tie
        themes = screen.query_one("#themes", OptionList)
        themes.focus()
        themes.highlighted = 0
        await press(pilot, "w")
        await answer(pilot, "Anna")
        await press(pilot, "v")
        assert "jouw stippen: 1" in str(themes.get_option_at_index(0).prompt)  # Anna sees her own dot
        await press(pilot, "n")
        await answer(pilot, "Bram")
        assert "stemmen" not in str(themes.get_option_at_index(0).prompt), "hidden until revealed"
        await press(pilot, "down", "v", "n")
        await answer(pilot, "Chris")
        await press(pilot, "v", "up", "v")
        assert not synthesis.revealed
        await press(pilot, "f8")
        assert synthesis.revealed
        rows = tally(synthesis, app_bench(screen).bundle.ballots)
        assert [(r.votes, r.rank, r.tied) for r in rows] == [(2, 1, True), (2, 1, True)]
        assert "(gelijk)" in str(themes.get_option_at_index(0).prompt)

        # impact 4 and effort 1: a quick win, shown in the matrix
        themes.highlighted = 0
        highlighted = screen._theme()
        assert highlighted is not None
        await press(pilot, "i", "4", "e", "1", "x")
        assert (highlighted.impact, highlighted.effort) == (4, 1)
        assert f"★ snelle winst: {highlighted.name}" in str(screen.query_one("#matrix").content)
        await press(pilot, "x")

        # an opportunity, and an action step with owner and due date
        await press(pilot, "o")
        await answer(pilot, "Hoe kunnen we de wachttijd vooraf uitleggen")
        await press(pilot, "a")
        await answer(pilot, "Petra Smit; 2026-12-15")
        assert app_bench(screen).save_now()

    folder = root / EXAMPLE.name
    stored = tomllib.loads((folder / "synthesis.toml").read_text(encoding="utf-8"))
    assert stored["revealed"] is True
    assert [t["name"] for t in stored["themes"]] == ["Wachten zonder uitleg", "Zoeken naar de weg"]
    placed = next(t for t in stored["themes"] if t["id"] == highlighted.id)
    assert (placed["impact"], placed["effort"]) == (4, 1)
    (opportunity,) = stored["opportunities"]
    assert opportunity["text"] == "Hoe kunnen we de wachttijd vooraf uitleggen"
    assert opportunity["themes"] == [highlighted.id]
    ballots = sorted(folder.glob("votes-*.toml"))
    assert len(ballots) == 3
    votes = [tomllib.loads(p.read_text(encoding="utf-8")) for p in ballots]
    assert sorted(b["voter"] for b in votes) == ["Anna", "Bram", "Chris"]
    assert sum(len(b["votes"]) for b in votes) == 4
    workshop = tomllib.loads((folder / "workshop.toml").read_text(encoding="utf-8"))
    action = workshop["actions"][-1]
    assert action["owner"] == "Petra Smit" and str(action["due"]) == "2026-12-15"
    assert action["sources"] == [opportunity["id"]]

    reopened = SessionStore(root).load(EXAMPLE.name)
    assert reopened.bundle is not None and not reopened.problems
    assert reopened.bundle.check_references() == []
    assert reopened.bundle.synthesis is not None
    assert len(reopened.bundle.synthesis.themes) == 2


def app_bench(screen: SynthesisScreen):
    return screen.bench


@sync
async def test_theme_from_tags_rename_split_merge_delete_and_dots_run_out(tmp_path: Path, apps) -> None:
    root = copy_example(tmp_path)
    app = make_app(root, "en")
    apps.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "s")
        await wait_until(pilot, lambda: shows(app, "SynthesisScreen"))
        screen = app.screen
        assert isinstance(screen, SynthesisScreen)
        synthesis = screen.synthesis

        # a starting theme from a tag that several notes share (never from words of the text)
        await press(pilot, "g")
        await wait_until(pilot, lambda: shows(app, "PickScreen"))
        picked = app.screen.options[0][0]
        await press(pilot, "1")
        (theme,) = synthesis.themes
        assert theme.name == picked and len(theme.notes) >= 2
        assert all(picked in n.tags for n in screen.evidence if n.id in theme.notes)

        themes = screen.query_one("#themes", OptionList)
        themes.focus()
        themes.highlighted = 0
        await press(pilot, "r")
        await answer(pilot, "Renamed")
        await press(pilot, "b")
        await answer(pilot, "Why it matters")
        assert (theme.name, theme.description) == ("Renamed", "Why it matters")

        # split the first note off into a theme of its own, then merge it back
        moving = theme.notes[0]
        screen.selected = {moving}
        await press(pilot, "l")
        await answer(pilot, "Split off")
        assert [t.name for t in synthesis.themes] == ["Renamed", "Split off"]
        assert synthesis.themes[1].notes == [moving] and moving not in theme.notes
        themes.highlighted = 0
        await press(pilot, "m")
        await wait_until(pilot, lambda: shows(app, "PickScreen"))
        await press(pilot, "1")
        assert [t.name for t in synthesis.themes] == ["Renamed"] and moving in theme.notes

        # out of a theme, from the evidence list
        evidence = screen.query_one("#evidence", OptionList)
        evidence.focus()
        evidence.highlighted = next(i for i, n in enumerate(screen._shown()) if n.id == moving)
        await press(pilot, "k")
        assert synthesis.theme_of(moving) is None

        # dots run out at votes_each; shift+v takes one back
        synthesis.votes_each = 2
        themes.focus()
        themes.highlighted = 0
        await press(pilot, "w")
        await answer(pilot, "Dana")
        await press(pilot, "v", "v", "v")
        ballot = screen.bench.ballot("dana")
        assert len(ballot.votes) == 2
        await press(pilot, "V")
        assert len(ballot.votes) == 1

        await press(pilot, "d")
        await wait_until(pilot, lambda: shows(app, "ConfirmScreen"))
        await press(pilot, "y")
        assert synthesis.themes == []
        assert screen.bench.save_now()

    stored = tomllib.loads((root / EXAMPLE.name / "synthesis.toml").read_text(encoding="utf-8"))
    assert stored.get("themes", []) == []
