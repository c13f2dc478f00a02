"""The one source of "now".

Everything in runshow that needs the time asks a :class:`Clock`. The live show
uses :class:`TimelineClock` (a monotonic timeline anchored to the wall clock, so
a step of the system clock cannot bend it); rehearsal swaps in
:class:`RehearsalClock`; tests step a :class:`ManualClock` by hand. Because nothing else reads the time, the
same engine, planner and windows serve all three.

A clock also says how fast it runs against real time (``rate``), so timers on
the Qt side can turn "wake me at show instant T" into a real delay, and it
notifies listeners when it jumps, changes speed or pauses, so alerts can be
re-planned.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
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


def wall_now() -> datetime:
    """The machine's wall clock, read here and nowhere else."""
    return datetime.now(UTC)


class SystemClock(_Notifier):
    """The machine's wall clock as it is, steps and all (the live show uses :class:`TimelineClock`)."""

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


# ── the live show's timeline ──────────────────────────────────────────────
STEP_THRESHOLD_S = 1.0  # a wall clock that disagrees with the timeline by more than this was stepped
SLEW_RATE = 0.0005  # smaller disagreements are taken in at most 0.5 ms per second (as NTP slews)


def format_offset(delta: timedelta) -> str:
    """``+1:00:00``, ``-0:00:02``, ``+24:00:00``: a signed duration to the second (rounded half away)."""
    micros = round(delta.total_seconds() * 1_000_000)
    sign = "-" if micros < 0 else "+"
    seconds = (abs(micros) + 500_000) // 1_000_000
    return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@dataclass(frozen=True, slots=True)
class ClockStep:
    """The system clock jumped: by ``size`` (positive: the wall is now ahead of show time),
    noticed at show time ``at`` (the instant the operator knows), when the wall read ``wall``."""

    size: timedelta
    at: datetime
    wall: datetime

    code = "clock-step"

    def params(self, tz: tzinfo | None = None) -> dict[str, str]:
        """``size`` as ``+1:00:00`` and ``at``/``wall`` as ``HH:MM:SS`` in ``tz`` (the event's)."""
        at, wall = (self.at.astimezone(tz), self.wall.astimezone(tz)) if tz else (self.at, self.wall)
        return {"size": format_offset(self.size), "at": f"{at:%H:%M:%S}", "wall": f"{wall:%H:%M:%S}"}

    def describe(self, tz: tzinfo | None = None) -> str:
        """English: "the system clock jumped +1:00:00 at 14:05:12"."""
        p = self.params(tz)
        return f"the system clock jumped {p['size']} at {p['at']}"


StepListener = Callable[[ClockStep | None], None]


class TimelineClock(_Notifier):
    """Show time on a monotonic timeline, anchored to the wall clock when the show opens.

    ``now()`` is always the anchor plus monotonic time elapsed: a step of the system clock
    (NTP, a person, a laptop waking up) never moves it, so no stamp, remaining time or drift
    is computed from a wall the show has not accepted. :meth:`poll` (the session calls it at
    every tick) compares the wall with the timeline:

    - within :data:`STEP_THRESHOLD_S`: the small difference is taken in slowly (at most
      :data:`SLEW_RATE` of the time elapsed, so show time never runs backwards);
    - beyond it: a :class:`ClockStep` is returned, kept in :attr:`pending_step` and given to
      the step listeners, and show time goes on unchanged until the operator decides:
      :meth:`accept_step` re-anchors the timeline to the new wall time (a jump: clock listeners
      are notified, so alerts re-plan) or :meth:`keep_show_time` stays on the timeline and
      remembers the wall's offset (a later step beyond that offset is reported anew). A wall
      that comes back by itself clears the pending step.
    """

    rate = 1.0

    def __init__(
        self,
        wall: Callable[[], datetime] = wall_now,
        monotonic: Callable[[], float] = time.monotonic,
        threshold_s: float = STEP_THRESHOLD_S,
    ) -> None:
        super().__init__()
        self._wall = wall
        self._mono = monotonic
        self.threshold_s = threshold_s
        start = wall()
        if start.tzinfo is None:
            raise ValueError("TimelineClock needs an aware wall clock")
        self._anchor_show = start
        self._anchor_mono = monotonic()
        self._last_poll = self._anchor_mono
        self._offset_s = 0.0  # the wall's accepted offset from show time (after keep_show_time)
        self.pending_step: ClockStep | None = None
        self.steps: list[ClockStep] = []  # every step noticed, for the log and the alert history
        self._step_listeners: list[StepListener] = []

    def now(self) -> datetime:
        return self._anchor_show + timedelta(seconds=self._mono() - self._anchor_mono)

    def wall(self) -> datetime:
        """What the system clock says (never used for show time unless accepted)."""
        return self._wall()

    @property
    def wall_offset(self) -> timedelta:
        """How far the wall is from show time, as last accepted by :meth:`keep_show_time` (0 normally)."""
        return timedelta(seconds=self._offset_s)

    def subscribe_step(self, listener: StepListener) -> Callable[[], None]:
        """Call ``listener(step)`` when a step is noticed, ``listener(None)`` when it is settled."""
        self._step_listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._step_listeners:
                self._step_listeners.remove(listener)

        return unsubscribe

    def _tell(self, step: ClockStep | None) -> None:
        for listener in list(self._step_listeners):
            listener(step)

    def poll(self) -> ClockStep | None:
        """Compare the wall with the timeline; a *new* step beyond the threshold is returned."""
        mono = self._mono()
        show = self._anchor_show + timedelta(seconds=mono - self._anchor_mono)
        wall = self._wall()
        diff = (wall - show).total_seconds() - self._offset_s
        elapsed = max(0.0, mono - self._last_poll)
        self._last_poll = mono
        if abs(diff) > self.threshold_s:
            pending = self.pending_step
            if pending is not None and abs(diff - pending.size.total_seconds()) <= self.threshold_s:
                return None  # the same step, still waiting for the operator
            step = ClockStep(timedelta(seconds=diff), show, wall)
            self.pending_step = step
            self.steps.append(step)
            self._tell(step)
            return step
        if self.pending_step is not None:  # the wall came back by itself (someone corrected it)
            self.pending_step = None
            self._tell(None)
        if diff:
            limit = SLEW_RATE * elapsed
            self._anchor_show += timedelta(seconds=max(-limit, min(limit, diff)))
        return None

    def accept_step(self) -> None:
        """Follow the new wall time: show time jumps to it (listeners are told, alerts re-plan)."""
        if self.pending_step is None:
            return
        self._anchor_show = self._wall()
        self._anchor_mono = self._last_poll = self._mono()
        self._offset_s = 0.0
        self.pending_step = None
        self._tell(None)
        self._notify()

    def keep_show_time(self) -> None:
        """Stay on the show's timeline; the wall's new offset is remembered, not reported again."""
        step = self.pending_step
        if step is None:
            return
        self._offset_s += step.size.total_seconds()
        self.pending_step = None
        self._tell(None)

    def notify_changed(self) -> None:
        """For callers written for :class:`SystemClock`: nothing moved on the timeline, listeners re-plan."""
        self._notify()
