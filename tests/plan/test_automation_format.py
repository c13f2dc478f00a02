"""`[[automation]]` tables are part of the schedule: the loader checks them and locates every problem."""

from __future__ import annotations

import pytest

from runshow.plan import ScheduleError, parse_plan
from tests.conftest import SCHEDULE_2021

BASE = SCHEDULE_2021.read_text(encoding="utf-8")


def test_a_schedule_with_automations_loads() -> None:
    osc = 'osc = { host = "127.0.0.1", port = 9000, address = "/lights/panel" }'
    text = BASE + f'\n[[automation]]\non = "cue_start"\nsegment = "panel"\n{osc}\n'
    plan = parse_plan(text.encode(), "with-automation.toml")
    assert plan.segment("panel").title


def test_a_bad_automation_is_a_located_problem() -> None:
    osc = 'osc = { host = "127.0.0.1", port = 99999, address = "lights" }'
    text = BASE + f'\n[[automation]]\non = "cue_start"\nsegment = "no-such"\n{osc}\n'
    with pytest.raises(ScheduleError) as err:
        parse_plan(text.encode(), "bad.toml")
    problems = [p for p in err.value.problems if p.code == "automation"]
    assert problems, err.value.problems
    base_lines = BASE.count("\n")
    assert all(p.line is not None and p.line > base_lines for p in problems)
    assert any("automation" in p.field for p in problems)
