"""The session side: a snapshot on every state change, calls carried to the GUI thread (Qt)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator

import aiohttp
import pytest

from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock, RehearsalClock
from runshow.remote.server import RemoteServer
from runshow.remote.session import RemoteSession, effective_rate
from runshow.session.controller import ShowController

pytestmark = pytest.mark.gui


@pytest.fixture
def wired(qapp, plan_2021, at):
    clock = ManualClock(at(13, 29, 50))
    controller = ShowController(plan_2021, clock)
    session = RemoteSession(controller, RemoteServer(port=0))
    assert session.start()
    yield controller, session, clock
    session.stop()


def test_every_state_change_publishes_one_snapshot(wired, qtbot) -> None:
    controller, session, _ = wired
    first = session.last
    assert first is not None and first.payload("ko")["state"]["state"] == "pre-show"
    assert controller.act(ActionKind.START) is None
    after = session.last
    assert after is not None and after.seq > first.seq
    assert after.payload("ko")["state"]["state"] == "running"
    assert after.payload("en")["views"]["stage"]["caption"] == "Time left"
    assert after.payload("ko")["views"]["stage"]["caption"] == "남은 시간"
    assert after.payload("ko")["clock"]["rate"] == 0.0  # a ManualClock never moves by itself
    controller.act(ActionKind.MESSAGE, text="마이크 확인")
    assert session.last is not None and session.last.payload("ko")["views"]["stage"]["message"] == "마이크 확인"
    session.show_notice("경북 대기")
    assert session.last.payload("ko")["views"]["stage"]["notice"] == "경북 대기"
    session.clear_notice()
    assert session.last.payload("ko")["views"]["stage"]["notice"] is None


@contextlib.contextmanager
def page_connected(session: RemoteSession, qtbot) -> Iterator[list[dict[str, object]]]:
    """A WebSocket page connected (in a worker thread) for the block; yields what it received."""
    received: list[dict[str, object]] = []
    done = threading.Event()

    def client() -> None:
        async def go() -> None:
            async with aiohttp.ClientSession() as s, s.ws_connect(f"http://127.0.0.1:{session.server.port}/ws") as ws:
                while not done.is_set() and len(received) < 50:
                    try:
                        received.append(await ws.receive_json(timeout=0.2))
                    except TimeoutError:
                        continue

        asyncio.run(go())

    worker = threading.Thread(target=client)
    worker.start()
    try:
        qtbot.waitUntil(lambda: session.server.client_count == 1 and len(received) >= 2, timeout=5000)
        yield received
    finally:
        done.set()
        worker.join(5)
        qtbot.waitUntil(lambda: session.server.client_count == 0, timeout=5000)


def _get_state(port: int, qtbot) -> dict[str, object]:
    """``GET /api/v1/state`` from a worker thread, the GUI thread turning meanwhile (it answers)."""

    async def go() -> dict[str, object]:
        async with aiohttp.ClientSession() as s, s.get(f"http://127.0.0.1:{port}/api/v1/state?lang=en") as r:
            assert r.status == 200
            answer: dict[str, object] = await r.json()
            return answer

    out: list[dict[str, object]] = []
    worker = threading.Thread(target=lambda: out.append(asyncio.run(go())))
    worker.start()
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    worker.join(5)
    return out[0]


def test_flips_of_time_alone_are_published_once_a_real_second(qapp, plan_2021, at, qtbot) -> None:
    clock = ManualClock(at(14, 0))
    wall = ManualClock(at(9, 0))  # the server's real clock, stepped by hand
    controller = ShowController(plan_2021, clock)
    session = RemoteSession(controller, RemoteServer(port=0), wall=wall)
    assert session.start()
    try:
        with page_connected(session, qtbot):
            controller.act(ActionKind.START)
            seq = session.last.seq
            clock.advance(1)
            controller.refresh()  # a flip: only time moved, and no real second has passed
            assert session.last.seq == seq
            wall.advance(1)
            clock.advance(1)
            controller.refresh()
            assert session.last.seq == seq  # not inside the tick: once its flip is painted
            qtbot.waitUntil(lambda: session.last.seq == seq + 1, timeout=2000)
            assert session.last.payload("ko")["state"]["remaining_s"] == 5 * 60 - 2
            controller.act(ActionKind.ADJUST, seconds=60)  # an action: published at once
            assert session.last.seq == seq + 2
            assert session.last.payload("ko")["state"]["remaining_s"] == 6 * 60 - 2
    finally:
        session.stop()


def test_with_no_page_time_alone_builds_nothing_until_a_request_or_a_page_asks(qapp, plan_2021, at, qtbot) -> None:
    clock = ManualClock(at(14, 0))
    wall = ManualClock(at(9, 0))
    controller = ShowController(plan_2021, clock)
    session = RemoteSession(controller, RemoteServer(port=0), wall=wall)
    assert session.start()
    try:
        controller.act(ActionKind.START)
        seq = session.last.seq
        for _ in range(3):  # flips of time alone, a real second apart: nobody to send them to
            wall.advance(1)
            clock.advance(1)
            controller.refresh()
            qtbot.wait(20)
        assert session.last.seq == seq
        answer = _get_state(session.server.port, qtbot)  # a request brings the state up to the time first
        assert answer["remaining_s"] == 5 * 60 - 3
        assert session.last.seq == seq + 1
        again = _get_state(session.server.port, qtbot)  # nothing moved since: the same snapshot answers
        assert again["remaining_s"] == 5 * 60 - 3 and session.last.seq == seq + 1
        clock.advance(2)
        controller.refresh()
        assert session.last.seq == seq + 1
        with page_connected(session, qtbot) as received:  # the first page gets the state up to the time
            assert session.last.seq == seq + 2
            states = [m for m in received if m.get("type") != "hello"]
            assert states and states[0]["seq"] == seq + 2
            assert session.last.payload("ko")["state"]["remaining_s"] == 5 * 60 - 5
    finally:
        session.stop()


def test_call_on_gui_runs_on_the_gui_thread_and_returns_the_reason(wired, qtbot) -> None:
    controller, session, _ = wired
    threads: list[str] = []
    results: list[object] = []

    def from_server_thread() -> None:
        def act() -> str | None:
            threads.append(threading.current_thread().name)
            return controller.act(ActionKind.NEXT)  # before start: rejected, with the reason

        results.append(session.call_on_gui(act).result(timeout=5))

    worker = threading.Thread(target=from_server_thread)
    worker.start()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    worker.join(5)
    assert threads == [threading.main_thread().name]
    assert isinstance(results[0], str) and results[0]


def test_clients_are_counted_through_a_queued_signal(wired, qtbot) -> None:
    _, session, _ = wired
    counts: list[int] = []
    session.clientsChanged.connect(counts.append)
    with page_connected(session, qtbot):
        qtbot.waitUntil(lambda: counts[-1:] == [1], timeout=5000)
    qtbot.waitUntil(lambda: counts[-1:] == [0], timeout=5000)


def test_a_taken_port_leaves_the_show_running_without_web_views(qapp, plan_2021, at) -> None:
    taken = RemoteServer(port=0)
    taken.start()
    try:
        controller = ShowController(plan_2021, ManualClock(at(13, 0)))
        session = RemoteSession(controller, RemoteServer(port=taken.port))
        assert session.start() is False
        assert controller.act(ActionKind.START) is None  # the show goes on
        session.stop()
    finally:
        taken.stop()


def test_pages_extrapolate_at_the_clock_rate_except_a_manual_clock(at) -> None:
    assert effective_rate(ManualClock(at(13, 0))) == 0.0
    assert effective_rate(RehearsalClock(at(13, 0), speed=10)) == 10.0
    paused = RehearsalClock(at(13, 0), speed=10)
    paused.pause()
    assert effective_rate(paused) == 0.0
