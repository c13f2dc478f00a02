"""What the sheet and Ontime sources share: a draft schedule, its checks, and its TOML.

A source reads its file into a :class:`Draft` (every value tied to where it came from, a
:class:`Where`), the shared checks find what the TOML loader would refuse and say it at the
source's own location (``show.xlsx:식순!C7``), and :func:`render` writes schedule TOML with
comments saying what was inferred. The normal TOML loader then builds the Plan; anything it
still refuses is mapped back from the TOML line to the cell it came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from runshow.plan.errors import ScheduleError
from runshow.plan.model import Plan

# ── located problems ──────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """One problem in a source file: where (file, sheet, cell), which field, and what is wrong.

    ``str()`` is the Korean form (``show.xlsx:식순!C7: 시간: …``); :meth:`english` the English one.
    """

    where: str
    field_ko: str
    field_en: str
    ko: str
    en: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field_ko}: {self.ko}"

    def english(self) -> str:
        return f"{self.where}: {self.field_en}: {self.en}"

    def text(self, lang: str = "ko") -> str:
        return self.english() if lang.startswith("en") else str(self)


class SourceError(Exception):
    """Raised with every problem a source file has, never just the first."""

    def __init__(self, problems: list[SourceProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, slots=True)
class Where:
    """A place in the source file and the field found there (both languages)."""

    ref: str
    field_ko: str
    field_en: str

    def problem(self, ko: str, en: str) -> SourceProblem:
        return SourceProblem(self.ref, self.field_ko, self.field_en, ko, en)


# ── the draft ─────────────────────────────────────────────────────────────


@dataclass
class DraftSpeaker:
    name: str
    duration: timedelta
    affiliation: str = ""
    where: Where | None = None
    comment: str = ""


@dataclass
class DraftSegment:
    id: str
    title: str
    kind: str
    start: datetime  # naive, on the event's date (or the next for a show past midnight)
    end: datetime
    owner: str = ""
    notes: str = ""
    speakers: list[DraftSpeaker] = field(default_factory=list)
    alerts: dict[str, str] = field(default_factory=dict)
    where: dict[str, Where] = field(default_factory=dict)  # key ("start", "title", …) → origin
    comments: list[str] = field(default_factory=list)


@dataclass
class DraftPart:
    id: str
    title: str
    length: timedelta
    segments: list[DraftSegment] = field(default_factory=list)
    where: Where | None = None
    comments: list[str] = field(default_factory=list)


@dataclass
class DraftEvent:
    title: str
    date: date
    timezone: str = "Asia/Seoul"
    venue: str = ""
    notes: str = ""
    where: Where | None = None
    comments: list[str] = field(default_factory=list)


@dataclass
class Draft:
    event: DraftEvent
    parts: list[DraftPart]
    header: list[str] = field(default_factory=list)  # comment lines at the top of the file


# ── shared helpers ────────────────────────────────────────────────────────


def fmt_duration(value: timedelta) -> str:
    """``10m``, ``1h5m``, ``2m30s``: the schedule format's spelling."""
    total = int(value.total_seconds())
    sign = "-" if total < 0 else ""
    total = abs(total)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return sign + ("".join(f"{n}{u}" for n, u in ((h, "h"), (m, "m"), (s, "s")) if n) or "0s")


def fmt_minutes(value: timedelta) -> str:
    """``5′``-style lengths as a Korean crew writes them (seconds kept when there are any)."""
    total = int(value.total_seconds())
    m, s = divmod(abs(total), 60)
    sign = "-" if total < 0 else ""
    return f"{sign}{m}′" if not s else f"{sign}{m}′{s:02d}″"


def fmt_clock(value: datetime) -> str:
    return f"{value:%H:%M}" if value.second == 0 else f"{value:%H:%M:%S}"


_KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("break", ("휴식", "쉬는시간", "중식", "점심", "오찬", "break", "lunch", "coffee", "intermission")),
    ("closing", ("폐회", "폐막", "폐식", "closing", "close")),
    ("panel", ("패널", "토론", "질의응답", "panel", "discussion", "q&a")),
    (
        "speech",
        (
            "개회사",
            "인사말",
            "환영사",
            "축사",
            "격려사",
            "기조",
            "치사",
            "환영",
            "keynote",
            "welcome",
            "remarks",
            "speech",
            "address",
        ),
    ),
    (
        "ceremony",
        (
            "개회",
            "국민의례",
            "내빈소개",
            "개막",
            "시상",
            "기념촬영",
            "제막",
            "선언",
            "의례",
            "opening",
            "ceremony",
            "award",
        ),
    ),
    ("presentation", ("발표", "사례", "presentation", "pitch", "showcase", "demo")),
    ("talk", ("강연", "강의", "연구", "분석", "보고", "주제", "talk", "lecture", "session")),
)
KINDS = ("ceremony", "speech", "talk", "presentation", "break", "panel", "closing")
_KIND_KO = {
    "의식": "ceremony",
    "연설": "speech",
    "강연": "talk",
    "발표": "presentation",
    "휴식": "break",
    "토론": "panel",
    "패널": "panel",
    "폐회": "closing",
}


def guess_kind(title: str) -> tuple[str, bool]:
    """The segment kind a title suggests, and whether a word in it said so (False: a guess)."""
    text = re.sub(r"\s+", "", title).lower()
    for kind, words in _KIND_WORDS:
        if any(w in text for w in words):
            return kind, True
    return "talk", False


def parse_kind(text: str) -> str | None:
    t = text.strip().lower()
    if t in KINDS:
        return t
    return _KIND_KO.get(t)


_ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")


def valid_id(text: str) -> bool:
    return bool(_ID_OK.match(text))


def to_toml_id(text: str, fallback: str) -> str:
    """An id from arbitrary text (an Ontime cue, a sheet's ID column), or ``fallback``."""
    slug = re.sub(r"[^A-Za-z0-9_\-]+", "-", text.strip()).strip("-_")
    return slug if slug and valid_id(slug) else fallback


# ── checks every source needs ─────────────────────────────────────────────


def check_draft(draft: Draft) -> list[SourceProblem]:
    """What the loader would refuse, said at the source's own location, in both languages."""
    out: list[SourceProblem] = []
    prev: DraftSegment | None = None
    for part in draft.parts:
        total = timedelta(0)
        for seg in part.segments:
            where = seg.where.get("start") or seg.where.get("title") or _nowhere(draft)
            if seg.end <= seg.start:
                w = seg.where.get("end") or where
                out.append(
                    w.problem(
                        f"종료 {fmt_clock(seg.end)}가 시작 {fmt_clock(seg.start)}보다 늦지 않습니다",
                        f"ends at {fmt_clock(seg.end)}, not after its start {fmt_clock(seg.start)}",
                    )
                )
            elif prev is not None and prev.end > prev.start:
                if seg.start > prev.end:
                    gap = fmt_duration(seg.start - prev.end)
                    out.append(
                        where.problem(
                            f"앞 항목 '{prev.title}'(종료 {fmt_clock(prev.end)}) 뒤에 {gap} 빈 시간이 있습니다; "
                            "빠진 항목이나 휴식 행을 넣으세요",
                            f"gap of {gap} after '{prev.title}' (ends {fmt_clock(prev.end)}); "
                            "add the missing row or a break",
                        )
                    )
                elif seg.start < prev.end:
                    out.append(
                        where.problem(
                            f"{fmt_clock(seg.start)}에 시작해 앞 항목 '{prev.title}'"
                            f"(종료 {fmt_clock(prev.end)})와 겹칩니다",
                            f"starts at {fmt_clock(seg.start)} and overlaps '{prev.title}', which ends at "
                            f"{fmt_clock(prev.end)}",
                        )
                    )
            length = seg.end - seg.start
            total += length
            if seg.speakers and length > timedelta(0):
                slots = sum((sp.duration for sp in seg.speakers), timedelta(0))
                if slots != length:
                    w = seg.where.get("speaker") or where
                    out.append(
                        w.problem(
                            f"발표자 시간의 합 {fmt_duration(slots)}이 항목 길이 {fmt_duration(length)}와 다릅니다",
                            f"speaker slots add up to {fmt_duration(slots)} but the row lasts {fmt_duration(length)}",
                        )
                    )
                for sp in seg.speakers:
                    if sp.duration <= timedelta(0):
                        w = sp.where or where
                        out.append(
                            w.problem(
                                f"발표자 '{sp.name}'의 시간이 0보다 길어야 합니다",
                                f"speaker '{sp.name}' needs a slot longer than zero",
                            )
                        )
            prev = seg
        if part.segments and total != part.length:
            w = part.where or _nowhere(draft)
            out.append(
                w.problem(
                    f"'{part.title}'은 {fmt_duration(part.length)}로 적혀 있지만 "
                    f"항목 합계는 {fmt_duration(total)}입니다",
                    f"part '{part.title}' declares {fmt_duration(part.length)} "
                    f"but its rows add up to {fmt_duration(total)}",
                )
            )
    return out


def _nowhere(draft: Draft) -> Where:
    return draft.event.where or Where("(source)", "(파일)", "(file)")


# ── TOML ──────────────────────────────────────────────────────────────────


class _Toml:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origin: dict[int, Where] = {}

    def comment(self, text: str) -> None:
        for line in text.splitlines() or [""]:
            self.lines.append(f"# {line}".rstrip())

    def blank(self) -> None:
        self.lines.append("")

    def table(self, header: str, where: Where | None = None) -> None:
        self.lines.append(header)
        if where is not None:
            self.origin[len(self.lines)] = where

    def kv(self, key: str, value: Any, where: Where | None = None, note: str = "") -> None:
        line = f"{key} = {_value(value)}"
        if note:
            line += f"  # {note}"
        self.lines.append(line)
        if where is not None:
            self.origin[len(self.lines)] = where


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def render(draft: Draft) -> tuple[str, dict[int, Where]]:
    """Schedule TOML for ``draft`` and, per line, where in the source its value came from."""
    out = _Toml()
    for line in draft.header:
        out.comment(line)
    out.blank()
    ev = draft.event
    for c in ev.comments:
        out.comment(c)
    out.table("[event]", ev.where)
    out.kv("title", ev.title, ev.where)
    out.kv("date", ev.date, ev.where)
    out.kv("timezone", ev.timezone, ev.where)
    if ev.venue:
        out.kv("venue", ev.venue, ev.where)
    if ev.notes:
        out.kv("notes", ev.notes, ev.where)
    day0 = datetime.combine(ev.date, datetime.min.time())
    for part in draft.parts:
        out.blank()
        out.comment(f"── {part.title} ({fmt_minutes(part.length)}) " + "─" * 20)
        for c in part.comments:
            out.comment(c)
        out.table("[[part]]", part.where)
        out.kv("id", part.id, part.where)
        out.kv("title", part.title, part.where)
        out.kv("length", fmt_duration(part.length), part.where)
        for seg in part.segments:
            w = seg.where
            here = w.get("title") or w.get("start")
            out.blank()
            for c in seg.comments:
                out.comment(c)
            out.table("[[part.segment]]", here)
            out.kv("id", seg.id, w.get("id") or here)
            out.kv("title", seg.title, w.get("title") or here)
            out.kv("kind", seg.kind, w.get("kind") or here)
            if seg.start.date() == day0.date():
                out.kv("start", fmt_clock(seg.start), w.get("start") or here)
                if seg.end.date() == day0.date():
                    out.kv("end", fmt_clock(seg.end), w.get("end") or w.get("start") or here)
                else:  # past midnight: an end time of day would be read on the event's date
                    out.kv("duration", fmt_duration(seg.end - seg.start), w.get("end") or here, "past midnight")
            else:  # after midnight: chained from the segment before
                out.kv("duration", fmt_duration(seg.end - seg.start), w.get("end") or here, "past midnight")
            if seg.owner:
                out.kv("owner", seg.owner, w.get("owner") or here)
            if seg.notes:
                out.kv("notes", seg.notes, w.get("notes") or here)
            if seg.alerts:
                out.lines.append("alerts = { " + ", ".join(f"{k} = {_value(v)}" for k, v in seg.alerts.items()) + " }")
            for sp in seg.speakers:
                out.blank()
                if sp.comment:
                    out.comment(sp.comment)
                out.table("[[part.segment.speaker]]", sp.where or w.get("speaker") or here)
                out.kv("name", sp.name, sp.where or here)
                if sp.affiliation:
                    out.kv("affiliation", sp.affiliation, sp.where or here)
                out.kv("duration", fmt_duration(sp.duration), sp.where or here)
    return "\n".join(out.lines) + "\n", out.origin


def build_plan(text: str, source: str, origin: dict[int, Where]) -> Plan:
    """The TOML loader's Plan from ``text``; its problems mapped back to the source's cells."""
    from runshow.plan import parse_plan  # the one TOML loader

    try:
        return parse_plan(text.encode("utf-8"), source)
    except ScheduleError as exc:
        problems: list[SourceProblem] = []
        for p in exc.problems:
            where = origin.get(p.line or 0) or Where(source, p.field, p.field)
            problems.append(where.problem(f"일정 검사에서 걸렸습니다: {p.message}", p.message))
        raise SourceError(problems) from None
