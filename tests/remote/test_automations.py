"""Automations out: the [[automation]] format (located errors) and the runner, received by real
OSC and HTTP listeners on 127.0.0.1 at the right instants of a rehearsal."""

from __future__ import annotations

import socket
import threading
import tomllib
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from pythonosc.osc_message import OscMessage

from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock, RehearsalClock
from runshow.plan.automations import Automation, HttpOut, OscOut, load_automations, parse_automations
from runshow.remote.automations import AutomationResult, AutomationRunner
from runshow.session.controller import ShowController

GOOD = """
[[automation]]
name = "lights up"
on = "cue_start"
segment = "welcome"
osc = { host = "127.0.0.1", port = 9000, address = "/lights/1", args = [1, "go", 0.5] }

[[automation]]
on = "alert:stream-live-check"
http = { url = "http://127.0.0.1:8088/api", body = { Function = "Cut" }, headers = { X-Key = "v" } }
timeout = 1.5
"""

BAD = """
[[automation]]
on = "cue_begin"
osc = { port = 70000, address = "lights" }

[[automation]]
on = "warning"
segment = "nowhere"
http = { method = "FETCH", url = "ftp://x", wat = 1 }
osc = { port = 1, address = "/x" }

[[automation]]
on = "alert:"
"""


def test_the_format_reads_osc_and_http_automations() -> None:
    found, problems = parse_automations(
        tomllib.loads(GOOD)["automation"], file="s.toml", text=GOOD, segment_ids={"welcome"}
    )
    assert problems == []
    first, second = found
    assert first == Automation(1, "cue_start", None, "welcome", OscOut("127.0.0.1", 9000, "/lights/1", (1, "go", 0.5)),
                               None, 2.0, "lights up", 2)  # fmt: skip
    assert second.on == "alert" and second.alert == "stream-live-check" and second.timeout_s == 1.5
    assert second.http == HttpOut("POST", "http://127.0.0.1:8088/api", '{"Function": "Cut"}', (("X-Key", "v"),))


def test_the_format_says_every_problem_located(tmp_path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(BAD, encoding="utf-8")
    found, problems = load_automations(path, segment_ids={"welcome"})
    assert found == []
    where = {(p.line, p.field) for p in problems}
    assert (3, "automation[1].on") in where
    assert (4, "automation[1].osc.port") in where and (4, "automation[1].osc.address") in where
    assert (8, "automation[2].segment") in where
    assert (9, "automation[2].http.method") in where and (9, "automation[2].http.url") in where
    assert (9, "automation[2].http.wat") in where
    assert any(p.field == "automation[2]" and "exactly one" in p.message for p in problems)
    assert (13, "automation[3].on") in where
    assert all(str(p).startswith(f"{path}:") for p in problems)
    (tmp_path / "broken.toml").write_text("[[automation]\n", encoding="utf-8")
    assert load_automations(tmp_path / "broken.toml")[1][0].message.startswith("not valid TOML")
    assert load_automations(tmp_path / "none.toml")[1][0].field == "(file)"


# ── the runner, with real listeners ────────────────────────────────────────────
@pytest.fixture
def osc_listener() -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.0)
    yield sock
    sock.close()


def osc_received(sock: socket.socket) -> list[tuple[str, list[Any]]]:
    out = []
    for _ in range(1000):  # bounded
        try:
            data = sock.recv(65536)
        except BlockingIOError:
            break
        msg = OscMessage(data)
        out.append((msg.address, list(msg.params)))
    return out


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, str, bytes, str | None]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).seen.append((self.command, self.path, body, self.headers.get("X-Key")))
        self.send_response(200 if self.path != "/fail" else 500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def http_listener() -> Iterator[tuple[int, list[tuple[str, str, bytes, str | None]]]]:
    _Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.server_address[1], _Recorder.seen
    server.shutdown()
    server.server_close()
    thread.join(5)


def _automations(osc_port: int, http_port: int) -> list[Automation]:
    osc = lambda address: OscOut("127.0.0.1", osc_port, address, (1,))  # noqa: E731
    return [
        Automation(1, "cue_start", segment="welcome", osc=osc("/welcome/start")),
        Automation(2, "warning", segment="opening", osc=osc("/opening/warning")),
        Automation(3, "danger", segment="opening", osc=osc("/opening/danger")),
        Automation(4, "overtime", segment="opening", osc=osc("/opening/overtime")),
        Automation(
            5, "cue_end", segment="opening",
            http=HttpOut("POST", f"http://127.0.0.1:{http_port}/end", "opening over", (("X-Key", "k"),)),
        ),
        Automation(6, "cue_start", segment="opening", http=HttpOut("POST", f"http://127.0.0.1:{http_port}/fail")),
    ]


@pytest.mark.gui
def test_automations_go_out_at_the_right_instants_of_a_rehearsal(
    qapp, qtbot, plan_2021, at, osc_listener, http_listener
) -> None:
    http_port, http_seen = http_listener
    clock = RehearsalClock(at(13, 29, 59))
    clock.pause()  # stepped by hand: jump() moves show time exactly
    controller = ShowController(plan_2021, clock)
    runner = AutomationRunner(controller, _automations(osc_listener.getsockname()[1], http_port), allow_rehearsal=True)
    results: list[AutomationResult] = []
    runner.result.connect(results.append)
    runner.start()
    try:
        clock.jump(at(13, 30))
        assert controller.act(ActionKind.START) is None  # opening: 5 min, warning at 2:00 left, danger at 0:30
        qtbot.waitUntil(lambda: len(results) == 1, timeout=5000)
        assert results[0].outcome == "failed" and "500" in results[0].why  # the /fail endpoint, reported
        for instant, expect in [
            (at(13, 32, 59), []),
            (at(13, 33, 0), ["/opening/warning"]),
            (at(13, 33, 30), []),
            (at(13, 34, 30), ["/opening/danger"]),
            (at(13, 35, 0), []),
            (at(13, 35, 1), ["/opening/overtime"]),
            (at(13, 36, 0), []),
        ]:
            clock.jump(instant)
            got: list[tuple[str, list[Any]]] = []
            if expect:
                def arrived(got: list[tuple[str, list[Any]]] = got, n: int = len(expect)) -> bool:
                    got.extend(osc_received(osc_listener))
                    return len(got) >= n

                qtbot.waitUntil(arrived, timeout=5000)
            assert [address for address, _ in got] == expect, instant
        controller.act(ActionKind.UNDO)  # overtime again after an undo and a redo: still only once
        controller.act(ActionKind.REDO)
        assert controller.act(ActionKind.NEXT) is None
        qtbot.waitUntil(lambda: len(http_seen) == 2, timeout=5000)
        qtbot.waitUntil(lambda: any(a == "/welcome/start" for a, _ in osc_received(osc_listener)), timeout=5000)
        assert http_seen == [("POST", "/fail", b"", None), ("POST", "/end", b"opening over", "k")]
        qtbot.waitUntil(lambda: len(results) == 6, timeout=5000)
        assert [r.outcome for r in results] == ["failed"] + ["sent"] * 5
        by_number = {r.automation.number: r for r in results}
        assert by_number[2].at == at(13, 33) and by_number[3].at == at(13, 34, 30) and by_number[4].at == at(13, 35, 1)
        assert by_number[5].trigger.startswith("cue_end:opening")
    finally:
        runner.stop()


@pytest.mark.gui
def test_in_rehearsal_they_are_logged_not_sent_unless_allowed(qapp, qtbot, plan_2021, at, osc_listener) -> None:
    clock = RehearsalClock(at(13, 30))
    clock.pause()
    clock.jump(at(13, 30))  # exactly (pausing keeps the microseconds that passed)
    controller = ShowController(plan_2021, clock)
    runner = AutomationRunner(controller, _automations(osc_listener.getsockname()[1], 9)[1:2])
    results: list[AutomationResult] = []
    runner.result.connect(results.append)
    runner.start()
    try:
        controller.act(ActionKind.START)
        clock.jump(at(13, 33))
        assert [(r.outcome, r.why) for r in results] == [("skipped", "rehearsal: not sent")]
        assert osc_received(osc_listener) == []
    finally:
        runner.stop()


@pytest.mark.gui
def test_a_named_alert_and_a_live_clock(qapp, qtbot, plan_2021, at, osc_listener) -> None:
    from runshow.session.alert_armer import AlertArmer

    clock = ManualClock(at(13, 24, 59))
    controller = ShowController(plan_2021, clock)
    armer = AlertArmer(controller)
    port = osc_listener.getsockname()[1]
    runner = AutomationRunner(
        controller,
        [Automation(1, "alert", alert="stream-live-check", osc=OscOut("127.0.0.1", port, "/stream/check"))],
        alert_fired=armer.alertFired,
    )
    runner.start()
    armer.start()
    try:
        clock.set(at(13, 25))
        controller.refresh()
        got: list[tuple[str, list[Any]]] = []
        qtbot.waitUntil(lambda: got.extend(osc_received(osc_listener)) or bool(got), timeout=5000)
        assert got == [("/stream/check", [])]
        assert runner.log[-1].trigger == "alert:custom:stream-live-check" and runner.log[-1].outcome == "sent"
    finally:
        armer.stop()
        runner.stop()


def test_a_result_reads_as_a_log_line() -> None:
    auto = Automation(3, "warning", segment="regions", osc=OscOut("10.0.0.9", 53000, "/go"))
    line = str(AutomationResult(auto, "warning:regions#5", datetime(2021, 10, 15, 14, 3), "failed", "timeout"))
    assert line == "14:03:00 failed: #3 warning @regions → OSC 10.0.0.9:53000 /go [warning:regions#5] (timeout)"
