"""Read a schedule file into a :class:`Plan`, reporting every problem at once.

Each section is validated on its own (pydantic per table, not per file) so a
typo in one segment never hides a bad time in another, and every message is
tied back to its line through :class:`LineIndex`. The file format is described
in ``docs/schedule-format.md``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path as FsPath
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from runshow.plan.errors import Problem, ScheduleError
from runshow.plan.limits import (
    MAX_CUSTOM_ALERTS,
    MAX_ID,
    MAX_LIST,
    MAX_NOTES,
    MAX_PARTS,
    MAX_SEGMENTS,
    MAX_SPEAKERS,
    MAX_TEXT,
)
from runshow.plan.locate import LineIndex, Path, describe
from runshow.plan.model import (
    AlertSettings,
    Audience,
    CustomAlert,
    Event,
    Part,
    Plan,
    Segment,
    SegmentKind,
    Speaker,
)
from runshow.plan.sources.toml import parse_toml
from runshow.plan.values import Date, Duration, OptionalDuration, TimeOfDay, format_duration

RULES = (
    "wrapup_warning",
    "wrapup_danger",
    "overtime",
    "break_starting",
    "break_ending",
    "break_over",
    "speaker_standby",
    "show_end_warning",
    "show_end",
)
RuleName = Literal[
    "wrapup_warning",
    "wrapup_danger",
    "overtime",
    "break_starting",
    "break_ending",
    "break_over",
    "speaker_standby",
    "show_end_warning",
    "show_end",
]
_ID = r"^[A-Za-z0-9][A-Za-z0-9_\-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


Text = Annotated[str, Field(max_length=MAX_TEXT)]
Title = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
Notes = Annotated[str, Field(max_length=MAX_NOTES)]
Ident = Annotated[str, Field(pattern=_ID, max_length=MAX_ID)]


class _EventIn(_Strict):
    title: Title
    date: Date
    timezone: str = Field(min_length=1, max_length=64)
    venue: Text = ""
    hosts: list[Text] = Field(default=[], max_length=MAX_LIST)
    organisers: list[Text] = Field(default=[], max_length=MAX_LIST)
    stream: Text = ""
    notes: Notes = ""


class _RulesIn(_Strict):
    wrapup_warning: OptionalDuration = None
    wrapup_danger: OptionalDuration = None
    overtime: bool = True
    break_starting: OptionalDuration = None
    break_ending: OptionalDuration = None
    break_over: bool = True
    speaker_standby: OptionalDuration = None
    show_end_warning: OptionalDuration = None
    show_end: bool = True
    audience: dict[RuleName, Audience] = {}
    chime: dict[RuleName, bool] = {}


class _CustomIn(_Strict):
    id: Ident
    text: Title
    audience: Audience = Audience.OPERATOR
    chime: bool = True
    at: TimeOfDay | None = None
    segment: str | None = None
    anchor: Literal["start", "end"] = "start"
    before: Duration | None = None
    after: Duration | None = None


class _PartIn(_Strict):
    id: Ident
    title: Title
    length: Duration
    segment: list[Any] = Field(min_length=1, max_length=MAX_SEGMENTS)


class _SegmentIn(_Strict):
    id: Ident
    title: Title
    kind: SegmentKind
    start: TimeOfDay | None = None
    end: TimeOfDay | None = None
    duration: Duration | None = None
    owner: Text = ""
    notes: Notes = ""
    speaker: list[Any] = Field(default=[], max_length=MAX_SPEAKERS)
    alerts: dict[str, Any] | None = None


class _SpeakerIn(_Strict):
    name: Title
    duration: Duration
    affiliation: Text = ""
    topic: Text = ""

    @field_validator("duration")
    @classmethod
    def _positive(cls, value: timedelta) -> timedelta:
        if value <= timedelta(0):
            raise ValueError("a speaker's slot must be longer than zero")
        return value


M = TypeVar("M", bound=BaseModel)


@dataclass
class _Collector:
    """Gathers problems with their lines while the loader keeps going."""

    source: str
    index: LineIndex
    problems: list[Problem]

    def add(self, path: Path, message: str, line: int | None = None) -> None:
        if line is None:
            line = self.index.line_of(path)
        self.problems.append(Problem(self.source, line, describe(path), message))

    def model(self, cls: type[M], data: Any, path: Path) -> M | None:
        if not isinstance(data, dict):
            self.add(path, f"expected a table, got {type(data).__name__}")
            return None
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = path + tuple(err["loc"])
                self.add(loc, _message(err, cls))
            return None


def _message(err: Any, cls: type[BaseModel]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = ", ".join(cls.model_fields)
        return f"unknown key (expected one of: {allowed})"
    if kind == "missing":
        return "required key is missing"
    msg: str = err["msg"]
    return re.sub(r"^Value error, ", "", msg)


def load_plan(path: str | FsPath) -> Plan:
    """Load and validate a schedule file; raise :class:`ScheduleError` with every problem."""
    p = FsPath(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ScheduleError([Problem(str(p), None, "(file)", f"cannot read: {exc.strerror or exc}")]) from None
    return parse_plan(raw, str(p))


def parse_plan(raw: bytes, source: str = "<schedule>") -> Plan:
    text, doc = parse_toml(raw, source)
    out = _Collector(source, LineIndex.of(text), [])
    try:
        plan = _build(doc, out, hashlib.sha256(raw).hexdigest())
    except Exception as exc:  # a bound this loader lacks: still a located answer, never a traceback
        out.add((), f"could not be checked ({type(exc).__name__}: {str(exc)[:120]}); please report this file")
        plan = None
    if out.problems or plan is None:
        raise ScheduleError(sorted(out.problems, key=lambda p: (p.line or 0, p.field)))
    return plan


def _build(doc: dict[str, Any], out: _Collector, digest: str) -> Plan | None:
    for key in doc:
        if key not in ("event", "alerts", "part"):
            out.add((key,), "unknown top-level key (expected: event, alerts, part)")
    if "event" not in doc:
        out.add(("event",), "the [event] table is missing", line=1)
    if "part" not in doc:
        out.add(("part",), "no [[part]] tables: a schedule needs at least one part", line=1)
    event_in = out.model(_EventIn, doc.get("event", {}), ("event",)) if "event" in doc else None
    if event_in is None:
        event_in = _salvage_event(doc.get("event"))
    tz = _timezone(event_in, out)
    defaults = _rules(doc.get("alerts", {}), ("alerts",), out, base=AlertSettings(), custom_allowed=True)

    parts: list[Part] = []
    segments: list[Segment] = []
    seg_paths: list[Path] = []
    raw_parts = doc.get("part", [])
    if not isinstance(raw_parts, list):
        out.add(("part",), "expected [[part]] tables (an array of tables)")
        raw_parts = []
    if len(raw_parts) > MAX_PARTS:
        out.add(("part", MAX_PARTS), f"{len(raw_parts)} parts: a schedule has at most {MAX_PARTS}")
        raw_parts = []
    n_segments = sum(len(p["segment"]) for p in raw_parts if isinstance(p, dict) and isinstance(p.get("segment"), list))
    if n_segments > MAX_SEGMENTS:
        out.add(("part",), f"{n_segments} segments: a schedule has at most {MAX_SEGMENTS}")
        raw_parts = []
    cursor: datetime | None = None
    chain_broken = False  # an earlier segment failed, so a start-less one has no anchor
    after_failure: set[int] = set()  # segments whose predecessor failed: no gap/overlap verdict
    for pi, raw_part in enumerate(raw_parts):
        ppath: Path = ("part", pi)
        part_in = out.model(_PartIn, raw_part, ppath)
        raw_segs = raw_part.get("segment", []) if isinstance(raw_part, dict) else []
        part_id = part_in.id if part_in else f"part{pi + 1}"
        seg_ids: list[str] = []
        part_total = timedelta(0)
        part_complete = part_in is not None
        for si, raw_seg in enumerate(raw_segs if isinstance(raw_segs, list) else []):
            spath: Path = ppath + ("segment", si)
            seg, cursor = _segment(raw_seg, spath, part_id, event_in, tz, defaults, cursor, chain_broken, out)
            if seg is None:
                chain_broken = True
                part_complete = False
                continue
            if chain_broken:
                after_failure.add(len(segments))
            chain_broken = False
            segments.append(seg)
            seg_paths.append(spath)
            seg_ids.append(seg.id)
            part_total += seg.duration
        if part_in is not None:
            parts.append(Part(part_in.id, part_in.title, part_in.length, tuple(seg_ids)))
            if part_complete and part_total != part_in.length:
                out.add(
                    ppath + ("length",),
                    f"part declares {format_duration(part_in.length)} but its segments add up to "
                    f"{format_duration(part_total)}",
                )

    _check_sequence(segments, seg_paths, after_failure, out)
    _check_unique([(p.id, ("part", i, "id")) for i, p in enumerate(parts)], "part", out)
    _check_unique([(s.id, path + ("id",)) for s, path in zip(segments, seg_paths, strict=True)], "segment", out)
    custom = _custom_alerts(doc.get("alerts", {}), {s.id for s in segments}, event_in, tz, out)

    if event_in is None or tz is None or not segments or out.problems:
        return None
    event = Event(
        title=event_in.title,
        date=event_in.date,
        timezone=tz,
        venue=event_in.venue,
        hosts=tuple(event_in.hosts),
        organisers=tuple(event_in.organisers),
        stream=event_in.stream,
        notes=event_in.notes,
    )
    return Plan(event, tuple(parts), tuple(segments), tuple(custom), source=out.source, digest=digest)


def _salvage_event(raw: Any) -> _EventIn | None:
    """Date and time zone from an [event] that failed on another key (already reported).

    One typo in [event] must not hide every time, gap and speaker problem below it
    (found by the ten-mistakes test): keep checking with what is still usable.
    """
    if not isinstance(raw, dict):
        return None
    try:
        return _EventIn.model_validate({"title": "-", "date": raw.get("date"), "timezone": raw.get("timezone")})
    except ValidationError:
        return None


def _timezone(event_in: _EventIn | None, out: _Collector) -> ZoneInfo | None:
    if event_in is None:
        return None
    name = event_in.timezone
    try:
        if not re.fullmatch(r"[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*", name):
            raise ZoneInfoNotFoundError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        out.add(
            ("event", "timezone"), f'unknown time zone {event_in.timezone!r} (expected an IANA name like "Asia/Seoul")'
        )
        return None


def _rules(data: Any, path: Path, out: _Collector, base: AlertSettings, custom_allowed: bool = False) -> AlertSettings:
    if not isinstance(data, dict):
        out.add(path, "expected a table of alert rules")
        return base
    data = dict(data)
    if custom_allowed:
        data.pop("custom", None)
    rules = out.model(_RulesIn, data, path)
    if rules is None:
        return base
    given = rules.model_fields_set
    values = {name: getattr(rules, name) if name in given else getattr(base, name) for name in RULES}
    audience = {**base.audience, **{k: v for k, v in rules.audience.items()}}
    chime = {**base.chime, **dict(rules.chime)}
    return AlertSettings(**values, audience=audience, chime=chime)


def _segment(
    raw: Any,
    path: Path,
    part_id: str,
    event_in: _EventIn | None,
    tz: ZoneInfo | None,
    defaults: AlertSettings,
    cursor: datetime | None,
    chain_broken: bool,
    out: _Collector,
) -> tuple[Segment | None, datetime | None]:
    seg_in = out.model(_SegmentIn, raw, path)
    speakers: list[Speaker] = []
    raw_speakers = raw.get("speaker", []) if isinstance(raw, dict) else []
    speakers_ok = True
    for ki, raw_sp in enumerate(raw_speakers if isinstance(raw_speakers, list) else []):
        sp = out.model(_SpeakerIn, raw_sp, path + ("speaker", ki))
        if sp is None:
            speakers_ok = False
        else:
            speakers.append(Speaker(sp.name, sp.duration, sp.affiliation, sp.topic))
    if seg_in is None or event_in is None or tz is None:
        return None, None
    alerts = defaults if seg_in.alerts is None else _rules(seg_in.alerts, path + ("alerts",), out, base=defaults)

    def at(t: time) -> datetime:
        return datetime.combine(event_in.date, t, tzinfo=tz)

    if seg_in.start is not None:
        start = at(seg_in.start)
    elif cursor is not None:
        start = cursor
    elif chain_broken:
        return None, None  # chained to a segment already reported as wrong: one problem, not two
    else:
        out.add(path + ("start",), "the first segment needs a start time")
        return None, None
    if seg_in.end is not None:
        end = at(seg_in.end)
        if seg_in.duration is not None and end - start != seg_in.duration:
            out.add(
                path + ("duration",),
                f"duration {format_duration(seg_in.duration)} disagrees with start–end {start:%H:%M:%S}–{end:%H:%M:%S}",
            )
    elif seg_in.duration is not None:
        end = start + seg_in.duration
    else:
        out.add(path, "needs an end time or a duration")
        return None, None
    if end <= start:
        out.add(path + ("end",), f"ends at {end:%H:%M:%S}, not after its start {start:%H:%M:%S}")
        return None, None
    if speakers and speakers_ok:
        total = sum((s.duration for s in speakers), timedelta(0))
        if total != end - start:
            out.add(
                path + ("speaker",),
                f"speaker slots add up to {format_duration(total)} but the segment lasts "
                f"{format_duration(end - start)}",
            )
    seg = Segment(
        id=seg_in.id,
        title=seg_in.title,
        kind=seg_in.kind,
        start=start,
        end=end,
        part_id=part_id,
        owner=seg_in.owner,
        speakers=tuple(speakers),
        notes=seg_in.notes,
        alerts=alerts,
    )
    return seg, end


def _check_sequence(segments: list[Segment], paths: list[Path], after_failure: set[int], out: _Collector) -> None:
    for i, (prev, seg, path) in enumerate(zip(segments, segments[1:], paths[1:], strict=False), start=1):
        if i in after_failure:
            continue  # the segment between them is already reported; a "gap" here would be noise
        if seg.start < prev.start:
            out.add(
                path + ("start",),
                f"segment {seg.id!r} starts at {seg.start:%H:%M:%S}, before the previous "
                f"segment {prev.id!r} ({prev.start:%H:%M:%S}): segments must be in time order",
            )
        elif seg.start < prev.end:
            out.add(
                path + ("start",),
                f"segment {seg.id!r} starts at {seg.start:%H:%M:%S} and overlaps {prev.id!r}, "
                f"which ends at {prev.end:%H:%M:%S}",
            )
        elif seg.start > prev.end:
            out.add(
                path + ("start",),
                f"gap of {format_duration(seg.start - prev.end)} after {prev.id!r} "
                f"(ends {prev.end:%H:%M:%S}); add the missing segment or a break",
            )


def _check_unique(items: Iterable[tuple[str, Path]], what: str, out: _Collector) -> None:
    seen: dict[str, Path] = {}
    for ident, path in items:
        if ident in seen:
            first = out.index.line_of(seen[ident])
            out.add(path, f"duplicate {what} id {ident!r} (first used on line {first})")
        else:
            seen[ident] = path


def _custom_alerts(
    data: Any, segment_ids: set[str], event_in: _EventIn | None, tz: ZoneInfo | None, out: _Collector
) -> list[CustomAlert]:
    raw = data.get("custom", []) if isinstance(data, dict) else []
    if not isinstance(raw, list):
        out.add(("alerts", "custom"), "expected [[alerts.custom]] tables")
        return []
    if len(raw) > MAX_CUSTOM_ALERTS:
        out.add(("alerts", "custom"), f"{len(raw)} custom alerts: a schedule has at most {MAX_CUSTOM_ALERTS}")
        return []
    result: list[CustomAlert] = []
    for i, item in enumerate(raw):
        path: Path = ("alerts", "custom", i)
        c = out.model(_CustomIn, item, path)
        if c is None:
            continue
        if (c.at is None) == (c.segment is None):
            out.add(path, "give exactly one of `at` (a clock time) or `segment` (relative to a segment)")
            continue
        if c.segment is not None and c.segment not in segment_ids:
            out.add(path + ("segment",), f"no segment with id {c.segment!r}")
            continue
        if c.before is not None and c.after is not None:
            out.add(path, "give `before` or `after`, not both")
            continue
        offset = -(c.before or timedelta(0)) + (c.after or timedelta(0))
        at = None
        if c.at is not None and event_in is not None and tz is not None:
            at = datetime.combine(event_in.date, c.at, tzinfo=tz)
        result.append(CustomAlert(c.id, c.text, c.audience, c.chime, at, c.segment, c.anchor, offset))
    _check_unique([(c.id, ("alerts", "custom", i, "id")) for i, c in enumerate(result)], "custom alert", out)
    return result
