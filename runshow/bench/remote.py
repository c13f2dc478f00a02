"""Bench rows for the LAN server and the browser views (issue 16).

``add_rows(report, quick)`` adds the rows of :data:`FIGURES` to :class:`runshow.bench.core.Report`;
``runshow.bench.core.run`` calls it (one line); ``python -m runshow.bench.remote --publish``
runs only issue 19's publish rows. How each figure is taken:

- **browser flip error**: a real headless Chromium shows ``/stage`` of a show
  running at 10× on a rehearsal clock; the page records the instant (its clock
  plus its estimated offset to the server's) of every DOM write of a new
  countdown second; each is compared with the true boundary, computed from the
  snapshot's exact numbers on the server's clock.
- **stage flip with 200 clients**: both windows on the offscreen platform at 10×,
  the server publishing every state, first with no client, then with 200
  WebSocket clients (in a child process, each pinging every 2 s as a page does);
  the stage window's flip error (as ``runshow.bench.core`` measures it) in each.
- **CPU and memory per 100 clients**: this process's CPU time and resident
  memory in the two phases above (the clients' own cost is in the child).
- **reconnect**: the page connected, the server stopped for a second and started
  again on the same port; the time from the new server listening to the page
  showing a live countdown again.
- **LAN publish (issue 19)**: a generated festival (1,000 segments of 80 s; 5,000 of
  16 s) on a manual clock, its real ``ShowController`` and a started
  ``RemoteSession``; ``time.thread_time()`` (the GUI thread's CPU, not the server's)
  around every ``RemoteSession.publish``: one a second while only time moves (on
  time, then with the first cue five minutes over), then after each operator action
  of a fixed cycle, then after plan amendments (see :func:`measure_publish`).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from runshow.bench.core import (
    SCHEDULE_2021,
    FlipLog,
    Report,
    cpu_seconds,
    live_windows,
    percentile,
    run_for,
    run_until,
    status_kb,
)
from runshow.live.actions import Mode
from runshow.plan.generated import festival_toml

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIGURES = (
    "browser flip error vs the server's clock (10×)",
    "stage flip p99 with 200 WebSocket clients",
    "CPU and memory per 100 WebSocket clients",
    "browser reconnect after a server restart",
    "LAN publish while only time moves, 1,000 segments over time (GUI thread)",
    "LAN publish after an operator action, 1,000 segments (GUI thread)",
    "LAN publish, 5,000 segments: time only / after an action (GUI thread)",
    "LAN publish after an amendment (insert or remove a segment), 1,000 segments (GUI thread)",
)
MINUS = "\u2212"


def _seconds(shown: str) -> int | None:
    sign = -1 if shown.startswith(MINUS) else 1
    try:
        parts = [int(x) for x in shown.lstrip(MINUS).split(":")]
    except ValueError:
        return None
    total = 0
    for p in parts:
        total = total * 60 + p
    return sign * total


def _browser() -> tuple[Any, Any] | None:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    pw = sync_playwright().start()
    return pw, pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _running_show(speed: float) -> tuple[Any, Any]:
    """The 2021 show started at its first cue, on a rehearsal clock at ``speed``."""
    from runshow.live.actions import Action, ActionKind
    from runshow.live.clock import RehearsalClock
    from runshow.live.show import Show
    from runshow.plan import load_plan

    plan = load_plan(SCHEDULE_2021)
    show = Show(plan, [Action(ActionKind.START, plan.start)])
    return show, RehearsalClock(plan.start + timedelta(seconds=0.3), speed)


def _snapshot(show: Any, clock: Any, seq: int = 1) -> tuple[Any, float]:
    from runshow.live.clock import SystemClock
    from runshow.live.state import state_at
    from runshow.remote.content import epoch_ms, snapshot
    from runshow.remote.words import translators

    state = state_at(show, clock.now())
    wall_ms = epoch_ms(SystemClock().now())
    return snapshot(state, translators(), seq=seq, wall_ms=wall_ms, rate=clock.rate), wall_ms


def measure_browser_flips(browser: Any, seconds: float, speed: float = 10.0) -> tuple[list[float], str]:
    from runshow.remote.server import RemoteServer

    show, clock = _running_show(speed)
    srv = RemoteServer(port=0)
    srv.start()
    try:
        snap, wall_ms = _snapshot(show, clock)
        srv.publish(snap)
        remaining_ms = snap.payload("ko")["timing"]["remaining_ms"]
        page = browser.new_page(viewport={"width": 1280, "height": 720}, bypass_csp=True)
        page.goto(f"http://127.0.0.1:{srv.port}/stage")
        page.wait_for_function("window.RS && RS.synced && RS.payload", timeout=10_000)
        page.wait_for_timeout(seconds * 1000)
        flips, offset, rtt = page.evaluate("[RS.flips, RS.offset, RS.rtt]")
        page.close()
    finally:
        srv.stop()
    errors = []
    previous: int | None = None
    for shown, client_ms in flips:  # a flip is a step of one second (not the first paint, not a reconnect)
        k = _seconds(shown)
        if k is not None and previous is not None and k == previous - 1:
            boundary = wall_ms + (remaining_ms - k * 1000) / speed
            errors.append(client_ms + offset - boundary)
        previous = k
    return errors, f"offset estimate {offset:+.1f} ms, least round trip {rtt:.2f} ms"


def measure_reconnect(browser: Any, restarts: int) -> list[float]:
    from runshow.remote.server import RemoteServer

    show, clock = _running_show(1.0)
    srv = RemoteServer(port=0)
    srv.start()
    port = srv.port
    srv.publish(_snapshot(show, clock)[0])
    page = browser.new_page(bypass_csp=True)
    page.goto(f"http://127.0.0.1:{port}/stage")
    page.wait_for_function("window.RS && RS.synced && RS.payload", timeout=10_000)
    times = []
    try:
        for i in range(restarts):
            srv.stop()
            page.wait_for_function("document.body.classList.contains('offline')", timeout=10_000)
            page.wait_for_timeout(1000)  # the server is down for a second
            srv = RemoteServer(port=port)
            srv.publish(_snapshot(show, clock, seq=i + 2)[0])
            srv.start()
            t0 = time.monotonic()
            page.wait_for_function(
                "RS.connected && RS.synced && !document.body.classList.contains('offline')", timeout=10_000, polling=2
            )
            times.append((time.monotonic() - t0) * 1000)
    finally:
        page.close()
        srv.stop()
    return times


# ── 200 clients in a child process ──────────────────────────────────────────
def clients_main(port: int, n: int) -> None:
    """In the child: ``n`` WebSocket clients reading every state and pinging every 2 s until stdin closes."""
    import aiohttp

    async def one(session: aiohttp.ClientSession, i: int, ready: asyncio.Event, count: list[int]) -> None:
        async with session.ws_connect(f"http://127.0.0.1:{port}/ws?lang={'en' if i % 5 == 0 else 'ko'}") as ws:
            count[0] += 1
            if count[0] == n:
                ready.set()

            async def pings() -> None:
                while True:
                    await ws.send_json({"type": "ping", "id": 1, "t0": 0})
                    await asyncio.sleep(2)

            task = asyncio.create_task(pings())
            try:
                async for _ in ws:
                    pass
            finally:
                task.cancel()

    async def main() -> None:
        ready = asyncio.Event()
        count = [0]
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
            tasks = [asyncio.create_task(one(session, i, ready, count)) for i in range(n)]
            await asyncio.wait_for(ready.wait(), 60)
            print("ready", flush=True)
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    asyncio.run(main())


def measure_with_clients(seconds: float, clients: int) -> dict[str, Any]:
    from runshow.bench.core import qapp
    from runshow.live.clock import RehearsalClock
    from runshow.plan import load_plan
    from runshow.remote.server import RemoteServer
    from runshow.remote.session import RemoteSession

    qapp()
    plan = load_plan(SCHEDULE_2021)
    out: dict[str, Any] = {}
    with live_windows(RehearsalClock(plan.start - timedelta(seconds=3), 10.0), plan) as windows:
        from runshow.live.actions import ActionKind

        controller = windows.controller
        session = RemoteSession(controller, RemoteServer(port=0))
        session.start()
        controller.act(ActionKind.START)
        run_for(0.5)
        child = None
        try:
            for phase in ("none", "many"):
                if phase == "many":
                    child = subprocess.Popen(
                        [
                            sys.executable,
                            "-c",
                            f"from runshow.bench.remote import clients_main; "
                            f"clients_main({session.server.port}, {clients})",
                        ],
                        stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE,
                        text=True,
                    )
                    assert child.stdout is not None
                    line = child.stdout.readline()
                    if not line.startswith("ready"):
                        out["error"] = "clients did not connect"
                        return out
                    run_until(lambda: session.server.client_count >= clients, 10)
                    run_for(1.0)
                log = FlipLog(rate=10.0)
                controller.stateChanged.connect(log.on_state)
                gc.collect()
                rss0, cpu0, t0 = status_kb("VmRSS") or 0, cpu_seconds(), time.monotonic()
                run_for(seconds)
                rss1, cpu1, t1 = status_kb("VmRSS") or 0, cpu_seconds(), time.monotonic()
                controller.stateChanged.disconnect(log.on_state)
                out[phase] = {
                    "p99": percentile(log.errors_ms, 99),
                    "flips": log.flips,
                    "cpu_pct": (cpu1 - cpu0) / (t1 - t0) * 100,
                    "rss_kb": (rss0 + rss1) / 2,
                    "clients": session.server.client_count,
                }
        finally:
            if child is not None:
                assert child.stdin is not None
                child.stdin.close()
                child.wait(10)
            session.stop()
    return out


# ── what publishing costs the GUI thread (issue 19) ─────────────────────────
#: The operator's live actions the publish figure cycles through (an action, then a second of show).
ACTION_CYCLE: tuple[tuple[str, dict[str, Any]], ...] = (
    ("adjust", {"seconds": 60}),
    ("adjust", {"seconds": -60}),
    ("next", {}),
    ("pause", {}),
    ("resume", {}),
    ("undo", {}),
    ("redo", {}),
    ("message", {"text": "1분 남았습니다"}),
    ("clear_message", {}),
    ("blackout", {"on": True}),
    ("blackout", {"on": False}),
    ("previous", {}),
    ("next", {}),
    ("mode", {"mode": Mode.FOLLOW}),
    ("mode", {"mode": Mode.MANUAL}),
    ("next", {}),
)


@contextlib.contextmanager
def _one_page(server: Any, seconds: float = 10.0) -> Iterator[None]:
    """One WebSocket page connected to ``server`` (an aiohttp client on a thread of its own,
    reading every message) for the block: with no page the session builds nothing for time
    alone, so the publish rows measure it as it runs while the views are open."""
    import aiohttp

    from runshow.bench.core import qapp, run_until

    done = threading.Event()

    async def page() -> None:
        url = f"http://127.0.0.1:{server.port}/ws?view=rundown"
        async with aiohttp.ClientSession() as http, http.ws_connect(url) as ws:
            while not done.is_set():
                with contextlib.suppress(TimeoutError):
                    await ws.receive(timeout=0.2)

    worker = threading.Thread(target=lambda: asyncio.run(page()), name="bench page", daemon=True)
    worker.start()
    try:
        run_until(lambda: server.client_count >= 1, seconds)
        qapp().processEvents()
        yield
    finally:
        done.set()
        worker.join(seconds)


def measure_publish(segments: int, ticks: int, actions: int, amendments: int = 0) -> dict[str, Any]:
    """GUI-thread CPU of ``RemoteSession.publish`` on a running festival of ``segments``.

    The real path: a :class:`ShowController` on a manual show clock, a started
    :class:`RemoteSession` and server (its own thread), the publish wrapped with
    ``time.thread_time`` (this thread's CPU only: the server's loop is not in it).
    Phases: ``ticks`` refreshes a second apart on time, then as many over time
    (the first cue five minutes over, so every projection moves), then
    ``actions`` operator actions from :data:`ACTION_CYCLE`, one show second apart,
    then ``amendments`` plan amendments (a segment inserted after the one on now,
    then removed again).
    """
    from runshow.bench.core import qapp
    from runshow.live.actions import ActionKind
    from runshow.live.clock import ManualClock
    from runshow.plan import parse_plan
    from runshow.remote.server import RemoteServer
    from runshow.remote.session import RemoteSession
    from runshow.session.controller import ShowController

    qapp()
    toml = festival_toml(segments) if segments <= 1000 else festival_toml(segments, length_s=16)
    plan = parse_plan(toml.encode(), f"festival-{segments}.toml")
    clock = ManualClock(plan.start - timedelta(seconds=2))
    wall = ManualClock(plan.start)  # the server's real clock: one publish a real second
    controller = ShowController(plan, clock)
    session = RemoteSession(controller, RemoteServer(port=0), wall=wall)
    costs: list[float] = []
    real_publish = session.publish

    def timed(state: Any) -> None:
        t0 = time.thread_time()
        real_publish(state)
        costs.append((time.thread_time() - t0) * 1000)

    session.publish = timed  # type: ignore[method-assign]
    if not session.start():
        return {"error": "the server could not start"}
    out: dict[str, Any] = {}
    page = _one_page(session.server)
    try:
        page.__enter__()
        if session.server.client_count < 1:
            return {"error": "no page could connect to measure the views open"}
        clock.advance(2)
        controller.act(ActionKind.START)
        first_len = plan.segments[0].end - plan.segments[0].start

        def tick_phase() -> list[float]:
            costs.clear()
            for _ in range(ticks):
                clock.advance(1)
                wall.advance(1)
                controller.refresh()
                qapp().processEvents()  # a time-only refresh is published right after the tick
            return list(costs)

        out["on_time"] = tick_phase()
        clock.advance((first_len + timedelta(minutes=5)).total_seconds())
        wall.advance(1)
        controller.refresh()
        out["over_time"] = tick_phase()
        costs.clear()
        done = 0
        while done < actions:
            for name, fields in ACTION_CYCLE:
                if done >= actions:
                    break
                clock.advance(1)
                wall.advance(1)
                controller.act(ActionKind(name), **fields)
                done += 1
        out["actions"] = list(costs)
        costs.clear()
        from runshow.live.actions import Amendment, AmendOp

        for k in range(amendments):
            clock.advance(1)
            wall.advance(1)
            here = controller.state.segment
            anchor = here.id if here is not None else plan.segments[0].id
            if k % 2 == 0:
                change = Amendment(
                    AmendOp.INSERT, place="after", anchor=anchor, new_id=f"bench{k}", text="bench", seconds=60
                )
            else:
                change = Amendment(AmendOp.REMOVE, segment=f"bench{k - 1}")
            controller.act(ActionKind.AMEND, amend=change)
        out["amendments"] = list(costs)
    finally:
        page.__exit__(None, None, None)
        session.stop()
        controller.stop_ticking()
    return out


def _publish_ms(values: list[float]) -> str:
    return f"p50 / p99 / max {percentile(values, 50):.2f} / {percentile(values, 99):.2f} / {max(values):.2f} ms"


def add_publish_rows(report: Report, quick: bool) -> None:
    """The GUI thread's cost of the LAN views at festival scale (issue 19)."""
    ticks, actions, amendments = (5, 15, 4) if quick else (60, 300, 40)
    for segments in (1000, 5000):
        res = measure_publish(segments, ticks, actions, amendments if segments == 1000 else 0)
        if "error" in res:
            for figure in (FIGURES[4], FIGURES[5], FIGURES[7]) if segments == 1000 else (FIGURES[6],):
                report.add(figure, f"not measured: {res['error']}", "—", None)
            continue
        over, acts, on = res["over_time"], res["actions"], res["on_time"]
        share = sum(over) / len(over) / 1000 * 100  # one publish a real second: ms per 1000 ms
        if segments == 1000:
            report.add(
                FIGURES[4],
                f"{share:.3f} % of one core: one publish a second, {_publish_ms(over)} over {len(over)} s "
                f"(on time {sum(on) / len(on) / 10:.3f} %, {_publish_ms(on)})",
                "≤ 0.1 % (a publish ≤ 1 ms on average)",
                share <= 0.1,
            )
            amends = res["amendments"]
            report.add(
                FIGURES[7],
                f"{_publish_ms(amends)} over {len(amends)} amendments (the plan changed: every row is rebuilt "
                "and the changed ones sent)",
                "— (reported)",
                True,
            )
            report.add(
                FIGURES[5],
                f"{_publish_ms(acts)} over {len(acts)} actions",
                "p99 ≤ 3 ms",
                percentile(acts, 99) <= 3.0,
            )
        else:
            report.add(
                FIGURES[6],
                f"over time {share:.3f} % of one core ({_publish_ms(over)}); "
                f"after an action {_publish_ms(acts)} over {len(acts)}",
                "— (reported)",
                True,
            )


def add_rows(report: Report, quick: bool) -> None:
    """The four rows of issue 16 (``n/a`` with the reason where Chromium is missing), then issue 19's."""
    add_publish_rows(report, quick)
    flip_s, load_s, restarts, clients = (2.0, 2.0, 1, 200) if quick else (30.0, 20.0, 5, 200)
    started = _browser()
    if started is None:
        for figure in (FIGURES[0], FIGURES[3]):
            report.add(figure, "not measured: no chromium / playwright", "—", None)
    else:
        pw, browser = started
        try:
            errors, note = measure_browser_flips(browser, flip_s)
            p99 = percentile(errors, 99)
            report.add(
                FIGURES[0],
                f"p50 / p99 / max {percentile(errors, 50):.1f} / {p99:.1f} / {max(errors, default=float('nan')):.1f} ms"
                f" over {len(errors)} flips; {note}",
                "p99 ≤ 20 ms",
                bool(errors) and p99 <= 20,
            )
            times = measure_reconnect(browser, restarts)
            report.add(
                FIGURES[3],
                f"p50 / max {percentile(times, 50):.0f} / {max(times):.0f} ms over {len(times)} restarts",
                "≤ 1 s",
                max(times) <= 1000,
            )
        finally:
            browser.close()
            pw.stop()
    res = measure_with_clients(load_s, clients)
    if "error" in res:
        report.add(FIGURES[1], f"not measured: {res['error']}", "within 2 ms", None)
        return
    none, many = res["none"], res["many"]
    report.add(
        FIGURES[1],
        f"{many['p99']:.1f} ms with {many['clients']} clients against {none['p99']:.1f} ms with none "
        f"({many['flips']} / {none['flips']} flips)",
        "within 2 ms",
        many["p99"] - none["p99"] <= 2.0,
    )
    per = 100 / max(1, many["clients"])
    report.add(
        FIGURES[2],
        f"{(many['cpu_pct'] - none['cpu_pct']) * per:.2f} % of one core and "
        f"{(many['rss_kb'] - none['rss_kb']) / 1024 * per:.1f} MB per 100 clients "
        "(each: a state a second, a ping every 2 s)",
        "—",
        True,
    )


def main() -> int:
    """``python -m runshow.bench.remote [--quick] [--publish]`` (``--publish``: only the publish rows)."""
    report = Report()
    if "--publish" in sys.argv:
        add_publish_rows(report, "--quick" in sys.argv)
    else:
        add_rows(report, "--quick" in sys.argv)
    print(report.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
