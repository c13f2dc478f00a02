"""The control API: HTTP ``POST /api/v1/actions/<kind>`` and WebSocket ``{"type": "action"}``, one path.

Every remote action (HTTP, WebSocket, OSC — :mod:`runshow.remote.osc`) is parsed
here into an :class:`Intent` (bad input → :class:`BadInputError` naming the field,
before anything reaches the show), then carried to the GUI thread
(``server.on_gui``) where :meth:`RemoteControl.perform` takes it through the
session controller's ``act`` — checked, journaled with its ``source``, applied —
exactly as a key press is. The answer is the new versioned state (the same JSON
as ``GET /api/v1/state``, from the snapshot the action itself published).

HTTP answers:

- 200 and the state JSON when applied;
- 400 ``{"error": {"code": "bad-input", "field": …}}`` for a body or query that is not what the action takes;
- 401 ``missing-token`` / ``wrong-token``: every action needs the token (``Authorization: Bearer …``,
  ``X-Runshow-Token: …`` or ``?token=…``), from localhost too; compared in constant time;
- 404 ``unknown-action``; 405 for anything but POST;
- 409 ``{"error": {"code": <runshow.live.reasons.Reason>, "message": <its translation>, "params"}}`` when the
  show refuses it (``?lang=en`` or ``Accept-Language`` picks the language; Korean by default);
- 423 ``remote-locked`` while the operator holds the remote lock;
- 429 ``too-many-requests`` when one client floods (a token bucket per client address);
- 503 when the show does not answer in time or the journal cannot be written.

The remote lock is held by the session (:class:`RemoteControl`), not by the show:
it changes nothing on stage and must not be undone by an ``undo``. Each change is
journaled as a session note (``{"session": {"kind": "remote-lock", …}}``, skipped by
replay) and restored from the journal's last note when the show is opened again.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web
from PySide6.QtCore import QObject, Signal

from runshow.live.actions import ActionKind, Mode
from runshow.live.journal import read_journal
from runshow.live.reasons import Reason, Refusal
from runshow.present.reasons import reason_text
from runshow.present.translate import Words
from runshow.remote.content import Snapshot
from runshow.remote.options import server_options
from runshow.remote.server import RemoteServer, WsClient, WsReply, json_error
from runshow.remote.session import RemoteSession
from runshow.remote.token import load_or_create_token, new_token, regenerate_token, token_matches
from runshow.remote.words import LANGUAGES, Translator, pick_language, translators
from runshow.session.controller import ShowController

log = logging.getLogger(__name__)

ACTIONS_PATH = "/api/v1/actions"
LOCKED = "remote-locked"
MAX_TEXT = 500  # a stage message, in characters
MAX_SEGMENT_ID = 200
MAX_MINUTES = 24 * 60
GUI_TIMEOUT_S = 5.0
DEFAULT_RATE = 30.0  # requests per second a client may keep up (a Stream Deck at a steady 20/s is fine)
DEFAULT_BURST = 40.0


# ── the route table: what the API takes (docs/control.md is checked against this) ──
@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: str  # "string", "number", "integer", "boolean"
    required: bool
    about: str


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One ``POST /api/v1/actions/<name>``: what it does and the JSON body it takes."""

    name: str
    about: str
    fields: tuple[FieldSpec, ...] = ()
    osc: str = ""  # the OSC address that asks for the same (runshow.remote.osc)
    osc_args: str = ""

    @property
    def path(self) -> str:
        return f"{ACTIONS_PATH}/{self.name}"


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("start", "Start the show (its first cue goes on now).", osc="/runshow/start"),
    ActionSpec("next", "The next cue goes on now.", osc="/runshow/next"),
    ActionSpec("previous", "Back to the previous cue.", osc="/runshow/previous"),
    ActionSpec("pause", "Pause the running cue.", osc="/runshow/pause"),
    ActionSpec("resume", "Resume the paused cue.", osc="/runshow/resume"),
    ActionSpec("undo", "Undo the latest action.", osc="/runshow/undo"),
    ActionSpec("redo", "Redo the latest undone action.", osc="/runshow/redo"),
    ActionSpec("follow", "Follow the plan: the cue is the one the plan has at now.", osc="/runshow/follow"),
    ActionSpec("manual", "Manual: cues move only when someone says next.", osc="/runshow/manual"),
    ActionSpec(
        "blackout",
        "Black out the stage screen (or bring it back); without a body it toggles.",
        (FieldSpec("on", "boolean", False, "true: black; false: back; absent: toggle"),),
        osc="/runshow/blackout",
        osc_args="[0|1]",
    ),
    ActionSpec("clear-message", "Take the stage message down.", osc="/runshow/clear"),
    ActionSpec(
        "goto",
        "Jump to a segment by its id.",
        (FieldSpec("segment", "string", True, 'the segment\'s id in the schedule, e.g. "regions"'),),
        osc="/runshow/goto",
        osc_args="<segment id>",
    ),
    ActionSpec(
        "adjust",
        "Give time to the running cue (+) or take it away (−).",
        (
            FieldSpec("minutes", "number", False, "e.g. 1 or -1 (whole seconds after ×60); or give seconds"),
            FieldSpec("seconds", "integer", False, "e.g. 30 or -30; exactly one of minutes and seconds"),
        ),
        osc="/runshow/adjust",
        osc_args="<minutes>",
    ),
    ActionSpec(
        "message",
        "Show a message to the MC on the stage screen.",
        (FieldSpec("text", "string", True, f"the message, 1–{MAX_TEXT} characters"),),
        osc="/runshow/message",
        osc_args="<text>",
    ),
)
SPECS: dict[str, ActionSpec] = {spec.name: spec for spec in ACTIONS}
_SIMPLE: dict[str, tuple[ActionKind, dict[str, Any]]] = {
    "start": (ActionKind.START, {}),
    "next": (ActionKind.NEXT, {}),
    "previous": (ActionKind.PREVIOUS, {}),
    "pause": (ActionKind.PAUSE, {}),
    "resume": (ActionKind.RESUME, {}),
    "undo": (ActionKind.UNDO, {}),
    "redo": (ActionKind.REDO, {}),
    "follow": (ActionKind.MODE, {"mode": Mode.FOLLOW}),
    "manual": (ActionKind.MODE, {"mode": Mode.MANUAL}),
    "clear-message": (ActionKind.CLEAR_MESSAGE, {}),
}


# ── parsing: nothing reaches the show unless it is exactly what an action takes ──
class BadInputError(ValueError):
    """A request that is not what its action takes, naming the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class UnknownActionError(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class Intent:
    """A parsed remote action: the API's name and the controller's kind and fields (``on=None``: toggle)."""

    name: str
    kind: ActionKind
    fields: Mapping[str, Any] = field(default_factory=dict)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def parse_intent(name: str, body: Mapping[str, Any] | None) -> Intent:
    """The :class:`Intent` of ``name`` with JSON ``body``; raises BadInputError or UnknownActionError."""
    spec = SPECS.get(name)
    if spec is None:
        raise UnknownActionError(name)
    data: Mapping[str, Any] = body or {}
    if not isinstance(data, Mapping):
        raise BadInputError("body", "expected a JSON object")
    allowed = {f.name for f in spec.fields}
    for key in data:
        if key not in allowed:
            raise BadInputError(str(key), f"{name} takes no field {str(key)!r}" + (
                f" (expected: {', '.join(sorted(allowed))})" if allowed else " (it takes no body)"
            ))  # fmt: skip
    if name in _SIMPLE:
        kind, fields = _SIMPLE[name]
        return Intent(name, kind, dict(fields))
    if name == "blackout":
        on = data.get("on")
        if on is not None and not isinstance(on, bool):
            raise BadInputError("on", "expected true or false")
        return Intent(name, ActionKind.BLACKOUT, {"on": on})
    if name == "goto":
        segment = data.get("segment")
        if not isinstance(segment, str) or not segment.strip():
            raise BadInputError("segment", "expected a segment id (a non-empty string)")
        if len(segment) > MAX_SEGMENT_ID:
            raise BadInputError("segment", f"expected at most {MAX_SEGMENT_ID} characters")
        return Intent(name, ActionKind.GOTO, {"segment": segment.strip()})
    if name == "adjust":
        if ("minutes" in data) == ("seconds" in data):
            raise BadInputError("minutes", "expected exactly one of minutes and seconds")
        if "seconds" in data:
            raw = data["seconds"]
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise BadInputError("seconds", "expected a whole number of seconds")
            seconds = raw
            what = "seconds"
        else:
            minutes = _number(data["minutes"])
            if minutes is None:
                raise BadInputError("minutes", "expected a number of minutes, e.g. 1 or -1")
            if abs(minutes) > MAX_MINUTES:
                raise BadInputError("minutes", f"expected at most {MAX_MINUTES} minutes either way")
            seconds = round(minutes * 60)
            what = "minutes"
        if abs(seconds) > MAX_MINUTES * 60:
            raise BadInputError(what, f"expected at most {MAX_MINUTES * 60} seconds either way")
        if seconds == 0:
            raise BadInputError(what, "expected a non-zero amount")
        return Intent(name, ActionKind.ADJUST, {"seconds": seconds})
    if name == "message":
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise BadInputError("text", "expected the message (a non-empty string)")
        if len(text) > MAX_TEXT:
            raise BadInputError("text", f"expected at most {MAX_TEXT} characters")
        if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
            raise BadInputError("text", "expected text without control characters")
        return Intent(name, ActionKind.MESSAGE, {"text": text.strip()})
    raise UnknownActionError(name)  # pragma: no cover - every spec is handled above


# ── flooding: a token bucket per client ──────────────────────────────────────
class RateLimiter:
    """``rate`` requests a second per key, bursts up to ``burst``; thread-safe, bounded memory."""

    MAX_KEYS = 1024

    def __init__(
        self, rate: float = DEFAULT_RATE, burst: float = DEFAULT_BURST, now: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst
        self._now = now
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        with self._lock:
            now = self._now()
            tokens, last = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            ok = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if ok else tokens, now)
            while len(self._buckets) > self.MAX_KEYS:
                self._buckets.popitem(last=False)
            return ok


# ── the outcome of one action, carried back from the GUI thread ──────────────
@dataclass(frozen=True, slots=True)
class Outcome:
    status: int  # 200, 409, 423, 503
    snapshot: Snapshot | None = None
    refusal: Refusal | None = None
    code: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass(frozen=True, slots=True)
class RemoteEvent:
    """What the control room announces: who asked for what, and why it was refused (if it was)."""

    source: str
    name: str
    refused: str | None = None  # a Reason code or "remote-locked"
    refusal: Refusal | None = None


def outcome_error(outcome: Outcome, say: Translator) -> dict[str, Any]:
    """The JSON error of a refused :class:`Outcome`, worded by ``say``."""
    if outcome.code == LOCKED:
        text = Words(say).translate("RemoteControl", "Remote control is locked by the operator")
        return {"status": outcome.status, "code": LOCKED, "message": text}
    if outcome.refusal is not None:
        return {
            "status": outcome.status,
            "code": str(outcome.refusal.reason),
            "message": reason_text(outcome.refusal, say),
            "english": str(outcome.refusal),
            "params": {k: v if isinstance(v, str | int | float | bool) or v is None else str(v)
                       for k, v in outcome.refusal.params.items()},
        }  # fmt: skip
    return {"status": outcome.status, "code": outcome.code or "unavailable", "message": "the show did not answer"}


def accept_language(header: str | None) -> str | None:
    """The first of our languages an ``Accept-Language`` header asks for (by q), or None."""
    if not header:
        return None
    best: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = tag.strip().lower().split("-", 1)[0]
        if lang in LANGUAGES and q > 0:
            best.append((-q, i, lang))
    return min(best)[2] if best else None


# ── the session side: the GUI thread ─────────────────────────────────────────
class RemoteControl(QObject):
    """The remote actions' one door into the show, on the GUI thread; also the token and the lock."""

    remoteAction = Signal(object)  # noqa: N815 - Qt's naming; a RemoteEvent
    lockChanged = Signal(bool)  # noqa: N815
    tokenChanged = Signal(str)  # noqa: N815

    def __init__(
        self,
        session: RemoteSession,
        *,
        token: str | None = None,
        token_base: Path | None = None,
        words: Mapping[str, Translator] | None = None,
        limiter: RateLimiter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.controller: ShowController = session._controller
        self.server: RemoteServer = session.server
        self._token_base = token_base
        self._token = token if token is not None else load_or_create_token(token_base)
        self._words = dict(words) if words is not None else translators()
        self.limiter = limiter or RateLimiter()
        self._locked = False
        self._authorized: weakref.WeakSet[WsClient] = weakref.WeakSet()
        self._restore_lock()

    # ── token ───────────────────────────────────────────────────────────
    @property
    def token(self) -> str:
        return self._token  # a str swapped whole: safe to read from the server thread

    def check_token(self, given: str | None) -> bool:
        return token_matches(given, self._token)

    def regenerate_token(self) -> str:
        self._token = regenerate_token(self._token_base)
        self._authorized = weakref.WeakSet()  # connections that gave the old token must give the new one
        self.tokenChanged.emit(self._token)
        return self._token

    # ── the remote lock (journaled, not an action: undo must not unlock it) ──
    @property
    def locked(self) -> bool:
        return self._locked

    def set_locked(self, on: bool) -> None:
        if on == self._locked:
            return
        self._locked = on
        note = getattr(self.controller.journal, "append_note", None)
        if callable(note):
            try:
                note({"kind": "remote-lock", "on": on, "at": self.controller.clock.now().isoformat()})
            except OSError as exc:
                log.error("cannot journal the remote lock: %s", exc)
        log.info("remote control %s", "locked" if on else "unlocked")
        self.lockChanged.emit(on)

    def _restore_lock(self) -> None:
        """The lock as the journal last recorded it (a crash must not unlock remote control)."""
        path = getattr(self.controller.journal, "path", None)
        if not isinstance(path, Path) or not path.exists():
            return
        try:
            notes = read_journal(path).notes
        except Exception:  # a journal we cannot read again is the recovery's business, not ours
            log.exception("cannot read the remote lock back from %s", path)
            return
        locks = [n for n in notes if isinstance(n, dict) and n.get("kind") == "remote-lock"]
        if locks and locks[-1].get("on") is True:
            self._locked = True

    # ── the one action path ──────────────────────────────────────────────
    def perform(self, intent: Intent, source: str) -> Outcome:
        """On the GUI thread: the intent through ``controller.act``, journaled with ``source``."""
        if self._locked:
            log.info("remote %s from %s refused: remote control is locked", intent.name, source)
            self.remoteAction.emit(RemoteEvent(source, intent.name, LOCKED))
            return Outcome(423, code=LOCKED)
        fields = dict(intent.fields)
        if intent.kind is ActionKind.BLACKOUT and fields.get("on") is None:
            fields["on"] = not self.controller.show.progress.blackout
        before = self.session.last
        refusal = self.controller.act(intent.kind, source=source, **fields)
        if refusal is not None:
            status = 503 if refusal.reason is Reason.JOURNAL_FAILED else 409
            self.remoteAction.emit(RemoteEvent(source, intent.name, str(refusal.reason), refusal))
            return Outcome(status, refusal=refusal)
        snap = self.session.last
        if snap is None or snap is before:  # not published by the action itself (a session not started)
            self.session.publish(self.controller.state)
            snap = self.session.last
        self.remoteAction.emit(RemoteEvent(source, intent.name))
        return Outcome(200, snapshot=snap)

    def say(self, lang: str) -> Translator:
        return self._words.get(lang) or self._words.get("en") or (lambda context, source: source)

    # ── wiring into the server (before it starts) ───────────────────────
    def install(self) -> None:
        self.server.add_routes([
            web.get(ACTIONS_PATH, self._list),
            web.post(ACTIONS_PATH + "/{kind}", self._http_action),
            web.route("*", ACTIONS_PATH + "/{kind}", self._not_post),
        ])  # fmt: skip
        self.server.add_ws_handler("auth", self._ws_auth)
        self.server.add_ws_handler("action", self._ws_action)

    async def run(self, intent: Intent, source: str) -> Outcome:
        """From the server thread: :meth:`perform` on the GUI thread, awaited (503 if it does not answer)."""
        try:
            result = await asyncio.wait_for(self.server.on_gui(lambda: self.perform(intent, source)), GUI_TIMEOUT_S)
        except TimeoutError:
            return Outcome(503, code="busy")
        assert isinstance(result, Outcome)
        return result

    # ── HTTP ─────────────────────────────────────────────────────────────
    @staticmethod
    def _lang(request: web.Request) -> str:
        query = request.query.get("lang")
        if query is not None:
            return pick_language(query)
        return accept_language(request.headers.get("Accept-Language")) or pick_language(None)

    @staticmethod
    def request_token(request: web.Request) -> str | None:
        auth = request.headers.get("Authorization", "")
        if auth[:7].lower() == "bearer ":
            return auth[7:].strip()
        return request.headers.get("X-Runshow-Token") or request.query.get("token")

    async def _list(self, request: web.Request) -> web.Response:
        """``GET /api/v1/actions``: the route table (no token needed: it changes nothing)."""
        return web.json_response({"version": 1, "actions": [action_doc(spec) for spec in ACTIONS]})

    async def _not_post(self, request: web.Request) -> web.Response:
        return json_error(405, "method-not-allowed", "actions are POST requests")

    async def _http_action(self, request: web.Request) -> web.Response:
        remote = request.remote or "?"
        if not self.limiter.allow(remote):
            return json_error(429, "too-many-requests", "too many requests from this client; slow down")
        given = self.request_token(request)
        if not given:
            return _unauthorized("missing-token", "this action needs the control token")
        if not self.check_token(given):
            return _unauthorized("wrong-token", "the control token does not match")
        unknown = set(request.query) - {"lang", "token"}
        if unknown:
            return _bad(sorted(unknown)[0], "unknown query parameter")
        name = request.match_info["kind"]
        if name not in SPECS:
            return json_error(404, "unknown-action", f"no action {name!r} (expected one of: {', '.join(SPECS)})")
        raw = await request.read()
        body: Any = None
        if raw.strip():
            try:
                body = json.loads(raw)
            except (ValueError, UnicodeDecodeError):
                return _bad("body", "expected a JSON object")
            if not isinstance(body, dict):
                return _bad("body", "expected a JSON object")
        try:
            intent = parse_intent(name, body)
        except BadInputError as exc:
            return _bad(exc.field, exc.message)
        outcome = await self.run(intent, f"http {remote}")
        lang = self._lang(request)
        if outcome.ok and outcome.snapshot is not None:
            return web.json_response(
                outcome.snapshot.state_json(lang),
                headers={"Cache-Control": "no-store"},
                dumps=lambda obj: json.dumps(obj, ensure_ascii=False),
            )
        return web.json_response(
            {"error": outcome_error(outcome, self.say(lang))},
            status=outcome.status,
            dumps=lambda obj: json.dumps(obj, ensure_ascii=False),
        )

    # ── WebSocket ────────────────────────────────────────────────────────
    async def _ws_auth(self, client: WsClient, msg: Mapping[str, Any]) -> WsReply:
        given = msg.get("token")
        ok = isinstance(given, str) and self.check_token(given)
        if ok:
            self._authorized.add(client)
        return {"type": "auth", "id": msg.get("id"), "ok": ok}

    async def _ws_action(self, client: WsClient, msg: Mapping[str, Any]) -> WsReply:
        ident = msg.get("id")
        lang = client.lang

        def error(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
            err = {"status": status, "code": code, "message": message, **extra}
            return {"type": "result", "id": ident, "ok": False, "error": err}

        remote = client.remote or "?"
        if not self.limiter.allow(remote):
            return error(429, "too-many-requests", "too many requests from this client; slow down")
        given = msg.get("token")
        if given is not None:
            if not isinstance(given, str) or not self.check_token(given):
                return error(401, "wrong-token", "the control token does not match")
        elif client not in self._authorized:
            return error(401, "missing-token", "send the control token (an auth message, or token in the action)")
        name = msg.get("kind")
        if not isinstance(name, str) or name not in SPECS:
            return error(404, "unknown-action", f"no action {name!r}")
        body = {k: v for k, v in msg.items() if k not in ("type", "kind", "token", "id")}
        try:
            intent = parse_intent(name, body)
        except BadInputError as exc:
            return error(400, "bad-input", exc.message, field=exc.field)
        outcome = await self.run(intent, f"ws {remote}")
        if outcome.ok and outcome.snapshot is not None:
            return {"type": "result", "id": ident, "ok": True, "state": outcome.snapshot.state_json(lang)}
        return {"type": "result", "id": ident, "ok": False, "error": outcome_error(outcome, self.say(lang))}


def _unauthorized(code: str, message: str) -> web.Response:
    response = json_error(401, code, message)
    response.headers["WWW-Authenticate"] = 'Bearer realm="runshow"'
    return response


def _bad(field_name: str, message: str) -> web.Response:
    body = {"error": {"status": 400, "code": "bad-input", "field": field_name, "message": f"{field_name}: {message}"}}
    return web.json_response(body, status=400, dumps=lambda obj: json.dumps(obj, ensure_ascii=False))


def action_doc(spec: ActionSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "method": "POST",
        "path": spec.path,
        "about": spec.about,
        "body": [{"name": f.name, "type": f.kind, "required": f.required, "about": f.about} for f in spec.fields],
        "osc": spec.osc,
        "osc_args": spec.osc_args,
    }


# ── starting it all (the app and headless) ───────────────────────────────────
def start_control(
    controller: ShowController,
    argv: Sequence[str],
    parent: QObject | None = None,
    *,
    token_base: Path | None = None,
) -> RemoteControl | None:
    """The browser views and the control API, per ``argv``, started; None if ``--no-web``.

    The control API's routes must be on the server before it starts, so this
    replaces :func:`runshow.remote.session.start_remote` for the app and headless.
    """
    options, _ = server_options(argv)
    if not options["enabled"]:
        return None
    session = RemoteSession(controller, RemoteServer(host=options["host"], port=options["port"]), parent=parent)
    try:
        token = load_or_create_token(token_base)
    except OSError as exc:  # the data folder cannot hold a token: one for this run only
        log.error("cannot keep the control token (%s); using one for this run only", exc)
        token = new_token()
    control = RemoteControl(session, token=token, token_base=token_base, parent=parent)
    control.install()
    session.start()
    return control


def actions_markdown() -> str:
    """The API reference table of docs/control.md, from :data:`ACTIONS` (a test keeps the two equal)."""
    lines = [
        "| action | HTTP | JSON body | OSC | what it does |",
        "| --- | --- | --- | --- | --- |",
    ]
    for spec in ACTIONS:
        body = "; ".join(
            f"`{f.name}` ({f.kind}{', required' if f.required else ''}): {f.about}" for f in spec.fields
        ) or "—"
        osc = f"`{spec.osc}{' ' + spec.osc_args if spec.osc_args else ''}`"
        cells = (f"`{spec.name}`", f"`POST {spec.path}`", body, osc, spec.about)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)
