"""The clock stepped an hour forward or back mid-show: the display follows, alerts re-plan, no stale burst."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.clock import ManualClock, SystemClock, TimelineClock, format_offset
from runshow.live.state import state_at
from runshow.session.alert_armer import AlertArmer
from runshow.session.controller import ShowController
from runshow.session.wall_clock import STEP_THRESHOLD_S, WallClockWatch

HOUR = timedelta(hours=1)


class SteppableWall(SystemClock):
    """A system clock whose wall a test can step, as NTP or an operator would."""

    def __init__(self, start: datetime) -> None:
        super().__init__()
        self.wall = start

    def now(self) -> datetime:
        return self.wall


class FakeMonotonic:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def rig(qapp) -> Iterator:
    made: list[tuple[ShowController, AlertArmer]] = []

    def build(plan, clock, actions):
        controller = ShowController(plan, clock, actions=actions)
        armer = AlertArmer(controller)
        fired: list[object] = []
        dropped: list[object] = []
        armer.alertFired.connect(fired.append)
        armer.alertDropped.connect(dropped.append)
        made.append((controller, armer))
        return controller, armer, fired, dropped

    yield build
    for controller, armer in made:
        armer.stop()
        controller.stop_ticking()


def _assert_shows(controller: ShowController, now: datetime) -> None:
    """What the windows were last given is the show at the new time, to the second."""
    shown = controller.state
    assert abs((shown.at - now).total_seconds()) < 1
    fresh = state_at(controller.show, now)
    assert (shown.cue, shown.remaining_s, shown.drift_s, shown.status) == (
        fresh.cue,
        fresh.remaining_s,
        fresh.drift_s,
        fresh.status,
    )


def _settle(armer: AlertArmer, qtbot) -> None:
    """Let the scheduler's pending wake-up run, so anything wrongly due would fire now."""
    before = armer.scheduler.wakeups
    armer.scheduler.wakeup()
    qtbot.waitUntil(lambda: armer.scheduler.wakeups > before, timeout=2000)


@pytest.mark.parametrize("step", [HOUR, -HOUR], ids=["forward", "back"])
def test_manual_show_step(plan_2021, at, rig, qtbot, step) -> None:
    clock = ManualClock(at(14, 3))
    actions = [Action(ActionKind.START, at(13, 30))] + [
        Action(ActionKind.NEXT, at(13, 30) + timedelta(minutes=m)) for m in (5, 10, 15, 20, 30)
    ]  # on 전남 (regions, first speaker) since 14:00
    controller, armer, fired, dropped = rig(plan_2021, clock, actions)
    controller.start_ticking()
    armer.start()
    armed_before = dict(armer.armed)
    new = at(14, 3) + step
    with qtbot.waitSignal(controller.stateChanged, timeout=1000):
        clock.set(new)
    _assert_shows(controller, new)
    _settle(armer, qtbot)
    assert fired == []  # no burst of stale alerts
    assert all(a.instant > new for a in armer.armed.values())
    if step > timedelta(0):
        # 전남's wrap-up warnings and overtime were jumped over: reported as dropped, never fired.
        # (Later cues' alerts moved with the projection, so they are simply re-aimed.)
        jumped = {k for k, a in armed_before.items() if k.endswith("#5") and a.instant <= new}
        assert jumped and jumped <= {a.key for a in dropped}
        assert controller.state.overtime
    else:
        # Before the show's own start: 전남's alerts are still ahead, still armed.
        assert set(armed_before) <= set(armer.armed)
        assert dropped == []


def test_follow_mode_step_forward_and_back(plan_2021, at, rig, qtbot) -> None:
    clock = ManualClock(at(14, 1))
    controller, armer, fired, _ = rig(plan_2021, clock, [Action(ActionKind.MODE, at(13, 0), mode=Mode.FOLLOW)])
    controller.start_ticking()
    armer.start()
    clock.set(at(15, 1))
    _assert_shows(controller, at(15, 1))
    assert controller.state.segment.id == "kiet"
    _settle(armer, qtbot)
    assert fired == []
    assert all(a.instant > at(15, 1) for a in armer.armed.values())
    clock.set(at(14, 1))  # and back: the 14:xx alerts are planned again
    _assert_shows(controller, at(14, 1))
    assert controller.state.segment.id == "regions"
    assert any(at(14, 1) < a.instant < at(14, 50) for a in armer.armed.values())
    _settle(armer, qtbot)
    assert fired == []


def test_a_stepped_system_clock_is_noticed_and_alerts_replan(plan_2021, at, rig, qtbot) -> None:
    wall = SteppableWall(at(14, 3))
    mono = FakeMonotonic()
    actions = [Action(ActionKind.MODE, at(13, 0), mode=Mode.FOLLOW)]
    controller, armer, fired, dropped = rig(plan_2021, wall, actions)
    controller.wall_watch = WallClockWatch(monotonic=mono)
    controller.refresh()  # baseline
    armer.start()
    replans = armer.replans
    # Ordinary seconds, and a slewed correction under the threshold: not a step.
    for _ in range(3):
        wall.wall += timedelta(seconds=1)
        mono.t += 1
        controller.refresh()
    wall.wall += timedelta(seconds=STEP_THRESHOLD_S - 0.5)
    controller.refresh()
    assert controller.wall_watch.steps == 0 and armer.replans == replans
    # NTP steps the wall an hour forward between two ticks.
    wall.wall += HOUR + timedelta(seconds=1)
    mono.t += 1
    controller.refresh()
    assert controller.wall_watch.steps == 1
    assert armer.replans > replans
    _assert_shows(controller, wall.wall)
    assert dropped and all(a.instant > wall.wall for a in armer.armed.values())
    _settle(armer, qtbot)
    assert fired == []
    # … and back.
    wall.wall -= HOUR
    mono.t += 1
    controller.refresh()
    assert controller.wall_watch.steps == 2
    _assert_shows(controller, wall.wall)
    assert any(a.instant < wall.wall + HOUR - timedelta(minutes=5) for a in armer.armed.values())


def test_watch_ignores_clocks_that_cannot_be_stepped_behind_its_back(at) -> None:
    watch = WallClockWatch(monotonic=FakeMonotonic())
    manual = ManualClock(at(14, 0))
    assert not watch.check(manual)
    manual.advance(3600)  # a manual clock's quiet advance is not a step; set() notifies by itself
    assert not watch.check(manual)
    assert watch.steps == 0


def test_keys_still_work_after_the_wall_clock_is_stepped_back(plan_2021, at, qtbot) -> None:
    wall = SteppableWall(at(14, 3))
    controller = ShowController(plan_2021, wall, actions=[Action(ActionKind.START, at(13, 30))])
    assert controller.act(ActionKind.NEXT) is None
    wall.wall -= HOUR  # NTP corrects a clock that ran an hour fast
    assert controller.act(ActionKind.NEXT) is None  # not "older than the last action" for an hour
    assert controller.act(ActionKind.ADJUST, seconds=60) is None
    stamps = [a.at for a in controller.show.actions]
    assert stamps == sorted(stamps) and stamps[-1] == at(14, 3)  # the journal stays in order
    wall.wall = at(14, 10)
    assert controller.act(ActionKind.NEXT) is None
    assert controller.show.actions[-1].at == at(14, 10)  # once the clock is past, it is used as is


# ── the show's timeline: a step is reported, never used until accepted ────
class Wall:
    """A wall clock that moves with the fake monotonic clock and that a test can step."""

    def __init__(self, mono: FakeMonotonic, start: datetime) -> None:
        self.mono, self.start, self.t0, self.offset = mono, start, mono.t, timedelta(0)

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=self.mono.t - self.t0) + self.offset


STEPS = [timedelta(seconds=1), -timedelta(seconds=1), HOUR, -HOUR, timedelta(days=1), -timedelta(days=1)]


@pytest.mark.parametrize("accept", [False, True], ids=["keep-show-time", "follow-the-wall"])
@pytest.mark.parametrize("phase", ["before", "during"])
@pytest.mark.parametrize("size", STEPS, ids=lambda d: format_offset(d))
def test_keys_pressed_while_the_clock_is_wrong_are_stamped_on_show_time(
    plan_2021, at, qapp, phase, size, accept
) -> None:
    mono = FakeMonotonic()
    opened = at(13, 25) if phase == "before" else at(14, 3)
    wall = Wall(mono, opened)
    clock = TimelineClock(wall=wall, monotonic=mono)
    start = (
        []
        if phase == "before"
        else [Action(ActionKind.START, at(13, 30))]
        + [Action(ActionKind.NEXT, at(13, 30) + timedelta(minutes=m)) for m in (5, 10, 15, 20, 30)]
    )
    controller = ShowController(plan_2021, clock, actions=list(start))
    told: list[object] = []
    controller.wall_watch.on_step.append(told.append)
    mono.t += 30
    controller.refresh()
    wall.offset = size  # NTP, a person, a laptop waking up
    mono.t += 1
    controller.refresh()
    big = abs(size) > timedelta(seconds=1)
    assert (clock.pending_step is not None) is big and len(told) == int(big)
    # Keys pressed while the clock is wrong: stamped on the show's timeline, not the wall.
    keys = [ActionKind.START] if phase == "before" else [ActionKind.NEXT, ActionKind.ADJUST]
    for kind in keys:
        mono.t += 7
        assert controller.act(kind, **({"seconds": 60} if kind is ActionKind.ADJUST else {})) is None
    show_now = opened + timedelta(seconds=mono.t - 1000)
    stamps = [a.at for a in controller.show.actions[len(start) :]]
    assert all(
        abs((s - (show_now - timedelta(seconds=7 * (len(keys) - 1 - i)))).total_seconds()) < 0.01
        for i, s in enumerate(stamps)
    )
    # Nothing on screen is computed from the wall the show has not accepted.
    assert abs((clock.now() - show_now).total_seconds()) < 0.01  # at most a slewed millisecond or two
    reference = state_at(controller.show, clock.now())
    assert (controller.state.remaining_s, controller.state.drift_s) == (reference.remaining_s, reference.drift_s)
    if phase == "during":
        assert 0 < controller.state.remaining_s <= 10 * 60 + 60  # a ten-minute slot plus the minute granted
        assert abs(controller.state.drift_s) < 60 * 60  # no drift of hours from a wrong clock
    if not big:
        return
    changed: list[object] = []
    controller.stateChanged.connect(changed.append)
    if accept:
        clock.accept_step()
        assert changed and abs((controller.state.at - wall()).total_seconds()) < 0.01  # follows the wall now
        mono.t += 2
        assert controller.act(ActionKind.MESSAGE, text="확인") is None
        last = controller.show.actions[-1].at
        assert last >= stamps[-1] and abs((last - max(wall(), stamps[-1])).total_seconds()) < 0.01
    else:
        clock.keep_show_time()
        mono.t += 2
        controller.refresh()
        assert clock.pending_step is None and len(told) == 1  # not asked again
        assert abs((controller.state.at - (show_now + timedelta(seconds=2))).total_seconds()) < 0.01


def test_the_step_reaches_the_control_room_as_words(plan_2021, at, qapp) -> None:
    mono = FakeMonotonic()
    wall = Wall(mono, at(14, 5, 12))
    clock = TimelineClock(wall=wall, monotonic=mono)
    controller = ShowController(plan_2021, clock)
    wall.offset = HOUR
    controller.refresh()
    step = controller.wall_watch.last_step
    assert (
        step is not None and step.describe(plan_2021.event.timezone) == "the system clock jumped +1:00:00 at 14:05:12"
    )
    assert step.code == "clock-step" and step.params(plan_2021.event.timezone)["wall"] == "15:05:12"
