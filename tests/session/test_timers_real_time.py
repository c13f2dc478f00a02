"""One conversion from show time to real time (flip timer, alert scheduler, notices)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from runshow.live.clock import RehearsalClock
from runshow.session.timers import real_seconds, real_seconds_until

T0 = datetime(2021, 10, 15, 4, 30, tzinfo=UTC)


def test_show_seconds_take_one_over_the_speed() -> None:
    clock = RehearsalClock(T0, 600.0)
    assert real_seconds(60, clock) == 0.1
    assert real_seconds(-5, clock) == 0.0


def test_until_an_instant_and_a_stopped_clock_never_wakes() -> None:
    clock = RehearsalClock(T0, 10.0)
    wait = real_seconds_until(clock.now() + timedelta(seconds=20), clock)
    assert wait is not None and 1.9 < wait <= 2.0
    clock.pause()
    assert real_seconds_until(clock.now() + timedelta(seconds=20), clock) is None
