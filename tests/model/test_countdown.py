from __future__ import annotations

from workshop.model.countdown import Countdown


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_counts_down_only_while_running() -> None:
    clock = FakeClock()
    timer = Countdown(20 * 60, clock)
    assert (timer.running, timer.display()) == (False, "20:00")
    clock.now += 30
    assert timer.display() == "20:00", "a stopped timer does not run"
    timer.start()
    clock.now += 61.5
    assert timer.display() == "18:59"
    timer.pause()
    clock.now += 300
    assert timer.display() == "18:59"
    timer.toggle()
    assert timer.running


def test_add_five_minutes_and_overtime_is_signalled_not_stopped() -> None:
    clock = FakeClock()
    timer = Countdown(60, clock)
    timer.start()
    clock.now += 59
    assert not timer.expired
    clock.now += 1
    assert timer.expired and timer.display() == "00:00"
    clock.now += 75
    assert timer.display() == "+01:15" and timer.running
    timer.add(5 * 60)
    assert not timer.expired and timer.display() == "03:45"


def test_restart_for_the_next_round() -> None:
    clock = FakeClock()
    timer = Countdown(60, clock)
    timer.start()
    clock.now += 100
    timer.restart(15 * 60)
    assert (timer.running, timer.display(), timer.elapsed()) == (False, "15:00", 0.0)
