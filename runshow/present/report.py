"""The post-event report as data: a pure function of the plan and the journal.

Everything here comes from the plan, the recorded actions and the fold (``Show`` +
``state_at``), so the report is the same after a crash and a restart, and a rehearsal's
scratch record gives one too (marked as a rehearsal). The PDF (``runshow.reports``) and the
CSV (:func:`report_csv`) only lay this data out.

What it holds: per segment and per speaker the planned and actual start, end and length and
their deltas; totals per part; the biggest overruns; the alerts the journal recorded (fired,
missed, dropped, acknowledged; none when the journal has no alert records); the messages sent
to the stage; every operator action, with undone ones marked; and the drift over time.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from runshow.live.actions import Action, ActionKind
from runshow.live.journal import JournalContents, read_journal
from runshow.live.show import Show, Status
from runshow.live.state import state_at
from runshow.plan.model import Plan

ZERO = timedelta(0)
DRIFT_STEP = timedelta(seconds=60)
UNDO_KINDS = {"undo"}
REDO_KINDS = {"redo"}


# ── wording ───────────────────────────────────────────────────────────────
# (Korean, English). A translator with ``tr(context, source)`` may be injected; it is asked for
# the English source text in the context "report" and, when it has no translation (returns the
# source unchanged), the Korean here is used.
WORDS: dict[str, tuple[str, str]] = {
    "report": ("행사 결과 보고서", "Post-event report"),
    "rehearsal": ("리허설 기록", "REHEARSAL record"),
    "live": ("본 행사 기록", "Live show record"),
    "as_of": ("기준 시각", "As of"),
    "source": ("기록 파일", "Journal"),
    "planned": ("계획", "Planned"),
    "actual": ("실제", "Actual"),
    "part": ("구분", "Part"),
    "segment": ("내용", "Segment"),
    "speaker": ("발표자", "Speaker"),
    "level": ("단위", "Level"),
    "planned_start": ("계획 시작", "Planned start"),
    "actual_start": ("실제 시작", "Actual start"),
    "start_delta": ("시작 차이", "Start delta"),
    "planned_end": ("계획 종료", "Planned end"),
    "actual_end": ("실제 종료", "Actual end"),
    "end_delta": ("종료 차이", "End delta"),
    "planned_length": ("계획 소요", "Planned length"),
    "actual_length": ("실제 소요", "Actual length"),
    "length_delta": ("초과", "Overrun"),
    "overrun_s": ("초과(초)", "Overrun (s)"),
    "totals": ("구분별 합계", "Totals per part"),
    "overruns": ("가장 많이 넘긴 순서", "Biggest overruns"),
    "alerts": ("알림", "Alerts"),
    "no_alerts": ("이 기록에는 알림 기록이 없습니다", "This journal has no alert records"),
    "messages": ("무대로 보낸 메시지", "Messages sent to the stage"),
    "no_messages": ("보낸 메시지가 없습니다", "No messages were sent"),
    "actions": ("운영자 조작", "Operator actions"),
    "drift_chart": ("시간에 따른 지연 (분, +는 늦음)", "Drift over time (minutes, + = late)"),
    "timeline_chart": ("계획 대 실제 (빗금: 계획, 채움: 실제)", "Planned vs actual (hatched: planned, solid: actual)"),
    "show": ("전체", "Whole show"),
    "summary": ("요약", "Summary"),
    "final_drift": ("최종 지연", "Final drift"),
    "not_started": ("시작 전", "not started"),
    "skipped": ("건너뜀", "skipped"),
    "running": ("진행 중", "running"),
    "time": ("시각", "Time"),
    "what": ("조작", "Action"),
    "detail": ("내용", "Detail"),
    "status": ("상태", "Status"),
    "undone": ("취소됨(undo)", "undone"),
    "undo": ("되돌리기", "undo"),
    "redo": ("다시 하기", "redo"),
    "rejected": ("적용 안 됨", "not applied"),
    "cleared": ("지움", "Cleared"),
    "text": ("문구", "Text"),
    "fired": ("울림", "fired"),
    "missed": ("놓침", "missed"),
    "dropped": ("취소", "dropped"),
    "acknowledged": ("확인함", "acknowledged"),
    "count": ("건수", "Count"),
    "problems": ("기록 파일 문제", "Journal problems"),
    "late": ("늦음", "late"),
    "early": ("이름", "early"),
    "on_time": ("정시", "on time"),
    "page": ("쪽", "page"),
    "start": ("시작", "start"),
    "next": ("다음", "next"),
    "previous": ("이전", "previous"),
    "goto": ("이동", "go to"),
    "pause": ("일시정지", "pause"),
    "resume": ("재개", "resume"),
    "adjust": ("시간 조정", "adjust"),
    "mode": ("모드", "mode"),
    "message": ("메시지", "message"),
    "clear_message": ("메시지 지움", "clear message"),
    "blackout": ("블랙아웃", "blackout"),
}


class Wording:
    """Report wording in one language (``"ko"`` or ``"en"``), or through an injected translator."""

    def __init__(self, lang: str = "ko", tr: Callable[[str, str], str] | None = None) -> None:
        self.lang = "en" if lang.startswith("en") else "ko"
        self._tr = tr

    def __call__(self, key: str) -> str:
        ko, en = WORDS.get(key, (key, key))
        if self._tr is not None:
            said = self._tr("report", en)
            if said != en:
                return said
        return en if self.lang == "en" else ko


# ── the data ──────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Row:
    """One segment, or one speaker inside a segment: planned against actual."""

    level: str  # "segment" or "speaker"
    part: str
    segment_id: str
    segment: str
    speaker: str  # "" for a segment row
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None

    @property
    def label(self) -> str:
        return self.speaker if self.level == "speaker" else self.segment

    @property
    def planned_length(self) -> timedelta:
        return self.planned_end - self.planned_start

    @property
    def actual_length(self) -> timedelta | None:
        if self.actual_start is None or self.actual_end is None:
            return None
        return self.actual_end - self.actual_start

    @property
    def start_delta(self) -> timedelta | None:
        return None if self.actual_start is None else self.actual_start - self.planned_start

    @property
    def end_delta(self) -> timedelta | None:
        return None if self.actual_end is None else self.actual_end - self.planned_end

    @property
    def overrun(self) -> timedelta | None:
        """Actual length − planned length: positive ran over, negative ran short."""
        length = self.actual_length
        return None if length is None else length - self.planned_length


@dataclass(frozen=True, slots=True)
class PartTotal:
    part: str
    planned_start: datetime
    planned_end: datetime
    declared: timedelta | None  # None: the part declares no length
    actual_start: datetime | None
    actual_end: datetime | None
    overrun_sum: timedelta  # the sum of its segments' overruns (positive and negative)

    @property
    def actual_length(self) -> timedelta | None:
        if self.actual_start is None or self.actual_end is None:
            return None
        return self.actual_end - self.actual_start

    @property
    def end_delta(self) -> timedelta | None:
        return None if self.actual_end is None else self.actual_end - self.planned_end

    @property
    def length_delta(self) -> timedelta | None:
        """How much longer than it declares the part ran (None: not over yet, or it declares no length)."""
        length = self.actual_length
        return None if length is None or self.declared is None else length - self.declared


@dataclass(frozen=True, slots=True)
class AlertRecord:
    at: datetime | None
    status: str  # fired, missed, dropped, acknowledged, or what the record said
    rule: str
    text: str
    planned: datetime | None = None


@dataclass(frozen=True, slots=True)
class MessageRow:
    at: datetime
    text: str
    cleared_at: datetime | None


@dataclass(frozen=True, slots=True)
class ActionRow:
    at: datetime
    kind: str
    detail: str
    applied: bool = True
    undone: bool = False
    is_undo: bool = False


@dataclass(frozen=True, slots=True)
class DriftPoint:
    at: datetime
    drift: timedelta


@dataclass
class Report:
    plan: Plan
    as_of: datetime
    rehearsal: bool
    source: str
    rows: list[Row]
    parts: list[PartTotal]
    overruns: list[Row]
    alerts: list[AlertRecord]
    alert_counts: dict[str, int]
    has_alert_records: bool
    messages: list[MessageRow]
    actions: list[ActionRow]
    drift: list[DriftPoint]
    final_drift: timedelta
    actual_start: datetime | None
    actual_end: datetime | None
    problems: list[str] = field(default_factory=list)

    @property
    def segment_rows(self) -> list[Row]:
        return [r for r in self.rows if r.level == "segment"]


# ── building it ───────────────────────────────────────────────────────────


def _aware(text: Any, plan: Plan) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=plan.event.timezone)


def _is_alert(record: Mapping[str, Any]) -> bool:
    kind = str(record.get("kind") or record.get("type") or record.get("record") or "")
    return kind.startswith("alert") or ("alert" in record and not kind)


def _alert(record: Mapping[str, Any], plan: Plan) -> AlertRecord:
    kind = str(record.get("kind") or record.get("type") or record.get("record") or "alert")
    status = str(record.get("status") or record.get("state") or record.get("event") or "")
    if not status:
        for word in ("acknowledged", "ack", "missed", "dropped", "fired"):
            if word in kind:
                status = word
                break
    status = {"ack": "acknowledged", "acked": "acknowledged", "acknowledge": "acknowledged"}.get(status, status)
    alert = record.get("alert")
    inner: Mapping[str, Any] = alert if isinstance(alert, dict) else {}
    rule = str(
        record.get("rule") or inner.get("rule") or record.get("id") or inner.get("id") or record.get("key") or ""
    )
    text = str(record.get("text") or inner.get("text") or record.get("message") or "")
    at = _aware(record.get("at") or record.get("fired_at"), plan)
    planned = _aware(record.get("planned") or record.get("due") or inner.get("at"), plan)
    return AlertRecord(at, status or "fired", rule, text, planned)


def read_records(path: Path) -> list[dict[str, Any]]:
    """Every JSON object line of a journal after the header (alerts and undo included), tolerant."""
    out: list[dict[str, Any]] = []
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return out
    for n, line in enumerate(raw.split(b"\n")):
        if n == 0 or not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(record, dict) and "note" not in record:
            record.pop("crc", None)
            out.append(record)
    return out


def _detail(action: Action) -> str:
    if action.kind is ActionKind.GOTO:
        return action.segment or ""
    if action.kind is ActionKind.ADJUST:
        return fmt_delta(timedelta(seconds=action.seconds))
    if action.kind is ActionKind.MODE:
        return action.mode.value if action.mode else ""
    if action.kind is ActionKind.MESSAGE:
        return action.text or ""
    if action.kind is ActionKind.BLACKOUT:
        return "on" if action.on else "off"
    return ""


def build_report(
    plan: Plan,
    actions: Sequence[Action],
    *,
    records: Iterable[Mapping[str, Any]] = (),
    as_of: datetime | None = None,
    rehearsal: bool = False,
    source: str = "",
    problems: Sequence[str] = (),
    top: int = 5,
) -> Report:
    """The report of ``plan`` run by ``actions`` (``records``: the journal's raw lines, for alerts and undo).

    ``as_of`` defaults to the show's end, or the last recorded action while it is still on, so the
    same journal always gives the same report.
    """
    show = Show(plan)
    applied: list[bool] = [show.apply(a, strict=False) for a in actions]
    if as_of is None:
        p = show.progress
        candidates = [a.at for a in actions]
        if p.ended_at is not None:
            candidates.append(p.ended_at)
        as_of = max(candidates) if candidates else plan.start
    state = state_at(show, as_of)
    timings = state.timings
    tz = plan.event.timezone

    rows: list[Row] = []
    by_segment: dict[str, list[int]] = {}
    for t in timings:
        by_segment.setdefault(t.cue.segment.id, []).append(t.cue.index)
    for seg in plan.segments:
        idx = by_segment[seg.id]
        first, last = timings[idx[0]], timings[idx[-1]]
        part = plan.part_of(seg).title
        rows.append(
            Row(
                "segment",
                part,
                seg.id,
                seg.title,
                "",
                seg.start,
                seg.end,
                first.actual_start,
                last.actual_end if last.actual_end is not None else None,
            )
        )
        if seg.speakers:
            for i in idx:
                t = timings[i]
                sp = t.cue.speaker
                rows.append(
                    Row(
                        "speaker",
                        part,
                        seg.id,
                        seg.title,
                        sp.name if sp else "",
                        t.cue.planned_start,
                        t.cue.planned_end,
                        t.actual_start,
                        t.actual_end,
                    )
                )
    parts: list[PartTotal] = []
    for plan_part in plan.parts:
        segs = [r for r in rows if r.level == "segment" and r.segment_id in plan_part.segment_ids]
        starts = [r.actual_start for r in segs if r.actual_start is not None]
        ends = [r.actual_end for r in segs if r.actual_end is not None]
        done = all(r.actual_end is not None for r in segs)
        parts.append(
            PartTotal(
                plan_part.title,
                segs[0].planned_start,
                segs[-1].planned_end,
                plan_part.declared,
                min(starts) if starts else None,
                max(ends) if ends and done else None,
                sum((r.overrun for r in segs if r.overrun is not None), ZERO),
            )
        )
    cue_rows = [r for r in rows if r.level == "speaker" or not plan.segment(r.segment_id).speakers]
    overruns = sorted(
        (r for r in cue_rows if r.overrun is not None and r.overrun > ZERO),
        key=lambda r: (-(r.overrun or ZERO), r.planned_start),
    )[:top]

    # Actions, undo and alerts from the raw records when there are any, else from the actions.
    action_rows: list[ActionRow] = []
    alerts: list[AlertRecord] = []
    has_alerts = False
    raw = list(records)
    pointer = 0
    if raw:
        for rec in raw:
            if _is_alert(rec):
                has_alerts = True
                alerts.append(_alert(rec, plan))
                continue
            kind = str(rec.get("kind") or "")
            at = _aware(rec.get("at"), plan)
            try:
                action = Action.from_json(dict(rec))
            except (ValueError, KeyError, TypeError):
                action = None
            if action is not None and pointer < len(actions) and actions[pointer] == action:
                action_rows.append(
                    ActionRow(
                        action.at,
                        action.kind.value,
                        _detail(action),
                        applied[pointer],
                        is_undo=kind in UNDO_KINDS | REDO_KINDS,
                    )
                )
                pointer += 1
            elif kind in UNDO_KINDS | REDO_KINDS and at is not None:
                action_rows.append(
                    ActionRow(at, kind, str(rec.get("target") or rec.get("of") or ""), True, is_undo=True)
                )
            elif action is not None:
                action_rows.append(ActionRow(action.at, action.kind.value, _detail(action), False))
    else:
        for a, ok in zip(actions, applied, strict=True):
            action_rows.append(ActionRow(a.at, a.kind.value, _detail(a), ok, is_undo=a.kind.value in UNDO_KINDS))
    action_rows = _mark_undone(action_rows)

    messages: list[MessageRow] = []
    live_actions = [r for r in action_rows if r.applied and not r.undone and not r.is_undo]
    for i, r in enumerate(live_actions):
        if r.kind == "message":
            cleared = next((x.at for x in live_actions[i + 1 :] if x.kind in ("message", "clear_message")), None)
            messages.append(MessageRow(r.at, r.detail, cleared))

    counts: dict[str, int] = {}
    for alert in alerts:
        counts[alert.status] = counts.get(alert.status, 0) + 1

    started = [r.actual_start for r in rows if r.actual_start is not None]
    p = show.progress
    actual_end = p.ended_at if state.status is Status.ENDED else None
    return Report(
        plan=plan,
        as_of=as_of.astimezone(tz),
        rehearsal=rehearsal,
        source=source,
        rows=rows,
        parts=parts,
        overruns=overruns,
        alerts=alerts,
        alert_counts=counts,
        has_alert_records=has_alerts,
        messages=messages,
        actions=action_rows,
        drift=drift_series(plan, actions, as_of),
        final_drift=state.drift,
        actual_start=min(started) if started else None,
        actual_end=actual_end,
        problems=list(problems),
    )


def _mark_undone(rows: list[ActionRow]) -> list[ActionRow]:
    """An ``undo`` undoes the latest applied action not yet undone; a ``redo`` re-does the latest undone."""
    out = list(rows)
    undone_stack: list[int] = []
    for i, r in enumerate(out):
        if r.kind in UNDO_KINDS:
            for j in range(i - 1, -1, -1):
                c = out[j]
                if c.applied and not c.undone and not c.is_undo:
                    out[j] = ActionRow(c.at, c.kind, c.detail, c.applied, True, c.is_undo)
                    undone_stack.append(j)
                    if not r.detail:
                        out[i] = ActionRow(r.at, r.kind, f"{c.kind} {c.at:%H:%M:%S}", r.applied, r.undone, True)
                    break
        elif r.kind in REDO_KINDS and undone_stack:
            j = undone_stack.pop()
            c = out[j]
            out[j] = ActionRow(c.at, c.kind, c.detail, c.applied, False, c.is_undo)
    return out


def drift_series(plan: Plan, actions: Sequence[Action], until: datetime) -> list[DriftPoint]:
    """The drift as the control room showed it: every minute, and just before and after each action."""
    show = Show(plan)
    ordered = sorted(actions, key=lambda a: a.at)
    begin = min([plan.start, *(a.at for a in ordered[:1])])
    samples: list[datetime] = []
    t = begin
    while t <= until:
        samples.append(t)
        t += DRIFT_STEP
    if not samples or samples[-1] != until:
        samples.append(until)
    out: list[DriftPoint] = []
    i = 0
    for t in sorted(set(samples) | {a.at for a in ordered if a.at <= until}):
        if i < len(ordered) and ordered[i].at == t:
            out.append(DriftPoint(t, state_at(show, t).drift))  # just before the action: the step shows
        while i < len(ordered) and ordered[i].at <= t:
            show.apply(ordered[i], strict=False)
            i += 1
        out.append(DriftPoint(t, state_at(show, t).drift))
    return out


def report_from_journal(plan: Plan, path: Path, *, as_of: datetime | None = None, rehearsal: bool = False) -> Report:
    """The report of a journal file (the live one, or a rehearsal's saved scratch record)."""
    contents: JournalContents = read_journal(path)
    problems = [str(p) for p in contents.problems if "not an action" not in p.message]
    return build_report(
        plan,
        contents.actions,
        records=read_records(path),
        as_of=as_of,
        rehearsal=rehearsal,
        source=str(path),
        problems=problems,
    )


# ── formatting ────────────────────────────────────────────────────────────


def fmt_delta(value: timedelta | None) -> str:
    """``+4:00`` late, ``−1:30`` early, ``0:00``; hours when there are any (``+1:02:03``)."""
    if value is None:
        return ""
    total = round(value.total_seconds())
    sign = "+" if total > 0 else ("−" if total < 0 else "")
    h, rest = divmod(abs(total), 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m}:{s:02d}"


def fmt_length(value: timedelta | None) -> str:
    if value is None:
        return ""
    total = round(value.total_seconds())
    h, rest = divmod(abs(total), 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def fmt_time(value: datetime | None, plan: Plan) -> str:
    return "" if value is None else value.astimezone(plan.event.timezone).strftime("%H:%M:%S")


def row_cells(report: Report, row: Row, words: Wording) -> list[str]:
    plan = report.plan
    missing = words("skipped") if report.as_of >= row.planned_end and row.actual_start is None else ""
    return [
        row.part,
        row.segment,
        row.speaker,
        fmt_time(row.planned_start, plan),
        fmt_time(row.actual_start, plan) or missing,
        fmt_delta(row.start_delta),
        fmt_time(row.planned_end, plan),
        fmt_time(row.actual_end, plan) or (words("running") if row.actual_start is not None else missing),
        fmt_delta(row.end_delta),
        fmt_length(row.planned_length),
        fmt_length(row.actual_length),
        fmt_delta(row.overrun),
    ]


ROW_KEYS = (
    "part",
    "segment",
    "speaker",
    "planned_start",
    "actual_start",
    "start_delta",
    "planned_end",
    "actual_end",
    "end_delta",
    "planned_length",
    "actual_length",
    "length_delta",
)


def report_csv(report: Report, words: Wording | None = None) -> str:
    """One table: a row per segment and per speaker, then a row per part and one for the show."""
    w = words or Wording()
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow([w("level"), *(w(k) for k in ROW_KEYS), w("overrun_s")])
    for r in report.rows:
        ov = r.overrun
        out.writerow([r.level, *row_cells(report, r, w), "" if ov is None else int(ov.total_seconds())])
    plan = report.plan
    for p in report.parts:
        out.writerow(
            [
                "part",
                p.part,
                "",
                "",
                fmt_time(p.planned_start, plan),
                fmt_time(p.actual_start, plan),
                fmt_delta(None if p.actual_start is None else p.actual_start - p.planned_start),
                fmt_time(p.planned_end, plan),
                fmt_time(p.actual_end, plan),
                fmt_delta(p.end_delta),
                fmt_length(p.declared),
                fmt_length(p.actual_length),
                fmt_delta(p.length_delta),
                int(p.overrun_sum.total_seconds()),
            ]
        )
    end = report.actual_end
    start = report.actual_start
    out.writerow(
        [
            "show",
            w("show"),
            "",
            "",
            fmt_time(plan.start, plan),
            fmt_time(start, plan),
            fmt_delta(None if start is None else start - plan.start),
            fmt_time(plan.end, plan),
            fmt_time(end, plan),
            fmt_delta(None if end is None else end - plan.end),
            fmt_length(plan.end - plan.start),
            fmt_length(None if end is None or start is None else end - start),
            fmt_delta(None if end is None or start is None else (end - start) - (plan.end - plan.start)),
            "",
        ]
    )
    return buf.getvalue()
