"""Bench rows for the control API and OSC (issue 17).

``add_rows(report, quick)`` adds three rows to :class:`runshow.bench.core.Report`;
``runshow.bench.core.run`` calls it. Each is taken from the app's real path: both
windows open on the offscreen platform, the controller with a real journal (every
accepted action fsynced before it is answered), the server on 127.0.0.1 and the
client on a thread of its own.

- **HTTP action end to end**: a keep-alive client posts ``adjust`` (+1 s, −1 s, …)
  one after another; the time from sending the request to having read the
  response (request → GUI thread → journal fsync → fold → state → response).
- **OSC action to state change**: a UDP client sends ``/runshow/message``; the time
  from ``sendto`` to the controller emitting the state that carries it.
- **stage flip error under 20 actions/s**: a show at 10× on a rehearsal clock; the
  flip timer's states against the boundary they were aimed at (real ms), first
  with no action arriving, then with an HTTP ``message`` action every 50 ms.
"""

from __future__ import annotations

import asyncio
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from runshow.bench.core import SCHEDULE_2021, Report, percentile, qapp, run_until

FIGURES = (
    "HTTP action end to end (request → journal fsync → response)",
    "OSC action to state change",
    "stage flip error while 20 actions/s arrive over the API",
)
TOKEN = "bench-token"


@contextmanager
def _rig(clock: Any, limiter_rate: float = 10000.0) -> Iterator[Any]:
    from runshow.live.journal import Journal
    from runshow.plan import load_plan
    from runshow.remote.control import RateLimiter, RemoteControl
    from runshow.remote.osc import OscBridge
    from runshow.remote.server import RemoteServer
    from runshow.remote.session import RemoteSession
    from runshow.ui.app import build_app, show_windows

    qapp()
    plan = load_plan(SCHEDULE_2021)
    folder = Path(tempfile.mkdtemp(prefix="runshow-bench-control-"))
    journal = Journal.create(folder / "journal.jsonl", plan)
    windows = build_app(plan, clock, journal=journal)
    show_windows(windows)
    session = RemoteSession(windows.controller, RemoteServer(port=0))
    control = RemoteControl(session, token=TOKEN, token_base=folder, limiter=RateLimiter(limiter_rate, limiter_rate))
    control.install()
    session.start()
    osc = OscBridge(control, port=0)
    osc.start()
    try:
        yield windows, control, osc, plan
    finally:
        osc.stop()
        session.stop()
        windows.controller.stop_ticking()
        for w in (windows.operator, windows.stage):
            if w is not None:
                w.close()
                w.deleteLater()
        windows.close()
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp().processEvents()


def _in_thread(work: Callable[[], Any], timeout: float) -> Any:
    """Run ``work`` on a thread while the Qt loop turns here; its result (None if it did not finish)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = work()
        except Exception as exc:
            box["error"] = exc

    thread = threading.Thread(target=target, name="bench-client", daemon=True)
    thread.start()
    run_until(lambda: not thread.is_alive(), timeout, poll_ms=5)
    thread.join(1)
    if "error" in box:
        raise box["error"]
    return box.get("result")


def _http_client(port: int, count: int, interval_s: float, kind: str) -> list[float]:
    import aiohttp

    async def main() -> list[float]:
        out: list[float] = []
        url = f"http://127.0.0.1:{port}/api/v1/actions/{kind}"
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as s:
            start = time.perf_counter()
            for i in range(count):  # bounded
                if interval_s:
                    wait = start + i * interval_s - time.perf_counter()
                    if wait > 0:
                        await asyncio.sleep(wait)
                body = {"seconds": 1 if i % 2 == 0 else -1} if kind == "adjust" else {"text": f"bench {i % 2}"}
                t0 = time.perf_counter()
                async with s.post(url, json=body, headers=headers) as r:
                    await r.read()
                    if r.status != 200:
                        raise RuntimeError(f"HTTP {r.status}")
                out.append((time.perf_counter() - t0) * 1000)
        return out

    return asyncio.run(main())


def measure_http(count: int) -> list[float]:
    from runshow.live.actions import ActionKind
    from runshow.live.clock import ManualClock
    from runshow.plan import load_plan

    plan = load_plan(SCHEDULE_2021)
    with _rig(ManualClock(plan.start)) as (windows, control, _osc, _plan):
        windows.controller.act(ActionKind.START)
        times = _in_thread(lambda: _http_client(control.server.port, count + 10, 0.0, "adjust"), 120)
        return list(times or [])[10:]  # the first few warm the connection and the caches


def measure_osc(count: int) -> list[float]:
    from runshow.live.clock import ManualClock
    from runshow.plan import load_plan
    from runshow.remote.osc import build_message

    plan = load_plan(SCHEDULE_2021)
    with _rig(ManualClock(plan.start)) as (windows, _control, osc, _plan):
        controller = windows.controller
        applied = threading.Event()
        stamps: list[float] = []
        seen = [len(controller.show.actions)]

        def on_state(_state: Any) -> None:
            n = len(controller.show.actions)
            if n > seen[0]:
                seen[0] = n
                stamps.append(time.perf_counter())
                applied.set()

        controller.stateChanged.connect(on_state)

        def client() -> list[float]:
            out = []
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                for i in range(count + 10):  # bounded
                    applied.clear()
                    t0 = time.perf_counter()
                    sock.sendto(build_message("/runshow/message", [f"bench {i % 2}"]), ("127.0.0.1", osc.port))
                    if not applied.wait(2):
                        raise RuntimeError("an OSC action was not applied")
                    out.append((stamps[-1] - t0) * 1000)
            return out[10:]

        try:
            return list(_in_thread(client, 120) or [])
        finally:
            controller.stateChanged.disconnect(on_state)


class _TimerFlips:
    """The flip timer's states against the boundary they were aimed at (actions' states are not flips)."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.errors_ms: list[float] = []
        self._aim: Any = None
        self._last: Any = None
        self._last_aim: Any = None

    def on_state(self, state: Any) -> None:
        self._last, self._last_aim = state, self._aim
        self._aim = state.next_flip

    def on_fired(self) -> None:  # connected after the controller's refresh: its state has just been seen
        if self._last is not None and self._last_aim is not None:
            self.errors_ms.append((self._last.at - self._last_aim).total_seconds() / self.rate * 1000)


def measure_flips_under_actions(seconds: float) -> dict[str, list[float]]:
    from runshow.bench.core import run_for
    from runshow.live.actions import ActionKind
    from runshow.live.clock import RehearsalClock
    from runshow.plan import load_plan

    plan = load_plan(SCHEDULE_2021)
    out: dict[str, list[float]] = {}
    with _rig(RehearsalClock(plan.start - timedelta(seconds=2), 10.0), limiter_rate=30.0) as (windows, control, _o, _p):
        controller = windows.controller
        controller.act(ActionKind.START)
        run_for(0.3)
        for phase in ("none", "actions"):
            log = _TimerFlips(10.0)
            controller.stateChanged.connect(log.on_state)
            controller.flip_timer.fired.connect(log.on_fired)
            if phase == "none":
                run_for(seconds)
            else:
                port, count = control.server.port, int(seconds * 20)
                _in_thread(lambda: _http_client(port, count, 0.05, "message"), seconds + 30)  # noqa: B023
            controller.stateChanged.disconnect(log.on_state)
            controller.flip_timer.fired.disconnect(log.on_fired)
            out[phase] = log.errors_ms
    return out


def add_rows(report: Report, quick: bool) -> None:
    """The three rows of issue 17."""
    count, flip_s = (40, 2.0) if quick else (500, 20.0)
    http = measure_http(count)
    p50, p99 = percentile(http, 50), percentile(http, 99)
    report.add(FIGURES[0], f"p50 / p99 {p50:.1f} / {p99:.1f} ms over {len(http)} actions (adjust ±1 s)",
               "p99 ≤ 15 ms", bool(http) and p99 <= 15)  # fmt: skip
    osc = measure_osc(count)
    p50, p99 = percentile(osc, 50), percentile(osc, 99)
    report.add(FIGURES[1], f"p50 / p99 {p50:.1f} / {p99:.1f} ms over {len(osc)} messages (/runshow/message)",
               "p99 ≤ 15 ms", bool(osc) and p99 <= 15)  # fmt: skip
    flips = measure_flips_under_actions(flip_s)
    quiet, busy = flips.get("none", []), flips.get("actions", [])
    q99, b99 = percentile(quiet, 99), percentile(busy, 99)
    report.add(
        FIGURES[2],
        f"p99 {b99:.1f} ms with 20 actions/s against {q99:.1f} ms with none ({len(busy)} / {len(quiet)} flips, 10×)",
        "within 2 ms",
        bool(busy) and bool(quiet) and b99 <= q99 + 2,
    )


if __name__ == "__main__":
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rep = Report()
    add_rows(rep, quick="--quick" in sys.argv)
    print(rep.table())
