"""``runshow rehearse``: the whole show on a rehearsal clock, without a window.

It runs exactly the app's path — the controller and its flip timer, the
engine, the alert planner and APScheduler on a Qt event loop — inside a
``QCoreApplication``, and prints one JSON line per event, in order: cue changes
and alerts, each stamped with its show time. It is how a crew checks a
schedule and a "what if" scenario before the day, and how the benchmark times
a 600× run.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication

from runshow.live.alerts import PlannedAlert
from runshow.live.clock import ManualClock, RehearsalClock
from runshow.live.rehearsal import default_start
from runshow.live.scenario import Scenario
from runshow.live.show import Status
from runshow.live.state import ShowState
from runshow.plan.model import Plan
from runshow.session.alert_armer import AlertArmer
from runshow.session.controller import ShowController
from runshow.session.rehearsal import RehearsalMode
from runshow.session.timers import defer

Emit = Callable[[dict[str, Any]], None]


class HeadlessRehearsal:
    """Wires controller, script and alerts on a rehearsal clock and reports events."""

    def __init__(
        self,
        plan: Plan,
        scenario: Scenario | None,
        start: datetime | None,
        speed: float,
        emit: Emit,
        clock: RehearsalClock | None = None,
    ) -> None:
        self.plan = plan
        self._tz = plan.event.timezone
        self._emit = emit
        # The app's one rehearsal wiring: a controller, and RehearsalMode swapping in the
        # rehearsal clock, a scratch record and the script (the scenario, or an on-time operator).
        self.controller = ShowController(plan, ManualClock(start or default_start(plan)))
        factory = RehearsalClock if clock is None else (lambda _first, _speed: clock)
        self.rehearsal = RehearsalMode(self.controller, clock_factory=factory)
        self.rehearsal.enter(start, speed, scenario, autoplay=scenario is None)
        assert self.rehearsal.clock is not None
        self.clock: RehearsalClock = self.rehearsal.clock
        self._last: tuple[Status, int | None] | None = None
        self.controller.stateChanged.connect(self._on_state)
        self.armer = self._install_alerts()
        self.done = False

    def _install_alerts(self) -> AlertArmer:
        armer = AlertArmer(self.controller, since=self.clock.now())  # a rehearsal has missed nothing
        armer.alertFired.connect(lambda fired: self._alert("alert", fired.alert, fired.fired_at))
        armer.alertDropped.connect(lambda dropped: self._alert("alert-dropped", dropped))
        armer.alertMissed.connect(lambda missed: self._alert("alert-missed", missed))
        return armer

    def _time(self, instant: datetime | None) -> str | None:
        return None if instant is None else instant.astimezone(self._tz).strftime("%H:%M:%S")

    def _alert(self, event: str, alert: PlannedAlert, fired_at: datetime | None = None) -> None:
        self._emit(
            {
                "t": self._time(alert.instant),
                "event": event,
                "rule": alert.rule.value,
                "text": alert.text,
                "audience": alert.audience.value,
                "segment": alert.segment_id,
                "fired_at": self._time(fired_at),
            }
        )

    def _on_state(self, state: ShowState) -> None:
        key = (state.status, state.cue.index if state.cue else None)
        if key == self._last:
            self._maybe_finish(state)
            return
        self._last = key
        if state.cue is not None:
            timing = state.timing(state.cue.index)  # (one row, not the whole table)
            self._emit(
                {
                    "t": self._time(timing.actual_start or timing.projected_start),
                    "event": "cue",
                    "state": state.status.value,
                    "segment": state.cue.segment.id,
                    "title": state.cue.segment.title,
                    "speaker": state.speaker.name if state.speaker else None,
                    "drift_s": state.drift_s,
                }
            )
        else:
            ended = state.status is Status.ENDED
            self._emit(
                {
                    "t": self._time(state.projected_end if ended else state.at),
                    "event": state.status.value,
                    "drift_s": state.drift_s,
                    "projected_end": self._time(state.projected_end),
                }
            )
        self._maybe_finish(state)

    def _maybe_finish(self, state: ShowState) -> None:
        if self.done or state.status is not Status.ENDED:
            return
        if state.at < max(self.plan.end, state.projected_end):
            return  # the show-end alerts (16:25) still to come
        if self.armer.armed:
            return
        self.done = True
        self.controller.stop_ticking()
        self.rehearsal.stop_script()
        self.armer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            defer(app.quit, app)

    def start(self) -> None:
        gc.freeze()  # as the app does: long-lived start-up objects leave the collector's way
        self.armer.start()
        self.controller.start_ticking()


def rehearse(
    plan: Plan,
    scenario: Scenario | None = None,
    start: datetime | None = None,
    speed: float = 600.0,
    out: TextIO | None = None,
    json_lines: bool = True,
) -> int:
    """Run the show to its end on a rehearsal clock; print one JSON line per event."""
    stream = out or sys.stdout
    app = QCoreApplication.instance() or QCoreApplication([])

    def emit(event: dict[str, Any]) -> None:
        if stream.closed:
            return
        if json_lines:
            line = json.dumps(event, ensure_ascii=False)
        else:
            rest = "  ".join(f"{k}={v}" for k, v in event.items() if k not in ("t", "event") and v not in (None, ""))
            line = f"{event.get('t')}  {event.get('event'):<13} {rest}"
        try:
            stream.write(line + "\n")
            stream.flush()
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly
            with contextlib.suppress(OSError):
                stream.close()
            app.quit()

    run = HeadlessRehearsal(plan, scenario, start, speed, emit)
    run.start()
    if not run.done:
        app.exec()
    return 0
