"""A headless show with its real journal, driven by lines on stdin, through the session controller.

It exists so crash recovery can be proven end to end: a test runs it in a
subprocess, feeds it a scripted show, kills it with SIGKILL at random moments,
starts it again and compares what was acknowledged with what the journal holds.
It takes the app's one action path: :func:`runshow.session.opening.open_show`
(plan, journal, recovery decision) and :class:`ShowController.act` (check,
journal, fold), on a ``QCoreApplication`` event loop; a reader thread hands each
stdin line over with a queued signal.

The acknowledgement rule, which the kill test checks: ``ack <n> <json>`` is
printed only after the action's line is written, flushed and fsynced (the
controller journals an action before it applies it). So after a kill, every
acknowledged action is in the journal, in order; at most one more may follow
it (the one in flight: written but killed before its ack).

Commands, one per line::

    start | next | previous | pause | resume | clear
    goto <segment-id> | adjust <±seconds> | mode manual|follow
    message <text> | blackout on|off
    tick <seconds>      advance the (fake) clock; ignored on the system clock
    state               print "state <json>": the version-1 show state (runshow.present.state_json)
                        plus cue, status, adjustments, actual_start and actions
    clock keep|follow   answer a pending step of the system clock (keep show time, or follow it)
    continue <folder>   carry the show into a journal under <folder> (the journal cannot be written)
    quit

Usage: ``python -m runshow.cli.headless SCHEDULE [--data-dir DIR] [--start ISO | --system-clock]``.
On start it opens this schedule's journal as the app does (resuming it without
asking, since nobody is there to ask) and prints
``ready <number of actions replayed> <journal problems>``. With ``--system-clock``
the show runs on the app's :class:`~runshow.live.clock.TimelineClock`: a step of
the system clock larger than a second is printed as ``clock-step <json>`` and show
time is kept until ``clock keep`` or ``clock follow``. A journal that cannot
record is printed as ``journal-fault <code> <json>`` once, when it appears.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.clock import Clock, ClockStep, ManualClock, TimelineClock
from runshow.plan import ScheduleError, load_plan
from runshow.present.state_json import show_state_json
from runshow.present.translate import english
from runshow.remote.stack import start_remote_stack
from runshow.session.controller import ShowController
from runshow.session.opening import Outcome, continue_elsewhere, open_show

_SIMPLE = {
    "start": ActionKind.START,
    "next": ActionKind.NEXT,
    "previous": ActionKind.PREVIOUS,
    "pause": ActionKind.PAUSE,
    "resume": ActionKind.RESUME,
    "clear": ActionKind.CLEAR_MESSAGE,
}


def parse_command(line: str) -> tuple[ActionKind, dict[str, Any]] | str:
    """The action a command line asks for (kind and fields), or why it cannot be one."""
    word, _, rest = line.strip().partition(" ")
    rest = rest.strip()
    if word in _SIMPLE:
        return _SIMPLE[word], {}
    if word == "goto" and rest:
        return ActionKind.GOTO, {"segment": rest}
    if word == "adjust":
        try:
            return ActionKind.ADJUST, {"seconds": int(rest)}
        except ValueError:
            return f"adjust needs whole seconds, got {rest!r}"
    if word == "mode" and rest in ("manual", "follow"):
        return ActionKind.MODE, {"mode": Mode(rest)}
    if word == "message" and rest:
        return ActionKind.MESSAGE, {"text": rest}
    if word == "blackout" and rest in ("on", "off"):
        return ActionKind.BLACKOUT, {"on": rest == "on"}
    return f"unknown command {line.strip()!r}"


def state_json(controller: ShowController) -> dict[str, Any]:
    """The version-1 state with the driver's own keys (the engine's progress, for recovery checks)."""
    controller.refresh()
    state = controller.state
    p = controller.show.progress
    return {
        **show_state_json(state, english(), rundown=False),
        "status": state.status.value,
        "cue": None if state.cue is None else state.cue.index,
        "adjustments": {str(k): v.total_seconds() for k, v in sorted(p.adjustments.items())},
        "actual_start": {str(k): v.isoformat() for k, v in sorted(p.actual_start.items())},
        "actions": len(controller.show.actions),
    }


class _Lines(QObject):
    """Hands stdin lines from the reader thread to the Qt thread (a queued signal)."""

    line = Signal(str)
    ended = Signal()


class HeadlessDriver(QObject):
    """Applies one command line at a time through the controller and answers on ``out``."""

    def __init__(self, controller: ShowController, out: TextIO, data_dir: Path | None = None) -> None:
        super().__init__()
        self.controller = controller
        self.data_dir = data_dir
        self._out = out
        self.done = False
        self._fault: object = None
        controller.wall_watch.on_step.append(self._on_step)

    def _on_step(self, step: ClockStep) -> None:
        tz = self.controller.plan.event.timezone
        said = {"code": step.code, **step.params(tz), "text": step.describe(tz)}
        self._say(f"clock-step {json.dumps(said, ensure_ascii=False)}")

    def say_fault(self) -> None:
        fault = getattr(self.controller.journal, "fault", None)
        if fault is not None and fault != self._fault:
            self._say(f"journal-fault {fault.code} {json.dumps(fault.params, ensure_ascii=False)}")
        self._fault = fault

    def _say(self, text: str) -> None:
        print(text, file=self._out, flush=True)

    @Slot(str)
    def handle(self, line: str) -> None:
        if self.done:
            return
        word = line.strip().split(" ", 1)[0]
        if not word:
            return
        if word == "quit":
            self.finish()
            return
        clock = self.controller.clock
        if word == "tick":
            if isinstance(clock, ManualClock):
                try:
                    clock.advance(float(line.split()[1]))
                except (IndexError, ValueError):
                    self._say("rejected tick needs seconds")
            return
        if word == "state":
            self._say(f"state {json.dumps(state_json(self.controller), ensure_ascii=False)}")
            return
        if word == "clock":
            self._answer_step(line.split()[1:])
            return
        if word == "continue":
            self._continue(line.strip().partition(" ")[2].strip())
            return
        parsed = parse_command(line)
        if isinstance(parsed, str):
            self._say(f"rejected {parsed}")
            return
        kind, fields = parsed
        reason = self.controller.act(kind, **fields)  # checked, journaled (fsync), applied
        self.say_fault()
        if reason is not None:
            self._say(f"rejected {reason}")
            return
        actions = self.controller.show.actions
        action: Action = actions[-1]
        self._say(f"ack {len(actions)} {json.dumps(action.to_json(), ensure_ascii=False)}")

    def _answer_step(self, words: list[str]) -> None:
        clock = self.controller.clock
        if not isinstance(clock, TimelineClock) or clock.pending_step is None:
            self._say("rejected no clock step is pending")
            return
        if words == ["keep"]:
            clock.keep_show_time()
        elif words == ["follow"]:
            clock.accept_step()
        else:
            self._say("rejected clock keep|follow")
            return
        self.controller.refresh()
        self._say(f"clock {words[0]}")

    def _continue(self, folder: str) -> None:
        if not folder:
            self._say("rejected continue needs a folder")
            return
        try:
            done = continue_elsewhere(self.controller, Path(folder), base=self.data_dir)
        except OSError as exc:
            self._say(f"rejected the journal cannot be written in {folder} either ({exc.strerror or exc})")
            return
        self._fault = None
        self._say(f"continued {done.carried} {done.journal.path}")

    @Slot()
    def finish(self) -> None:
        if self.done:
            return
        self.done = True
        app = QCoreApplication.instance()
        if app is not None:
            app.quit()


def _read(stdin: TextIO, lines: _Lines) -> None:
    try:
        for line in stdin:
            lines.line.emit(line)
    finally:
        lines.ended.emit()


def run(
    plan_path: str,
    data_dir: Path | None,
    start: datetime | None,
    system_clock: bool,
    stdin: TextIO,
    stdout: TextIO,
    web_args: Sequence[str] = ("--no-web", "--no-osc"),
) -> int:
    try:
        plan = load_plan(plan_path)
    except ScheduleError as exc:
        print(f"error {exc}", file=stdout, flush=True)
        return 2
    # The app's clock: show time on a monotonic timeline (a stepped system clock is reported, not used).
    clock: Clock = TimelineClock() if system_clock else ManualClock(start or plan.start)
    opened = open_show(plan, clock, base=data_dir, ask=lambda _decision: True)  # nobody to ask: resume
    if opened.journal is None:
        print(f"error {opened.outcome.value}: {opened.error}", file=stdout, flush=True)
        return 2
    actions = opened.actions
    if isinstance(clock, ManualClock) and actions and actions[-1].at > clock.now():
        clock.set(actions[-1].at)  # the fake clock resumes where the journal ends
    problems = [] if opened.decision is None else [str(p) for p in opened.decision.problems]
    if opened.outcome not in (Outcome.NEW, Outcome.RESUMED, Outcome.ASKED_RESUMED, Outcome.FRESH):
        problems.append(f"journal {opened.outcome.value}; kept as {opened.kept}")
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    controller = ShowController(plan, clock, journal=opened.journal, actions=actions)
    try:
        driver = HeadlessDriver(controller, stdout, data_dir)
        # The browser views, fed by the controller's states like the app's (runshow/remote).
        # + the control API, OSC and automations; the token lives beside the journals
        remote = start_remote_stack(controller, web_args, schedule=plan_path, token_base=data_dir)
        lines = _Lines()
        lines.line.connect(driver.handle, Qt.ConnectionType.QueuedConnection)
        lines.ended.connect(driver.finish, Qt.ConnectionType.QueuedConnection)
        print(f"ready {len(actions)} {json.dumps(problems, ensure_ascii=False)}", file=stdout, flush=True)
        driver.say_fault()  # a read-only journal: replayed, but said at once
        if isinstance(clock, TimelineClock):
            controller.start_ticking()  # every tick polls the wall clock for steps, as in the app
        reader = threading.Thread(target=_read, args=(stdin, lines), name="stdin", daemon=True)
        reader.start()
        if not driver.done:
            app.exec()
        controller.stop_ticking()
        if remote is not None:
            remote.stop()
    finally:
        close = getattr(controller.journal, "close", None)  # the journal it records into now (maybe continued)
        if callable(close):
            close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m runshow.cli.headless", description=__doc__.splitlines()[0])
    parser.add_argument("schedule")
    parser.add_argument("--data-dir", type=Path, default=None, help="journal directory root (default: user data)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--start", type=datetime.fromisoformat, default=None, help="fake clock start (ISO, aware)")
    group.add_argument("--system-clock", action="store_true", help="use the machine's clock")
    parser.add_argument("--port", type=int, help="the browser views' port (default 4080, or RUNSHOW_PORT)")
    parser.add_argument("--lan", action="store_true", help="serve the browser views on the LAN, not only this machine")
    parser.add_argument("--no-web", action="store_true", help="no browser views (and no control API, no OSC)")
    parser.add_argument("--osc-port", type=int, help="the OSC listener's port (default 4081)")
    parser.add_argument("--no-osc", action="store_true", help="no OSC listener")
    args = parser.parse_args(argv)
    if args.start is not None and args.start.tzinfo is None:
        parser.error("--start needs a time zone offset")
    web = [*(["--port", str(args.port)] if args.port else []), *(["--lan"] if args.lan else [])]
    web += ["--no-web"] if args.no_web else []
    web += [*(["--osc-port", str(args.osc_port)] if args.osc_port else []), *(["--no-osc"] if args.no_osc else [])]
    return run(args.schedule, args.data_dir, args.start, args.system_clock, sys.stdin, sys.stdout, web)


if __name__ == "__main__":
    sys.exit(main())
