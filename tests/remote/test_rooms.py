"""``/rundown?rooms=all``: every room of a schedule with parallel rooms, read-only (issue 14).

Real HTTP and WebSocket clients on 127.0.0.1 against the server on a free port, on the KAM 2025
example (two workshop rooms, four days), in follow mode at 10:00 on day 2 (the keynote is on).
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp

from runshow.live.scenario import load_scenario
from runshow.live.show import Show
from runshow.live.state import ShowState, state_at
from runshow.plan import load_plan
from runshow.remote.server import RemoteServer
from tests.remote.conftest import base_url, snap

ROOT = Path(__file__).resolve().parents[2]
KAM = ROOT / "schedules" / "2025-kam-annual-conference.toml"
FOLLOW = ROOT / "tests" / "scenarios" / "kam-day2-gap.toml"
TIMEOUT = aiohttp.ClientTimeout(total=5)


def kam_at(day: int, hour: int, minute: int) -> ShowState:
    plan = load_plan(KAM)
    now = datetime(2025, 10, 27 + day, hour, minute, tzinfo=plan.event.timezone)
    actions = [a for a in load_scenario(FOLLOW, plan).actions if a.at <= now]
    return state_at(Show(plan, actions), now)


async def _views(session: aiohttp.ClientSession, url: str) -> dict[str, Any]:
    async with session.ws_connect(url) as ws:
        assert (await ws.receive_json(timeout=5))["type"] == "hello"
        state = await ws.receive_json(timeout=5)
        assert state["type"] == "state"
        views: dict[str, Any] = state["views"]
        return views


def test_all_rooms_lists_every_rooms_segments_with_their_day(server: RemoteServer) -> None:
    server.publish(snap(kam_at(2, 10, 0)))

    async def go(s: aiohttp.ClientSession) -> None:
        base = base_url(server)
        async with s.get(base + "/") as r:
            index = await r.text()
        assert 'href="/rundown?rooms=all"' in index and "모든 룸" in index
        async with s.get(base + "/rundown?rooms=all&lang=en") as r:
            assert r.status == 200 and 'data-view="rundown"' in await r.text()

        views = await _views(s, base + "/ws?lang=en&view=rundown&rooms=all")
        assert "rundown" not in views  # only what the page shows
        r = views["rundown_all"]
        rows = {row["id"]: row for row in r["rows"]}
        plan = load_plan(KAM)
        assert set(rows) == {seg.id for seg in plan.all_segments}  # the other room's too
        assert len(plan.segments) < len(rows)
        assert {row["room"] for row in r["rows"]} == {"Workshop room 1", "Workshop room 2", "All rooms"}
        morning = rows["morning-workshop"]  # room 2: not the room this app runs
        assert (morning["room"], morning["planned_start"], morning["planned_end"]) == (
            "Workshop room 2",
            "09:00",
            "12:00",
        )
        assert morning["phase"] == "other"
        assert rows["full-day-workshop"]["room"] == "Workshop room 1"
        assert rows["full-day-workshop"]["phase"] == "done"
        keynote = rows["keynote"]
        assert (keynote["planned_start"], keynote["planned_end"], keynote["phase"]) == (
            "D2 09:55",
            "D2 10:45",
            "current",
        )
        assert keynote["title"] == "Keynote Address"
        assert [row["id"] for row in r["rows"] if row["phase"] == "current"] == ["keynote"]
        assert rows["brunch"]["planned_start"] == "D4 10:30"
        assert r["running"] == "Running here: Workshop room 1"
        assert r["rows"][0]["id"] == "tue-registration"  # in planned order, day by day

        ko = (await _views(s, base + "/ws?view=rundown&rooms=all"))["rundown_all"]
        assert ko["title"] == "큐시트: 모든 룸" and ko["columns"]["room"] == "룸"

        plain = await _views(s, base + "/ws?lang=en&view=rundown")
        assert "rundown_all" not in plain and plain["rundown"]["rows"]

    async def main() -> None:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
            await go(session)

    asyncio.run(main())


def test_the_followed_row_moves_with_the_running_room(server: RemoteServer) -> None:
    server.publish(snap(kam_at(2, 13, 0)))  # the plenary breakout slot, 12:45–13:30

    async def go() -> list[dict[str, Any]]:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as s:
            rows: list[dict[str, Any]] = (await _views(s, base_url(server) + "/ws?lang=en&view=rundown&rooms=all"))[
                "rundown_all"
            ]["rows"]
            return rows

    rows = asyncio.run(go())
    assert [row["id"] for row in rows if row["phase"] == "current"] == ["wed-breakout-1"]
    assert {row["phase"] for row in rows if row["id"] in ("keynote", "morning-workshop")} == {"done", "other"}
