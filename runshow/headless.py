"""A headless show with its real journal, driven by lines on stdin (no Qt).

It exists so crash recovery can be proven end to end: a test runs it in a
subprocess, feeds it a scripted show, kills it with SIGKILL at random moments,
starts it again and compares what was acknowledged with what the journal holds.

The acknowledgement rule, which the kill test checks: ``ack <n> <json>`` is
printed only after the action's line is written, flushed and fsynced. So after
a kill, every acknowledged action is in the journal, in order; at most one
more may follow it (the one in flight: written but killed before its ack).

Commands, one per line::

    start | next | previous | pause | resume | clear
    goto <segment-id> | adjust <±seconds> | mode manual|follow
    message <text> | blackout on|off
    tick <seconds>      advance the (fake) clock; ignored on the system clock
    state               print "state <json>" (cue index, status, mode, …)
    quit

Usage: ``python -m runshow.headless SCHEDULE [--data-dir DIR] [--start ISO | --system-clock]``.
On start it replays this schedule's journal (see :mod:`runshow.live.recovery`) and prints
``ready <number of actions replayed> <journal problems>``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.clock import Clock, ManualClock, SystemClock
from runshow.live.journal import Journal, journal_path, read_journal
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan import ScheduleError, load_plan

if TYPE_CHECKING:
    from runshow.remote.headless import HeadlessRemote

_SIMPLE = {
    "start": ActionKind.START,
    "next": ActionKind.NEXT,
    "previous": ActionKind.PREVIOUS,
    "pause": ActionKind.PAUSE,
    "resume": ActionKind.RESUME,
    "clear": ActionKind.CLEAR_MESSAGE,
}


def parse_command(line: str, at: datetime) -> Action | str:
    """The action a command line asks for, or why it cannot be one."""
    word, _, rest = line.strip().partition(" ")
    rest = rest.strip()
    if word in _SIMPLE:
        return Action(_SIMPLE[word], at)
    if word == "goto" and rest:
        return Action(ActionKind.GOTO, at, segment=rest)
    if word == "adjust":
        try:
            return Action(ActionKind.ADJUST, at, seconds=int(rest))
        except ValueError:
            return f"adjust needs whole seconds, got {rest!r}"
    if word == "mode" and rest in ("manual", "follow"):
        return Action(ActionKind.MODE, at, mode=Mode(rest))
    if word == "message" and rest:
        return Action(ActionKind.MESSAGE, at, text=rest)
    if word == "blackout" and rest in ("on", "off"):
        return Action(ActionKind.BLACKOUT, at, on=rest == "on")
    return f"unknown command {line.strip()!r}"


def _state_json(show: Show, now: datetime) -> dict[str, Any]:
    st = state_at(show, now)
    p = show.progress
    return {
        "status": st.status.value,
        "mode": st.mode.value,
        "cue": None if st.cue is None else st.cue.index,
        "message": st.message,
        "blackout": st.blackout,
        "adjustments": {str(k): v.total_seconds() for k, v in sorted(p.adjustments.items())},
        "actual_start": {str(k): v.isoformat() for k, v in sorted(p.actual_start.items())},
        "actions": len(show.actions),
    }


def run(
    plan_path: str,
    data_dir: Path | None,
    start: datetime | None,
    system_clock: bool,
    stdin: TextIO,
    stdout: TextIO,
    web: HeadlessRemote | None = None,
) -> int:
    try:
        plan = load_plan(plan_path)
    except ScheduleError as exc:
        print(f"error {exc}", file=stdout, flush=True)
        return 2
    path = journal_path(plan, data_dir)
    if path.exists():
        contents = read_journal(path)
        actions = contents.actions
        problems = [str(p) for p in contents.problems]
        journal = Journal.open_existing(path)
    else:
        actions, problems = [], []
        journal = Journal.create(path, plan)
    show = Show(plan, actions)
    clock: Clock
    if system_clock:
        clock = SystemClock()
    else:
        begin = start or plan.start
        if actions and actions[-1].at > begin:
            begin = actions[-1].at
        clock = ManualClock(begin)
    print(f"ready {len(actions)} {json.dumps(problems, ensure_ascii=False)}", file=stdout, flush=True)
    n = len(actions)
    if web is not None:
        web.publish(show, clock)
    with journal:
        for line in stdin:
            word = line.strip().split(" ", 1)[0]
            if not word:
                continue
            if word == "quit":
                break
            if word == "tick":
                if isinstance(clock, ManualClock):
                    try:
                        clock.advance(float(line.split()[1]))
                    except (IndexError, ValueError):
                        print("rejected tick needs seconds", file=stdout, flush=True)
                if web is not None:
                    web.publish(show, clock)
                continue
            if word == "state":
                print(f"state {json.dumps(_state_json(show, clock.now()))}", file=stdout, flush=True)
                continue
            now = clock.now()
            if show.progress.last_at is not None and now < show.progress.last_at:
                now = show.progress.last_at  # a wall clock stepped back must not lock the operator out
            action = parse_command(line, now)
            if isinstance(action, str):
                print(f"rejected {action}", file=stdout, flush=True)
                continue
            reason = show.check(action)
            if reason is not None:
                print(f"rejected {reason}", file=stdout, flush=True)
                continue
            journal.append(action)  # durable first …
            show.apply(action)
            n += 1
            # … acknowledged only after fsync.
            print(f"ack {n} {json.dumps(action.to_json(), ensure_ascii=False)}", file=stdout, flush=True)
            if web is not None:
                web.publish(show, clock)  # the browser views (runshow/remote), after the ack
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m runshow.headless", description=__doc__.splitlines()[0])
    parser.add_argument("schedule")
    parser.add_argument("--data-dir", type=Path, default=None, help="journal directory root (default: user data)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--start", type=datetime.fromisoformat, default=None, help="fake clock start (ISO, aware)")
    group.add_argument("--system-clock", action="store_true", help="use the machine's clock")
    from runshow.remote.headless import headless_remote  # --port N, --lan, --no-web

    web, rest = headless_remote(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(rest)
        if args.start is not None and args.start.tzinfo is None:
            parser.error("--start needs a time zone offset")
        return run(args.schedule, args.data_dir, args.start, args.system_clock, sys.stdin, sys.stdout, web)
    finally:
        if web is not None:
            web.stop()


if __name__ == "__main__":
    sys.exit(main())
