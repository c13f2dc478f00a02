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

from collections.abc import Iterable
from dataclasses import fields
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, QSettings, Qt, Slot
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QHideEvent, QKeyEvent, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QVBoxLayout, QWidget

from runshow.live.show import Status
from runshow.live.state import ShowState
from runshow.present.stage_content import Level, Role, StageContent, stage_content
from runshow.session.controller import ShowController
from runshow.session.qt_translate import qt_tr
from runshow.session.timers import Timer, defer
from runshow.ui.fonts import digit_ink, display_font, wrapped_px
from runshow.ui.text_sprites import GlyphSprites

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

WARM_AFTER_MS = 40  # a step of making digit images ahead, this long after a paint (not in the flip's way)
SPRITES = GlyphSprites()  # the large glyphs every stage view (window, miniature) draws, filled once
_last_derived: tuple[ShowState, tuple[object, ...], StageContent] | None = None  # see StageView._derive


INK = 0.01  # of the height: how far a band's ink may reach past it (a repaint covers that much more)

# What each field of the content paints: a change repaints those areas only (the rest of the
# stage is left as painted). A field not named here (blackout, rehearsal, …) repaints all.
FIELD_AREAS: dict[str, tuple[str, ...]] = {
    "clock": ("clock",),
    "header": ("header",),
    "title": ("who",),
    "presenter": ("who",),
    "strip": ("who",),
    "message": ("who",),
    "caption": ("caption",),
    "countdown": ("digits",),
    "blink_lit": ("digits",),
    "level": ("digits", "caption"),
    "status": ("digits", "caption"),
    "next_label": ("bottom",),
    "next_countdown": ("bottom",),
    "drift": ("bottom",),
    "drift_seconds": ("bottom",),
    "notice": ("bottom",),
}


# The texts that change every second: a change of their characters alone repaints those
# characters' cells (StageView._cells), not their whole area.
MOVING = frozenset({"clock", "countdown", "next_countdown", "drift"})
CONTENT_FIELDS = tuple(f.name for f in fields(StageContent))


def _text_width(text: str, px: float, weight: QFont.Weight, *, steady: bool = True) -> float:
    """The width ``text`` is drawn at: its shaped line, or for a per-second text
    (``steady=False``) glyph by glyph, unshaped — the measure the drawing places it by."""
    font = display_font(max(1, int(px)), weight)
    return SPRITES.line(text, font).width if steady else SPRITES.moving_width(text, font)


def _content_area(whole: QRectF, rehearsal: bool) -> QRectF:
    """Where the show is painted: all of the view, or inside the rehearsal frame and banner."""
    if not rehearsal:
        return QRectF(whole)
    h = whole.height()
    edge = max(3.0, 0.012 * h)
    return whole.adjusted(edge, BANNER * h + edge, -edge, -edge)


def _draw_fit(
    p: QPainter,
    rect: QRectF,
    text: str,
    px: float,
    weight: QFont.Weight,
    colour: QColor,
    align: Qt.AlignmentFlag,
    *,
    steady: bool = True,
) -> tuple[float, int] | None:
    """One line at ``px``, shrunk to the rectangle's width rather than clipped; returns where
    its left end went and the pixel size it took (None: nothing drawn).

    ``steady=False`` for a text that changes every second (see :meth:`GlyphSprites.draw`).
    """
    if not text or rect.width() <= 0:
        return None
    width = _text_width(text, px, weight, steady=steady)
    if width > rect.width():
        px *= rect.width() / width
    size = max(1, int(px))
    return SPRITES.draw_in(p, rect, text, display_font(size, weight), colour, align, steady=steady), size


# What a box drawn over a group hides: a change there paints nothing while the box stays.
UNDER_MESSAGE = frozenset({"title", "presenter", "strip"})
UNDER_NOTICE = frozenset({"next_label", "next_countdown", "drift", "drift_seconds"})


def _hidden(old: StageContent, new: StageContent) -> frozenset[str]:
    """The fields under a box that is up, unchanged, before and after (over time at a notice,
    the drift and the next countdown tick under it every second)."""
    hidden: frozenset[str] = frozenset()
    if old.message and old.message == new.message:
        hidden |= UNDER_MESSAGE
    if old.notice and old.notice == new.notice:
        hidden |= UNDER_NOTICE
    return hidden


def _rects(region: QRegion) -> list[QRect]:
    """The rectangles of a region (PySide6's stubs lack QRegion's iteration; the binding has it)."""
    return list(cast(Iterable[QRect], region))


def _banded(region: QRegion) -> QRegion:
    """``region`` with the rectangles that share a band (top and bottom) joined into one: the
    changed digits of a countdown are one rectangle to paint, not one each."""
    bands: dict[tuple[int, int], QRect] = {}
    for rect in _rects(region):
        key = (rect.top(), rect.bottom())
        bands[key] = bands[key].united(rect) if key in bands else QRect(rect)
    out = QRegion()
    for rect in bands.values():
        out = out.united(rect)
    return out


def _rule(p: QPainter, x1: float, x2: float, y: float, colour: QColor, width: float) -> None:
    """A hairline rule on whole pixels: crisp, and the same pixels however the paint is clipped
    (an antialiased line's edge rows came out a shade apart under a rectangle clip)."""
    thick = max(1, round(width))
    p.fillRect(QRect(round(x1), round(y - thick / 2), max(0, round(x2) - round(x1)), thick), colour)


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
        self._clock_px = 0.0  # its pixel size then
        # per-second texts as last painted: field → (text, pixel size, weight, left end)
        self._moving: dict[str, tuple[str, int, QFont.Weight, float]] = {}
        self._areas_of: tuple[tuple[float, float, bool], dict[str, QRectF]] | None = None
        self.countdown_px = 0  # the digits' pixel size at the last paint, for tests and the miniature
        self._warming: Timer | None = None  # the next step of making digit images ahead (SPRITES.warm_step)
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
        # The stage window and the control room's miniature show the same state with the same
        # notices: the second view takes what the first derived (the state compared by identity).
        global _last_derived
        event = self._controller.plan.event
        language = QCoreApplication.translate("StageView", "Time left")  # (a translator swapped: words differ)
        key = (event, self._notice, self._rehearsal, self._cut, language)
        if _last_derived is not None and _last_derived[0] is self._state and _last_derived[1] == key:
            return _last_derived[2]
        content = stage_content(
            self._state, event, qt_tr, notice=self._notice, rehearsal=self._rehearsal, cut_minutes=self._cut
        )
        _last_derived = (self._state, key, content)
        return content

    def _rebuild(self) -> None:
        """Repaint only what changed: nothing, the areas of the fields that changed, or all.

        Once the show runs, the countdown and the time of day flip on different boundaries:
        half the ticks change only the clock, the others the countdown and the next line.
        The title, presenter and speaker strip (the Hangul, the costliest text) are painted
        again only when they change.
        """
        old, new = self._content, self._derive()
        self._content = new
        if new == old:
            return
        dirty = self.dirty_region(old, new)
        if dirty is None:
            self.update()
        elif not dirty.isEmpty():
            self.update(_banded(dirty))

    def dirty_region(self, old: StageContent, new: StageContent) -> QRegion | None:
        """What going from ``old`` to ``new`` repaints (None: everything)."""
        if self._clock_rect is None:
            return None  # never painted: no geometry yet
        if old.blackout and new.blackout and old.rehearsal == new.rehearsal:
            return QRegion()  # black before and after: nothing shows
        hidden = _hidden(old, new)
        geometry = self._areas(QRectF(self.rect()), new.rehearsal)
        names: set[str] = set()
        cells: list[QRect] = []
        for name in CONTENT_FIELDS:
            before, after = getattr(old, name), getattr(new, name)
            if before == after or name in hidden:
                continue
            areas = FIELD_AREAS.get(name)
            if areas is None:
                return None
            if name in MOVING:
                strip = QRectF(self._clock_rect) if name == "clock" else geometry[areas[0]]
                changed = self._cells(name, before, after, strip)
                if changed is not None:
                    cells += changed
                    continue
            names.update(areas)
        bold = QFont.Weight.Bold
        if "clock" in names and _text_width(old.clock, self._clock_px, bold, steady=False) != _text_width(
            new.clock, self._clock_px, bold, steady=False
        ):
            names.add("header")  # a wider or narrower clock moves the part's title beside it
        region = QRegion()
        for name in sorted(names):
            region = region.united(self._clock_rect if name == "clock" else geometry[name].toAlignedRect())
        for cell in cells:
            region = region.united(cell)
        return region

    def _areas(self, whole: QRectF, rehearsal: bool) -> dict[str, QRectF]:
        """Full-width strips, one per group of fields, each widened by :data:`INK` (per size)."""
        key = (whole.width(), whole.height(), rehearsal)
        if self._areas_of is not None and self._areas_of[0] == key:
            return self._areas_of[1]
        areas = self._strips(whole, rehearsal)
        self._areas_of = (key, areas)
        return areas

    @staticmethod
    def _strips(whole: QRectF, rehearsal: bool) -> dict[str, QRectF]:
        area = _content_area(whole, rehearsal)
        h = area.height()

        def strip(top: float, bottom: float) -> QRectF:
            y0 = max(whole.top(), area.top() + (top - INK) * h)
            y1 = min(whole.bottom() + 1, area.top() + (bottom + INK) * h)
            return QRectF(whole.left(), y0, whole.width(), max(0.0, y1 - y0))

        return {
            "header": strip(*HEADER),
            "who": strip(TITLE[0], STRIP[1]),
            "caption": strip(*CAPTION),
            "digits": strip(*DIGITS),
            "bottom": strip(BOTTOM[0] - 0.01, BOTTOM[1]),
        }

    def _placed(self, name: str, text: str, weight: QFont.Weight, placed: tuple[float, int] | None) -> None:
        """Remember where a text that changes every second was painted (see :meth:`_cells`)."""
        if placed is None:
            self._moving.pop(name, None)
        else:
            self._moving[name] = (text, placed[1], weight, placed[0])

    def _cells(self, name: str, old: str, new: str, strip: QRectF) -> list[QRect] | None:
        """The glyphs of a per-second text that changed, as rectangles of ``strip``'s height;
        None when the whole text moves (another width or other glyph places: refit, realigned).

        A countdown going from 06:40 to 06:39 changes two digits of five: with tabular
        figures nothing else moves, so only those two cells are painted again. The places are
        the per-character advances the paint lays the text out by (GlyphSprites.advances).
        """
        placed = self._moving.get(name)
        if placed is None or placed[0] != old or len(old) != len(new):
            return None
        _, px, weight, x = placed
        font = display_font(px, weight)
        before, after = SPRITES.moving_cells(old, font), SPRITES.moving_cells(new, font)
        if before is None or after is None or before[-1][1] != after[-1][1]:
            return None
        slack = 0.08 * px + 2  # ink may reach a little past a glyph's advance
        cells = []
        for a, b, (left_a, right_a), (left_b, right_b) in zip(old, new, before, after, strict=True):
            if a != b or left_a != left_b:
                left, right = min(left_a, left_b), max(right_a, right_b)
                cell = QRectF(x + left - slack, strip.top(), right - left + 2 * slack, strip.height())
                cells.append(cell.toAlignedRect())
        return cells

    # ── painting ──────────────────────────────────────────────────────────
    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint_event(event)
        if SPRITES.cold and self._warming is None and self.isVisible():
            # the digits a per-second text will show next, made in the time between flips
            self._warming = defer(self._warm, self, WARM_AFTER_MS, "stage glyph warming")

    def _warm(self) -> None:
        self._warming = None
        if SPRITES.warm_step() and SPRITES.cold and self.isVisible():
            self._warming = defer(self._warm, self, WARM_AFTER_MS, "stage glyph warming")

    def hideEvent(self, event: QHideEvent) -> None:
        if self._warming is not None:
            self._warming.stop()
            self._warming.deleteLater()
            self._warming = None
        super().hideEvent(event)

    def _paint_event(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            whole = QRectF(self.rect())
            region = event.region()
            rects = _rects(region)
            if len(rects) <= 1:
                self._paint(painter, whole, region)
                return
            # Rectangle by rectangle: clipped to a region of several, Qt blends every glyph image
            # taller than ~32 lines on its worker threads (two wake-ups a glyph, measured); clipped
            # to one rectangle it blends it here.
            for rect in rects:
                painter.save()
                painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
                self._paint(painter, whole, QRegion(rect))
                painter.restore()
        finally:
            painter.end()

    def _paint(self, p: QPainter, whole: QRectF, exposed: QRegion | None = None) -> None:
        """Paint the content into ``whole``; with ``exposed``, only the groups that reach it
        (Qt clips to it: a group outside it would paint nothing, at full cost), and of those only
        the glyph images that reach it."""
        if exposed is not None and QRegion(whole.toAlignedRect()).subtracted(exposed).isEmpty():
            exposed = None  # all of it (QRegion.contains(QRect) means "overlaps": not that test)
        if exposed is None:
            self._paint_content(p, whole, None)
            return
        p.setClipRegion(exposed, Qt.ClipOperation.IntersectClip)  # only its pixels change
        bounds = exposed.boundingRect()
        SPRITES.clip = (bounds.left(), bounds.top(), bounds.right(), bounds.bottom())
        try:
            self._paint_content(p, whole, exposed)
        finally:
            SPRITES.clip = None

    def _paint_content(self, p: QPainter, whole: QRectF, exposed: QRegion | None) -> None:
        c = self._content
        p.fillRect(whole, BACKGROUND)
        if c.blackout:
            return
        area = QRectF(whole)
        if c.rehearsal:
            area = self._paint_rehearsal(p, whole, exposed)
        areas = self._areas(whole, c.rehearsal)

        def wanted(name: str) -> bool:
            return exposed is None or exposed.intersects(areas[name].toAlignedRect())

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
        self._clock_px = 0.065 * u
        clock_w = _text_width(c.clock, self._clock_px, QFont.Weight.Bold, steady=False)
        slack = 0.1 * clock_w + 2
        # (its last rows left out: the clock's ink is centred well above them, and so a clock
        # tick does not reach the title's area below and paint the title again)
        self._clock_rect = QRectF(
            header.right() - clock_w - slack, header.top(), clock_w + 2 * slack, header.height() - 0.01 * h
        ).toAlignedRect()
        if wanted("header"):
            right = Qt.AlignmentFlag.AlignRight
            self._placed("clock", c.clock, QFont.Weight.Bold, _draw_fit(
                p, header, c.clock, self._clock_px, QFont.Weight.Bold, TEXT, right, steady=False
            ))  # fmt: skip
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
        if wanted("who"):
            if c.message:
                self._paint_box(p, QRectF(band(TITLE).topLeft(), band(STRIP).bottomRight()), c.message, MESSAGE_BG, u)
            else:
                _draw_fit(p, band(TITLE), c.title, 0.085 * u, QFont.Weight.Bold, TEXT, centre)
                _draw_fit(p, band(PRESENTER_BAND), c.presenter, 0.06 * u, QFont.Weight.DemiBold, PRESENTER, centre)
                if c.strip:
                    self._paint_strip(p, band(STRIP), u)

        # the countdown
        colour = LEVEL_COLOURS[c.level]
        if wanted("caption"):
            caption_colour = colour if c.level in (Level.WARNING, Level.DANGER, Level.OVERTIME) else MUTED
            if c.status is Status.PAUSED:
                caption_colour = LEVEL_COLOURS[Level.WARNING]
            _draw_fit(p, band(CAPTION), c.caption, 0.045 * u, QFont.Weight.DemiBold, caption_colour, centre)
        if wanted("digits"):
            digits_rect = band(DIGITS)
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
        if wanted("bottom"):
            _rule(p, inner.left(), inner.right(), area.top() + (BOTTOM[0] - 0.01) * h, FAINT, max(1.0, 0.003 * h))
            self._paint_bottom(p, band(BOTTOM), margin, u)

    def _paint_bottom(self, p: QPainter, bottom: QRectF, margin: float, u: float) -> None:
        """The next segment with the countdown to it on the left, the drift on the right (or a notice)."""
        c = self._content
        if c.notice:
            self._paint_box(p, bottom, c.notice, NOTICE_BG, u)
            return
        drift_colour = LATE if c.drift_seconds > 0 else EARLY if c.drift_seconds < 0 else MUTED
        drift_w = _text_width(c.drift, 0.05 * u, QFont.Weight.DemiBold, steady=False) if c.drift else 0.0
        right = Qt.AlignmentFlag.AlignRight
        demi = QFont.Weight.DemiBold
        self._placed("drift", c.drift, demi, _draw_fit(
            p, bottom, c.drift, 0.05 * u, demi, drift_colour, right, steady=False
        ))  # fmt: skip
        left = bottom.adjusted(0, 0, -(drift_w + margin), 0)
        next_w = _text_width(c.next_countdown, 0.06 * u, QFont.Weight.Bold, steady=False) if c.next_countdown else 0.0
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
            placed = _draw_fit(
                p,
                QRectF(left.left() + label_w + gap, left.top(), next_w, left.height()),
                c.next_countdown,
                0.06 * u,
                QFont.Weight.Bold,
                PRESENTER,
                Qt.AlignmentFlag.AlignLeft,
                steady=False,
            )
            self._placed("next_countdown", c.next_countdown, QFont.Weight.Bold, placed)
        else:
            _draw_fit(p, left, c.next_label, 0.05 * u, QFont.Weight.DemiBold, TEXT, Qt.AlignmentFlag.AlignLeft)

    def _paint_digits(self, p: QPainter, rect: QRectF, text: str, digit_height: float, colour: QColor) -> int:
        """The countdown, sized by its digits' real height, shrunk only if too wide."""
        _, _, em_digit, em_height = digit_ink(1000)
        em_digit, em_height = em_digit / 1000, em_height / 1000
        px = digit_height / em_digit if em_digit > 0 else digit_height
        width = SPRITES.moving_width(text, display_font(1000)) / 1000 * px
        if width > rect.width():
            px *= rect.width() / width
        px = min(px, rect.height() / em_height)
        top, bottom, _, _ = digit_ink(int(px))
        # centre the digits' ink (not the font's ascent/descent box) in the band
        baseline = rect.center().y() - (top + bottom) / 2
        x = rect.center().x() - SPRITES.moving_width(text, display_font(int(px))) / 2
        SPRITES.draw(p, x, baseline, text, display_font(int(px)), colour, steady=False)
        self._placed("countdown", text, QFont.Weight.Bold, (x, int(px)))
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
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        px = wrapped_px(text, inner.width(), inner.height(), min(0.11 * h, inner.height() * 0.8), flags)
        p.setFont(display_font(px))
        p.setPen(BACKGROUND)
        p.drawText(inner, flags, text)

    def _paint_rehearsal(self, p: QPainter, whole: QRectF, exposed: QRegion | None = None) -> QRectF:
        """An orange frame and banner no one can mistake for the live show."""
        h = whole.height()
        edge = max(3.0, 0.012 * h)
        p.setPen(QPen(REHEARSAL, edge))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(whole.adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2))
        banner = QRectF(whole.left(), whole.top(), whole.width(), BANNER * h)
        if exposed is None or exposed.intersects(banner.toAlignedRect()):
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
        return _content_area(whole, True)


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
