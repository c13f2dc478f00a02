"""Keeps the scheduler's jobs equal to the alert plan, and says what fired, was missed or dropped.

The plan is pure (:func:`runshow.live.alerts.plan_alerts`); this is the glue
that makes it happen on time. After every applied action, every show swap
(rehearsal in/out) and every clock change it re-plans from scratch and
reconciles: jobs whose key is no longer planned are removed, new keys are
added, moved keys are re-aimed, unchanged keys are left alone. A key that has
fired is remembered and never armed again, so re-planning a thousand times
cannot duplicate an alert.

At the first arming (app start, after a crash) any alert whose instant passed
since the last thing the journal knows (at most ``MISSED_LOOKBACK`` ago) is
reported as *missed*
— the operator learns about it in the log — but never fired late. Alerts of a
skipped cue are reported as *dropped*, once. So is an armed alert whose
instant was jumped over by a clock change (a rehearsal jump): a burst of stale
chimes helps nobody.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance

from runshow.live.alerts import MISSED_LOOKBACK, WINDOW_CUES_AHEAD, AlertPlan, PlannedAlert, plan_alerts
from runshow.live.clock import Clock
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.session.timers import Timer

if TYPE_CHECKING:  # APScheduler (and the asyncio it imports) is loaded with the first scheduler
    from apscheduler.events import JobExecutionEvent

    from runshow.session.scheduler import ClockScheduler

log = logging.getLogger(__name__)

HORIZON_JOB = "__horizon__"  # re-plan before the planning window runs out (AlertPlan.complete_until)
HORIZON_MARGIN = timedelta(minutes=5)
SETTLE_MS = 5  # real ms a during-cue alert waits for a simultaneous action before it checks its cue


@dataclass(frozen=True, slots=True)
class AlertFault:
    """An exception caught inside alert handling: the operator must see that alerts may be missing."""

    where: str  # which step failed (``fire``, ``replan`` …), for the log and the operator
    error: str  # ``TypeError: 'set' object does not support item assignment``

    @classmethod
    def of(cls, where: str, exc: BaseException) -> AlertFault:
        return cls(where, f"{type(exc).__name__}: {exc}")


P = ParamSpec("P")
R = TypeVar("R")


_Step = Callable[Concatenate["AlertArmer", P], R]


def guarded(where: str) -> Callable[[_Step[P, R]], _Step[P, R | None]]:
    """Catch any exception of an armer step, log it with its traceback and emit ``alertFault``.

    These steps run in Qt slots and timer callbacks: an exception there would only
    reach stderr, and every later alert would silently die with it.
    """

    def wrap(method: _Step[P, R]) -> _Step[P, R | None]:
        def run(self: AlertArmer, /, *args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:
                self.report_fault(AlertFault.of(where, exc), exc)
                return None

        run.__name__, run.__doc__ = method.__name__, method.__doc__
        return run

    return wrap


@dataclass(frozen=True, slots=True)
class FiredAlert:
    """A planned alert and the clock instant it actually went off."""

    alert: PlannedAlert
    fired_at: datetime

    @property
    def lateness_s(self) -> float:
        return (self.fired_at - self.alert.instant).total_seconds()


class Controller(Protocol):
    """What the armer needs of :class:`runshow.session.controller.ShowController` (a layer above)."""

    actionApplied: SignalInstance
    showReplaced: SignalInstance

    @property
    def show(self) -> Show: ...

    @property
    def clock(self) -> Clock: ...


class _Subscription:
    """The current clock subscription, cancellable without a reference to the armer."""

    def __init__(self) -> None:
        self._cancel: Callable[[], None] | None = None

    @property
    def active(self) -> bool:
        return self._cancel is not None

    def replace(self, cancel: Callable[[], None]) -> None:
        self.cancel()
        self._cancel = cancel

    def cancel(self, *_: object) -> None:
        cancel, self._cancel = self._cancel, None
        if cancel is not None:
            cancel()


class AlertArmer(QObject):
    """Arms the alert plan on a :class:`ClockScheduler` and emits alerts on the GUI thread."""

    alertFired = Signal(object)  # FiredAlert
    alertMissed = Signal(object)  # PlannedAlert: passed while the app was closed
    alertDropped = Signal(object)  # PlannedAlert: its cue was skipped, or the clock jumped over it
    replanned = Signal(object)  # AlertPlan
    alertFault = Signal(object)  # AlertFault: something inside alert handling failed

    def __init__(self, controller: Controller, since: datetime | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._scheduler_made: ClockScheduler | None = None  # made when first needed (see _scheduler)
        self._since = since
        self._run: tuple[Show, Clock] | None = None
        # Shows set aside (the live show during a rehearsal): when, what they had fired, what reported.
        self._set_aside: weakref.WeakKeyDictionary[Show, tuple[datetime | None, dict[str, datetime], set[str]]] = (
            weakref.WeakKeyDictionary()
        )
        self._alive_at: datetime | None = None  # the last instant the journal's alert history proves
        self._fired: dict[str, datetime] = {}  # key → the planned instant it fired for
        self._last_now: datetime | None = None
        self._reported: set[str] = set()
        self._armed: dict[str, PlannedAlert] = {}
        self._first = True
        self._plan: AlertPlan | None = None
        self._subscription = _Subscription()
        self.destroyed.connect(self._subscription.cancel)  # a deleted armer must not hear the clock
        self.replans = 0
        self._settling: list[PlannedAlert] = []
        self._settle = Timer(self, "alert settle")
        self._settle.setSingleShot(True)
        self._settle.setTimerType(Qt.TimerType.PreciseTimer)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settle_now)
        self.attachments: list[object] = []  # what the UI hung on this armer (kept alive with it)
        self.faults: list[AlertFault] = []
        # A first plan put off (:meth:`defer_first_plan`): the clock instant it is owed from, and
        # whether the clock jumped meanwhile. None: planned as soon as started (the default).
        self._owed_from: datetime | None = None
        self._defer = False
        self._jumped_while_owed = False

    # ── life cycle ────────────────────────────────────────────────────────
    def restore(self, fired: dict[str, datetime], reported: Iterable[str], alive_at: datetime | None) -> None:
        """Before :meth:`start`: what the journal's alert history says already happened.

        Fired keys are never armed again, reported (missed, dropped) keys are not
        reported twice, and alerts are only reported missed after ``alive_at`` (the
        app was running then: its last history line proves it).
        """
        self._fired.update(fired)
        self._reported.update(reported)
        if alive_at is not None and (self._alive_at is None or alive_at > self._alive_at):
            self._alive_at = alive_at

    def defer_first_plan(self) -> None:
        """Before :meth:`start`: connect at start, but make the first plan at :meth:`arm_owed`.

        The app opens its windows first (planning a 5,000-segment festival takes tens of ms,
        twice when the app opens in rehearsal) and arms right after their first paint. Nothing
        is lost meanwhile: the first plan is of the show as it then stands (every action taken in
        between included); an alert whose instant fell between :meth:`start` and it goes off
        then, late by the wait, rather than being reported missed (dropped if the clock jumped
        meanwhile, as a jump drops what it skips); a show swap (rehearsal) in between is kept
        as a non-deferred armer keeps it.
        """
        self._defer = True

    @property
    def _scheduler(self) -> ClockScheduler:
        """The scheduler, made on first use: importing APScheduler costs ~25 ms, which an app that
        owes its first plan (:meth:`defer_first_plan`) pays after its first paint."""
        if self._scheduler_made is None:
            from apscheduler.events import EVENT_JOB_ERROR

            from runshow.session.scheduler import ClockScheduler

            made = ClockScheduler(self._controller.clock, parent=self)  # the clock of the show now on
            made.add_listener(self._on_job_error, EVENT_JOB_ERROR)
            self._scheduler_made = made
        return self._scheduler_made

    @property
    def owed(self) -> bool:
        """Started, but the first plan is still to be made (:meth:`defer_first_plan`)."""
        return self._owed_from is not None

    def start(self) -> None:
        """Connect to the controller and arm the first plan (or owe it: :meth:`defer_first_plan`)."""
        c = self._controller
        self._run = (c.show, c.clock)
        c.actionApplied.connect(self._on_action)
        c.showReplaced.connect(self._on_show_replaced)
        self._subscription.replace(c.clock.subscribe(self._on_clock_changed))
        if self._defer:
            self._owed_from = c.clock.now()
            return  # the scheduler is made (and started) with the owed plan
        self._scheduler.start()
        self.replan()

    def arm_owed(self) -> bool:
        """Make the owed first plan now; False if there was none owed (already armed, or never started)."""
        if self._owed_from is None or not self._subscription.active:
            return False
        self.replan()
        return True

    def stop(self) -> None:
        self._owed_from = None
        c = self._controller
        if self._subscription.active:
            self._subscription.cancel()
            c.actionApplied.disconnect(self._on_action)
            c.showReplaced.disconnect(self._on_show_replaced)
        if self._scheduler_made is not None and self._scheduler_made.running:
            self._scheduler_made.shutdown(wait=False)
        self._settle.stop()
        self._settling.clear()
        self._armed.clear()
        for attachment in self.attachments:  # what shows the alerts stops its own timers too
            stop = getattr(attachment, "stop", None)
            if callable(stop):
                stop()

    # ── faults ────────────────────────────────────────────────────────────
    def report_fault(self, fault: AlertFault, exc: BaseException | None = None) -> None:
        """Log a fault with its traceback and tell whoever shows it to the operator."""
        log.error("alert handling failed in %s: %s", fault.where, fault.error, exc_info=exc)
        self.faults.append(fault)
        self.alertFault.emit(fault)

    def _on_job_error(self, event: JobExecutionEvent) -> None:
        """A job that raised past the guards (APScheduler logs it; the operator must see it too)."""
        exc = event.exception
        self.report_fault(AlertFault(f"job {event.job_id}", f"{type(exc).__name__}: {exc}"), exc)

    # ── read side (log, tests, benchmark) ─────────────────────────────────
    @property
    def scheduler(self) -> ClockScheduler:
        return self._scheduler

    @property
    def plan(self) -> AlertPlan | None:
        return self._plan

    @property
    def armed(self) -> dict[str, PlannedAlert]:
        return dict(self._armed)

    @property
    def fired_keys(self) -> frozenset[str]:
        return frozenset(self._fired)

    def pending_wakeups(self) -> int:
        return 0 if self._scheduler_made is None else self._scheduler_made.pending_wakeups()

    # ── planning ──────────────────────────────────────────────────────────
    @guarded("replan")
    def replan(self, jumped: bool = False) -> AlertPlan | None:
        """Re-plan from the show at the clock's now and make the jobs match."""
        if not jumped and self._scheduler.running:
            # An action taken right on an alert's instant may reach us before the timer does
            # (at 600× a millisecond is 0.6 show seconds): what is due goes off first, judged
            # against the show as it now stands, rather than being planned away unseen.
            self._scheduler.run_due()
        owed_from, self._owed_from = self._owed_from, None
        if owed_from is not None and not self._scheduler.running:
            self._scheduler.start()  # started with its first plan, when that was owed
        show = self._controller.show
        clock = self._controller.clock
        now = clock.now()
        self._last_now = now
        plan = plan_alerts(show, state_at(show, now), ahead=WINDOW_CUES_AHEAD)
        self._plan = plan
        self.replans += 1
        if self._first:
            self._first = False
            self._report_missed(plan, show, until=owed_from)
        for alert in plan.dropped:
            self._report(alert, self.alertDropped, "dropped (its cue was skipped)")
        wanted = {a.key: a for a in plan.upcoming if a.key not in self._fired}
        if owed_from is not None:
            # Due while the first plan was owed: armed at their (passed) instant, so they go off
            # at once, still judged against the show as it now stands; jumped over: dropped.
            late = [a for a in plan.past if a.instant > owed_from and a.key not in self._fired]
            jumped_over, self._jumped_while_owed = self._jumped_while_owed, False
            for alert in late:
                if jumped_over:
                    self._report(alert, self.alertDropped, "dropped (the clock jumped over it)")
                else:
                    wanted[alert.key] = alert
        with self._scheduler.batch():
            self._reconcile(plan, wanted, now, jumped)
        self._scheduler.wakeup()
        self.replanned.emit(plan)
        return plan

    def _reconcile(self, plan: AlertPlan, wanted: dict[str, PlannedAlert], now: datetime, jumped: bool) -> None:
        """Make the scheduler's jobs what ``wanted`` says (one wake-up for all of them)."""
        for key in [k for k in self._armed if k not in wanted]:
            gone = self._armed.pop(key)
            self._remove_job(key)
            if jumped and gone.instant < now:
                self._report(gone, self.alertDropped, "dropped (the clock jumped over it)")
        for key, alert in wanted.items():
            before = self._armed.get(key)
            self._armed[key] = alert
            if (
                before is None
                or before.instant != alert.instant
                or before.order != alert.order
                or self._scheduler.get_job(key) is None
            ):
                self._scheduler.arm(key, alert.instant, self._fire, key, order=alert.order)
        if plan.complete_until is not None:
            at = max(now, plan.complete_until - HORIZON_MARGIN)
            self._scheduler.arm(HORIZON_JOB, at, self._on_horizon, order="99")
        else:
            self._remove_job(HORIZON_JOB)

    def _missed_since(self, show: Show, at: datetime) -> datetime | None:
        """After when an alert passed at ``at`` counts as missed while the app was closed (None: any)."""
        since = self._since
        if since is None and show.actions:
            # The journal proves the app ran until its last action, but in follow mode that can
            # be hours before a crash: older alerts most likely fired, and are no use now anyway.
            since = max(show.actions[-1].at, at - MISSED_LOOKBACK)
        if self._alive_at is not None and (since is None or self._alive_at > since):
            since = self._alive_at
        return since

    def _report_missed(self, plan: AlertPlan, show: Show, until: datetime | None = None) -> None:
        """Report the alerts that passed while the app was closed (after ``until``: not missed, late)."""
        since = self._missed_since(show, plan.at)
        for alert in plan.past:
            if (since is None or alert.instant > since) and (until is None or alert.instant <= until):
                self._report(alert, self.alertMissed, "missed while the app was closed")

    def _report(self, alert: PlannedAlert, signal: SignalInstance, why: str) -> None:
        if alert.key in self._fired or alert.key in self._reported:
            return
        self._reported.add(alert.key)
        log.info("alert %s at %s %s", alert.key, alert.instant.isoformat(), why)
        signal.emit(alert)

    def _remove_job(self, key: str) -> None:
        if self._scheduler_made is not None and self._scheduler_made.get_job(key) is not None:
            self._scheduler.remove_job(key)

    # ── firing (runs inside the scheduler's timer slot: the GUI thread) ───
    @guarded("fire")
    def _fire(self, key: str) -> None:
        alert = self._armed.pop(key, None)
        if alert is None or key in self._fired:
            return
        if alert.requires_on or self._settling:
            # "Is the cue still on?" is asked a moment later, so an operator key or a script step
            # landing on the same instant (at 600× one show second is 1.7 ms) is applied first.
            self._settling.append(alert)
            if not self._settle.isActive():
                self._settle.start()
            return
        self._emit_if_applies(alert)

    @guarded("fire")
    def _settle_now(self) -> None:
        queue, self._settling = self._settling, []
        for alert in queue:  # in firing order: anything due behind a settling alert waited too
            self._emit_if_applies(alert)

    def _emit_if_applies(self, alert: PlannedAlert) -> None:
        if alert.key in self._fired:
            return
        show = self._controller.show
        now = self._controller.clock.now()
        self._last_now = now
        if not alert.applies(state_at(show, now)):
            log.debug("alert %s not fired: its cue is not on", alert.key)
            return  # re-planned (with the same key) when its cue does start
        self._fired[alert.key] = alert.instant
        log.info("alert %s fired at %s (planned %s)", alert.key, now.isoformat(), alert.instant.isoformat())
        self.alertFired.emit(FiredAlert(alert, now))

    # ── triggers ──────────────────────────────────────────────────────────
    @guarded("horizon")
    def _on_horizon(self) -> None:
        """The planning window is running out: plan the next stretch of cues."""
        self.replan()

    @guarded("action")
    def _on_action(self, _action: object) -> None:
        if self._owed_from is not None:
            return  # the owed first plan is of the show as it will then stand, this action included
        self.replan()

    @guarded("clock change")
    def _on_clock_changed(self) -> None:
        if self._owed_from is not None:
            self._jumped_while_owed = True  # what fell due meanwhile was jumped over, not late
            return
        now = self._controller.clock.now()
        if self._last_now is not None and now < self._last_now:
            # Rewound (a rehearsal jumping back to run a part again): what lies ahead again may
            # go off again. A forward jump keeps everything and drops what it skipped.
            self._fired = {k: t for k, t in self._fired.items() if t <= now}
        self.replan(jumped=True)

    @guarded("show swap")
    def _on_show_replaced(self) -> None:
        """A new show or clock (rehearsal in or out): arm afresh for it.

        A show seen before (the live show coming back from a rehearsal) gets back
        what it had fired and reported, and everything that passed while it was set aside is
        reported as missed; a new show (a rehearsal) has missed nothing.
        """
        previous = self._run
        owed = self._owed_from is not None
        if previous is not None:
            old_show, old_clock = previous
            # Never planned (its first plan still owed): what it missed while the app was closed
            # is reported when it comes back, with what passed while it was set aside.
            left = self._missed_since(old_show, self._owed_from) if self._owed_from is not None else old_clock.now()
            self._set_aside[old_show] = (left, dict(self._fired), set(self._reported))
        self._run = (self._controller.show, self._controller.clock)
        left_at, fired, reported = self._set_aside.pop(self._controller.show, (self._controller.clock.now(), {}, set()))
        self._subscription.replace(self._controller.clock.subscribe(self._on_clock_changed))
        if self._scheduler_made is not None:  # (one made later starts on the clock then on)
            self._scheduler_made.set_clock(self._controller.clock)
        for key in list(self._armed):
            self._remove_job(key)
        self._armed.clear()
        self._settle.stop()
        self._settling.clear()
        self._fired = fired
        self._reported = reported  # a dropped alert of the live show is not logged again on its return
        self._first = True
        self._since = left_at
        if owed:  # still owed, now for this show on its own clock
            self._owed_from = self._controller.clock.now()
            self._jumped_while_owed = False
            return
        self.replan()
