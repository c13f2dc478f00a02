"""OSC in and out with real UDP sockets on 127.0.0.1: a short show driven by OSC, feedback received, bad packets."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythonosc.osc_message import OscMessage

from runshow.live.clock import ManualClock
from runshow.remote.control import BadInputError, UnknownActionError
from runshow.remote.osc import (
    OscBridge,
    OscTarget,
    build_message,
    feedback_values,
    osc_intent,
    osc_options,
    parse_target,
)
from tests.remote.control_rig import make_rig

pytestmark = pytest.mark.gui


@pytest.fixture
def feedback_socket() -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.0)
    yield sock
    sock.close()


def send(port: int, address: str, args: list[Any]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(build_message(address, args), ("127.0.0.1", port))


def received(sock: socket.socket) -> dict[str, Any]:
    """Every feedback message waiting on ``sock``: address → its latest value."""
    out: dict[str, Any] = {}
    for _ in range(10000):  # bounded
        try:
            data = sock.recv(65536)
        except BlockingIOError:
            break
        msg = OscMessage(data)
        out[msg.address] = msg.params[0]
    return out


@pytest.fixture
def osc_rig(qapp, plan_2021, at, tmp_path, feedback_socket):
    clock = ManualClock(at(13, 29, 50))
    rig = make_rig(plan_2021, clock, tmp_path)
    target = OscTarget("127.0.0.1", feedback_socket.getsockname()[1])
    bridge = OscBridge(rig.control, port=0, targets=[target])
    assert bridge.start()
    yield rig, bridge, clock
    bridge.stop()
    rig.stop()


def test_a_short_show_driven_over_osc_with_feedback(osc_rig, qtbot, feedback_socket) -> None:
    rig, bridge, clock = osc_rig
    outcomes: list[tuple[str, str]] = []
    bridge.handled.connect(lambda source, what: outcomes.append((source, what)))
    steps: list[tuple[str, Any]] = [
        ("/runshow/start", []),
        ("/runshow/next", [1]),
        ("/runshow/next", [0]),  # the button's release: ignored
        ("/runshow/adjust", [-1]),
        ("/runshow/message", ["곧 마무리"]),
        ("/runshow/clear", []),
        ("/runshow/blackout", [1]),
        ("/runshow/blackout", [0]),
        ("/runshow/goto", ["regions"]),
        ("/runshow/pause", []),
        ("/runshow/resume", []),
        ("/runshow/previous", []),
        ("/runshow/undo", []),
    ]
    for n, (address, args) in enumerate(steps, start=1):
        send(bridge.port, address, args)
        qtbot.waitUntil(lambda n=n: len(outcomes) >= n, timeout=5000)
    assert [what for _, what in outcomes] == ["applied", "applied", "ignored"] + ["applied"] * 10
    journaled = rig.journaled()
    assert [a["kind"] for a in journaled] == [
        "start", "next", "adjust", "message", "clear_message", "blackout", "blackout", "goto", "pause", "resume",
        "previous", "undo",
    ]  # fmt: skip
    assert journaled[2]["seconds"] == -60 and journaled[5]["on"] is True and journaled[6]["on"] is False
    assert all(a["source"].startswith("osc 127.0.0.1:") for a in journaled)
    # feedback: the regions segment on (undo took back the previous), its countdown as text, the phase
    received(feedback_socket)
    clock.advance(1)  # one more flip (a quiet step, then the tick) so the latest values follow everything above
    rig.controller.refresh()
    got: dict[str, Any] = {}
    qtbot.waitUntil(lambda: got.update(received(feedback_socket)) or "/runshow/remaining" in got, timeout=5000)
    state = rig.controller.state
    assert got["/runshow/remaining"] == f"{state.remaining_s // 60:02d}:{state.remaining_s % 60:02d}"
    assert got["/runshow/remaining_s"] == state.remaining_s


def test_feedback_phase_turns_warning_danger_overtime(osc_rig, qtbot, feedback_socket) -> None:
    rig, _, clock = osc_rig
    assert rig.controller.start_or_next() is None
    segment = rig.controller.state.segment
    alerts = segment.alerts
    remaining = rig.controller.state.remaining_s
    seen: list[str] = []

    def phase_after(seconds: float) -> str:
        clock.advance(seconds)
        rig.controller.refresh()
        want = feedback_values(rig.controller.state)
        got: dict[str, Any] = {}
        # every step here changes the phase too: wait for both (they may come in separate packets)
        qtbot.waitUntil(lambda: got.update(received(feedback_socket)) or (got.get("/runshow/remaining_s")
                        == want["remaining_s"] and "/runshow/phase" in got), timeout=5000)  # fmt: skip
        seen.append(got.get("/runshow/phase", "(unchanged)"))
        return str(got["/runshow/remaining"])

    warning = int(alerts.wrapup_warning.total_seconds())
    danger = int(alerts.wrapup_danger.total_seconds())
    phase_after(remaining - warning)
    phase_after(warning - danger)
    assert phase_after(danger + 12) == "-00:12"
    assert seen == ["warning", "danger", "overtime"]


def test_bad_packets_are_logged_never_raised(osc_rig, qtbot) -> None:
    rig, bridge, _ = osc_rig
    outcomes: list[str] = []
    bridge.handled.connect(lambda _s, what: outcomes.append(what))
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        packets = [
            b"garbage",
            b"",
            build_message("/runshow/fly", []),
            build_message("/runshow/adjust", ["soon"]),
            build_message("/runshow/goto", []),
            build_message("/other/next", []),
            b"/runshow/next\x00\x00\x00,i\x00\x00",  # an int promised, none given
        ]
        for packet in packets:
            sock.sendto(packet, ("127.0.0.1", bridge.port))
        qtbot.waitUntil(lambda: len(outcomes) >= len(packets) - 1, timeout=5000)  # "" may not arrive as a packet
        assert all(what.startswith("bad:") for what in outcomes), outcomes
        sock.sendto(build_message("/runshow/start", []), ("127.0.0.1", bridge.port))
        qtbot.waitUntil(lambda: outcomes[-1:] == ["applied"], timeout=5000)  # still listening
    finally:
        sock.close()
    assert [a["kind"] for a in rig.journaled()] == ["start"]


def test_on_the_lan_only_listed_senders_are_accepted(osc_rig) -> None:
    rig, _, _ = osc_rig
    bridge = OscBridge(rig.control, port=0)  # not listening: tests bind 127.0.0.1 only
    assert bridge._accepts("127.0.0.1")
    assert not bridge._accepts("192.168.0.20")
    bridge.set_allowed(["192.168.0.20"])
    assert not bridge._accepts("192.168.0.20")  # not on the LAN yet
    assert bridge.set_lan(True)
    assert bridge._accepts("192.168.0.20") and not bridge._accepts("192.168.0.21")
    assert bridge.set_lan(False)


def test_the_lock_refuses_osc_too(osc_rig, qtbot) -> None:
    rig, bridge, _ = osc_rig
    outcomes: list[str] = []
    bridge.handled.connect(lambda _s, what: outcomes.append(what))
    rig.control.set_locked(True)
    send(bridge.port, "/runshow/start", [])
    qtbot.waitUntil(lambda: outcomes == ["remote-locked"], timeout=5000)
    assert rig.journaled() == []


def test_options_and_targets() -> None:
    opts, rest = osc_options(
        ["--osc-port", "9000", "--osc-lan", "--osc-allow=10.0.0.7", "--osc-target", "10.0.0.9:12321", "x"],
        {"RUNSHOW_OSC_TARGETS": "127.0.0.1:1234, bad"},
    )
    assert rest == ["x"]
    assert opts["port"] == 9000 and opts["lan"] and opts["allowed"] == ["10.0.0.7"]
    assert opts["targets"] == [OscTarget("127.0.0.1", 1234), OscTarget("10.0.0.9", 12321)]
    assert parse_target("[::1]:9") == OscTarget("::1", 9)
    for bad in ("nohost", ":9", "h:0", "h:x"):
        with pytest.raises(ValueError):
            parse_target(bad)


@settings(max_examples=200, deadline=None)
@given(
    address=st.sampled_from(["/runshow/next", "/runshow/goto", "/runshow/adjust", "/runshow/message",
                             "/runshow/blackout", "/runshow/clear"]) | st.text(max_size=20),
    params=st.lists(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10), max_size=3),
)
def test_osc_intent_only_raises_its_own_errors(address: str, params: list[Any]) -> None:
    with contextlib.suppress(BadInputError, UnknownActionError):
        osc_intent(address, params)
