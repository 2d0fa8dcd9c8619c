"""Deleting a note that an action cites: the workbench finds the actions and takes the reference
out (and puts it back on undo), so no file on disk ever points at nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from workshop.model import Vote
from workshop.workbench import Shelf

EXAMPLE = Path(__file__).resolve().parents[2] / "sessions" / "polikliniek-orthopedie"


def open_copy(tmp_path: Path) -> tuple[Shelf, str]:
    shutil.copytree(EXAMPLE, tmp_path / EXAMPLE.name)
    return Shelf(tmp_path, debounce=0.0), EXAMPLE.name


def source_problems(shelf: Shelf, slug: str) -> list[str]:
    bundle = shelf.open(slug).bundle
    return [p.message for p in bundle.check_references() if ".sources." in p.field]


def test_uncite_takes_a_deleted_note_out_of_every_action_and_recite_puts_it_back(tmp_path: Path) -> None:
    shelf, slug = open_copy(tmp_path)
    bench = shelf.open(slug)
    actions = [
        a for d in bench.documents() for a in getattr(d, "actions", []) + getattr(d, "commitments", [])
    ]
    cited = next(source for action in actions for source in action.sources)
    citing = bench.citing(cited)
    assert citing, "the example has an action with a source"

    dropped = bench.uncite(cited)
    assert [c.holder for c in dropped] == citing
    assert bench.citing(cited) == []
    assert bench.save_now()
    again = Shelf(tmp_path).open(slug)
    assert again.citing(cited) == []

    bench.recite(dropped)
    assert bench.citing(cited) == citing
    assert bench.save_now()
    assert [a.id for a in Shelf(tmp_path).open(slug).citing(cited)] == [a.id for a in citing]
    assert source_problems(shelf, slug) == []
    shelf.close()


def test_synthesis_and_ballots_are_files_of_the_workshop_and_a_deleted_note_leaves_its_theme(
    tmp_path: Path,
) -> None:
    shelf, slug = open_copy(tmp_path)
    bench = shelf.open(slug)
    walk = bench.bundle.walks[0]
    first, second = walk.observations[0].id, walk.observations[1].id
    voters = len(bench.bundle.ballots)  # the example ships three ballots
    synthesis = bench.synthesis()
    theme = synthesis.add_theme("Wachten", [first, second])
    bench.update(synthesis)
    bench.ballot("Petra").votes.append(Vote(target=theme.id))
    bench.update(bench.ballot("petra"))
    assert len(bench.bundle.ballots) == voters + 1 == 4
    dropped = bench.uncite(first)
    assert theme.notes == [second]
    assert bench.save_now()
    assert (tmp_path / slug / "synthesis.toml").is_file()
    assert (tmp_path / slug / "votes-petra.toml").is_file()

    again = Shelf(tmp_path).open(slug)
    assert again.loaded.problems == []
    assert again.bundle.synthesis is not None
    (stored,) = [t for t in again.bundle.synthesis.themes if t.id == theme.id]
    assert stored.notes == [second]
    (petra,) = [b for b in again.bundle.ballots if b.voter == "Petra"]
    assert [v.target for v in petra.votes] == [theme.id]
    bench.recite(dropped)
    assert theme.notes == [first, second]
    shelf.close()
