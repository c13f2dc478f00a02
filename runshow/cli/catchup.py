"""``runshow catch-up``: the catch-up planner's proposal at an instant, headless.

The scenario is replayed up to ``--at`` exactly as ``simulate`` does, then
:func:`runshow.live.catchup.plan_catch_up` proposes what to trim to make the
event's hard stop. ``--json`` prints the proposal's JSON
(``{"at", "projected_end", "hard_stop", "over_s", "trims", "projected_end_after",
"feasible"}``); without it, a readable summary in the chosen language.

A schedule with no hard stop is a located error (the file, the ``[event]``
table's line, the field, what was expected), exit 2. ``--hard-stop`` and
``--min SEGMENT=DURATION`` ask "what if" without editing the file: they
replace the schedule's own values for this run only.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from runshow.live.catchup import CatchUp, plan_catch_up
from runshow.live.scenario import Scenario
from runshow.live.show import Show
from runshow.plan.errors import Problem
from runshow.plan.model import Plan
from runshow.plan.values import parse_duration, parse_time
from runshow.present.translate import Translator, Words, fill

EXIT_OK = 0
EXIT_INVALID = 2
_EVENT_TABLE = re.compile(r"^\s*\[\s*event\s*\]")


def event_line(path: str) -> int | None:
    """The line of the schedule's ``[event]`` table (where a hard stop is written), if found."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for n, line in enumerate(text.splitlines(), start=1):
        if _EVENT_TABLE.match(line):
            return n
    return None


def no_hard_stop(path: str, words: Translator) -> Problem:
    """The located error for a schedule that says no hard stop."""
    w = Words(words)
    return Problem(
        path,
        event_line(path),
        "[event] hard_stop",
        w.translate(
            "CatchUpCli",
            'missing: the catch-up planner needs the instant the show must be over, e.g. hard_stop = "16:25"'
            " in [event] (or --hard-stop HH:MM for this run)",
        ),
    )


def with_overrides(plan: Plan, hard_stop: str | None, minimums: list[str], words: Translator) -> tuple[Plan, list[str]]:
    """The plan with ``--hard-stop`` and each ``--min SEGMENT=DURATION`` applied, and what was wrong."""
    w = Words(words)
    errors: list[str] = []
    event = plan.event
    if hard_stop is not None:
        try:
            stop = datetime.combine(event.date, parse_time(hard_stop), tzinfo=event.timezone)
        except ValueError as exc:
            errors.append(f"--hard-stop: {exc}")
        else:
            event = replace(event, hard_stop=stop)
    lows: dict[str, timedelta] = {}
    ids = {s.id for s in plan.segments}
    for text in minimums:
        sid, sep, value = text.partition("=")
        sid = sid.strip()
        if not sep or not sid:
            errors.append(fill(w.translate("CatchUpCli", "--min %1: expected SEGMENT=DURATION, e.g. panel=30m"), text))
            continue
        if sid not in ids:
            errors.append(fill(w.translate("CatchUpCli", "--min %1: no segment with id %2"), text, sid))
            continue
        try:
            lows[sid] = parse_duration(value)
        except ValueError as exc:
            errors.append(f"--min {text}: {exc}")
    if lows:
        segments = tuple(replace(s, min_length=lows[s.id]) if s.id in lows else s for s in plan.segments)
        plan = replace(plan, segments=segments)
    return replace(plan, event=event), errors


def replay(plan: Plan, scenario: Scenario, at: datetime, scenario_path: str) -> Show:
    """The show with the scenario's steps up to ``at`` (inclusive); a step that does not apply is said once."""
    show = Show(plan)
    for action in sorted(scenario.actions, key=lambda a: a.at):
        if action.at > at:
            break
        reason = show.check(action)
        if reason is not None:
            print(f"{scenario_path}: {action.kind.value} at {action.at:%H:%M:%S} ignored: {reason}", file=sys.stderr)
            continue
        show.apply(action)
    return show


def propose(plan: Plan, scenario: Scenario, at: datetime, scenario_path: str) -> CatchUp:
    """The planner's proposal at ``at`` with the scenario replayed up to it."""
    return plan_catch_up(replay(plan, scenario, at, scenario_path), at)


def summary(proposal: CatchUp, plan: Plan, words: Translator) -> list[str]:
    """The proposal in words, one line each (what the control room's panel says)."""
    w = Words(words)
    data = proposal.to_json()
    lines = [
        fill(
            w.translate("CatchUpCli", "at %1: projected end %2, hard stop %3"),
            data["at"],
            data["projected_end"],
            data["hard_stop"],
        )
    ]
    if not proposal.needed:
        spare = max(0, -proposal.over_s)
        text = w.translate("CatchUpCli", "on time for the hard stop (%1 s to spare): nothing to trim")
        lines.append(fill(text, spare))
        return lines
    lines.append(fill(w.translate("CatchUpCli", "over by %1 s"), proposal.over_s))
    for trim in proposal.trims:
        title = plan.segment(trim.segment).title
        lines.append(f"  {title} ({trim.segment}): {trim.from_s // 60}′ → {trim.to_s // 60}′")
    if not proposal.trims:
        lines.append(w.translate("CatchUpCli", "  no segment may shrink (none is flexible, or all have ended)"))
    lines.append(fill(w.translate("CatchUpCli", "projected end after: %1"), data["projected_end_after"]))
    if not proposal.feasible:
        assert proposal.hard_stop is not None
        miss = -((-(proposal.projected_end_after - proposal.hard_stop)) // timedelta(seconds=1))
        lines.append(fill(w.translate("CatchUpCli", "the hard stop cannot be made: missed by %1 s"), miss))
    return lines


def catch_up_json(proposal: CatchUp) -> str:
    return json.dumps(proposal.to_json(), ensure_ascii=False)
