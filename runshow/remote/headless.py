"""The server for the headless show (``python -m runshow.headless``): no Qt, published after each command.

The headless show has no event loop of its own: its state changes only when a
command arrives (an action, a ``tick`` of the fake clock), so it publishes then.
Pages between two commands still flip on their own from the numbers they hold.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from runshow.live.clock import Clock, ManualClock, SystemClock
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.remote.content import epoch_ms, snapshot
from runshow.remote.options import server_options
from runshow.remote.server import RemoteServer
from runshow.remote.words import Translator, translators

log = logging.getLogger(__name__)


class HeadlessRemote:
    def __init__(self, server: RemoteServer, words: Mapping[str, Translator] | None = None) -> None:
        self.server = server
        self._words = dict(words) if words is not None else translators()
        self._wall = SystemClock()
        self._seq = 0

    def start(self) -> bool:
        try:
            self.server.start()
        except OSError as exc:
            log.warning("the web views are off: cannot listen on %s:%s (%s)", self.server.host, self.server.port, exc)
            return False
        return True

    def publish(self, show: Show, clock: Clock) -> None:
        self._seq += 1
        rate = 0.0 if isinstance(clock, ManualClock) else float(clock.rate)
        state = state_at(show, clock.now())
        self.server.publish(snapshot(state, self._words, seq=self._seq, wall_ms=epoch_ms(self._wall.now()), rate=rate))

    def stop(self) -> None:
        self.server.stop()


def headless_remote(argv: Sequence[str]) -> tuple[HeadlessRemote | None, list[str]]:
    """The server per ``--port``/``--lan``/``--no-web`` (started), and the arguments left over."""
    options, rest = server_options(argv)
    if not options["enabled"]:
        return None, rest
    remote = HeadlessRemote(RemoteServer(host=options["host"], port=options["port"]))
    return (remote if remote.start() else None), rest
