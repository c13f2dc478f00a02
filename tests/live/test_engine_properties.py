"""Properties of the fold, over random operator sessions on the 2021 plan."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.show import Show, Status
from runshow.live.state import ShowState, ceil_seconds, state_at
from runshow.plan import load_plan
from runshow.plan.model import Plan

PLAN: Plan = load_plan(Path(__file__).resolve().parents[2] / "schedules" / "2021-industrial-complex-conference.toml")
T0 = datetime(2021, 10, 15, 13, 20, tzinfo=PLAN.event.timezone)
SEGMENT_IDS = [s.id for s in PLAN.segments]
# RUNSHOW_EXAMPLES=5000 for a deep run; the default keeps the suite fast.
FAST = settings(
    max_examples=int(os.environ.get("RUNSHOW_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def sessions(draw: st.DrawFn) -> list[Action]:
    """A plausible-to-absurd operator: kinds at random, times non-decreasing, sub-second offsets."""
    n = draw(st.integers(min_value=0, max_value=25))
    t = T0 + timedelta(microseconds=draw(st.integers(0, 10 * 60 * 1_000_000)))
    out: list[Action] = []
    for _ in range(n):
        t += timedelta(microseconds=draw(st.integers(0, 20 * 60 * 1_000_000)))
        kind = draw(st.sampled_from(list(ActionKind)))
        if kind is ActionKind.GOTO:
            out.append(Action(kind, t, segment=draw(st.sampled_from(SEGMENT_IDS))))
        elif kind is ActionKind.ADJUST:
            out.append(Action(kind, t, seconds=draw(st.integers(-600, 600))))
        elif kind is ActionKind.MODE:
            out.append(Action(kind, t, mode=draw(st.sampled_from(list(Mode)))))
        elif kind is ActionKind.MESSAGE:
            out.append(Action(kind, t, text=draw(st.text(max_size=5))))
        elif kind is ActionKind.BLACKOUT:
            out.append(Action(kind, t, on=draw(st.booleans())))
        else:
            out.append(Action(kind, t))
    return out


def later(actions: list[Action], extra_us: int) -> datetime:
    base = actions[-1].at if actions else T0
    return base + timedelta(microseconds=extra_us)


def shown(s: ShowState) -> tuple[object, ...]:
    """Every whole number a window shows, plus the wall clock second."""
    return (
        s.status,
        s.cue.index if s.cue else None,
        s.remaining_s,
        s.countdown_to_next_s,
        s.drift_s,
        s.at.replace(microsecond=0),
    )


AFTER = st.integers(0, 3 * 3600 * 1_000_000)


@FAST
@given(sessions(), AFTER)
def test_remaining_plus_run_time_is_the_length(actions: list[Action], extra: int) -> None:
    s = state_at(Show(PLAN, actions), later(actions, extra))
    if s.status in (Status.RUNNING, Status.PAUSED):
        assert s.remaining is not None and s.elapsed is not None and s.length is not None
        assert s.remaining + s.elapsed == s.length
        assert s.remaining_s == ceil_seconds(s.remaining)
        assert s.overtime == (s.remaining < timedelta(0))
    else:
        assert s.remaining is None and s.cue is None


@FAST
@given(sessions(), AFTER)
def test_projected_end_is_planned_end_plus_drift(actions: list[Action], extra: int) -> None:
    now = later(actions, extra)
    s = state_at(Show(PLAN, actions), now)
    assert s.projected_end - PLAN.end == s.drift
    if s.status is not Status.ENDED:
        assert s.projected_end >= now + (s.remaining if s.remaining and s.remaining > timedelta(0) else timedelta(0))
    if s.countdown_to_next is not None:
        assert s.countdown_to_next >= timedelta(0)
    timings = s.timings
    assert timings[-1].projected_end in (None, s.projected_end) or s.status is Status.ENDED


@FAST
@given(sessions(), st.data())
def test_a_prefix_of_the_actions_gives_the_intermediate_state(actions: list[Action], data: st.DataObject) -> None:
    whole = Show(PLAN)
    for k, action in enumerate(actions):
        whole.apply(action, strict=False)
        prefix = Show(PLAN, actions[: k + 1])
        assert prefix.actions == whole.actions
        now = action.at + timedelta(microseconds=data.draw(AFTER))
        assert shown(state_at(prefix, now)) == shown(state_at(whole, now))
        assert state_at(prefix, now).timings == state_at(whole, now).timings


@FAST
@given(sessions(), AFTER)
def test_replay_from_json_gives_the_same_state(actions: list[Action], extra: int) -> None:
    show = Show(PLAN, actions)
    wire = json.loads(json.dumps([a.to_json() for a in show.actions]))
    replayed = Show(PLAN, [Action.from_json(d) for d in wire])
    assert replayed.actions == show.actions
    now = later(actions, extra)
    a, b = state_at(show, now), state_at(replayed, now)
    assert shown(a) == shown(b)
    assert (a.remaining, a.drift, a.projected_end, a.message, a.blackout) == (
        b.remaining,
        b.drift,
        b.projected_end,
        b.message,
        b.blackout,
    )


@FAST
@given(sessions(), AFTER, st.data())
def test_nothing_shown_changes_before_next_flip(actions: list[Action], extra: int, data: st.DataObject) -> None:
    show = Show(PLAN, actions)
    now = later(actions, extra)
    s = state_at(show, now)
    assert now < s.next_flip <= now + timedelta(seconds=1)
    span = (s.next_flip - now) // timedelta(microseconds=1)
    between = now + timedelta(microseconds=data.draw(st.integers(0, span - 1)))
    assert shown(state_at(show, between)) == shown(s)
    assert shown(state_at(show, s.next_flip - timedelta(microseconds=1))) == shown(s)


@FAST
@given(sessions())
def test_rejected_actions_change_nothing(actions: list[Action]) -> None:
    show = Show(PLAN)
    for action in actions:
        before = (show.progress.copy(), list(show.actions))
        if show.check(action) is not None:
            assert show.apply(action, strict=False) is False
            assert (show.progress, show.actions) == before
        else:
            assert show.apply(action, strict=False) is True


@FAST
@given(sessions(), AFTER)
def test_taking_over_from_follow_mode_is_seamless(actions: list[Action], extra: int) -> None:
    show = Show(PLAN, actions)
    now = later(actions, extra)
    if show.progress.mode is not Mode.FOLLOW:
        show.apply(Action(ActionKind.MODE, later(actions, 0), mode=Mode.FOLLOW))
    before = state_at(show, now)
    show.apply(Action(ActionKind.MODE, now, mode=Mode.MANUAL))
    after = state_at(show, now)
    assert after.mode is Mode.MANUAL
    assert shown(after) == shown(before)
    assert after.projected_end == before.projected_end
