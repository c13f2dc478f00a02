"""Ontime project files (their JSON export) into schedule TOML, so a crew can switch.

Read from Ontime's own types (cpvalente/ontime, ``packages/types/src/definitions``), read
only: a v4 project holds ``rundowns: {id: {order, flatOrder, entries}}`` with entries of
type ``event``, ``group``, ``milestone`` and ``delay``; a v3 project holds ``rundown: [...]``
with ``event``, ``block`` and ``delay``. Times are milliseconds from midnight (``timeStart``,
``timeEnd``, ``duration``); an event's ``dayOffset`` says it is on a later day.

What maps: an Ontime group (v3 block) → a part; an event → a segment (title, times, ``note``
→ notes, ``cue`` → id when it is a valid one, ``timeWarning``/``timeDanger`` → the segment's
wrap-up alerts); the project title and description → the event. What does not: runshow has
no per-segment colour (the colour is kept as a comment, with the kind it suggests only when
the title says nothing), skipped events are left out, delays are live adjustments and are
dropped, milestones become notes on the segment that follows, and a gap between Ontime
events (Ontime allows them, runshow does not) becomes a break. Ontime files carry no date
or time zone: the caller gives them. Each of these is said in a comment in the TOML.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from runshow.plan.model import Plan
from runshow.plan.sources._draft import (
    Draft,
    DraftEvent,
    DraftPart,
    DraftSegment,
    SourceError,
    SourceProblem,
    Where,
    build_plan,
    check_draft,
    fmt_clock,
    fmt_duration,
    guess_kind,
    render,
    to_toml_id,
)

__all__ = ["OntimeImport", "import_ontime", "ontime_to_toml"]

DAY_MS = 86_400_000


@dataclass
class OntimeImport:
    toml: str
    plan: Plan
    inferred: list[str]


def _problem(where: str, field: str, ko: str, en: str) -> SourceProblem:
    return SourceProblem(where, field, field, ko, en)


def import_ontime(
    path: str | Path,
    *,
    event_date: date,
    timezone: str = "Asia/Seoul",
    rundown: str | None = None,
    shown_as: str | None = None,
) -> OntimeImport:
    """Read an Ontime project JSON into schedule TOML and a Plan; raises :class:`SourceError`."""
    p = Path(path)
    name = shown_as or p.name
    try:
        raw = p.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SourceError(
            [_problem(name, "(파일)", f"파일을 읽을 수 없습니다: {reason}", f"cannot read: {reason}")]
        ) from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        where = f"{name}:{line}" if line else name
        raise SourceError(
            [_problem(where, "(JSON)", f"Ontime 프로젝트 JSON이 아닙니다: {exc}", f"not an Ontime project JSON: {exc}")]
        ) from None
    return ontime_to_toml(doc, name, event_date=event_date, timezone=timezone, rundown=rundown)


def _object(doc: Mapping[str, Any], key: str) -> dict[str, Any]:
    """``doc[key]`` when it is a JSON object, else an empty one (a missing or odd field reads as none)."""
    value = doc.get(key)
    return value if isinstance(value, dict) else {}


def _entries(
    doc: Mapping[str, Any], name: str, rundown: str | None
) -> tuple[list[tuple[str, dict[str, Any], str | None]], str]:
    """(entry path, entry, parent group id) in running order, and the rundown's title."""
    rundowns = doc.get("rundowns")
    if isinstance(rundowns, dict) and rundowns:
        key = rundown if rundown is not None else ("default" if "default" in rundowns else next(iter(rundowns)))
        rd = rundowns.get(key)
        if not isinstance(rd, dict):
            raise SourceError(
                [
                    _problem(
                        name,
                        "rundowns",
                        f"런다운 '{key}'가 없습니다 (있는 것: {', '.join(rundowns)})",
                        f"no rundown '{key}' (there are: {', '.join(rundowns)})",
                    )
                ]
            )
        entries = _object(rd, "entries")
        order = rd.get("flatOrder") or rd.get("order") or list(entries)
        out: list[tuple[str, dict[str, Any], str | None]] = []
        for eid in order:
            e = entries.get(eid)
            if isinstance(e, dict):
                parent = e.get("parent") if isinstance(e.get("parent"), str) else None
                out.append((f"rundowns.{key}.entries.{eid}", e, parent))
                if e.get("type") == "group" and not rd.get("flatOrder"):
                    for child in e.get("entries") or []:
                        ce = entries.get(child)
                        if isinstance(ce, dict):
                            out.append((f"rundowns.{key}.entries.{child}", ce, str(eid)))
        return out, str(rd.get("title") or "")
    legacy = doc.get("rundown")
    if isinstance(legacy, list):
        out = []
        block: str | None = None
        for i, e in enumerate(legacy):
            if not isinstance(e, dict):
                continue
            if e.get("type") == "block":
                block = str(e.get("id") or f"block{i}")
                out.append((f"rundown[{i}]", {**e, "type": "group"}, None))
            else:
                out.append((f"rundown[{i}]", e, block))
        return out, ""
    raise SourceError(
        [
            _problem(
                name,
                "(JSON)",
                "Ontime 프로젝트가 아닙니다: 'rundowns'(v4) 또는 'rundown'(v3)이 없습니다",
                "not an Ontime project: it has neither 'rundowns' (v4) nor 'rundown' (v3)",
            )
        ]
    )


def _ms(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def ontime_to_toml(
    doc: Any, name: str, *, event_date: date, timezone: str = "Asia/Seoul", rundown: str | None = None
) -> OntimeImport:
    if not isinstance(doc, dict):
        raise SourceError([_problem(name, "(JSON)", "JSON 객체가 아닙니다", "the JSON is not an object")])
    entries, rd_title = _entries(doc, name, rundown)
    project = _object(doc, "project")
    inferred: list[str] = []
    problems: list[SourceProblem] = []
    title = str(project.get("title") or rd_title or Path(name).stem)
    ev = DraftEvent(
        title,
        event_date,
        timezone,
        notes=str(project.get("description") or ""),
        where=Where(name, "project", "project"),
    )
    inferred.append(f"date {event_date.isoformat()} and time zone {timezone}: an Ontime file has neither")
    day0 = datetime.combine(event_date, time(0))
    groups: dict[str, DraftPart] = {}
    parts: list[DraftPart] = []
    loose: DraftPart | None = None
    pending_notes: list[str] = []
    prev: DraftSegment | None = None
    n = 0
    used: set[str] = set()
    for path, e, parent in entries:
        kind = e.get("type")
        where = Where(f"{name}: {path}", "", "")
        if kind == "group":
            p = DraftPart(
                f"part{len(parts) + 1}",
                str(e.get("title") or f"{len(parts) + 1}부"),
                timedelta(-1),
                where=Where(f"{name}: {path}", "title", "title"),
            )
            colour = str(e.get("colour") or "")
            if colour:
                p.comments.append(f"Ontime colour {colour} (runshow has no part colour)")
            groups[str(e.get("id"))] = p
            parts.append(p)
            loose = None
            continue
        if kind == "delay":
            d = _ms(e.get("duration")) or 0
            inferred.append(
                f"{path}: a delay of {fmt_duration(timedelta(milliseconds=d))} left out "
                "(runshow adjusts live, with +/−)"
            )
            continue
        if kind == "milestone":
            text = " ".join(t for t in (str(e.get("cue") or ""), str(e.get("title") or "")) if t).strip()
            if text:
                pending_notes.append(f"[milestone] {text}")
            continue
        if kind != "event":
            inferred.append(f"{path}: entry of type {kind!r} left out")
            continue
        if e.get("skip") is True:
            inferred.append(f"{path}: '{e.get('title', '')}' is marked skip in Ontime: left out")
            continue
        start_ms, end_ms, dur_ms = _ms(e.get("timeStart")), _ms(e.get("timeEnd")), _ms(e.get("duration"))
        if start_ms is None:
            problems.append(
                _problem(
                    where.ref,
                    "timeStart",
                    "시작 시간(ms)이 숫자가 아닙니다",
                    "timeStart is not a number of milliseconds",
                )
            )
            continue
        if dur_ms is None and end_ms is not None:
            dur_ms = (end_ms - start_ms) % DAY_MS
        if dur_ms is None or dur_ms <= 0:
            problems.append(
                _problem(where.ref, "duration", "길이가 0보다 길어야 합니다", "the event needs a duration above zero")
            )
            continue
        offset = _ms(e.get("dayOffset")) or 0
        s_at = day0 + timedelta(days=offset, milliseconds=start_ms)
        if prev is not None and s_at < prev.start and offset == 0 and start_ms < DAY_MS // 4:
            s_at += timedelta(days=1)  # an old file without dayOffset, past midnight
        e_at = s_at + timedelta(milliseconds=dur_ms)
        if s_at.microsecond or e_at.microsecond:
            s_at, e_at = s_at.replace(microsecond=0), e_at.replace(microsecond=0)
            inferred.append(f"{path}: times rounded down to whole seconds")
        n += 1
        seg_title = str(e.get("title") or "").strip() or f"(제목 없음 {n})"
        seg_id = to_toml_id(str(e.get("cue") or ""), f"s{n}")
        if seg_id in used or (seg_id[0].isdigit() and seg_id.replace("-", "").replace(".", "").isdigit()):
            seg_id = f"s{n}" if f"s{n}" not in used else f"s{n}-{len(used)}"
        used.add(seg_id)
        guessed, sure = guess_kind(seg_title)
        seg = DraftSegment(
            seg_id,
            seg_title,
            guessed,
            s_at,
            e_at,
            where={
                "title": Where(f"{name}: {path}", "title", "title"),
                "start": Where(f"{name}: {path}", "timeStart", "timeStart"),
                "end": Where(f"{name}: {path}", "timeEnd", "timeEnd"),
            },
        )
        notes = [str(e.get("note") or "").strip(), *pending_notes]
        custom = e.get("custom")
        if isinstance(custom, dict):
            notes.extend(f"{k}: {v}" for k, v in custom.items() if str(v).strip())
        pending_notes = []
        seg.notes = "\n".join(x for x in notes if x)
        colour = str(e.get("colour") or "")
        if colour:
            seg.comments.append(f"Ontime colour {colour} (runshow has no segment colour)")
        if not sure:
            seg.comments.append(f"kind '{guessed}' is a guess from the title")
        warn, danger = _ms(e.get("timeWarning")), _ms(e.get("timeDanger"))
        if warn:
            seg.alerts["wrapup_warning"] = fmt_duration(timedelta(milliseconds=warn - warn % 1000))
        if danger:
            seg.alerts["wrapup_danger"] = fmt_duration(timedelta(milliseconds=danger - danger % 1000))
        part = groups.get(parent) if parent else None
        if part is None:
            if loose is None or (parts and parts[-1] is not loose):
                loose = DraftPart(
                    f"part{len(parts) + 1}",
                    title if not parts else f"{title} ({len(parts) + 1})",
                    timedelta(-1),
                    where=Where(name, "rundown", "rundown"),
                )
                loose.comments.append("Ontime events outside any group: one part")
                parts.append(loose)
            part = loose
        if prev is not None and s_at > prev.end:
            gap = DraftSegment(
                f"gap{n}",
                "휴식",
                "break",
                prev.end,
                s_at,
                where={"start": seg.where["start"]},
                comments=[
                    f"the {fmt_duration(s_at - prev.end)} gap before '{seg_title}' in Ontime "
                    "(runshow needs every minute accounted for)"
                ],
            )
            inferred.append(f"{path}: a break {fmt_clock(prev.end)}–{fmt_clock(s_at)} fills Ontime's gap")
            part.segments.append(gap)
        part.segments.append(seg)
        prev = seg
    if pending_notes and prev is not None:
        prev.notes = "\n".join(x for x in (prev.notes, *pending_notes) if x)
    parts = [p for p in parts if p.segments]
    for p in parts:
        p.length = sum((s.end - s.start for s in p.segments), timedelta(0))
    if not parts and not problems:
        problems.append(_problem(name, "rundown", "재생할 이벤트가 없습니다", "no playable events"))
    header = [
        f"Imported from the Ontime project {name} by `runshow import`. Check what was inferred:",
        *[f"- {t}" for t in inferred],
        "- part lengths are the sums of their segments; kinds are guessed from the titles.",
    ]
    draft = Draft(ev, parts, header)
    if not problems:
        problems = check_draft(draft)
    if problems:
        raise SourceError(problems)
    text, origin = render(draft)
    return OntimeImport(text, build_plan(text, name, origin), inferred)
