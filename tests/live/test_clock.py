"""Clocks: the only source of "now". Rehearsal time is driven by a fake monotonic source."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from runshow.live.clock import Clock, ManualClock, RehearsalClock, SystemClock

T0 = datetime(2021, 10, 15, 4, 20, tzinfo=UTC)  # 13:20 in Seoul


class FakeMonotonic:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value

    def step(self, seconds: float) -> None:
        self.value += seconds


@pytest.fixture
def mono() -> FakeMonotonic:
    return FakeMonotonic()


def test_every_clock_satisfies_the_protocol(mono: FakeMonotonic) -> None:
    for clock in (SystemClock(), ManualClock(T0), RehearsalClock(T0, monotonic=mono)):
        assert isinstance(clock, Clock)
        assert clock.now().tzinfo is not None


def test_system_clock_is_aware_and_real_time() -> None:
    clock = SystemClock()
    assert clock.rate == 1.0
    assert clock.now().utcoffset() == timedelta(0)


def test_naive_starts_are_refused(mono: FakeMonotonic) -> None:
    with pytest.raises(ValueError):
        ManualClock(datetime(2021, 10, 15, 13, 30))
    with pytest.raises(ValueError):
        RehearsalClock(datetime(2021, 10, 15, 13, 30), monotonic=mono)


def test_manual_clock_moves_only_by_hand() -> None:
    clock = ManualClock(T0)
    calls: list[int] = []
    clock.subscribe(lambda: calls.append(1))
    assert clock.now() == T0
    assert clock.advance(1.5) == T0 + timedelta(seconds=1.5)
    assert clock.advance(minutes=2) == T0 + timedelta(seconds=121.5)
    assert calls == []  # a normal passage of time is not a jump
    clock.set(T0)
    assert clock.now() == T0 and calls == [1]


def test_rehearsal_runs_at_its_speed(mono: FakeMonotonic) -> None:
    clock = RehearsalClock(T0, speed=60, monotonic=mono)
    mono.step(2)
    assert clock.now() == T0 + timedelta(minutes=2)
    assert clock.rate == 60


def test_rehearsal_speed_limits(mono: FakeMonotonic) -> None:
    for bad in (0, -1, 600.5, 10_000):
        with pytest.raises(ValueError, match="at most 600"):
            RehearsalClock(T0, speed=bad, monotonic=mono)
    clock = RehearsalClock(T0, speed=600, monotonic=mono)
    with pytest.raises(ValueError):
        clock.set_speed(601)
    assert clock.speed == 600


def test_changing_speed_keeps_the_instant_and_notifies(mono: FakeMonotonic) -> None:
    clock = RehearsalClock(T0, speed=10, monotonic=mono)
    calls: list[int] = []
    clock.subscribe(lambda: calls.append(1))
    mono.step(3)  # 30 s of show time
    clock.set_speed(1)
    assert clock.now() == T0 + timedelta(seconds=30)
    mono.step(3)
    assert clock.now() == T0 + timedelta(seconds=33)
    assert calls == [1]


def test_pause_freezes_and_resume_continues_without_a_jump(mono: FakeMonotonic) -> None:
    clock = RehearsalClock(T0, speed=2, monotonic=mono)
    calls: list[str] = []
    clock.subscribe(lambda: calls.append("changed"))
    mono.step(5)
    clock.pause()
    clock.pause()  # twice is once
    frozen = clock.now()
    assert frozen == T0 + timedelta(seconds=10)
    assert clock.paused and clock.rate == 0.0
    mono.step(100)
    assert clock.now() == frozen
    clock.resume()
    clock.resume()
    assert not clock.paused and clock.rate == 2
    mono.step(1)
    assert clock.now() == frozen + timedelta(seconds=2)
    assert calls == ["changed", "changed"]


def test_jump_goes_anywhere_and_notifies(mono: FakeMonotonic) -> None:
    clock = RehearsalClock(T0, speed=5, monotonic=mono)
    calls: list[int] = []
    unsubscribe = clock.subscribe(lambda: calls.append(1))
    target = T0 + timedelta(hours=2)
    clock.jump(target)
    assert clock.now() == target
    mono.step(1)
    assert clock.now() == target + timedelta(seconds=5)
    unsubscribe()
    unsubscribe()  # harmless twice
    clock.jump(T0)
    assert calls == [1]
    with pytest.raises(ValueError):
        clock.jump(datetime(2021, 10, 15, 13, 30))


def test_jump_while_paused_stays_paused(mono: FakeMonotonic) -> None:
    clock = RehearsalClock(T0, monotonic=mono)
    clock.pause()
    clock.jump(T0 + timedelta(minutes=10))
    mono.step(30)
    assert clock.now() == T0 + timedelta(minutes=10)
    clock.resume()
    mono.step(1)
    assert clock.now() == T0 + timedelta(minutes=10, seconds=1)


def test_a_listener_may_unsubscribe_while_being_notified(mono: FakeMonotonic) -> None:
    clock = RehearsalClock(T0, monotonic=mono)
    seen: list[str] = []
    unsubs: list[object] = []

    def once() -> None:
        seen.append("once")
        unsubs[0]()  # type: ignore[operator]

    unsubs.append(clock.subscribe(once))
    clock.subscribe(lambda: seen.append("always"))
    clock.jump(T0)
    clock.jump(T0)
    assert seen == ["once", "always", "always"]
