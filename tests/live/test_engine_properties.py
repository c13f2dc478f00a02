"""Properties of the fold, over random operator sessions on the 2021 plan."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
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
def sessions(draw: st.DrawFn, kinds: list[ActionKind] | None = None) -> list[Action]:
    """A plausible-to-absurd operator: kinds at random, times non-decreasing, sub-second offsets."""
    n = draw(st.integers(min_value=0, max_value=25))
    t = T0 + timedelta(microseconds=draw(st.integers(0, 10 * 60 * 1_000_000)))
    out: list[Action] = []
    for _ in range(n):
        t += timedelta(microseconds=draw(st.integers(0, 20 * 60 * 1_000_000)))
        kind = draw(st.sampled_from(kinds or list(ActionKind)))
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


# ── an independent oracle of the fold ──────────────────────────────────────
# The rules of docs/engine.md written again, plainly and separately from runshow/live/show.py:
# no Progress record, no copy-and-commit, one grant for the current run instead of a dict per
# cue. If the engine and this disagree on what is accepted or on what a window shows, one of
# the two misreads the rules. (It knows the kinds below; a new kind gets its own rules here.)
# Follow mode (MODE) is not among them: since issue 11 it keeps history and cuts or cedes a
# late cue at the plan's times, rules tested against hand-written instants in
# tests/live/test_engine_follow.py; this oracle still writes the old "the plan is the cue".
ORACLE_KINDS = [
    ActionKind.START, ActionKind.NEXT, ActionKind.PREVIOUS, ActionKind.GOTO, ActionKind.PAUSE,
    ActionKind.RESUME, ActionKind.ADJUST, ActionKind.MESSAGE, ActionKind.CLEAR_MESSAGE,
    ActionKind.BLACKOUT,
]
DAY = 24 * 3600


@dataclass(frozen=True)
class Oracle:
    mode: Mode = Mode.MANUAL
    status: Status = Status.PRE_SHOW
    cue: int | None = None
    run_start: datetime | None = None  # when the current run began
    paused_s: float = 0.0  # seconds paused in the current run, pauses that ended
    paused_since: datetime | None = None
    grant_s: int = 0  # seconds granted (or taken) in the current run
    message: str | None = None
    blackout: bool = False

    def act(self, a: Action) -> Oracle | None:
        """The oracle after ``a``, or None if ``a`` is rejected."""
        kind = a.kind
        if kind is ActionKind.MESSAGE:
            return replace(self, message=a.text) if a.text and a.text.strip() else None
        if kind is ActionKind.CLEAR_MESSAGE:
            return replace(self, message=None)
        if kind is ActionKind.BLACKOUT:
            return replace(self, blackout=bool(a.on))
        if kind is ActionKind.MODE:
            if a.mode is self.mode:
                return None
            return self.taken_over(a.at) if a.mode is Mode.MANUAL else replace(self, mode=Mode.FOLLOW)
        me = self.taken_over(a.at) if self.mode is Mode.FOLLOW else self
        return me.cue_action(a)

    def taken_over(self, at: datetime) -> Oracle:
        """The operator takes over from the plan: the plan's cue at ``at``, on its planned timing."""
        idx = planned_cue(at)
        base = replace(self, mode=Mode.MANUAL, paused_s=0.0, paused_since=None, grant_s=0)
        if idx is not None:
            return replace(base, status=Status.RUNNING, cue=idx, run_start=CUES[idx].planned_start)
        status = Status.PRE_SHOW if at < CUES[0].planned_start else Status.ENDED
        return replace(base, status=status, cue=None, run_start=None)

    def enter(self, idx: int, at: datetime) -> Oracle:
        return replace(
            self, status=Status.RUNNING, cue=idx, run_start=at, paused_s=0.0, paused_since=None, grant_s=0
        )

    def cue_action(self, a: Action) -> Oracle | None:
        kind, on = a.kind, self.status in (Status.RUNNING, Status.PAUSED)
        last = len(CUES) - 1
        if kind is ActionKind.START:
            return self.enter(0, a.at) if self.status is Status.PRE_SHOW else None
        if kind is ActionKind.NEXT:
            if not on or self.cue is None:
                return None
            if self.cue == last:
                return replace(self, status=Status.ENDED, cue=None, run_start=None, paused_since=None)
            return self.enter(self.cue + 1, a.at)
        if kind is ActionKind.PREVIOUS:
            if self.status is Status.PRE_SHOW:
                return None
            target = last if self.status is Status.ENDED else (self.cue or 0) - 1
            return self.enter(target, a.at) if target >= 0 else None
        if kind is ActionKind.GOTO:
            first = next(c.index for c in CUES if c.segment.id == a.segment)
            return self.enter(first, a.at)
        if kind is ActionKind.PAUSE:
            return replace(self, status=Status.PAUSED, paused_since=a.at) if self.status is Status.RUNNING else None
        if kind is ActionKind.RESUME:
            if self.status is not Status.PAUSED or self.paused_since is None:
                return None
            extra = (a.at - self.paused_since).total_seconds()
            return replace(self, status=Status.RUNNING, paused_s=self.paused_s + extra, paused_since=None)
        if kind is ActionKind.ADJUST:
            seconds = a.seconds or 0
            total = self.grant_s + seconds
            if not on or self.cue is None or seconds == 0 or abs(seconds) > DAY or total > DAY:
                return None
            if CUES[self.cue].length.total_seconds() + total <= 0:
                return None
            return replace(self, grant_s=total)
        raise AssertionError(f"the oracle has no rule for {kind}")

    def shown(self, now: datetime) -> tuple[object, ...]:
        """Status, cue, remaining (to the microsecond), message, blackout, mode."""
        if self.mode is Mode.FOLLOW:
            idx = planned_cue(now)
            if idx is None:
                status = Status.PRE_SHOW if now < CUES[0].planned_start else Status.ENDED
                return (status, None, None, self.message, self.blackout, self.mode)
            remaining = CUES[idx].planned_end - now
            return (Status.RUNNING, idx, remaining, self.message, self.blackout, self.mode)
        if self.cue is None or self.run_start is None:
            return (self.status, None, None, self.message, self.blackout, self.mode)
        paused = timedelta(seconds=self.paused_s)
        if self.paused_since is not None:
            paused += now - self.paused_since
        elapsed = now - self.run_start - paused
        remaining = CUES[self.cue].length + timedelta(seconds=self.grant_s) - elapsed
        return (self.status, self.cue, remaining, self.message, self.blackout, self.mode)


CUES = Show(PLAN).cues


def planned_cue(now: datetime) -> int | None:
    """The cue the plan has on at ``now``: the last one begun, while the show is planned to run."""
    if not CUES[0].planned_start <= now < CUES[-1].planned_end:
        return None
    return max(c.index for c in CUES if c.planned_start <= now)


def engine_shown(s: ShowState) -> tuple[object, ...]:
    return (s.status, s.cue.index if s.cue else None, s.remaining, s.message, s.blackout, s.mode)


@FAST
@given(sessions(ORACLE_KINDS), st.data())
def test_the_fold_agrees_with_an_independent_oracle_at_every_step(
    actions: list[Action], data: st.DataObject
) -> None:
    show, oracle = Show(PLAN), Oracle()
    for action in actions:
        expected = oracle.act(action)
        assert show.apply(action, strict=False) is (expected is not None), (action, oracle)
        oracle = expected or oracle
        now = action.at + timedelta(microseconds=data.draw(AFTER))
        assert engine_shown(state_at(show, now)) == oracle.shown(now), (action, oracle)
    # The same list folded at once is the show built step by step.
    assert engine_shown(state_at(Show(PLAN, actions), later(actions, 0))) == oracle.shown(later(actions, 0))


def test_the_oracle_test_can_fail() -> None:
    """The oracle is not the engine: a different rule (a grant that survives next) is told apart."""
    t = T0 + timedelta(minutes=10)
    steps = [Action(ActionKind.START, t), Action(ActionKind.ADJUST, t, seconds=60), Action(ActionKind.NEXT, t)]
    oracle = Oracle()
    for a in steps:
        oracle = oracle.act(a) or oracle
    wrong = replace(oracle, grant_s=60)
    show = Show(PLAN, steps)
    assert engine_shown(state_at(show, t)) == oracle.shown(t)
    assert engine_shown(state_at(show, t)) != wrong.shown(t)


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
