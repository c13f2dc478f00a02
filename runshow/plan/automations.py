"""The ``[[automation]]`` tables of a schedule: what to send, and when (pure: stdlib and ``runshow.plan`` only).

A schedule may say, for instance::

    [[automation]]
    on = "cue_start"            # cue_start | warning | danger | overtime | cue_end | break_start | break_end
    segment = "regions"         # optional: only this segment's cues
    osc = { host = "127.0.0.1", port = 53000, address = "/cue/regions/start", args = [1] }

    [[automation]]
    on = "alert:speaker_standby"  # alert:<rule> or alert:<custom alert id>
    http = { method = "POST", url = "http://10.0.0.5:8088/api", body = "Function=Cut", headers = { X-Key = "v" } }
    timeout = 2.0               # seconds (default 2, at most 30)

This module reads the raw tables (the schedule's TOML as parsed) into
:class:`Automation` records and says, located (file, line, field, what was
expected), everything wrong, in one pass. It needs nothing but the standard
library and the plan's line locator, so the plan loader can call it as it is
(``parse_automations(data.get("automation"), file=…, text=…, segment_ids=…)``).
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runshow.plan.errors import Location, Problem
from runshow.plan.locate import LineIndex, describe

TRIGGERS = ("cue_start", "warning", "danger", "overtime", "cue_end", "break_start", "break_end")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
DEFAULT_TIMEOUT_S = 2.0
MAX_TIMEOUT_S = 30.0
_KEYS = ("on", "segment", "osc", "http", "timeout", "name")
_OSC_KEYS = ("host", "port", "address", "args")
_HTTP_KEYS = ("method", "url", "body", "headers")


@dataclass(frozen=True, slots=True)
class OscOut:
    host: str
    port: int
    address: str
    args: tuple[str | int | float | bool, ...] = ()


@dataclass(frozen=True, slots=True)
class HttpOut:
    method: str
    url: str
    body: str | None = None
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Automation:
    """One ``[[automation]]``: on which trigger (and segment) to send what."""

    number: int  # 1-based, as the author counts them
    on: str  # a TRIGGER, or "alert"
    alert: str | None = None  # for on = "alert:<id>": the rule or custom alert id
    segment: str | None = None
    osc: OscOut | None = None
    http: HttpOut | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S
    name: str = ""
    line: int | None = None

    @property
    def label(self) -> str:
        what = f"alert:{self.alert}" if self.on == "alert" else self.on
        target = (
            f"OSC {self.osc.host}:{self.osc.port} {self.osc.address}"
            if self.osc
            else f"HTTP {self.http.method} {self.http.url}"
            if self.http
            else "?"
        )
        name = f"{self.name} — " if self.name else ""
        return f"#{self.number} {name}{what}{' @' + self.segment if self.segment else ''} → {target}"


class _Problems:
    def __init__(
        self, file: str, index: LineIndex | None, locate: Callable[[tuple[str | int, ...]], Location] | None = None
    ) -> None:
        self.file = file
        self.index = index
        self.locate = locate
        self.items: list[Problem] = []

    def add(self, path: Sequence[str | int], message: str) -> None:
        where: Location | int | None
        if self.locate is not None:
            where = self.locate(tuple(path))
        else:
            where = self.index.line_of(path) if self.index is not None else None
        self.items.append(Problem(self.file, where, describe(path), message, "automation"))


def _osc(raw: object, path: tuple[str | int, ...], out: _Problems) -> OscOut | None:
    if not isinstance(raw, Mapping):
        out.add(path, "expected a table { host, port, address, args }")
        return None
    ok = True
    for key in raw:
        if key not in _OSC_KEYS:
            out.add((*path, key), f"unknown key (expected one of: {', '.join(_OSC_KEYS)})")
            ok = False
    host = raw.get("host", "127.0.0.1")
    if not isinstance(host, str) or not host.strip():
        out.add((*path, "host"), "expected a host name or address")
        ok = False
    port = raw.get("port")
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        out.add((*path, "port"), "expected a port number 1–65535")
        ok = False
        port = 0
    address = raw.get("address")
    if not isinstance(address, str) or not address.startswith("/"):
        out.add((*path, "address"), 'expected an OSC address starting with "/"')
        ok = False
    args = raw.get("args", [])
    if not isinstance(args, list):
        args = [args]
    for i, arg in enumerate(args):
        if not isinstance(arg, str | int | float | bool) or (isinstance(arg, float) and not math.isfinite(arg)):
            out.add((*path, "args", i), "expected a string, a number or true/false")
            ok = False
    if not ok:
        return None
    return OscOut(str(host).strip(), port, str(address), tuple(args))


def _http(raw: object, path: tuple[str | int, ...], out: _Problems) -> HttpOut | None:
    if not isinstance(raw, Mapping):
        out.add(path, "expected a table { method, url, body, headers }")
        return None
    ok = True
    for key in raw:
        if key not in _HTTP_KEYS:
            out.add((*path, key), f"unknown key (expected one of: {', '.join(_HTTP_KEYS)})")
            ok = False
    url = raw.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        out.add((*path, "url"), "expected a URL starting with http:// or https://")
        ok = False
    body = raw.get("body")
    if isinstance(body, Mapping | list):
        body = json.dumps(body, ensure_ascii=False)
    elif body is not None and not isinstance(body, str):
        out.add((*path, "body"), "expected text, or a table (sent as JSON)")
        ok = False
    method = raw.get("method", "POST" if body is not None else "GET")
    if not isinstance(method, str) or method.upper() not in METHODS:
        out.add((*path, "method"), f"expected one of: {', '.join(METHODS)}")
        ok = False
    headers = raw.get("headers", {})
    pairs: list[tuple[str, str]] = []
    if not isinstance(headers, Mapping):
        out.add((*path, "headers"), "expected a table of header = value")
        ok = False
    else:
        for name, value in headers.items():
            if not isinstance(value, str) or any(ch in str(name) + value for ch in "\r\n"):
                out.add((*path, "headers", name), "expected a one-line text value")
                ok = False
            else:
                pairs.append((str(name), value))
    if not ok:
        return None
    return HttpOut(str(method).upper(), str(url), body, tuple(pairs))


def parse_automations(
    raw: object,
    *,
    file: str = "",
    text: str | None = None,
    segment_ids: Collection[str] | None = None,
    alert_ids: Collection[str] | None = None,
    locate: Callable[[tuple[str | int, ...]], Location] | None = None,
) -> tuple[list[Automation], list[Problem]]:
    """The ``automation`` array of tables as :class:`Automation` records, and every problem, located
    (by ``locate``, the validator's located tree, or by a line index of ``text``)."""
    out = _Problems(file, LineIndex.of(text) if text is not None else None, locate)
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        out.add(("automation",), "expected [[automation]] tables")
        return [], out.items
    found: list[Automation] = []
    for i, table in enumerate(raw):
        path: tuple[str | int, ...] = ("automation", i)
        if not isinstance(table, Mapping):
            out.add(path, "expected a table")
            continue
        before = len(out.items)
        for key in table:
            if key not in _KEYS:
                out.add((*path, key), f"unknown key (expected one of: {', '.join(_KEYS)})")
        on = table.get("on")
        alert: str | None = None
        if not isinstance(on, str):
            out.add((*path, "on"), f"expected one of: {', '.join(TRIGGERS)}, or alert:<rule or custom alert id>")
            on = ""
        elif on.startswith("alert:"):
            alert = on[len("alert:") :].strip()
            if not alert:
                out.add((*path, "on"), "expected alert:<rule or custom alert id>")
            elif alert_ids is not None and alert not in alert_ids:
                out.add((*path, "on"), f"no alert rule or custom alert {alert!r}")
            on = "alert"
        elif on not in TRIGGERS:
            out.add((*path, "on"), f"expected one of: {', '.join(TRIGGERS)}, or alert:<rule or custom alert id>")
        segment = table.get("segment")
        if segment is not None and (not isinstance(segment, str) or not segment.strip()):
            out.add((*path, "segment"), "expected a segment id")
            segment = None
        elif segment is not None and segment_ids is not None and segment not in segment_ids:
            out.add((*path, "segment"), f"no segment with id {segment!r}")
        osc = _osc(table["osc"], (*path, "osc"), out) if "osc" in table else None
        http = _http(table["http"], (*path, "http"), out) if "http" in table else None
        if ("osc" in table) == ("http" in table):
            out.add(path, "expected exactly one of osc = {…} and http = {…}")
        timeout = table.get("timeout", DEFAULT_TIMEOUT_S)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= MAX_TIMEOUT_S:
            out.add((*path, "timeout"), f"expected seconds, more than 0 and at most {MAX_TIMEOUT_S:g}")
            timeout = DEFAULT_TIMEOUT_S
        name = table.get("name", "")
        if not isinstance(name, str):
            out.add((*path, "name"), "expected text")
            name = ""
        if len(out.items) > before:
            continue
        line = out.index.line_of(path) if out.index is not None else None
        found.append(Automation(i + 1, on, alert, segment, osc, http, float(timeout), name, line))
    return found, out.items


def might_have_automations(raw: bytes) -> bool:
    """False only when no key of the file can be ``automation``: the word is nowhere in it, and
    no escape that makes a letter (``\\u0061``; TOML 1.1's ``\\x61``) could spell it in a quoted key."""
    return any(needle in raw for needle in (b"automation", b"\\u", b"\\U", b"\\x"))


def load_automations(
    path: str | Path,
    *,
    segment_ids: Collection[str] | None = None,
    alert_ids: Collection[str] | None = None,
) -> tuple[list[Automation], list[Problem]]:
    """The automations of the schedule at ``path`` (none if it has none); never raises on content."""
    file = str(path)
    try:
        raw = Path(path).read_bytes()
        if not might_have_automations(raw):
            return [], []  # (its TOML is the schedule loader's to check: parsing 5,000 segments again took 0.3 s)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(file, None, "(file)", f"cannot read: {exc}")]
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [], [Problem(file, None, "(file)", f"not valid TOML: {exc}")]
    return parse_automations(data.get("automation"), file=file, text=text, segment_ids=segment_ids, alert_ids=alert_ids)
