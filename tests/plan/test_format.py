"""The format for real events (issue 14): each shape a real agenda has, on a small schedule.

Untimed speakers, loose structure in a slot, open ends and gaps, several days and midnight,
parallel rooms, more kinds with their alert defaults, a moderator, 12-hour times, and the
messages that say how to write what the author meant.
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from runshow.plan import ScheduleError, parse_plan
from runshow.plan.errors import Problem
from runshow.plan.kinds import SegmentKind, SpeakerRole
from runshow.plan.model import Plan
from runshow.plan.values import parse_time
from tests.conftest import SCHEDULE_2021

M = timedelta(minutes=1)
HEAD = '[event]\ntitle = "T"\ndate = 2012-09-19\ntimezone = "America/Denver"\n\n'


def plan_of(body: str) -> Plan:
    return parse_plan((HEAD + body).encode(), "f.toml")


def problems_of(body: str) -> list[Problem]:
    with pytest.raises(ScheduleError) as info:
        plan_of(body)
    return info.value.problems


def seg(id: str, kind: str = "talk", **keys: str) -> str:
    lines = [f'[[part.segment]]\nid = "{id}"\ntitle = "{id.upper()}"\nkind = "{kind}"']
    lines += [f"{k} = {v}" for k, v in keys.items()]
    return "\n".join(lines) + "\n"


def speaker(name: str, duration: str | None = None, **keys: str) -> str:
    lines = [f'[[part.segment.speaker]]\nname = "{name}"']
    if duration is not None:
        lines.append(f'duration = "{duration}"')
    lines += [f"{k} = {v}" for k, v in keys.items()]
    return "\n".join(lines) + "\n"


PART = '[[part]]\nid = "p"\ntitle = "P"\n'


# 1. speakers without their own times ───────────────────────────────────────


def test_speakers_without_times_share_the_segment_in_order() -> None:
    plan = plan_of(
        PART + seg("acts", "ceremony", start='"15:00"', duration='"10m"') + speaker("A") + speaker("B") + speaker("C")
    )
    (s,) = plan.segments
    assert [sp.name for sp in s.speakers] == ["A", "B", "C"]
    assert [sp.timed for sp in s.speakers] == [False, False, False]
    assert sum((sp.duration for sp in s.speakers), timedelta(0)) == 10 * M  # cues still chain exactly
    assert [sp.duration.total_seconds() for sp in s.speakers] == [200, 200, 200]
    assert s.untimed_speakers


def test_timed_and_untimed_speakers_mix_the_untimed_get_what_is_left() -> None:
    body = PART + seg("a", start='"15:00"', duration='"10m"') + speaker("X", "4m") + speaker("Y") + speaker("Z")
    (s,) = plan_of(body).segments
    assert [(sp.name, sp.duration, sp.timed) for sp in s.speakers] == [
        ("X", 4 * M, True),
        ("Y", 3 * M, False),
        ("Z", 3 * M, False),
    ]


def test_untimed_speakers_need_time_left_over() -> None:
    body = PART + seg("a", start='"15:00"', duration='"10m"') + speaker("X", "10m") + speaker("Y")
    (p,) = problems_of(body)
    assert p.field == "part[1].segment[1].speaker" and "no time" in p.message


# 2. loose structure inside a slot ──────────────────────────────────────────


def test_approximate_slots_then_a_discussion_fill_a_panel() -> None:
    # "about 8 panellists x 3 min, then discussion" in 90'
    body = PART + seg("panel", "panel", start='"09:00"', duration='"90m"')
    body += "".join(speaker(f"P{i}", "~3m", role='"panelist"') for i in range(8)) + speaker("Discussion")
    (s,) = plan_of(body).segments
    assert [sp.duration for sp in s.speakers[:8]] == [3 * M] * 8
    assert s.speakers[0].approximate and s.speakers[0].role is SpeakerRole.PANELIST
    assert (s.speakers[8].duration, s.speakers[8].timed) == (66 * M, False)


def test_approximate_slots_that_do_not_fit_are_squeezed_into_the_slot() -> None:
    body = (
        PART
        + seg("panel", "panel", start='"09:00"', duration='"20m"')
        + "".join(speaker(f"P{i}", "~3m") for i in range(8))
    )
    (s,) = plan_of(body).segments
    assert sum((sp.duration for sp in s.speakers), timedelta(0)) == 20 * M
    assert {sp.duration.total_seconds() for sp in s.speakers[:7]} == {150}


def test_an_approximate_segment_length() -> None:
    (s,) = plan_of(PART + seg("a", start='"09:00"', duration='"~45m"')).segments
    assert s.approximate and s.duration == 45 * M


# 3. open ends and gaps ─────────────────────────────────────────────────────


def test_an_open_registration_runs_until_the_next_item_and_has_no_wrapup_or_overtime() -> None:
    body = (
        PART
        + seg("reg", "registration", start='"7:00 AM"', open_end="true")
        + seg("open", "ceremony", start='"08:30"', duration='"15m"')
    )
    reg, opening = plan_of(body).segments
    assert (reg.open_end, f"{reg.start:%H:%M}", f"{reg.end:%H:%M}") == (True, "07:00", "08:30")
    assert reg.alerts.wrapup_warning is None and reg.alerts.overtime is False
    assert opening.start == reg.end


def test_an_open_end_with_nothing_after_it_needs_a_length() -> None:
    (p,) = problems_of(PART + seg("a", start='"09:00"', duration='"5m"') + seg("reg", "registration", open_end="true"))
    assert p.code == "length.open_last" and p.field == "part[1].segment[2]"


def test_the_segment_after_an_open_end_needs_a_start() -> None:
    found = problems_of(PART + seg("reg", "registration", start='"07:00"', open_end="true") + seg("b", duration='"5m"'))
    assert "start.after_open" in [p.code for p in found]


def test_an_empty_hour_before_dinner_is_a_gap_not_a_break() -> None:
    body = (
        PART + seg("last", start='"16:00"', duration='"1h"') + seg("dinner", "meal", start='"18:00"', duration='"90m"')
    )
    plan = plan_of(body)
    (gap,) = plan.gaps
    assert (gap.after, gap.before, gap.length) == ("last", "dinner", timedelta(hours=1))
    assert not plan.segment("last").is_break and plan.segment("dinner").is_break


# 4. several days, midnight ─────────────────────────────────────────────────


def test_parts_on_three_days() -> None:
    body = PART + seg("d1", start='"13:00"', duration='"1h"')
    body += '[[part]]\nid = "day2"\ntitle = "Day 2"\ndate = 2012-09-20\n' + seg("d2", start='"07:00"', duration='"1h"')
    body += '[[part]]\nid = "day3"\ntitle = "Day 3"\ndate = 2012-09-21\n' + seg("d3", start='"08:00"', duration='"30m"')
    body += seg("d3b", start='"09:00"', duration='"30m"')
    plan = plan_of(body)
    assert [s.start.date() for s in plan.segments] == [
        date(2012, 9, 19),
        date(2012, 9, 20),
        date(2012, 9, 21),
        date(2012, 9, 21),
    ]
    assert plan.event.last_date == date(2012, 9, 21)
    assert plan.parts[1].date == date(2012, 9, 20)


def test_a_segment_may_give_its_own_date_or_a_toml_date_time() -> None:
    body = PART + seg("a", start='"13:00"', duration='"1h"') + seg("b", start="2012-09-20T07:00:00", duration='"1h"')
    body += seg("c", date="2012-09-21", start='"07:00"', duration='"1h"')
    assert [f"{s.start:%d %H:%M}" for s in plan_of(body).segments] == ["19 13:00", "20 07:00", "21 07:00"]


def test_a_night_show_runs_past_midnight_and_goes_on_into_the_next_day() -> None:
    body = (
        PART
        + seg("late", start='"23:30"', duration='"1h"')
        + seg("after", start='"00:45"', duration='"30m"')
        + seg("chained", duration='"15m"')
    )
    late, after, chained = plan_of(body).segments
    assert f"{late.end:%d %H:%M}" == "20 00:30"
    assert f"{after.start:%d %H:%M}" == "20 00:45"
    assert f"{chained.end:%d %H:%M}" == "20 01:30"


def test_an_overnight_end_says_use_duration_or_give_the_date() -> None:
    (p,) = problems_of(PART + seg("late", start='"23:30"', end='"00:30"'))
    assert p.field == "part[1].segment[1].end"
    assert "write `duration` instead of `end`" in p.message and "end = 2012-09-20T00:30:00" in p.message
    assert "2012-09-20T00:30:00" in p.worded("ko") and "자정" in p.worded("ko")


def test_a_day_two_start_without_a_date_says_give_the_date() -> None:
    (p,) = problems_of(PART + seg("a", start='"18:00"', duration='"1h"') + seg("b", start='"07:04"', duration='"1h"'))
    assert p.code == "order.before"
    assert "give `date = 2012-09-20` on this segment or its part" in p.message


def test_a_toml_date_time_where_a_time_of_day_belongs_is_not_a_python_repr() -> None:
    found = problems_of(PART + seg("a", start='"09:00"', duration="2012-09-20T07:00:00"))
    assert all("datetime.datetime" not in str(p) for p in found)
    assert "2012-09-20T07:00:00" in found[0].message


def test_a_quoted_date_is_refused_with_the_fix() -> None:
    with pytest.raises(ScheduleError) as info:
        parse_plan(SCHEDULE_2021.read_bytes().replace(b"date = 2021-10-15", b'date = "2021-10-15"'), "x.toml")
    (p,) = info.value.problems
    assert p.code == "date.quoted" and "write the date without quotes (date = 2021-10-15)" in p.message


# 5. parallel rooms ──────────────────────────────────────────────────────────


ROOMS = (
    PART
    + seg("plenary", "keynote", start='"09:00"', duration='"1h"')
    + '[[part]]\nid = "ba"\ntitle = "Breakout A"\nroom = "Salon A"\n'
    + seg("a1", start='"10:00"', duration='"45m"')
    + '[[part]]\nid = "bb"\ntitle = "Breakout B"\nroom = "Salon B"\n'
    + seg("b1", start='"10:00"', duration='"30m"')
    + seg("b2", duration='"30m"')
    + '[[part]]\nid = "close"\ntitle = "Close"\n'
    + seg("wrap", "closing", start='"11:00"', duration='"15m"')
)


def test_parallel_rooms_overlap_and_the_app_runs_one_track() -> None:
    plan = plan_of(ROOMS)
    assert plan.rooms == ("Salon A", "Salon B")
    assert plan.room == "Salon A"
    assert [s.id for s in plan.segments] == ["plenary", "a1", "wrap"]
    assert [s.id for s in plan.all_segments] == ["plenary", "a1", "b1", "b2", "wrap"]
    b = plan.for_room("Salon B")
    assert [s.id for s in b.segments] == ["plenary", "b1", "b2", "wrap"]
    assert [p.id for p in b.parts] == ["p", "bb", "close"]
    assert [g.length for g in b.gaps] == [] and [g.length for g in plan.gaps] == [15 * M]


def test_an_overlap_in_one_room_says_parallel_sessions_need_a_room() -> None:
    (p,) = problems_of(PART + seg("a", start='"09:00"', duration='"1h"') + seg("b", start='"09:30"', duration='"1h"'))
    assert p.code == "order.overlap" and "need their own `room`" in p.message


# 6. kinds and their alert defaults ──────────────────────────────────────────


def test_more_kinds_with_sensible_alert_defaults() -> None:
    body = PART + "".join(
        seg(k, k, **({"start": '"09:00"'} if i == 0 else {}), duration='"10m"')
        for i, k in enumerate(["performance", "registration", "meal", "keynote", "award", "video"])
    )
    plan = plan_of(body)
    kinds = {s.id: s for s in plan.segments}
    assert kinds["video"].alerts.wrapup_warning is None and kinds["video"].alerts.speaker_standby is None
    assert kinds["performance"].alerts.wrapup_warning is None
    assert kinds["registration"].alerts.overtime is False
    assert kinds["meal"].is_break and kinds["meal"].alerts.break_ending == 5 * M
    assert kinds["keynote"].alerts.wrapup_warning == 2 * M  # a keynote is a talk
    assert {s.kind for s in plan.segments} >= {SegmentKind.VIDEO, SegmentKind.AWARD}


def test_a_kinds_defaults_can_be_changed_for_the_event_and_for_one_segment() -> None:
    body = '[alerts.kind.video]\nwrapup_warning = "30s"\n\n' + PART
    body += seg("v1", "video", start='"09:00"', duration='"3m"')
    body += seg("v2", "video", duration='"3m"') + '[part.segment.alerts]\nwrapup_warning = "off"\n'
    v1, v2 = plan_of(body).segments
    assert v1.alerts.wrapup_warning == timedelta(seconds=30) and v2.alerts.wrapup_warning is None


def test_the_2021_kinds_keep_their_alerts() -> None:
    from runshow.plan import load_plan

    plan = load_plan(SCHEDULE_2021)
    assert {s.alerts.wrapup_warning for s in plan.segments} == {2 * M}
    assert [s.id for s in plan.segments if s.is_break] == ["break1", "break2"]


# 7. a moderator ─────────────────────────────────────────────────────────────


def test_a_moderator_for_the_segment_and_as_a_speaker() -> None:
    body = PART + seg("panel", "panel", start='"14:00"', duration='"30m"', moderator='"김사회"')
    body += speaker("좌장", "5m", role='"moderator"') + speaker("Panel")
    (s,) = plan_of(body).segments
    assert s.moderator == "김사회"
    assert [sp.role for sp in s.speakers] == [SpeakerRole.MODERATOR, SpeakerRole.SPEAKER]


# 9. 12-hour times ───────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1:30 PM", time(13, 30)),
        ("1:30pm", time(13, 30)),
        ("12:00 AM", time(0, 0)),
        ("12:15 p.m.", time(12, 15)),
        ("7 AM", time(7, 0)),
        ("오후 1:30", time(13, 30)),
        ("오전 9:05", time(9, 5)),
        ("오후 1시 30분", time(13, 30)),
        ("오전 12시", time(0, 0)),
        ("13시", time(13, 0)),
    ],
)
def test_twelve_hour_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("bad", ["13:30 PM", "0:30 AM", "오후 13:00", "1:30 XM"])
def test_twelve_hour_times_out_of_range_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="expected a time like"):
        parse_time(bad)


# hard stop, and how far a segment may shrink ────────────────────────────────


def test_a_plan_that_ends_after_its_hard_stop_is_refused() -> None:
    body = PART + seg("a", start='"16:00"', duration='"30m"')
    with pytest.raises(ScheduleError) as info:
        parse_plan((HEAD.replace("\n\n", '\nhard_stop = "16:25"\n\n') + body).encode(), "f.toml")
    (p,) = info.value.problems
    assert (p.field, p.code) == ("event.hard_stop", "hard_stop.before_end") and "16:30:00" in p.message


def test_a_part_may_have_its_own_hard_stop() -> None:
    body = '[[part]]\nid = "p"\ntitle = "P"\nhard_stop = "4:25 PM"\n' + seg("a", start='"16:00"', duration='"20m"')
    assert f"{plan_of(body).parts[0].hard_stop:%H:%M}" == "16:25"


@pytest.mark.parametrize(
    ("keys", "code"),
    [
        ({"min": '"5m"', "flex": '"2m"'}, "flex.both"),
        ({"min": '"15m"'}, "flex.over"),
        ({"flex": '"11m"'}, "flex.over"),
        ({"trim_order": "1"}, "trim.without_flex"),
        ({"min": '"5m"', "trim_order": "0"}, "int.range"),
        ({"min": '"5m"', "trim_order": '"1"'}, "type.int"),
    ],
)
def test_min_flex_and_trim_order_are_checked(keys: dict[str, str], code: str) -> None:
    (p,) = problems_of(PART + seg("a", start='"09:00"', duration='"10m"', **keys))
    assert p.code == code, p


def test_flex_sets_the_least_length() -> None:
    (s,) = plan_of(PART + seg("a", start='"09:00"', duration='"10m"', flex='"3m"', trim_order="2")).segments
    assert (s.min_length, s.trim_order) == (7 * M, 2)


# the second example: a real multi-day agenda ───────────────────────────────


def test_the_kam_2025_example_validates_with_its_days_gaps_rooms_and_kinds() -> None:
    from runshow.plan import load_plan

    plan = load_plan(SCHEDULE_2021.parent / "2025-kam-annual-conference.toml")
    assert plan.event.id == "kam-2025-annual-conference" and plan.event.last_date == date(2025, 10, 31)
    assert plan.rooms == ("Workshop room 1", "Workshop room 2")
    days = sorted({s.start.date() for s in plan.all_segments})
    assert days == [date(2025, 10, d) for d in (28, 29, 30, 31)]
    keynote = plan.segment("keynote")
    assert (f"{keynote.start:%H:%M}", f"{keynote.end:%H:%M}", keynote.kind) == ("09:55", "10:45", SegmentKind.KEYNOTE)
    gaps = {(g.after, g.before): g.length for g in plan.gaps}
    assert gaps[("new-member-reception", "exhibitor-reception")] == timedelta(hours=1)  # dinner on your own
    (voting,) = plan.custom_alerts
    assert voting.at is not None and f"{voting.at:%Y-%m-%d %H:%M}" == "2025-10-30 08:00"
    other = plan.for_room("Workshop room 2")
    assert [s.id for s in other.segments[:4]] == [
        "tue-registration",
        "morning-workshop",
        "afternoon-workshop",
        "tue-registration-2",
    ]
