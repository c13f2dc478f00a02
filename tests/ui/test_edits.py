"""Editing the rundown in the control room: inline edits, the context menu and keys, refusals, save.

Every change is one ``amend`` action through the controller; the tests check the plan the
engine now holds, the journal-bound action list, the status bar, the stage and the alerts.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from runshow.live.actions import ActionKind, AmendOp
from runshow.live.clock import ManualClock
from runshow.live.schedule_toml import amended_schedule_toml
from runshow.plan import load_plan, parse_plan
from runshow.session.alert_armer import AlertArmer
from runshow.session.controller import ShowController
from runshow.ui import rundown_edit
from runshow.ui.operator import OperatorWindow
from runshow.ui.rundown_edit import InsertDialog, SaveAmendedDialog, length_text, parse_length
from runshow.ui.rundown_model import Column

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", r"does not support raise\(\)"),
]

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
M = timedelta(minutes=1)


@pytest.fixture
def clock(at):
    return ManualClock(at(13, 30))


@pytest.fixture
def controller(plan_2021, clock):
    c = ShowController(plan_2021, clock)
    assert c.act(ActionKind.START) is None
    yield c
    c.stop_ticking()


@pytest.fixture
def window(controller, qtbot):
    win = OperatorWindow(controller)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture
def korean(qapp) -> Iterator[None]:
    from runshow.ui.app import install_translators

    previous = QLocale()
    translators = install_translators(qapp, "ko")
    yield
    for t in translators:
        qapp.removeTranslator(t)
    QLocale.setDefault(previous)


def row_of(win: OperatorWindow, segment_id: str, column: int = Column.TITLE) -> QModelIndex:
    for row in range(win.model.rowCount()):
        index = win.model.index(row, column)
        if win.model.segment_at(index).id == segment_id:
            return index
    raise AssertionError(segment_id)


def select(win: OperatorWindow, segment_id: str, column: int = Column.TITLE) -> QModelIndex:
    index = row_of(win, segment_id, column)
    win.rundown.setFocus()
    win.rundown.setCurrentIndex(index)
    return index


def amendments(controller: ShowController) -> list:
    return [a for a in controller.show.actions if a.kind is ActionKind.AMEND]


def status(win: OperatorWindow) -> str:
    return win.statusBar().currentMessage()


def type_into_editor(qtbot, win: OperatorWindow, text: str) -> None:
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert editor.parent() is win.rundown.viewport()  # the delegate's editor, in the rundown
    if text.isascii():
        editor.selectAll()
        qtbot.keyClicks(editor, text)
    else:  # QTest types ASCII only (it aborts on Hangul): put the text in as an input method would
        editor.setText(text)
    qtbot.keyClick(editor, Key.Key_Return)


# ── parsing what the operator types ───────────────────────────────────────
@pytest.mark.parametrize(
    "text, seconds",
    [("8", 480), ("7:30", 450), ("7m30s", 450), ("1h5m", 3900), ("7′30″", 450), (" 12 ", 720), ("30s", 30)],
)
def test_lengths_as_typed(text, seconds):
    assert parse_length(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "7:75", "-3", "1.5"])
def test_what_is_not_a_length(text):
    assert parse_length(text) is None


def test_length_text_reads_back():
    assert [length_text(s) for s in (600, 570, 3900)] == ["10", "9:30", "65"]
    assert all(parse_length(length_text(s)) == s for s in (600, 570, 3900, 61))


# ── inline edits ──────────────────────────────────────────────────────────
def test_f2_edits_a_future_length_as_one_amendment(window, controller, qtbot):
    before_end = controller.state.projected_end
    select(window, "break1", Column.LENGTH)
    qtbot.keyClick(window.rundown, Key.Key_F2)
    type_into_editor(qtbot, window, "5")
    qtbot.waitUntil(lambda: len(amendments(controller)) == 1)
    (action,) = amendments(controller)
    assert action.amend.op is AmendOp.LENGTH and action.amend.segment == "break1" and action.amend.seconds == 300
    assert controller.plan.segment("break1").duration == 5 * M
    assert controller.state.projected_end == before_end - 5 * M
    assert "Changed" in status(window)
    # the model was rebuilt on the amended plan and the edited row stays selected
    assert window.model.data(row_of(window, "break1", Column.LENGTH)) == "5′"
    assert window.selected_segment().id == "break1"


def test_double_click_still_means_go_to_not_edit(window, controller, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr("runshow.ui.commands.GotoConfirm.ask", lambda *a: asked.append(a[2]) or False)
    index = select(window, "break1", Column.TITLE)
    window.rundown.scrollTo(index)
    rect = window.rundown.visualRect(index)
    qtbot.mouseClick(window.rundown.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.rundown.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked and window.rundown.state() is not window.rundown.State.EditingState
    assert amendments(controller) == []


def test_title_edit_shows_on_the_stage_at_once(window, controller, qtbot):
    # the next segment's title is on the stage ("Next: …")
    assert "개회사 및 인사말" in window.miniature.content.next_label
    assert window.editor.edit_current(select(window, "welcome", Column.TITLE))
    type_into_editor(qtbot, window, "개회사")
    qtbot.waitUntil(lambda: controller.plan.segment("welcome").title == "개회사")
    assert window.miniature.content.next_label.endswith("개회사")


def test_owner_and_a_speakers_name_and_slot(window, controller, qtbot):
    assert window.editor.commit(row_of(window, "kiet", Column.OWNER), "산업연구원 (KIET)")
    assert controller.plan.segment("kiet").owner == "산업연구원 (KIET)"
    regions = row_of(window, "regions", 0)
    name = window.model.index(0, Column.TITLE, regions)
    slot = window.model.index(1, Column.LENGTH, regions)
    assert window.model.flags(name) & Qt.ItemFlag.ItemIsEditable
    window.rundown.expand(regions)
    assert window.editor.edit_current(name)
    type_into_editor(qtbot, window, "전남도")
    qtbot.waitUntil(lambda: controller.plan.segment("regions").speakers[0].name == "전남도")
    regions = row_of(window, "regions", 0)
    slot = window.model.index(1, Column.LENGTH, regions)
    assert window.editor.commit(slot, "12")
    speakers = controller.plan.segment("regions").speakers
    assert speakers[1].duration == 12 * M and controller.plan.segment("regions").duration == 52 * M
    assert [a.amend.op for a in amendments(controller)] == [AmendOp.OWNER, AmendOp.SPEAKER_SET, AmendOp.SPEAKER_SET]


def test_an_unchanged_cell_takes_no_action(window, controller):
    assert not window.editor.commit(row_of(window, "break1", Column.LENGTH), "10")
    assert not window.editor.commit(row_of(window, "break1", Column.TITLE), "휴식")
    assert amendments(controller) == []


def test_every_edit_re_arms_the_alerts(controller, window):
    armer = AlertArmer(controller)
    armer.start()
    try:

        # (the armer plans the next eight cues ahead, or ten minutes: the regions are in it)
        def region_alerts() -> dict[str, object]:
            return {k: a.instant for k, a in armer.armed.items() if a.segment_id == "regions"}

        before = region_alerts()
        assert before
        assert window.editor.commit(row_of(window, "policy", Column.LENGTH), "5")
        after = region_alerts()
        assert set(after) == set(before)
        assert all(after[k] == before[k] - 5 * M for k in before)  # every alert of a later segment moved
    finally:
        armer.stop()


# ── past rows and refusals ────────────────────────────────────────────────
def test_a_past_row_is_not_editable_and_says_why(window, controller, clock):
    clock.advance(minutes=5)
    assert controller.act(ActionKind.NEXT) is None  # opening has ended, welcome is on
    opening = row_of(window, "opening", Column.LENGTH)
    assert not window.model.flags(opening) & Qt.ItemFlag.ItemIsEditable
    # the current segment: length, title and owner yes; later ones everything
    assert window.model.flags(row_of(window, "welcome", Column.LENGTH)) & Qt.ItemFlag.ItemIsEditable
    assert window.model.flags(row_of(window, "break1", Column.OWNER)) & Qt.ItemFlag.ItemIsEditable
    window.rundown.setCurrentIndex(opening)
    assert not window.editor.edit_current()
    assert "has already ended" in status(window) and "opening" in status(window)
    assert amendments(controller) == []


def test_a_refused_edit_says_why_in_the_status_bar_and_changes_nothing(window, controller):
    plan = controller.plan
    assert not window.editor.commit(row_of(window, "break1", Column.LENGTH), "0")
    assert "needs a length of more than zero" in status(window)
    assert not window.editor.commit(row_of(window, "break1", Column.TITLE), "   ")
    assert "a segment needs a title" in status(window)
    assert not window.editor.commit(row_of(window, "break1", Column.LENGTH), "soon")
    assert "Not a length" in status(window)
    assert controller.plan is plan and amendments(controller) == []


def test_a_refusal_is_in_korean(korean, window, controller, clock):
    clock.advance(minutes=5)
    controller.act(ActionKind.NEXT)
    assert not window.editor.commit(row_of(window, "opening", Column.TITLE), "개회")
    assert "이미" in status(window) and "has already" not in status(window)
    assert amendments(controller) == []


def test_an_edit_is_undone_by_ctrl_z(window, controller, plan_2021, qtbot):
    assert window.editor.commit(row_of(window, "break2", Column.LENGTH), "3")
    window.commands.undo.trigger()
    assert controller.plan.segment("break2").duration == plan_2021.segment("break2").duration
    assert window.model.data(row_of(window, "break2", Column.LENGTH)) == "10′"


# ── the context menu and the keys ─────────────────────────────────────────
def test_the_context_menu_for_a_future_row_offers_everything(window):
    menu = window.editor.build_menu(select(window, "kli"))
    e = window.editor
    for action in (e.edit, e.insert_before, e.insert_after, e.remove, e.skip, e.move_up, e.move_down):
        assert action in menu.actions() and action.isEnabled(), action.text()
    assert e.edit.text() == "Edit"


def test_the_context_menu_for_a_past_row_disables_each_action_with_the_reason(window, controller, clock):
    clock.advance(minutes=5)
    controller.act(ActionKind.NEXT)
    e = window.editor
    menu = e.build_menu(row_of(window, "opening"))
    first = menu.actions()[0]
    assert not first.isEnabled() and "has already ended" in first.text()
    for action in (e.edit, e.insert_before, e.insert_after, e.remove, e.skip, e.move_up, e.move_down):
        assert not action.isEnabled(), action.text()
        assert "has already ended" in action.toolTip() or action is e.move_up  # the first row: no "up" at all
    # the current segment: edit yes, insert after yes, remove no
    menu = e.build_menu(row_of(window, "welcome"))
    assert e.edit.isEnabled() and e.insert_after.isEnabled()
    assert not e.remove.isEnabled() and "already started" in e.remove.toolTip()


def test_insert_after_and_before(window, controller, monkeypatch):
    answers = iter([("영상 상영", "3", "운영팀"), ("안내 말씀", "1:30", "")])
    headings: list[str] = []
    monkeypatch.setattr(InsertDialog, "ask", classmethod(lambda cls, parent, h: headings.append(h) or next(answers)))
    select(window, "kiet")
    window.editor.insert_after.trigger()
    ids = [s.id for s in controller.plan.segments]
    new = ids[ids.index("kiet") + 1]
    seg = controller.plan.segment(new)
    assert (seg.title, seg.duration, seg.owner) == ("영상 상영", 3 * M, "운영팀")
    assert window.selected_segment().id == new
    select(window, "kiet")
    window.editor.insert_before.trigger()
    ids = [s.id for s in controller.plan.segments]
    assert controller.plan.segment(ids[ids.index("kiet") - 1]).duration == timedelta(seconds=90)
    assert headings == [
        "Insert after “일자리 중심의 산단대개조 모델 연구”",
        "Insert before “일자리 중심의 산단대개조 모델 연구”",
    ]
    assert [a.amend.op for a in amendments(controller)] == [AmendOp.INSERT, AmendOp.INSERT]


def test_a_cancelled_insert_does_nothing(window, controller, monkeypatch):
    monkeypatch.setattr(InsertDialog, "ask", classmethod(lambda cls, parent, h: None))
    select(window, "kiet")
    window.editor.insert_after.trigger()
    assert amendments(controller) == []


def test_keys_remove_skip_and_move(window, controller, qtbot):
    ids = lambda: [s.id for s in controller.plan.segments]  # noqa: E731
    select(window, "krihs")
    qtbot.keyClick(window.rundown, Key.Key_Up, ALT)
    assert ids().index("krihs") == ids().index("kli") - 1
    assert window.selected_segment().id == "krihs"  # still selected: a second Alt+↑ moves it again
    qtbot.keyClick(window.rundown, Key.Key_Up, ALT)
    assert ids()[6:9] == ["krihs", "kiet", "kli"]
    qtbot.keyClick(window.rundown, Key.Key_Down, ALT)
    assert ids()[6:9] == ["kiet", "krihs", "kli"]
    select(window, "break2")
    qtbot.keyClick(window.rundown, Key.Key_Delete, SHIFT)
    assert "break2" not in ids()
    assert "Skipped" in status(window)
    select(window, "kli")
    qtbot.keyClick(window.rundown, Key.Key_Delete)
    assert "kli" not in ids()
    assert [a.amend.op for a in amendments(controller)] == [AmendOp.MOVE] * 3 + [AmendOp.SKIP, AmendOp.REMOVE]
    window.commands.undo.trigger()
    assert "kli" in ids()


def test_a_key_on_a_past_row_is_refused_by_the_engine(window, controller, clock, qtbot):
    clock.advance(minutes=5)
    controller.act(ActionKind.NEXT)
    select(window, "opening")
    qtbot.keyClick(window.rundown, Key.Key_Delete)
    assert "opening" in [s.id for s in controller.plan.segments]
    assert "has already ended" in status(window)
    assert amendments(controller) == []


# ── File → Save amended schedule ──────────────────────────────────────────
@pytest.fixture
def own_copy(tmp_path, plan_2021):
    from tests.conftest import SCHEDULE_2021

    source = tmp_path / "show.toml"
    shutil.copy(SCHEDULE_2021, source)
    return source, load_plan(source)


def test_save_writes_a_new_file_that_reads_back_to_the_amended_plan(own_copy, clock, qtbot, monkeypatch, tmp_path):
    source, plan = own_copy
    original = source.read_bytes()
    controller = ShowController(plan, clock)
    controller.act(ActionKind.START)
    win = OperatorWindow(controller)
    qtbot.addWidget(win)
    assert win.menus["file"].actions() == [win.editor.save]
    assert win.editor.commit(row_of(win, "break1", Column.LENGTH), "5")
    suggested: list[str] = []
    target = tmp_path / "amended.toml"
    monkeypatch.setattr(SaveAmendedDialog, "ask", classmethod(lambda cls, p, s: suggested.append(s) or str(target)))
    win.editor.save.trigger()
    assert Path(suggested[0]).parent == source.parent and Path(suggested[0]).name.startswith("show-amended-")
    text = target.read_text(encoding="utf-8")
    assert text == amended_schedule_toml(controller.plan)
    assert parse_plan(text.encode(), str(target)).segment("break1").duration == 5 * M
    assert source.read_bytes() == original  # the schedule the show came from is untouched
    assert "Saved the amended schedule" in status(win)
    controller.stop_ticking()


def test_every_feature_that_asks_for_a_file_menu_shares_the_one_file_menu(window):
    file_menu = window.menus["file"]
    assert window.menuBar().actions()[0] is file_menu.menuAction()
    assert window.add_menu("files", window.editor.file_title) is file_menu  # File → Open … joins it
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.count(file_menu.title()) == 1


def test_save_never_rewrites_the_source_schedule(own_copy, clock, qtbot, monkeypatch):
    source, plan = own_copy
    original = source.read_bytes()
    controller = ShowController(plan, clock)
    win = OperatorWindow(controller)
    qtbot.addWidget(win)
    controller.act(ActionKind.START)
    win.editor.commit(row_of(win, "break1", Column.LENGTH), "5")
    monkeypatch.setattr(SaveAmendedDialog, "ask", classmethod(lambda cls, p, s: str(source)))
    assert win.editor.save_amended() is None
    assert source.read_bytes() == original
    assert "loaded from" in status(win)
    monkeypatch.setattr(SaveAmendedDialog, "ask", classmethod(lambda cls, p, s: None))  # cancelled
    assert win.editor.save_amended() is None
    controller.stop_ticking()


def test_a_failed_save_says_so_and_leaves_nothing_half_written(window, monkeypatch, tmp_path):
    target = tmp_path / "no-such-folder" / "amended.toml"
    monkeypatch.setattr(SaveAmendedDialog, "ask", classmethod(lambda cls, p, s: str(target)))
    assert window.editor.save_amended() is None
    assert "Not saved" in status(window) and not target.exists()


def test_the_save_dialog_is_behind_ask(qtbot, monkeypatch):
    calls: list[tuple] = []
    monkeypatch.setattr(
        rundown_edit.QFileDialog, "getSaveFileName", staticmethod(lambda *a: calls.append(a) or ("", ""))
    )
    assert SaveAmendedDialog.ask(None, "/tmp/x.toml") is None
    assert calls and calls[0][2] == "/tmp/x.toml"


# ── an amendment moves rows; it does not reset the rundown ────────────────
def _cells(model) -> list[tuple]:
    """Every cell's text, speakers included, top to bottom."""
    out = []
    for si in range(model.rowCount()):
        seg = model.index(si, 0)
        out.append(tuple(model.data(model.index(si, c)) for c in range(model.columnCount())))
        for k in range(model.rowCount(seg)):
            out.append(tuple(model.data(model.index(k, c, seg)) for c in range(model.columnCount())))
    return out


def test_an_amendment_keeps_the_selection_the_closed_segments_and_the_scroll(window, controller, qtbot):
    """Insert, move, remove and a new speaker list move rows as a layout change: the operator's
    selected row, the segments they closed and the scroll stay; the cells read as a fresh
    model's; a segment that gains speakers opens (a reset jumped to the top and forgot all)."""
    from runshow.live.actions import Amendment
    from runshow.ui.rundown_model import RundownModel

    model, view = window.model, window.rundown
    view.setFixedHeight(220)  # a short rundown: it scrolls
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    view.collapse(row_of(window, "congrats", 0))
    select(window, "krihs")
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    steps = [
        Amendment(AmendOp.INSERT, place="before", anchor="welcome", new_id="video", text="영상 상영", seconds=180),
        Amendment(AmendOp.MOVE, segment="krihs", place="before", anchor="kiet"),
        Amendment(AmendOp.REMOVE, segment="break2"),
        Amendment(AmendOp.SPEAKER_ADD, segment="kli", name="김연구", seconds=300),
    ]
    with qtbot.assertNotEmitted(model.modelReset):
        for amendment in steps:
            assert controller.act(ActionKind.AMEND, amend=amendment) is None, amendment
            assert window.selected_segment() is not None and window.selected_segment().id == "krihs"
            assert not view.isExpanded(row_of(window, "congrats", 0))  # as the operator left it
            assert view.isExpanded(row_of(window, "regions", 0))
            assert view.verticalScrollBar().value() == scrolled
            assert _cells(model) == _cells(RundownModel(controller.plan, controller.state))
    assert model.rowCount(row_of(window, "kli", 0)) > 0
    assert view.isExpanded(row_of(window, "kli", 0))  # its new speakers show
    controller.act(ActionKind.AMEND, amend=Amendment(AmendOp.REMOVE, segment="krihs"))
    assert window.selected_segment() is None  # the selected row is gone, and nothing else is selected
