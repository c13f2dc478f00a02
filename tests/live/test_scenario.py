"""Scenario files: scripted actions, validated like schedules (every problem, located)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from runshow.live.actions import ActionKind, Mode
from runshow.live.scenario import load_scenario, parse_scenario
from runshow.plan import ScheduleError
from runshow.plan.errors import Problem
from runshow.plan.model import Plan

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def problems_of(text: str, plan: Plan) -> list[Problem]:
    with pytest.raises(ScheduleError) as info:
        parse_scenario(text.encode(), plan, "sc.toml")
    return info.value.problems


def test_the_late_scenario_loads(plan_2021: Plan) -> None:
    sc = load_scenario(SCENARIOS / "late.toml", plan_2021)
    assert sc.mode is Mode.MANUAL
    assert [a.kind for a in sc.actions][:2] == [ActionKind.START, ActionKind.NEXT]
    assert sc.actions[0].at.tzinfo is plan_2021.event.timezone
    assert f"{sc.actions[0].at:%H:%M:%S}" == "13:32:00"


def test_follow_mode_and_step_arguments(plan_2021: Plan) -> None:
    text = """mode = "follow"
[[step]]
at = "14:00"
do = "goto"
segment = "regions"
[[step]]
at = "14:05"
do = "adjust"
minutes = -2
[[step]]
at = "14:06"
do = "adjust"
seconds = 30
[[step]]
at = "14:07"
do = "message"
text = "wrap up"
[[step]]
at = "14:08"
do = "blackout"
on = true
"""
    sc = parse_scenario(text.encode(), plan_2021)
    assert sc.mode is Mode.FOLLOW
    kinds = [a.kind for a in sc.actions]
    assert kinds == [ActionKind.MODE, ActionKind.GOTO, ActionKind.ADJUST, ActionKind.ADJUST, ActionKind.MESSAGE,
                     ActionKind.BLACKOUT]  # fmt: skip
    assert sc.actions[1].segment == "regions"
    assert [a.seconds for a in sc.actions[2:4]] == [-120, 30]
    assert sc.actions[0].at + timedelta(hours=14) == sc.actions[1].at


def test_every_problem_of_a_bad_scenario_is_located(plan_2021: Plan) -> None:
    text = """mode = "sideways"
colour = 1

[[step]]
at = "13:40"
do = "start"

[[step]]
at = "13:30"
do = "jump"

[[step]]
at = "13:31"
do = "goto"
segment = "nowhere"

[[step]]
at = "13:32"
do = "adjust"

[[step]]
at = "25:00"
do = "next"
"""
    found = problems_of(text, plan_2021)
    assert [(p.line, p.field) for p in found] == [
        (1, "mode"),
        (2, "colour"),
        (10, "step[2].do"),
        (13, "step[3].at"),
        (15, "step[3].segment"),
        (17, "step[4]"),
        (22, "step[5].at"),
    ]
    assert "steps must be in time order" in found[3].message
    assert "no segment with id 'nowhere'" in found[4].message
    assert "exactly one of `minutes` or `seconds`" in found[5].message


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ('do = "goto"', "goto needs `segment`"),
        ('do = "adjust"\nminutes = 0', "adjust by zero"),
        ('do = "adjust"\nminutes = 1\nseconds = 5', "exactly one of"),
        ('do = "mode"', "mode needs"),
        ('do = "adjust"\nminutes = 99999999999999', "at most 24 hours"),
        ('do = "message"', "message needs `text`"),
        ('do = "blackout"', "blackout needs"),
        ('do = "next"\nspeed = 2', "unknown key"),
        ("", "required key is missing"),
    ],
)
def test_each_step_mistake(plan_2021: Plan, step: str, message: str) -> None:
    found = problems_of(f'[[step]]\nat = "13:30"\n{step}\n', plan_2021)
    assert len(found) == 1 and message in found[0].message
    assert found[0].line is not None and found[0].field.startswith("step[1]")


def test_bad_toml_and_steps_not_a_table(plan_2021: Plan) -> None:
    (p,) = problems_of('[[step]]\nat = "13:30\n', plan_2021)
    assert p.line == 2 and p.field == "(syntax)"
    (p,) = problems_of("step = 3\n", plan_2021)
    assert (p.line, p.field) == (1, "step")
