"""The alert armer's first plan put off until the app has painted: nothing lost, nothing misapplied.

The app starts its armer connected but unplanned (``defer_first_plan``) and makes the first plan
right after the first paint (``arm_owed``). Whatever happens in between must end as it would
have without the wait: an action is planned in, an alert due meanwhile goes off (late) rather
than being reported missed, a clock jump drops what it jumped over, and a rehearsal entered
meanwhile (the app opens in rehearsal on another day) leaves the live show's alerts intact.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from runshow.live.actions import Action, ActionKind
from runshow.live.alerts import PlannedAlert
from runshow.live.clock import ManualClock, RehearsalClock
from runshow.live.show import Show
from runshow.plan.model import Plan
from runshow.session.alert_armer import AlertArmer, FiredAlert
from runshow.session.controller import ShowController
from runshow.session.rehearsal import RehearsalMode


class Recorder:
    def __init__(self, armer: AlertArmer) -> None:
        self.fired: list[FiredAlert] = []
        self.missed: list[PlannedAlert] = []
        self.dropped: list[PlannedAlert] = []
        armer.alertFired.connect(self.fired.append)
        armer.alertMissed.connect(self.missed.append)
        armer.alertDropped.connect(self.dropped.append)

    @property
    def fired_keys(self) -> list[str]:
        return [f.alert.key for f in self.fired]


class Mono:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def started(plan: Plan, at, until: tuple[int, int]) -> list[Action]:
    """An on-time show from 13:30 up to the cue on at ``until``."""
    show = Show(plan)
    steps = [Action(ActionKind.START, at(13, 30))]
    steps += [Action(ActionKind.NEXT, c.planned_start) for c in show.cues[1:] if c.planned_start <= at(*until)]
    return steps


class Rig:
    def __init__(self, controller: ShowController, clock: ManualClock, armer: AlertArmer, mode: RehearsalMode) -> None:
        self.controller, self.clock, self.armer, self.mode = controller, clock, armer, mode
        self.rec = Recorder(armer)
        self.mono = Mono()
        mode._make_clock = lambda start, speed: RehearsalClock(start, speed, monotonic=self.mono)

    @property
    def armed(self) -> list[str]:
        return sorted(self.armer.armed)


@pytest.fixture
def rigs(qapp, plan_2021) -> Iterator:
    made: list[Rig] = []

    def make(now: datetime, *, deferred: bool, actions: list[Action] | None = None, since=None) -> Rig:
        clock = ManualClock(now)
        controller = ShowController(plan_2021, clock, actions=actions)
        armer = AlertArmer(controller, since=since)
        rig = Rig(controller, clock, armer, RehearsalMode(controller))
        if deferred:
            armer.defer_first_plan()
        armer.start()
        made.append(rig)
        return rig

    yield make
    for rig in made:
        if rig.mode.active:
            rig.mode.leave()
        rig.armer.stop()
        rig.controller.stop_ticking()


def test_nothing_is_planned_until_the_owed_plan_then_the_same_as_at_once(rigs, plan_2021, at) -> None:
    actions = started(plan_2021, at, (14, 0))
    now = at(14, 1)
    deferred = rigs(now, deferred=True, actions=actions, since=now)
    at_once = rigs(now, deferred=False, actions=actions, since=now)
    assert deferred.armer.owed and deferred.armer.plan is None and deferred.armed == []
    assert deferred.armer.pending_wakeups() <= 1  # (the scheduler's own start-up wake-up, finding nothing)
    assert deferred.armer.arm_owed()
    assert not deferred.armer.owed and not deferred.armer.arm_owed()  # once
    assert deferred.armed == at_once.armed != []
    assert deferred.armer.pending_wakeups() == 1
    assert deferred.rec.missed == at_once.rec.missed == []


def test_an_alert_due_while_the_plan_was_owed_goes_off_late_not_missed(rigs, plan_2021, at, qtbot) -> None:
    now = at(14, 1)
    rig = rigs(now, deferred=True, actions=started(plan_2021, at, (14, 0)), since=now)
    reference = rigs(now, deferred=False, actions=started(plan_2021, at, (14, 0)), since=now)
    first = min(reference.armer.armed.values(), key=lambda a: a.instant)
    rig.clock.advance((first.instant - now).total_seconds() + 1)  # time passes while the app paints
    rig.armer.arm_owed()
    qtbot.waitUntil(lambda: first.key in rig.rec.fired_keys, timeout=2000)
    assert rig.rec.missed == [] and rig.rec.dropped == []
    (fired,) = [f for f in rig.rec.fired if f.alert.key == first.key]
    assert fired.fired_at > first.instant  # late by the wait, said as such


def test_what_passed_before_the_start_is_still_reported_missed(rigs, plan_2021, at) -> None:
    """A journal that ends at 14:00, reopened at 14:12: the wait changes nothing of what was missed."""
    actions = started(plan_2021, at, (14, 0))
    deferred = rigs(at(14, 12), deferred=True, actions=actions)
    at_once = rigs(at(14, 12), deferred=False, actions=actions)
    deferred.armer.arm_owed()
    assert [a.key for a in deferred.rec.missed] == [a.key for a in at_once.rec.missed] != []
    assert deferred.armed == at_once.armed


def test_an_action_taken_while_the_plan_was_owed_is_planned_in(rigs, plan_2021, at) -> None:
    now = at(14, 1)
    actions = started(plan_2021, at, (14, 0))
    deferred = rigs(now, deferred=True, actions=actions, since=now)
    at_once = rigs(now, deferred=False, actions=actions, since=now)
    for rig in (deferred, at_once):
        assert rig.controller.act(ActionKind.NEXT) is None  # the operator presses Next during start-up
        assert rig.controller.act(ActionKind.ADJUST, seconds=30) is None
    assert deferred.armer.replans == 0  # nothing planned yet: the owed plan will see both actions
    deferred.armer.arm_owed()
    assert deferred.armed == at_once.armed
    assert {k: a.instant for k, a in deferred.armer.armed.items()} == {
        k: a.instant for k, a in at_once.armer.armed.items()
    }
    assert [a.kind for a in deferred.controller.show.actions][-2:] == [ActionKind.NEXT, ActionKind.ADJUST]


def test_a_clock_jump_while_the_plan_was_owed_drops_what_it_jumped_over(rigs, plan_2021, at, qtbot) -> None:
    now = at(14, 1)
    rig = rigs(now, deferred=True, actions=started(plan_2021, at, (14, 0)), since=now)
    reference = rigs(now, deferred=False, actions=started(plan_2021, at, (14, 0)), since=now)
    first = min(reference.armer.armed.values(), key=lambda a: a.instant)
    rig.clock.set(first.instant + timedelta(seconds=1))  # a jump (set notifies), not time passing
    assert rig.armer.owed
    rig.armer.arm_owed()
    assert first.key in [a.key for a in rig.rec.dropped]
    assert first.key not in rig.armer.armed and rig.rec.missed == []
    assert first.key not in rig.rec.fired_keys


def test_a_rehearsal_entered_while_owed_ends_as_without_the_wait(rigs, plan_2021, at) -> None:
    """The app opening on another day enters rehearsal before its first paint; leaving it later
    must report the live show's alerts that passed meanwhile, and those missed while the app was
    closed, exactly as an armer started at once (which reports the latter at its start)."""
    actions = started(plan_2021, at, (14, 0))  # the journal ends at 14:00; reopened at 14:12
    deferred = rigs(at(14, 12), deferred=True, actions=actions)
    at_once = rigs(at(14, 12), deferred=False, actions=actions)
    fired_before = {"stream_check#0": at(13, 25)}
    for rig in (deferred, at_once):
        rig.armer.restore(fired_before, reported=[], alive_at=None)
    for rig in (deferred, at_once):
        rig.mode.enter(start=at(13, 20), speed=1)
    assert deferred.armer.owed and deferred.armer.replans == 0  # entering planned nothing yet
    assert deferred.rec.missed == [] and at_once.rec.missed != []  # (at once: reported at its start)
    deferred.armer.arm_owed()
    assert deferred.armed == at_once.armed != []  # the rehearsal's alerts, on the rehearsal clock
    for rig in (deferred, at_once):
        rig.clock.advance(minutes=12)  # the live show goes on while the crew rehearses
        rig.mode.leave()
    missed = sorted(a.key for a in deferred.rec.missed)
    assert missed == sorted(a.key for a in at_once.rec.missed)
    assert len(missed) > len(at_once.rec.missed[:1])  # closed and rehearsing, both
    assert deferred.armed == at_once.armed
    assert "stream_check#0" not in deferred.armed


def test_a_stopped_armer_never_plans_what_it_owed(rigs, plan_2021, at) -> None:
    rig = rigs(at(14, 1), deferred=True)
    rig.armer.stop()
    assert not rig.armer.arm_owed()
    assert rig.armer.plan is None and rig.armer.pending_wakeups() == 0


def test_an_armer_owing_its_plan_has_not_loaded_apscheduler_yet() -> None:
    """APScheduler (and the asyncio it imports) loads with the first plan, after the first paint."""
    import subprocess
    import sys

    from tests.conftest import ROOT, SCHEDULE_2021

    code = (
        "import sys\n"
        "from datetime import datetime\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from runshow.plan import load_plan\n"
        "from runshow.live.clock import ManualClock\n"
        "from runshow.session.controller import ShowController\n"
        "from runshow.session.alert_armer import AlertArmer\n"
        f"plan = load_plan({str(SCHEDULE_2021)!r})\n"
        "clock = ManualClock(datetime(2021, 10, 15, 13, 0, tzinfo=plan.event.timezone))\n"
        "armer = AlertArmer(ShowController(plan, clock), since=clock.now())\n"
        "armer.defer_first_plan(); armer.start()\n"
        "before = 'apscheduler' in sys.modules\n"
        "armer.arm_owed()\n"
        "print(before, 'apscheduler' in sys.modules, armer.pending_wakeups(), bool(armer.armed))\n"
        "armer.stop()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True", "1", "True"]
