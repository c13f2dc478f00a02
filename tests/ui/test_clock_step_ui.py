"""The system clock is stepped mid-show: the control room asks, the stage keeps show time.

The whole app is built on a :class:`TimelineClock` whose wall and monotonic sources a test
moves by hand (a wall that a test can step, as NTP or a person would). The app's own tick
(the controller's flip timer, ``WallClockWatch.check`` → ``TimelineClock.poll``) notices the
step; nothing here calls ``poll`` itself.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator

from runshow.live.actions import ActionKind, next_cue, start
from runshow.live.clock import TimelineClock
from runshow.resources import i18n_dir
from runshow.ui import app as shell
from runshow.ui.clock_step import ClockStepBar

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


class SilentChime:
    def play(self) -> None:
        pass


class Machine:
    """A monotonic clock and a wall clock that moves with it, until a test steps the wall."""

    def __init__(self, opened: datetime) -> None:
        self.t = 5000.0
        self.opened = opened
        self.offset = timedelta(0)

    def monotonic(self) -> float:
        return self.t

    def wall(self) -> datetime:
        return self.opened + timedelta(seconds=self.t - 5000.0) + self.offset

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def live(qtbot, plan_2021, at, tmp_path):
    """The app on the live timeline at 14:00 on the event day, the show started at 13:30."""
    built: list[shell.AppWindows] = []

    def make() -> tuple[shell.AppWindows, Machine, TimelineClock]:
        machine = Machine(at(14, 0))
        clock = TimelineClock(wall=machine.wall, monotonic=machine.monotonic)
        actions = [start(at(13, 30, 1)), next_cue(at(13, 35))]
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        windows = shell.build_app(plan_2021, clock, actions=actions, settings=settings, chime=SilentChime())
        qtbot.addWidget(windows.stage)
        qtbot.addWidget(windows.operator)
        built.append(windows)
        return windows, machine, clock

    yield make
    for windows in built:
        if windows.rehearsal is not None and windows.rehearsal.active:
            windows.rehearsal.leave()
        windows.close()


def _bar(windows: shell.AppWindows) -> ClockStepBar:
    assert windows.clock_step is not None
    return windows.clock_step


def _tick(windows: shell.AppWindows, qtbot) -> None:
    """Let the app's own tick run once (the flip timer, aimed at the next second boundary)."""
    timer = windows.controller.flip_timer
    with qtbot.waitSignal(timer.fired, timeout=3000):
        pass


def _shown_clock(windows: shell.AppWindows) -> str:
    assert windows.operator is not None
    return windows.operator.header_strip.now.text()


@pytest.mark.parametrize("size", [HOUR, -HOUR, DAY, -DAY], ids=["+1h", "-1h", "+1d", "-1d"])
def test_a_step_is_asked_on_the_apps_own_tick_and_kept(live, qtbot, size):
    windows, machine, clock = live()
    bar = _bar(windows)
    windows.controller.start_ticking()
    machine.advance(312)  # 14:05:12
    _tick(windows, qtbot)
    assert bar.isHidden()  # a normal passage of time is no step
    shown_before = _shown_clock(windows)
    stage_before = windows.controller.state
    machine.offset = size  # the wall is stepped
    _tick(windows, qtbot)
    assert not bar.isHidden()
    assert bar.step is not None and bar.step.size == size
    sign = "+" if size > timedelta(0) else "-"
    hours = int(abs(size).total_seconds()) // 3600
    assert f"{sign}{hours}:00:00" in bar.text and "14:05:12" in bar.text
    # The show keeps its own time: the header, the stage and the cue are unchanged.
    assert _shown_clock(windows) == shown_before
    state = windows.controller.state
    assert abs((state.at - stage_before.at).total_seconds()) < 1
    assert (state.cue, state.remaining_s, state.drift_s) == (
        stage_before.cue,
        stage_before.remaining_s,
        stage_before.drift_s,
    )
    # A key pressed while the step is pending is stamped on the show's timeline, not the wall.
    machine.advance(3)
    windows.operator.commands.adjust_plus.trigger()
    pressed = windows.controller.show.actions[-1]
    assert pressed.kind is ActionKind.ADJUST
    assert abs((pressed.at - clock.now()).total_seconds()) < 0.01
    assert abs((pressed.at - machine.wall()).total_seconds() + size.total_seconds()) < 0.01
    # Keep show time: the bar goes, and the same step is not asked again.
    qtbot.mouseClick(bar.keep_button, Qt.MouseButton.LeftButton)
    assert bar.isHidden() and clock.pending_step is None
    assert clock.wall_offset == size
    machine.advance(1)
    _tick(windows, qtbot)
    assert bar.isHidden()
    windows.controller.stop_ticking()


def test_following_the_new_time_moves_show_time_to_the_wall(live, qtbot, at):
    windows, machine, clock = live()
    bar = _bar(windows)
    windows.controller.start_ticking()
    machine.advance(312)
    machine.offset = HOUR
    _tick(windows, qtbot)
    assert not bar.isHidden()
    decided: list[str] = []
    bar.decided.connect(decided.append)
    qtbot.mouseClick(bar.follow_button, Qt.MouseButton.LeftButton)
    assert decided == ["follow"] and bar.isHidden() and clock.pending_step is None
    assert abs((windows.controller.state.at - at(15, 5, 12)).total_seconds()) < 1  # re-derived at once
    windows.operator.commands.adjust_plus.trigger()
    assert abs((windows.controller.show.actions[-1].at - at(15, 5, 12)).total_seconds()) < 1
    windows.controller.stop_ticking()


def test_a_wall_corrected_by_itself_clears_the_question(live, qtbot):
    windows, machine, _clock = live()
    bar = _bar(windows)
    windows.controller.start_ticking()
    machine.offset = -HOUR
    _tick(windows, qtbot)
    assert not bar.isHidden()
    machine.offset = timedelta(0)
    _tick(windows, qtbot)
    assert bar.isHidden()
    windows.controller.stop_ticking()


def test_a_second_is_slewed_never_asked(live, qtbot):
    windows, machine, _clock = live()
    bar = _bar(windows)
    windows.controller.start_ticking()
    machine.offset = timedelta(seconds=1)
    _tick(windows, qtbot)
    assert bar.isHidden()
    machine.offset = timedelta(seconds=-1)
    _tick(windows, qtbot)
    assert bar.isHidden()
    windows.controller.stop_ticking()


def test_rehearsal_has_its_own_clock_and_no_question(live, qtbot):
    windows, machine, clock = live()
    bar = _bar(windows)
    machine.offset = HOUR
    windows.controller.refresh()  # one tick
    assert not bar.isHidden()
    assert windows.rehearsal is not None
    windows.rehearsal.enter()
    assert bar.isHidden()
    windows.rehearsal.leave()
    assert not bar.isHidden()  # still undecided: asked again on the live show
    bar.keep_show_time()
    assert bar.isHidden() and clock.pending_step is None


def test_the_question_is_in_korean(qapp, live):
    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "faults_ko.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        windows, machine, _clock = live()
        bar = _bar(windows)
        machine.advance(312)
        machine.offset = HOUR
        windows.controller.refresh()
        assert "시스템 시계가 14:05:12에 +1:00:00 건너뛰었습니다" in bar.text
        assert bar.keep_button.text() == "행사 시간 유지"
        assert bar.follow_button.text() == "새 시각 따르기"
    finally:
        QCoreApplication.removeTranslator(translator)
