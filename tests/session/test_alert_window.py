"""The alert planning window: a long schedule plans only the cues around now, and loses nothing.

Planning every alert of a 1,000-segment festival on every action cost ~13 ms; the
window keeps re-plans cheap. What must hold: inside the window the plan is exactly
the full plan, and the plan says until when it is complete so the armer re-plans
before that.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from runshow.live import alerts
from runshow.live.alerts import MISSED_LOOKBACK, plan_alerts
from runshow.live.rehearsal import on_time_script
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan.generated import festival_toml
from runshow.plan.loader import parse_plan


@pytest.fixture(scope="module")
def festival():
    return parse_plan(festival_toml(200).encode(), "festival.toml")


def run_to(plan, at):
    show = Show(plan)
    for action in on_time_script(show):
        if action.at <= at:
            show.apply(action)
    return show


@pytest.mark.parametrize("ahead", [None, alerts.WINDOW_CUES_AHEAD, 1])  # the default, the armer's, the least
@pytest.mark.parametrize("minutes", [-5, 0, 37, 120, 230])
def test_window_equals_the_full_plan_up_to_where_it_is_complete(festival, monkeypatch, minutes, ahead):
    at = festival.start + timedelta(minutes=minutes, seconds=7)
    show = run_to(festival, at)
    state = state_at(show, at)
    windowed = plan_alerts(show, state, ahead=ahead)
    monkeypatch.setattr(alerts, "WINDOW_CUES", 10**6)
    full = plan_alerts(show, state_at(show, at))
    until = windowed.complete_until
    full_keys = [a.key for a in full.upcoming]
    got = [a.key for a in windowed.upcoming]
    assert set(got) <= set(full_keys)  # nothing the full plan would not fire
    assert got == [k for k in full_keys if k in set(got)]  # in the same order
    if until is None:  # the rest of the show fits the window
        assert got == full_keys
    else:
        assert until > at + alerts.WINDOW_AHEAD
        assert [a.key for a in full.upcoming if a.instant < until] == [
            a.key for a in windowed.upcoming if a.instant < until
        ]
        assert len(got) < len(full_keys)
    recent = {a.key for a in full.past if a.instant >= at - MISSED_LOOKBACK}
    assert recent <= {a.key for a in windowed.past}


def test_the_2021_schedule_fits_one_window(plan_2021):
    show = Show(plan_2021)
    plan = plan_alerts(show, state_at(show, plan_2021.start - timedelta(minutes=10)))
    assert plan.complete_until is None


def test_the_armer_re_plans_before_the_window_runs_out(festival, qapp):
    from runshow.live.clock import ManualClock
    from runshow.session.alert_armer import HORIZON_JOB, HORIZON_MARGIN, AlertArmer
    from runshow.session.controller import ShowController

    clock = ManualClock(festival.start - timedelta(minutes=1))
    controller = ShowController(festival, clock)
    armer = AlertArmer(controller)
    armer.start()
    try:
        plan = armer.plan
        assert plan is not None and plan.complete_until is not None
        job = armer.scheduler.get_job(HORIZON_JOB)
        assert job is not None
        assert job.next_run_time == plan.complete_until - HORIZON_MARGIN
        assert armer.pending_wakeups() == 1
        replans = armer.replans
        clock.advance((job.next_run_time - clock.now()).total_seconds())
        armer.scheduler.run_due()
        assert armer.replans == replans + 1
        assert armer.plan.complete_until > plan.complete_until  # the window moved on
    finally:
        armer.stop()
