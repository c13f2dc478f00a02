"""The ``runshow`` command line: validate, print and simulate schedules without a window.

Sub-commands that need Qt (the app, rehearsal, the benchmark) import it lazily,
so ``validate``/``rundown``/``simulate`` run on a machine with no Qt at all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from runshow.live.scenario import Scenario, load_scenario
from runshow.live.show import Show
from runshow.live.state import ShowState, state_at
from runshow.plan import Plan, ScheduleError, load_plan
from runshow.plan.values import format_duration, parse_time
from runshow.present.state_json import legacy_json, show_state_json
from runshow.present.translate import for_language

EXIT_OK = 0
EXIT_INVALID = 2

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(fn: Command) -> Command:
        _COMMANDS[name] = fn
        return fn

    return register


def _report(exc: ScheduleError, path: str) -> None:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print(f"{len(exc.problems)} problem(s) in {path}", file=sys.stderr)


def _load(path: str) -> Plan | None:
    try:
        return load_plan(path)
    except ScheduleError as exc:
        _report(exc, path)
        return None


def _load_scenario(path: str, plan: Plan) -> Scenario | None:
    try:
        return load_scenario(path, plan)
    except ScheduleError as exc:
        _report(exc, path)
        return None


@command("validate")
def _validate(args: argparse.Namespace) -> int:
    plan = _load(args.file)
    if plan is None:
        return EXIT_INVALID
    speakers = sum(len(s.speakers) for s in plan.segments)
    print(
        f"ok: {plan.event.title} — {plan.event.date:%Y-%m-%d} {plan.start:%H:%M}–{plan.end:%H:%M} "
        f"({format_duration(plan.end - plan.start)}), {len(plan.parts)} parts, {len(plan.segments)} segments, "
        f"{speakers} speakers"
    )
    return EXIT_OK


@command("rundown")
def _rundown(args: argparse.Namespace) -> int:
    plan = _load(args.file)
    if plan is None:
        return EXIT_INVALID
    ev = plan.event
    print(f"{ev.title}  {ev.date:%Y-%m-%d}  {plan.start:%H:%M}–{plan.end:%H:%M}  {ev.venue}")
    if ev.stream:
        print(f"stream: {ev.stream}")
    rows = [("part", "time", "len", "title", "owner", "speakers")]
    for part in plan.parts:
        for sid in part.segment_ids:
            seg = plan.segment(sid)
            speakers = " → ".join(f"{s.name} {format_duration(s.duration)}" for s in seg.speakers)
            rows.append(
                (
                    part.title,
                    f"{seg.start:%H:%M}–{seg.end:%H:%M}",
                    format_duration(seg.duration),
                    seg.title,
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
    return show_state_json(state, for_language(language))


@command("simulate")
def _simulate(args: argparse.Namespace) -> int:
    plan = _load(args.file)
    if plan is None:
        return EXIT_INVALID
    scenario = _load_scenario(args.scenario, plan)
    if scenario is None:
        return EXIT_INVALID
    instants: list[datetime] = []
    for i, text in enumerate(args.at or []):
        try:
            instants.append(datetime.combine(plan.event.date, parse_time(text), tzinfo=plan.event.timezone))
        except ValueError as exc:
            print(f"--at #{i + 1}: {exc}", file=sys.stderr)
            return EXIT_INVALID
    if not instants:
        print("simulate needs at least one --at HH:MM:SS", file=sys.stderr)
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
                        f"{args.scenario}: {action.kind.value} at {action.at:%H:%M:%S} ignored: {reason}",
                        file=sys.stderr,
                    )
                continue
            show.apply(action)
        state = state_at(show, at)
        if args.json:
            print(json.dumps(state_json(state, args.lang), ensure_ascii=False))
        else:
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
        at = datetime.combine(plan.event.date, parse_time(args.at), tzinfo=plan.event.timezone)
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
    plan = _load(args.file)
    if plan is None:
        return EXIT_INVALID
    scenario = None
    if args.scenario:
        scenario = _load_scenario(args.scenario, plan)
        if scenario is None:
            return EXIT_INVALID
    start = None
    if args.start:
        try:
            start = datetime.combine(plan.event.date, parse_time(args.start), tzinfo=plan.event.timezone)
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

    return bench_main((["--quick"] if args.quick else []) + (["--json", args.json_out] if args.json_out else []))


@command("app")
def _app(args: argparse.Namespace) -> int:
    from runshow.ui.app import run_app

    return run_app(args.file, list(args.qt_args or []))


def _default_language() -> str:
    return "en" if os.environ.get("RUNSHOW_LANG", "ko").lower().startswith("en") else "ko"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="runshow", description="Run-of-show for live events.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check a schedule file; every problem, located")
    p.add_argument("file")
    p = sub.add_parser("rundown", help="print the plan as a table")
    p.add_argument("file")
    p = sub.add_parser("simulate", help="the show state at given times under a scenario")
    p.add_argument("file")
    p.add_argument("scenario")
    p.add_argument("--at", action="append", metavar="HH:MM:SS", help="event-local time; repeatable")
    p.add_argument("--json", action="store_true", help="one JSON object per --at (version 1, see docs)")
    p.add_argument(
        "--lang",
        choices=("ko", "en"),
        default=_default_language(),
        help='the words under "stage" (default: Korean, or $RUNSHOW_LANG)',
    )
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
    p.add_argument(
        "--lang",
        choices=("ko", "en"),
        default=_default_language(),
        help="the language of messages (default: Korean, or $RUNSHOW_LANG)",
    )
    p = sub.add_parser("rehearse", help="run the whole show headless on a rehearsal clock")
    p.add_argument("file")
    p.add_argument("--scenario", metavar="S", help="a scenario TOML (default: an on-time operator)")
    p.add_argument("--start", metavar="HH:MM:SS", help="rehearsal start (default: 10 min before the first segment)")
    p.add_argument("--speed", type=float, default=600.0, help="1 to 600 (default 600)")
    p.add_argument("--json", action="store_true", help="one JSON object per line (else a readable log)")
    p = sub.add_parser("bench", help="measure the show clock against its performance targets (offscreen)")
    p.add_argument("--quick", action="store_true", help="every figure briefly: a smoke, not a measurement")
    p.add_argument("--json", dest="json_out", metavar="FILE", help="also write the rows as JSON")
    p = sub.add_parser("app", help="open the stage and operator windows")
    p.add_argument("file", nargs="?", default=None)
    p.add_argument("qt_args", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return _COMMANDS[args.command](args)
