"""Rehearsal mode in the app: swap in a rehearsal clock and a scratch record, and back.

:class:`RehearsalMode` sets the live show, its clock and its journal aside
untouched, hands the controller a fresh :class:`Show` on a
:class:`RehearsalClock`, and on leaving hands the live trio back. Windows and
alerts follow through the controller's ``showReplaced`` signal, so the stage,
the operator window and APScheduler all run on the rehearsal clock without
knowing it. :class:`ScriptPlayer` plays a scenario's timed actions on whatever
clock the controller has.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.clock import Clock, RehearsalClock
from runshow.live.rehearsal import ScratchRecord, default_start, on_time_script
from runshow.live.show import Show
from runshow.session.controller import ActionSink, ShowController
from runshow.session.timers import FlipTimer

if TYPE_CHECKING:  # (a scenario's pydantic models load when one is played, not at start-up)
    from runshow.live.scenario import Scenario

log = logging.getLogger(__name__)


class ScriptPlayer(QObject):
    """Applies timed actions when the controller's clock reaches them."""

    finished = Signal()

    def __init__(self, controller: ShowController, actions: Iterable[Action], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._pending = sorted(actions, key=lambda a: a.at)
        self._timer = FlipTimer(self)
        self._timer.fired.connect(self._step)
        self._clock: Clock | None = None
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def pending(self) -> list[Action]:
        return list(self._pending)

    def start(self) -> None:
        self._clock = self._controller.clock
        self._unsubscribe = self._clock.subscribe(self._step)
        self._step()

    def stop(self) -> None:
        self._timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def drop_until(self, instant: datetime) -> list[Action]:
        """Take out (and return) every action due at or before ``instant``."""
        due = [a for a in self._pending if a.at <= instant]
        self._pending = [a for a in self._pending if a.at > instant]
        return due

    def _step(self) -> None:
        if self._clock is None:
            return
        now = self._clock.now()
        while self._pending and self._pending[0].at <= now:
            action = self._pending.pop(0)
            reason = self._controller.apply_scripted(action)
            if reason is not None:
                log.info("scenario step %s at %s ignored: %s", action.kind.value, action.at, reason)
        if self._pending:
            self._timer.aim(self._pending[0].at, self._clock)
        else:
            self.stop()
            self.finished.emit()


class RehearsalMode(QObject):
    """Enter and leave rehearsal on one controller without touching the live record."""

    activeChanged = Signal(bool)

    def __init__(
        self,
        controller: ShowController,
        parent: QObject | None = None,
        clock_factory: Callable[[datetime, float], RehearsalClock] = RehearsalClock,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._make_clock = clock_factory
        self._live: tuple[Show, Clock, ActionSink | None] | None = None
        self._clock: RehearsalClock | None = None
        self._record: ScratchRecord | None = None
        self._player: ScriptPlayer | None = None
        self._script: tuple[Action, ...] = ()

    @property
    def active(self) -> bool:
        return self._live is not None

    @property
    def clock(self) -> RehearsalClock | None:
        return self._clock

    @property
    def record(self) -> ScratchRecord | None:
        return self._record

    @property
    def player(self) -> ScriptPlayer | None:
        """The scenario (or on-time operator) playing on the rehearsal clock, if any."""
        return self._player

    def stop_script(self) -> None:
        """Stop playing the script; the rehearsal itself stays on."""
        self._stop_player()

    def enter(
        self,
        start: datetime | None = None,
        speed: float = 1.0,
        scenario: Scenario | None = None,
        autoplay: bool = False,
    ) -> None:
        """Start rehearsing (or restart, if already rehearsing) at ``start`` and ``speed``.

        With a scenario its steps play on the rehearsal clock; with ``autoplay`` and
        no scenario an on-time operator is simulated (start, then next at every
        planned end), so an unattended run still moves through the show.
        """
        plan = self._controller.plan
        if self._live is None:
            c = self._controller
            self._live = (c.show, c.clock, c.journal)
        self._stop_player()
        first = start or default_start(plan)
        steps = [a for a in (scenario.actions if scenario else ()) if a.kind is not ActionKind.MODE]
        if steps and start is None:
            first = min(first, steps[0].at)
        self._clock = self._make_clock(first, speed)
        script: tuple[Action, ...] = ()
        if scenario is not None:
            script = scenario.actions
        elif autoplay:
            script = on_time_script(Show(plan))
        self._script = script
        # Steps before the start instant are the rehearsal's history: folded in, not played.
        history = [a for a in script if a.at <= first]
        self._record = ScratchRecord(list(history))
        self._controller.replace(Show(plan, history), self._clock, self._record)
        upcoming = [a for a in script if a.at > first]
        if upcoming:
            self._player = ScriptPlayer(self._controller, upcoming, self)
            self._player.start()
        self.activeChanged.emit(True)

    def leave(self) -> None:
        """Hand the live show, clock and journal back exactly as they were."""
        if self._live is None:
            return
        self._stop_player()
        show, clock, journal = self._live
        self._live = None
        self._clock = None
        self._record = None
        self._controller.replace(show, clock, journal)
        self.activeChanged.emit(False)

    def set_autoplay(self, on: bool) -> None:
        """While rehearsing: start (from now) or stop the simulated on-time operator.

        From now on it presses Next at every planned end (Start at the planned
        start if the show has not begun); what was done before stays as it was.
        """
        if self._clock is None:
            return
        self._stop_player()
        self._script = on_time_script(Show(self._controller.plan)) if on else ()
        upcoming = [a for a in self._script if a.at > self._clock.now()]
        if upcoming:
            self._player = ScriptPlayer(self._controller, upcoming, self)
            self._player.start()

    # ── clock controls ────────────────────────────────────────────────────
    def set_speed(self, speed: float) -> None:
        if self._clock is not None:
            self._clock.set_speed(speed)

    def pause(self) -> None:
        if self._clock is not None:
            self._clock.pause()

    def resume(self) -> None:
        if self._clock is not None:
            self._clock.resume()

    def jump_to(self, instant: datetime) -> None:
        """Move the rehearsal clock; going back rebuilds the show up to that instant."""
        if self._clock is None or self._record is None:
            return
        if instant < self._clock.now():
            kept = [a for a in self._controller.show.actions if a.at <= instant]
            pending = [a for a in self._script if a.at > instant]
            self._stop_player()
            self._record = ScratchRecord(list(kept))
            self._controller.replace(Show(self._controller.plan, kept), self._clock, self._record)
            self._clock.jump(instant)
            if pending:
                self._player = ScriptPlayer(self._controller, pending, self)
                self._player.start()
            return
        self._clock.jump(instant)

    def jump_to_segment(self, segment_id: str) -> None:
        """Jump to a segment's planned start; in manual mode it also goes on air there."""
        seg = self._controller.plan.segment(segment_id)
        self.jump_to(seg.start)
        if self._controller.show.progress.mode is Mode.MANUAL:
            self._controller.apply_scripted(Action(ActionKind.GOTO, seg.start, segment=segment_id))

    def _stop_player(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player.deleteLater()
            self._player = None
