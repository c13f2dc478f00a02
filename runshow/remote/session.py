"""The session side of the server: snapshots out on every state change, calls in on the GUI thread.

:class:`RemoteSession` lives on the GUI thread. On every
``ShowController.stateChanged`` it builds one immutable snapshot (both languages)
and hands it to the server's loop; that is all the GUI thread ever does for the
web. A snapshot costs O(1) in the number of segments while only time moves, and
the rows an action changed after one (:mod:`runshow.remote.rows` keeps the long
lists from one snapshot to the next); the versioned state with its rundown is
built on the server's thread when someone asks for it.

Going the other way, :meth:`RemoteSession.call_on_gui` (given to the server
as ``server.gui_call``) carries a callable over a queued signal, so a handler on
the server thread reaches the one action path (``controller.act``) only on the
GUI thread and awaits its answer.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from runshow.live.clock import Clock, ManualClock, RehearsalClock, SystemClock
from runshow.live.state import ShowState
from runshow.remote.content import Feeds, Snapshot, epoch_ms, snapshot
from runshow.remote.options import server_options
from runshow.remote.server import RemoteServer
from runshow.remote.words import Translator, translators
from runshow.session.controller import ShowController
from runshow.session.timers import defer

log = logging.getLogger(__name__)

REFRESH_MS = 1000.0  # a snapshot at least this often (real time) while only time moves


def effective_rate(clock: Clock) -> float:
    """Show seconds per real second *as a browser should extrapolate them*.

    A :class:`ManualClock` (tests, ``RUNSHOW_FAKE_NOW`` screenshots) never moves
    by itself, so a page must hold its instant: rate 0.
    """
    if isinstance(clock, ManualClock):
        return 0.0
    return float(clock.rate)


class _Call:
    """A callable and the future that carries its result back to the server thread."""

    __slots__ = ("fn", "future")

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.future: concurrent.futures.Future[Any] = concurrent.futures.Future()


class RemoteSession(QObject):
    """Connects a controller to a :class:`RemoteServer`; owns its start and stop."""

    clientsChanged = Signal(int)  # noqa: N815 - Qt's naming; connected WebSocket pages (queued from the server thread)
    _invoke = Signal(object)  # a _Call, from the server thread to the GUI thread

    def __init__(
        self,
        controller: ShowController,
        server: RemoteServer,
        *,
        words: Mapping[str, Translator] | None = None,
        wall: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self.server = server
        self._words = dict(words) if words is not None else translators()
        self._feeds = Feeds(self._words)  # the lists and fixed words, kept from one snapshot to the next
        self._wall: Clock = wall or SystemClock()
        self._seq = 0
        self._key: tuple[object, ...] | None = None
        self._last_wall_ms = 0.0
        self._notice: str | None = None
        self._started = False
        self._refresh_pending = False  # a time-only refresh is deferred to after the tick
        self._stale = False  # time moved since the last snapshot, unpublished: no page listened
        self.last: Snapshot | None = None
        self._invoke.connect(self._run_call, Qt.ConnectionType.QueuedConnection)
        server.gui_call = self.call_on_gui
        server.on_clients_changed = self.clientsChanged.emit
        server.refresh_call = self.refresh_if_stale

    # ── life cycle ───────────────────────────────────────────────────────
    def start(self) -> bool:
        """Serve the show; False (logged, the show goes on) if the port cannot be had."""
        self.publish(self._controller.state)
        try:
            self.server.start()
        except OSError as exc:
            log.warning("the web views are off: cannot listen on %s:%s (%s)", self.server.host, self.server.port, exc)
            return False
        self._controller.stateChanged.connect(self._on_state)
        self._controller.showReplaced.connect(self._republish)
        self._started = True
        log.info("web views at %s", ", ".join(self.server.urls()))
        return True

    def stop(self) -> None:
        if self._started:
            self._controller.stateChanged.disconnect(self._on_state)
            self._controller.showReplaced.disconnect(self._republish)
            self._started = False
        self.server.stop()

    def set_lan(self, on: bool) -> concurrent.futures.Future[None]:
        """The control room's switch: the views on the LAN, or on this machine only."""
        return self.server.set_lan(on)

    # ── what the stage shows besides the state (runshow.ui.alert_wiring.StageNotices) ──
    def show_notice(self, text: str) -> None:
        self._notice = text or None
        self._republish()

    def clear_notice(self) -> None:
        self._notice = None
        self._republish()

    # ── state out ────────────────────────────────────────────────────────
    @Slot(object)
    def _on_state(self, state: ShowState) -> None:
        """Publish what a page cannot derive; flips of time alone at most once a real second.

        Between two actions a page computes every moving number exactly from the last
        snapshot (runshow/remote/content.py), so a flip that only moves time needs no
        message; one a second still refreshes the worded times (rundown, stand-by) while a page
        listens.
        """
        key = self._key_of(state)
        if key != self._key:
            self.publish(state)  # an action: at once (an API answer reads the snapshot it made)
            return
        if self.server.client_count == 0:
            # No page listens: nothing is built for time alone. A request or the first page
            # asks for one first (RemoteServer._fresh, through refresh_if_stale).
            self._stale = True
            return
        wall_ms = epoch_ms(self._wall.now())
        if wall_ms - self._last_wall_ms < REFRESH_MS or self._refresh_pending:
            return
        # Time alone moved: refresh once the flip has been painted, not inside the tick.
        self._refresh_pending = True
        defer(self._refresh, self, name="LAN views' refresh")

    def _refresh(self) -> None:
        self._refresh_pending = False
        if self._started:
            self.publish(self._controller.state)

    def refresh_if_stale(self) -> None:
        """On the GUI thread: a snapshot now if time moved past the last one unpublished."""
        if self._stale and self._started:
            self.publish(self._controller.state)

    def _key_of(self, state: ShowState) -> tuple[object, ...]:
        clock = self._controller.clock
        cue = state.cue.index if state.cue else None
        # the show's progress (a snapshot compared by value) changes with every action, undo included
        return (id(state._show), state._progress, cue, state.status, state.mode, self._notice, id(clock),
                effective_rate(clock))  # fmt: skip

    @Slot()
    def _republish(self) -> None:
        self.publish(self._controller.state)

    def publish(self, state: ShowState) -> None:
        """Build the snapshot for ``state`` and hand it over (no waiting on the server)."""
        self._seq += 1
        clock = self._controller.clock
        wall_ms = epoch_ms(self._wall.now())
        self._key, self._last_wall_ms = self._key_of(state), wall_ms
        self._stale = False
        snap = snapshot(
            state,
            self._words,
            seq=self._seq,
            wall_ms=wall_ms,
            rate=effective_rate(clock),
            rehearsal=isinstance(clock, RehearsalClock),
            notice=self._notice,
            feeds=self._feeds,
        )
        self.last = snap
        self.server.publish(snap)

    # ── calls in ─────────────────────────────────────────────────────────
    def call_on_gui(self, fn: Callable[[], Any]) -> concurrent.futures.Future[Any]:
        """Run ``fn`` on the GUI thread (from any thread); its result or exception in the future."""
        call = _Call(fn)
        self._invoke.emit(call)
        return call.future

    @Slot(object)
    def _run_call(self, call: _Call) -> None:
        if not call.future.set_running_or_notify_cancel():
            return
        try:
            call.future.set_result(call.fn())
        except Exception as exc:
            call.future.set_exception(exc)


def start_remote(
    controller: ShowController, argv: Sequence[str], parent: QObject | None = None
) -> RemoteSession | None:
    """What the app calls once: the server per ``argv``/environment, started, or None if off."""
    options, _ = server_options(argv)
    if not options["enabled"]:
        return None
    session = RemoteSession(controller, RemoteServer(host=options["host"], port=options["port"]), parent=parent)
    session.start()
    return session
