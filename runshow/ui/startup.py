"""Start-up order: what must be on screen first, and what may follow right after the first paint.

The operator opening runshow needs a true picture of the show (the stage's segment and
countdown, the control room) as soon as possible; the LAN views, OSC and the schedule's
automations are not part of that picture. :class:`FirstPaint` watches the two windows and runs
the work that waits for them once both have painted (or after :data:`FALLBACK_MS` if a window
never paints, e.g. minimised by a window manager: the work is then late, never lost).

:data:`TRACE` keeps the instant of every start-up phase (``time.monotonic()``, a measurement,
not the show's "now"); the benchmark's launch row prints it as its breakdown.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from runshow.session.timers import Timer, defer

log = logging.getLogger(__name__)

FALLBACK_MS = 3000  # run the deferred work anyway if a window has not painted by then
FLIP_WAIT_MS = 1100  # a running clock flips at least once a second; a stopped one never does


class StartupTrace:
    """Named instants of the start-up, in order (seconds on the monotonic clock)."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float]] = []
        self._listeners: list[Callable[[str], None]] = []

    def mark(self, name: str) -> None:
        self.marks.append((name, time.monotonic()))
        for listener in list(self._listeners):
            listener(name)

    def listen(self, listener: Callable[[str], None]) -> None:
        """Call ``listener(name)`` at every later mark (the benchmark's child waits on one)."""
        self._listeners.append(listener)

    def at(self, name: str) -> float | None:
        """The instant of the first mark called ``name``, or None."""
        return next((t for n, t in self.marks if n == name), None)

    def clear(self) -> None:
        self.marks.clear()


TRACE = StartupTrace()


class FirstPaint(QObject):
    """Runs ``then`` (in order, each once) after every one of ``widgets`` has painted once.

    The callbacks run from a zero-delay timer after the last first paint, so the frame that
    paint belongs to is finished before they start. Marks ``painted`` on :data:`TRACE`.
    """

    def __init__(
        self,
        widgets: Iterable[QWidget],
        then: Iterable[Callable[[], object]],
        parent: QObject,
        *,
        fallback_ms: int = FALLBACK_MS,
        trace: StartupTrace = TRACE,
    ) -> None:
        super().__init__(parent)
        self._waiting: set[QWidget] = set()
        self._then = list(then)
        self._trace = trace
        self._fallback_ms = fallback_ms
        self.done = False
        for widget in widgets:
            self._waiting.add(widget)
            widget.installEventFilter(self)
        self._fallback: Timer | None = defer(self._timed_out, self, fallback_ms, name="first paint fallback")
        if not self._waiting:
            self._all_painted()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self._waiting:
            self._waiting.discard(watched)
            watched.removeEventFilter(self)
            if not self._waiting:
                self._trace.mark("painted")
                self._all_painted()
        return False

    def _timed_out(self) -> None:
        self._fallback = None
        if self._waiting:
            log.warning(
                "%d window(s) not painted %d ms after start: starting the rest anyway",
                len(self._waiting),
                self._fallback_ms,
            )
            for widget in self._waiting:
                widget.removeEventFilter(self)
            self._waiting.clear()
            self._all_painted()

    def _all_painted(self) -> None:
        if self._fallback is not None:
            self._fallback.stop()
            self._fallback.deleteLater()
            self._fallback = None
        defer(self._run, self, name="after first paint")

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        run_steps(self._then)


def run_steps(steps: Iterable[Callable[[], object]]) -> None:
    """Each step in turn; one that fails is logged and the next still runs."""
    for step in steps:
        try:
            step()
        except Exception:  # one part failing to start must not keep the next from starting
            log.exception("start-up step %s failed", getattr(step, "__name__", step))


class AfterFlip(QObject):
    """Runs ``then`` (in order, once) right after the next ``flipped``, or after ``fallback_ms``.

    A long start-up step (the LAN server's first snapshot of 5,000 segments takes ~0.5 s on the
    GUI thread) run right after a flip has the whole second before the next one: the countdown
    the stage shows does not stall on the first seconds after the launch.
    """

    def __init__(
        self,
        flipped: SignalInstance,
        then: Iterable[Callable[[], object]],
        parent: QObject,
        *,
        fallback_ms: int = FLIP_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._flipped = flipped
        self._then = list(then)
        self.done = False
        flipped.connect(self._on_flip)
        self._fallback: Timer | None = defer(self._go, self, fallback_ms, name="start-up after a flip (fallback)")

    def _on_flip(self) -> None:
        defer(self._go, self, name="start-up after a flip")  # once the flip's own repaint is queued

    def _go(self) -> None:
        if self.done:
            return
        self.done = True
        self._flipped.disconnect(self._on_flip)
        if self._fallback is not None:
            self._fallback.stop()
            self._fallback.deleteLater()
            self._fallback = None
        run_steps(self._then)
