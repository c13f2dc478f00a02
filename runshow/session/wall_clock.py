"""Noticing that the machine's clock was stepped (NTP, a manual change) mid-show.

The live show runs on a :class:`~runshow.live.clock.TimelineClock`: show time is
monotonic, so a step of the system clock cannot bend a stamp, a remaining time or
a drift. :class:`WallClockWatch` polls it at every tick of the controller; a step
larger than a second becomes the clock's ``pending_step`` and is logged and told
to :attr:`WallClockWatch.on_step` listeners (the control room shows "the system
clock jumped +1:00:00 at 14:05:12" and asks: keep show time, or follow the new
wall time). Until the operator answers, the show keeps its own time. Accepting
re-anchors the timeline and notifies the clock's listeners, so alerts re-plan.

A plain :class:`~runshow.live.clock.SystemClock` (steps and all) is still watched
the old way: between two ticks the wall should advance as much as the monotonic
clock does; if they disagree by more than :data:`STEP_THRESHOLD_S`, every listener
is told (``notify_changed``) so alerts are re-planned against the new time instead
of firing a burst of stale ones.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from runshow.live.clock import STEP_THRESHOLD_S as TIMELINE_STEP_S
from runshow.live.clock import Clock, ClockStep, SystemClock, TimelineClock

log = logging.getLogger(__name__)

STEP_THRESHOLD_S = 2.0  # a SystemClock: NTP slews smaller corrections; anything bigger is a step

__all__ = ["STEP_THRESHOLD_S", "TIMELINE_STEP_S", "WallClockWatch"]


class WallClockWatch:
    """Checks the live clock for wall-clock steps at each tick of the controller."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.monotonic = monotonic
        self._clock: Clock | None = None
        self._last: tuple[datetime, float] | None = None
        self.steps = 0  # how many steps were noticed (for the log and tests)
        self.last_step: ClockStep | None = None
        self.on_step: list[Callable[[ClockStep], None]] = []  # told of each new step on a TimelineClock

    def check(self, clock: Clock) -> bool:
        """True if the wall was stepped since the last check.

        On a :class:`TimelineClock` the step is left pending on the clock (show time unchanged)
        and told to :attr:`on_step`; on a :class:`SystemClock` the clock's listeners are notified.
        """
        if isinstance(clock, TimelineClock):
            self._clock, self._last = clock, None
            step = clock.poll()
            if step is None:
                return False
            self.steps += 1
            self.last_step = step
            log.warning("%s; show time kept until the operator decides", step.describe())
            for listener in list(self.on_step):
                listener(step)
            return True
        if not isinstance(clock, SystemClock):
            self._clock, self._last = clock, None
            return False
        now, mono = clock.now(), self.monotonic()
        last = self._last if clock is self._clock else None
        self._clock, self._last = clock, (now, mono)
        if last is None:
            return False
        drift = (now - last[0]).total_seconds() - (mono - last[1])
        if abs(drift) <= STEP_THRESHOLD_S:
            return False
        self.steps += 1
        log.warning("the system clock was stepped by %+.1f s; re-planning", drift)
        clock.notify_changed()
        return True
