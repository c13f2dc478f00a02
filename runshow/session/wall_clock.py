"""Noticing that the machine's clock was stepped (NTP, a manual change) mid-show.

:class:`~runshow.live.clock.SystemClock` cannot see its own steps: it just
reads the wall. Between two ticks the wall should advance as much as the
monotonic clock does; if they disagree by more than :data:`STEP_THRESHOLD_S`,
the wall was stepped and every listener is told (``notify_changed``) so alerts
are re-planned against the new time instead of firing a burst of stale ones.
The display needs no help: it re-derives everything from ``now`` at each tick.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from runshow.live.clock import Clock, SystemClock

log = logging.getLogger(__name__)

STEP_THRESHOLD_S = 2.0  # NTP slews smaller corrections; anything bigger is a step


class WallClockWatch:
    """Compares wall-clock and monotonic progress at each tick of a :class:`SystemClock`."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.monotonic = monotonic
        self._clock: Clock | None = None
        self._last: tuple[datetime, float] | None = None
        self.steps = 0  # how many steps were noticed (for the log and tests)

    def check(self, clock: Clock) -> bool:
        """True (after notifying the clock's listeners) if the wall was stepped since the last check."""
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
