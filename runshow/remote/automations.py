"""Automations out: on cue start, warning, danger, overtime, cue end, break start/end or a named alert,
send the schedule's OSC message or HTTP request (``[[automation]]``, :mod:`runshow.plan.automations`).

The triggers are read on the GUI thread from the controller's states (the same
flips the stage paints) and from the alert armer's ``alertFired``; the sending
happens on a thread of its own (:class:`~runshow.remote.loop_thread.LoopThread`)
with each automation's timeout, so a venue device that does not answer never
delays a flip. Each automation goes off at most once per trigger (per cue for the
cue triggers, per alert key for alerts), however often the state is looked at, and
is forgotten only when the show is replaced (rehearsal in or out, a reload).

When the show clock is a rehearsal clock, nothing is sent unless the operator
allowed it (:attr:`AutomationRunner.allow_rehearsal`): each is logged as
``skipped`` instead. Every result — ``sent``, ``failed`` (and why), ``skipped`` —
is emitted as :class:`AutomationResult` (:attr:`AutomationRunner.result`) and kept
in :attr:`AutomationRunner.log` for the control room.

The first state seen only sets the baseline: opening the app (or recovering from a
crash) mid-cue does not fire that cue's ``cue_start`` again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import aiohttp
from PySide6.QtCore import QObject, Signal, SignalInstance, Slot

from runshow.live.clock import RehearsalClock
from runshow.live.show import Status
from runshow.live.state import ShowState
from runshow.plan.automations import Automation
from runshow.remote.content import timing, wrapup_level
from runshow.remote.loop_thread import LoopThread
from runshow.remote.osc import build_message
from runshow.session.controller import ShowController

log = logging.getLogger(__name__)

LOG_SIZE = 500


@dataclass(frozen=True, slots=True)
class AutomationResult:
    automation: Automation
    trigger: str  # e.g. "cue_start:welcome#3", "alert:custom:mic-check"
    at: datetime  # show time when it was triggered
    outcome: str  # "sent" | "failed" | "skipped"
    why: str = ""

    def __str__(self) -> str:
        why = f" ({self.why})" if self.why else ""
        return f"{self.at:%H:%M:%S} {self.outcome}: {self.automation.label} [{self.trigger}]{why}"


def _level(state: ShowState) -> str:
    if state.status not in (Status.RUNNING, Status.PAUSED) or state.remaining_s is None:
        return "normal"
    tm = timing(state)
    return wrapup_level(state.remaining_s, tm["warning_s"], tm["danger_s"])


class AutomationRunner(QObject):
    """Watches the show on the GUI thread; sends on its own thread; reports each result."""

    result = Signal(object)  # AutomationResult, on the GUI thread
    _done = Signal(object)  # from the sending thread

    def __init__(
        self,
        controller: ShowController,
        automations: Iterable[Automation],
        *,
        alert_fired: SignalInstance | None = None,
        allow_rehearsal: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self.automations: tuple[Automation, ...] = tuple(automations)
        self._alert_fired = alert_fired
        self.allow_rehearsal = allow_rehearsal
        self.log: deque[AutomationResult] = deque(maxlen=LOG_SIZE)
        self._thread = LoopThread("runshow-automations")
        self._http: aiohttp.ClientSession | None = None
        self._fired: set[tuple[int, str]] = set()
        self._cue: int | None = None
        self._segment: tuple[str, bool] | None = None  # (id, is a break) of the cue on
        self._level = "normal"
        self._baseline = False
        self._started = False
        self._done.connect(self._report)

    # ── life cycle ───────────────────────────────────────────────────────
    def start(self) -> None:
        if self._started or not self.automations:
            return
        self._thread.start()
        self._controller.stateChanged.connect(self._on_state)
        self._controller.showReplaced.connect(self._on_replaced)
        if self._alert_fired is not None:
            self._alert_fired.connect(self._on_alert)
        self._started = True
        self._on_state(self._controller.state)

    def stop(self) -> None:
        if self._started:
            with contextlib.suppress(RuntimeError, TypeError):
                self._controller.stateChanged.disconnect(self._on_state)
                self._controller.showReplaced.disconnect(self._on_replaced)
                if self._alert_fired is not None:
                    self._alert_fired.disconnect(self._on_alert)
            self._started = False
        if self._thread.running:
            with contextlib.suppress(Exception):
                self._thread.submit(self._close()).result(5)
        self._thread.stop()

    async def _close(self) -> None:
        if self._http is not None:
            await self._http.close()
            self._http = None

    # ── triggers (GUI thread) ────────────────────────────────────────────
    @Slot()
    def _on_replaced(self) -> None:
        self._fired.clear()
        self._baseline = False
        self._on_state(self._controller.state)

    @Slot(object)
    def _on_state(self, state: ShowState) -> None:
        on = state.cue is not None and state.status in (Status.RUNNING, Status.PAUSED)
        cue = state.cue.index if on and state.cue is not None else None
        level = _level(state)
        if not self._baseline:
            self._baseline = True
            self._cue, self._level = cue, level
            segment = state.cue.segment if cue is not None and state.cue is not None else None
            self._segment = (segment.id, segment.is_break) if segment is not None else None
            return
        if cue != self._cue:
            if self._cue is not None and self._segment is not None:
                seg_id, was_break = self._segment
                self._trigger("cue_end", seg_id, self._cue, state)
                if was_break:
                    self._trigger("break_end", seg_id, self._cue, state)
            self._cue = cue
            self._level = "normal"
            self._segment = None
            if cue is not None and state.cue is not None:
                segment = state.cue.segment
                self._segment = (segment.id, segment.is_break)
                self._trigger("cue_start", segment.id, cue, state)
                if segment.is_break:
                    self._trigger("break_start", segment.id, cue, state)
        if cue is not None and level != self._level:
            self._level = level
            if level in ("warning", "danger", "overtime") and self._segment is not None:
                self._trigger(level, self._segment[0], cue, state)

    def _trigger(self, on: str, segment_id: str, cue: int, state: ShowState) -> None:
        for automation in self.automations:
            if automation.on == on and automation.segment in (None, segment_id):
                self._fire(automation, f"{on}:{segment_id}#{cue}", state.at)

    @Slot(object)
    def _on_alert(self, fired: object) -> None:
        alert = getattr(fired, "alert", None)
        if alert is None:
            return
        rule = str(getattr(alert, "rule", ""))
        key = str(getattr(alert, "key", ""))
        custom = key.split(":", 2)[1] if key.startswith("custom:") else None
        for automation in self.automations:
            if automation.on != "alert" or automation.alert not in (rule, custom):
                continue
            if automation.segment not in (None, getattr(alert, "segment_id", None)):
                continue
            at = getattr(fired, "fired_at", None) or self._controller.clock.now()
            self._fire(automation, f"alert:{key}", at)

    def _fire(self, automation: Automation, trigger: str, at: datetime) -> None:
        once = (automation.number, trigger)
        if once in self._fired:
            return
        self._fired.add(once)
        if isinstance(self._controller.clock, RehearsalClock) and not self.allow_rehearsal:
            self._report(AutomationResult(automation, trigger, at, "skipped", "rehearsal: not sent"))
            return
        self._thread.submit(self._send(automation, trigger, at))

    # ── sending (its own thread) ─────────────────────────────────────────
    async def _send(self, automation: Automation, trigger: str, at: datetime) -> None:
        try:
            await asyncio.wait_for(self._deliver(automation), automation.timeout_s)
        except TimeoutError:
            result = AutomationResult(automation, trigger, at, "failed", f"no answer within {automation.timeout_s:g} s")
        except (OSError, aiohttp.ClientError, ValueError) as exc:
            result = AutomationResult(automation, trigger, at, "failed", str(exc) or type(exc).__name__)
        except Exception as exc:  # never let one automation take the sender down
            log.exception("automation %s failed", automation.label)
            result = AutomationResult(automation, trigger, at, "failed", f"{type(exc).__name__}: {exc}")
        else:
            result = AutomationResult(automation, trigger, at, "sent")
        self._done.emit(result)

    async def _deliver(self, automation: Automation) -> None:
        loop = asyncio.get_running_loop()
        if automation.osc is not None:
            osc = automation.osc
            infos = await loop.getaddrinfo(osc.host, osc.port, type=socket.SOCK_DGRAM)
            if not infos:
                raise OSError(f"cannot resolve {osc.host}")
            family, kind, proto, _, addr = infos[0]
            with socket.socket(family, kind, proto) as sock:
                sock.setblocking(False)
                sock.sendto(build_message(osc.address, osc.args), addr)
            return
        http = automation.http
        if http is None:
            raise ValueError("nothing to send")
        if self._http is None:
            self._http = aiohttp.ClientSession()
        async with self._http.request(
            http.method, http.url, data=http.body.encode("utf-8") if http.body is not None else None,
            headers=dict(http.headers), timeout=aiohttp.ClientTimeout(total=automation.timeout_s),
        ) as response:  # fmt: skip
            await response.read()
            if response.status >= 400:
                raise ValueError(f"HTTP {response.status} {response.reason or ''}".strip())

    @Slot(object)
    def _report(self, result: AutomationResult) -> None:
        self.log.append(result)
        (log.warning if result.outcome == "failed" else log.info)("automation %s", result)
        self.result.emit(result)
