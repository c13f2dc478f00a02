"""The rehearsal dock: controls reach RehearsalMode, and rehearsal is marked everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QMainWindow

from runshow.live.clock import ManualClock, RehearsalClock
from runshow.session.controller import ShowController
from runshow.ui.rehearsal_panel import RehearsalPanel, install_rehearsal, parse_speed


class Marked:
    def __init__(self) -> None:
        self.calls: list[bool] = []

    def set_rehearsal(self, on: bool) -> None:
        self.calls.append(on)


@pytest.fixture
def rig(qtbot, plan_2021, at):
    clock = ManualClock(at(13, 0))
    controller = ShowController(plan_2021, clock)
    window = QMainWindow()
    window.setWindowTitle("runshow")
    qtbot.addWidget(window)
    stage = Marked()
    mode, panel = install_rehearsal(controller, window, [stage])
    yield controller, window, stage, mode, panel
    mode.leave()


@pytest.mark.parametrize(("text", "value"), [("60×", 60.0), ("600", 600.0), ("2.5x", 2.5), (" 10 × ", 10.0)])
def test_parse_speed_accepts(text, value):
    assert parse_speed(text) == value


@pytest.mark.parametrize("text", ["0", "601", "-1", "fast", ""])
def test_parse_speed_rejects(text):
    with pytest.raises(ValueError):
        parse_speed(text)


def test_enter_marks_every_window_and_leave_unmarks(rig, at):
    controller, window, stage, mode, panel = rig
    panel.start_edit.setTime(QTime(14, 0, 0))
    panel.speed_box.setCurrentIndex(panel.speed_box.findData(60))
    panel.enter_button.click()
    assert mode.active
    assert stage.calls == [True]
    assert "REHEARSAL" in window.windowTitle() or "리허설" in window.windowTitle()
    assert not panel.banner.isHidden()
    assert isinstance(controller.clock, RehearsalClock)
    assert controller.clock.speed == 60
    assert controller.clock.now() >= at(14, 0)
    panel.enter_button.click()
    assert not mode.active
    assert stage.calls == [True, False]
    assert window.windowTitle() == "runshow"
    assert panel.banner.isHidden()


def test_bad_speed_is_refused_with_a_message(rig):
    _, _, _, mode, panel = rig
    panel.speed_box.setEditText("9000")
    panel.enter_button.click()
    assert not mode.active
    assert "600" in panel.status.text()


def test_jump_to_segment_from_the_dock(rig):
    controller, _, _, _, panel = rig
    panel.enter_button.click()
    panel.segment_box.setCurrentIndex(panel.segment_box.findData("panel"))
    panel.jump_segment_button.click()
    assert controller.state.segment is not None and controller.state.segment.id == "panel"


def test_pause_button_stops_the_rehearsal_clock(rig):
    controller, _, _, _mode, panel = rig
    panel.enter_button.click()
    panel.pause_button.click()
    assert controller.clock.rate == 0
    panel.pause_button.click()
    assert controller.clock.rate > 0


def test_bad_scenario_shows_located_errors_and_stays_live(rig, tmp_path, monkeypatch):
    _, _, _, mode, panel = rig
    bad = tmp_path / "bad.toml"
    bad.write_text('[[step]]\nat = "25:00"\ndo = "start"\n', encoding="utf-8")
    monkeypatch.setattr(RehearsalPanel, "ask_scenario_path", classmethod(lambda cls, parent: str(bad)))
    panel.scenario_button.click()
    assert not mode.active
    assert f"{bad}:2" in panel.status.text()


def test_good_scenario_enters_rehearsal(rig, monkeypatch):
    _controller, _, _, mode, panel = rig
    path = Path(__file__).resolve().parent.parent / "scenarios" / "late.toml"
    monkeypatch.setattr(RehearsalPanel, "ask_scenario_path", classmethod(lambda cls, parent: str(path)))
    panel.scenario_button.click()
    assert mode.active
    assert "late.toml" in panel.status.text()


def test_ticking_the_on_time_operator_during_a_rehearsal_applies_at_once(rig, at):
    """Issue 11, finding 5: the option used to be read only when a rehearsal started."""
    from runshow.live.show import Status

    controller, _window, _stage, mode, panel = rig
    panel.start_edit.setTime(QTime(13, 29, 0))
    panel.enter_button.click()
    assert mode.active and controller.state.status is Status.PRE_SHOW
    panel.autoplay.setChecked(True)
    assert "On-time operator on" in panel.status.text()
    mode.jump_to(at(13, 30))
    assert controller.state.status is Status.RUNNING  # the on-time operator started the show
    assert controller.state.cue.index == 0
    mode.jump_to(at(13, 35))
    assert controller.state.cue.index == 1  # and pressed Next at the planned end
    panel.autoplay.setChecked(False)
    assert "off" in panel.status.text()
    mode.jump_to(at(13, 40, 1))
    assert controller.state.cue.index == 1  # unticked: nobody presses Next any more


def test_the_start_time_is_disabled_with_a_reason_while_rehearsing(rig):
    _controller, _window, _stage, mode, panel = rig
    assert panel.start_edit.isEnabled()
    panel.enter_button.click()
    assert not panel.start_edit.isEnabled()
    assert not panel.start_hint.isHidden() and "Jump to time" in panel.start_hint.text()
    assert "Jump to time" in panel.start_edit.toolTip()
    mode.leave()
    assert panel.start_edit.isEnabled() and panel.start_hint.isHidden()
