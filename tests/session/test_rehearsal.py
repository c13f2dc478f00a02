"""Rehearsal mode: a rehearsal clock and a scratch record, the live show untouched."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from runshow.live.actions import Action, ActionKind
from runshow.live.clock import ManualClock, RehearsalClock
from runshow.live.rehearsal import ScratchRecord, default_start, on_time_script
from runshow.live.scenario import parse_scenario
from runshow.live.show import Show, Status
from runshow.live.state import state_at
from runshow.session.controller import ShowController
from runshow.session.rehearsal import RehearsalMode, ScriptPlayer


class FakeMonotonic:
    """A monotonic source the test moves, so rehearsal time is exact."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def live(plan_2021, at, qapp):
    clock = ManualClock(at(13, 0))
    journal = ScratchRecord()
    controller = ShowController(plan_2021, clock, journal=journal)
    controller.act(ActionKind.MESSAGE, text="live message")
    yield controller, clock, journal
    controller.stop_ticking()


@pytest.fixture
def mono():
    return FakeMonotonic()


@pytest.fixture
def mode(live, mono):
    controller, _, _ = live
    rehearsal = RehearsalMode(controller, clock_factory=lambda s, v: RehearsalClock(s, v, monotonic=mono))
    yield rehearsal
    rehearsal.leave()


def test_enter_defaults_to_ten_minutes_before_the_first_segment(live, mode, plan_2021, at):
    controller, _, _ = live
    mode.enter()
    assert mode.active
    assert isinstance(controller.clock, RehearsalClock)
    assert controller.clock.now() == at(13, 20) == default_start(plan_2021)
    assert controller.state.status is Status.PRE_SHOW
    assert controller.state.countdown_to_next_s == 600


def test_rehearsal_actions_never_reach_the_live_journal(live, mode):
    controller, _, journal = live
    before = list(journal.actions)
    mode.enter()
    assert controller.act(ActionKind.START) is None
    assert controller.act(ActionKind.NEXT) is None
    assert journal.actions == before
    assert mode.record is not None
    assert [a.kind for a in mode.record.actions] == [ActionKind.START, ActionKind.NEXT]


def test_leaving_restores_the_live_show_exactly(live, mode, at):
    controller, clock, journal = live
    live_show = controller.show
    live_actions = list(live_show.actions)
    expected = state_at(live_show, clock.now())
    mode.enter(speed=60)
    controller.act(ActionKind.START)
    controller.act(ActionKind.BLACKOUT, on=True)
    mode.leave()
    assert not mode.active
    assert controller.show is live_show
    assert controller.clock is clock
    assert controller.journal is journal
    assert live_show.actions == live_actions
    got = controller.state
    assert (got.status, got.message, got.blackout, got.remaining) == (
        expected.status,
        expected.message,
        expected.blackout,
        expected.remaining,
    )
    assert got.message == "live message"


def test_speed_pause_and_jump(live, mode, mono, at):
    controller, _, _ = live
    mode.enter(start=at(13, 29), speed=60)
    mono.t += 1.0  # one real second at 60x
    assert controller.clock.now() == at(13, 30)
    mode.pause()
    mono.t += 5.0
    assert controller.clock.now() == at(13, 30)
    assert controller.clock.rate == 0
    mode.resume()
    mode.set_speed(600)
    mono.t += 1.0
    assert controller.clock.now() == at(13, 40)
    mode.jump_to(at(15, 0))
    assert controller.clock.now() == at(15, 0)


def test_jump_to_segment_puts_it_on_air(live, mode, at):
    controller, _, _ = live
    mode.enter()
    mode.jump_to_segment("regions")
    state = controller.state
    assert state.segment is not None and state.segment.id == "regions"
    assert state.speaker is not None and state.speaker.name == "전남"
    assert state.remaining == timedelta(minutes=10)


def test_jump_back_rebuilds_the_show_up_to_that_instant(live, mode, mono, at):
    controller, _, _ = live
    mode.enter(start=at(13, 30))
    controller.act(ActionKind.START)
    mode.jump_to(at(13, 40))
    controller.act(ActionKind.NEXT)
    mode.jump_to(at(13, 35))
    assert [a.kind for a in controller.show.actions] == [ActionKind.START]
    assert controller.state.segment is not None and controller.state.segment.id == "opening"


def test_scenario_plays_on_the_rehearsal_clock(live, mode, mono, plan_2021, at):
    controller, _, _ = live
    scenario = parse_scenario(
        b'mode = "manual"\n[[step]]\nat = "13:30:00"\ndo = "start"\n[[step]]\nat = "13:39:00"\ndo = "next"\n',
        plan_2021,
    )
    mode.enter(scenario=scenario, speed=60)
    assert controller.clock.now() == at(13, 20)
    assert controller.state.status is Status.PRE_SHOW
    mono.t += 10.0  # 10 real seconds at 60x = 10 show minutes
    controller.clock.jump(controller.clock.now())  # what the player's timer would do
    assert controller.state.status is Status.RUNNING
    mono.t += 9.0
    controller.clock.jump(controller.clock.now())
    state = controller.state
    assert state.segment is not None and state.segment.id == "welcome"
    # 개회 선언 ran 13:30–13:39: four minutes over, so the show is four minutes late.
    assert state.drift_s == 240


def test_script_player_applies_due_actions_with_their_own_times(plan_2021, at, qapp):
    clock = ManualClock(at(13, 0))
    controller = ShowController(plan_2021, clock)
    script = on_time_script(Show(plan_2021))
    player = ScriptPlayer(controller, script)
    player.start()
    clock.set(at(13, 52, 30))
    actions = controller.show.actions
    assert [a.at for a in actions] == [at(13, 30), at(13, 35), at(13, 40), at(13, 45), at(13, 50)]
    assert controller.state.segment is not None and controller.state.segment.id == "policy"
    assert controller.state.drift_s == 0
    player.stop()


def test_on_time_script_ends_the_show_on_plan(plan_2021):
    show = Show(plan_2021, on_time_script(Show(plan_2021)))
    end = plan_2021.end
    state = state_at(show, end + timedelta(seconds=1))
    assert state.status is Status.ENDED
    assert state.drift == timedelta(0)
    assert all(isinstance(a, Action) for a in show.actions)
    assert isinstance(end, datetime)


def test_autoplay_started_mid_show_begins_on_the_planned_cue(live, mode, at):
    controller, _, journal = live
    before = list(journal.actions)
    mode.enter(start=at(14, 5), autoplay=True)
    state = controller.state
    assert state.segment is not None and state.segment.id == "regions"
    assert state.speaker is not None and state.speaker.name == "전남"
    assert state.remaining == timedelta(minutes=5)
    assert state.drift_s == 0
    assert journal.actions == before


def test_rehearsal_leaves_the_live_journal_file_byte_for_byte(plan_2021, at, qapp, tmp_path, mono):
    from runshow.live.journal import Journal, journal_path, read_journal

    path = journal_path(plan_2021, tmp_path)
    journal = Journal.create(path, plan_2021, created=at(13, 0))
    clock = ManualClock(at(13, 30))
    controller = ShowController(plan_2021, clock, journal=journal)
    try:
        assert controller.act(ActionKind.START) is None
        clock.advance(61)
        assert controller.act(ActionKind.ADJUST, seconds=60) is None
        before = path.read_bytes()
        rehearsal = RehearsalMode(controller, clock_factory=lambda s, v: RehearsalClock(s, v, monotonic=mono))
        rehearsal.enter(speed=60, autoplay=True)
        for kind in (ActionKind.START, ActionKind.NEXT, ActionKind.PAUSE, ActionKind.RESUME):
            controller.act(kind)
        controller.act(ActionKind.MESSAGE, text="rehearsal only")
        rehearsal.jump_to_segment("panel")
        rehearsal.leave()
        assert path.read_bytes() == before
        assert [a.kind for a in read_journal(path).actions] == [ActionKind.START, ActionKind.ADJUST]
        assert controller.act(ActionKind.NEXT) is None  # live again: this one is journaled
        assert len(read_journal(path).actions) == 3
    finally:
        journal.close()


def test_live_alerts_that_pass_during_a_rehearsal_are_reported_missed(plan_2021, at, qapp, mono):
    from runshow.session.alert_armer import AlertArmer

    clock = ManualClock(at(14, 0))
    controller = ShowController(plan_2021, clock)
    assert controller.act(ActionKind.GOTO, segment="regions") is None  # 전남 on at 14:00
    armer = AlertArmer(controller)
    missed: list[str] = []
    fired: list[str] = []
    armer.alertMissed.connect(lambda alert: missed.append(alert.key))
    armer.alertFired.connect(lambda f: fired.append(f.alert.key))
    armer.start()
    rehearsal = RehearsalMode(controller, clock_factory=lambda s, v: RehearsalClock(s, v, monotonic=mono))
    try:
        assert missed == []
        rehearsal.enter()
        assert missed == []  # a rehearsal has missed nothing
        clock.advance(9 * 60)  # live time moves on to 14:09 while the crew rehearses
        rehearsal.leave()
        assert "wrapup_warning#5" in missed and "speaker_standby#6" in missed  # due 14:08
        assert "wrapup_danger#5" not in missed  # 14:09:30, still to come
        assert fired == []  # reported, never fired late
        assert "wrapup_danger#5" in armer.armed
    finally:
        rehearsal.leave()
        armer.stop()


def test_a_live_alert_dropped_before_a_rehearsal_is_not_dropped_again_after_it(plan_2021, at, qapp, mono):
    from runshow.session.alert_armer import AlertArmer

    clock = ManualClock(at(14, 0))
    controller = ShowController(plan_2021, clock)
    assert controller.act(ActionKind.GOTO, segment="regions") is None
    armer = AlertArmer(controller)
    dropped: list[str] = []
    armer.alertDropped.connect(lambda alert: dropped.append(alert.key))
    armer.start()
    rehearsal = RehearsalMode(controller, clock_factory=lambda s, v: RehearsalClock(s, v, monotonic=mono))
    try:
        assert dropped  # 개회 … 주제발표 never ran: their alerts are dropped, once
        rehearsal.enter()
        dropped.clear()
        rehearsal.leave()
        assert dropped == []  # the live show's log already has them
    finally:
        rehearsal.leave()
        armer.stop()
