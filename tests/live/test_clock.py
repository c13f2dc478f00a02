"""Clocks: the only source of "now". Rehearsal time is driven by a fake monotonic source."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from runshow.live.clock import Clock, ManualClock, RehearsalClock, SystemClock, TimelineClock, format_offset

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


# ── the live show's timeline ──────────────────────────────────────────────
class FakeWall:
    """The machine's wall clock, which a test steps as NTP or a person would; it moves with ``mono``."""

    def __init__(self, mono: FakeMonotonic, start: datetime) -> None:
        self.mono, self.base, self.at_mono, self.offset = mono, start, mono.value, timedelta(0)

    def __call__(self) -> datetime:
        return self.base + timedelta(seconds=self.mono.value - self.at_mono) + self.offset

    def step(self, delta: timedelta) -> None:
        self.offset += delta


def _timeline(mono: FakeMonotonic, start: datetime = T0) -> tuple[TimelineClock, FakeWall]:
    wall = FakeWall(mono, start)
    return TimelineClock(wall=wall, monotonic=mono), wall


def test_timeline_is_a_clock_that_follows_monotonic_time(mono: FakeMonotonic) -> None:
    clock, _ = _timeline(mono)
    assert isinstance(clock, Clock) and clock.rate == 1.0 and clock.now() == T0
    mono.step(90)
    assert clock.now() == T0 + timedelta(seconds=90)
    assert clock.poll() is None and clock.pending_step is None


def test_a_naive_wall_is_refused(mono: FakeMonotonic) -> None:
    with pytest.raises(ValueError):
        TimelineClock(wall=lambda: datetime(2021, 10, 15, 13, 30), monotonic=mono)


@pytest.mark.parametrize("size", [timedelta(hours=1), -timedelta(hours=1), timedelta(days=1), -timedelta(days=1)])
def test_a_step_is_reported_and_never_used_until_accepted(mono: FakeMonotonic, size: timedelta) -> None:
    clock, wall = _timeline(mono)
    told: list[object] = []
    notified: list[int] = []
    clock.subscribe_step(told.append)
    clock.subscribe(lambda: notified.append(1))
    mono.step(10)
    wall.step(size)
    step = clock.poll()
    assert step is not None and step.size == size and step.at == T0 + timedelta(seconds=10)
    assert clock.pending_step == step and told == [step]
    assert step.describe(UTC) == f"the system clock jumped {format_offset(size)} at 04:20:10"
    mono.step(5)
    assert clock.now() == T0 + timedelta(seconds=15)  # show time goes on, unbent
    assert clock.poll() is None and told == [step]  # the same step is told once
    clock.accept_step()
    assert clock.now() == wall() == T0 + timedelta(seconds=15) + size  # follows the new wall
    assert clock.pending_step is None and told == [step, None] and notified == [1]
    mono.step(1)
    assert clock.poll() is None


def test_keep_show_time_stays_on_the_timeline_and_a_later_step_is_reported_anew(mono: FakeMonotonic) -> None:
    clock, wall = _timeline(mono)
    wall.step(timedelta(hours=1))
    assert clock.poll() is not None
    clock.keep_show_time()
    assert clock.pending_step is None and clock.wall_offset == timedelta(hours=1)
    for _ in range(3):
        mono.step(60)
        assert clock.poll() is None  # the known offset is not a new step
    assert clock.now() == T0 + timedelta(minutes=3)
    wall.step(-timedelta(hours=1))  # someone puts the wall right
    again = clock.poll()
    assert again is not None and again.size == -timedelta(hours=1)
    clock.accept_step()
    assert clock.now() == wall() == T0 + timedelta(minutes=3)


def test_a_wall_that_comes_back_by_itself_clears_the_step(mono: FakeMonotonic) -> None:
    clock, wall = _timeline(mono)
    told: list[object] = []
    clock.subscribe_step(told.append)
    wall.step(timedelta(days=1))
    step = clock.poll()
    wall.step(-timedelta(days=1))
    mono.step(1)
    assert clock.poll() is None and clock.pending_step is None and told == [step, None]


@pytest.mark.parametrize("size", [timedelta(seconds=1), -timedelta(seconds=1), timedelta(seconds=0.4)])
def test_a_second_or_less_is_slewed_in_never_reported_and_never_backwards(mono: FakeMonotonic, size) -> None:
    clock, wall = _timeline(mono)
    wall.step(size)
    seen = [clock.now()]
    for _ in range(2200):  # at 0.5 ms per second, a second is taken in within 2,000 s
        mono.step(1)
        assert clock.poll() is None
        seen.append(clock.now())
    assert clock.pending_step is None and clock.steps == []
    assert all(b > a for a, b in itertools.pairwise(seen))  # never backwards, never still
    assert abs((wall() - clock.now()).total_seconds()) < 1e-6


def test_just_over_a_second_is_a_step(mono: FakeMonotonic) -> None:
    clock, wall = _timeline(mono)
    wall.step(-timedelta(seconds=1.5))
    step = clock.poll()
    assert step is not None and format_offset(step.size) == "-0:00:02"  # 1.5 s, shown to the second
    assert step.params(UTC) == {"size": "-0:00:02", "at": "04:20:00", "wall": "04:19:58"}


def test_offsets_are_formatted_signed_to_the_second() -> None:
    assert format_offset(timedelta(hours=1)) == "+1:00:00"
    assert format_offset(-timedelta(days=1)) == "-24:00:00"
    assert format_offset(timedelta(seconds=59.4)) == "+0:00:59"
    assert format_offset(timedelta(0)) == "+0:00:00"
