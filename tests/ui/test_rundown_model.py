"""The rundown model: structure, derived cells, and only-what-changed updates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, Qt, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester

from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock
from runshow.session.controller import ShowController
from runshow.ui.rundown_model import CURRENT_BACKGROUND, Column, RundownModel, delta_colour

DISPLAY = Qt.ItemDataRole.DisplayRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def setup(qapp, plan_2021, at, qtmodeltester):
    clock = ManualClock(at(13, 29))
    controller = ShowController(plan_2021, clock)
    model = RundownModel(plan_2021, controller.state)
    # pytest-qt holds Qt's QAbstractItemModelTester for the whole test: it re-checks the model on
    # every signal the model emits, and its warnings fail the test (qt_log_level_fail = WARNING).
    qtmodeltester.check(model)
    controller.stateChanged.connect(model.update_state)
    return clock, controller, model


def test_the_model_tester_is_alive_and_catches_a_bad_change(qapp, plan_2021, qtlog):
    """A bad ``dataChanged`` (bottom-right above top-left) is reported only by a tester that is kept."""
    model = RundownModel(plan_2021, ShowController(plan_2021, ManualClock(plan_2021.start)).state)
    seen: list[str] = []

    def bad_change() -> None:
        model.dataChanged.emit(model.index(3, 0), model.index(1, 0))

    # pytest-qt fails any test that logs a model-tester failure, so this one listens itself.
    with qtlog.disabled():
        previous = qInstallMessageHandler(lambda _mode, _context, message: seen.append(message))
        try:
            QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)  # dropped
            bad_change()
            dropped = list(seen)
            kept = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
            sound = list(seen)
            bad_change()
            del kept
        finally:
            qInstallMessageHandler(previous)
    assert dropped == []  # nobody was listening: what the old fixture did
    assert sound == []  # the model itself passes every check
    assert any("topLeft.row() <= bottomRight.row()" in m for m in seen), seen


def text(model: RundownModel, index: QModelIndex, column: Column) -> str:
    return model.data(index.siblingAtColumn(column), DISPLAY)


def test_segments_are_rows_and_speakers_their_children(setup, plan_2021):
    _, _, model = setup
    assert model.rowCount() == len(plan_2021.segments) == 12
    regions = model.index(4, 0)
    assert text(model, regions, Column.TITLE).startswith("시·도별 혁신계획 발표")
    assert [text(model, model.index(k, 0, regions), Column.TITLE) for k in range(model.rowCount(regions))] == [
        "전남",
        "경북",
        "인천",
        "광주",
        "대구",
    ]
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.index(1, 0, regions).parent() == regions
    # the part is named (by its first word) on the first row of each part only; its title is the tooltip
    parts = [text(model, model.index(r, 0), Column.PART) for r in range(model.rowCount())]
    assert [p for p in parts if p] == ["사전행사", "1부", "2부"]
    tip = model.data(model.index(3, Column.PART), Qt.ItemDataRole.ToolTipRole)
    assert tip == plan_2021.parts[1].title == "1부 세션Ⅰ_산업단지 대개조 동향"


def test_planned_and_actual_cells(setup, at):
    clock, controller, model = setup
    regions = model.index(4, 0)
    gb = model.index(1, 0, regions)
    assert text(model, gb, Column.PLANNED_START) == "14:10"
    assert text(model, gb, Column.PLANNED_END) == "14:20"
    assert text(model, gb, Column.LENGTH) == "10′"
    assert text(model, model.index(10, 0), Column.LENGTH) == "40′"  # 패널토론
    clock.set(at(13, 32))
    controller.act(ActionKind.START)
    first = model.index(0, 0)
    assert text(model, first, Column.ACTUAL_START) == "13:32:00"
    assert text(model, first, Column.ACTUAL_END) == "≈13:37"  # projected, not yet actual
    assert text(model, first, Column.DELTA) == "+2:00"
    assert model.data(first.siblingAtColumn(Column.DELTA), Qt.ItemDataRole.ForegroundRole).color() == delta_colour(120)
    clock.set(at(13, 36, 30))
    controller.act(ActionKind.NEXT)
    assert text(model, first, Column.ACTUAL_END) == "13:36:30"
    assert text(model, first, Column.DELTA) == "+1:30"


def test_current_cue_is_highlighted_and_moves(setup, at):
    clock, controller, model = setup
    assert model.current_cue is None
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    assert model.data(model.index(0, Column.TITLE), BACKGROUND).color() == CURRENT_BACKGROUND
    assert model.data(model.index(1, Column.TITLE), BACKGROUND) is None
    controller.act(ActionKind.GOTO, segment="regions")
    regions = model.index(4, 0)
    jn = model.index(0, Column.TITLE, regions)
    assert model.data(jn, BACKGROUND).color() == CURRENT_BACKGROUND
    assert model.data(model.index(0, Column.TITLE), BACKGROUND) is None
    assert model.index_of_cue(model.current_cue) == model.index(0, 0, regions)
    assert model.cue_at(jn).speaker.name == "전남"
    assert model.segment_at(jn).id == "regions"


def test_a_tick_that_changes_nothing_emits_nothing(setup, at, qtbot):
    clock, controller, model = setup
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    clock.advance(10)
    with qtbot.assertNotEmitted(model.dataChanged), qtbot.assertNotEmitted(model.modelReset):
        controller.refresh()


def test_next_emits_only_for_changed_rows_never_a_reset(setup, at, qtbot):
    clock, controller, model = setup
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.extend(range(top.row(), bottom.row() + 1)))
    clock.set(at(13, 35))  # on time: nothing downstream moves
    with qtbot.assertNotEmitted(model.modelReset):
        controller.act(ActionKind.NEXT)
    assert sorted(changed) == [0, 1]  # the cue that ended and the cue that started


def test_overtime_moves_the_live_delta_each_second_and_the_projected_ones_by_the_minute(setup, at):
    clock, controller, model = setup
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    clock.set(at(13, 35, 1))
    controller.refresh()
    assert text(model, model.index(0, 0), Column.DELTA) == "+0:01"  # the cue on now, to the second
    assert text(model, model.index(11, 0), Column.DELTA) == "≈0′"  # 폐회 ≈16:25, as planned
    clock.set(at(13, 36, 0, 1))
    controller.refresh()
    assert text(model, model.index(0, 0), Column.DELTA) == "+1:01"
    assert text(model, model.index(11, 0), Column.DELTA) == "≈+1′"  # ≈16:26 against 16:25
    tip = model.data(model.index(11, Column.DELTA), Qt.ItemDataRole.ToolTipRole)
    assert tip == model.data(model.index(11, Column.ACTUAL_END), Qt.ItemDataRole.ToolTipRole) and tip
    assert model.data(model.index(0, Column.DELTA), Qt.ItemDataRole.ToolTipRole) is None  # not a projection


ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.CheckStateRole,
]


def test_every_role_asked_at_once_answers_as_asked_one_by_one(setup, at):
    """The view's delegate asks multiData (one call a cell); it must say what data says."""
    clock, controller, model = setup
    clock.set(at(13, 31))
    controller.act(ActionKind.START)
    clock.set(at(13, 37))  # over time: projected cells, colours, a current row
    controller.refresh()
    checked = 0
    for seg in range(model.rowCount()):
        parent = model.index(seg, 0)
        for index in [model.index(seg, c) for c in range(model.columnCount())] + [
            model.index(k, c, parent) for k in range(model.rowCount(parent)) for c in range(model.columnCount())
        ]:
            for role in ROLES:
                item = QModelRoleData(role)
                model.multiData(index, item)
                assert item.data() == model.data(index, role), (index.row(), index.column(), role)
                checked += 1
    assert checked > 500
    stale = QModelRoleData(Qt.ItemDataRole.DisplayRole)
    stale.setData("old")
    model.multiData(QModelIndex(), stale)
    assert stale.data() is None  # an invalid index clears what the caller held


def test_a_view_paints_through_multidata(setup, at, qtbot):
    from PySide6.QtWidgets import QTreeView

    clock, controller, model = setup
    clock.set(at(13, 31))
    controller.act(ActionKind.START)
    asked = []
    real = model.multiData
    model.multiData = lambda index, span: (asked.append(index.row()), real(index, span))[1]
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    assert asked  # the delegate asked every role of a cell at once
    points = [(x, y) for y in range(0, image.height(), 3) for x in range(0, 400, 7)]
    # and what it was told is what it painted: the current row's background
    assert any(image.pixelColor(x, y) == CURRENT_BACKGROUND for x, y in points)
