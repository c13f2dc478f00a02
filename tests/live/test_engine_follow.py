"""Follow mode never rewrites what happened (issue 11, finding 3), at hand-written instants."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from runshow.live import actions as act
from runshow.live.actions import Action, Mode
from runshow.live.show import Show, Status
from runshow.live.state import ShowState, state_at
from runshow.plan.model import Plan

At = Callable[..., datetime]
M = timedelta(minutes=1)


def late_panel(at: At) -> list[Action]:
    """On time until break2, which runs over: the panel starts 2:42 late at 15:42:42."""
    return [act.start(at(13, 30)), act.goto(at(15, 30), "break2"), act.next_cue(at(15, 42, 42))]


def recorded(s: ShowState) -> list[tuple[str, datetime | None, datetime | None]]:
    return [(t.cue.label, t.actual_start, t.actual_end) for t in s.timings]


def test_follow_keeps_every_recorded_time_and_the_running_cue(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, late_panel(at))
    before = state_at(show, at(15, 50))
    show.apply(act.set_mode(at(15, 50), Mode.FOLLOW))
    after = state_at(show, at(15, 50))
    assert recorded(after) == recorded(before)  # nothing recorded moved to its planned time
    assert after.segment is not None and after.segment.id == "panel"
    assert after.elapsed == before.elapsed == timedelta(minutes=7, seconds=18)  # the panel kept its run time
    # From here the plan's times: the panel gives way at its planned end, 16:20.
    assert after.remaining == timedelta(minutes=30) and after.drift == timedelta(0)
    assert after.projected_end == at(16, 25)
    panel = after.timings[-2]
    assert panel.actual_start == at(15, 42, 42) and panel.actual_end is None
    assert state_at(show, at(16, 19, 59)).segment.id == "panel"  # type: ignore[union-attr]
    closing = state_at(show, at(16, 20))
    assert closing.segment is not None and closing.segment.id == "closing" and closing.remaining == 5 * M
    t = closing.timings
    assert (t[-2].actual_start, t[-2].actual_end) == (at(15, 42, 42), at(16, 20))
    assert t[-1].actual_start == at(16, 20)
    assert [r[1:] for r in recorded(closing)[:-2]] == [r[1:] for r in recorded(before)[:-2]]
    ended = state_at(show, at(16, 30))
    assert (
        ended.status is Status.ENDED
        and ended.projected_end == at(16, 25)
        and ended.timings[-1].actual_end == at(16, 25)
    )


def test_pressing_f_twice_gives_the_running_row_no_actual_end(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, late_panel(at))
    manual = state_at(show, at(15, 50))
    show.apply(act.set_mode(at(15, 50), Mode.FOLLOW))
    following = state_at(show, at(15, 50, 1))
    show.apply(act.set_mode(at(15, 50, 1), Mode.MANUAL))
    back = state_at(show, at(15, 50, 1))
    assert back.mode is Mode.MANUAL and back.segment is not None and back.segment.id == "panel"
    assert back.timings[-2].actual_end is None and back.timings[-2].actual_start == at(15, 42, 42)
    assert recorded(back) == recorded(manual)
    # Manual continues from the cue that is on, exactly as follow mode had it.
    assert (back.remaining, back.drift, back.projected_end) == (
        following.remaining,
        following.drift,
        following.projected_end,
    )
    show.apply(act.next_cue(at(16, 0)))
    s = state_at(show, at(16, 0))
    assert s.segment is not None and s.segment.id == "closing" and s.timings[-2].actual_end == at(16, 0)


def test_following_a_cue_past_its_planned_end_changes_at_once_and_skips_nothing(plan_2021: Plan, at: At) -> None:
    # 전남 (14:00–14:10) started 3 minutes late and is in overtime at 14:14.
    show = Show(plan_2021, [act.goto(at(14, 3), "regions")])
    show.apply(act.set_mode(at(14, 14), Mode.FOLLOW))
    s = state_at(show, at(14, 14))
    assert s.speaker is not None and s.speaker.name == "경북"  # not 인천: no cue is skipped
    assert s.timings[s.cue.index - 1].actual_end == at(14, 14)  # type: ignore[union-attr]
    # Later cues keep the plan's lengths, 4 minutes behind its clock (14:14 − 14:10).
    assert s.remaining == 10 * M and s.drift == 4 * M and s.projected_end == at(16, 29)
    s = state_at(show, at(14, 24))
    assert s.speaker is not None and s.speaker.name == "인천" and s.timings[s.cue.index].actual_start == at(14, 24)  # type: ignore[union-attr]


def test_following_a_late_cue_still_on_cuts_it_at_its_planned_end(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, [act.goto(at(14, 3), "regions")])  # 전남 3 minutes late, 7 minutes in at 14:10
    show.apply(act.set_mode(at(14, 8), Mode.FOLLOW))
    assert state_at(show, at(14, 8)).remaining == 2 * M
    s = state_at(show, at(14, 10))
    assert s.speaker is not None and s.speaker.name == "경북" and s.drift == timedelta(0)


def test_follow_drops_a_pause_without_counting_it_as_run_time(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, [act.start(at(13, 30)), act.pause(at(13, 31)), act.set_mode(at(13, 33), Mode.FOLLOW)])
    s = state_at(show, at(13, 34))
    assert s.status is Status.RUNNING and s.elapsed == 2 * M and s.remaining == M


def test_follow_before_the_start_is_the_plan_and_dates_nothing_before_it(plan_2021: Plan, at: At) -> None:
    early = Show(plan_2021, [act.set_mode(at(13, 0), Mode.FOLLOW)])
    s = state_at(early, at(13, 31))
    assert s.segment is not None and s.segment.id == "opening" and s.timings[0].actual_start == at(13, 30)
    late = Show(plan_2021, [act.set_mode(at(14, 46), Mode.FOLLOW)])
    s = state_at(late, at(14, 47))
    assert s.speaker is not None and s.speaker.name == "대구" and s.remaining == 3 * M
    t = s.timings
    assert t[s.cue.index].actual_start == at(14, 46)  # type: ignore[union-attr]
    assert all(x.actual_start is None for x in t[: s.cue.index])  # type: ignore[union-attr]


def test_follow_flips_on_the_shifted_boundaries(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, [act.goto(at(14, 3), "regions"), act.set_mode(at(14, 14, 0, 250_000), Mode.FOLLOW)])
    s = state_at(show, at(14, 24, 0, 100_000))
    assert s.speaker is not None and s.speaker.name == "경북"
    assert s.remaining_s == 1 and s.next_flip == at(14, 24, 0, 250_000)  # the cue changes off the clock's second
    assert state_at(show, s.next_flip).speaker.name == "인천"  # type: ignore[union-attr]
