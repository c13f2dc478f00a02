"""One timer helper: every Qt timer runshow makes, and "wake me at this show instant".

:class:`Timer` is the only ``QTimer`` constructed anywhere in ``runshow/`` (a test in
``tests/test_architecture.py`` rejects a bare ``QTimer(`` or a static ``QTimer.singleShot``
elsewhere; qutebrowser's ``usertypes.Timer`` idea): a ``QTimer`` with a name, so a timer
left running is found and named by the test suite's dangling-timer check, and a static
single shot (which PySide6 cannot cancel) is never used. :func:`defer` is the cancellable
replacement for ``QTimer.singleShot(ms, fn)``.

A countdown must flip on the boundary of the second it shows. A repeating
1000 ms timer started at an arbitrary moment drifts and skips; instead each
tick aims a single-shot ``Qt.PreciseTimer`` at the next boundary the engine
computed (``ShowState.next_flip``), converted to real milliseconds through the
clock's rate, so a rehearsal at 60× flips every 16.7 ms of real time.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from runshow.live.clock import Clock

log = logging.getLogger(__name__)

LATE_LOG_MS = 20.0


class Timer(QTimer):
    """A ``QTimer`` by another name: the one way runshow makes a timer.

    Behaves exactly like ``QTimer(parent)``; ``name`` (its ``objectName``) says whose it is
    when a test finds it still running.
    """

    def __init__(self, parent: QObject | None = None, name: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)

    def __repr__(self) -> str:
        return f"<Timer {self.objectName() or '(unnamed)'} interval={self.interval()} ms>"


def defer(callback: Callable[[], object], parent: QObject, delay_ms: int = 0, name: str = "deferred") -> Timer:
    """Call ``callback`` once after ``delay_ms`` on ``parent``'s thread; the timer then deletes itself.

    Unlike ``QTimer.singleShot`` the returned timer can be stopped, and it dies with ``parent``.
    """
    timer = Timer(parent, name)
    timer.setSingleShot(True)
    timer.timeout.connect(callback)
    timer.timeout.connect(timer.deleteLater)
    timer.start(delay_ms)
    return timer


def real_seconds(show_seconds: float, clock: Clock) -> float | None:
    """How long ``show_seconds`` of ``clock`` take in real time; None while the clock is stopped.

    The one place a show duration becomes a wait: at rehearsal speed S a show second is 1/S
    real seconds. The flip timer, the alert scheduler and the notices' lifetimes all ask here.
    """
    rate = clock.rate
    if rate <= 0:
        return None
    return max(0.0, show_seconds) / rate


def real_seconds_until(instant: datetime, clock: Clock) -> float | None:
    """Real seconds until ``clock`` reads ``instant`` (0 if passed); None while the clock is stopped."""
    return real_seconds((instant - clock.now()).total_seconds(), clock)


class FlipTimer(QObject):
    """Owns exactly one pending single-shot timer; re-aiming replaces it."""

    fired = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = Timer(self, "flip")
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._due_mono: float | None = None
        self.late_ms: float = 0.0  # how late the last wake-up was, real time

    def aim(self, instant: datetime, clock: Clock) -> None:
        """Wake at ``instant`` of ``clock`` (not at all while the clock is stopped)."""
        delay_s = real_seconds_until(instant, clock)
        if delay_s is None:
            self.stop()
            return
        # Qt timers have whole-millisecond resolution: round *up* so we never wake
        # a hair before the boundary and repaint the old second.
        delay_ms = math.ceil(delay_s * 1000)
        self._due_mono = time.monotonic() + delay_ms / 1000
        self._timer.start(delay_ms)

    def stop(self) -> None:
        self._timer.stop()
        self._due_mono = None

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def _on_timeout(self) -> None:
        if self._due_mono is not None:
            self.late_ms = (time.monotonic() - self._due_mono) * 1000
            if self.late_ms > LATE_LOG_MS:
                log.info("flip timer woke %.1f ms late", self.late_ms)
        self._due_mono = None
        self.fired.emit()
