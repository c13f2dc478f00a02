"""Scenario files: a scripted list of operator actions, for ``simulate`` and rehearsal.

A scenario is TOML::

    mode = "manual"            # or "follow": the mode the show starts in
    [[step]]
    at = "13:30:00"            # event-local time on the event's date
    do = "start"
    [[step]]
    at = "14:10:00"
    do = "adjust"
    minutes = 4                # or seconds = 30; negative takes time away

It is validated like a schedule: every problem, each with its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.instants import far_outside, parse_instant
from runshow.live.show import MAX_GRANT_S
from runshow.plan.errors import Problem, ScheduleError
from runshow.plan.loader import parse_toml
from runshow.plan.locate import LineIndex, describe
from runshow.plan.model import Plan


class _Step(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
    at: str | datetime | time  # a time of day, "D2 07:04" or a date-time (runshow.live.instants)
    do: ActionKind
    segment: str | None = None
    minutes: int | None = None
    seconds: int | None = None
    mode: Mode | None = None
    text: str | None = None
    on: bool | None = None


@dataclass(frozen=True)
class Scenario:
    mode: Mode
    actions: tuple[Action, ...]
    warnings: tuple[str, ...] = ()  # steps far outside the event (probably a missing day)


def load_scenario(path: str | FsPath, plan: Plan) -> Scenario:
    p = FsPath(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ScheduleError([Problem(str(p), None, "(file)", f"cannot read: {exc.strerror or exc}")]) from None
    return parse_scenario(raw, plan, str(p))


def parse_scenario(raw: bytes, plan: Plan, source: str = "<scenario>") -> Scenario:
    text, doc = parse_toml(raw, source)
    index = LineIndex.of(text)
    problems: list[Problem] = []

    def add(path: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(source, index.line_of(path), describe(path), message))

    # Validate the mode and each step on its own, so one bad step does not hide another.
    for key in doc:
        if key not in ("mode", "step"):
            add((key,), "unknown key (expected: mode, step)")
    try:
        mode = Mode(doc.get("mode", Mode.MANUAL.value))
    except ValueError:
        add(("mode",), f'expected "manual" or "follow", got {doc.get("mode")!r}')
        mode = Mode.MANUAL
    raw_steps = doc.get("step", [])
    if not isinstance(raw_steps, list):
        add(("step",), "expected [[step]] tables (an array of tables)")
        raw_steps = []
    steps: list[tuple[int, _Step]] = []
    for i, raw_step in enumerate(raw_steps):
        if not isinstance(raw_step, dict):
            add(("step", i), f"expected a table, got {type(raw_step).__name__}")
            continue
        try:
            steps.append((i, _Step.model_validate(raw_step)))
        except ValidationError as exc:
            for err in exc.errors():
                msg = {"extra_forbidden": "unknown key", "missing": "required key is missing"}.get(
                    err["type"], err["msg"].removeprefix("Value error, ")
                )
                add(("step", i, *err["loc"]), msg)
    ids = {s.id for s in plan.segments}
    actions: list[Action] = []
    if mode is Mode.FOLLOW:
        first = datetime.combine(plan.event.date, time(0), tzinfo=plan.event.timezone)
        actions.append(Action(ActionKind.MODE, first, mode=Mode.FOLLOW))
    previous: datetime | None = None
    warnings: list[str] = []
    for i, step in steps:
        path: tuple[Any, ...] = ("step", i)
        try:
            at = parse_instant(step.at, plan)
        except ValueError as exc:
            add(path + ("at",), str(exc))
            continue
        if previous is not None and at < previous:
            hint = "" if isinstance(step.at, datetime) else "; if it is on a later day, give its day (D2 07:04)"
            add(path + ("at",), f"{step.at} is earlier than the step before it: steps must be in time order{hint}")
        far = far_outside(at, plan)
        if far is not None:
            warnings.append(f"{source}: step[{i + 1}].at: {far}")
        previous = at
        kind = step.do
        seconds = 0
        if kind is ActionKind.GOTO:
            if step.segment is None:
                add(path, "goto needs `segment` (a segment id)")
                continue
            if step.segment not in ids:
                add(path + ("segment",), f"no segment with id {step.segment!r} (known: {', '.join(sorted(ids))})")
                continue
        if kind is ActionKind.ADJUST:
            if (step.minutes is None) == (step.seconds is None):
                add(path, "adjust needs exactly one of `minutes` or `seconds`")
                continue
            seconds = step.minutes * 60 if step.minutes is not None else (step.seconds or 0)
            if seconds == 0:
                add(path, "adjust by zero does nothing")
                continue
            if abs(seconds) > MAX_GRANT_S:
                add(path, "adjust by at most 24 hours (1440 minutes)")
                continue
        if kind is ActionKind.MODE and step.mode is None:
            add(path, 'mode needs `mode = "manual"` or `"follow"`')
            continue
        if kind is ActionKind.MESSAGE and not step.text:
            add(path, "message needs `text`")
            continue
        if kind is ActionKind.BLACKOUT and step.on is None:
            add(path, "blackout needs `on = true` or `on = false`")
            continue
        actions.append(
            Action(kind, at, segment=step.segment, seconds=seconds, mode=step.mode, text=step.text, on=step.on)
        )
    if problems:
        raise ScheduleError(sorted(problems, key=lambda p: (p.line or 0, p.field)))
    return Scenario(mode, tuple(actions), tuple(warnings))
