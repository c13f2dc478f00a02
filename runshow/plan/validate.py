"""The one validator: a located tree (from any source) → a :class:`Plan`, or every problem at once.

Each section is validated on its own (pydantic per table, not per file) so a typo in one
segment never hides a bad time in another, and every problem is tied back to where it was
written through the tree's locator (a line of a TOML file, or a cell of a sheet). The format is
described in ``docs/schedule-format.md``.

Time, as the validator reads it: a time of day is on the day of the segment (its ``date``), or
of its part's ``date`` for the part's first segment, or else on the day the previous segment of
its track ended (so a show that runs past midnight goes on into the next day), or the event's
``date``. A TOML local date-time (``2012-09-21T07:00:00``) gives both. Segments with a ``room``
form parallel tracks; segments without one belong to every track.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from runshow.plan.errors import Location, Problem, ScheduleError
from runshow.plan.fields import RULE_NAMES, Record, of_model
from runshow.plan.fields import CustomIn as _CustomIn
from runshow.plan.fields import EventIn as _EventIn
from runshow.plan.fields import PartIn as _PartIn
from runshow.plan.fields import RulesIn as _RulesIn
from runshow.plan.fields import SegmentIn as _SegmentIn
from runshow.plan.fields import SpeakerIn as _SpeakerIn
from runshow.plan.kinds import SegmentKind
from runshow.plan.limits import (
    MAX_CUSTOM_ALERTS,
    MAX_PARTS,
    MAX_SEGMENTS,
)
from runshow.plan.locate import describe
from runshow.plan.messages import render
from runshow.plan.model import (
    AlertSettings,
    Audience,
    CustomAlert,
    Event,
    Part,
    Plan,
    Segment,
    Speaker,
)
from runshow.plan.rules import KIND_DEFAULTS, OPEN_END_DEFAULTS, Rule
from runshow.plan.tree import LocatedTree, Path
from runshow.plan.values import (
    echo,
    format_duration,
)

_RULE_NAMES = RULE_NAMES
_KINDS = ", ".join(k.value for k in SegmentKind)

R = TypeVar("R", bound=Record)


@dataclass
class _Collector:
    """Gathers located problems while the validator keeps going."""

    tree: LocatedTree
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, code: str, line: int | None = None, **params: object) -> None:
        where = Location(line=line) if line else self.tree.locate(path)
        self.add_at(where, path, code, params)

    def add_at(self, where: Location, path: Path, code: str, params: Mapping[str, object]) -> None:
        self.problems.append(Problem(self.tree.source, where, describe(path), render(code, params), code, params))

    def model(self, cls: type[R], data: Any, path: Path) -> R | None:
        """The table at ``path`` read into ``cls``: plainly when it is written plainly
        (:mod:`runshow.plan.fields`), else by its pydantic model, whose problems are ours."""
        if not isinstance(data, dict):
            self.add(path, "type.table", got=echo(data))
            return None
        plain = cls.plain(data)
        if plain is not None:
            return plain  # type: ignore[return-value]
        from pydantic import ValidationError

        from runshow.plan import _models

        model = getattr(_models, cls.MODEL)
        try:
            validated = model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = path + tuple(err["loc"])
                code, params = _models._pydantic_problem(err, model)
                self.add_at(self.tree.locate(loc), loc, code, params)
            return None
        made: R = of_model(cls, validated)
        return made


def _hm(t: datetime) -> str:
    return f"{t:%H:%M:%S}"


@dataclass
class _Row:
    """A segment while it is being built (its end may wait for the next segment's start)."""

    seg_in: _SegmentIn
    path: Path
    part_id: str
    room: str
    start: datetime
    end: datetime | None
    explicit_start: bool
    alerts: AlertSettings
    speakers_in: list[_SpeakerIn]
    speakers_ok: bool
    approximate: bool
    after_failure: bool = False
    failed: bool = False


def validate(tree: LocatedTree) -> Plan:
    """Build the plan from a located tree; raise :class:`ScheduleError` with every problem."""
    out = _Collector(tree)
    try:
        plan = _build(tree.doc, out)
        if plan is not None and "automation" in tree.doc:  # automations out (runshow.remote), checked here
            from runshow.plan.automations import parse_automations

            _, problems = parse_automations(
                tree.doc["automation"],
                file=tree.source,
                segment_ids={s.id for s in (plan.all_segments or plan.segments)},
                alert_ids={c.id for c in plan.custom_alerts},
                locate=tree.locate,
            )
            out.problems.extend(problems)
    except Exception as exc:  # a bound this validator lacks: still a located answer, never a traceback
        out.add((), "internal", detail=f"{type(exc).__name__}: {str(exc)[:120]}")
        plan = None
    if out.problems or plan is None:
        unique = {(p.location, p.field, p.code, p.message): p for p in out.problems}
        raise ScheduleError(sorted(unique.values(), key=lambda p: p.sort_key))
    return plan


def _build(doc: dict[str, Any], out: _Collector) -> Plan | None:
    for key in doc:
        if key not in ("event", "alerts", "part", "automation"):
            out.add((key,), "top.unknown", allowed="event, alerts, part, automation")
    if "event" not in doc:
        out.add(("event",), "event.missing", line=1)
    if "part" not in doc:
        out.add(("part",), "part.missing", line=1)
    event_in = out.model(_EventIn, doc.get("event", {}), ("event",)) if "event" in doc else None
    if event_in is None:
        event_in = _salvage_event(doc.get("event"))
    tz = _timezone(event_in, out)
    alerts_doc = doc.get("alerts", {})
    defaults = _rules(alerts_doc, ("alerts",), out, base=AlertSettings(), extra=("custom", "kind"))
    kind_rules = _kind_rules(alerts_doc, out)

    raw_parts = doc.get("part", [])
    if not isinstance(raw_parts, list):
        out.add(("part",), "type.tables", name="part")
        raw_parts = []
    if len(raw_parts) > MAX_PARTS:
        out.add(("part", MAX_PARTS), "too.many", count=len(raw_parts), what="parts", limit=MAX_PARTS)
        raw_parts = []
    n_segments = sum(len(p["segment"]) for p in raw_parts if isinstance(p, dict) and isinstance(p.get("segment"), list))
    if n_segments > MAX_SEGMENTS:
        out.add(("part",), "too.many", count=n_segments, what="segments", limit=MAX_SEGMENTS)
        raw_parts = []
    if event_in is None or tz is None:
        # Still check each table's keys and values: one typo in [event] hides nothing below.
        for pi, raw_part in enumerate(raw_parts):
            out.model(_PartIn, raw_part, ("part", pi))
            for si, raw_seg in enumerate(_list(raw_part, "segment")):
                out.model(_SegmentIn, raw_seg, ("part", pi, "segment", si))
                for ki, raw_sp in enumerate(_list(raw_seg, "speaker")):
                    out.model(_SpeakerIn, raw_sp, ("part", pi, "segment", si, "speaker", ki))
        return None
    builder = _Timeline(event_in.date, tz, out)

    parts: list[tuple[_PartIn, Path, list[_Row], bool]] = []
    for pi, raw_part in enumerate(raw_parts):
        ppath: Path = ("part", pi)
        part_in = out.model(_PartIn, raw_part, ppath)
        rows: list[_Row] = []
        part_ok = part_in is not None
        for si, raw_seg in enumerate(_list(raw_part, "segment")):
            spath: Path = ppath + ("segment", si)
            row = _row(raw_seg, spath, part_in, pi, si == 0, defaults, kind_rules, builder, out)
            if row is None:
                builder.failed(_room_of(raw_seg, part_in))
                part_ok = False
                continue
            rows.append(row)
        if part_in is not None:
            parts.append((part_in, ppath, rows, part_ok))
    builder.finish()

    segments: list[Segment] = []
    seg_paths: list[Path] = []
    built_parts: list[Part] = []
    for part_in, ppath, rows, complete in parts:
        seg_ids: list[str] = []
        for row in rows:
            seg = _segment(row, out)
            if seg is None:
                complete = False
                continue
            segments.append(seg)
            seg_paths.append(row.path)
            seg_ids.append(seg.id)
        day = part_in.date
        part_stop = _at(part_in.hard_stop, day or event_in.date, tz) if part_in.hard_stop else None
        built_parts.append(
            Part(part_in.id, part_in.title, part_in.length, tuple(seg_ids), part_in.date, part_in.room, part_stop)
        )
        own = segments[len(segments) - len(seg_ids) :]
        if complete and own and part_in.length is not None:
            total = sum((s.duration for s in own), timedelta(0))
            span = max(s.end for s in own) - min(s.start for s in own)
            # A part with a gap in it may declare its span (first start to last end) instead.
            if part_in.length != total and not (span > total and part_in.length == span):
                out.add(
                    ppath + ("length",),
                    "part.length",
                    declared=format_duration(part_in.length),
                    total=format_duration(total),
                )
        if part_stop is not None and own and complete and max(s.end for s in own) > part_stop:
            out.add(
                ppath + ("hard_stop",),
                "hard_stop.before_end",
                end=_hm(max(s.end for s in own)),
                hard_stop=_hm(part_stop),
            )

    builder.check_sequences(out)
    _check_unique([(p.id, ("part", i, "id")) for i, p in enumerate(built_parts)], "part", out)
    _check_unique([(s.id, path + ("id",)) for s, path in zip(segments, seg_paths, strict=True)], "segment", out)
    custom = _custom_alerts(alerts_doc, {s.id for s in segments}, event_in, tz, out)

    if not segments or out.problems:
        return None
    hard_stop = _at(event_in.hard_stop, event_in.date, tz) if event_in.hard_stop else None
    if hard_stop is not None:
        first = min(s.start for s in segments)
        last = max(s.end for s in segments)
        if hard_stop <= first:
            out.add(("event", "hard_stop"), "hard_stop.before_start", hard_stop=_hm(hard_stop), start=_hm(first))
        elif last > hard_stop:
            out.add(("event", "hard_stop"), "hard_stop.before_end", end=_hm(last), hard_stop=_hm(hard_stop))
        if out.problems:
            return None
    last_day = max(s.end for s in segments).date()
    event = Event(
        title=event_in.title,
        date=event_in.date,
        timezone=tz,
        id=event_in.id or "",
        hard_stop=hard_stop,
        last_date=last_day if last_day > event_in.date else None,
        venue=event_in.venue,
        hosts=tuple(event_in.hosts),
        organisers=tuple(event_in.organisers),
        stream=event_in.stream,
        notes=event_in.notes,
    )
    plan = Plan(
        event,
        tuple(built_parts),
        tuple(segments),
        tuple(custom),
        source=out.tree.source,
        digest=out.tree.digest,
    )
    if plan.rooms:
        return Plan(
            event, tuple(built_parts), tuple(segments), tuple(custom), out.tree.source, out.tree.digest, tuple(segments)
        ).for_room(plan.rooms[0])
    return plan


def _room_of(raw_seg: Any, part_in: _PartIn | None) -> str:
    room = raw_seg.get("room") if isinstance(raw_seg, dict) else None
    if isinstance(room, str) and room.strip():
        return room.strip()
    return part_in.room if part_in else ""


def _list(table: Any, key: str) -> list[Any]:
    value = table.get(key, []) if isinstance(table, dict) else []
    return value if isinstance(value, list) else []


def _salvage_event(raw: Any) -> _EventIn | None:
    """Date and time zone from an [event] that failed on another key (already reported).

    One typo in [event] must not hide every time, gap and speaker problem below it
    (found by the ten-mistakes test): keep checking with what is still usable.
    """
    if not isinstance(raw, dict):
        return None
    data = {"title": "-", "date": raw.get("date"), "timezone": raw.get("timezone")}
    plain = _EventIn.plain(data)
    if plain is not None:
        return plain
    from pydantic import ValidationError

    from runshow.plan._models import _EventIn as model

    try:
        made: _EventIn = of_model(_EventIn, model.model_validate(data))
    except ValidationError:
        return None
    return made


def _timezone(event_in: _EventIn | None, out: _Collector) -> ZoneInfo | None:
    if event_in is None:
        return None
    name = event_in.timezone
    try:
        if not re.fullmatch(r"[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*", name):
            raise ZoneInfoNotFoundError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        out.add(("event", "timezone"), "timezone.unknown", got=echo(name))
        return None


def _at(moment: tuple[date | None, time], day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(moment[0] or day, moment[1], tzinfo=tz)


def _rules(data: Any, path: Path, out: _Collector, base: AlertSettings, extra: tuple[str, ...] = ()) -> AlertSettings:
    if not isinstance(data, dict):
        out.add(path, "alerts.table")
        return base
    data = {k: v for k, v in data.items() if k not in extra}
    raw_audience = data.pop("audience", {})
    raw_chime = data.pop("chime", {})
    audience = dict(base.audience)
    chime = dict(base.chime)
    # Who sees and whether it chimes are checked even when a lead above them is wrong.
    for key, value in _table(raw_audience, path + ("audience",), out).items():
        if key not in _RULE_NAMES:
            out.add(path + ("audience", key), "key.unknown", allowed=", ".join(_RULE_NAMES))
        elif not isinstance(value, str) or value not in Audience._value2member_map_:
            out.add(path + ("audience", key), "choice.invalid", got=echo(value), allowed='"operator", "stage", "both"')
        else:
            audience[key] = Audience(value)
    for key, value in _table(raw_chime, path + ("chime",), out).items():
        if key not in _RULE_NAMES:
            out.add(path + ("chime", key), "key.unknown", allowed=", ".join(_RULE_NAMES))
        elif not isinstance(value, bool):
            out.add(path + ("chime", key), "type.bool", got=echo(value))
        else:
            chime[key] = value
    rules = out.model(_RulesIn, data, path)
    if rules is None:
        return base
    given = rules.given
    values = {name: given[name] if name in given else getattr(base, name) for name in _RULE_NAMES}
    return AlertSettings(**values, audience=audience, chime=chime)


def _table(value: Any, path: Path, out: _Collector) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    out.add(path, "type.table", got=echo(value))
    return {}


def _kind_rules(alerts_doc: Any, out: _Collector) -> dict[SegmentKind, Any]:
    """``[alerts.kind.<kind>]`` tables: raw overrides, applied over the kind's built-in defaults."""
    raw = alerts_doc.get("kind", {}) if isinstance(alerts_doc, dict) else {}
    if not isinstance(raw, dict):
        out.add(("alerts", "kind"), "alerts.table")
        return {}
    result: dict[SegmentKind, Any] = {}
    for name, table in raw.items():
        if not isinstance(name, str) or name not in SegmentKind._value2member_map_:
            out.add(("alerts", "kind", name), "alerts.kind", got=echo(name), allowed=_KINDS)
        elif not isinstance(table, dict):
            out.add(("alerts", "kind", name), "alerts.table")
        else:
            result[SegmentKind(name)] = table
    return result


def _with(base: AlertSettings, changes: Any) -> AlertSettings:
    values = {name: getattr(base, name) for name in _RULE_NAMES}
    for rule, value in changes.items():
        values[Rule(rule).value] = value
    return AlertSettings(**values, audience=dict(base.audience), chime=dict(base.chime))


def _segment_rules(
    seg_in: _SegmentIn, path: Path, defaults: AlertSettings, kind_rules: dict[SegmentKind, Any], out: _Collector
) -> AlertSettings:
    rules = defaults
    if seg_in.kind in KIND_DEFAULTS:
        rules = _with(rules, KIND_DEFAULTS[seg_in.kind])
    if seg_in.kind in kind_rules:
        rules = _rules(kind_rules[seg_in.kind], ("alerts", "kind", seg_in.kind.value), out, base=rules)
    if seg_in.open_end:
        rules = _with(rules, OPEN_END_DEFAULTS)
    if seg_in.alerts is not None:
        rules = _rules(seg_in.alerts, path + ("alerts",), out, base=rules)
    return rules


class _Timeline:
    """The tracks being laid out: where each room's next start-less segment starts, and on which day."""

    def __init__(self, event_date: date, tz: ZoneInfo, out: _Collector) -> None:
        self.event_date = event_date
        self.tz = tz
        self.out = out
        self.plenary: list[_Row] = []
        self.tracks: dict[str, list[_Row]] = {}
        self.broken: set[str] = set()  # tracks whose last segment failed
        self.all_broken = False

    def track(self, room: str) -> list[_Row]:
        if not room:
            return self.plenary
        if room not in self.tracks:
            self.tracks[room] = list(self.plenary)
        return self.tracks[room]

    def last(self, room: str) -> _Row | None:
        if room:
            track = self.track(room)
            return track[-1] if track else None
        if not self.tracks:  # one track (most schedules): its last row, open-ended or not
            return self.plenary[-1] if self.plenary else None
        rows = [t[-1] for t in (self.plenary, *self.tracks.values()) if t]
        ends = [r for r in rows if r.end is not None]
        if len(ends) < len(rows):  # an open end waits for this segment's start
            return next(r for r in rows if r.end is None)
        return max(ends, key=lambda r: r.end or r.start, default=None)

    def is_broken(self, room: str) -> bool:
        return self.all_broken if not room else (room in self.broken or self.all_broken)

    def failed(self, room: str) -> None:
        if room:
            self.broken.add(room)
        else:
            self.all_broken = True

    def day_for(self, room: str) -> date:
        prev = self.last(room)
        if prev is None:
            return self.event_date
        return (prev.end or prev.start).date()

    def add(self, row: _Row) -> None:
        room = row.room
        if self.is_broken(room):
            row.after_failure = True
        if room:
            self.broken.discard(room)
            self.track(room).append(row)
        else:
            self.all_broken = False
            self.broken.clear()
            self.plenary.append(row)
            for track in self.tracks.values():
                track.append(row)
        # An open end before this segment ends where this one starts.
        for track in (self.plenary, *self.tracks.values()) if not room else (self.track(room),):
            if len(track) >= 2 and track[-1] is row and track[-2].end is None and row.explicit_start:
                prev = track[-2]
                if row.start > prev.start:
                    prev.end = row.start

    def finish(self) -> None:
        for row in {id(r): r for r in (*self.plenary, *(r for t in self.tracks.values() for r in t))}.values():
            if row.end is None and not row.failed:
                row.failed = True
                self.out.add(row.path, "length.open_last")

    def check_sequences(self, out: _Collector) -> None:
        for track in (self.plenary, *self.tracks.values()):
            rows = [r for r in track if not r.failed and r.end is not None]
            for prev, row in itertools.pairwise(rows):
                if row.after_failure:
                    continue  # the segment between them is already reported
                assert prev.end is not None
                if row.start < prev.start:
                    next_day = prev.start.date() + timedelta(days=1)
                    out.add(
                        row.path + ("start",),
                        "order.before",
                        id=repr(row.seg_in.id),
                        start=_hm(row.start),
                        prev=repr(prev.seg_in.id),
                        prev_start=_hm(prev.start),
                        next_day=next_day.isoformat(),
                    )
                elif row.start < prev.end:
                    out.add(
                        row.path + ("start",),
                        "order.overlap",
                        id=repr(row.seg_in.id),
                        start=_hm(row.start),
                        prev=repr(prev.seg_in.id),
                        prev_end=_hm(prev.end),
                    )


def _row(
    raw: Any,
    path: Path,
    part_in: _PartIn | None,
    part_index: int,
    first_in_part: bool,
    defaults: AlertSettings,
    kind_rules: dict[SegmentKind, Any],
    timeline: _Timeline,
    out: _Collector,
) -> _Row | None:
    seg_in = out.model(_SegmentIn, raw, path)
    speakers: list[_SpeakerIn] = []
    speakers_ok = True
    for ki, raw_sp in enumerate(_list(raw, "speaker")):
        sp = out.model(_SpeakerIn, raw_sp, path + ("speaker", ki))
        if sp is None:
            speakers_ok = False
        else:
            speakers.append(sp)
    if seg_in is None:
        return None
    room = seg_in.room or (part_in.room if part_in else "")
    alerts = _segment_rules(seg_in, path, defaults, kind_rules, out)
    tz = timeline.tz
    prev = timeline.last(room)

    # The day its times of day are on.
    day = seg_in.date
    if day is None and first_in_part and part_in is not None and part_in.date is not None:
        day = part_in.date
    if day is None:
        day = timeline.day_for(room)

    if seg_in.start is not None:
        start = _at(seg_in.start, day, tz)
        explicit = True
    elif prev is not None and prev.end is not None and not timeline.is_broken(room):
        start = prev.end
        explicit = False
    elif timeline.is_broken(room):
        return None  # chained to a segment already reported as wrong: one problem, not two
    elif prev is not None and prev.end is None:
        out.add(path + ("start",), "start.after_open", prev=repr(prev.seg_in.id))
        return None
    else:
        out.add(path + ("start",), "start.first")
        return None
    end: datetime | None
    length = seg_in.duration
    if seg_in.end is not None:
        end = _at(seg_in.end, start.date() if seg_in.end[0] is None else seg_in.end[0], tz)
        if length is not None and end - start != length.value and end > start:
            out.add(
                path + ("duration",),
                "length.disagree",
                duration=format_duration(length.value),
                start=_hm(start),
                end=_hm(end),
            )
    elif length is not None:
        end = start + length.value
    elif seg_in.open_end:
        end = None  # where the next segment of its track starts
    else:
        out.add(path, "length.missing")
        return None
    if end is not None and end <= start:
        out.add(
            path + ("end",),
            "end.not_after",
            end=_hm(end),
            start=_hm(start),
            date=(start.date() + timedelta(days=1)).isoformat(),
        )
        return None
    row = _Row(
        seg_in,
        path,
        part_in.id if part_in else f"part{part_index + 1}",
        room,
        start,
        end,
        explicit,
        alerts,
        speakers,
        speakers_ok,
        approximate=bool(length and length.approximate),
    )
    timeline.add(row)
    return row


def _segment(row: _Row, out: _Collector) -> Segment | None:
    if row.failed or row.end is None:
        return None
    seg_in = row.seg_in
    path = row.path
    length = row.end - row.start
    speakers = _speakers(row.speakers_in, length, path, out) if row.speakers_ok else None
    if speakers is None:
        return None
    min_length: timedelta | None = None
    if seg_in.min is not None and seg_in.flex is not None:
        out.add(path, "flex.both")
        return None
    if (seg_in.min is not None or seg_in.flex is not None) and seg_in.open_end:
        out.add(path + ("min" if seg_in.min is not None else "flex",), "flex.open")
        return None
    if seg_in.min is not None:
        if seg_in.min > length:
            out.add(
                path + ("min",),
                "flex.over",
                key="min",
                value=format_duration(seg_in.min),
                length=format_duration(length),
            )
            return None
        min_length = seg_in.min
    if seg_in.flex is not None:
        if seg_in.flex > length:
            out.add(
                path + ("flex",),
                "flex.over",
                key="flex",
                value=format_duration(seg_in.flex),
                length=format_duration(length),
            )
            return None
        min_length = length - seg_in.flex
    if seg_in.trim_order is not None and min_length is None:
        out.add(path + ("trim_order",), "trim.without_flex")
        return None
    return Segment(
        id=seg_in.id,
        title=seg_in.title,
        kind=seg_in.kind,
        start=row.start,
        end=row.end,
        part_id=row.part_id,
        owner=seg_in.owner,
        speakers=tuple(speakers),
        notes=seg_in.notes,
        alerts=row.alerts,
        min_length=min_length,
        trim_order=seg_in.trim_order,
        open_end=seg_in.open_end,
        approximate=row.approximate,
        room=row.room,
        moderator=seg_in.moderator,
        topic=seg_in.topic,
    )


def _speakers(given: list[_SpeakerIn], length: timedelta, path: Path, out: _Collector) -> list[Speaker] | None:
    """Each speaker's slot: exact ones as written; approximate ones stretched or squeezed to fill
    what the exact ones leave; untimed ones share what is left, in whole seconds."""
    if not given:
        return []
    exact = sum((s.duration.value for s in given if s.duration and not s.duration.approximate), timedelta(0))
    approx = [s for s in given if s.duration and s.duration.approximate]
    untimed = [s for s in given if s.duration is None]
    approx_total = sum((s.duration.value for s in approx if s.duration), timedelta(0))
    where = path + ("speaker",)
    if not approx and not untimed:
        if exact != length:
            out.add(where, "speakers.sum", total=format_duration(exact), length=format_duration(length))
            return None
        return [_speaker(s, s.duration.value if s.duration else timedelta(0)) for s in given]
    if exact > length:
        out.add(where, "speakers.over", total=format_duration(exact), length=format_duration(length))
        return None
    slots: dict[int, timedelta] = {}
    if untimed:
        left = length - exact - approx_total
        if left <= timedelta(0):
            out.add(where, "speakers.no_room", total=format_duration(exact + approx_total))
            return None
        for s in approx:
            slots[id(s)] = s.duration.value if s.duration else timedelta(0)
        shares = _split(int(left.total_seconds()), len(untimed))
        for s, share in zip(untimed, shares, strict=True):
            slots[id(s)] = timedelta(seconds=share)
    else:
        left = length - exact
        if left <= timedelta(0):
            out.add(where, "speakers.no_room", total=format_duration(exact))
            return None
        weights = [int(s.duration.value.total_seconds()) if s.duration else 0 for s in approx]
        shares = _scale(int(left.total_seconds()), weights)
        for s, share in zip(approx, shares, strict=True):
            slots[id(s)] = timedelta(seconds=share)
    result = []
    for s in given:
        if s.duration is not None and not s.duration.approximate:
            result.append(_speaker(s, s.duration.value))
        else:
            result.append(_speaker(s, slots[id(s)]))
    if any(sp.duration <= timedelta(0) for sp in result):
        out.add(where, "speakers.no_room", total=format_duration(exact + approx_total))
        return None
    return result


def _speaker(s: _SpeakerIn, duration: timedelta) -> Speaker:
    return Speaker(
        s.name,
        duration,
        s.affiliation,
        s.topic,
        timed=s.duration is not None,
        approximate=bool(s.duration and s.duration.approximate),
        role=s.role,
    )


def _split(total: int, n: int) -> list[int]:
    """``total`` seconds in ``n`` shares as equal as whole seconds allow, the larger first."""
    base, extra = divmod(total, n)
    return [base + (1 if i < extra else 0) for i in range(n)]


def _scale(total: int, weights: list[int]) -> list[int]:
    """``total`` seconds in proportion to ``weights`` (whole seconds; the last takes the rounding)."""
    weight = sum(weights)
    shares = [total * w // weight for w in weights]
    shares[-1] += total - sum(shares)
    return shares


def _check_unique(items: Iterable[tuple[str, Path]], what: str, out: _Collector) -> None:
    seen: dict[str, Path] = {}
    for ident, path in items:
        if ident in seen:
            first = out.tree.locate(seen[ident])
            out.add(path, "duplicate.id", what=what, id=repr(ident), first=str(first) or "?")
        else:
            seen[ident] = path


def _custom_alerts(
    data: Any, segment_ids: set[str], event_in: _EventIn, tz: ZoneInfo, out: _Collector
) -> list[CustomAlert]:
    raw = data.get("custom", []) if isinstance(data, dict) else []
    if not isinstance(raw, list):
        out.add(("alerts", "custom"), "type.tables", name="alerts.custom")
        return []
    if len(raw) > MAX_CUSTOM_ALERTS:
        out.add(("alerts", "custom"), "too.many", count=len(raw), what="custom alerts", limit=MAX_CUSTOM_ALERTS)
        return []
    result: list[CustomAlert] = []
    for i, item in enumerate(raw):
        path: Path = ("alerts", "custom", i)
        c = out.model(_CustomIn, item, path)
        if c is None:
            continue
        if (c.at is None) == (c.segment is None):
            out.add(path, "custom.anchor")
            continue
        if c.segment is not None and c.segment not in segment_ids:
            out.add(path + ("segment",), "custom.segment", got=repr(c.segment))
            continue
        if c.before is not None and c.after is not None:
            out.add(path, "custom.before_after")
            continue
        offset = -(c.before or timedelta(0)) + (c.after or timedelta(0))
        at = _at(c.at, event_in.date, tz) if c.at is not None else None
        result.append(CustomAlert(c.id, c.text, c.audience, c.chime, at, c.segment, c.anchor, offset))
    _check_unique([(c.id, ("alerts", "custom", i, "id")) for i, c in enumerate(result)], "custom alert", out)
    return result


def load(tree: LocatedTree) -> Plan:
    """Alias of :func:`validate` (a source's tree → the plan)."""
    return validate(tree)


__all__ = ["ScheduleError", "load", "validate"]
