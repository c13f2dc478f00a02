"""Real HTTP and WebSocket clients on 127.0.0.1 against the server on a free port (bounded loops)."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from runshow.live.actions import Action, ActionKind
from runshow.live.state import ShowState
from runshow.present.state_json import show_state_json
from runshow.remote.content import Feeds, snapshot
from runshow.remote.options import ALL_INTERFACES, server_options
from runshow.remote.server import RemoteServer
from tests.remote.conftest import WORDS, base_url, snap

TIMEOUT = aiohttp.ClientTimeout(total=5)


def run(coro: Callable[[aiohttp.ClientSession], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        jar = aiohttp.CookieJar(unsafe=True)  # keep cookies from 127.0.0.1, as a browser does
        async with aiohttp.ClientSession(timeout=TIMEOUT, cookie_jar=jar) as session:
            return await coro(session)

    return asyncio.run(main())


async def _get(session: aiohttp.ClientSession, url: str) -> tuple[int, str, bytes]:
    async with session.get(url) as r:
        return r.status, r.content_type, await r.read()


def raw(srv: RemoteServer, request: bytes) -> bytes:
    """One request as bytes on a plain socket, exactly as written (no client normalising the path)."""
    with socket.create_connection(("127.0.0.1", srv.port), timeout=5) as sock:
        sock.sendall(request)
        chunks = []
        while True:  # bounded: the server closes (Connection: close) or the 5 s timeout raises
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks)


def test_every_view_and_the_index_are_served(server) -> None:
    async def go(s: aiohttp.ClientSession) -> None:
        base = base_url(server)
        status, kind, body = await _get(s, base + "/")
        assert status == 200 and kind == "text/html"
        text = body.decode()
        for view in ("stage", "backstage", "lobby", "overlay", "clock", "rundown"):
            assert f'href="/{view}"' in text
            status, kind, page = await _get(s, f"{base}/{view}?lang=en")
            assert status == 200 and kind == "text/html"
            assert f'data-view="{view}"' in page.decode()
        assert "무대" in text and "English" in text
        status, _, en = await _get(s, base + "/?lang=en")
        assert "monitor: what the stage window shows" in en.decode()
        for asset in ("/static/runshow.js", "/static/views.js", "/static/runshow.css"):
            assert (await _get(s, base + asset))[0] == 200
        status, kind, font = await _get(s, base + "/fonts/Pretendard-Bold.otf")
        assert status == 200 and kind == "font/otf" and font[:4] == b"OTTO"

    run(go)


def test_the_pages_load_nothing_from_elsewhere(server) -> None:
    async def go(s: aiohttp.ClientSession) -> None:
        for name in ("stage.html", "runshow.css", "runshow.js", "views.js"):
            _, _, body = await _get(s, f"{base_url(server)}/static/{name}")
            assert b"http://" not in body and b"https://" not in body, name

    run(go)


def test_state_api_is_versioned_and_404s_are_json(server, show_at) -> None:
    async def before(s: aiohttp.ClientSession) -> None:
        status, kind, body = await _get(s, base_url(server) + "/api/v1/state")
        assert status == 503 and kind == "application/json"
        assert json.loads(body)["error"]["code"] == "no-state"

    run(before)
    server.publish(snap(show_at(14, 12)))

    async def after(s: aiohttp.ClientSession) -> None:
        base = base_url(server)
        for _ in range(50):  # the snapshot crosses to the server's loop: bounded wait
            status, _, body = await _get(s, base + "/api/v1/state")
            if status == 200:
                break
            await asyncio.sleep(0.02)
        state = json.loads(body)
        assert state["version"] == 1 and state["speaker"] == "경북" and state["remaining_s"] == 600
        # the whole versioned state, its rundown rows included (built for the request, not per publish)
        assert state == show_state_json(show_at(14, 12), WORDS["ko"]) and len(state["rundown"]) == 12
        status, _, body = await _get(s, base + "/api/v1/state?lang=en&bogus=1")
        assert status == 400 and json.loads(body)["error"]["code"] == "bad-query"
        status, _, body = await _get(s, base + "/api/v2/state")
        assert status == 404 and json.loads(body)["error"] == {
            "status": 404,
            "code": "not-found",
            "message": "Not Found",
        }

    run(after)


def test_views_are_read_only(server) -> None:
    async def go(s: aiohttp.ClientSession) -> None:
        base = base_url(server)
        for method, path in (("POST", "/stage"), ("PUT", "/api/v1/state"), ("DELETE", "/"), ("POST", "/ws")):
            async with s.request(method, base + path) as r:
                assert r.status == 405, (method, path)
                body = await r.json()
                assert body["error"]["code"] == "method-not-allowed"
        async with s.post(base + "/api/v1/actions/next") as r:
            assert r.status in (404, 405)  # no action route exists in this issue

    run(go)


@pytest.mark.parametrize(
    "path",
    [
        b"/static/../pyproject.toml",
        b"/static/%2e%2e/pyproject.toml",
        b"/static/%2E%2E%2Fpyproject.toml",
        b"/static/..%2f..%2fpyproject.toml",
        b"/fonts/../../../../etc/passwd",
        b"/fonts/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        b"/static//etc/passwd",
        b"/static/%2Fetc%2Fpasswd",
        b"//etc/passwd",
        b"/../../etc/passwd",
        b"/static/runshow.js/../../server.py",
        b"/static/..\\server.py",
    ],
)
def test_no_path_outside_the_served_folders(server, path) -> None:
    answer = raw(server, b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    assert 400 <= status < 500, answer[:200]
    assert b"root:" not in body and b"[project]" not in body and b"import" not in body
    assert b"Traceback" not in answer


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GARBAGE\r\n\r\n",
        b"GET /stage HTTP/9.9\r\n\r\n",
        b"GET /stage HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n",
        b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /ws HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    ],
)
def test_bad_requests_get_a_4xx_never_a_traceback(server, request_bytes) -> None:
    answer = raw(server, request_bytes)
    status = int(answer.split(b" ", 2)[1])
    assert 400 <= status < 500, answer[:300]
    assert b"Traceback" not in answer and b'File "' not in answer


def test_websocket_publishes_every_snapshot_and_answers_pings(server, show_at) -> None:
    server.publish(snap(show_at(14, 12), seq=1))

    async def go(s: aiohttp.ClientSession) -> None:
        async with s.ws_connect(base_url(server) + "/ws?lang=en") as ws:
            hello = await ws.receive_json(timeout=5)
            assert hello["type"] == "hello" and hello["version"] == 1
            first = await ws.receive_json(timeout=5)
            assert first["type"] == "state" and first["seq"] == 1 and first["lang"] == "en"
            assert first["views"]["stage"]["caption"] == "Time left"
            await ws.send_json({"type": "ping", "id": 5, "t0": 1.5})
            pong = await ws.receive_json(timeout=5)
            assert pong["type"] == "pong" and pong["id"] == 5 and pong["t0"] == 1.5
            assert pong["t1"] <= pong["t2"]
            server.publish(snap(show_at(14, 13), seq=2))
            second = await ws.receive_json(timeout=5)
            assert second["seq"] == 2 and second["state"]["remaining_s"] == 540
            for bad, code in (("not json", "bad-json"), ("[1]", "bad-message"), ('{"type": "next"}', "unknown-type")):
                await ws.send_str(bad)
                err = await ws.receive_json(timeout=5)
                assert err == {"type": "error", "code": code, "message": err["message"]}
            assert server.client_count == 1

    run(go)


def test_the_rundown_goes_whole_once_then_as_the_rows_that_changed(server, show_at, at) -> None:
    feeds = Feeds(WORDS)  # what a session keeps from one snapshot to the next

    def rows_of(feeds: Feeds) -> Any:
        return feeds.rundown.list.rows

    def publish(state: ShowState, seq: int) -> None:
        server.publish(snapshot(state, WORDS, seq=seq, wall_ms=0.0, rate=0.0, feeds=feeds))

    async def state_message(ws: aiohttp.ClientWebSocketResponse, seq: int) -> dict[str, Any]:
        while True:  # bounded by the receive timeout
            msg = await ws.receive_json(timeout=5)
            if msg["type"] == "state" and msg["seq"] == seq:
                return msg["views"]["rundown"]

    async def go(s: aiohttp.ClientSession) -> None:
        publish(show_at(14, 12), 1)
        async with s.ws_connect(base_url(server) + "/ws?view=rundown") as ws:
            first = await state_message(ws, 1)
            assert len(first["rows"]) == 12 and "delta" not in first
            publish(show_at(14, 12, 30), 2)  # only time moved: the page already holds the list
            second = await state_message(ws, 2)
            assert second["rev"] == first["rev"] and "rows" not in second and "delta" not in second
            publish(show_at(14, 12, 30, extra=(Action(ActionKind.ADJUST, at(14, 12, 30), seconds=60),)), 3)
            third = await state_message(ws, 3)
            assert "rows" not in third and third["delta"]["base"] == first["rev"]
            # one row: 시·도별 혁신계획 발표, whose speaker on now was granted a minute (later rows move
            # with the projection, which the page computes: they are not sent)
            [(index, row)] = third["delta"]["set"]
            assert row["title"].startswith("시·도별") and row["phase"] == "contains"
            assert row == json.loads(json.dumps(rows_of(feeds)[index]))
            await ws.send_json({"type": "resync"})  # a page that lost track gets the list whole again
            again = await ws.receive_json(timeout=5)
            assert again["seq"] == 3 and len(again["views"]["rundown"]["rows"]) == 12
            async with s.ws_connect(base_url(server) + "/ws?view=rundown") as other:  # a new page: whole
                assert (await other.receive_json(timeout=5))["type"] == "hello"
                assert len((await state_message(other, 3))["rows"]) == 12

    run(go)


def test_a_slow_client_gets_the_latest_state_not_a_backlog(server, show_at) -> None:
    async def go(s: aiohttp.ClientSession) -> None:
        async with s.ws_connect(base_url(server) + "/ws") as ws:
            assert (await ws.receive_json(timeout=5))["type"] == "hello"
            for seq in range(1, 40):
                server.publish(snap(show_at(14, 12), seq=seq))
            seen = []
            while not seen or seen[-1] != 39:  # bounded by the receive timeout
                seen.append((await ws.receive_json(timeout=5))["seq"])
            assert seen == sorted(seen) and len(seen) <= 39

    run(go)


def test_stop_closes_every_client_at_once(show_at) -> None:
    srv = RemoteServer(port=0)
    srv.start()

    async def go(s: aiohttp.ClientSession) -> None:
        async with s.ws_connect(base_url(srv) + "/ws") as ws:
            assert (await ws.receive_json(timeout=5))["type"] == "hello"
            await asyncio.get_running_loop().run_in_executor(None, srv.stop)
            msg = await ws.receive(timeout=5)
            assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)

    run(go)
    assert not srv.running


def test_a_taken_port_is_an_os_error_not_a_hang() -> None:
    first = RemoteServer(port=0)
    first.start()
    try:
        second = RemoteServer(port=first.port)
        with pytest.raises(OSError):
            second.start()
    finally:
        first.stop()


def test_view_code_guards_clients_from_elsewhere(show_at) -> None:
    srv = RemoteServer(port=0, view_code="4821", trust_loopback=False)  # as if every client were on the LAN
    srv.start()
    srv.publish(snap(show_at(14, 12)))

    async def go(s: aiohttp.ClientSession) -> None:
        base = base_url(srv)
        status, kind, body = await _get(s, base + "/stage")
        assert status == 401 and kind == "text/html" and b'name="code"' in body
        status, kind, body = await _get(s, base + "/api/v1/state")
        assert status == 401 and json.loads(body)["error"]["code"] == "view-code"
        assert (await _get(s, base + "/api/v1/state?code=0000"))[0] == 401
        async with s.get(base + "/stage?code=4821") as r:
            assert r.status == 200
        # the cookie now opens everything else, the WebSocket included
        assert (await _get(s, base + "/api/v1/state"))[0] == 200
        async with s.ws_connect(base + "/ws") as ws:
            assert (await ws.receive_json(timeout=5))["type"] == "hello"

    try:
        run(go)
    finally:
        srv.stop()


def test_control_routes_and_ws_handlers_plug_in(show_at) -> None:
    """The hooks issue 17 uses: extra routes, WebSocket message types, a call to the GUI side."""
    srv = RemoteServer(port=0)
    calls: list[str] = []

    def gui_call(fn):  # stands in for RemoteSession.call_on_gui (tested with Qt in test_session.py)
        import concurrent.futures

        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        future.set_result(fn())
        return future

    srv.gui_call = gui_call

    async def action(request: web.Request) -> web.Response:
        kind = request.match_info["kind"]
        answer = await srv.on_gui(lambda: calls.append(kind) or None)
        return web.json_response({"applied": kind, "reason": answer})

    async def on_hello(client, msg) -> dict[str, Any]:
        return {"type": "echo", "text": msg.get("text")}

    srv.add_routes([web.post("/api/v1/actions/{kind}", action)])
    srv.add_ws_handler("echo", on_hello)
    with pytest.raises(ValueError):
        srv.add_ws_handler("ping", on_hello)
    srv.start()
    with pytest.raises(RuntimeError):
        srv.add_routes([])

    async def go(s: aiohttp.ClientSession) -> None:
        async with s.post(base_url(srv) + "/api/v1/actions/next") as r:
            assert r.status == 200 and (await r.json()) == {"applied": "next", "reason": None}
        async with s.ws_connect(base_url(srv) + "/ws") as ws:
            await ws.receive_json(timeout=5)
            await ws.send_json({"type": "echo", "text": "안녕"})
            assert (await ws.receive_json(timeout=5)) == {"type": "echo", "text": "안녕"}

    try:
        run(go)
    finally:
        srv.stop()
    assert calls == ["next"]


def test_server_options_from_the_command_line_and_environment() -> None:
    assert server_options([], {}) == ({"port": 4080, "host": "127.0.0.1", "enabled": True}, [])
    opts, rest = server_options(["--port", "5000", "--lan", "-style", "x"], {})
    assert opts == {"port": 5000, "host": ALL_INTERFACES, "enabled": True} and rest == ["-style", "x"]
    assert server_options([], {"RUNSHOW_PORT": "4999"})[0]["port"] == 4999
    assert server_options(["--port=4100"], {"RUNSHOW_PORT": "4999"})[0]["port"] == 4100
    assert server_options(["--port", "http"], {})[0]["port"] == 4080  # a bad port: the default, warned
    assert server_options(["--no-web"], {})[0]["enabled"] is False


def test_lan_switch_before_start_only_changes_the_address() -> None:
    srv = RemoteServer(port=0)
    srv.set_lan(True).result(1)
    assert srv.lan and srv.host == ALL_INTERFACES  # the address only: this test never starts it
    srv.set_lan(False).result(1)
    assert not srv.lan and srv.host == "127.0.0.1"  # tests never listen beyond this machine


def test_with_no_page_connected_a_state_waits_for_the_loop_to_ask(server, show_at) -> None:
    """Published while no page listens, a state is parked (the server's thread is not woken
    every second for nobody); a request, or a page connecting, takes the newest one."""
    server.publish(snap(show_at(14, 12), seq=1))
    server.publish(snap(show_at(14, 13), seq=2))
    assert server.client_count == 0
    assert server._parked is not None and server._parked.seq == 2  # parked, the loop not woken

    async def go(s: aiohttp.ClientSession) -> None:
        status, _, body = await _get(s, base_url(server) + "/api/v1/state")
        assert status == 200 and json.loads(body)["remaining_s"] == 540  # the newest, 14:13
        async with s.ws_connect(base_url(server) + "/ws") as ws:
            assert (await ws.receive_json(timeout=5))["type"] == "hello"
            first = await ws.receive_json(timeout=5)
            assert first["seq"] == 2
            server.publish(snap(show_at(14, 14), seq=3))  # a page listens: sent at once
            assert (await ws.receive_json(timeout=5))["seq"] == 3
        for _ in range(50):  # bounded: the page's leaving crosses to the loop
            if server.client_count == 0:
                break
            await asyncio.sleep(0.02)
        server.publish(snap(show_at(14, 15), seq=4))  # nobody again: parked
        status, _, body = await _get(s, base_url(server) + "/api/v1/state")
        assert json.loads(body)["remaining_s"] == 420

    run(go)
