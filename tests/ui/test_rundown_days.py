"""A several-day rundown prints each time with its day (issue 14): D2 09:00, not a bare 09:00."""

from __future__ import annotations

from runshow.live.clock import ManualClock
from runshow.plan import load_plan
from runshow.session.controller import ShowController
from runshow.ui.rundown_model import Column, RundownModel
from tests.conftest import ROOT


def test_times_after_the_first_day_carry_their_day(qapp) -> None:
    plan = load_plan(ROOT / "schedules" / "2025-kam-annual-conference.toml")
    controller = ShowController(plan, ManualClock(plan.start))
    model = RundownModel(plan, controller.state)
    day1 = plan.event.date
    seen_later_day = False
    for row, segment in enumerate(plan.segments):
        text = model.data(model.index(row, Column.PLANNED_START))
        on_day = (segment.start.astimezone(plan.event.timezone).date() - day1).days
        if on_day == 0:
            assert not text.startswith("D"), text
        else:
            seen_later_day = True
            assert text.startswith(f"D{on_day + 1} "), text
    assert seen_later_day
