"""The rundown repaints a region of several rectangles one rectangle at a time (RundownView.paintEvent):
only the changed cells' columns are painted, and the result is what a whole repaint shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QImage, QRegion

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
    real = model.multiData

    def spy(index, span):
        cell = (index.row(), index.column())
        painted.append(cell)
        if not region.intersects(view.visualRect(index)):
            outside.append(cell)
        return real(index, span)

    monkeypatch.setattr(model, "multiData", spy)
    render(view, whole, region)
    assert painted, "nothing was painted"
    assert outside == [], f"cells outside the changed region were painted: {outside[:6]}"
