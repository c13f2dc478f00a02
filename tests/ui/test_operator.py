"""The control room driven from the keyboard, on a hand-stepped clock.

Every check reads the engine's state and the rundown's highlight after the key
press has been handled, with no event-loop wait: a key reaches the engine and
both windows within one turn.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from runshow.live.actions import ActionKind, Mode
from runshow.live.clock import ManualClock
from runshow.live.show import Status
from runshow.session.controller import ShowController
from runshow.ui.commands import GotoConfirm
from runshow.ui.message_dialog import MessageDialog, presets
from runshow.ui.operator import OperatorWindow
from runshow.ui.rundown_model import CURRENT_BACKGROUND, Column

pytestmark = [
    # The offscreen platform cannot pass a main window's size hints on, nor raise a window;
    # harmless there, and not ours.
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", r"does not support raise\(\)"),
]

Key = Qt.Key


class FakeStage(QWidget):
    """Stands in for StageWindow (and its placement): records full-screen toggles."""

    def __init__(self) -> None:
        super().__init__()
        self.toggles = 0
        self.placement = self

    def toggle_full_screen(self) -> None:
        self.toggles += 1


@pytest.fixture
def clock(at):
    return ManualClock(at(13, 29, 50))


@pytest.fixture
def controller(plan_2021, clock, qapp):
    return ShowController(plan_2021, clock)


def show_active(qtbot, win: QWidget) -> None:
    """Shown and active: window shortcuts only fire in the active window.

    ``qtbot.waitActive`` can return before the platform has activated the
    window, so wait for QApplication to say so.
    """
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
def confirm(monkeypatch):
    """Answers the live show's "go to this segment?" with ``answer[0]``; records what was asked."""
    asked: list[tuple[object, str]] = []
    answer = [True]

    def ask(cls, parent, title: str, text: str) -> bool:
        asked.append((parent, text))
        return answer[0]

    monkeypatch.setattr(GotoConfirm, "ask", classmethod(ask))
    return asked, answer


def highlighted(window: OperatorWindow) -> list[int]:
    """Cue indexes whose rundown row carries the current-cue background."""
    model = window.model
    out = []
    for cue in window.controller.show.cues:
        index = model.index_of_cue(cue.index, Column.TITLE)
        brush = model.data(index, Qt.ItemDataRole.BackgroundRole)
        if brush is not None and brush.color() == CURRENT_BACKGROUND:
            out.append(cue.index)
    return out


def press(qtbot, widget: QWidget, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, key)


def test_space_drives_the_whole_2021_show(window, controller, clock, qtbot):
    cues = controller.show.cues
    assert len(cues) == 17
    assert controller.state.status is Status.PRE_SHOW
    assert highlighted(window) == []
    assert window.commands.start_next.text() == "Start"
    clock.set(cues[0].planned_start)
    press(qtbot, window, Key.Key_Space)
    for cue in cues:
        state = controller.state
        assert state.status is Status.RUNNING
        assert state.cue is cue
        assert highlighted(window) == [cue.index]
        assert window.model.current_cue == cue.index
        if cue.speaker_index is not None:  # the current segment's speakers are open
            assert window.rundown.isExpanded(window.model.index(cue.segment_index, 0))
        assert window.header_strip.cue.text() == cue.label
        assert window.commands.start_next.text() == "Next"
        clock.advance((cue.length + timedelta(seconds=1)).total_seconds())  # each cue one second over
        press(qtbot, window, Key.Key_Space)
    state = controller.state
    assert state.status is Status.ENDED
    assert state.drift == timedelta(seconds=len(cues))
    assert highlighted(window) == []
    assert not window.commands.start_next.isEnabled()
    assert window.header_strip.cue.text() == "The show has ended"


def test_every_speaker_order_shows_from_the_start_and_a_next_moves_no_row(window, controller, clock, qtbot):
    """The operator reads who speaks next before the segment starts; a next opens no rows.

    (A next that opened a segment's speaker rows moved every row below it: the whole rundown
    repainted at the operator's key.) An amendment resets the model: the speakers open again.
    """
    model, view = window.model, window.rundown
    with_speakers = [si for si in range(model.rowCount()) if model.rowCount(model.index(si, 0))]
    assert len(with_speakers) == 2  # 축사, 시·도별 혁신계획 발표
    assert all(view.isExpanded(model.index(si, 0)) for si in with_speakers)
    last = model.index(model.rowCount() - 1, 0)
    y_last = view.visualRect(last).y()
    clock.set(controller.show.cues[0].planned_start)
    press(qtbot, window, Key.Key_Space)
    for _ in range(6):  # into the first speaker segment and through its speakers
        press(qtbot, window, Key.Key_Space)
        assert view.visualRect(last).y() == y_last
    view.collapse(model.index(with_speakers[1], 0))
    model.reset_plan(controller.state)  # what a new show does (a reload, rehearsal in or out)
    assert all(view.isExpanded(model.index(si, 0)) for si in with_speakers)


def test_keys_work_while_the_rundown_has_focus(window, controller, clock, qtbot, at):
    window.rundown.setFocus()
    clock.set(at(13, 30))
    press(qtbot, window.rundown, Key.Key_Space)
    clock.advance(1)  # further apart than a double tap
    press(qtbot, window.rundown, Key.Key_Space)
    assert controller.state.cue.index == 1
    press(qtbot, window.rundown, Key.Key_Backspace)
    assert controller.state.cue.index == 0
    press(qtbot, window.rundown, Key.Key_Plus)
    assert controller.state.length == timedelta(minutes=6)
    press(qtbot, window.rundown, Key.Key_Minus, times=2)
    assert controller.state.length == timedelta(minutes=4)
    press(qtbot, window.rundown, Key.Key_P)
    assert controller.state.status is Status.PAUSED
    assert window.commands.pause_resume.text() == "Resume"
    press(qtbot, window.rundown, Key.Key_P)
    assert controller.state.status is Status.RUNNING


def test_pause_freezes_the_header_countdown(window, controller, clock, qtbot, at):
    clock.set(at(13, 30))
    press(qtbot, window, Key.Key_Space)
    clock.advance(60)
    press(qtbot, window, Key.Key_P)
    assert window.header_strip.remaining.text() == "04:00"
    clock.advance(90)
    controller.refresh()
    assert window.header_strip.remaining.text() == "04:00"
    assert "(paused)" in window.header_strip.cue.text()
    press(qtbot, window, Key.Key_P)
    clock.advance(30)
    controller.refresh()
    assert window.header_strip.remaining.text() == "03:30"


def test_header_strip_shows_drift_and_projected_end(window, controller, clock, qtbot, at):
    clock.set(at(13, 32))
    press(qtbot, window, Key.Key_Space)
    strip = window.header_strip
    assert strip.now.text() == "13:32:00"
    assert strip.drift.text() == "+2:00 late"
    assert "#ff6b6b" in strip.drift.styleSheet()  # a minute or more late: red
    assert strip.projected_end.text() == "16:27:00 (planned 16:25)"
    clock.set(at(13, 33))
    press(qtbot, window, Key.Key_Space)  # 개회사 starts two minutes early
    assert strip.drift.text() == "2:00 early"
    assert "#7ddc83" in strip.drift.styleSheet()  # green
    assert strip.mode.text() == "Manual"


def test_adjust_past_the_whole_length_is_rejected_on_the_status_bar(window, controller, clock, qtbot, at):
    clock.set(at(13, 30))
    press(qtbot, window, Key.Key_Space)
    press(qtbot, window, Key.Key_Minus, times=4)
    assert controller.state.length == timedelta(minutes=1)
    with qtbot.waitSignal(controller.actionRejected):
        press(qtbot, window, Key.Key_Minus)
    assert controller.state.length == timedelta(minutes=1)
    assert "cannot take away" in window.statusBar().currentMessage()


def test_message_via_replaced_dialog_reaches_engine_and_miniature(window, controller, qtbot, monkeypatch):
    asked: list[str | None] = []

    def fake_ask(parent=None, current=None):
        asked.append(current)
        return "마무리 부탁드립니다"

    monkeypatch.setattr(MessageDialog, "ask", fake_ask)
    press(qtbot, window, Key.Key_M)
    assert asked == [None]
    assert controller.state.message == "마무리 부탁드립니다"
    assert window.miniature.content.message == "마무리 부탁드립니다"
    assert window.commands.clear_message.isEnabled()
    press(qtbot, window, Key.Key_C)
    assert controller.state.message is None
    assert window.miniature.content.message is None
    assert not window.commands.clear_message.isEnabled()


def test_cancelled_message_sends_nothing(window, controller, qtbot, monkeypatch):
    monkeypatch.setattr(MessageDialog, "ask", lambda parent=None, current=None: None)
    with qtbot.assertNotEmitted(controller.actionApplied):
        press(qtbot, window, Key.Key_M)
    assert controller.state.message is None


def test_message_dialog_presets_send_on_click(qtbot):
    dialog = MessageDialog()
    qtbot.addWidget(dialog)
    assert [b.text() for b in dialog.preset_buttons] == presets()
    with qtbot.waitSignal(dialog.accepted):
        dialog.preset_buttons[1].click()
    assert dialog.text() == "One minute left"


def test_blackout_toggles_engine_action_and_miniature(window, controller, qtbot):
    press(qtbot, window, Key.Key_B)
    assert controller.state.blackout
    assert window.commands.blackout.isChecked()
    assert window.miniature.content.blackout
    press(qtbot, window, Key.Key_B)
    assert not controller.state.blackout
    assert not window.commands.blackout.isChecked()
    assert not window.miniature.content.blackout


def test_goto_by_double_click(window, controller, clock, qtbot, at, confirm):
    clock.set(at(13, 30))
    press(qtbot, window, Key.Key_Space)
    row = window.model.index(6, Column.TITLE)  # 일자리 중심의 산단대개조 모델 연구
    window.rundown.scrollTo(row)
    rect = window.rundown.visualRect(row)
    # An item view acts on a double-click only on the row the press landed on.
    qtbot.mouseClick(window.rundown.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.rundown.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert controller.state.segment.id == "kiet"
    assert highlighted(window) == [controller.show.first_cue_of("kiet")]


def test_goto_selected_row_with_g(window, controller, clock, qtbot, at, confirm):
    clock.set(at(13, 30))
    window.rundown.setFocus()  # focus alone makes a current row; only a selection counts
    press(qtbot, window, Key.Key_G)  # nothing selected yet
    assert "Select a segment" in window.statusBar().currentMessage()
    window.rundown.setCurrentIndex(window.model.index(1, 0, window.model.index(4, 0)))  # selects 경북's row
    press(qtbot, window.rundown, Key.Key_G)
    assert controller.state.segment.id == "regions"
    assert controller.state.speaker.name == "전남"  # goto starts a segment at its first cue


def test_follow_mode_switch(window, controller, clock, qtbot, at):
    clock.set(at(14, 12))
    press(qtbot, window, Key.Key_F)
    state = controller.state
    assert state.mode is Mode.FOLLOW
    assert state.speaker.name == "경북"
    assert window.commands.follow_mode.isChecked()
    assert window.header_strip.mode.text() == "Follow the plan"
    assert window.miniature.content.presenter.startswith("경북")
    press(qtbot, window, Key.Key_F)
    assert controller.state.mode is Mode.MANUAL
    assert not window.commands.follow_mode.isChecked()
    assert controller.state.speaker.name == "경북"  # the operator took over where the plan was


def test_miniature_follows_the_state(window, controller, clock, qtbot, at):
    clock.set(at(13, 30))
    press(qtbot, window, Key.Key_Space)
    assert window.miniature.content.title == controller.state.segment.title
    clock.advance(60)
    controller.refresh()
    assert window.miniature.content.countdown == "04:00"


def test_every_control_shows_its_shortcut_in_the_tooltip(window):
    commands = window.commands
    assert commands.start_next.toolTip() == "Start (Space)"
    assert commands.stage_full_screen.toolTip() == "Stage full screen (F11)"
    for action in commands.all_actions:
        assert action.toolTip().endswith(")"), action.toolTip()
        assert action.shortcutContext() is Qt.ShortcutContext.WindowShortcut


def test_help_overlay_lists_every_shortcut_and_closes_on_a_key(window, controller, qtbot):
    press(qtbot, window, Key.Key_F1)
    overlay = window.help_overlay
    assert overlay.isVisible()
    assert len(overlay.rows) == len(window.commands.help_actions)
    assert ("Return / Enter", "Go to selected segment (rundown)") in overlay.rows
    assert ("Space", "Start") in overlay.rows
    press(qtbot, overlay, Key.Key_Space)  # closes the overlay, does not start the show
    assert not overlay.isVisible()
    assert controller.state.status is Status.PRE_SHOW


def test_f11_toggles_the_stage_window(controller, qtbot):
    stage = FakeStage()
    qtbot.addWidget(stage)
    win = OperatorWindow(controller, stage_window=stage)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    with qtbot.waitSignal(win.stageFullScreenRequested):
        press(qtbot, win, Key.Key_F11)
    assert stage.toggles == 1


def test_other_features_can_add_a_menu_before_help(window):
    menu = window.add_menu("rehearsal", "Rehearsal")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("Rehearsal") == titles.index("&Help") - 1
    assert window.menus["rehearsal"] is menu


def test_a_replaced_show_resets_the_rundown_once(window, controller, clock, qtbot, at, plan_2021):
    from runshow.live.show import Show

    clock.set(at(13, 30))
    press(qtbot, window, Key.Key_Space)
    assert highlighted(window) == [0]
    rehearsal_clock = ManualClock(at(14, 12))
    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    controller.replace(Show(plan_2021, []), rehearsal_clock, None)
    assert resets == [True]
    assert controller.state.status is Status.PRE_SHOW
    assert highlighted(window) == []
    press(qtbot, window, Key.Key_Space)
    assert highlighted(window) == [0]
    assert window.model.data(window.model.index(0, Column.ACTUAL_START)) == "14:12:00"


def test_help_overlay_says_what_space_does_now(window, clock, qtbot, at):
    clock.set(at(13, 30))
    press(qtbot, window, Key.Key_Space)
    press(qtbot, window, Key.Key_F1)
    assert ("Space", "Next") in window.help_overlay.rows


def test_a_key_reaches_the_engine_and_both_windows_in_one_turn(controller, clock, qtbot, at, tmp_path):
    from PySide6.QtCore import QSettings

    from runshow.ui.stage import StageWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    stage = StageWindow(controller, settings=settings)
    qtbot.addWidget(stage)
    win = OperatorWindow(controller, stage_window=stage)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    clock.set(at(13, 30))
    qtbot.keyClick(win, Key.Key_Space)
    # no wait: the state, the rundown, the miniature and the stage all moved in the key's own turn
    assert controller.state.cue.index == 0
    assert highlighted(win) == [0]
    assert stage.view.content.title == win.miniature.content.title == controller.state.segment.title
    qtbot.keyClick(win, Key.Key_B)
    assert stage.view.content.blackout and win.miniature.content.blackout


def test_a_disabled_control_key_does_nothing_in_the_rundown(window, controller, clock, qtbot, at):
    clock.set(at(13, 30))
    press(qtbot, window, Key.Key_Space)
    controller.act(ActionKind.GOTO, segment="closing")
    press(qtbot, window, Key.Key_Space)  # past the last cue: the show has ended
    assert controller.state.status is Status.ENDED
    assert not window.commands.start_next.isEnabled()
    view = window.rundown
    view.setFocus()
    view.setCurrentIndex(window.model.index(4, 0))  # 시·도별 혁신계획 발표
    view.collapse(window.model.index(4, 0))
    selected = view.selectionModel().selectedRows()
    press(qtbot, view, Key.Key_Space)  # falls through to the view: must not touch the selection
    press(qtbot, view, Key.Key_Plus)  # adjust is disabled too: must not unfold the row
    assert view.selectionModel().selectedRows() == selected
    assert not view.isExpanded(window.model.index(4, 0))
    assert controller.state.status is Status.ENDED


def test_f11_puts_the_real_stage_window_full_screen_and_keeps_the_keys_here(controller, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from runshow.ui.stage import StageWindow

    stage = StageWindow(controller, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(stage)
    win = OperatorWindow(controller, stage_window=stage)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    press(qtbot, win, Key.Key_F11)
    qtbot.waitUntil(stage.isFullScreen)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)  # Space must still drive the show
    press(qtbot, win, Key.Key_F11)
    qtbot.waitUntil(lambda: not stage.isFullScreen())


def test_the_first_rows_ticking_delta_is_repainted_without_measuring_the_row(window, controller, clock, qtbot, at):
    """While the first segment runs over, its end and delta change every second: the view
    repaints those cells and does not ask for the row's other cells (QTreeView measured all
    nine for the shared row height at every such change)."""
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    clock.set(at(13, 35, 3))  # three seconds over
    controller.refresh()
    QApplication.processEvents()
    model, view = window.model, window.rundown
    height = view.visualRect(model.index(0, Column.TITLE)).height()
    asked: list[tuple[int, int]] = []
    real = model.multiData
    model.multiData = lambda index, span: (asked.append((index.row(), index.column())), real(index, span))[1]
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.append((top.row(), top.column())))
    handed = model.repaint_cells
    assert handed is not None
    model.repaint_cells = lambda cells: (changed.extend((c.row(), c.column()) for c in cells), handed(cells))[1]
    clock.advance(1)
    controller.refresh()
    assert (0, Column.DELTA) in changed  # the first row's delta did change (handed to the view)
    measured = [cell for cell in asked if cell[0] == 0 and cell[1] < Column.ACTUAL_START]
    assert measured == [], "the first row's fixed cells were asked again for its height"
    assert text_of(model, 0, Column.DELTA) == "+0:04"
    QApplication.processEvents()
    assert view.visualRect(model.index(0, Column.TITLE)).height() == height


def text_of(model, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
