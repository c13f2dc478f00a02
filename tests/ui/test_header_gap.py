"""The control room's header strip in a real gap (issue 14): the time to the next item, not "Remaining"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QTranslator

from runshow.live.clock import ManualClock
from runshow.live.scenario import load_scenario
from runshow.plan import load_plan
from runshow.session.controller import ShowController
from runshow.ui.app import I18N_DIR
from runshow.ui.operator import HeaderStrip
from tests.conftest import ROOT


def _kam_strip(qtbot, hour: int, minute: int) -> tuple[HeaderStrip, ShowController, ManualClock]:
    """Day 2 of the KAM 2025 example in follow mode: 16:00–17:00 a reception, nothing until 18:00."""
    plan = load_plan(ROOT / "schedules" / "2025-kam-annual-conference.toml")
    actions = load_scenario(ROOT / "tests" / "scenarios" / "kam-day2-gap.toml", plan).actions
    clock = ManualClock(datetime(2025, 10, 29, hour, minute, tzinfo=plan.event.timezone))
    controller = ShowController(plan, clock, actions=actions)
    strip = HeaderStrip(controller)
    qtbot.addWidget(strip)
    return strip, controller, clock


def test_in_a_gap_the_header_counts_down_to_the_next_item(qapp, qtbot) -> None:
    strip, controller, clock = _kam_strip(qtbot, 16, 50)
    assert strip.remaining_caption.text() == "Remaining"
    assert strip.remaining.text() == "10:00"  # the reception's own time left
    clock.advance(30 * 60)  # 17:20: the gap before the exhibitor reception at 18:00
    controller.refresh()
    assert controller.state.in_gap
    assert strip.remaining_caption.text() == "Until the next item"
    assert strip.remaining.text() == "40:00"
    clock.advance(40 * 60 + 60)  # 18:01: the exhibitor reception is on
    controller.refresh()
    assert not controller.state.in_gap
    assert strip.remaining_caption.text() == "Remaining"
    assert strip.remaining.text() == "1:59:00"


def test_the_gap_caption_is_korean(qapp, qtbot) -> None:
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "operator_ko.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        strip, _, _ = _kam_strip(qtbot, 17, 20)
        assert strip.remaining_caption.text() == "다음 순서까지"
        assert strip.remaining.text() == "40:00"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_ticking_label_repaints_over_its_old_digits(qapp, qtbot, plan_2021, at) -> None:
    """The strip paints its own background (it is opaque to Qt, so a label's repaint stops at
    it): after the clock and the countdown tick, repainting only the labels leaves exactly what
    painting the whole strip would, no old digit under a new one."""
    from PySide6.QtGui import QImage, QRegion

    from runshow.live.actions import ActionKind

    clock = ManualClock(at(13, 31, 0, 500_000))
    controller = ShowController(plan_2021, clock)
    assert controller.act(ActionKind.START) is None
    strip = HeaderStrip(controller)
    qtbot.addWidget(strip)
    strip.resize(1600, 80)
    strip.ensurePolished()
    strip.layout().activate()  # laid out without a window (showing one warns on offscreen)

    def whole() -> QImage:
        image = QImage(strip.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0xFF00FF00)  # green: a pixel nobody paints shows
        strip.render(image)
        return image

    screen = whole()
    for _ in range(3):
        before = (strip.now.text(), strip.remaining.text())
        clock.advance(1)
        controller.refresh()
        assert (strip.now.text(), strip.remaining.text()) != before
        for label in (strip.now, strip.remaining):
            rect = label.geometry()
            strip.render(screen, rect.topLeft(), QRegion(rect))
        assert screen == whole()
