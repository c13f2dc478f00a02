"""Guards on destructive keys in the live show (issue 11, finding 2 and 4).

A one-key jump asks first; a double tap of Space does not skip a cue; Enter
belongs to the widget that has focus. A rehearsal drops the guards.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from runshow.live.clock import ManualClock, RehearsalClock
from runshow.session.controller import ShowController
from runshow.ui.commands import DOUBLE_TAP_S, GotoConfirm
from runshow.ui.operator import OperatorWindow
from runshow.ui.rehearsal_panel import install_rehearsal
from runshow.ui.rundown_model import Column

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", r"does not support raise\(\)"),
]

Key = Qt.Key


class Mono:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock(at):
    return ManualClock(at(13, 30))


@pytest.fixture
def controller(plan_2021, clock, qapp):
    c = ShowController(plan_2021, clock)
    yield c
    c.stop_ticking()


def show_active(qtbot, win: QWidget) -> None:
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)


@pytest.fixture
def window(controller, qtbot):
    win = OperatorWindow(controller)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    return win


@pytest.fixture
def asked(monkeypatch):
    """Replaces the confirm; ``answer[0]`` is what the operator clicks."""
    log: list[tuple[object, str, str]] = []
    answer = [False]

    def ask(cls, parent, title: str, text: str) -> bool:
        log.append((parent, title, text))
        return answer[0]

    monkeypatch.setattr(GotoConfirm, "ask", classmethod(ask))
    return log, answer


def select_segment(window: OperatorWindow, row: int) -> None:
    window.rundown.setFocus()
    window.rundown.setCurrentIndex(window.model.index(row, Column.TITLE))


def test_enter_on_a_rundown_row_asks_before_the_live_show_jumps(window, controller, qtbot, asked):
    log, answer = asked
    qtbot.keyClick(window, Key.Key_Space)
    assert controller.state.cue.index == 0
    select_segment(window, 6)  # 일자리 중심의 산단대개조 모델 연구 (kiet)
    qtbot.keyClick(window.rundown, Key.Key_Return)
    assert len(log) == 1
    parent, _title, text = log[0]
    assert parent is window  # in front of the window that asked
    assert "일자리 중심의 산단대개조 모델 연구" in text
    assert controller.state.cue.index == 0  # declined: nothing happened
    assert len(controller.show.actions) == 1
    assert "cancelled" in window.statusBar().currentMessage()
    answer[0] = True
    qtbot.keyClick(window.rundown, Key.Key_Enter)  # the keypad's Enter asks too
    assert len(log) == 2
    assert controller.state.segment.id == "kiet"


def test_double_click_asks_too(window, controller, qtbot, asked):
    log, _answer = asked
    qtbot.keyClick(window, Key.Key_Space)
    row = window.model.index(6, Column.TITLE)
    window.rundown.scrollTo(row)
    centre = window.rundown.visualRect(row).center()
    qtbot.mouseClick(window.rundown.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(window.rundown.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert len(log) == 1
    assert controller.state.cue.index == 0


def test_a_double_tap_of_space_does_not_skip_a_cue(window, controller, clock, qtbot):
    qtbot.keyClick(window, Key.Key_Space)  # start
    clock.advance(0.06)  # the second tap, 60 ms later on the show's clock
    qtbot.keyClick(window, Key.Key_Space)
    assert controller.state.cue.index == 0
    assert [a.kind.value for a in controller.show.actions] == ["start"]
    message = window.statusBar().currentMessage()
    assert "Ignored" in message and "0.1 s" in message
    clock.advance(DOUBLE_TAP_S)  # a deliberate next, later
    qtbot.keyClick(window, Key.Key_Space)
    assert controller.state.cue.index == 1
    clock.advance(0.3)
    qtbot.keyClick(window, Key.Key_Space)  # next right after next: a double tap too
    assert controller.state.cue.index == 1


def test_the_double_tap_window_is_configurable(window, controller, clock, qtbot):
    window.commands.double_tap_s = 0.05
    qtbot.keyClick(window, Key.Key_Space)
    clock.advance(0.06)
    qtbot.keyClick(window, Key.Key_Space)
    assert controller.state.cue.index == 1


def test_the_double_tap_is_measured_on_the_show_clock_not_the_wall(window, controller, clock, qtbot):
    """The wall moves on between the key presses (the test takes real time); the show's clock does not."""
    qtbot.keyClick(window, Key.Key_Space)
    qtbot.wait(0)  # whatever real time passes here does not count
    qtbot.keyClick(window, Key.Key_Space)
    assert controller.state.cue.index == 0


@pytest.fixture
def rehearsing(window, controller, qtbot):
    mono = Mono()
    mode, panel = install_rehearsal(controller, window, [window.miniature])
    mode._make_clock = lambda s, v: RehearsalClock(s, v, monotonic=mono)
    yield mode, panel, mono
    mode.leave()


def test_a_rehearsal_drops_the_guards(window, controller, qtbot, asked, rehearsing, at):
    log, _answer = asked
    mode, _panel, _mono = rehearsing
    mode.enter(start=at(13, 30))
    qtbot.keyClick(window, Key.Key_Space)
    qtbot.keyClick(window, Key.Key_Space)  # no double-tap window in rehearsal
    assert controller.state.cue.index == 1
    select_segment(window, 6)
    qtbot.keyClick(window.rundown, Key.Key_Return)
    assert log == []  # no question in rehearsal
    assert controller.state.segment.id == "kiet"
    mode.leave()
    assert window.commands.guarded  # back live: guarded again


def test_the_rehearsal_speed_box_keeps_its_return(window, controller, qtbot, asked, rehearsing):
    log, _answer = asked
    mode, panel, _mono = rehearsing
    mode.enter()
    select_segment(window, 6)  # a selected row: a stolen Return would ask to go there
    edit = panel.speed_box.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "30")
    qtbot.keyClick(edit, Key.Key_Return)
    assert mode.clock is not None and mode.clock.speed == 30
    assert log == []
    assert "Select a segment" not in window.statusBar().currentMessage()
