"""Puts alerts in front of people: toast + log + chime for the operator, a notice for the stage.

:func:`install_alerts` is the one call the app makes. It builds the
:class:`~runshow.session.alert_armer.AlertArmer` (planning and timing), and an
:class:`AlertPresenter` that turns what the armer emits into:

- operator: a toast (for rules whose audience includes the operator), a row
  in the alert log dock, and the chime unless the rule is silent or the
  operator muted it; alerts missed while runshow was closed get a row each and
  a single summary toast, never a chime;
- stage: for rules whose audience includes the stage, a short large notice on
  every stage view (the stage window and the operator's miniature). The
  wrap-up *colours* come from the state itself (the stage view reads
  ``remaining`` against the rules); the notice is the words. It clears when
  the cue changes or after ``NOTICE_SECONDS`` of show time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QMainWindow

from runshow.live.alerts import AlertEvent, AlertRecord, PlannedAlert, Rule, alert_history
from runshow.live.journal import read_journal
from runshow.live.state import ShowState
from runshow.present.alert_text import alert_short, alert_text
from runshow.session.alert_armer import AlertArmer, AlertFault, FiredAlert
from runshow.session.controller import ShowController
from runshow.session.qt_translate import qt_tr
from runshow.session.timers import Timer, real_seconds
from runshow.ui.alert_log import AlertLogDock
from runshow.ui.chime import Chime, SystemChime
from runshow.ui.toast import ToastStack

log = logging.getLogger(__name__)

MUTED_KEY = "alerts/chime_muted"
LOG_HEIGHT = 170  # px: a handful of rows under the rundown
NOTICE_SECONDS = 20  # show seconds a stage notice stays up, unless the cue changes first

_LEVEL = {
    Rule.OVERTIME: "danger",
    Rule.WRAPUP_DANGER: "danger",
    Rule.SHOW_END: "danger",
    Rule.WRAPUP_WARNING: "warning",
    Rule.BREAK_ENDING: "warning",
    Rule.BREAK_OVER: "warning",
    Rule.SHOW_END_WARNING: "warning",
}


class StageNotices(Protocol):
    """What the stage view offers the alert system (``runshow.ui.stage.StageView``)."""

    def show_notice(self, text: str) -> None: ...

    def clear_notice(self) -> None: ...


P = ParamSpec("P")
R = TypeVar("R")


def _guarded(
    where: str,
) -> Callable[[Callable[Concatenate[AlertPresenter, P], R]], Callable[Concatenate[AlertPresenter, P], R | None]]:
    """A presenter slot that raises is reported as a fault, like the armer's own steps."""

    def wrap(method: Callable[Concatenate[AlertPresenter, P], R]) -> Callable[Concatenate[AlertPresenter, P], R | None]:
        def run(self: AlertPresenter, /, *args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:
                self.armer.report_fault(AlertFault.of(where, exc), exc)
                return None

        run.__name__, run.__doc__ = method.__name__, method.__doc__
        return run

    return wrap


class FaultShower(Protocol):
    def __call__(self, text: str) -> None: ...


class AlertPresenter(QObject):
    """Routes the armer's signals to the toast stack, the log, the chime and the stage."""

    def __init__(
        self,
        controller: ShowController,
        armer: AlertArmer,
        toasts: ToastStack,
        log_dock: AlertLogDock,
        chime: Chime,
        stages: Iterable[StageNotices],
        parent: QObject | None = None,
        show_fault: FaultShower | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self.armer = armer
        self._show_fault = show_fault
        self.toasts = toasts
        self.log_dock = log_dock
        self.chime = chime
        self.stages = list(stages)
        self.missed: list[PlannedAlert] = []
        self.notice: str | None = None
        self._notice_cue: int | None = None
        self._notice_timer = Timer(self, "stage notice lifetime")
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._notice_timer.timeout.connect(self.clear_notice)
        self._summary_timer = Timer(self, "missed-alerts summary")  # waits for the operator window to be on screen
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(0)
        self._summary_timer.timeout.connect(self._summarise_now)
        armer.alertFired.connect(self.on_fired)
        armer.alertMissed.connect(self.on_missed)
        armer.alertDropped.connect(self.on_dropped)
        armer.alertFault.connect(self.on_fault)
        log_dock.acknowledged.connect(self.on_acknowledged)
        controller.stateChanged.connect(self._on_state)

    # ── history in the journal ────────────────────────────────────────────
    def _record(self, event: AlertEvent, key: str, alert: PlannedAlert | None, at: datetime | None = None) -> None:
        """Journal one line of the log (the live journal only: a rehearsal's record has no alert lines)."""
        append = getattr(self._controller.journal, "append_alert", None)
        if not callable(append):
            return
        if getattr(self._controller.journal, "writable", True) is False:
            return  # a read-only journal: its own bar says so (runshow/ui/journal_fault.py), once
        record = AlertRecord(event, at or self._controller.clock.now(), key, alert)
        try:
            append(record.to_json())
        except OSError as exc:  # disk full, unplugged: the log still shows it, the operator learns why
            self.armer.report_fault(AlertFault.of("journal", exc), exc)

    def restore(self, records: Iterable[AlertRecord]) -> None:
        """Rebuild the log from the journal's alert history, as it was before the crash."""
        for record in records:
            alert = record.alert
            if record.event is AlertEvent.FIRED and alert is not None:
                self.log_dock.add_fired(FiredAlert(alert, record.at))
            elif record.event is AlertEvent.MISSED and alert is not None:
                self.log_dock.add_missed(alert)
            elif record.event is AlertEvent.DROPPED and alert is not None:
                self.log_dock.add_dropped(alert)
            elif record.event is AlertEvent.ACKNOWLEDGED:
                self.log_dock.mark_acknowledged(record.key)

    @_guarded("journal")
    def on_acknowledged(self, key: str) -> None:
        self._record(AlertEvent.ACKNOWLEDGED, key, None)

    def on_fault(self, fault: AlertFault) -> None:
        """A red line in the control room: alerts may be missing until this is looked at."""
        text = (
            self.tr("Alert fault (%1): %2 — alerts may be missing; watch the clock and check the log")
            .replace("%1", fault.where)
            .replace("%2", fault.error)
        )
        if self._show_fault is not None:
            self._show_fault(text)
        else:
            self.toasts.show_text(text, "danger")

    @_guarded("log")
    def on_dropped(self, alert: PlannedAlert) -> None:
        self.log_dock.add_dropped(alert)
        self._record(AlertEvent.DROPPED, alert.key, alert)

    def stop(self) -> None:
        """The armer stopped (the app closes): clear the stage notice and the toasts, stop their timers."""
        self._notice_timer.stop()
        self._summary_timer.stop()
        self.clear_notice()
        self.toasts.clear()

    @_guarded("show")
    def on_fired(self, fired: FiredAlert) -> None:
        alert = fired.alert
        self.log_dock.add_fired(fired)
        self._record(AlertEvent.FIRED, alert.key, alert, fired.fired_at)
        if alert.for_operator:
            self.toasts.show_text(alert_text(alert, qt_tr), _LEVEL.get(alert.rule, "info"))
        if alert.chime and not self.log_dock.muted:
            self.chime.play()
        if alert.for_stage:
            self.show_notice(alert_short(alert, qt_tr), fired.fired_at)

    @_guarded("log")
    def on_missed(self, alert: PlannedAlert) -> None:
        self.missed.append(alert)
        self.log_dock.add_missed(alert)
        self._record(AlertEvent.MISSED, alert.key, alert)

    def summarise_missed(self) -> None:
        """One toast for everything missed at start-up, rather than a burst of them.

        Built before the windows are shown, the app would place the toast against
        a window not yet on screen: then it waits for the event loop.
        """
        if self.toasts.anchor.isVisible():
            self._summarise_now()
        else:
            self._summary_timer.start()

    def _summarise_now(self) -> None:
        n = len(self.missed)
        if n:
            text = self.tr("%n alert(s) passed while runshow was closed — see the alert log", "", n)
            self.toasts.show_text(text, "warning")

    # ── stage notice ──────────────────────────────────────────────────────
    def show_notice(self, text: str, at: datetime | None = None) -> None:
        self.notice = text
        state = self._controller.state
        self._notice_cue = state.cue.index if state.cue else None
        for stage in self.stages:
            stage.show_notice(text)
        wait = real_seconds(NOTICE_SECONDS, self._controller.clock)
        if wait is not None:
            self._notice_timer.start(round(wait * 1000))
        else:
            self._notice_timer.stop()  # a stopped clock keeps it until the cue changes

    def clear_notice(self) -> None:
        self._notice_timer.stop()
        if self.notice is None:
            return
        self.notice = None
        for stage in self.stages:
            stage.clear_notice()

    def _on_state(self, state: ShowState) -> None:
        cue = state.cue.index if state.cue else None
        if self.notice is not None and cue != self._notice_cue:
            self.clear_notice()


def install_alerts(
    controller: ShowController,
    operator_window: QMainWindow,
    stage_view: StageNotices | Iterable[StageNotices],
    chime: Chime | None = None,
    since: datetime | None = None,
    settings: QSettings | None = None,
    armer: AlertArmer | None = None,
) -> AlertArmer:
    """Create the armer (unless the session made it), toasts, alert log and chime, wire them, arm the first plan.

    ``stage_view`` is one stage view or several (the stage window's view and the
    operator's miniature). ``since`` is when the app was last known to be running
    (default: the journal's last action) for reporting missed alerts. With
    ``settings`` the chime's mute switch is remembered across restarts.
    """
    stages: list[StageNotices] = (
        [stage_view] if not isinstance(stage_view, Iterable) else list(stage_view)  # a view is not iterable
    )
    if armer is None:
        armer = AlertArmer(controller, since=since, parent=operator_window)
    toasts = ToastStack(operator_window)
    dock = AlertLogDock(controller.plan.event.timezone, operator_window)
    operator_window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    if settings is not None:
        dock.set_muted(bool(settings.value(MUTED_KEY, False, type=bool)))
        dock.mutedChanged.connect(lambda muted: settings.setValue(MUTED_KEY, muted))
    operator_window.resizeDocks([dock], [LOG_HEIGHT], Qt.Orientation.Vertical)  # the rundown keeps the room
    toasts.keep_clear_of(dock)  # a toast must never cover the newest row's acknowledge box
    overlay = getattr(operator_window, "help_overlay", None)
    if overlay is not None:  # F1 lists the log's own keys too
        overlay.add_actions([dock.ack_action, dock.mute_action])
    show_fault = getattr(operator_window, "show_fault", None)
    presenter = AlertPresenter(
        controller, armer, toasts, dock, chime or SystemChime(), stages, parent=armer, show_fault=show_fault
    )
    armer.attachments.append(presenter)
    history = journaled_history(controller.journal)
    if history:
        presenter.restore(history)
        armer.restore(
            fired={r.key: r.alert.instant for r in history if r.event is AlertEvent.FIRED and r.alert is not None},
            reported=[r.key for r in history if r.event in (AlertEvent.MISSED, AlertEvent.DROPPED)],
            alive_at=max(r.at for r in history),
        )
    armer.start()
    presenter.summarise_missed()
    return armer


def journaled_history(journal: object) -> list[AlertRecord]:
    """The alert history of the live journal ``journal`` (an open ``runshow.live.journal.Journal``).

    Read here rather than threaded through the recovery path: the journal's
    alert lines concern only the log. Unreadable lines are logged and skipped.
    """
    path = getattr(journal, "path", None)
    if not isinstance(path, Path) or not path.exists():
        return []
    records, problems = alert_history(read_journal(path).alerts)
    for problem in problems:
        log.warning("journal %s: %s; skipped", path.name, problem)
    return records
