"""The re-plan's shortcuts give what the plain computation gives (issue 19).

``ShowState.timings`` is built in one pass, ``plan_alerts`` passes over cues long gone on a bound
of their ends and reuses the alerts it built for a cue at the same instants in the previous
re-plan. Each shortcut is checked here against the computation without it, after every action and
amendment of random sessions, on a plan with every shape the engine knows: a break, a timed and
an untimed multi-speaker segment, a real gap, an open end and custom alerts. The planning window
is shrunk so that a dozen segments reach past it (the festival's 1,000 do in the benchmark).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from runshow.live import actions as act
from runshow.live import alerts
from runshow.live.actions import Action, ActionKind, Amendment, AmendOp, Mode
from runshow.live.alerts import AlertPlan, plan_alerts
from runshow.live.show import Show, Status, settle
from runshow.live.state import CueTiming, ShowState, _chain, state_at
from runshow.plan import Plan, parse_plan
from runshow.plan.generated import festival_toml
from tests.live.test_engine_properties import FAST

Z = ZoneInfo("Asia/Seoul")
SHAPES = """
[event]
title = "Shapes"
date = 2012-09-20
timezone = "Asia/Seoul"

[alerts]
speaker_standby = "2m"
break_starting = "1m"

[[alerts.custom]]
id = "doors"
text = "Doors"
at = "14:58"

[[alerts.custom]]
id = "acts-in"
text = "Acts in"
segment = "acts"
anchor = "start"
after = "1m"

[[alerts.custom]]
id = "talk-out"
text = "Talk out"
segment = "talk"
anchor = "end"
before = "2m"

[[part]]
id = "p"
title = "P"

[[part.segment]]
id = "reg"
title = "Registration"
kind = "registration"
start = "14:50"
open_end = true

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
duration = "6m"

[[part.segment]]
id = "duo"
title = "Duo"
kind = "panel"
duration = "8m"
[[part.segment.speaker]]
name = "D"
duration = "3m"
[[part.segment.speaker]]
name = "E"
duration = "5m"

[[part.segment]]
id = "tea"
title = "Tea"
kind = "break"
duration = "5m"

[[part.segment]]
id = "keynote"
title = "Keynote"
kind = "presentation"
duration = "7m"

[[part.segment]]
id = "dinner"
title = "Dinner"
kind = "meal"
start = "16:00"
duration = "10m"

[[part.segment]]
id = "late"
title = "Late talk"
kind = "talk"
duration = "4m"

[[part.segment]]
id = "close"
title = "Closing"
kind = "ceremony"
duration = "3m"
"""
PLAN: Plan = parse_plan(SHAPES.encode(), "shapes.toml")
T0 = datetime(2012, 9, 20, 14, 45, tzinfo=Z)
IDS = [s.id for s in PLAN.segments]


# Quick runs of actions as often as slow ones: a cue well behind the one on can then still end
# within the look back (a grant, a late end), which is where the bound is tested.
STEP = st.one_of(st.integers(0, 30 * 1_000_000), st.integers(0, 8 * 60 * 1_000_000))
LATER = st.one_of(st.integers(0, 3 * 60 * 1_000_000), st.integers(0, 90 * 60 * 1_000_000))


@st.composite
def sessions(draw: st.DrawFn) -> list[Action]:
    """Any operator on the shapes plan: every kind of action, amendments included."""
    out: list[Action] = []
    t = T0 + timedelta(microseconds=draw(st.integers(0, 20 * 60 * 1_000_000)))
    kinds = [k for k in ActionKind if k is not ActionKind.AMEND]
    for _ in range(draw(st.integers(0, 30))):
        t += timedelta(microseconds=draw(STEP))
        choice = draw(st.sampled_from([*kinds, "amend", "next", "next", "next"]))
        if choice == "amend":
            op = draw(st.sampled_from([o for o in AmendOp if o is not AmendOp.BATCH]))
            out.append(
                act.amend(
                    t,
                    Amendment(
                        op,
                        segment=draw(st.sampled_from(IDS)),
                        seconds=draw(st.integers(-120, 900)),
                        start=T0 + timedelta(minutes=draw(st.integers(0, 120))),
                        place=draw(st.sampled_from(["before", "after"])),
                        anchor=draw(st.sampled_from(IDS)),
                        new_id=draw(st.sampled_from(["new1", "new2"])),
                        kind=draw(st.sampled_from(["", "break", "talk"])),
                        text=draw(st.sampled_from(["Renamed", None])),
                        index=draw(st.integers(-1, 3)),
                        to=draw(st.integers(0, 3)),
                        name=draw(st.sampled_from(["F", None])),
                    ),
                )
            )
        elif choice == "next":
            out.append(Action(ActionKind.NEXT, t))
        else:
            kind = ActionKind(choice)
            if kind is ActionKind.GOTO:
                out.append(Action(kind, t, segment=draw(st.sampled_from(IDS))))
            elif kind is ActionKind.ADJUST:
                out.append(Action(kind, t, seconds=draw(st.integers(-300, 300))))
            elif kind is ActionKind.MODE:
                out.append(Action(kind, t, mode=draw(st.sampled_from(list(Mode)))))
            elif kind is ActionKind.MESSAGE:
                out.append(Action(kind, t, text="m"))
            elif kind is ActionKind.BLACKOUT:
                out.append(Action(kind, t, on=draw(st.booleans())))
            else:
                out.append(Action(kind, t))
    return out


def reference_timing(state: ShowState, i: int) -> CueTiming:
    """Cue ``i``'s timing as ``ShowState.timing`` computed it before the one-pass ``timings``
    (kept verbatim, but for reading the state's parts, as the reference both are checked with)."""
    p = state._progress
    if state.mode is Mode.FOLLOW:  # settled on a copy every time, as before the shortcut
        p = p.copy()
        settle(p, state.at)
    layout = p.layout
    cues = layout.cues
    cue = cues[i]
    current = state.cue.index if state.cue else None
    if state.status is Status.PRE_SHOW and state._cue_start is not None:
        base: datetime | None = state._cue_start
        first_upcoming = 0
    elif current is not None and state._unit_end is not None:
        base, first_upcoming = state._unit_end, state._unit_next
    else:
        base, first_upcoming = None, len(cues)
    upcoming = base is not None and i >= first_upcoming
    zero = timedelta(0)
    length = cue.length if upcoming else cue.length + p.adjustments.get(i, zero)
    a_start = p.actual_start.get(i)
    a_end = p.actual_end.get(i)
    if a_start is not None and cue.gap_before > zero and a_start < cue.planned_start:
        a_start = None if (i == current and state.gap_until is not None) else cue.planned_start
        if a_start is not None and a_end is not None:
            a_start = min(a_start, a_end)
    if a_start is not None and cue.gap_before > zero and state.mode is Mode.FOLLOW and a_start > state.at:
        a_start = None
    if current is not None and i == current:
        assert state.length is not None
        length = state.length if not cue.untimed else cue.length + p.adjustments.get(i, zero)
        proj_s, proj_e = state._cue_start, state._current_end
    elif current is not None and state._unit_end is not None and current < i < first_upcoming:
        length = cue.length
        proj_s = max(state.at, state._unit_end - (layout.suffix[i] - layout.suffix[first_upcoming]))
        proj_e = max(state.at, state._unit_end - (layout.suffix[i + 1] - layout.suffix[first_upcoming]))
    elif upcoming and base is not None:
        proj_s = _chain(cues, layout.suffix, base, first_upcoming, i)
        proj_e = proj_s + length
    else:
        proj_s, proj_e = a_start, a_end
    return CueTiming(cue, length, a_start, a_end, proj_s, proj_e)


def plain_alerts(show: Show, state: ShowState, ahead: int | None) -> AlertPlan:
    """``plan_alerts`` with no memo to read and no bound to pass cues over with; the memo the
    re-plans under test carry from one to the next is left as it was."""
    kept = alerts._last_used
    alerts._last_used = {}
    try:
        with mock.patch.object(ShowState, "past_end_bound", lambda self, i: None):
            return plan_alerts(show, state, ahead)
    finally:
        alerts._last_used = kept


def instants(actions: list[Action], extra_us: int) -> list[datetime]:
    last = actions[-1].at if actions else T0
    return [last, last + timedelta(microseconds=extra_us // 7), last + timedelta(microseconds=extra_us)]


@FAST
@given(sessions(), LATER)
def test_timings_in_one_pass_equal_each_cue_computed_alone(actions: list[Action], extra_us: int) -> None:
    show = Show(PLAN)
    for action in [*actions, None]:
        if action is not None and not show.apply(action, strict=False):
            continue
        for now in instants(show.actions, extra_us):
            state = state_at(show, now)
            alone = [state.timing(i) for i in range(len(show.cues))]
            assert alone == [reference_timing(state, i) for i in range(len(show.cues))]
            assert list(state.timings) == alone


@FAST
@given(
    sessions(),
    LATER,
    st.sampled_from([None, 1, 3]),
    st.integers(1, 2),
    st.sampled_from([timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=6)]),
)
def test_a_replan_equals_the_plan_made_from_scratch(
    actions: list[Action], extra_us: int, ahead: int | None, window: int, lookback: timedelta
) -> None:
    # A window of a cue or two and a short look back: most of the plan is "far behind" or ahead.
    with (
        mock.patch.object(alerts, "WINDOW_CUES", window),
        mock.patch.object(alerts, "MISSED_LOOKBACK", lookback),
        mock.patch.object(alerts, "WINDOW_AHEAD", timedelta(minutes=3)),
    ):
        alerts._last_used = {}
        show = Show(PLAN)
        for action in [*actions, None]:
            if action is not None and not show.apply(action, strict=False):
                continue
            for now in instants(show.actions, extra_us):
                state = state_at(show, now)
                assert plan_alerts(show, state, ahead) == plain_alerts(show, state, ahead)


def test_the_memo_never_serves_a_cue_of_another_layout() -> None:
    """An amendment rebuilds the cues: the alerts of the old cue objects are not reused, even at the
    same instants (a renamed segment's alerts carry its new title)."""
    alerts._last_used = {}
    show = Show(PLAN, [act.start(datetime(2012, 9, 20, 14, 50, tzinfo=Z))])
    now = datetime(2012, 9, 20, 14, 51, tzinfo=Z)
    before = plan_alerts(show, state_at(show, now))
    assert any(a.subject == "Talk" for a in before.upcoming)
    show.apply(act.amend(now, Amendment(AmendOp.TITLE, segment="talk", text="Renamed")))
    after = plan_alerts(show, state_at(show, now))
    assert not any(a.subject == "Talk" for a in after.upcoming)
    assert any(a.subject == "Renamed" for a in after.upcoming)
    assert after == plain_alerts(show, state_at(show, now), None)


def test_the_shapes_plan_has_every_shape() -> None:
    """The plan above keeps meaning what its docstring says (else the properties test less)."""
    show = Show(PLAN)
    assert any(c.untimed for c in show.cues) and any(c.speaker_index is not None and not c.untimed for c in show.cues)
    assert any(c.gap_before for c in show.cues) and any(s.open_end for s in PLAN.segments)
    assert any(s.is_break for s in PLAN.segments) and len(PLAN.custom_alerts) == 3
    assert len(show.cues) > 2 * 2 + 3  # reaches past the shrunk window on both sides


# ── the bound, where it is tight: cues far behind that ended within the look back ──────────
FESTIVAL: Plan = parse_plan(festival_toml(50, "10:00", 60).encode(), "festival.toml")
F0 = datetime(2021, 10, 16, 10, 0, tzinfo=Z)


def _far_behind_plans_agree(actions: list[Action], now: datetime) -> AlertPlan:
    show = Show(FESTIVAL, actions)
    state = state_at(show, now)
    assert state.cue is not None and state.cue.index > alerts.WINDOW_CUES + 1  # cue 0 is far behind
    made = plan_alerts(show, state)
    assert made == plain_alerts(show, state, None)
    return made


def _quick_nexts(after: datetime, count: int) -> list[Action]:
    return [act.next_cue(after + timedelta(seconds=k + 1)) for k in range(count)]


def test_a_cue_far_behind_that_ran_over_into_the_look_back_is_still_reported() -> None:
    over = F0 + timedelta(minutes=20)  # the first cue (60 s) left on for 20 minutes
    made = _far_behind_plans_agree(
        [act.start(F0), *_quick_nexts(over - timedelta(seconds=1), 40)], over + timedelta(minutes=1)
    )
    assert any(a.cue_index == 0 for a in made.past)


def test_a_cue_far_behind_granted_time_into_the_look_back_is_still_reported() -> None:
    # Granted 20 minutes and left at once: its end if left on, not its actual end, lies within the look back.
    actions = [
        act.start(F0),
        act.adjust(F0 + timedelta(seconds=1), 20 * 60),
        *_quick_nexts(F0 + timedelta(seconds=1), 40),
    ]
    made = _far_behind_plans_agree(actions, F0 + timedelta(minutes=25))  # 1 min + 20 min + 15 min look back
    assert any(a.cue_index == 0 for a in made.past)


def test_a_custom_alert_on_a_segment_long_gone_keeps_its_times() -> None:
    t = datetime(2012, 9, 20, 14, 50, tzinfo=Z)
    actions = [act.start(t), *[act.next_cue(t + timedelta(minutes=1 + k)) for k in range(6)]]
    with (
        mock.patch.object(alerts, "WINDOW_CUES", 2),
        mock.patch.object(alerts, "MISSED_LOOKBACK", timedelta(minutes=1)),
    ):
        show = Show(PLAN, actions)
        state = state_at(show, t + timedelta(minutes=30))
        made = plan_alerts(show, state)
        assert made == plain_alerts(show, state, None)
    assert "custom:acts-in" in {a.key for a in made.past}  # anchored to the start of a segment long over


def test_timings_in_follow_mode_record_the_cues_the_plan_brought_on() -> None:
    """Follow mode: the state settles the cues the plan's clock changed since the last action."""
    t = datetime(2012, 9, 20, 14, 50, tzinfo=Z)
    show = Show(PLAN, [act.start(t), act.set_mode(t + timedelta(seconds=5), Mode.FOLLOW)])
    for minutes in (0, 12, 25, 40, 75):
        state = state_at(show, t + timedelta(minutes=minutes, seconds=6))
        assert list(state.timings) == [reference_timing(state, i) for i in range(len(show.cues))]
    assert state.timings[3].actual_start is not None  # brought on by the plan, not by an action
