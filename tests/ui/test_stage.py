"""The stage shows what the engine says, at every step of a hand-stepped clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QRegion

from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock
from runshow.live.show import Status
from runshow.present.stage_content import Level, Role, wrapup_level
from runshow.session.controller import ShowController
from runshow.ui.fonts import display_font, forget_fonts, load_fonts
from runshow.ui.stage import BACKGROUND, LEVEL_COLOURS, MESSAGE_BG, NOTICE_BG, REHEARSAL, SPRITES, StageView
from tests.ui.stage_helpers import longest_run, only_colour, rows_with


@pytest.fixture
def rig(qtbot, plan_2021, at):
    """A show two minutes late, stepped by hand; the view is 1280×720."""
    load_fonts()
    clock = ManualClock(at(13, 32))
    controller = ShowController(plan_2021, clock)
    view = StageView(controller)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    return controller, clock, view


def go(controller: ShowController, clock: ManualClock, instant) -> None:
    clock.set(instant)  # a jump notifies the controller, which re-derives the state


def run_to_gyeongbuk(controller, clock, at) -> None:
    """Start 13:32 and keep every cue to its length: 경북 starts at 14:12, two minutes late."""
    for instant, kind in [
        (at(13, 32), ActionKind.START),
        (at(13, 37), ActionKind.NEXT),
        (at(13, 42), ActionKind.NEXT),
        (at(13, 47), ActionKind.NEXT),
        (at(13, 52), ActionKind.NEXT),
        (at(14, 2), ActionKind.NEXT),
        (at(14, 12), ActionKind.NEXT),
    ]:
        go(controller, clock, instant)
        assert controller.act(kind) is None


def test_shows_title_presenter_strip_and_digits(rig, at):
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    c = view.content
    assert c.status is Status.RUNNING
    assert c.header == "1부 세션Ⅰ_산업단지 대개조 동향"
    assert c.title == controller.plan.segment("regions").title
    assert c.presenter == "경북 · 경상북도"
    assert [(i.name, i.role) for i in c.strip] == [
        ("전남", Role.DONE),
        ("경북", Role.NOW),
        ("인천", Role.NEXT),
        ("광주", Role.LATER),
        ("대구", Role.LATER),
    ]
    assert c.countdown == "10:00"
    assert c.clock == "14:12:00"
    assert c.drift_seconds == 120
    assert c.next_label.endswith("휴식")


def test_first_second_after_next_flips_on_the_boundary(rig, at):
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    clock.advance(0.999)
    controller.refresh()
    assert view.content.countdown == "10:00"
    clock.advance(0.001)
    controller.refresh()
    assert view.content.countdown == "09:59"


def test_presenter_without_speakers_is_the_owner(rig, at):
    controller, clock, view = rig
    go(controller, clock, at(13, 32))
    controller.act(ActionKind.GOTO, segment="policy")
    assert view.content.title == "산단 대개조 추진현황 및 계획"
    assert view.content.presenter == "국토교통부"
    assert view.content.strip == ()


def test_author_notes_in_parentheses_stay_off_the_stage(rig, at):
    controller, clock, view = rig
    go(controller, clock, at(13, 32))
    controller.act(ActionKind.GOTO, segment="congrats")
    assert view.content.presenter == "국토교통부"
    assert [i.role for i in view.content.strip] == [Role.NOW, Role.NEXT]


@pytest.mark.parametrize(
    ("left", "level"),
    [(121, Level.NORMAL), (120, Level.WARNING), (31, Level.WARNING), (30, Level.DANGER), (0, Level.DANGER)],
)
def test_colour_changes_at_the_thresholds(rig, at, left, level):
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    go(controller, clock, at(14, 22) - _s(left))
    assert view.content.level is level
    assert view.content.countdown == f"{left // 60:02d}:{left % 60:02d}"


def test_thresholds_come_from_the_schedule():
    from datetime import timedelta

    assert wrapup_level(300, timedelta(minutes=5), None) is Level.WARNING
    assert wrapup_level(301, timedelta(minutes=5), None) is Level.NORMAL
    assert wrapup_level(10, None, None) is Level.NORMAL  # both rules switched off
    assert wrapup_level(-1, None, None) is Level.OVERTIME
    assert wrapup_level(None, None, None) is Level.NEUTRAL


def test_warning_colour_is_painted_in_digits_a_quarter_of_the_height(rig, at):
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    go(controller, clock, at(14, 20, 30))  # 1:30 left: amber
    image = view.grab().toImage()
    amber = rows_with(image, LEVEL_COLOURS[Level.WARNING])
    assert longest_run(amber) >= image.height() / 4
    # and the digits are drawn in the bundled font at a size whose digit height says the same
    digit = QFontMetricsF(display_font(view.countdown_px)).tightBoundingRect("0").height()
    assert digit >= view.height() / 4


def test_overtime_counts_up_in_red_and_blinks_from_the_state(rig, at):
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    seen = []
    for second in (1, 2, 3, 4):
        go(controller, clock, at(14, 22, second))
        c = view.content
        seen.append((c.countdown, c.level, c.blink_lit))
    assert seen == [
        ("−00:01", Level.OVERTIME, False),
        ("−00:02", Level.OVERTIME, True),
        ("−00:03", Level.OVERTIME, False),
        ("−00:04", Level.OVERTIME, True),
    ]
    red = LEVEL_COLOURS[Level.OVERTIME]
    go(controller, clock, at(14, 22, 1))
    field = longest_run(rows_with(view.grab().toImage(), red))  # unlit phase: a red field behind white digits
    go(controller, clock, at(14, 22, 2))
    digits = longest_run(rows_with(view.grab().toImage(), red))  # lit phase: red digits on black
    assert field > digits >= view.height() / 4


def test_message_and_blackout_reach_the_stage_in_the_same_turn(rig, at):
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    assert controller.act(ActionKind.MESSAGE, text="3분 더 진행해 주세요") is None
    assert view.content.message == "3분 더 진행해 주세요"  # no event loop turn in between
    assert rows_with(view.grab().toImage(), MESSAGE_BG)
    assert controller.act(ActionKind.BLACKOUT, on=True) is None
    assert view.content.blackout
    assert only_colour(view.grab().toImage(), BACKGROUND)
    assert controller.act(ActionKind.BLACKOUT, on=False) is None
    assert not only_colour(view.grab().toImage(), BACKGROUND)
    assert controller.act(ActionKind.CLEAR_MESSAGE) is None
    assert view.content.message is None
    assert not rows_with(view.grab().toImage(), MESSAGE_BG)


def test_notice_and_rehearsal_hooks(rig, at):
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    assert not rows_with(view.grab().toImage(), NOTICE_BG)
    view.show_notice("마무리해 주세요")
    assert view.content.notice == "마무리해 주세요"
    assert rows_with(view.grab().toImage(), NOTICE_BG)
    clock.advance(1)
    controller.refresh()
    assert view.content.notice == "마무리해 주세요"  # survives ticks until cleared
    view.clear_notice()
    assert view.content.notice is None
    assert not rows_with(view.grab().toImage(), NOTICE_BG)

    assert not rows_with(view.grab().toImage(), REHEARSAL)
    view.set_rehearsal(True)
    assert view.content.rehearsal
    banner = rows_with(view.grab().toImage(), REHEARSAL)
    assert banner and banner[0] == 0  # the frame starts at the very top
    view.set_rehearsal(False)
    assert not rows_with(view.grab().toImage(), REHEARSAL)


def test_pre_show_counts_down_to_the_start(rig, at):
    controller, clock, view = rig
    go(controller, clock, at(13, 20, 5))
    c = view.content
    assert c.status is Status.PRE_SHOW
    assert c.countdown == "09:55"
    assert "13:30" in c.caption
    assert c.title == "2021 산업단지 대개조 컨퍼런스"
    assert c.next_label.endswith("개회 선언·국민의례·내빈소개")
    assert c.level is Level.NEUTRAL


def test_ended_says_when_and_how_late(rig, at):
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    go(controller, clock, at(16, 20))
    controller.act(ActionKind.GOTO, segment="closing")
    go(controller, clock, at(16, 27))
    controller.act(ActionKind.NEXT)
    c = view.content
    assert c.status is Status.ENDED
    assert c.countdown == "16:27"
    assert c.drift_seconds == 120
    assert c.drift.startswith("+2:00")


def test_paused_shows_paused(rig, at):
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    controller.act(ActionKind.PAUSE)
    go(controller, clock, at(14, 15))
    assert view.content.status is Status.PAUSED
    assert view.content.countdown == "10:00"
    assert view.content.caption != ""


def test_miniature_scales_to_its_own_height(rig, at, qtbot):
    controller, clock, big = rig
    run_to_gyeongbuk(controller, clock, at)
    small = StageView(controller)
    qtbot.addWidget(small)
    small.resize(480, 270)
    small.grab()
    big.grab()
    assert small.content == big.content
    assert 0 < small.countdown_px < big.countdown_px
    assert small.countdown_px == pytest.approx(big.countdown_px * 270 / 720, rel=0.05)


def test_stage_uses_tabular_digits(rig):
    font = display_font(200)
    fm = QFontMetricsF(font)
    widths = {fm.horizontalAdvance(d) for d in "0123456789"}
    assert len(widths) == 1  # every digit the same width: the countdown does not jitter
    # the overtime minus is as wide as a digit, so turning negative does not shift the digits
    assert fm.horizontalAdvance("−") == pytest.approx(widths.pop(), rel=0.01)


def _s(seconds: int):
    from datetime import timedelta

    return timedelta(seconds=seconds)


def test_colours_are_distinct():
    colours = {LEVEL_COLOURS[level].name() for level in (Level.NORMAL, Level.WARNING, Level.DANGER)}
    assert len(colours) == 3
    assert QColor(BACKGROUND).name() == "#000000"


def test_portrait_monitor_keeps_the_bottom_line(rig, at, qtbot):
    """Type follows a 16:9 box fitted in the view, so a tall monitor does not squeeze lines out."""
    controller, clock, view = rig
    run_to_gyeongbuk(controller, clock, at)
    view.resize(540, 960)
    image = view.grab().toImage()
    assert longest_run(rows_with(image, LEVEL_COLOURS[Level.NORMAL])) >= 960 / 8  # the digits, width-bound
    bottom = [y for y in rows_with(image, LEVEL_COLOURS[Level.NORMAL]) if y > 0.87 * 960]
    assert longest_run(bottom) >= 10  # "다음 순서: 휴식" still at the size a 16:9 view of that width gives


class PaintRegions(QObject):
    """Records the region of every paint event a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def test_a_tick_that_moves_only_the_clock_repaints_only_the_clock(rig, at, qtbot):
    controller, clock, view = rig
    view.show()
    qtbot.waitExposed(view)
    regions = PaintRegions()
    view.installEventFilter(regions)
    go(controller, clock, at(13, 32, 0, 500_000))  # the cue starts half-way through a second
    assert controller.act(ActionKind.START) is None
    qtbot.waitUntil(lambda: view.content.countdown == "05:00" and bool(regions.rects))  # painted whole
    regions.rects.clear()
    before = view.content
    clock.advance(0.5)  # 13:32:01.000: the clock flips, the countdown still reads 05:00
    controller.refresh()
    qtbot.waitUntil(lambda: bool(regions.rects))
    assert view.content.countdown == before.countdown and view.content.clock != before.clock
    whole = view.rect()
    assert all(r.width() * r.height() < whole.width() * whole.height() / 10 for r in regions.rects)
    regions.rects.clear()
    clock.advance(0.5)  # 13:32:01.500: now the countdown flips to 04:59
    controller.refresh()
    qtbot.waitUntil(lambda: bool(regions.rects))
    assert view.content.countdown == "04:59"
    # the digits that changed and the countdown to the next segment are painted again; the
    # title and presenter above are not, nor most of the stage
    painted = QRegion()
    for r in regions.rects:
        painted = painted.united(r)
    w, h = whole.width(), whole.height()
    assert painted.intersects(QRect(0, int(0.45 * h), w, int(0.35 * h)))  # the digits
    assert painted.intersects(QRect(0, int(0.88 * h), w, int(0.1 * h)))  # the next line
    assert not painted.contains(QPoint(w // 2, int(0.15 * h)))  # the title
    assert not painted.contains(QPoint(w // 2, int(0.24 * h)))  # the presenter
    area = sum(r.width() * r.height() for r in painted)
    assert area < 0.3 * w * h


def _differ(a: QImage, b: QImage) -> str:
    """Where two images differ, as a bounding box (for the failure message)."""
    xs, ys = [], []
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            if a.pixel(x, y) != b.pixel(x, y):
                xs.append(x)
                ys.append(y)
    if not xs:
        return "pixels between the sampled ones"
    x0, y0 = xs[0], ys[0]
    first = f"(at {x0},{y0}: {a.pixelColor(x0, y0).name()} against {b.pixelColor(x0, y0).name()})"
    return f"pixels in x {min(xs)}–{max(xs)}, y {min(ys)}–{max(ys)} {first}"


def _whole(view: StageView) -> QImage:
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#123456"))  # not black: a pixel left unpainted shows
    view.render(image)
    return image


@pytest.mark.parametrize("size", [(1280, 720), (432, 243), (600, 900)])
def test_painting_only_what_changed_leaves_what_a_whole_paint_would(rig, at, size):
    """After every change the stage repaints only the areas of the fields that changed; the
    screen must then hold exactly what painting the whole view would: no stale digit, no
    half-erased title. Stepped through a show's every kind of change, on a stage, a
    miniature and a portrait monitor."""
    controller, clock, view = rig
    # Fonts and glyph images made while another test had set another application font resolve
    # differently (the app sets its font once, before any window): start from none.
    SPRITES.clear()
    forget_fonts()
    view.resize(*size)
    go(controller, clock, at(13, 29, 50))
    screen = _whole(view)
    shown = view.content
    partial = 0

    def step(label: str) -> None:
        nonlocal shown, screen, partial
        new = view.content
        if new == shown:
            return
        region = view.dirty_region(shown, new)
        if region is not None:
            partial += 1
            view.render(screen, region.boundingRect().topLeft(), region)  # the region lands where it is
        else:
            screen = _whole(view)
        whole = _whole(view)
        assert screen == whole, (
            f"{label}: {_differ(screen, whole)} differ from a whole paint (region {region}; {shown} → {new})"
        )
        shown = new

    def tick(seconds: float, n: int, label: str) -> None:
        for i in range(n):
            clock.advance(seconds)
            controller.refresh()
            step(f"{label} +{i}")

    tick(0.5, 24, "pre-show over the start")
    go(controller, clock, at(13, 32, 0, 500_000))
    assert controller.act(ActionKind.START) is None
    step("start")
    tick(0.5, 6, "running")
    for instant, kind in [(at(13, 37), ActionKind.NEXT), (at(13, 42), ActionKind.NEXT)]:
        go(controller, clock, instant)
        assert controller.act(kind) is None
        step(str(kind))
    go(controller, clock, at(13, 46, 58))  # into the warning, the danger, overtime and its blink
    tick(0.5, 8, "the last seconds")
    go(controller, clock, at(13, 47, 58))
    tick(0.5, 8, "overtime")
    assert controller.act(ActionKind.NEXT) is None  # a multi-speaker segment: the strip
    step("next")
    assert controller.act(ActionKind.NEXT) is None
    step("next speaker")
    assert controller.act(ActionKind.MESSAGE, text="3분 더 진행해 주세요") is None
    step("message")
    tick(0.5, 3, "message up")
    assert controller.act(ActionKind.CLEAR_MESSAGE) is None
    step("message cleared")
    view.show_notice("마무리해 주세요")
    step("notice")
    tick(0.5, 3, "notice up")
    view.clear_notice()
    step("notice cleared")
    view.set_cut(3)
    step("cut")
    view.set_cut(None)
    step("cut cleared")
    assert controller.act(ActionKind.PAUSE) is None
    step("pause")
    tick(0.5, 3, "paused")
    assert controller.act(ActionKind.RESUME) is None
    step("resume")
    view.set_rehearsal(True)
    step("rehearsal")
    tick(0.5, 4, "rehearsal")
    view.set_rehearsal(False)
    step("live again")
    assert controller.act(ActionKind.BLACKOUT, on=True) is None
    step("blackout")
    assert controller.act(ActionKind.BLACKOUT, on=False) is None
    step("blackout off")
    go(controller, clock, at(16, 20))
    assert controller.act(ActionKind.GOTO, segment="closing") is None
    step("goto")
    tick(0.5, 4, "closing")
    go(controller, clock, at(16, 27))
    assert controller.act(ActionKind.NEXT) is None
    step("ended")
    tick(0.5, 4, "after the end")
    assert partial >= 40  # the ticks were painted in part, not whole
