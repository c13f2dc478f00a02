"""The catch-up planner: feasible, within every minimum, never an ended segment, and the engine agrees."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runshow.live import actions as act
from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.catchup import catch_up_action, plan_catch_up
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan import load_plan
from runshow.plan.model import Plan

At = Callable[..., datetime]
M = timedelta(minutes=1)
BASE = load_plan(Path(__file__).resolve().parents[2] / "schedules" / "2021-industrial-complex-conference.toml")
TZ = BASE.event.timezone


def t(h: int, m: int, s: int = 0) -> datetime:
    return datetime(2021, 10, 15, h, m, s, tzinfo=TZ)


# As a crew might decide it: the breaks first, then the panel; the regions a little, last.
FLEX = {"break1": (5, 1), "break2": (5, 1), "panel": (30, 2), "regions": (45, None)}


HARD_STOP = t(16, 25)


def flexible(hard_stop: datetime | None = HARD_STOP) -> Plan:
    # The file's own flexibility (docs/schedule-format.md) is replaced by this test's: FLEX only.
    segs = tuple(
        replace(s, min_length=FLEX[s.id][0] * M, trim_order=FLEX[s.id][1])
        if s.id in FLEX
        else replace(s, min_length=None, trim_order=None)
        for s in BASE.segments
    )
    return replace(BASE, segments=segs, event=replace(BASE.event, hard_stop=hard_stop))


PLAN = flexible()


def test_on_time_nothing_to_do() -> None:
    c = plan_catch_up(Show(PLAN, [act.start(t(13, 30))]), t(13, 31))
    assert not c.needed and c.trims == () and c.feasible and c.over_s == 0


def test_twelve_minutes_late_takes_the_breaks_first_then_the_panel() -> None:
    show = Show(PLAN, [act.start(t(13, 42))])
    c = plan_catch_up(show, t(13, 43))
    assert c.over_s == 12 * 60 and c.feasible
    got = {tr.segment: (tr.from_s // 60, tr.to_s // 60) for tr in c.trims}
    assert got == {"break1": (10, 5), "break2": (10, 5), "panel": (40, 38)}
    assert c.to_json() == {
        "at": "13:43:00",
        "projected_end": "16:37:00",
        "hard_stop": "16:25:00",
        "over_s": 720,
        "trims": [
            {"segment": "break1", "from_s": 600, "to_s": 300},
            {"segment": "break2", "from_s": 600, "to_s": 300},
            {"segment": "panel", "from_s": 2400, "to_s": 2280},
        ],
        "projected_end_after": "16:25:00",
        "feasible": True,
    }
    action = catch_up_action(c, t(13, 43))
    assert action is not None
    show.apply(action)
    assert state_at(show, t(13, 43)).projected_end == t(16, 25)
    show.apply(act.undo(t(13, 44)))  # one undo reverts all of it
    assert show.plan == PLAN


def test_an_ended_segment_is_never_trimmed_and_the_current_only_to_what_has_run() -> None:
    show = Show(PLAN, [act.start(t(13, 30)), act.goto(t(14, 56), "break1")])  # break1 6 minutes late
    show.apply(act.goto(t(15, 2), "kiet"))  # break1 ran 6 minutes: it has ended
    c = plan_catch_up(show, t(15, 3))
    assert "break1" not in {tr.segment for tr in c.trims}
    show = Show(PLAN, [act.goto(t(15, 50), "panel")])  # the panel starts 10 minutes late
    c = plan_catch_up(show, t(16, 25))  # 35 minutes in, 5 left: 폐회 would end 16:35
    assert c.over_s == 600 and {tr.segment: tr.to_s for tr in c.trims} == {"panel": 35 * 60}  # not its 30-min minimum
    assert not c.feasible and c.projected_end_after == t(16, 30)


def test_impossible_says_by_how_much() -> None:
    show = Show(PLAN, [act.start(t(14, 30))])  # an hour late
    c = plan_catch_up(show, t(14, 31))
    assert not c.feasible and c.needed
    assert c.projected_end_after - t(16, 25) == timedelta(minutes=60 - 25)  # 5 + 5 + 10 + 5 minutes is all there is
    assert {tr.segment: tr.to_s // 60 for tr in c.trims} == {"break1": 5, "break2": 5, "panel": 30, "regions": 45}


def test_no_hard_stop_no_proposal() -> None:
    c = plan_catch_up(Show(flexible(None), [act.start(t(13, 45))]), t(13, 46))
    assert c.trims == () and c.feasible and c.to_json()["hard_stop"] is None


# ── property ──────────────────────────────────────────────────────────────
IDS = [s.id for s in PLAN.segments]


@st.composite
def late_sessions(draw: st.DrawFn) -> list[Action]:
    out: list[Action] = []
    now = t(13, 25) + timedelta(seconds=draw(st.integers(0, 1800)))
    for _ in range(draw(st.integers(0, 12))):
        now += timedelta(seconds=draw(st.integers(0, 1500)), microseconds=draw(st.integers(0, 999_999)))
        kind = draw(st.sampled_from([ActionKind.START, ActionKind.NEXT, ActionKind.GOTO, ActionKind.ADJUST,
                                     ActionKind.PAUSE, ActionKind.RESUME, ActionKind.MODE]))  # fmt: skip
        if kind is ActionKind.GOTO:
            out.append(act.goto(now, draw(st.sampled_from(IDS))))
        elif kind is ActionKind.ADJUST:
            out.append(act.adjust(now, draw(st.integers(-300, 900))))
        elif kind is ActionKind.MODE:
            out.append(act.set_mode(now, draw(st.sampled_from(list(Mode)))))
        else:
            out.append(Action(kind, now))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(late_sessions(), st.integers(0, 3 * 3600))
def test_the_proposal_is_feasible_within_minimums_and_the_engine_agrees(actions: list[Action], extra: int) -> None:
    show = Show(PLAN, actions)
    now = (show.progress.last_at or t(13, 25)) + timedelta(seconds=extra)
    c = plan_catch_up(show, now)
    before = state_at(show, now)
    assert c.projected_end == before.projected_end
    ended = {x.cue.segment.id for x in before.timings if x.actual_end is not None} - (
        {before.segment.id} if before.segment else set()
    )
    for tr in c.trims:
        seg = show.plan.segment(tr.segment)
        assert seg.min_length is not None and tr.to_s >= seg.min_length.total_seconds()
        assert tr.from_s - tr.to_s > 0 and (tr.from_s - tr.to_s) % 60 == 0
        assert tr.segment not in ended or tr.segment == (before.segment.id if before.segment else None)
    action = catch_up_action(c, now)
    if action is None:
        assert c.projected_end_after == c.projected_end
        return
    reason = show.check(action)
    assert reason is None, reason  # the engine accepts every proposal it is given
    show.apply(action)
    after = state_at(show, now)
    assert after.projected_end == c.projected_end_after
    assert c.feasible == (c.hard_stop is not None and after.projected_end <= c.hard_stop)
    if before.cue is not None and before.remaining is not None and before.remaining >= timedelta(0):
        assert after.remaining is not None and after.remaining >= timedelta(0)  # the cue on keeps what it has left


def test_the_2021_file_itself_makes_its_hard_stop_after_a_ten_minute_late_start() -> None:
    """The schedule's own `hard_stop`, `min` and `trim_order` (as the crew wrote them) drive the planner."""
    assert BASE.event.hard_stop == t(16, 25)
    c = plan_catch_up(Show(BASE, [act.start(t(13, 40))]), t(13, 41))
    assert c.needed and c.feasible and c.projected_end_after <= t(16, 25)
    trimmed = {tr.segment for tr in c.trims}
    assert "panel" in trimmed  # trim_order 1 goes first
    for tr in c.trims:
        seg = BASE.segment(tr.segment)
        assert seg.min_length is not None and tr.to_s >= seg.min_length.total_seconds()
