"""The engine on real events' shapes (issue 14): untimed speakers, real gaps, open ends, days."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from runshow.live import actions as act
from runshow.live.actions import Mode
from runshow.live.alerts import plan_alerts
from runshow.live.instants import far_outside, parse_instant
from runshow.live.show import Show, Status
from runshow.live.state import state_at
from runshow.plan import Plan, parse_plan
from runshow.plan.rules import Rule

Z = ZoneInfo("Asia/Seoul")
HEAD = """
[event]
title = "T"
date = 2012-09-20
timezone = "Asia/Seoul"
{extra}
[[part]]
id = "p"
title = "P"
"""
CEREMONY = """
[[part.segment]]
id = "acts"
title = "Acts"
kind = "ceremony"
start = "15:00"
duration = "10m"
[[part.segment.speaker]]
name = "A"
[[part.segment.speaker]]
name = "B"
[[part.segment.speaker]]
name = "C"
[[part.segment]]
id = "talk"
title = "Talk"
kind = "talk"
duration = "20m"
"""
GAP = """
[[part.segment]]
id = "talk"
title = "Talk"
kind = "talk"
start = "17:00"
duration = "30m"
[[part.segment]]
id = "dinner"
title = "Dinner"
kind = "meal"
start = "18:30"
duration = "1h"
"""
OPEN = """
[[part.segment]]
id = "reg"
title = "Registration"
kind = "registration"
start = "07:00"
open_end = true
[[part.segment]]
id = "opening"
title = "Opening"
kind = "ceremony"
start = "08:30"
duration = "~15m"
"""


def plan_of(body: str, extra: str = "") -> Plan:
    return parse_plan((HEAD.format(extra=extra) + body).encode(), "t.toml")


def at(h: int, m: int, s: int = 0, day: int = 20) -> datetime:
    return datetime(2012, 9, day, h, m, s, tzinfo=Z)


# ── 1. untimed speakers ──────────────────────────────────────────────────
def test_an_untimed_speaker_shows_the_segments_countdown_and_next_moves_to_the_next_speaker() -> None:
    plan = plan_of(CEREMONY)
    assert [sp.timed for sp in plan.segments[0].speakers] == [False, False, False]
    show = Show(plan, [act.start(at(15, 0)), act.next_cue(at(15, 1))])  # A took one minute
    state = state_at(show, at(15, 3))
    assert state.speaker is not None and state.speaker.name == "B"
    assert state.segment_countdown
    assert state.remaining == timedelta(minutes=7)  # the segment's 10′ from 15:00, not B's nominal share
    assert state.countdown_to_next == timedelta(minutes=7)
    assert state.drift == timedelta(0)
    assert state.projected_end == at(15, 30)
    t = state.timings
    assert t[3].projected_start == at(15, 10)  # the talk after the segment
    assert t[2].projected_end == at(15, 10)  # C ends with the segment
    assert [state.timing(i) for i in range(len(t))] == list(t)
    show.apply(act.next_cue(at(15, 4)))
    later = state_at(show, at(15, 12))
    assert later.speaker is not None and later.speaker.name == "C"
    assert later.remaining == timedelta(minutes=-2) and later.overtime  # the segment ran over
    assert later.drift == timedelta(minutes=2)


def test_untimed_speakers_have_one_wrapup_for_their_segment_and_one_standby() -> None:
    plan = plan_of(CEREMONY.replace('kind = "ceremony"', 'kind = "award"'))
    show = Show(plan, [act.start(at(15, 0)), act.next_cue(at(15, 1))])
    alerts = plan_alerts(show, state_at(show, at(15, 2)))
    keys = {a.key: a for a in alerts.upcoming + alerts.past}
    assert keys["wrapup_warning#0"].instant == at(15, 8)  # two minutes before the segment's end
    assert set(keys["wrapup_warning#0"].requires_on) == {0, 1, 2}
    assert not any(k.startswith(("wrapup_warning#1", "wrapup_warning#2")) for k in keys)
    assert not any(k.startswith(("speaker_standby#1", "speaker_standby#2")) for k in keys)


# ── 2. gaps and open ends ────────────────────────────────────────────────
def test_next_into_a_gap_waits_for_the_next_item_and_the_gap_absorbs_lateness() -> None:
    plan = plan_of(GAP)
    assert [(g.after, g.before) for g in plan.gaps] == [("talk", "dinner")]
    show = Show(plan, [act.start(at(17, 5)), act.next_cue(at(17, 40))])  # the talk ran 10′ late
    state = state_at(show, at(17, 50))
    assert state.status is Status.RUNNING and state.in_gap
    assert state.gap_until == at(18, 30) and state.until_gap_end_s == 40 * 60
    assert not state.overtime and state.remaining == timedelta(hours=1)
    assert state.drift == timedelta(0) and state.projected_end == at(19, 30)
    assert state.timings[1].actual_start is None and state.timings[1].projected_start == at(18, 30)
    on = state_at(show, at(18, 40))
    assert not on.in_gap and on.remaining == timedelta(minutes=50)
    assert on.timings[1].actual_start == at(18, 30)


def test_a_late_show_is_absorbed_by_the_gap_in_the_projection() -> None:
    show = Show(plan_of(GAP), [act.start(at(17, 0))])
    state = state_at(show, at(17, 45))  # the talk 15′ over
    assert state.overtime and state.drift == timedelta(minutes=15)
    assert state.timings[1].projected_start == at(18, 30) and state.projected_end == at(19, 30)
    assert state.countdown_to_next == timedelta(minutes=45)


def test_follow_mode_in_a_gap_waits_for_the_next_item() -> None:
    show = Show(plan_of(GAP), [act.set_mode(at(16, 0), Mode.FOLLOW)])
    state = state_at(show, at(18, 0))
    assert state.in_gap and state.segment is not None and state.segment.id == "dinner"
    assert not state.overtime and state.until_gap_end_s == 30 * 60


def test_no_break_alerts_in_a_gap() -> None:
    show = Show(plan_of(GAP), [act.start(at(17, 0)), act.next_cue(at(17, 30))])
    alerts = plan_alerts(show, state_at(show, at(17, 31)))
    breaks = [a for a in alerts.upcoming if a.rule in (Rule.BREAK_STARTING, Rule.BREAK_ENDING, Rule.BREAK_OVER)]
    # Only the dinner's own (a meal is a break), at its planned times: nothing for the empty hour.
    assert {a.key: a.instant for a in breaks} == {
        "break_starting#1": at(18, 28),
        "break_ending#1": at(19, 25),
        "break_over#1": at(19, 30),
    }


def test_an_open_ended_item_is_never_over_time_and_has_no_wrapup() -> None:
    plan = plan_of(OPEN)
    reg = plan.segments[0]
    assert reg.open_end and reg.end == at(8, 30)
    assert plan.segments[1].approximate
    show = Show(plan, [act.start(at(7, 0))])
    state = state_at(show, at(8, 40))
    assert state.remaining is not None and state.remaining < timedelta(0)
    assert not state.overtime
    rules = {a.rule for a in plan_alerts(show, state_at(show, at(7, 1))).upcoming if a.segment_id == "reg"}
    assert not rules & {Rule.WRAPUP_WARNING, Rule.WRAPUP_DANGER, Rule.OVERTIME}


# ── 3. days ──────────────────────────────────────────────────────────────
def test_instants_with_their_day_and_a_warning_far_outside_the_event() -> None:
    plan = plan_of(GAP)
    assert parse_instant("07:04", plan) == at(7, 4)
    assert parse_instant("D2 07:04", plan) == at(7, 4, day=21)
    assert parse_instant("2012-09-21T07:04", plan) == at(7, 4, day=21)
    assert parse_instant(datetime(2012, 9, 21, 7, 4), plan) == at(7, 4, day=21)
    with pytest.raises(ValueError, match="D1"):
        parse_instant("D0 07:04", plan)
    with pytest.raises(ValueError, match="expected a time"):
        parse_instant("noon-ish", plan)
    assert far_outside(at(17, 0), plan) is None
    assert far_outside(at(4, 59), plan) is not None  # more than 12 h before 17:00
    warning = far_outside(at(7, 45, day=21), plan)  # more than 12 h after 19:30
    assert warning is not None and "after the event ends" in warning


def test_a_show_past_midnight_projects_into_the_next_day() -> None:
    plan = plan_of(
        """
[[part.segment]]
id = "late"
title = "Late show"
kind = "performance"
start = "23:30"
duration = "1h"
[[part.segment]]
id = "after"
title = "After-party"
kind = "meal"
start = "00:45"
duration = "2h"
"""
    )
    show = Show(plan, [act.start(at(23, 30)), act.next_cue(at(0, 30, day=21))])
    state = state_at(show, at(0, 40, day=21))
    assert state.in_gap and state.gap_until == at(0, 45, day=21)
    assert state.projected_end == at(2, 45, day=21)


# ── 4. show-end alerts ───────────────────────────────────────────────────
@pytest.mark.parametrize(("extra", "words"), [("", "Planned end of the show"), ('stream = "TV"', "Planned stream end")])
def test_show_end_alerts_mean_what_they_say(extra: str, words: str) -> None:
    plan = plan_of(GAP, extra)
    show = Show(plan, [act.start(at(17, 0))])
    alerts = {a.key: a for a in plan_alerts(show, state_at(show, at(17, 1))).upcoming}
    assert alerts["show_end_warning"].instant == at(19, 25)  # before the end, not before the dinner starts
    assert alerts["show_end"].instant == at(19, 30)
    assert words in alerts["show_end"].text
    assert (alerts["show_end"].detail == "stream") == bool(extra)
