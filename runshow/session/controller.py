"""The controller: the one place that owns the tick and talks to the engine.

Widgets never compute time. They connect to :attr:`ShowController.stateChanged`
and repaint from the :class:`ShowState` it carries; operator controls call
:meth:`ShowController.act`. An action is checked, made durable in the journal,
applied to the fold, and the new state is emitted synchronously — so a key
press reaches the engine and both windows within one event-loop turn.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.clock import Clock
from runshow.live.reasons import Reason, Refusal
from runshow.live.show import Show, Status
from runshow.live.state import ShowState, state_at
from runshow.plan.model import Plan
from runshow.session.timers import FlipTimer
from runshow.session.wall_clock import WallClockWatch

log = logging.getLogger(__name__)


class ActionSink(Protocol):
    """Where accepted actions are recorded before they take effect (the journal)."""

    def append(self, action: Action) -> None: ...


class ShowController(QObject):
    stateChanged = Signal(object)  # ShowState
    actionApplied = Signal(object)  # Action
    actionRejected = Signal(object)  # why: a runshow.live.reasons.Refusal (a str with .reason, .params)
    showReplaced = Signal()  # a new Show/clock (rehearsal in or out, reload)
    journalReplaced = Signal(object)  # the live show continues into another journal (another folder)

    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        journal: ActionSink | None = None,
        actions: list[Action] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._journal = journal
        self._show = Show(plan, actions or [])
        self._unsubscribe: Callable[[], None] = clock.subscribe(self._on_clock_changed)
        self._timer = FlipTimer(self)
        self._timer.fired.connect(self.refresh)
        self._state: ShowState = state_at(self._show, clock.now())
        self._running = False
        self._checking_wall = False
        self.wall_watch = WallClockWatch()  # a stepped system clock re-plans alerts

    # ── read side ─────────────────────────────────────────────────────────
    @property
    def plan(self) -> Plan:
        return self._show.plan

    @property
    def show(self) -> Show:
        return self._show

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def journal(self) -> ActionSink | None:
        return self._journal

    @property
    def state(self) -> ShowState:
        return self._state

    @property
    def flip_timer(self) -> FlipTimer:
        return self._timer

    # ── life cycle ────────────────────────────────────────────────────────
    def start_ticking(self) -> None:
        """Begin repainting at every boundary (the app calls this once windows exist)."""
        self._running = True
        self.refresh()

    def stop_ticking(self) -> None:
        self._running = False
        self._timer.stop()

    def replace(self, show: Show, clock: Clock, journal: ActionSink | None) -> None:
        """Swap the whole show (rehearsal in/out): windows follow through the signals."""
        self._unsubscribe()
        self._show, self._clock, self._journal = show, clock, journal
        self._unsubscribe = clock.subscribe(self._on_clock_changed)
        self.showReplaced.emit()
        self.refresh()

    def swap_journal(self, journal: ActionSink | None) -> ActionSink | None:
        """Record into ``journal`` from now on (the show goes on); returns the one set aside."""
        old, self._journal = self._journal, journal
        self.journalReplaced.emit(journal)
        return old

    # ── write side ────────────────────────────────────────────────────────
    def act(self, kind: ActionKind, **fields: Any) -> Refusal | None:
        """Take an operator action now. Returns why it was rejected (a str carrying ``.reason``), or None."""
        now = self._clock.now()
        last = self._show.progress.last_at
        if last is not None and now < last:
            # The wall clock was stepped back (NTP, a person): stamp the action at the last
            # instant the show knows rather than lock the operator out until the clock catches up.
            log.warning("clock is %s behind the last action; stamping at the last action", last - now)
            now = last
        return self._take(Action(kind, now, **fields))

    def _take(self, action: Action) -> Refusal | None:
        reason = self._show.check(action)
        if reason is not None:
            log.info("rejected %s: %s", action.kind.value, reason)
            self.actionRejected.emit(reason)
            return reason
        if self._journal is not None:
            try:
                self._journal.append(action)  # durable before anyone sees it
            except OSError as exc:  # disk full, unplugged: say so rather than show what would not survive
                reason = Refusal(Reason.JOURNAL_FAILED, {"error": exc.strerror or str(exc)})
                log.error("journal append failed: %s", exc)
                self.actionRejected.emit(reason)
                return reason
        self._show.apply(action)
        self.actionApplied.emit(action)
        self.refresh()
        return None

    def apply_scripted(self, action: Action) -> Refusal | None:
        """Apply an action that carries its own instant (a scenario step), not now.

        A scenario says "next at 14:10:00"; at 600× a timer a few milliseconds late
        would stamp it several show-seconds late, so a script keeps its own times.
        """
        return self._take(action)

    def refresh(self) -> None:
        """Re-derive the state from the engine at the clock's now and re-aim the tick."""
        # A stepped wall clock notifies the clock's listeners (the alert armer re-plans). This
        # controller is one of them; its own refresh follows right here, so it must not refresh
        # a second time from inside the check (that emitted the state twice, nested).
        self._checking_wall = True
        try:
            self.wall_watch.check(self._clock)
        finally:
            self._checking_wall = False
        self._state = state_at(self._show, self._clock.now())
        self.stateChanged.emit(self._state)
        if self._running:
            self._timer.aim(self._state.next_flip, self._clock)

    def _on_clock_changed(self) -> None:
        if self._checking_wall:
            return  # refresh() is under way and derives the state next
        self.refresh()

    # ── intents: what a key, a button or a remote request asks for ─────────
    # Each is decided here, once, from the show as it stands, and goes through act():
    # None when applied, else the refusal (its English sentence, carrying ``.reason``, the
    # ``runshow.live.reasons.Reason`` code, and ``.params``).
    def _intent(self, kind: ActionKind, **fields: Any) -> Refusal | None:
        return self.act(kind, **fields)

    def _status_now(self) -> Status:
        return state_at(self._show, self._clock.now()).status

    def start_or_next(self) -> Refusal | None:
        """Start the show before its first cue, else move to the next cue."""
        return self._intent(ActionKind.START if self._status_now() is Status.PRE_SHOW else ActionKind.NEXT)

    def previous(self) -> Refusal | None:
        return self._intent(ActionKind.PREVIOUS)

    def pause_or_resume(self) -> Refusal | None:
        return self._intent(ActionKind.RESUME if self._status_now() is Status.PAUSED else ActionKind.PAUSE)

    def goto(self, segment_id: str) -> Refusal | None:
        return self._intent(ActionKind.GOTO, segment=segment_id)

    def adjust(self, seconds: int) -> Refusal | None:
        return self._intent(ActionKind.ADJUST, seconds=seconds)

    def toggle_follow(self) -> Refusal | None:
        """Follow the plan, or take over by hand if following."""
        follow = self._show.progress.mode is Mode.FOLLOW
        return self._intent(ActionKind.MODE, mode=Mode.MANUAL if follow else Mode.FOLLOW)

    def set_message(self, text: str) -> Refusal | None:
        return self._intent(ActionKind.MESSAGE, text=text)

    def clear_message(self) -> Refusal | None:
        return self._intent(ActionKind.CLEAR_MESSAGE)

    def set_blackout(self, on: bool) -> Refusal | None:
        return self._intent(ActionKind.BLACKOUT, on=on)

    def toggle_blackout(self) -> Refusal | None:
        return self.set_blackout(not self._show.progress.blackout)
