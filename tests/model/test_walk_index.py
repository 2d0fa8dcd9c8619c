from __future__ import annotations

from itertools import islice

from workshop.model import GembaWalk, Observation, RouteStep
from workshop.model.walk_index import LogFilter, WalkIndex, newest_first, step_after


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
    assert [o.id for o in newest_first(walk.observations, LogFilter())] == ["o3", "o2", "o1"]
    assert [o.id for o in newest_first(walk.observations, LogFilter(step="s2", kind="pain"))] == ["o2"]
    assert [o.id for o in newest_first(walk.observations, LogFilter(waste="waiting"))] == ["o2", "o1"]
    assert not LogFilter().active and LogFilter(observer="x").active
    many = [Observation(text=str(n)) for n in range(10_000)]
    assert [o.text for o in islice(newest_first(many, LogFilter()), 3)] == ["9999", "9998", "9997"]


def test_step_navigation_stays_on_the_route() -> None:
    steps = ["a", "b", "c"]
    assert step_after(steps, "a", +1) == "b"
    assert step_after(steps, "c", +1) == "c"
    assert step_after(steps, "a", -1) == "a"
    assert step_after(steps, None, +1) == "a"
    assert step_after([], None, +1) is None
