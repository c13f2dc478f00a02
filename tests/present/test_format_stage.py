"""What the stage says on real events' shapes (issue 14): gaps, untimed speakers, open ends, days, ≈."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from runshow.live import actions as act
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.present import timefmt
from runshow.present.stage_content import Level, Role, stage_content
from runshow.present.translate import english, korean
from tests.live.test_format_engine import CEREMONY, GAP, OPEN, at, plan_of

Z = ZoneInfo("Asia/Seoul")


def test_a_gap_shows_the_time_to_the_next_item_not_overtime() -> None:
    plan = plan_of(GAP)
    show = Show(plan, [act.start(at(17, 0)), act.next_cue(at(17, 30))])
    c = stage_content(state_at(show, at(17, 45)), plan.event, english())
    assert c.title == "Dinner" and c.caption == "Starts at 18:30"
    assert c.countdown == "45:00" and c.level is Level.NEUTRAL
    assert c.next_label == "Nothing scheduled until then"
    ko = stage_content(state_at(show, at(17, 45)), plan.event, korean())
    assert ko.caption == "18:30 시작"


def test_an_untimed_speaker_shows_the_strip_and_the_segments_time_left() -> None:
    plan = plan_of(CEREMONY)
    show = Show(plan, [act.start(at(15, 0)), act.next_cue(at(15, 1))])
    c = stage_content(state_at(show, at(15, 3)), plan.event, english())
    assert c.caption == "Segment time left" and c.countdown == "07:00"
    assert [(i.name, i.role) for i in c.strip] == [("A", Role.DONE), ("B", Role.NOW), ("C", Role.NEXT)]
    assert c.presenter == "B"
    assert stage_content(state_at(show, at(15, 3)), plan.event, korean()).caption == "순서 남은 시간"


def test_an_open_end_reads_until_the_next_item_and_never_overtime() -> None:
    plan = plan_of(OPEN)
    show = Show(plan, [act.start(at(7, 0))])
    c = stage_content(state_at(show, at(8, 40)), plan.event, english())
    assert c.caption == "Until the next item" and c.countdown == "00:00" and c.level is not Level.OVERTIME


def test_an_approximate_item_says_so() -> None:
    plan = plan_of(OPEN)
    show = Show(plan, [act.start(at(7, 0)), act.next_cue(at(8, 30))])
    c = stage_content(state_at(show, at(8, 31)), plan.event, english())
    assert c.caption == f"{timefmt.APPROX} Time left"


def test_times_on_another_day_print_their_day() -> None:
    day1 = datetime(2012, 9, 20, tzinfo=Z).date()
    assert timefmt.clock_hm_day(datetime(2012, 9, 20, 9, 0, tzinfo=Z), Z, day1) == "09:00"
    assert timefmt.clock_hm_day(datetime(2012, 9, 21, 9, 0, tzinfo=Z), Z, day1) == "D2 09:00"
    assert timefmt.clock_hm_day(datetime(2012, 9, 19, 9, 0, tzinfo=Z), Z, day1) == "09/19 09:00"
    late = timefmt.span_hm(datetime(2012, 9, 20, 23, 30, tzinfo=Z), datetime(2012, 9, 21, 0, 30, tzinfo=Z), Z, day1)
    assert late == "23:30–D2 00:30"
    plan = plan_of(GAP.replace('start = "17:00"', "start = 2012-09-21T17:00:00"))
    c = stage_content(state_at(Show(plan), at(9, 0)), plan.event, english())
    assert c.caption == "Until the D2 17:00 start"
