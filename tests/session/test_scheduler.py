"""Alerts through APScheduler and Qt: on time, once, in order, on the GUI thread, one wake-up."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from shiboken6 import delete

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.alerts import WINDOW_CUES_AHEAD, PlannedAlert, plan_alerts
from runshow.live.clock import ManualClock, RehearsalClock
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan.model import Plan
from runshow.session.alert_armer import HORIZON_JOB, AlertArmer, FiredAlert
from runshow.session.controller import ShowController


class Recorder:
    """Collects what the armer emits, with the thread each signal arrived on."""

    def __init__(self, armer: AlertArmer) -> None:
        self.fired: list[FiredAlert] = []
        self.missed: list[PlannedAlert] = []
        self.dropped: list[PlannedAlert] = []
        self.threads: set[threading.Thread] = set()
        armer.alertFired.connect(self._fired)
        armer.alertMissed.connect(self.missed.append)
        armer.alertDropped.connect(self.dropped.append)

    def _fired(self, fired: FiredAlert) -> None:
        self.threads.add(threading.current_thread())
        self.fired.append(fired)

    @property
    def fired_keys(self) -> list[str]:
        return [f.alert.key for f in self.fired]


def _started(plan: Plan, at, until: tuple[int, int]) -> list[Action]:
    """An on-time manual show from 13:30 up to the cue on at ``until`` (hour, minute)."""
    show = Show(plan)
    steps = [Action(ActionKind.START, at(13, 30))]
    for cue in show.cues[1:]:
        if cue.planned_start > at(*until):
            break
        steps.append(Action(ActionKind.NEXT, cue.planned_start))
    return steps


@pytest.fixture
def make(qapp) -> Iterator:
    made: list[tuple[ShowController, AlertArmer]] = []

    def build(plan: Plan, clock, actions: list[Action] | None = None) -> tuple[ShowController, AlertArmer, Recorder]:
        controller = ShowController(plan, clock, actions=actions)
        armer = AlertArmer(controller)
        rec = Recorder(armer)
        made.append((controller, armer))
        return controller, armer, rec

    yield build
    for controller, armer in made:
        armer.stop()
        controller.stop_ticking()


def test_every_alert_fires_once_in_order_on_the_gui_thread(plan_2021, at, make, qtbot) -> None:
    clock = RehearsalClock(at(14, 46), speed=600)  # a show minute every 100 ms
    _, armer, rec = make(plan_2021, clock, [Action(ActionKind.MODE, at(14, 46), mode=Mode.FOLLOW)])
    armer.start()
    expected = [
        "wrapup_warning#9",
        "break_starting#10",
        "wrapup_danger#9",
        "break_ending#10",
        "speaker_standby#11",
        "break_over#10",
    ]
    assert list(armer.armed)[: len(expected)] == expected
    assert armer.pending_wakeups() == 1

    def all_fired() -> None:
        assert len(rec.fired) >= len(expected)

    qtbot.waitUntil(all_fired, timeout=5000)
    assert rec.fired_keys[: len(expected)] == expected
    assert len(set(rec.fired_keys)) == len(rec.fired_keys)
    assert rec.threads == {threading.main_thread()}
    for fired in rec.fired:
        assert fired.fired_at >= fired.alert.instant  # never early
    assert armer.pending_wakeups() == 1
    assert rec.missed == [] and rec.dropped == []


def test_a_thousand_replans_leave_one_wakeup_and_no_duplicate(plan_2021, at, make, qtbot) -> None:
    clock = ManualClock(at(14, 1))
    controller, armer, rec = make(plan_2021, clock, _started(plan_2021, at, (14, 0)))
    armer.start()
    for i in range(1000):
        if i % 250 == 249:
            assert controller.act(ActionKind.NEXT) is None  # new keys: 경북's alerts, then back
            assert controller.act(ActionKind.PREVIOUS) is None
        else:
            assert controller.act(ActionKind.ADJUST, seconds=1 if i % 2 == 0 else -1) is None
    assert armer.replans >= 1000
    assert armer.pending_wakeups() == 1
    planned = plan_alerts(controller.show, state_at(controller.show, clock.now()), ahead=WINDOW_CUES_AHEAD)
    jobs = armer.scheduler.get_jobs()
    horizon = [HORIZON_JOB] if planned.complete_until is not None else []  # the window's re-plan
    assert sorted(j.id for j in jobs) == sorted([a.key for a in planned.upcoming] + horizon)
    qtbot.waitUntil(lambda: armer.scheduler.wakeups >= 1, timeout=1000)
    assert armer.scheduler.wakeups <= 2  # the thousand wake-up requests collapsed into one
    assert armer.pending_wakeups() == 1

    # Let the show run (quietly, as time passes) through 전남's wrap-up; wake the loop now.
    wrap = [a for a in planned.upcoming if a.cue_index == 5 and a.rule.startswith("wrapup")]
    assert len(wrap) == 2
    target = wrap[-1].instant
    due = [a.key for a in planned.upcoming if a.instant <= target]
    assert len(due) == 3  # 경북's stand-by, 전남's wrap-up warning and danger
    clock.advance((target - clock.now()).total_seconds())
    for _ in range(3):  # more wake-ups and a re-plan must not fire anything twice
        armer.scheduler.wakeup()
        qtbot.waitUntil(lambda: set(due) <= set(rec.fired_keys), timeout=1000)
        armer.replan()
    assert rec.fired_keys == due
    assert rec.threads == {threading.main_thread()}
    assert armer.pending_wakeups() == 1


def test_missed_while_closed_is_reported_not_fired(plan_2021, at, make, qtbot) -> None:
    actions = _started(plan_2021, at, (14, 0))  # the journal ends when 전남 started, at 14:00
    clock = ManualClock(at(14, 12))  # the app comes back at 14:12
    _, armer, rec = make(plan_2021, clock, actions)
    armer.start()
    missed = [a.key for a in rec.missed]
    # 전남 is still on, 2′ over, so 경북's stand-by was projected from the end of 전남's time.
    assert missed == ["wrapup_warning#5", "wrapup_danger#5", "speaker_standby#6", "overtime#5"]
    armer.scheduler.wakeup()
    qtbot.waitUntil(lambda: armer.scheduler.wakeups >= 1, timeout=1000)
    assert rec.fired == []
    armer.replan()  # and reported once only
    assert [a.key for a in rec.missed] == missed


def test_clock_jump_drops_what_it_jumped_over(plan_2021, at, make, qtbot) -> None:
    clock = ManualClock(at(14, 1))
    _, armer, rec = make(plan_2021, clock, _started(plan_2021, at, (14, 0)))
    armer.start()
    clock.set(at(14, 9))  # a rehearsal-style jump past 전남's wrap-up warning
    assert {a.key for a in rec.dropped} == {"wrapup_warning#5", "speaker_standby#6"}
    armer.scheduler.wakeup()
    qtbot.waitUntil(lambda: armer.scheduler.wakeups >= 1, timeout=1000)
    assert rec.fired == []
    assert "wrapup_danger#5" in armer.armed  # still ahead: still armed


def test_skipped_segment_alerts_are_dropped_once(plan_2021, at, make) -> None:
    clock = ManualClock(at(15, 1))
    controller, armer, rec = make(plan_2021, clock, _started(plan_2021, at, (15, 0)))
    armer.start()
    controller.act(ActionKind.GOTO, segment="panel")
    dropped = sorted(a.key for a in rec.dropped)
    assert "wrapup_warning#12" in dropped and "break_over#14" in dropped
    assert not set(dropped) & set(armer.armed)
    controller.act(ActionKind.ADJUST, seconds=60)
    assert sorted(a.key for a in rec.dropped) == dropped


def test_a_stopped_clock_arms_no_wakeup_until_it_runs(plan_2021, at, make, qtbot) -> None:
    clock = RehearsalClock(at(14, 1), speed=1)
    _, armer, _ = make(plan_2021, clock, [Action(ActionKind.MODE, at(13, 0), mode=Mode.FOLLOW)])
    armer.start()
    clock.pause()
    qtbot.waitUntil(lambda: armer.pending_wakeups() == 0, timeout=1000)
    clock.resume()
    assert armer.pending_wakeups() == 1


def test_show_replaced_rearms_on_the_new_clock(plan_2021, at, make) -> None:
    clock = ManualClock(at(14, 1))
    controller, armer, rec = make(plan_2021, clock, _started(plan_2021, at, (14, 0)))
    armer.start()
    rehearsal = RehearsalClock(at(13, 20), speed=60)
    controller.replace(Show(plan_2021), rehearsal, None)
    assert armer.scheduler.clock is rehearsal
    assert "custom:stream-live-check" in armer.armed
    assert rec.missed == []
    assert armer.pending_wakeups() == 1


def test_restart_reports_only_recent_missed_alerts(plan_2021, at, make) -> None:
    follow = [Action(ActionKind.MODE, at(13, 0), mode=Mode.FOLLOW)]  # the journal's last word, hours ago
    _, armer, rec = make(plan_2021, ManualClock(at(15, 0, 30)), follow)
    armer.start()
    assert [a.key for a in rec.missed] == [  # 14:45:30 onwards only, not everything since 13:00
        "wrapup_warning#9",
        "break_starting#10",
        "wrapup_danger#9",
        "break_ending#10",
        "speaker_standby#11",
        "break_over#10",
    ]


def test_a_deleted_armer_no_longer_hears_the_clock(plan_2021, at, qapp) -> None:
    clock = ManualClock(at(14, 1))
    owner = QObject()
    controller = ShowController(plan_2021, clock, actions=_started(plan_2021, at, (14, 0)))
    armer = AlertArmer(controller, parent=owner)
    armer.start()
    delete(owner)  # the operator window closes: its children go with it
    clock.set(at(14, 5))  # would reach a deleted armer, and raise, if it were still subscribed
    assert controller.state.at == at(14, 5)


def test_rewinding_the_clock_lets_alerts_ahead_fire_again(plan_2021, at, make, qtbot) -> None:
    clock = ManualClock(at(14, 46))
    _, armer, rec = make(plan_2021, clock, [Action(ActionKind.MODE, at(14, 46), mode=Mode.FOLLOW)])
    armer.start()
    clock.advance(120)  # 14:48: the break is announced
    armer.scheduler.wakeup()
    qtbot.waitUntil(lambda: "break_starting#10" in rec.fired_keys, timeout=1000)
    clock.set(at(14, 47))  # the rehearsal goes back a minute
    assert "break_starting#10" in armer.armed
    clock.advance(60)
    armer.scheduler.wakeup()
    qtbot.waitUntil(lambda: rec.fired_keys.count("break_starting#10") == 2, timeout=1000)
