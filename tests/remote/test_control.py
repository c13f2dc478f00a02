"""The control API over real HTTP and WebSocket clients on 127.0.0.1: a whole short show, the token, the lock."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from runshow.live.clock import ManualClock
from runshow.remote.control import ACTIONS, SPECS, RateLimiter, accept_language, parse_intent
from tests.remote.control_rig import TOKEN, drive, make_rig, post

pytestmark = pytest.mark.gui


@pytest.fixture
def rig(qapp, plan_2021, at, tmp_path):
    clock = ManualClock(at(13, 29, 50))
    r = make_rig(plan_2021, clock, tmp_path)
    r.clock = clock  # type: ignore[attr-defined]
    yield r
    r.stop()


def test_a_whole_short_show_over_http(rig, qtbot) -> None:
    clock = rig.clock

    async def client(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        out = [await post(s, rig, "start")]
        out.append(await post(s, rig, "next"))
        out.append(await post(s, rig, "adjust", {"minutes": 1}))
        out.append(await post(s, rig, "adjust", {"minutes": -1}))
        out.append(await post(s, rig, "message", {"text": "마이크 확인"}))
        out.append(await post(s, rig, "clear-message"))
        out.append(await post(s, rig, "blackout"))
        out.append(await post(s, rig, "blackout", {"on": False}))
        out.append(await post(s, rig, "goto", {"segment": "regions"}))
        out.append(await post(s, rig, "pause"))
        out.append(await post(s, rig, "resume"))
        out.append(await post(s, rig, "previous"))
        out.append(await post(s, rig, "undo"))
        out.append(await post(s, rig, "redo"))
        out.append(await post(s, rig, "follow"))
        out.append(await post(s, rig, "manual"))
        return out

    clock.set(clock.now())
    answers = drive(qtbot, client)
    assert [status for status, _ in answers] == [200] * 16, answers
    first = answers[0][1]
    assert first["version"] == 1 and first["state"] == "running"
    assert answers[8][1]["segment"] == rig.controller.plan.segment("regions").title
    journaled = rig.journaled()
    assert len(journaled) == 16
    assert {a["source"] for a in journaled} == {"http 127.0.0.1"}
    kinds = [a["kind"] for a in journaled]
    assert kinds[:3] == ["start", "next", "adjust"] and journaled[2]["seconds"] == 60 and journaled[3]["seconds"] == -60
    assert journaled[4]["text"] == "마이크 확인"
    assert journaled[6] == {**journaled[6], "kind": "blackout", "on": True}
    assert journaled[14]["mode"] == "follow" and journaled[15]["mode"] == "manual"


def test_answers_are_the_new_state_as_get_state_gives_it(rig, qtbot) -> None:
    async def client(s: aiohttp.ClientSession) -> tuple[Any, Any]:
        _, body = await post(s, rig, "start", query="?lang=en")
        async with s.get(f"{rig.base}/api/v1/state?lang=en") as r:
            return body, await r.json()

    body, state = drive(qtbot, client)
    assert body == state
    assert body["state"] == "running"


def test_token_missing_wrong_and_in_every_accepted_spelling(rig, qtbot) -> None:
    async def client(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        out = [await post(s, rig, "start", token=None)]
        out.append(await post(s, rig, "start", token="x" + TOKEN[1:]))
        out.append(await post(s, rig, "start", token="한국어"))
        out.append(await post(s, rig, "start", token=None, headers={"X-Runshow-Token": TOKEN}))
        out.append(await post(s, rig, "next", token=None, query=f"?token={TOKEN}"))
        return out

    answers = drive(qtbot, client)
    assert [a[0] for a in answers] == [401, 401, 401, 200, 200]
    assert answers[0][1]["error"]["code"] == "missing-token"
    assert answers[1][1]["error"]["code"] == "wrong-token"
    assert [a["kind"] for a in rig.journaled()] == ["start", "next"]


def test_a_refused_action_is_409_with_its_code_and_translation(rig, qtbot) -> None:
    async def client(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        return [
            await post(s, rig, "next"),
            await post(s, rig, "next", query="?lang=en"),
            await post(s, rig, "next", headers={"Accept-Language": "en-US,en;q=0.9,ko;q=0.5"}),
            await post(s, rig, "goto", {"segment": "nowhere"}, query="?lang=en"),
        ]

    (s1, ko), (s2, en), (s3, en2), (s4, nowhere) = drive(qtbot, client)
    assert s1 == s2 == s3 == s4 == 409
    assert ko["error"]["code"] == en["error"]["code"] == "not-started-use-start"
    assert en["error"]["message"] == "the show has not started; use start" == en2["error"]["message"]
    assert ko["error"]["message"] != en["error"]["message"]  # worded in Korean by default
    assert any("\uac00" <= ch <= "\ud7a3" for ch in ko["error"]["message"])
    assert nowhere["error"]["code"] == "no-segment" and nowhere["error"]["params"] == {"segment": "nowhere"}
    assert rig.journaled() == []


def test_bad_input_is_400_naming_the_field_and_nothing_is_journaled(rig, qtbot) -> None:
    async def client(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        out = [
            await post(s, rig, "adjust", {"minutes": "one"}),
            await post(s, rig, "adjust", {}),
            await post(s, rig, "goto", {"segment": 3}),
            await post(s, rig, "message", {"text": ""}),
            await post(s, rig, "message", {"txt": "hi"}),
            await post(s, rig, "start", {"now": True}),
            await post(s, rig, "blackout", {"on": "yes"}),
            await post(s, rig, "start", query="?verbose=1"),
        ]
        async with s.post(f"{rig.base}/api/v1/actions/start", data=b"{not json", headers={
            "Authorization": f"Bearer {TOKEN}"}) as r:  # fmt: skip
            out.append((r.status, await r.json()))
        async with s.post(f"{rig.base}/api/v1/actions/fly", headers={"Authorization": f"Bearer {TOKEN}"}) as r:
            out.append((r.status, await r.json()))
        async with s.get(f"{rig.base}/api/v1/actions/start") as r:
            out.append((r.status, await r.json()))
        return out

    answers = drive(qtbot, client)
    fields = [body["error"].get("field") for _, body in answers[:9]]
    assert [a[0] for a in answers] == [400] * 9 + [404, 405]
    assert fields == ["minutes", "minutes", "segment", "text", "txt", "now", "on", "verbose", "body"]
    assert rig.journaled() == []


def test_flooding_one_client_gets_429(qapp, plan_2021, at, tmp_path, qtbot) -> None:
    fake = [0.0]
    rig = make_rig(plan_2021, ManualClock(at(13, 29)), tmp_path, limiter=RateLimiter(1.0, 3.0, now=lambda: fake[0]))
    try:

        async def client(s: aiohttp.ClientSession) -> list[int]:
            return [(await post(s, rig, "message", {"text": f"m{i}"}))[0] for i in range(6)]

        assert drive(qtbot, client) == [200, 200, 200, 429, 429, 429]
        fake[0] += 2.0  # two seconds later: two more
        assert drive(qtbot, client) == [200, 200, 429, 429, 429, 429]
        assert len(rig.journaled()) == 5
    finally:
        rig.stop()


def test_the_lock_refuses_remote_actions_and_is_journaled(rig, qtbot) -> None:
    events: list[Any] = []
    rig.control.remoteAction.connect(events.append)
    rig.control.set_locked(True)

    async def client(s: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        return [await post(s, rig, "start", query="?lang=en")]

    [(status, body)] = drive(qtbot, client)
    assert status == 423 and body["error"]["code"] == "remote-locked"
    assert "locked" in body["error"]["message"]
    assert rig.journaled() == []
    assert rig.controller.start_or_next() is None  # the operator's own keys still work
    rig.control.set_locked(False)
    [(status, _)] = drive(qtbot, lambda s: _one(s, rig, "next"))
    assert status == 200
    from runshow.live.journal import read_journal

    notes = read_journal(rig.path).notes
    assert [n["on"] for n in notes if n["kind"] == "remote-lock"] == [True, False]
    assert [e.refused for e in events] == ["remote-locked", None]
    assert events[1].source == "http 127.0.0.1" and events[1].name == "next"


async def _one(s: aiohttp.ClientSession, rig, kind: str) -> list[tuple[int, Any]]:
    return [await post(s, rig, kind)]


def test_the_lock_comes_back_from_the_journal(qapp, plan_2021, at, tmp_path) -> None:
    from runshow.live.journal import Journal
    from runshow.remote.control import RemoteControl
    from runshow.remote.server import RemoteServer
    from runshow.remote.session import RemoteSession
    from runshow.session.controller import ShowController

    rig = make_rig(plan_2021, ManualClock(at(13, 29)), tmp_path)
    rig.control.set_locked(True)
    rig.stop()
    journal = Journal.open_existing(rig.path)
    try:
        controller = ShowController(plan_2021, ManualClock(at(13, 29)), journal=journal)
        again = RemoteControl(RemoteSession(controller, RemoteServer(port=0)), token=TOKEN)
        assert again.locked
    finally:
        journal.close()


def test_the_same_actions_over_the_websocket(rig, qtbot) -> None:
    async def client(s: aiohttp.ClientSession) -> list[dict[str, Any]]:
        out = []
        async with s.ws_connect(f"{rig.base}/ws?lang=en") as ws:
            assert (await ws.receive_json(timeout=5))["type"] == "hello"

            async def ask(msg: dict[str, Any]) -> dict[str, Any]:
                await ws.send_json(msg)
                for _ in range(20):  # bounded: states are published in between
                    reply = await ws.receive_json(timeout=5)
                    if reply["type"] in ("result", "auth"):
                        return reply
                raise AssertionError("no answer")

            out.append(await ask({"type": "action", "kind": "start", "id": 1}))
            out.append(await ask({"type": "auth", "token": "nope", "id": 2}))
            out.append(await ask({"type": "action", "kind": "start", "id": 3, "token": TOKEN}))
            out.append(await ask({"type": "auth", "token": TOKEN, "id": 4}))
            out.append(await ask({"type": "action", "kind": "adjust", "minutes": -1, "id": 5}))
            out.append(await ask({"type": "action", "kind": "adjust", "minutes": True, "id": 6}))
            out.append(await ask({"type": "action", "kind": "start", "id": 7}))
            out.append(await ask({"type": "action", "kind": "message", "text": "곧 마무리", "id": 8}))
        return out

    answers = drive(qtbot, client)
    assert answers[0]["ok"] is False and answers[0]["error"]["code"] == "missing-token"
    assert answers[1] == {"type": "auth", "id": 2, "ok": False}
    assert answers[2]["ok"] is True and answers[2]["state"]["state"] == "running" and answers[2]["id"] == 3
    assert answers[3]["ok"] is True
    assert answers[4]["ok"] is True
    assert answers[5]["error"] == {**answers[5]["error"], "status": 400, "field": "minutes"}
    assert answers[6]["error"]["code"] == "already-started" and answers[6]["error"]["status"] == 409
    assert answers[7]["ok"] is True
    journaled = rig.journaled()
    assert [a["kind"] for a in journaled] == ["start", "adjust", "message"]
    assert {a["source"] for a in journaled} == {"ws 127.0.0.1"}


def test_route_table_lists_every_action(rig, qtbot) -> None:
    async def client(s: aiohttp.ClientSession) -> Any:
        async with s.get(f"{rig.base}/api/v1/actions") as r:
            return await r.json()

    table = drive(qtbot, client)
    assert [a["name"] for a in table["actions"]] == [spec.name for spec in ACTIONS]
    assert {"start", "next", "previous", "pause", "resume", "undo", "redo", "follow", "manual", "blackout",
            "clear-message", "goto", "adjust", "message"} == set(SPECS)  # fmt: skip


def test_parse_intent_and_accept_language() -> None:
    assert parse_intent("adjust", {"minutes": 1.5}).fields == {"seconds": 90}
    assert parse_intent("adjust", {"seconds": -30}).fields == {"seconds": -30}
    assert parse_intent("message", {"text": "  안녕  "}).fields == {"text": "안녕"}
    assert accept_language("fr, en;q=0.8, ko;q=0.9") == "ko"
    assert accept_language("en-GB") == "en"
    assert accept_language("fr") is None and accept_language(None) is None
