"""APScheduler on the Qt event loop, driven by runshow's Clock.

Why not the stock ``apscheduler.schedulers.qt.QtScheduler`` (APScheduler 3.11):

- It arms each wake-up with ``QTimer.singleShot(ms, callback)``, which returns
  ``None`` in PySide6, so it can never cancel the wake-up it armed before:
  every ``add_job``/``modify_job`` leaves one more timer chain alive (measured
  here: 200 jobs added → 2,412 wake-ups in 6 s for 11 firings).
- Its default executor is a thread pool, so a job would run off the GUI thread.
- It asks the machine's wall clock for "now", while runshow has one source of time,
  the :class:`~runshow.live.clock.Clock`, and a rehearsal clock that runs up
  to 600× faster than the wall.

So :class:`ClockScheduler` keeps APScheduler's job model, job store, events and
executor plumbing, and replaces the three pieces that touch time or threads:

- **One wake-up.** It owns exactly one ``QTimer`` (single shot,
  ``Qt.PreciseTimer``). ``wakeup()`` and every re-aim restart that same timer,
  so there is never more than one pending wake-up (:meth:`pending_wakeups`).
- **Clock time.** Jobs are stored at *show* instants (a ``DateTrigger`` at the
  clock instant, with ``next_run_time`` given explicitly so APScheduler never
  asks the wall clock). ``_process_jobs`` asks the Clock for now, runs what is
  due, and converts the wait until the next job into real milliseconds through
  ``clock.rate`` (at 600× a show minute is 100 ms). A stopped clock (rate 0)
  arms nothing; the clock's change notification re-arms.
- **GUI thread.** The default executor is APScheduler's inline
  ``DebugExecutor``: a due job runs right there, in the timer's slot, on the
  thread that owns the scheduler — the GUI thread. No thread pool is created.
  ``misfire_grace_time`` is ``None`` because lateness is judged against the
  Clock by the caller, not against ``datetime.now``.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from apscheduler.events import EVENT_JOB_SUBMITTED, JobSubmissionEvent
from apscheduler.executors.debug import DebugExecutor
from apscheduler.job import Job
from apscheduler.schedulers.base import STATE_PAUSED, STATE_RUNNING, BaseScheduler
from apscheduler.triggers.date import DateTrigger
from PySide6.QtCore import QObject, Qt, QTimer

from runshow.live.clock import Clock
from runshow.session.timers import Timer, real_seconds_until

log = logging.getLogger(__name__)

_MAX_MS = 2_147_483_647  # QTimer takes a signed 32-bit millisecond count
LATE_LOG_MS = 20.0


class ClockScheduler(BaseScheduler):  # type: ignore[misc]  # APScheduler 3 ships no types: its base is Any
    """An APScheduler scheduler whose "now" is a runshow Clock and whose loop is Qt's."""

    def __init__(self, clock: Clock, parent: QObject | None = None, **options: Any) -> None:
        options.setdefault("timezone", UTC)
        options.setdefault("job_defaults", {"misfire_grace_time": None, "coalesce": True, "max_instances": 1})
        self._clock = clock
        self._host = QObject(parent)  # owns the timer; lets tests count its live timers
        self._host.setObjectName("ClockScheduler")
        self._timer = Timer(self._host, "alert scheduler wake-up")
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._due_mono: float | None = None
        self._batching = 0  # inside batch(): wake-ups are owed, made once at its end
        self._owed = False
        self.wakeups = 0  # how many times the loop woke up: a leak shows up here first
        super().__init__(**options)

    # ── time ──────────────────────────────────────────────────────────────
    @property
    def clock(self) -> Clock:
        return self._clock

    def set_clock(self, clock: Clock) -> None:
        """Follow a new clock (rehearsal in or out); the jobs' instants stay show instants."""
        self._clock = clock
        self.wakeup()

    def now(self) -> datetime:
        return self._clock.now()

    def arm(self, job_id: str, instant: datetime, func: Callable[..., Any], *args: Any, order: str = "") -> Job:
        """Add or move the one job ``job_id`` to fire at show instant ``instant``.

        Jobs due at the same instant run in ``order`` (then id) order.
        """
        trigger = DateTrigger(run_date=instant, timezone=UTC)
        name = f"{order}|{job_id}"
        job = self.get_job(job_id)
        if job is not None:  # moving is far cheaper than replacing (no signature check)
            if job.name == name:
                return self.modify_job(job_id, trigger=trigger, next_run_time=instant)
            return self.modify_job(job_id, trigger=trigger, next_run_time=instant, name=name)
        return self.add_job(
            func,
            trigger,
            args=args,
            id=job_id,
            name=name,
            next_run_time=instant,
            replace_existing=True,
        )

    # ── the one wake-up ───────────────────────────────────────────────────
    def pending_wakeups(self) -> int:
        """Live timers this scheduler has armed: 0 (idle or stopped clock) or 1, never more."""
        return sum(1 for t in self._host.findChildren(QTimer) if t.isActive())

    def wakeup(self) -> None:
        if self._batching:
            self._owed = True
            return
        if self.state == STATE_RUNNING:
            self._start_timer(0.0)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Arm many jobs with one wake-up: APScheduler wakes the scheduler at every add and move
        (a re-plan after an adjust moves ~30 jobs; each restarted the timer)."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._owed:
                self._owed = False
                self.wakeup()

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait)
        self._stop_timer()

    def run_due(self) -> None:
        """Run what is due at the Clock's now right away, then re-aim the one wake-up."""
        if self.state == STATE_RUNNING:
            self._start_timer(self._process_jobs())

    def _create_default_executor(self) -> DebugExecutor:
        return DebugExecutor()

    def _start_timer(self, wait_seconds: float | None) -> None:
        if wait_seconds is None:
            self._stop_timer()
            return
        delay_ms = min(math.ceil(wait_seconds * 1000), _MAX_MS)
        self._due_mono = time.monotonic() + delay_ms / 1000
        self._timer.start(delay_ms)  # restarting the same timer replaces the pending wake-up

    def _stop_timer(self) -> None:
        self._timer.stop()
        self._due_mono = None

    def _on_timeout(self) -> None:
        self.wakeups += 1
        if self._due_mono is not None:
            late_ms = (time.monotonic() - self._due_mono) * 1000
            if late_ms > LATE_LOG_MS:
                log.info("alert scheduler woke %.1f ms late", late_ms)
        self._due_mono = None
        self._start_timer(self._process_jobs())

    def _process_jobs(self) -> float | None:
        """Run every job due at the Clock's now, in instant order; return the real wait to the next."""
        if self.state == STATE_PAUSED:
            return None
        now = self._clock.now()
        with self._jobstores_lock:
            due: list[tuple[str, Job]] = []
            for alias, store in self._jobstores.items():
                due.extend((alias, job) for job in store.get_due_jobs(now))
            due.sort(key=lambda pair: (pair[1].next_run_time, pair[1].name))
            for alias, job in due:  # one-shot: out of the store before it runs, so it cannot run twice
                self._jobstores[alias].remove_job(job.id)
        events = []
        for alias, job in due:
            run_times = [job.next_run_time]
            try:
                executor = self._lookup_executor(job.executor)
                executor.submit_job(job, run_times)
            except Exception:
                self._logger.exception('Error running alert job "%s"', job.id)
            else:
                events.append(JobSubmissionEvent(EVENT_JOB_SUBMITTED, job.id, alias, run_times))
        for event in events:
            self._dispatch_event(event)
        return self._wait_seconds()

    def _wait_seconds(self) -> float | None:
        """Real seconds until the earliest job, through the clock's rate (None: nothing to wait for)."""
        if self.state != STATE_RUNNING:
            return None
        if self._clock.rate <= 0:
            return None
        with self._jobstores_lock:
            stores = self._jobstores.values()
            times: list[datetime] = [t for t in (s.get_next_run_time() for s in stores) if t is not None]
        if not times:
            return None
        return real_seconds_until(min(times), self._clock)
