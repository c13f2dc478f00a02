"""The live engine, stepped by hand: the show state is a function of plan, actions and now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from runshow.live import actions as act
from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.show import Rejected, Show, Status
from runshow.live.state import ShowState, ceil_seconds, state_at
from runshow.plan.model import Plan

At = Callable[..., datetime]
S = timedelta(seconds=1)


def show_of(plan: Plan, *actions: Action) -> Show:
    show = Show(plan)
    for action in actions:
        show.apply(action)
    return show


def st(plan: Plan, now: datetime, *actions: Action) -> ShowState:
    return state_at(show_of(plan, *actions), now)


# ── before the show ───────────────────────────────────────────────────────


def test_pre_show_counts_down_to_the_first_planned_start(plan_2021: Plan, at: At) -> None:
    s = st(plan_2021, at(13, 20))
    assert s.status is Status.PRE_SHOW
    assert s.cue is None and s.segment is None and s.remaining_s is None
    assert s.next_segment is not None and s.next_segment.id == "opening"
    assert s.countdown_to_next_s == 600
    assert s.drift_s == 0
    assert s.projected_end == at(16, 25)


def test_a_late_start_is_drift_before_anything_is_pressed(plan_2021: Plan, at: At) -> None:
    s = st(plan_2021, at(13, 32))
    assert s.status is Status.PRE_SHOW
    assert s.countdown_to_next_s == 0
    assert s.drift_s == 120
    assert s.projected_end == at(16, 27)


def test_start_late_then_the_whole_show_is_late(plan_2021: Plan, at: At) -> None:
    s = st(plan_2021, at(13, 33), act.start(at(13, 32)))
    assert s.status is Status.RUNNING and s.segment is not None and s.segment.id == "opening"
    assert s.remaining_s == 240
    assert s.drift_s == 120
    assert s.countdown_to_next_s == 240
    assert s.projected_end == at(16, 27)


# ── next through speakers, previous, goto ──────────────────────────────────


def test_next_walks_speakers_inside_a_segment_then_the_next_segment(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)), act.next_cue(at(13, 35)), act.next_cue(at(13, 40)))
    s = state_at(show, at(13, 41))
    assert s.segment is not None and s.segment.id == "congrats"
    assert s.speaker is not None and s.speaker.name == "국토교통부"
    assert s.next_speaker is not None and s.next_speaker.name == "산업통상자원부"
    assert s.remaining_s == 240
    # countdown_to_next counts to the next *segment*, past the second speaker
    assert s.countdown_to_next_s == 540
    assert s.next_segment is not None and s.next_segment.id == "policy"
    show.apply(act.next_cue(at(13, 45)))
    s = state_at(show, at(13, 45))
    assert s.speaker is not None and s.speaker.name == "산업통상자원부"
    assert s.next_speaker is None
    assert s.remaining_s == 300 and s.countdown_to_next_s == 300
    show.apply(act.next_cue(at(13, 50)))
    s = state_at(show, at(13, 50))
    assert s.segment is not None and s.segment.id == "policy" and s.speaker is None


def test_the_five_regions_in_order(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.goto(at(14, 0), "regions"))
    names = []
    for minute in range(5):
        s = state_at(show, at(14, minute * 10))
        assert s.speaker is not None
        names.append(s.speaker.name)
        show.apply(act.next_cue(at(14, minute * 10 + 10)))
    assert names == ["전남", "경북", "인천", "광주", "대구"]
    s = state_at(show, at(14, 50))
    assert s.segment is not None and s.segment.id == "break1"


def test_previous_restarts_the_previous_cue_now(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)), act.next_cue(at(13, 35)), act.previous(at(13, 36)))
    s = state_at(show, at(13, 36))
    assert s.segment is not None and s.segment.id == "opening"
    assert s.remaining_s == 300
    with pytest.raises(Rejected, match="first cue"):
        show.apply(act.previous(at(13, 37)))


def test_goto_starts_the_segment_now(plan_2021: Plan, at: At) -> None:
    s = st(plan_2021, at(15, 5), act.start(at(13, 30)), act.goto(at(15, 0), "kiet"))
    assert s.segment is not None and s.segment.id == "kiet"
    assert s.remaining_s == 300
    assert s.drift_s == 0


def test_goto_a_multi_speaker_segment_starts_its_first_speaker(plan_2021: Plan, at: At) -> None:
    s = st(plan_2021, at(14, 0), act.goto(at(14, 0), "regions"))
    assert s.speaker is not None and s.speaker.name == "전남"


def test_last_next_ends_the_show(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.goto(at(16, 20), "closing"), act.next_cue(at(16, 26)))
    s = state_at(show, at(16, 30))
    assert s.status is Status.ENDED
    assert s.cue is None and s.remaining_s is None and s.countdown_to_next_s is None
    assert s.projected_end == at(16, 26)
    assert s.drift_s == 60
    with pytest.raises(Rejected, match="ended"):
        show.apply(act.next_cue(at(16, 31)))
    show.apply(act.previous(at(16, 32)))  # back into 폐회
    assert state_at(show, at(16, 32)).segment is not None


# ── pause, resume, adjust ─────────────────────────────────────────────────


def test_paused_time_is_excluded_from_run_time(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)), act.pause(at(13, 31)))
    s = state_at(show, at(13, 33))
    assert s.status is Status.PAUSED
    assert s.remaining_s == 240
    assert s.drift_s == 120  # the projected end slides while paused
    show.apply(act.resume(at(13, 33)))
    s = state_at(show, at(13, 34))
    assert s.status is Status.RUNNING
    assert s.elapsed == timedelta(minutes=2)
    assert s.remaining_s == 180
    assert s.drift_s == 120


def test_adjust_grants_and_takes_time(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)), act.adjust(at(13, 31), 120))
    s = state_at(show, at(13, 31))
    assert s.length == timedelta(minutes=7) and s.remaining_s == 360 and s.drift_s == 120
    show.apply(act.adjust(at(13, 32), -180))
    s = state_at(show, at(13, 32))
    assert s.length == timedelta(minutes=4) and s.remaining_s == 120 and s.drift_s == -60
    with pytest.raises(Rejected, match="whole length"):
        show.apply(act.adjust(at(13, 32), -240))


def test_overtime_counts_up_negative(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)))
    assert state_at(show, at(13, 35)).remaining_s == 0
    s = state_at(show, at(13, 35, 0, 500_000))
    assert s.remaining_s == 0 and s.overtime
    s = state_at(show, at(13, 35, 1))
    assert s.remaining_s == -1 and s.drift_s == 1
    assert s.countdown_to_next_s == 0
    assert s.projected_end == at(16, 25, 1)


# ── follow mode and take-over ─────────────────────────────────────────────


def test_follow_mode_is_the_plan_at_now(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.set_mode(at(13, 0), Mode.FOLLOW))
    assert state_at(show, at(13, 29)).status is Status.PRE_SHOW
    s = state_at(show, at(14, 12, 30))
    assert s.status is Status.RUNNING and s.mode is Mode.FOLLOW
    assert s.speaker is not None and s.speaker.name == "경북"
    assert s.remaining_s == 450 and s.drift_s == 0
    assert s.countdown_to_next_s == 30 * 60 + 450
    assert state_at(show, at(16, 25)).status is Status.ENDED


def test_a_cue_action_in_follow_mode_takes_over_at_the_plans_cue(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.set_mode(at(13, 0), Mode.FOLLOW), act.next_cue(at(14, 12)))
    s = state_at(show, at(14, 12))
    assert s.mode is Mode.MANUAL
    assert s.speaker is not None and s.speaker.name == "인천"  # 경북 was on; next moved on now
    assert s.remaining_s == 600 and s.drift_s == -480  # 인천 planned to end 14:30, now 14:22


def test_taking_over_with_pause_keeps_the_plans_timing(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.set_mode(at(13, 0), Mode.FOLLOW), act.pause(at(13, 32)))
    s = state_at(show, at(13, 34))
    assert s.status is Status.PAUSED and s.mode is Mode.MANUAL
    assert s.remaining_s == 180 and s.drift_s == 120


def test_a_rejected_action_in_follow_mode_leaves_no_half_take_over(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.set_mode(at(13, 0), Mode.FOLLOW))
    assert show.check(act.start(at(14, 0))) == "the show has already started"
    with pytest.raises(Rejected):
        show.apply(act.start(at(14, 0)))
    assert show.progress.mode is Mode.FOLLOW
    assert state_at(show, at(14, 25)).speaker.name == "인천"  # type: ignore[union-attr]


def test_follow_mode_ignores_grants_made_in_manual(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)), act.adjust(at(13, 31), 300), act.set_mode(at(13, 32), Mode.FOLLOW))
    assert state_at(show, at(13, 34)).remaining_s == 60


def test_taking_over_does_not_revive_an_old_grant(plan_2021: Plan, at: At) -> None:
    show = show_of(
        plan_2021,
        act.start(at(13, 30)),
        act.adjust(at(13, 30, 30), 300),
        act.set_mode(at(13, 31), Mode.FOLLOW),
        act.set_mode(at(13, 32), Mode.MANUAL),
    )
    s = state_at(show, at(13, 32))
    assert s.remaining_s == 180 and s.drift_s == 0  # exactly where follow mode had it


def test_back_to_manual_keeps_the_plans_cue(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.set_mode(at(13, 0), Mode.FOLLOW), act.set_mode(at(15, 5), Mode.MANUAL))
    s = state_at(show, at(15, 6))
    assert s.mode is Mode.MANUAL and s.segment is not None and s.segment.id == "kiet"
    assert s.remaining_s == 240
    with pytest.raises(Rejected, match="already in manual"):
        show.apply(act.set_mode(at(15, 7), Mode.MANUAL))


# ── rejected actions ──────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("action", "reason"),
    [
        (Action(ActionKind.NEXT, datetime.min), "has not started"),
        (Action(ActionKind.PREVIOUS, datetime.min), "has not started"),
        (Action(ActionKind.PAUSE, datetime.min), "nothing is running"),
        (Action(ActionKind.RESUME, datetime.min), "not paused"),
        (Action(ActionKind.ADJUST, datetime.min, seconds=60), "no cue is on"),
        (Action(ActionKind.GOTO, datetime.min, segment="nope"), "no segment"),
        (Action(ActionKind.MESSAGE, datetime.min, text="  "), "empty message"),
        (Action(ActionKind.MODE, datetime.min), "manual or follow"),
    ],
)
def test_actions_that_do_not_apply_before_the_show(plan_2021: Plan, at: At, action: Action, reason: str) -> None:
    show = Show(plan_2021)
    timed = Action(action.kind, at(13, 0), action.segment, action.seconds, action.mode, action.text, action.on)
    got = show.check(timed)
    assert got is not None and reason in got
    assert show.apply(timed, strict=False) is False
    assert show.actions == []


def test_start_twice_and_adjust_by_zero_and_time_going_back(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)))
    assert show.check(act.start(at(13, 31))) == "the show has already started"
    assert show.check(act.adjust(at(13, 31), 0)) is not None
    assert show.check(act.next_cue(at(13, 29))) == "action is older than the last one applied"


def test_an_absurd_grant_is_refused_not_a_crash(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)))
    assert show.check(act.adjust(at(13, 31), 10**15)) == "adjust by at most 24 hours"
    show.apply(act.adjust(at(13, 31), 24 * 3600))
    assert show.check(act.adjust(at(13, 31), 1)) == "a cue cannot be granted more than 24 hours"
    assert state_at(show, at(13, 32)).remaining_s == 24 * 3600 + 180


def test_a_corrupt_action_time_is_refused_not_a_crash(plan_2021: Plan, at: At) -> None:
    far = at(13, 30).replace(year=9999, month=12, day=31)
    show = Show(plan_2021, [act.start(far)])
    assert show.actions == []
    assert show.check(act.start(datetime(2021, 10, 15, 13, 30))) == "action time has no time zone"
    assert state_at(show, at(13, 0)).status is Status.PRE_SHOW


def test_messages_and_blackout_do_not_touch_timing(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)), act.message(at(13, 31), "wrap up"), act.blackout(at(13, 31), True))
    s = state_at(show, at(13, 32))
    assert s.message == "wrap up" and s.blackout and s.remaining_s == 180
    show.apply(act.clear_message(at(13, 33)))
    show.apply(act.blackout(at(13, 33), False))
    s = state_at(show, at(13, 33))
    assert s.message is None and not s.blackout


# ── the flip: every shown second changes exactly on its boundary ───────────


def flips(show: Show, start: datetime, until: datetime) -> list[datetime]:
    """The instants a timer following ``next_flip`` would wake at."""
    out: list[datetime] = []
    now = start
    while now < until:
        now = state_at(show, now).next_flip
        assert now > (out[-1] if out else start)
        out.append(now)
    return out


def test_the_first_second_after_start_shows_the_full_length(plan_2021: Plan, at: At) -> None:
    t0 = at(13, 30, 0, 250_000)  # pressed at an arbitrary sub-second
    show = show_of(plan_2021, act.start(t0))
    assert state_at(show, t0).remaining_s == 300
    assert state_at(show, t0 + S - timedelta(microseconds=1)).remaining_s == 300  # 05:00 for the whole second
    assert state_at(show, t0 + S).remaining_s == 299  # 04:59 exactly 1.000 s after start
    assert t0 + S in flips(show, t0, t0 + 2 * S)  # and a timer is woken exactly then


def test_the_first_second_after_next_shows_the_full_length(plan_2021: Plan, at: At) -> None:
    t1 = at(13, 35, 2, 700_000)
    show = show_of(plan_2021, act.start(at(13, 30)), act.next_cue(t1))
    assert state_at(show, t1).remaining_s == 300
    assert state_at(show, t1 + S - timedelta(microseconds=1)).remaining_s == 300
    assert state_at(show, t1 + S).remaining_s == 299
    assert t1 + S in flips(show, t1, t1 + 2 * S)


def test_next_flip_is_the_next_change_of_any_shown_number(plan_2021: Plan, at: At) -> None:
    t0 = at(13, 30, 0, 250_000)
    show = show_of(plan_2021, act.start(t0))
    # the countdown and the wall clock each flip once a second, a quarter second apart
    assert flips(show, t0, t0 + 2 * S) == [at(13, 30, 1), t0 + S, at(13, 30, 2), t0 + 2 * S]
    # overtime: drift rises, so its ceiling changes just *after* the boundary
    late = t0 + timedelta(minutes=5, seconds=3)
    s = state_at(show, late)
    assert s.drift_s == 4 and s.remaining_s == -3
    rise = next(f for f in flips(show, late, late + S) if state_at(show, f).drift_s == 5)
    assert state_at(show, rise - timedelta(microseconds=1)).drift_s == 4


def test_paused_next_flip_follows_the_rising_drift(plan_2021: Plan, at: At) -> None:
    t0 = at(13, 30, 0, 250_000)
    show = show_of(plan_2021, act.start(t0), act.pause(t0 + timedelta(seconds=10)))
    now = t0 + timedelta(seconds=20, milliseconds=100)
    shown = state_at(show, now).drift_s
    changes = [f for f in flips(show, now, now + S) if state_at(show, f).drift_s != shown]
    assert changes, "a paused cue's drift rises: a timer must be woken for it"
    assert state_at(show, changes[0] - timedelta(microseconds=1)).drift_s == shown


@pytest.mark.parametrize("us", [0, 1, 250_000, 999_999])
def test_ceil_seconds(us: int) -> None:
    assert ceil_seconds(timedelta(seconds=4, microseconds=us)) == (4 if us == 0 else 5)
    assert ceil_seconds(-timedelta(seconds=4, microseconds=us)) == -4


def test_state_keeps_its_own_timings_when_the_show_moves_on(plan_2021: Plan, at: At) -> None:
    show = show_of(plan_2021, act.start(at(13, 30)))
    s = state_at(show, at(13, 31))
    show.apply(act.next_cue(at(13, 32)))
    assert s.timings[0].actual_end is None  # taken before next: must not see it
    assert state_at(show, at(13, 32)).timings[0].actual_end == at(13, 32)


def test_timings_chain_later_cues_from_the_current_one(plan_2021: Plan, at: At) -> None:
    s = st(plan_2021, at(13, 34), act.start(at(13, 32)))
    t = s.timings
    assert t[0].actual_start == at(13, 32) and t[0].projected_end == at(13, 37)
    assert t[1].projected_start == at(13, 37) and t[1].projected_end == at(13, 42)
    assert t[-1].projected_end == s.projected_end == at(16, 27)
    assert t[-1].delta == timedelta(minutes=2)
