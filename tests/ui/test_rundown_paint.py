"""The rundown repaints a region of several rectangles one rectangle at a time (RundownView.paintEvent):
only the changed cells' columns are painted, and the result is what a whole repaint shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor, QImage, QRegion

from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock
from runshow.session.controller import ShowController
from runshow.ui.operator import RundownView
from runshow.ui.rundown_model import RundownModel

pytestmark = pytest.mark.gui


@pytest.fixture
def rig(qapp, qtbot, plan_2021, at):
    clock = ManualClock(at(13, 29))
    controller = ShowController(plan_2021, clock)
    model = RundownModel(plan_2021, controller.state)
    controller.stateChanged.connect(model.update_state)
    view = RundownView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1400, 520)
    view.expandAll()
    view.ensurePolished()
    view.doItemsLayout()  # laid out without a window (showing one warns on offscreen)
    return clock, controller, model, view


def render(view: RundownView, into: QImage | None = None, region: QRegion | None = None) -> QImage:
    """The viewport painted whole, or only ``region`` of it over ``into`` (a copy)."""
    viewport = view.viewport()
    if into is None:
        image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0xFF00FF00)  # green: a pixel nobody paints shows
        viewport.render(image)
    else:
        image = into.copy()
        viewport.render(image, region.boundingRect().topLeft(), region)  # (the offset of the region's corner)
    return image


def changed_region(model: RundownModel, view: RundownView, step) -> QRegion:
    """What the view would repaint for the dataChanged signals ``step`` makes."""
    region = QRegion()

    def on(top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        nonlocal region
        rect = view.visualRect(top).united(view.visualRect(bottom))
        region = region.united(rect.intersected(view.viewport().rect()))

    model.dataChanged.connect(on)
    step()
    model.dataChanged.disconnect(on)
    return region


def test_a_repaint_of_several_rectangles_shows_what_a_whole_paint_shows(rig, at) -> None:
    clock, controller, model, view = rig
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    clock.set(at(13, 36, 20))  # the first cue runs over
    controller.refresh()
    steps = [
        ("tick", lambda: (clock.advance(1), controller.refresh())),
        ("adjust +60", lambda: controller.act(ActionKind.ADJUST, seconds=60)),
        ("tick", lambda: (clock.advance(1), controller.refresh())),
        ("next", lambda: controller.act(ActionKind.NEXT)),
        ("adjust −30", lambda: controller.act(ActionKind.ADJUST, seconds=-30)),
        ("over time", lambda: (clock.advance(9 * 60), controller.refresh())),
        ("tick", lambda: (clock.advance(1), controller.refresh())),
    ]
    several = 0
    before = render(view)
    for name, step in steps:
        region = changed_region(model, view, step)
        several += region.rectCount() > 1
        partial = render(view, before, region)
        whole = render(view)
        assert partial == whole, f"{name}: a repaint of {region.rectCount()} rectangles differs from a whole paint"
        before = whole
    assert several >= 1  # the steps did make regions of several rectangles (the case painted per rectangle)


def test_per_rectangle_painting_paints_only_the_cells_in_the_region(rig, at, monkeypatch) -> None:
    """An adjust moves every later row's delta and projected times: given as one region of several
    rectangles, QTreeView painted every column of every row they touch; one rectangle at a time,
    only the cells inside the region are painted."""
    clock, controller, model, view = rig
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    render(view)
    region = changed_region(model, view, lambda: controller.act(ActionKind.ADJUST, seconds=60))
    assert region.rectCount() > 1
    whole = render(view)
    painted: list[tuple[int, int]] = []
    outside: list[tuple[int, int]] = []
    real = model.paint_key  # the delegate asks it for every cell it paints

    def spy(index):
        cell = (index.row(), index.column())
        painted.append(cell)
        if not region.intersects(view.visualRect(index)):
            outside.append(cell)
        return real(index)

    monkeypatch.setattr(model, "paint_key", spy)
    view.itemDelegate().forget()  # (it keeps the model's method)
    render(view, whole, region)
    assert painted, "nothing was painted"
    assert outside == [], f"cells outside the changed region were painted: {outside[:6]}"


def test_cells_copied_from_their_images_show_what_qt_paints(rig, at) -> None:
    """A look painted twice is copied from an image after: the rundown must read exactly as Qt's
    own delegate paints it, through ticks, actions, over time, and a new palette."""
    from PySide6.QtWidgets import QStyledItemDelegate

    from runshow.ui.rundown_cells import CellImageDelegate

    clock, controller, _model, view = rig
    images = view.itemDelegate()
    assert isinstance(images, CellImageDelegate)
    qt_own = QStyledItemDelegate(view)

    def as_qt_paints() -> QImage:
        view.setItemDelegate(qt_own)
        try:
            return render(view)
        finally:
            view.setItemDelegate(images)

    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    steps = [
        lambda: None,
        lambda: (clock.advance(7 * 60), controller.refresh()),  # over time: every delta below moves
        lambda: controller.act(ActionKind.ADJUST, seconds=60),
        lambda: controller.act(ActionKind.NEXT),
        lambda: (clock.advance(1), controller.refresh()),
        lambda: controller.act(ActionKind.NEXT),  # into the speakers
        lambda: (clock.advance(11 * 60), controller.refresh()),
    ]
    for n, step in enumerate(steps):
        step()
        render(view)
        render(view)  # every look now has its image
        before = images.reused
        assert render(view) == as_qt_paints(), f"step {n}: the copied cells differ from Qt's paint"
        assert images.reused > before  # the render above did copy images
    palette = view.palette()
    palette.setColor(palette.ColorRole.Text, QColor("#2040a0"))
    view.setPalette(palette)  # the same sizes, another ink: every image shows the old one
    render(view)
    render(view)
    assert render(view) == as_qt_paints(), "after a new palette the copied cells differ from Qt's paint"


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # (offscreen has no window manager)
def test_time_cells_the_clock_moves_are_repainted_on_screen(qapp, qtbot, plan_2021, at) -> None:
    """In the control room the model hands the view the time cells a tick moved (no dataChanged
    per cell): what is on screen after each tick must be what a whole paint shows. The row with
    the keyboard focus (the first, as the window opens) is repainted whole: a cell of it repainted
    alone was framed alone, a box left on screen around the cell."""
    from PySide6.QtCore import QPoint

    from runshow.ui.operator import OperatorWindow

    clock = ManualClock(at(13, 29))
    controller = ShowController(plan_2021, clock)
    window = OperatorWindow(controller)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    viewport = window.rundown.viewport()
    handed: list[int] = []
    real = window.model.repaint_cells
    window.model.repaint_cells = lambda cells: (handed.append(len(cells)), real(cells))

    def on_screen() -> QImage:
        corner = viewport.mapTo(window, QPoint(0, 0))
        shot = window.screen().grabWindow(window.winId(), corner.x(), corner.y(), viewport.width(), viewport.height())
        return shot.toImage().convertToFormat(QImage.Format.Format_RGB32)

    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    clock.set(at(13, 35, 55))  # the first cue runs over: the projection moves each second
    model, view = window.model, window.rundown
    speaker = model.index(0, 0, model.index(2, 0))  # 축사's first speaker
    assert speaker.isValid()
    for focus in (model.index(0, 0), speaker):  # the row the window opens on, then a speaker row
        view.setCurrentIndex(focus)
        for _ in range(35):  # past a minute: every ≈ time crosses one
            clock.advance(1)
            controller.refresh()
            qapp.processEvents()
            assert on_screen() == viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32), clock.now()
    assert sum(handed) > 0  # the ticks did hand cells over
    controller.stop_ticking()
