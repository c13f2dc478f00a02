"""The MC's confidence monitor: one painted view, and the window that carries it.

:class:`StageView` paints a :class:`~runshow.present.stage_content.StageContent`
derived from the controller's latest :class:`ShowState`; it holds no timing
state of its own, so it shows exactly what the engine says at every flip. All
sizes are fractions of the view's own height, so the same view fills a stage
monitor or sits as a live miniature in the operator window.

Layout, top to bottom: part and clock; segment title; presenter; the speaker
strip; the countdown (the largest thing: its digits are a third of the height);
the next segment with the countdown to it, and the drift. A control-room
message covers the title area in black on yellow; a notice covers the bottom
band; blackout paints nothing but black.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSettings, Qt, Slot
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from runshow.live.show import Status
from runshow.live.state import ShowState
from runshow.present.stage_content import Level, Role, StageContent, stage_content
from runshow.session.controller import ShowController
from runshow.session.qt_translate import qt_tr
from runshow.ui.fonts import display_font

BACKGROUND = QColor("#000000")
TEXT = QColor("#FFFFFF")
MUTED = QColor("#A8A8A8")
FAINT = QColor("#5C5C5C")
PRESENTER = QColor("#8FDCFF")
MESSAGE_BG = QColor("#FFE14D")
NOTICE_BG = QColor("#FF8A00")
REHEARSAL = QColor("#FF6A00")
LATE = QColor("#FFB347")
EARLY = QColor("#7CE38B")

LEVEL_COLOURS: dict[Level, QColor] = {
    Level.NEUTRAL: QColor("#FFFFFF"),
    Level.NORMAL: QColor("#FFFFFF"),
    Level.WARNING: QColor("#FFC400"),
    Level.DANGER: QColor("#FF3B30"),
    Level.OVERTIME: QColor("#FF3B30"),
}

# Vertical bands as fractions of the content height: (top, bottom).
HEADER = (0.00, 0.09)
TITLE = (0.10, 0.20)
PRESENTER_BAND = (0.20, 0.28)
STRIP = (0.29, 0.37)
CAPTION = (0.38, 0.43)
DIGITS = (0.43, 0.85)
BOTTOM = (0.87, 1.00)
DIGIT_HEIGHT = 0.33  # of the content height: well over the quarter the MC needs from metres away
BANNER = 0.08  # rehearsal banner, of the whole height


def _text_width(text: str, px: float, weight: QFont.Weight) -> float:
    return QFontMetricsF(display_font(int(px), weight)).horizontalAdvance(text)


def _draw_fit(
    p: QPainter,
    rect: QRectF,
    text: str,
    px: float,
    weight: QFont.Weight,
    colour: QColor,
    align: Qt.AlignmentFlag,
) -> None:
    """One line at ``px``, shrunk to the rectangle's width rather than clipped."""
    if not text or rect.width() <= 0:
        return
    width = _text_width(text, px, weight)
    if width > rect.width():
        px *= rect.width() / width
    p.setFont(display_font(max(1, int(px)), weight))
    p.setPen(colour)
    p.drawText(rect, int(align) | int(Qt.AlignmentFlag.AlignVCenter), text)


def _rule(p: QPainter, x1: float, x2: float, y: float, colour: QColor, width: float) -> None:
    p.setPen(QPen(colour, width))
    p.drawLine(QPointF(x1, y), QPointF(x2, y))


class StageView(QWidget):
    """Paints the show for the MC; any size, everything scaled to its own height."""

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._state: ShowState = controller.state
        self._notice: str | None = None
        self._cut: int | None = None  # the MC's "please cut N min" (runshow.ui.catchup_panel.StageCutCue)
        self._rehearsal = False
        self._content = self._derive()
        self._clock_rect: QRect | None = None  # where the time of day was last painted
        self.countdown_px = 0  # the digits' pixel size at the last paint, for tests and the miniature
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 90)
        controller.stateChanged.connect(self._on_state)

    # ── what others call ──────────────────────────────────────────────────
    @property
    def content(self) -> StageContent:
        """What is on screen now (for tests and the operator's miniature)."""
        return self._content

    def show_notice(self, text: str) -> None:
        """Show a short alert text large (the alert system calls this)."""
        self._notice = text or None
        self._rebuild()

    def clear_notice(self) -> None:
        self._notice = None
        self._rebuild()

    def set_cut(self, minutes: int | None) -> None:
        """Ask the MC to cut the segment on now by ``minutes`` (None: no longer)."""
        self._cut = minutes or None
        self._rebuild()

    def set_rehearsal(self, on: bool) -> None:
        """Mark the screen unmistakably while a rehearsal clock drives it."""
        self._rehearsal = bool(on)
        self._rebuild()

    @property
    def rehearsal(self) -> bool:
        return self._rehearsal

    # ── from the controller ───────────────────────────────────────────────
    @Slot(object)
    def _on_state(self, state: ShowState) -> None:
        self._state = state
        self._rebuild()

    def _derive(self) -> StageContent:
        return stage_content(
            self._state,
            self._controller.plan.event,
            qt_tr,
            notice=self._notice,
            rehearsal=self._rehearsal,
            cut_minutes=self._cut,
        )

    def _rebuild(self) -> None:
        """Repaint only what changed: nothing, the time of day alone, or the whole view.

        Once the show runs, the countdown and the time of day flip on different
        boundaries, so half the ticks change only the clock; repainting the whole
        stage (and its miniature) for those cost about half the app's CPU (bench).
        """
        old, new = self._content, self._derive()
        self._content = new
        if new == old:
            return
        if self._clock_rect is not None and replace(old, clock=new.clock) == new:
            self.update(self._clock_rect)
            return
        self.update()

    # ── painting ──────────────────────────────────────────────────────────
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self._paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def _paint(self, p: QPainter, whole: QRectF) -> None:
        c = self._content
        p.fillRect(whole, BACKGROUND)
        if c.blackout:
            return
        area = QRectF(whole)
        if c.rehearsal:
            area = self._paint_rehearsal(p, whole)
        h = area.height()
        # Type is sized for a 16:9 box fitted inside the view, so a portrait or very wide
        # monitor keeps every line readable instead of overflowing sideways.
        u = min(h, area.width() * 9 / 16)
        margin = max(4.0, 0.035 * area.width())
        inner = area.adjusted(margin, 0, -margin, 0)

        def band(frac: tuple[float, float]) -> QRectF:
            return QRectF(inner.left(), area.top() + frac[0] * h, inner.width(), (frac[1] - frac[0]) * h)

        # header: the part on the left, the clock on the right
        header = band(HEADER).adjusted(0, 0.015 * h, 0, 0)
        clock_w = _text_width(c.clock, 0.065 * u, QFont.Weight.Bold)
        _draw_fit(p, header, c.clock, 0.065 * u, QFont.Weight.Bold, TEXT, Qt.AlignmentFlag.AlignRight)
        slack = 0.1 * clock_w + 2
        self._clock_rect = QRectF(
            header.right() - clock_w - slack, header.top(), clock_w + 2 * slack, header.height()
        ).toAlignedRect()
        _draw_fit(
            p,
            header.adjusted(0, 0, -(clock_w + margin), 0),
            c.header,
            0.05 * u,
            QFont.Weight.DemiBold,
            MUTED,
            Qt.AlignmentFlag.AlignLeft,
        )
        _rule(p, inner.left(), inner.right(), area.top() + HEADER[1] * h, FAINT, max(1.0, 0.003 * h))

        # who and what
        centre = Qt.AlignmentFlag.AlignHCenter
        if c.message:
            self._paint_box(p, QRectF(band(TITLE).topLeft(), band(STRIP).bottomRight()), c.message, MESSAGE_BG, u)
        else:
            _draw_fit(p, band(TITLE), c.title, 0.085 * u, QFont.Weight.Bold, TEXT, centre)
            _draw_fit(p, band(PRESENTER_BAND), c.presenter, 0.06 * u, QFont.Weight.DemiBold, PRESENTER, centre)
            if c.strip:
                self._paint_strip(p, band(STRIP), u)

        # the countdown
        colour = LEVEL_COLOURS[c.level]
        digits_rect = band(DIGITS)
        caption_colour = colour if c.level in (Level.WARNING, Level.DANGER, Level.OVERTIME) else MUTED
        if c.status is Status.PAUSED:
            caption_colour = LEVEL_COLOURS[Level.WARNING]
        _draw_fit(p, band(CAPTION), c.caption, 0.045 * u, QFont.Weight.DemiBold, caption_colour, centre)
        digit_colour = colour
        if c.level is Level.OVERTIME and not c.blink_lit:
            # The slow blink: the same red as a full field, the digits in white, so
            # they stay readable in both phases.
            p.fillRect(digits_rect.adjusted(-margin / 2, 0, margin / 2, 0), colour)
            digit_colour = TEXT
        if c.status is Status.ENDED:
            digit_colour = MUTED
        self.countdown_px = self._paint_digits(p, digits_rect, c.countdown, DIGIT_HEIGHT * h, digit_colour)

        # next segment and drift
        bottom = band(BOTTOM)
        _rule(p, inner.left(), inner.right(), area.top() + (BOTTOM[0] - 0.01) * h, FAINT, max(1.0, 0.003 * h))
        if c.notice:
            self._paint_box(p, bottom, c.notice, NOTICE_BG, u)
            return
        drift_colour = LATE if c.drift_seconds > 0 else EARLY if c.drift_seconds < 0 else MUTED
        drift_w = _text_width(c.drift, 0.05 * u, QFont.Weight.DemiBold) if c.drift else 0.0
        _draw_fit(p, bottom, c.drift, 0.05 * u, QFont.Weight.DemiBold, drift_colour, Qt.AlignmentFlag.AlignRight)
        left = bottom.adjusted(0, 0, -(drift_w + margin), 0)
        next_w = _text_width(c.next_countdown, 0.06 * u, QFont.Weight.Bold) if c.next_countdown else 0.0
        if c.next_countdown:
            gap = 0.6 * margin
            label_w = min(_text_width(c.next_label, 0.05 * u, QFont.Weight.DemiBold), left.width() - next_w - gap)
            _draw_fit(
                p,
                QRectF(left.left(), left.top(), label_w, left.height()),
                c.next_label,
                0.05 * u,
                QFont.Weight.DemiBold,
                TEXT,
                Qt.AlignmentFlag.AlignLeft,
            )
            _draw_fit(
                p,
                QRectF(left.left() + label_w + gap, left.top(), next_w, left.height()),
                c.next_countdown,
                0.06 * u,
                QFont.Weight.Bold,
                PRESENTER,
                Qt.AlignmentFlag.AlignLeft,
            )
        else:
            _draw_fit(p, left, c.next_label, 0.05 * u, QFont.Weight.DemiBold, TEXT, Qt.AlignmentFlag.AlignLeft)

    def _paint_digits(self, p: QPainter, rect: QRectF, text: str, digit_height: float, colour: QColor) -> int:
        """The countdown, sized by its digits' real height, shrunk only if too wide."""
        probe = QFontMetricsF(display_font(1000))
        em_digit = probe.tightBoundingRect("0").height() / 1000
        px = digit_height / em_digit if em_digit > 0 else digit_height
        width = probe.horizontalAdvance(text) / 1000 * px
        if width > rect.width():
            px *= rect.width() / width
        px = min(px, rect.height() / (probe.height() / 1000))
        font = display_font(int(px))
        p.setFont(font)
        p.setPen(colour)
        fm = QFontMetricsF(font)
        digit = fm.tightBoundingRect("0")
        # centre the digits' ink (not the font's ascent/descent box) in the band
        baseline = rect.center().y() - (digit.top() + digit.bottom()) / 2
        x = rect.center().x() - fm.horizontalAdvance(text) / 2
        p.drawText(QPointF(x, baseline), text)
        return int(px)

    def _paint_strip(self, p: QPainter, rect: QRectF, h: float) -> None:
        """전남 → 경북 → 인천 …, who is on now filled, who is next outlined and tagged."""
        c = self._content
        px = 0.045 * h
        tag_px = 0.034 * h
        arrow = " → "
        tags = {Role.NOW: self.tr("now"), Role.NEXT: self.tr("next")}

        def widths(px: float, tag_px: float) -> tuple[list[float], float, float]:
            pad = 0.6 * px
            chip = []
            for item in c.strip:
                w = _text_width(item.name, px, QFont.Weight.Bold) + 2 * pad
                if item.role in tags:
                    w += _text_width(tags[item.role], tag_px, QFont.Weight.Bold) + 0.3 * px
                chip.append(w)
            arrow_w = _text_width(arrow, px, QFont.Weight.Normal)
            return chip, arrow_w, sum(chip) + arrow_w * (len(chip) - 1)

        chips, arrow_w, total = widths(px, tag_px)
        if total > rect.width():
            scale = rect.width() / total
            px, tag_px = px * scale, tag_px * scale
            chips, arrow_w, total = widths(px, tag_px)
        x = rect.center().x() - total / 2
        chip_h = min(rect.height(), 1.6 * px)
        y = rect.center().y() - chip_h / 2
        radius = 0.25 * chip_h
        for i, (item, w) in enumerate(zip(c.strip, chips, strict=True)):
            box = QRectF(x, y, w, chip_h)
            if item.role is Role.NOW:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(TEXT)
                p.drawRoundedRect(box, radius, radius)
                fg, tag_fg = BACKGROUND, BACKGROUND
            elif item.role is Role.NEXT:
                p.setPen(QPen(PRESENTER, max(2.0, 0.08 * px)))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(box.adjusted(1, 1, -1, -1), radius, radius)
                fg, tag_fg = PRESENTER, PRESENTER
            else:
                fg = FAINT if item.role is Role.DONE else MUTED
                tag_fg = fg
            inner = box.adjusted(0.6 * px, 0, -0.6 * px, 0)
            if item.role in tags:
                tag = tags[item.role]
                tw = _text_width(tag, tag_px, QFont.Weight.Bold)
                _draw_fit(
                    p,
                    QRectF(inner.left(), inner.top(), tw, inner.height()),
                    tag,
                    tag_px,
                    QFont.Weight.Bold,
                    tag_fg,
                    Qt.AlignmentFlag.AlignLeft,
                )
                inner.setLeft(inner.left() + tw + 0.3 * px)
            _draw_fit(p, inner, item.name, px, QFont.Weight.Bold, fg, Qt.AlignmentFlag.AlignLeft)
            x += w
            if i < len(c.strip) - 1:
                _draw_fit(
                    p,
                    QRectF(x, y, arrow_w, chip_h),
                    arrow,
                    px,
                    QFont.Weight.Normal,
                    FAINT,
                    Qt.AlignmentFlag.AlignHCenter,
                )
                x += arrow_w

    def _paint_box(self, p: QPainter, rect: QRectF, text: str, fill: QColor, h: float) -> None:
        """A message or notice: dark text on a bright field, as large as fits, up to two lines."""
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        radius = 0.02 * h
        p.drawRoundedRect(rect, radius, radius)
        pad = 0.03 * h
        inner = rect.adjusted(pad, pad / 2, -pad, -pad / 2)
        px = min(0.11 * h, inner.height() * 0.8)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        while px > 6:
            font = display_font(int(px))
            bound = QFontMetricsF(font).boundingRect(inner, flags, text)
            if bound.height() <= inner.height() and bound.width() <= inner.width():
                break
            px *= 0.9
        p.setFont(display_font(int(px)))
        p.setPen(BACKGROUND)
        p.drawText(inner, flags, text)

    def _paint_rehearsal(self, p: QPainter, whole: QRectF) -> QRectF:
        """An orange frame and banner no one can mistake for the live show."""
        h = whole.height()
        edge = max(3.0, 0.012 * h)
        p.setPen(QPen(REHEARSAL, edge))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(whole.adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2))
        banner = QRectF(whole.left(), whole.top(), whole.width(), BANNER * h)
        p.fillRect(banner, REHEARSAL)
        _draw_fit(
            p,
            banner,
            self.tr("REHEARSAL — not the live show"),
            0.055 * min(h, whole.width() * 9 / 16),
            QFont.Weight.Bold,
            BACKGROUND,
            Qt.AlignmentFlag.AlignHCenter,
        )
        return whole.adjusted(edge, banner.height() + edge, -edge, -edge)


class StageWindow(QWidget):
    """The top-level stage window: a StageView placed full screen on the chosen display."""

    def __init__(
        self, controller: ShowController, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from runshow.ui.screens import StagePlacement, screen_menu  # late: keeps stage importable alone

        self.setWindowTitle(self.tr("runshow — stage"))
        self.view = StageView(controller, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setStyleSheet("background: black;")
        self.resize(1280, 720)
        self.placement = StagePlacement(self, settings)
        self.screen_menu = screen_menu(self.placement, self)

    def changeEvent(self, event: QEvent) -> None:
        """No mouse pointer over the MC's full-screen monitor; back when windowed."""
        if event.type() == QEvent.Type.WindowStateChange:
            if self.isFullScreen():
                self.setCursor(Qt.CursorShape.BlankCursor)
            else:
                self.unsetCursor()
        super().changeEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click the stage to choose its display (remembered for next time)."""
        self.screen_menu.popup(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.placement.toggle_full_screen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.placement.leave_full_screen()
        else:
            super().keyPressEvent(event)
