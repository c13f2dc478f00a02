"""OSC in and out (python-osc's packet parsing and building), on its own thread and loop.

In: a UDP listener, on ``127.0.0.1:4081`` by default (``--osc-port N``). OSC has no
authentication, so on the LAN (``--osc-lan``, or the control room's switch) it
accepts packets only from the source addresses the operator lists
(``--osc-allow ADDR``, repeatable); this machine is always accepted. Addresses::

    /runshow/start  /runshow/next  /runshow/previous  /runshow/pause  /runshow/resume
    /runshow/undo   /runshow/redo  /runshow/follow    /runshow/manual /runshow/clear
    /runshow/goto <segment id>   /runshow/adjust <minutes>   /runshow/message <text>
    /runshow/blackout [0|1]      (no argument: toggle)

A button that sends ``1`` on press and ``0`` on release (TouchOSC, some Companion
set-ups) asks once: an argument-less action given a single ``0`` is ignored. Every
message becomes an :class:`~runshow.remote.control.Intent` and takes the control API's
one path (:meth:`RemoteControl.perform` on the GUI thread, journaled with the sender
``osc <addr>:<port>``). A bad packet is logged and dropped, never raised.

Out: on every change of what they say, to each configured target (``--osc-target
HOST:PORT``, repeatable, or ``RUNSHOW_OSC_TARGETS=host:port,host:port``)::

    /runshow/remaining  "04:59" | "-00:12"   the countdown as the stage shows it (ASCII minus)
    /runshow/remaining_s  299                 the same in whole seconds
    /runshow/segment    title      /runshow/speaker  name      /runshow/next  next segment's title
    /runshow/phase      normal | warning | danger | overtime
    /runshow/drift      "+02:00" (late) | "-00:30" (early) | "00:00"
    /runshow/status     pre-show | running | paused | ended

The values are computed on the GUI thread (a few strings from the state) and
sent from the OSC thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import socket
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket, ParseError

from runshow.live.show import Status
from runshow.live.state import ShowState
from runshow.remote.content import timing, wrapup_level
from runshow.remote.control import BadInputError, Intent, RemoteControl, UnknownActionError, parse_intent
from runshow.remote.loop_thread import LoopThread
from runshow.remote.options import ALL_INTERFACES

log = logging.getLogger(__name__)

OSC_PORT = 4081
TARGETS_ENV = "RUNSHOW_OSC_TARGETS"
PREFIX = "/runshow/"
MAX_PACKET = 8192
_NO_ARGS = ("start", "next", "previous", "pause", "resume", "undo", "redo", "follow", "manual")
_ALIASES = {"clear": "clear-message", "clear-message": "clear-message", "clear_message": "clear-message"}
FEEDBACK = ("remaining", "remaining_s", "segment", "speaker", "next", "phase", "drift", "status")


@dataclass(frozen=True, slots=True)
class OscTarget:
    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def parse_target(text: str) -> OscTarget:
    """``host:port`` → :class:`OscTarget`; raises ``ValueError`` saying what was expected."""
    host, sep, port_text = text.strip().rpartition(":")
    if not sep or not host:
        raise ValueError(f"expected host:port, got {text!r}")
    try:
        port = int(port_text)
    except ValueError:
        raise ValueError(f"expected a port number after ':', got {port_text!r}") from None
    if not 1 <= port <= 65535:
        raise ValueError(f"expected a port 1–65535, got {port}")
    return OscTarget(host.strip("[]"), port)


def osc_options(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> tuple[dict[str, Any], list[str]]:
    """``--osc-port N``, ``--osc-lan``, ``--osc-allow A``, ``--osc-target HOST:PORT``, ``--no-osc``; the rest back."""
    env = os.environ if environ is None else environ
    out: dict[str, Any] = {"port": OSC_PORT, "lan": False, "allowed": [], "targets": [], "enabled": True}
    targets = [t for t in (env.get(TARGETS_ENV) or "").split(",") if t.strip()]
    rest: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, inline = arg.partition("=")
        if name in ("--osc-port", "--osc-allow", "--osc-target"):
            if eq:
                value = inline
            elif i + 1 < len(args):
                value, i = args[i + 1], i + 1
            else:
                log.warning("%s needs a value", name)
                i += 1
                continue
            if name == "--osc-port":
                try:
                    out["port"] = int(value)
                    if not 0 <= out["port"] <= 65535:
                        raise ValueError(value)
                except ValueError:
                    log.warning("--osc-port: expected 0–65535, got %r; using %d", value, OSC_PORT)
                    out["port"] = OSC_PORT
            elif name == "--osc-allow":
                out["allowed"].append(value)
            else:
                targets.append(value)
        elif arg == "--osc-lan":
            out["lan"] = True
        elif arg == "--no-osc":
            out["enabled"] = False
        else:
            rest.append(arg)
        i += 1
    for text in targets:
        try:
            out["targets"].append(parse_target(text))
        except ValueError as exc:
            log.warning("OSC target ignored: %s", exc)
    return out, rest


# ── in: an OSC message → an intent ────────────────────────────────────────────
def _is_zero(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool) and value == 0) or value is False


def osc_intent(address: str, params: Sequence[Any]) -> Intent | None:
    """The intent an OSC message asks for; None for a button's release (``0``). Raises on anything else."""
    if not address.startswith(PREFIX):
        raise UnknownActionError(address)
    word = address[len(PREFIX) :].strip("/").lower()
    args = list(params)
    if word in _NO_ARGS:
        if len(args) == 1 and _is_zero(args[0]):
            return None
        return parse_intent(word, None)
    if word in _ALIASES:
        if len(args) == 1 and _is_zero(args[0]):
            return None
        return parse_intent(_ALIASES[word], None)
    if word == "goto":
        if len(args) != 1 or not isinstance(args[0], str | int) or isinstance(args[0], bool):
            raise BadInputError("segment", "/runshow/goto takes one argument: the segment id")
        return parse_intent("goto", {"segment": str(args[0])})
    if word == "adjust":
        if len(args) != 1:
            raise BadInputError("minutes", "/runshow/adjust takes one argument: minutes, e.g. 1 or -1")
        value = args[0]
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise BadInputError("minutes", f"expected a number of minutes, got {args[0]!r}") from None
        return parse_intent("adjust", {"minutes": value})
    if word == "message":
        if len(args) < 1 or not all(isinstance(a, str | int | float) and not isinstance(a, bool) for a in args):
            raise BadInputError("text", "/runshow/message takes the message text")
        return parse_intent("message", {"text": " ".join(str(a) for a in args)})
    if word == "blackout":
        if not args:
            return parse_intent("blackout", None)
        if len(args) != 1 or not isinstance(args[0], int | float | bool):
            raise BadInputError("on", "/runshow/blackout takes 1 (black), 0 (back) or nothing (toggle)")
        return parse_intent("blackout", {"on": bool(args[0])})
    raise UnknownActionError(address)


# ── out: what the feedback addresses say ──────────────────────────────────────
def _clock_text(seconds: int) -> str:
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes:02d}:{secs:02d}"


def feedback_values(state: ShowState) -> dict[str, str | int]:
    """The feedback addresses' values at ``state`` (the countdown as the stage shows it)."""
    status = state.status
    if status in (Status.RUNNING, Status.PAUSED):
        shown = state.remaining_s if state.remaining_s is not None else 0
    elif status is Status.PRE_SHOW:
        shown = state.countdown_to_next_s or 0
    else:
        shown = 0
    tm = timing(state)
    level = wrapup_level(shown, tm["warning_s"], tm["danger_s"]) if status in (Status.RUNNING, Status.PAUSED) else ""
    drift = state.drift_s
    return {
        "remaining": _clock_text(shown),
        "remaining_s": shown,
        "segment": state.segment.title if state.segment else "",
        "speaker": state.speaker.name if state.speaker else "",
        "next": state.next_segment.title if state.next_segment else "",
        "phase": level if level in ("warning", "danger", "overtime") else "normal",
        "drift": ("+" if drift > 0 else "") + _clock_text(drift),
        "status": status.value,
    }


def build_message(address: str, args: Iterable[Any]) -> bytes:
    builder = OscMessageBuilder(address)
    for arg in args:
        builder.add_arg(arg)
    return bytes(builder.build().dgram)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class _Listener(asyncio.DatagramProtocol):
    def __init__(self, bridge: OscBridge) -> None:
        self._bridge = bridge

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        try:
            self._bridge._on_datagram(data, (str(addr[0]), int(addr[1])))
        except Exception:  # never let one packet take the listener down
            log.exception("OSC packet from %s dropped", addr)

    def error_received(self, exc: Exception) -> None:
        log.warning("OSC socket: %s", exc)


class OscBridge(QObject):
    """The OSC listener and feedback sender, owned on the GUI thread; network work on its own thread."""

    handled = Signal(str, str)
    stateChanged = Signal(bool)  # noqa: N815 - listening or not

    def __init__(
        self,
        control: RemoteControl,
        *,
        port: int = OSC_PORT,
        lan: bool = False,
        allowed: Iterable[str] = (),
        targets: Iterable[OscTarget] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._control = control
        self._port = port
        self._lan = lan
        self._allowed = frozenset(str(a).strip() for a in allowed if str(a).strip())
        self._targets: tuple[OscTarget, ...] = tuple(targets)
        self._thread = LoopThread("runshow-osc")
        self._listen: asyncio.DatagramTransport | None = None
        self._send: asyncio.DatagramTransport | None = None
        self._last: dict[str, str | int] = {}
        self._connected = False
        self.errors = 0  # bad packets seen (for tests and the panel)

    # ── settings ─────────────────────────────────────────────────────────
    @property
    def port(self) -> int:
        return self._port

    @property
    def listening(self) -> bool:
        return self._listen is not None

    @property
    def lan(self) -> bool:
        return self._lan

    @property
    def allowed(self) -> frozenset[str]:
        return self._allowed

    @property
    def targets(self) -> tuple[OscTarget, ...]:
        return self._targets

    def set_allowed(self, allowed: Iterable[str]) -> None:
        self._allowed = frozenset(str(a).strip() for a in allowed if str(a).strip())

    def set_targets(self, targets: Iterable[OscTarget]) -> None:
        self._targets = tuple(targets)
        self._last = {}  # a new target gets everything once
        self._on_state(self._control.controller.state)

    # ── life cycle (GUI thread) ──────────────────────────────────────────
    def start(self) -> bool:
        """Listen (and send feedback); False, logged, if the port cannot be had."""
        if self._listen is not None:
            return True
        self._thread.start()
        try:
            self._thread.submit(self._bind()).result(5)
        except (OSError, TimeoutError) as exc:
            log.warning("OSC is off: cannot listen on %s:%s (%s)", self._host(), self._port, exc)
            return False
        if not self._connected:
            self._control.controller.stateChanged.connect(self._on_state)
            self._connected = True
        log.info("OSC listening on %s:%s; feedback to %s", self._host(), self._port,
                 ", ".join(map(str, self._targets)) or "no one")  # fmt: skip
        self.stateChanged.emit(True)
        self._on_state(self._control.controller.state)
        return True

    def stop(self) -> None:
        if self._connected:
            with contextlib.suppress(RuntimeError, TypeError):
                self._control.controller.stateChanged.disconnect(self._on_state)
            self._connected = False
        if self._thread.running:
            with contextlib.suppress(Exception):
                self._thread.submit(self._close()).result(5)
        self._thread.stop()
        was = self._listen is not None
        self._listen = None
        self._send = None
        self._last = {}
        if was:
            self.stateChanged.emit(False)

    def set_enabled(self, on: bool) -> bool:
        if on:
            return self.start()
        self.stop()
        return True

    def set_lan(self, on: bool) -> bool:
        """Listen on every interface (listed senders only) or on this machine only; rebinds if listening."""
        if on == self._lan:
            return True
        self._lan = on
        if self._listen is None:
            return True
        try:
            self._thread.submit(self._rebind()).result(5)
        except (OSError, TimeoutError) as exc:
            log.warning("OSC cannot listen on %s:%s (%s)", self._host(), self._port, exc)
            self._lan = not on
            with contextlib.suppress(Exception):
                self._thread.submit(self._rebind()).result(5)
            return False
        return True

    def _host(self) -> str:
        return ALL_INTERFACES if self._lan else "127.0.0.1"

    # ── the OSC thread ───────────────────────────────────────────────────
    async def _bind(self) -> None:
        loop = asyncio.get_running_loop()
        listen, _ = await loop.create_datagram_endpoint(lambda: _Listener(self), local_addr=(self._host(), self._port))
        self._listen = listen
        sock = listen.get_extra_info("sockname")
        if sock:
            self._port = int(sock[1])
        if self._send is None:
            send, _ = await loop.create_datagram_endpoint(asyncio.DatagramProtocol, family=socket.AF_INET)  # unbound
            self._send = send

    async def _rebind(self) -> None:
        old, self._listen = self._listen, None
        if old is not None:
            old.close()
            await asyncio.sleep(0)  # the transport closes its socket on the next turn of the loop
        await self._bind()

    async def _close(self) -> None:
        for transport in (self._listen, self._send):
            if transport is not None:
                transport.close()

    def _accepts(self, host: str) -> bool:
        if _loopback(host):
            return True
        return self._lan and host in self._allowed

    def _on_datagram(self, data: bytes, addr: tuple[str, int]) -> None:
        host, port = addr
        source = f"osc {host}:{port}"
        if not self._accepts(host):
            log.warning("OSC packet from %s refused: not on the allowed list", host)
            self.errors += 1
            self.handled.emit(source, "refused: not allowed")
            return
        if len(data) > MAX_PACKET:
            self._bad(source, f"packet too large ({len(data)} bytes)")
            return
        try:
            messages = OscPacket(data).messages
        except (ParseError, ValueError, IndexError, TypeError, OverflowError) as exc:
            self._bad(source, f"not an OSC packet ({exc})")
            return
        for timed in messages:
            message = timed.message
            try:
                intent = osc_intent(message.address, list(message.params))
            except BadInputError as exc:
                self._bad(source, f"{message.address}: {exc}")
                continue
            except UnknownActionError:
                self._bad(source, f"unknown address {message.address!r}")
                continue
            if intent is None:
                self.handled.emit(source, "ignored")
                continue
            if not self._control.limiter.allow(f"osc {host}"):
                self._bad(source, "too many messages; slowed down")
                continue
            self._perform(intent, source)

    def _perform(self, intent: Intent, source: str) -> None:
        control = self._control
        future = control.session.call_on_gui(lambda: control.perform(intent, source))

        def done(fut: Any) -> None:
            try:
                outcome = fut.result()
            except Exception as exc:
                log.error("OSC %s from %s failed: %s", intent.name, source, exc)
                return
            if outcome.ok:
                self.handled.emit(source, "applied")
            else:
                code = outcome.code or (str(outcome.refusal.reason) if outcome.refusal else "refused")
                log.info("OSC %s from %s refused: %s", intent.name, source, outcome.refusal or code)
                self.handled.emit(source, code)

        future.add_done_callback(done)

    def _bad(self, source: str, why: str) -> None:
        self.errors += 1
        log.warning("OSC from %s dropped: %s", source, why)
        self.handled.emit(source, f"bad: {why}")

    # ── feedback (computed on the GUI thread, sent on the OSC thread) ─────
    @Slot(object)
    def _on_state(self, state: ShowState) -> None:
        if not self._targets or self._listen is None:
            return
        values = feedback_values(state)
        changed = {k: v for k, v in values.items() if self._last.get(k) != v}
        if not changed:
            return
        self._last = values
        packets = [build_message(PREFIX + key, [value]) for key, value in changed.items()]
        self._thread.call(self._send_all, packets, self._targets)

    def _send_all(self, packets: list[bytes], targets: tuple[OscTarget, ...]) -> None:
        send = self._send
        if send is None:
            return
        for target in targets:
            for packet in packets:
                try:
                    send.sendto(packet, (target.host, target.port))
                except (OSError, ValueError) as exc:  # a name that does not resolve, a network gone
                    log.warning("OSC feedback to %s failed: %s", target, exc)
                    break
