"""The ``runshow`` command line: validate, print and simulate schedules without a window.

Sub-commands that need Qt (the app, rehearsal, the benchmark) import it lazily,
so ``validate``/``rundown``/``simulate`` run on a machine with no Qt at all; what only one
command needs (the state's JSON) is imported by that command, so ``runshow app`` pays for
nothing before its first paint that the app itself does not use.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from runshow.live.instants import far_outside, parse_instant
from runshow.live.show import Show
from runshow.live.state import ShowState, state_at
from runshow.plan import Plan, ScheduleError, load_plan
from runshow.plan.values import format_duration
from runshow.present import timefmt
from runshow.present.timefmt import APPROX
from runshow.present.translate import for_language

if TYPE_CHECKING:
    from runshow.live.scenario import Scenario

EXIT_OK = 0
EXIT_INVALID = 2

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(fn: Command) -> Command:
        _COMMANDS[name] = fn
        return fn

    return register


# The command line's own sentences, Korean first (the problems themselves are worded by
# runshow.plan.messages, through Problem.worded).
_SAY: dict[str, tuple[str, str]] = {
    "problems": ("{n} problem(s) in {path}", "{path}: 문제 {n}건"),
    "ok": (
        "ok: {title} — {when} ({length}), {parts} parts, {segments} segments, {speakers} speakers",
        "확인: {title} — {when} ({length}), {parts}부, 순서 {segments}개, 발표자 {speakers}명",
    ),
    "rooms": ("rooms: {rooms} (running: {room})", "방: {rooms} (진행: {room})"),
    "no-room": (
        "--room: no room {room!r} in {path} (rooms: {rooms})",
        "--room: {path}에 {room!r} 방이 없습니다 (방: {rooms})",
    ),
    "no-rooms": ("--room: {path} has no rooms", "--room: {path}에는 방이 없습니다"),
    "far": ("warning: {what}", "경고: {what}"),
    "at-needed": (
        "simulate needs at least one --at HH:MM:SS",
        "simulate에는 --at HH:MM:SS가 하나 이상 필요합니다",
    ),
    "ignored": ("{file}: {kind} at {at} ignored: {reason}", "{file}: {at}의 {kind} 무시됨: {reason}"),
    "stream": ("stream: {stream}", "송출: {stream}"),
}


def _say(key: str, lang: str, **values: object) -> str:
    en, ko = _SAY[key]
    return (en if lang == "en" else ko).format(**values)


def _report(exc: ScheduleError, path: str, lang: str = "ko") -> None:
    for problem in exc.problems:
        print(problem.worded(lang), file=sys.stderr)
    print(_say("problems", lang, n=len(exc.problems), path=path), file=sys.stderr)


def _load(path: str, lang: str = "ko", room: str | None = None) -> Plan | None:
    try:
        plan = load_plan(path)
    except ScheduleError as exc:
        _report(exc, path, lang)
        return None
    if room:
        if not plan.rooms:
            print(_say("no-rooms", lang, path=path), file=sys.stderr)
            return None
        if room not in plan.rooms:
            print(_say("no-room", lang, room=room, path=path, rooms=", ".join(plan.rooms)), file=sys.stderr)
            return None
        plan = plan.for_room(room)
    return plan


def _load_scenario(path: str, plan: Plan, lang: str = "ko") -> Scenario | None:
    from runshow.live.scenario import load_scenario  # (here: ``runshow app`` does not need pydantic to paint)

    try:
        scenario = load_scenario(path, plan)
    except ScheduleError as exc:
        _report(exc, path, lang)
        return None
    for warning in scenario.warnings:
        print(_say("far", lang, what=warning), file=sys.stderr)
    return scenario


def _when(plan: Plan) -> str:
    """``2021-10-15 13:30–16:25``, or ``2025-10-28 08:00 – 2025-10-31 11:15`` over several days."""
    zone = plan.event.timezone
    segments = plan.all_segments or plan.segments
    start = min(s.start for s in segments).astimezone(zone)
    end = max(s.end for s in segments).astimezone(zone)
    if start.date() == end.date():
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    return f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"


@command("validate")
def _validate(args: argparse.Namespace) -> int:
    plan = _load(args.file, args.lang)
    if plan is None:
        return EXIT_INVALID
    segments = plan.all_segments or plan.segments
    speakers = sum(len(s.speakers) for s in segments)
    segments_all = plan.all_segments or plan.segments
    start = min(s.start for s in segments_all)
    end = max(s.end for s in segments_all)
    print(
        _say(
            "ok",
            args.lang,
            title=plan.event.title,
            when=_when(plan),
            length=format_duration(end - start),
            parts=len(plan.all_parts or plan.parts),
            segments=len(segments),
            speakers=speakers,
        )
    )
    if plan.rooms:
        print(_say("rooms", args.lang, rooms=", ".join(plan.rooms), room=plan.room))
    return EXIT_OK


_RUNDOWN_HEAD = {
    "en": ("part", "time", "len", "title", "owner", "speakers"),
    "ko": ("부", "시간", "길이", "제목", "담당", "발표자"),
}


def _length(seg_or_speaker_duration: timedelta, approximate: bool) -> str:
    text = format_duration(seg_or_speaker_duration)
    return f"{APPROX}{text}" if approximate else text


@command("rundown")
def _rundown(args: argparse.Namespace) -> int:
    plan = _load(args.file, args.lang, args.room)
    if plan is None:
        return EXIT_INVALID
    ev = plan.event
    zone = ev.timezone
    print(f"{ev.title}  {_when(plan)}  {ev.venue}".rstrip())
    if ev.stream:
        print(_say("stream", args.lang, stream=ev.stream))
    all_rooms = bool(args.all_rooms) and bool(plan.rooms)
    if plan.rooms and not all_rooms:
        print(_say("rooms", args.lang, rooms=", ".join(plan.rooms), room=plan.room))
    head = _RUNDOWN_HEAD["en" if args.lang == "en" else "ko"]
    room_head = ("room",) if args.lang == "en" else ("방",)
    rows: list[tuple[str, ...]] = [(*head[:2], *(room_head if all_rooms else ()), *head[2:])]
    segments = (plan.all_segments or plan.segments) if all_rooms else plan.segments
    by_id = {s.id: s for s in segments}
    for part in plan.all_parts or plan.parts if all_rooms else plan.parts:
        for sid in part.segment_ids:
            seg = by_id.get(sid)
            if seg is None:
                continue
            speakers = " → ".join(
                f"{s.name} {_length(s.duration, s.approximate)}" if s.timed else s.name for s in seg.speakers
            )
            if seg.moderator:
                speakers = f"[{seg.moderator}] {speakers}".rstrip()
            title = f"{seg.title} — {seg.topic}" if seg.topic else seg.title
            span = timefmt.span_hm(seg.start, seg.end, zone, ev.date)
            if seg.approximate:
                span = f"{APPROX}{span}"
            if seg.open_end:
                span = f"{timefmt.clock_hm_day(seg.start, zone, ev.date)}–…"
            rows.append(
                (
                    part.title,
                    span,
                    *((seg.room or "*",) if all_rooms else ()),
                    "…" if seg.open_end else _length(seg.duration, seg.approximate),
                    title,
                    seg.owner,
                    speakers,
                )
            )
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [row[i] + " " * (widths[i] - _width(row[i])) for i in range(len(widths))]
        print("  ".join([*cells, row[-1]]).rstrip())
    return EXIT_OK


def _width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def state_json(state: ShowState, language: str = "ko") -> dict[str, Any]:
    """The JSON of ``simulate``: the one versioned shape (:mod:`runshow.present.state_json`)."""
    from runshow.present.state_json import show_state_json  # (here: ``runshow app`` never needs it)

    return show_state_json(state, for_language(language))


@command("simulate")
def _simulate(args: argparse.Namespace) -> int:
    plan = _load(args.file, args.lang, args.room)
    if plan is None:
        return EXIT_INVALID
    scenario = _load_scenario(args.scenario, plan, args.lang)
    if scenario is None:
        return EXIT_INVALID
    instants: list[datetime] = []
    for i, text in enumerate(args.at or []):
        try:
            instant = parse_instant(text, plan)
        except ValueError as exc:
            print(f"--at #{i + 1}: {exc}", file=sys.stderr)
            return EXIT_INVALID
        far = far_outside(instant, plan)
        if far is not None:
            print(_say("far", args.lang, what=f"--at #{i + 1}: {far}"), file=sys.stderr)
        instants.append(instant)
    if not instants:
        print(_say("at-needed", args.lang), file=sys.stderr)
        return EXIT_INVALID
    pending = sorted(scenario.actions, key=lambda a: a.at)
    warned: set[int] = set()  # each --at replays the scenario; say each ignored step once
    for at in instants:
        show = Show(plan)
        for n, action in enumerate(pending):
            if action.at > at:
                break
            reason = show.check(action)
            if reason is not None:
                if n not in warned:
                    warned.add(n)
                    print(
                        _say(
                            "ignored",
                            args.lang,
                            file=args.scenario,
                            kind=action.kind.value,
                            at=f"{action.at:%H:%M:%S}",
                            reason=reason,
                        ),
                        file=sys.stderr,
                    )
                continue
            show.apply(action)
        state = state_at(show, at)
        if args.json:
            print(json.dumps(state_json(state, args.lang), ensure_ascii=False))
        else:
            from runshow.present.state_json import legacy_json

            print("  ".join(f"{k}={v}" for k, v in legacy_json(state).items()))
    return EXIT_OK


@command("catch-up")
def _catch_up(args: argparse.Namespace) -> int:
    from runshow.cli import catchup

    words = for_language(args.lang)
    plan = _load(args.file)
    if plan is None:
        return EXIT_INVALID
    plan, errors = catchup.with_overrides(plan, args.hard_stop, list(args.min or []), words)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        return EXIT_INVALID
    if plan.event.hard_stop is None:
        print(catchup.no_hard_stop(args.file, words), file=sys.stderr)
        return EXIT_INVALID
    scenario = _load_scenario(args.scenario, plan)
    if scenario is None:
        return EXIT_INVALID
    try:
        at = parse_instant(args.at, plan)
    except ValueError as exc:
        print(f"--at: {exc}", file=sys.stderr)
        return EXIT_INVALID
    proposal = catchup.propose(plan, scenario, at, args.scenario)
    if args.json:
        print(catchup.catch_up_json(proposal))
    else:
        print("\n".join(catchup.summary(proposal, plan, words)))
    return EXIT_OK


@command("rehearse")
def _rehearse(args: argparse.Namespace) -> int:
    plan = _load(args.file, args.lang, args.room)
    if plan is None:
        return EXIT_INVALID
    scenario = None
    if args.scenario:
        scenario = _load_scenario(args.scenario, plan, args.lang)
        if scenario is None:
            return EXIT_INVALID
    start = None
    if args.start:
        try:
            start = parse_instant(args.start, plan)
        except ValueError as exc:
            print(f"--start: {exc}", file=sys.stderr)
            return EXIT_INVALID
    if not 0 < args.speed <= 600:
        print("--speed: expected a number above 0 and at most 600", file=sys.stderr)
        return EXIT_INVALID
    from runshow.cli.rehearse import rehearse

    return rehearse(plan, scenario, start, args.speed, json_lines=args.json)


@command("bench")
def _bench(args: argparse.Namespace) -> int:
    from runshow.bench.core import main as bench_main

    forwarded = ["--quick"] if args.quick else []
    forwarded += ["--windows"] if args.windows else []
    forwarded += ["--json", args.json_out] if args.json_out else []
    return bench_main(forwarded)


@command("app")
def _app(args: argparse.Namespace) -> int:
    import gc

    gc.disable()  # importing the app is part of its start-up: run_app switches the collector back on
    from runshow.ui.app import run_app

    return run_app(args.file, list(args.qt_args or []), room=args.room)


def _default_language() -> str:
    """The user's language: $RUNSHOW_LANG, else the system locale ($LC_ALL, $LC_MESSAGES, $LANG);
    English when it says English, Korean otherwise (the default)."""
    for name in ("RUNSHOW_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            return "en" if value.lower().startswith("en") else "ko"
    return "ko"


def _add_lang(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=("ko", "en"),
        default=_default_language(),
        help="messages in Korean or English (default: $RUNSHOW_LANG or the system locale, else Korean)",
    )


def _add_room(p: argparse.ArgumentParser) -> None:
    p.add_argument("--room", metavar="NAME", help="run this room's track (default: the first room named)")


# ── files: import cue sheets and Ontime projects, export the cue sheet, the post-event report ──


def _file_problems(problems: Sequence[Any], path: str, lang: str) -> None:
    for problem in problems:
        print(problem.text(lang), file=sys.stderr)
    summary = f"{len(problems)} problem(s) in {path}" if lang == "en" else f"{path}: 문제 {len(problems)}건"
    print(summary, file=sys.stderr)


def _today() -> Any:
    from runshow.live.clock import SystemClock

    return SystemClock().now().date()


@command("import")
def _import(args: argparse.Namespace) -> int:
    from datetime import date as _date
    from pathlib import Path

    from runshow.plan.sources.ontime import import_ontime
    from runshow.plan.sources.sheet import SourceError, import_sheet

    mapping: dict[str, str] = {}
    for item in args.map or []:
        key, sep, header = item.partition("=")
        if not sep or not key.strip() or not header.strip():
            print(f"--map {item}: expected FIELD=HEADER, e.g. title=내용", file=sys.stderr)
            return EXIT_INVALID
        mapping[key.strip()] = header.strip()
    when = None
    if args.date:
        try:
            when = _date.fromisoformat(args.date)
        except ValueError:
            print(f"--date {args.date}: expected YYYY-MM-DD", file=sys.stderr)
            return EXIT_INVALID
    src = Path(args.file)
    try:
        if src.suffix.lower() == ".json":
            result: Any = import_ontime(src, event_date=when or _today(), timezone=args.timezone, shown_as=args.file)
        else:
            result = import_sheet(
                src,
                sheet=args.sheet,
                mapping=mapping,
                default_date=when or _today(),
                timezone=args.timezone,
                shown_as=args.file,
            )
    except SourceError as exc:
        _file_problems(exc.problems, args.file, args.lang)
        return EXIT_INVALID
    if args.output:
        Path(args.output).write_text(result.toml, encoding="utf-8")
        plan = result.plan
        print(
            f"{args.output}: {plan.event.title} — {len(plan.parts)} parts, {len(plan.segments)} segments, "
            f"{len(result.inferred)} inference(s) noted as comments",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(result.toml)
    return EXIT_OK


def _journal_report(args: argparse.Namespace, plan: Plan) -> Any:
    from pathlib import Path

    from runshow.live.journal import journal_path
    from runshow.present.report import build_report, report_from_journal

    at = None
    if getattr(args, "at", None):
        try:
            at = parse_instant(args.at, plan)
        except ValueError as exc:
            print(f"--at: {exc}", file=sys.stderr)
            return None
    path = Path(args.journal) if args.journal else journal_path(plan)
    if args.journal and not path.exists():
        print(f"{path}: no such journal", file=sys.stderr)
        return None
    if not path.exists():
        print(f"no journal for this schedule at {path}: the plan only", file=sys.stderr)
        return build_report(plan, [], as_of=at, rehearsal=args.rehearsal)
    report = report_from_journal(plan, path, as_of=at, rehearsal=args.rehearsal)
    for problem in report.problems:
        print(f"{path}: {problem}", file=sys.stderr)
    return report


@command("export")
def _export(args: argparse.Namespace) -> int:
    from runshow.present.export import write_cue_sheet

    plan = _load(args.file)
    if plan is None:
        return EXIT_INVALID
    report = None
    if args.journal:
        report = _journal_report(args, plan)
        if report is None:
            return EXIT_INVALID
    write_cue_sheet(plan, args.output, report, lang=args.lang)
    print(f"{args.output}: cue sheet{' with actual times' if report else ''}", file=sys.stderr)
    return EXIT_OK


@command("report")
def _report_cmd(args: argparse.Namespace) -> int:
    from pathlib import Path

    from runshow.present.report import Wording, report_csv

    plan = _load(args.file)
    if plan is None:
        return EXIT_INVALID
    if not args.pdf and not args.csv:
        print("report needs --pdf FILE and/or --csv FILE", file=sys.stderr)
        return EXIT_INVALID
    report = _journal_report(args, plan)
    if report is None:
        return EXIT_INVALID
    words = Wording(args.lang)
    if args.csv:
        Path(args.csv).write_text(report_csv(report, words), encoding="utf-8-sig", newline="")
    if args.pdf:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from runshow.reports.pdf import render_report_pdf

        render_report_pdf(report, args.pdf, words)
    print(" ".join(f for f in (args.pdf, args.csv) if f) + f": report as of {report.as_of:%H:%M:%S}", file=sys.stderr)
    return EXIT_OK


def _add_file_commands(sub: Any) -> None:
    p = sub.add_parser("import", help="a cue sheet (.xlsx/.csv) or an Ontime project (.json) into schedule TOML")
    p.add_argument("file")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the active one)")
    p.add_argument("-o", "--output", metavar="SCHEDULE.toml", help="write here (default: standard output)")
    p.add_argument("--map", action="append", metavar="FIELD=HEADER", help="read HEADER as FIELD: title=내용")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the event's date when the file names none (default: today)")
    p.add_argument("--timezone", default="Asia/Seoul", help="IANA zone when the file names none (default Asia/Seoul)")
    p.add_argument("--lang", default="ko", choices=("ko", "en"), help="language of the problems (default ko)")
    for name, help_text in (
        ("export", "the cue sheet as a printable .xlsx, with actual times from a journal"),
        ("report", "the post-event report: PDF and/or CSV from the journal"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("file")
        p.add_argument("--journal", metavar="J", help="the journal (default: this schedule's live journal)")
        p.add_argument("--at", metavar="HH:MM:SS", help="report as of this time (default: the last record)")
        p.add_argument("--rehearsal", action="store_true", help="mark the record as a rehearsal")
        p.add_argument("--lang", default="ko", choices=("ko", "en"))
        if name == "export":
            p.add_argument("-o", "--output", required=True, metavar="sheet.xlsx")
        else:
            p.add_argument("--pdf", metavar="R.pdf")
            p.add_argument("--csv", metavar="R.csv")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="runshow", description="Run-of-show for live events.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check a schedule file; every problem, located")
    p.add_argument("file")
    _add_lang(p)
    p = sub.add_parser("rundown", help="print the plan as a table")
    p.add_argument("file")
    _add_lang(p)
    _add_room(p)
    p.add_argument("--all-rooms", action="store_true", help="every room's segments, with a room column")
    p = sub.add_parser("simulate", help="the show state at given times under a scenario")
    p.add_argument("file")
    p.add_argument("scenario")
    p.add_argument(
        "--at",
        action="append",
        metavar="WHEN",
        help="event-local time (HH:MM:SS, D2 07:04 or 2012-09-20T07:04); repeatable",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per --at (version 1, see docs)")
    _add_lang(p)
    _add_room(p)
    p = sub.add_parser("catch-up", help="what to trim to make the hard stop, at an instant under a scenario")
    p.add_argument("file")
    p.add_argument("scenario")
    p.add_argument("--at", required=True, metavar="HH:MM:SS", help="event-local time")
    p.add_argument("--json", action="store_true", help="the proposal as one JSON object (see docs/engine.md)")
    p.add_argument("--hard-stop", metavar="HH:MM", help="what if: this hard stop instead of the schedule's")
    p.add_argument(
        "--min",
        action="append",
        metavar="SEGMENT=DURATION",
        help="what if: the segment may shrink to DURATION (e.g. panel=30m); repeatable",
    )
    _add_lang(p)
    p = sub.add_parser("rehearse", help="run the whole show headless on a rehearsal clock")
    p.add_argument("file")
    _add_lang(p)
    _add_room(p)
    p.add_argument("--scenario", metavar="S", help="a scenario TOML (default: an on-time operator)")
    p.add_argument(
        "--start", metavar="WHEN", help="rehearsal start, e.g. 13:20 or D2 07:50 (default: 10 min before the first)"
    )
    p.add_argument("--speed", type=float, default=600.0, help="1 to 600 (default 600)")
    p.add_argument("--json", action="store_true", help="one JSON object per line (else a readable log)")
    p = sub.add_parser("bench", help="measure the show clock against its performance targets (offscreen)")
    p.add_argument("--quick", action="store_true", help="every figure briefly: a smoke, not a measurement")
    p.add_argument("--json", dest="json_out", metavar="FILE", help="also write the rows as JSON")
    p.add_argument("--windows", action="store_true", help="only the rows with both windows open (issue 19)")
    _add_file_commands(sub)
    p = sub.add_parser("app", help="open the stage and operator windows")
    p.add_argument("file", nargs="?", default=None)
    _add_room(p)
    p.add_argument("qt_args", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return _COMMANDS[args.command](args)
