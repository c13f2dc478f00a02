"""The LAN server: aiohttp on its own thread and asyncio loop, fed immutable snapshots.

Nothing here runs on the GUI thread but :meth:`RemoteServer.publish`, which only
hands a finished :class:`~runshow.remote.content.Snapshot` to the server's loop
with ``call_soon_threadsafe`` and returns: serving can never delay a flip.

Routes (all read-only; the control API of issue 17 plugs in through
:meth:`RemoteServer.add_routes` and :meth:`RemoteServer.add_ws_handler`):

- ``/`` lists the views; ``/stage`` ``/backstage`` ``/lobby`` ``/overlay`` ``/clock``
  ``/rundown`` are static pages (``?lang=en`` for English);
- ``/static/<name>`` and ``/fonts/<name>`` serve a fixed table of files built at
  start-up: a request names a key, never a path, so nothing outside the served
  folders is reachable whatever it spells (``..``, ``%2e%2e``, absolute paths);
- ``/api/v1/state`` is the versioned state (``runshow.present.state_json``);
- ``/ws`` publishes every snapshot and answers ``ping`` with the server's clock
  (the page's offset estimate, see ``static/runshow.js``). The long lists (the
  rundowns) go to a page whole once, then as the rows that changed since the
  revision it holds (``runshow/remote/rows.py``); ``{"type": "resync"}`` asks for
  them whole again.

Every error is a 4xx (or 500) JSON body ``{"error": {"status", "code", "message"}}``,
never a traceback. On the LAN an optional view code guards every route for
clients that are not on this machine.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hmac
import html
import ipaddress
import json
import logging
import socket
import threading
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from runshow.live.clock import Clock, SystemClock
from runshow.remote.assets import font_files, static_files
from runshow.remote.content import Snapshot, epoch_ms
from runshow.remote.options import ALL_INTERFACES, DEFAULT_PORT, LOCALHOST
from runshow.remote.words import Translator, pick_language, translators

log = logging.getLogger(__name__)

VIEWS = ("stage", "backstage", "lobby", "overlay", "clock", "rundown")
CODE_COOKIE = "runshow_view"
MAX_WS_MESSAGE = 64 * 1024
FRESH_TIMEOUT_S = 1.0  # how long a request or a first page waits for the GUI thread to bring the state up to the time

WsReply = Mapping[str, Any] | None
WsHandler = Callable[["WsClient", Mapping[str, Any]], Awaitable[WsReply]]
GuiCall = Callable[[Callable[[], Any]], "concurrent.futures.Future[Any]"]

_VIEW_DESCRIPTIONS = {
    "stage": ("Stage", "The MC's monitor: what the stage window shows"),
    "backstage": ("Backstage", "Speaker order of the current and next segments, with stand-by times"),
    "lobby": ("Lobby", "Public countdown to the next segment or the show"),
    "overlay": ("Overlay", "Transparent lower third for an OBS browser source"),
    "clock": ("Clock", "Time of day, on-air state and drift"),
    "rundown": ("Rundown", "Read-only cue sheet: planned against actual"),
}

_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; font-src 'self'; frame-ancestors *"
    ),
}


def json_error(status: int, code: str, message: str) -> web.Response:
    """The one error shape: a 4xx/5xx with a JSON body, never a traceback."""
    body = {"error": {"status": status, "code": code, "message": message}}
    return web.json_response(body, status=status, headers=_SECURITY_HEADERS)


def _is_loopback(remote: str | None) -> bool:
    if not remote:
        return False
    try:
        return ipaddress.ip_address(remote.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses others on the LAN can reach (best effort, no traffic sent)."""
    found: list[str] = []
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            addr = str(info[4][0])
            if not addr.startswith("127.") and addr not in found:
                found.append(addr)
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # a documentation address: UDP connect sends nothing
        addr = str(probe.getsockname()[0])
        if not addr.startswith("127.") and addr not in found:
            found.insert(0, addr)
    return found


@dataclass(eq=False)
class WsClient:
    """One connected page: its language, what it holds of the long lists, and whether the latest
    state is still to be sent to it (latest wins: its message is made when it is sent)."""

    ws: web.WebSocketResponse
    lang: str
    remote: str | None
    view: str | None = None  # the page's view: it is sent only the words it shows
    pending: bool = False
    held: dict[str, int] = field(default_factory=dict)  # list name → the revision the page holds
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def send(self, text: str) -> None:
        async with self.lock:
            await self.ws.send_str(text)


class RemoteServer:
    """The aiohttp server, its thread and its loop; start, publish, stop from the GUI thread."""

    def __init__(
        self,
        *,
        host: str = LOCALHOST,
        port: int = DEFAULT_PORT,
        view_code: str | None = None,
        wall: Clock | None = None,
        trust_loopback: bool = True,
        words: Mapping[str, Translator] | None = None,
    ) -> None:
        self._host = host
        self._port = port
        self._view_code = view_code or None
        self._wall: Clock = wall or SystemClock()
        self._trust_loopback = trust_loopback
        self._words = dict(words) if words is not None else translators()
        self._static: dict[str, Path] = static_files()
        self._fonts: dict[str, Path] = font_files()
        self._routes: list[web.AbstractRouteDef] = []
        self._ws_handlers: dict[str, WsHandler] = {}
        self._clients: set[WsClient] = set()
        self._latest: Snapshot | None = None
        self._parked: Snapshot | None = None  # published while no page listened (set on the GUI thread)
        self._encoded: dict[tuple[str, str | None, tuple[tuple[str, str, int], ...]], str] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stopping = False
        self.on_clients_changed: Callable[[int], None] | None = None  # called on the server thread
        self.gui_call: GuiCall | None = None  # set by RemoteSession: run a callable on the GUI thread
        # set by RemoteSession: on the GUI thread, publish now if only time moved since the last
        # snapshot (while no page listens the session builds none for time alone)
        self.refresh_call: Callable[[], None] | None = None

    # ── for the control API (issue 17) ───────────────────────────────────
    def add_routes(self, routes: Iterable[web.AbstractRouteDef]) -> None:
        """More routes (e.g. ``POST /api/v1/actions/{kind}``), before :meth:`start`.

        They pass through the same error and view-code middlewares; a handler reaches
        the show with ``await server.on_gui(fn)`` (never by touching GUI objects here).
        """
        if self._runner is not None:
            raise RuntimeError("add routes before the server starts")
        self._routes.extend(routes)

    def add_ws_handler(self, kind: str, handler: WsHandler) -> None:
        """Answer WebSocket messages ``{"type": kind, …}``; the handler's dict (if any) is sent back."""
        if kind in ("ping", "resync"):
            raise ValueError(f"{kind!r} is the server's own message")
        self._ws_handlers[kind] = handler

    async def on_gui(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` on the GUI thread (through the session's queued signal) and await its result."""
        if self.gui_call is None:
            raise RuntimeError("no session attached: nothing can reach the show")
        return await asyncio.wrap_future(self.gui_call(fn))

    # ── read side ────────────────────────────────────────────────────────
    @property
    def port(self) -> int:
        return self._port

    @property
    def host(self) -> str:
        return self._host

    @property
    def lan(self) -> bool:
        return self._host != LOCALHOST

    @property
    def running(self) -> bool:
        return self._runner is not None and not self._stopping

    @property
    def client_count(self) -> int:
        return len(self._clients)

    @property
    def view_code(self) -> str | None:
        return self._view_code

    def urls(self) -> list[str]:
        """Where a browser reaches the views: this machine, and the LAN addresses when on."""
        hosts = [LOCALHOST] + (lan_addresses() if self.lan else [])
        return [f"http://{h}:{self._port}/" for h in hosts]

    def set_view_code(self, code: str | None) -> None:
        """Require ``?code=…`` from clients that are not on this machine (None: no code)."""
        self._view_code = code or None

    # ── life cycle (GUI thread) ──────────────────────────────────────────
    def start(self, timeout: float = 5.0) -> None:
        """Bind and serve on a new thread; raises ``OSError`` if the port cannot be had."""
        if self._thread is not None:
            raise RuntimeError("already started")
        self._ready.clear()
        self._error = None
        self._thread = threading.Thread(target=self._run, name="runshow-remote", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the remote server did not start")
        error = self._startup_error()
        if error is not None:
            self._thread.join(timeout)
            self._thread = None
            raise error

    def stop(self, timeout: float = 5.0) -> None:
        """Close every client (they see it at once) and the listening socket; join the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        self._stopping = True
        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError):
            asyncio.run_coroutine_threadsafe(self._teardown(), loop).result(timeout)
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        self._thread = None
        self._loop = None
        self._runner = None
        self._stopping = False

    def publish(self, snapshot: Snapshot) -> None:
        """Hand a finished snapshot to the server (any thread; returns at once)."""
        loop = self._loop
        if loop is None:
            self._latest = snapshot
            return
        if not self._clients:
            # No page to send it to: leave it for the loop to take when it next needs a state
            # (a request, a page connecting), instead of waking the loop's thread every second.
            self._parked = snapshot
            return
        with contextlib.suppress(RuntimeError):  # the loop closed under us: the show goes on
            loop.call_soon_threadsafe(self._fan_out, snapshot)

    def set_lan(self, on: bool) -> concurrent.futures.Future[None]:
        """Listen on every interface (``on``) or on this machine only; keeps the port."""
        host = ALL_INTERFACES if on else LOCALHOST
        if self._loop is None:
            self._host = host
            done: concurrent.futures.Future[None] = concurrent.futures.Future()
            done.set_result(None)
            return done
        return asyncio.run_coroutine_threadsafe(self._rebind(host), self._loop)

    def _startup_error(self) -> BaseException | None:
        """What the server thread failed to start with (it sets ``_error`` before ``_ready``)."""
        return self._error

    # ── the server thread ────────────────────────────────────────────────
    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._setup())
        except BaseException as exc:  # bind failure: reported to start(), the show goes on
            self._error = exc
            with contextlib.suppress(Exception):
                loop.run_until_complete(self._cleanup_runner())
            loop.close()
            self._ready.set()
            return
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(self._cleanup_runner())
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            with contextlib.suppress(Exception):
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._errors, self._guard], client_max_size=64 * 1024)
        app.router.add_get("/", self._index)
        for view in VIEWS:
            app.router.add_get(f"/{view}", self._page)
        app.router.add_get("/static/{name}", self._static_file)
        app.router.add_get("/fonts/{name}", self._font_file)
        app.router.add_get("/api/v1/state", self._state)
        app.router.add_get("/ws", self._websocket)
        app.router.add_get("/favicon.ico", self._no_icon)
        app.router.add_routes(self._routes)
        return app

    async def _setup(self) -> None:
        self._runner = web.AppRunner(self._make_app(), handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await self._bind(self._host)
        if self._latest is not None:
            self._fan_out(self._latest)

    async def _bind(self, host: str) -> None:
        assert self._runner is not None
        site = web.TCPSite(self._runner, host, self._port, reuse_address=True)
        await site.start()
        self._site = site
        self._host = host
        server = getattr(site, "_server", None)
        sockets = getattr(server, "sockets", None) or []
        if sockets:
            self._port = int(sockets[0].getsockname()[1])  # port 0 → the one the OS gave

    async def _rebind(self, host: str) -> None:
        if host == self._host:
            return
        old, previous = self._site, self._host
        if old is not None:
            await old.stop()
        try:
            await self._bind(host)
        except OSError:
            log.warning("cannot listen on %s:%s; staying on %s", host, self._port, previous)
            await self._bind(previous)
            raise

    async def _teardown(self) -> None:
        for client in list(self._clients):
            with contextlib.suppress(Exception):
                await client.ws.close(code=1001, message=b"server going away")
        await self._cleanup_runner()

    async def _cleanup_runner(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    def _newest(self) -> Snapshot | None:
        """On the loop: the newest snapshot, taking one parked while no page was connected."""
        parked = self._parked
        if parked is not None:
            self._parked = None
            if self._latest is None or parked.seq > self._latest.seq:
                self._fan_out(parked)
        return self._latest

    async def _fresh(self) -> Snapshot | None:
        """On the loop: the newest snapshot, first brought up to the time if no page listened.

        With no page connected the session builds no snapshot for time alone (its worded
        times, the rundown's ≈ projections, would go to nobody): a request or the first page
        asks the GUI thread for one first. If the GUI thread does not answer in time, the
        newest there is is served rather than nothing.
        """
        refresh = self.refresh_call
        if not self._clients and refresh is not None and self.gui_call is not None:
            try:
                await asyncio.wait_for(self.on_gui(refresh), FRESH_TIMEOUT_S)
            except Exception:  # a late or failed refresh: the last snapshot still answers
                log.warning("no fresh state from the show in %.1f s: answering with the last one", FRESH_TIMEOUT_S)
        return self._newest()

    def _fan_out(self, snapshot: Snapshot) -> None:
        """On the loop: the newest snapshot for every client (latest wins), each encoded when sent."""
        if self._latest is not None and snapshot.seq < self._latest.seq:
            return  # a parked one overtaken by a later one sent to pages
        self._latest = snapshot
        self._encoded = {}
        for client in self._clients:
            client.pending = True
            client.wake.set()

    def _message_for(self, client: WsClient) -> str:
        """The latest state for ``client`` as JSON text: each long list whole, as the rows changed
        since the revision it holds, or not at all when it holds this one. Encoded once per
        language, view and what is sent of the lists, however many clients."""
        snap = self._latest
        if snap is None:
            return ""
        modes = snap.modes(client.lang, client.view, client.held)
        key = (client.lang, client.view, modes)
        text = self._encoded.get(key)
        if text is None:
            message = snap.message(client.lang, client.view, client.held)
            text = json.dumps(message, ensure_ascii=False, separators=(",", ":"))
            self._encoded[key] = text
        for name, _mode, rev in modes:
            client.held[name] = rev
        return text

    # ── middlewares ──────────────────────────────────────────────────────
    @web.middleware
    async def _errors(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            code = {404: "not-found", 405: "method-not-allowed", 413: "too-large"}.get(exc.status, "bad-request")
            return json_error(exc.status, code, exc.reason)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("error serving %s", request.path)
            return json_error(500, "internal", "the server could not answer this request")

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """The view code, for clients that are not on this machine, when the operator set one."""
        code = self._view_code
        if request.path.startswith("/api/v1/actions"):  # the control token guards these (runshow.remote.control)
            return await handler(request)
        if code is None or (self._trust_loopback and _is_loopback(request.remote)):
            return await handler(request)
        given = request.query.get("code") or request.cookies.get(CODE_COOKIE) or request.headers.get("X-View-Code")
        if given is not None and hmac.compare_digest(given.encode(), code.encode()):
            response = await handler(request)
            if request.query.get("code") and not response.prepared:
                response.set_cookie(CODE_COOKIE, code, httponly=True, samesite="Strict")
            return response
        if request.path.strip("/") in VIEWS or request.path == "/":
            return self._code_form(request)
        return json_error(401, "view-code", "this server needs the view code (?code=…)")

    def _code_form(self, request: web.Request) -> web.Response:
        say = self._tr(request)
        lang = pick_language(request.query.get("lang"))
        body = (
            f'<!doctype html><html lang="{lang}"><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            '<link rel="stylesheet" href="/static/runshow.css"><body class="page-index">'
            f"<h1>{html.escape(say('WebView', 'View code'))}</h1>"
            f"<p>{html.escape(say('WebView', 'This view needs the view code the operator set.'))}</p>"
            f'<form method="get"><input type="hidden" name="lang" value="{lang}">'
            '<input name="code" autocomplete="off" inputmode="numeric" autofocus> '
            f'<button type="submit">{html.escape(say("WebView", "Open"))}</button></form></body></html>'
        )
        return web.Response(status=401, text=body, content_type="text/html", headers=_SECURITY_HEADERS)

    # ── handlers ─────────────────────────────────────────────────────────
    def _tr(self, request: web.Request) -> Translator:
        lang = pick_language(request.query.get("lang"))
        return self._words.get(lang) or (lambda context, source: source)

    async def _index(self, request: web.Request) -> web.Response:
        say = self._tr(request)
        lang = pick_language(request.query.get("lang"))
        suffix = "?lang=en" if lang == "en" else ""
        items = []
        for view in VIEWS:
            name, what = _VIEW_DESCRIPTIONS[view]
            items.append(
                f'<li><a href="/{view}{suffix}"><b>{html.escape(say("WebView", name))}</b>'
                f" <code>/{view}</code></a><br><span>{html.escape(say('WebView', what))}</span></li>"
            )
            if view == "rundown":  # a schedule with parallel rooms: every room's, read-only
                amp = "&amp;lang=en" if lang == "en" else ""
                items.append(
                    f'<li><a href="/rundown?rooms=all{amp}"><b>{html.escape(say("WebView", "Rundown: all rooms"))}</b>'
                    f" <code>/rundown?rooms=all</code></a><br>"
                    f"<span>{html.escape(say('WebView', 'Every room of the schedule, planned times'))}</span></li>"
                )
        other = '<a href="/">한국어</a>' if lang == "en" else '<a href="/?lang=en">English</a>'
        body = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>runshow — {html.escape(say('WebView', 'Views'))}</title>"
            '<link rel="stylesheet" href="/static/runshow.css"></head><body class="page-index">'
            f'<h1>runshow · {html.escape(say("WebView", "Views"))}</h1><ul class="views">{"".join(items)}</ul>'
            f'<p><a href="/api/v1/state{suffix}"><code>/api/v1/state</code></a> '
            f"{html.escape(say('WebView', 'State as JSON'))} · {other}</p></body></html>"
        )
        return web.Response(
            text=body, content_type="text/html", headers={**_SECURITY_HEADERS, "Cache-Control": "no-cache"}
        )

    async def _page(self, request: web.Request) -> web.StreamResponse:
        name = request.path.strip("/") + ".html"
        path = self._static.get(name)
        if path is None:
            raise web.HTTPNotFound(reason=f"no view {request.path}")
        return web.FileResponse(path, headers={**_SECURITY_HEADERS, "Cache-Control": "no-cache"})

    async def _static_file(self, request: web.Request) -> web.StreamResponse:
        path = self._static.get(request.match_info["name"])
        if path is None:
            raise web.HTTPNotFound(reason="no such file")
        return web.FileResponse(path, headers={**_SECURITY_HEADERS, "Cache-Control": "no-cache"})

    async def _font_file(self, request: web.Request) -> web.StreamResponse:
        path = self._fonts.get(request.match_info["name"])
        if path is None:
            raise web.HTTPNotFound(reason="no such font")
        kind = "font/otf" if path.suffix == ".otf" else "text/plain; charset=utf-8"
        return web.FileResponse(
            path, headers={**_SECURITY_HEADERS, "Content-Type": kind, "Cache-Control": "max-age=86400"}
        )

    async def _no_icon(self, request: web.Request) -> web.Response:
        return web.Response(status=204, headers=_SECURITY_HEADERS)

    async def _state(self, request: web.Request) -> web.Response:
        unknown = set(request.query) - {"lang", "code"}
        if unknown:
            return json_error(400, "bad-query", f"unknown parameter(s): {', '.join(sorted(unknown))}")
        snap = await self._fresh()
        if snap is None:
            return json_error(503, "no-state", "the show has not published a state yet")
        lang = pick_language(request.query.get("lang"))
        return web.json_response(
            snap.state_json(lang),
            headers={**_SECURITY_HEADERS, "Cache-Control": "no-store"},
            dumps=lambda obj: json.dumps(obj, ensure_ascii=False),
        )

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(heartbeat=15.0, max_msg_size=MAX_WS_MESSAGE, compress=False)
        if not ws.can_prepare(request).ok:
            return json_error(400, "not-websocket", "/ws needs a WebSocket upgrade")
        await ws.prepare(request)
        view = request.query.get("view")
        if view == "rundown" and request.query.get("rooms") == "all":
            view = "rundown_all"  # /rundown?rooms=all: every room's segments instead of this track's
        client = WsClient(
            ws,
            pick_language(request.query.get("lang")),
            request.remote,
            view if view in (*VIEWS, "rundown_all") else None,
        )
        await self._fresh()  # the first page: the state up to the time before it is counted
        self._clients.add(client)
        self._clients_changed()
        sender = asyncio.create_task(self._sender(client))
        try:
            await client.send(json.dumps({"type": "hello", "version": 1, "views": list(VIEWS)}))
            if self._newest() is not None:
                client.pending = True
                client.wake.set()
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_message(client, msg.data)
                elif msg.type in (WSMsgType.BINARY,):
                    await client.send(json.dumps({"type": "error", "code": "binary", "message": "send JSON text"}))
        except (ConnectionError, RuntimeError):
            pass  # the page went away mid-answer: nothing to tell it
        finally:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await sender
            self._clients.discard(client)
            self._clients_changed()
        return ws

    async def _sender(self, client: WsClient) -> None:
        while not client.ws.closed:
            await client.wake.wait()
            client.wake.clear()
            if not client.pending:
                continue
            client.pending = False
            text = self._message_for(client)
            if text:
                try:
                    await client.send(text)
                except (ConnectionError, RuntimeError):
                    return

    async def _on_message(self, client: WsClient, data: str) -> None:
        try:
            msg = json.loads(data)
        except ValueError:
            await client.send(json.dumps({"type": "error", "code": "bad-json", "message": "not JSON"}))
            return
        if not isinstance(msg, dict):
            await client.send(json.dumps({"type": "error", "code": "bad-message", "message": "expected an object"}))
            return
        kind = msg.get("type")
        if kind == "ping":
            received = epoch_ms(self._wall.now())
            reply = {"type": "pong", "id": msg.get("id"), "t0": msg.get("t0"), "t1": received}
            reply["t2"] = epoch_ms(self._wall.now())
            await client.send(json.dumps(reply))
            return
        if kind == "resync":  # the page lost track of a list (it should not happen): send it all again
            client.held.clear()
            client.pending = True
            client.wake.set()
            return
        handler = self._ws_handlers.get(kind) if isinstance(kind, str) else None
        if handler is None:
            await client.send(
                json.dumps({"type": "error", "code": "unknown-type", "message": f"unknown type {kind!r}"})
            )
            return
        try:
            answer = await handler(client, msg)
        except Exception:
            log.exception("ws handler %s failed", kind)
            answer = {"type": "error", "code": "internal", "message": "the server could not answer"}
        if answer is not None:
            await client.send(json.dumps(answer, ensure_ascii=False))

    def _clients_changed(self) -> None:
        callback = self.on_clients_changed
        if callback is not None:
            try:
                callback(len(self._clients))
            except Exception:
                log.exception("clients-changed callback failed")
