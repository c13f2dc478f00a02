"""Fixtures for the LAN server: a show at a fixed instant, a server on a free port, a real browser."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from runshow.live.actions import Action, ActionKind
from runshow.live.scenario import load_scenario
from runshow.live.show import Show
from runshow.live.state import ShowState, state_at
from runshow.remote.content import Snapshot, snapshot
from runshow.remote.server import RemoteServer
from runshow.remote.words import translators

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "two-minutes-late.toml"
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
WORDS = translators()


@pytest.fixture
def show_at(plan_2021, at) -> Callable[..., ShowState]:
    """``show_at(14, 12)``: the 2021 show two minutes late (경북 on since 14:12) at that instant.

    ``extra`` actions (message, blackout, pause …) are applied after the scenario's.
    """

    def make(hour: int, minute: int, second: int = 0, micro: int = 0, extra: tuple[Action, ...] = ()) -> ShowState:
        now = at(hour, minute, second, micro)
        actions = [a for a in load_scenario(SCENARIO, plan_2021).actions if a.at <= now]
        show = Show(plan_2021, actions)
        for action in extra:
            show.apply(action)
        return state_at(show, now)

    return make


def snap(state: ShowState, *, seq: int = 1, wall_ms: float | None = None, rate: float = 0.0) -> Snapshot:
    """A snapshot of ``state`` frozen in time (rate 0) unless told otherwise."""
    return snapshot(
        state, WORDS, seq=seq, wall_ms=state.at.timestamp() * 1000 if wall_ms is None else wall_ms, rate=rate
    )


def message(at: datetime, text: str) -> Action:
    return Action(ActionKind.MESSAGE, at, text=text)


def blackout(at: datetime, on: bool = True) -> Action:
    return Action(ActionKind.BLACKOUT, at, on=on)


@pytest.fixture
def server() -> Iterator[RemoteServer]:
    """A server on a free port of 127.0.0.1, stopped afterwards."""
    srv = RemoteServer(port=0)
    srv.start()
    yield srv
    srv.stop()


def base_url(srv: RemoteServer) -> str:
    return f"http://127.0.0.1:{srv.port}"


# ── a real browser ─────────────────────────────────────────────────────────
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, driven by playwright; the tests skip cleanly without either.

    Module-scoped: playwright's sync API keeps an event loop of its own, which must be gone
    before another module runs its own asyncio clients."""
    if shutil.which("chromium") is None and not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 720}, bypass_csp=True
    )  # playwright evaluates strings
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()
    assert not errors, f"script errors on the page: {errors}"
