"""The one source of "now".

Everything in runshow that needs the time asks a :class:`Clock`. The live show
uses :class:`SystemClock`; rehearsal swaps in :class:`RehearsalClock`; tests
step a :class:`ManualClock` by hand. Because nothing else reads the time, the
same engine, planner and windows serve all three.

A clock also says how fast it runs against real time (``rate``), so timers on
the Qt side can turn "wake me at show instant T" into a real delay, and it
notifies listeners when it jumps, changes speed or pauses, so alerts can be
re-planned.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable

Listener = Callable[[], None]


@runtime_checkable
class Clock(Protocol):
    """What the engine and the windows need of a clock."""

    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...

    @property
    def rate(self) -> float:
        """Clock seconds that pass per real second (0 when paused)."""
        ...

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` whenever the clock jumps or changes rate; returns an unsubscriber."""
        ...


class _Notifier:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()


class SystemClock(_Notifier):
    """The machine's wall clock, for the live show."""

    rate = 1.0

    def now(self) -> datetime:
        return datetime.now(UTC)

    def notify_changed(self) -> None:
        """Called by whoever detects a wall-clock step (NTP, manual change)."""
        self._notify()


class ManualClock(_Notifier):
    """A clock that moves only when a test or a script moves it."""

    def __init__(self, start: datetime, rate: float = 1.0) -> None:
        super().__init__()
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start
        self.rate = rate

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = instant
        self._notify()

    def advance(self, seconds: float = 0.0, **kwargs: float) -> datetime:
        """Step forward quietly (a normal passage of time is not a jump)."""
        self._now += timedelta(seconds=seconds, **kwargs)
        return self._now


class RehearsalClock(_Notifier):
    """Show time that starts anywhere and runs at 1×–600×, pauses and jumps.

    Built on a monotonic source so a wall-clock step on the machine cannot move
    a rehearsal.
    """

    MAX_SPEED = 600.0

    def __init__(
        self,
        start: datetime,
        speed: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        if start.tzinfo is None:
            raise ValueError("RehearsalClock needs an aware datetime")
        self._mono = monotonic
        self._check_speed(speed)
        self._speed = speed
        self._anchor_show = start
        self._anchor_mono = monotonic()
        self._paused = False

    @staticmethod
    def _check_speed(speed: float) -> None:
        if not 0 < speed <= RehearsalClock.MAX_SPEED:
            raise ValueError(f"speed must be above 0 and at most {RehearsalClock.MAX_SPEED:g}×")

    def now(self) -> datetime:
        if self._paused:
            return self._anchor_show
        return self._anchor_show + timedelta(seconds=(self._mono() - self._anchor_mono) * self._speed)

    @property
    def rate(self) -> float:
        return 0.0 if self._paused else self._speed

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def paused(self) -> bool:
        return self._paused

    def _rebase(self) -> None:
        self._anchor_show = self.now()
        self._anchor_mono = self._mono()

    def set_speed(self, speed: float) -> None:
        self._check_speed(speed)
        self._rebase()
        self._speed = speed
        self._notify()

    def pause(self) -> None:
        if not self._paused:
            self._rebase()
            self._paused = True
            self._notify()

    def resume(self) -> None:
        if self._paused:
            self._anchor_mono = self._mono()
            self._paused = False
            self._notify()

    def jump(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("jump needs an aware datetime")
        self._anchor_show = instant
        self._anchor_mono = self._mono()
        self._notify()
