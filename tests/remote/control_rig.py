"""A show with its real journal, the server on a free port of 127.0.0.1, and the control API installed.

Clients run on a worker thread (their own asyncio loop) while the test's thread
(the GUI thread) turns the Qt event loop with ``qtbot.waitUntil``: every action
crosses to the GUI thread exactly as in the app. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from runshow.live.clock import Clock
from runshow.live.journal import Journal, read_journal
from runshow.plan.model import Plan
from runshow.remote.control import RateLimiter, RemoteControl
from runshow.remote.server import RemoteServer
from runshow.remote.session import RemoteSession
from runshow.session.controller import ShowController

TOKEN = "test-token-0123456789abcdef"
TIMEOUT = aiohttp.ClientTimeout(total=10)


@dataclass
class Rig:
    controller: ShowController
    session: RemoteSession
    control: RemoteControl
    journal: Journal
    path: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.session.server.port}"

    def journaled(self) -> list[dict[str, Any]]:
        return [a.to_json() for a in read_journal(self.path).actions]

    def stop(self) -> None:
        self.session.stop()
        self.journal.close()


def make_rig(plan: Plan, clock: Clock, tmp_path: Path, *, limiter: RateLimiter | None = None) -> Rig:
    path = tmp_path / "journal.jsonl"
    journal = Journal.create(path, plan)
    controller = ShowController(plan, clock, journal=journal)
    session = RemoteSession(controller, RemoteServer(port=0))
    control = RemoteControl(session, token=TOKEN, token_base=tmp_path, limiter=limiter or RateLimiter(1000, 1000))
    control.install()
    assert session.start()
    return Rig(controller, session, control, journal, path)


def drive(qtbot: Any, client: Callable[[aiohttp.ClientSession], Awaitable[Any]], timeout_ms: int = 20000) -> Any:
    """Run ``client`` on a worker thread with its own loop while Qt turns here; its result (or error)."""
    box: dict[str, Any] = {}

    def worker() -> None:
        async def main() -> Any:
            async with aiohttp.ClientSession(timeout=TIMEOUT) as s:
                return await client(s)

        try:
            box["result"] = asyncio.run(main())
        except BaseException as exc:  # re-raised on the test's thread
            box["error"] = exc

    thread = threading.Thread(target=worker, name="test-client")
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=timeout_ms)
    thread.join(1)
    if "error" in box:
        raise box["error"]
    return box.get("result")


async def post(
    s: aiohttp.ClientSession,
    rig: Rig,
    kind: str,
    body: Any = None,
    *,
    token: str | None = TOKEN,
    headers: dict[str, str] | None = None,
    query: str = "",
) -> tuple[int, Any]:
    hdrs = dict(headers or {})
    if token is not None:
        hdrs["Authorization"] = f"Bearer {token}"
    kwargs: dict[str, Any] = {"headers": hdrs}
    if body is not None:
        kwargs["json"] = body
    async with s.post(f"{rig.base}/api/v1/actions/{kind}{query}", **kwargs) as r:
        return r.status, await r.json(content_type=None)
