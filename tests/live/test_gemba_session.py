from __future__ import annotations

import datetime as dt

from workshop.live.gemba import GembaSession, LogFilter, NewestFirst, WalkIndex, step_after
from workshop.model import GembaWalk, Observation, RouteStep


def _walk() -> GembaWalk:
    return GembaWalk(
        title="Route",
        route=[RouteStep(id="s1", name="Aanmelden"), RouteStep(id="s2", name="Wachtkamer")],
        observations=[
            Observation(id="o1", text="a", step="s1", wait_minutes=5, waste=["waiting"]),
            Observation(
                id="o2", text="b", step="s2", wait_minutes=12.5, waste=["waiting", "motion"], kind="pain"
            ),
            Observation(id="o3", text="c", step="s2", observer=None, kind="idea"),
        ],
    )


def test_counts_and_wait_per_step_follow_adds_edits_and_deletes() -> None:
    walk = _walk()
    index = WalkIndex(walk)
    assert (index.count["s1"], index.count["s2"], index.wait["s2"], index.total_wait) == (1, 2, 12.5, 17.5)
    assert index.waste == {"waiting": 2, "motion": 1}
    new = Observation(text="d", step="s1", wait_minutes=3)
    index.add(new)
    assert (index.count["s1"], index.wait["s1"]) == (2, 8)
    edited = new.model_copy(update={"step": "s2"})
    index.replace(new, edited)
    assert (index.count["s1"], index.count["s2"], index.wait["s2"]) == (1, 3, 15.5)
    index.remove(walk.observations[1])
    assert index.waste["motion"] == 0 and index.wait["s2"] == 3


def test_filters_and_newest_first() -> None:
    walk = _walk()
    assert [o.id for o in NewestFirst(walk.observations, LogFilter())] == ["o3", "o2", "o1"]
    assert [o.id for o in NewestFirst(walk.observations, LogFilter(step="s2", kind="pain"))] == ["o2"]
    assert [o.id for o in NewestFirst(walk.observations, LogFilter(waste="waiting"))] == ["o2", "o1"]
    assert not LogFilter().active and LogFilter(observer="x").active
    many = [Observation(text=str(n)) for n in range(10_000)]
    assert [o.text for o in NewestFirst(many, LogFilter())[:3]] == ["9999", "9998", "9997"]


AT = dt.datetime(2026, 10, 14, 8, 5)


def test_a_session_logs_moves_filters_and_undoes_without_a_terminal() -> None:
    walk = _walk()
    saves: list[bool] = []
    session = GembaSession(walk, on_change=saves.append)
    assert (session.current_step, session.step_number()) == ("s1", 1)
    observation, shown = session.log(session.parse("Rij ~4m #wachten @wacht"), AT)
    assert shown and session.current_step == "s2" and saves == [True], "a logged line is saved at once"
    assert (session.index.count["s2"], session.index.wait["s2"], session.total()) == (3, 16.5, 4)
    assert session.view[0] is observation

    session.filter_by("kind", "pain")
    assert [o.id for o in session.view] == ["o2"]
    quiet, shown = session.log(session.parse("Geen pijn"), AT)
    assert not shown and len(session.view) == 1, "a filtered view only shows what matches"
    session.filter(LogFilter())

    session.delete(observation)
    assert observation not in walk.observations and observation.id in walk.deleted
    assert session.undo() == "delete"
    assert walk.observations[-2] is observation and observation.id not in walk.deleted
    assert session.undo() == "log" and quiet not in walk.observations
    assert session.redo() == "log" and walk.observations[-1] is quiet
    session.edit(quiet, "Toch pijn")
    assert session.undo() == "edit" and quiet.text == "Geen pijn"
    assert session.redo() == "edit" and quiet.text == "Toch pijn"
    assert saves[-1] is False, "only a logged line is saved at once"


def test_steps_observers_and_set_up_changes() -> None:
    walk = _walk()
    walk.observers = []
    session = GembaSession(walk)
    session.step(+1)
    session.step(+1)
    assert session.current_step == "s2"
    session.choose_observer("nobody")
    assert session.observer is None
    walk.replace_fields(
        {"route": walk.route[1:], "observations": [o for o in walk.observations if o.step != "s1"]}
    )
    session.rebuild()
    assert session.step_names == {"s2": "Wachtkamer"} and session.current_step == "s2"
    session.step(-1)
    assert session.current_step == "s2"


def test_step_navigation_stays_on_the_route() -> None:
    steps = ["a", "b", "c"]
    assert step_after(steps, "a", +1) == "b"
    assert step_after(steps, "c", +1) == "c"
    assert step_after(steps, "a", -1) == "a"
    assert step_after(steps, None, +1) == "a"
    assert step_after([], None, +1) is None
