"""Large text drawn from cached glyph images: the stage's digits and titles at every flip.

Qt's raster engine keeps a rendered glyph only up to 64 px; a larger one is filled as an
outline at every paint. The stage draws its countdown at ~500 px on a 1080-line monitor
(~1,000 on 4K), its title at ~90 px and its clock at ~70 px, so every flip filled every
Hangul curve and digit outline again: 1.1 ms for the countdown alone, 0.9 ms for a title
(runshow bench, 1920×1080; a full stage paint 2.5 ms). Filling a glyph once and copying its
image afterwards is what Qt does for small text; :class:`GlyphSprites` does it for large text.

Layout stays Qt's: a :class:`QTextLayout` shapes the line (kerning, tabular figures, fallback
fonts for a character the bundled font lacks), and each glyph is copied to its position, rounded
to the pixel. Only the look of a glyph is cached — per font, size, glyph and colour, within a
byte budget (least recently used first out) — so nothing stale can be drawn: a new text is new
glyph positions from the same images.

Setting ``QT_MAX_CACHED_GLYPH_SIZE`` above 64 was tried first: Qt then drew no glyph at all
past ~100 px (Qt 6.11, FreeType), so the stage lost its digits. Not used.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRawFont, QTextLayout

QT_CACHED_GLYPH_PX = 64  # up to here Qt keeps glyphs itself: drawn as text
BUDGET_BYTES = 32 * 1024 * 1024
LAYOUTS = 256  # shaped lines kept (the same few texts are drawn flip after flip)
WARM_CHARACTERS = "0123456789:\u2212+"  # what a countdown, the clock and the drift are made of
WARM_STEP = 3  # glyph images made per step of warming (each up to ~0.5 ms at 500 px)
WARM_KEPT = 16  # fonts and colours of per-second texts warmed: the latest drawn


@dataclass(frozen=True, slots=True)
class _Glyph:
    image: QImage | None  # None: nothing to paint (a space)
    offset: QPoint  # from the glyph's pen position (on the baseline) to the image's top left

    @property
    def size(self) -> int:
        return 0 if self.image is None else self.image.sizeInBytes()


@dataclass(frozen=True, slots=True)
class Line:
    """A shaped line: per glyph run, its font, glyph indexes and positions from the line's left
    end on its baseline; with the line's ascent, descent and width (Qt's own numbers)."""

    runs: tuple[tuple[QRawFont, str, tuple[int, ...], tuple[tuple[float, float], ...]], ...]
    ascent: float
    descent: float
    width: float


class GlyphSprites:
    """Glyph images per (font, size, glyph, colour), whole lines per (text, font, colour), and
    shaped lines per (text, font)."""

    def __init__(self, budget_bytes: int = BUDGET_BYTES) -> None:
        self.budget_bytes = budget_bytes
        self._glyphs: OrderedDict[tuple[object, ...], _Glyph] = OrderedDict()
        self._lines: OrderedDict[tuple[str, str], Line] = OrderedDict()
        self._raws: dict[str, tuple[QRawFont, str]] = {}
        self._chars: dict[tuple[str, str], tuple[int, float]] = {}  # (font, character) → glyph, advance
        self._ascent: dict[str, tuple[float, float]] = {}
        # QFont.key() spells the whole font description (~3 µs); the stage asks it ~50 times a
        # flip of the same few fonts. Keyed by the object, kept alive here so its id is not
        # reused; fonts given to these methods are not changed afterwards (display_font's).
        self._fkeys: dict[int, tuple[QFont, str]] = {}
        # a per-second text's glyphs and advances, by (text, font key): asked for its width, its
        # cells and its drawing, several times a flip, for the same few texts
        self._advances: dict[tuple[str, str], tuple[QRawFont, str, list[tuple[int, float]]] | None] = {}
        self._widths: dict[tuple[str, str], float] = {}  # (text, font key) → moving_width
        self.bytes = 0
        self.rendered = 0  # glyph images made (a test sees the cache work)
        # (left, top, right, bottom) of what the painter is clipped to, set by the caller for one
        # paint: an image wholly outside it is not drawn at all (Qt would clip it away, a call
        # later). None: everything is drawn.
        self.clip: tuple[int, int, int, int] | None = None
        # the fonts and colours per-second texts were drawn in, and which of them have all their
        # digits' images made (see :meth:`warm_step`)
        self._moving_seen: OrderedDict[tuple[str, int], tuple[QFont, QColor]] = OrderedDict()
        self._warmed: set[tuple[str, int]] = set()

    # ── layout ────────────────────────────────────────────────────────────
    def font_key(self, font: QFont) -> str:
        """``font.key()``, remembered per font object."""
        hit = self._fkeys.get(id(font))
        if hit is not None and hit[0] is font:
            return hit[1]
        if len(self._fkeys) > 512:
            self._fkeys.clear()
        key = font.key()
        self._fkeys[id(font)] = (font, key)
        return key

    def line(self, text: str, font: QFont) -> Line:
        """``text`` shaped in ``font`` (cached)."""
        key = (text, self.font_key(font))
        hit = self._lines.get(key)
        if hit is not None:
            self._lines.move_to_end(key)
            return hit
        layout = QTextLayout(text, font)
        layout.setCacheEnabled(True)
        layout.beginLayout()
        qline = layout.createLine()
        layout.endLayout()
        runs = []
        ascent = qline.ascent() if qline.isValid() else 0.0
        for run in qline.glyphRuns() if qline.isValid() else []:
            raw = run.rawFont()
            positions = tuple((p.x(), p.y() - ascent) for p in run.positions())
            runs.append((raw, _raw_key(raw), tuple(run.glyphIndexes()), positions))
        made = Line(
            tuple(runs),
            ascent,
            qline.descent() if qline.isValid() else 0.0,
            qline.naturalTextWidth() if qline.isValid() else 0.0,
        )
        self._lines[key] = made
        if len(self._lines) > LAYOUTS:
            self._lines.popitem(last=False)
        return made

    # ── per-second texts: glyphs side by side, never shaped ───────────────
    def advances(self, text: str, font: QFont) -> tuple[QRawFont, str, list[tuple[int, float]]] | None:
        """Each character's glyph and advance for a text that changes every second (a countdown,
        the clock), from a per-character cache: no shaping at each flip. None when a character
        is not in the font (shape it then). Tabular figures make this exact for the digits;
        the few letters (in, 후, late) lose only their kerning, which they hardly have."""
        fkey = self.font_key(font)
        memo = (text, fkey)
        if memo in self._advances:
            return self._advances[memo]
        if len(self._advances) > 256:
            self._advances.clear()
        got = self._advances[memo] = self._advances_of(text, font, fkey)
        return got

    def _advances_of(
        self, text: str, font: QFont, fkey: str
    ) -> tuple[QRawFont, str, list[tuple[int, float]]] | None:
        if len(self._chars) > 8192:  # (a window resized through many sizes)
            self._chars.clear()
        raw_hit = self._raws.get(fkey)
        out: list[tuple[int, float]] = []
        for ch in text:
            key = (fkey, ch)
            hit = self._chars.get(key)
            if hit is None:
                # Shaped alone, once: the glyph the font's features choose (tabular figures are a
                # substitution of the digit itself) and its advance.
                runs = self.line(ch, font).runs
                if len(runs) != 1 or len(runs[0][2]) != 1:
                    return None  # two glyphs, or none: not a text to put together glyph by glyph
                raw, raw_key, glyphs, _ = runs[0]
                if raw_hit is None:
                    raw_hit = self._raws[fkey] = (raw, raw_key)
                elif raw_hit[1] != raw_key:
                    return None  # a fallback font for this character: shape the whole text
                hit = self._chars[key] = (glyphs[0], self.line(ch, font).width)
            out.append(hit)
        if raw_hit is None:
            return None
        return raw_hit[0], raw_hit[1], out

    def moving_width(self, text: str, font: QFont) -> float:
        """The advance of a per-second text as :meth:`draw` with ``steady=False`` lays it out
        (remembered: a flip asks it of the same few texts ~10 times over)."""
        memo = (text, self.font_key(font))
        width = self._widths.get(memo)
        if width is not None:
            return width
        got = self.advances(text, font)
        width = self.line(text, font).width if got is None else sum(a for _, a in got[2])
        if len(self._widths) > 256:
            self._widths.clear()
        self._widths[memo] = width
        return width

    def moving_cells(self, text: str, font: QFont) -> list[tuple[float, float]] | None:
        """Where each character of a per-second text lies, from its left end: (left, right)."""
        got = self.advances(text, font)
        if got is None:
            return None
        cells, x = [], 0.0
        for _, advance in got[2]:
            cells.append((x, x + advance))
            x += advance
        return cells

    # ── drawing ───────────────────────────────────────────────────────────
    def draw(
        self, p: QPainter, x: float, baseline: float, text: str, font: QFont, colour: QColor, *, steady: bool = True
    ) -> None:
        """``text`` with its left end at ``x`` on ``baseline``.

        ``steady``: a text drawn again and again as it is (a title, a label) is kept whole, as
        one image; a text that changes every second (a countdown, the clock) is put together
        from its glyphs' images each time.
        """
        if not text:
            return
        clip = self.clip
        if steady:
            sprite = self._whole(text, font, colour)
            if sprite.image is not None:
                left, top = round(x) + sprite.offset.x(), round(baseline) + sprite.offset.y()
                if clip is None or _meets(clip, left, top, sprite.image):
                    p.drawImage(QPoint(left, top), sprite.image)
            return
        got = self.advances(text, font)
        if got is None:
            self._shaped(p, x, baseline, text, font, colour)
            return
        raw, raw_key, glyphs = got
        rgba = colour.rgba()
        seen = (raw_key, rgba)
        if seen not in self._moving_seen:
            self._moving_seen[seen] = (font, QColor(colour))
            if len(self._moving_seen) > WARM_KEPT:  # (a window resized through many sizes)
                old, _ = self._moving_seen.popitem(last=False)
                self._warmed.discard(old)
        base = round(baseline)
        for glyph, advance in glyphs:
            sprite = self._glyph(raw, raw_key, glyph, colour, rgba)
            if sprite.image is not None:
                left, top = round(x) + sprite.offset.x(), base + sprite.offset.y()
                if clip is None or _meets(clip, left, top, sprite.image):
                    p.drawImage(QPoint(left, top), sprite.image)
            x += advance

    # ── made ahead ────────────────────────────────────────────────────────
    @property
    def cold(self) -> bool:
        """Some per-second text was drawn in a font and colour whose digits are not all made yet."""
        return len(self._warmed) < len(self._moving_seen)

    def warm_step(self, budget: int = WARM_STEP) -> int:
        """Make up to ``budget`` missing digit images of the fonts and colours per-second texts use;
        returns how many were made.

        A countdown's digit is filled the first time it shows (~0.5 ms at 500 px): without this,
        the flips that first show a 7, an 8 … in a size and a colour are the slow ones. Called a
        little at a time after a paint (StageView), so no flip waits for a whole batch.
        """
        made = 0
        for key, (font, colour) in list(self._moving_seen.items()):
            if key in self._warmed:
                continue
            rgba = colour.rgba()
            for ch in WARM_CHARACTERS:
                got = self.advances(ch, font)
                if got is None:
                    continue  # (not in the font, or from a fallback font: drawn shaped)
                raw, raw_key, ((glyph, _),) = got
                if (raw_key, glyph, rgba) not in self._glyphs:
                    if made >= budget:
                        return made
                    self._glyph(raw, raw_key, glyph, colour, rgba)
                    made += 1
            self._warmed.add(key)
        return made

    def _shaped(self, p: QPainter, x: float, baseline: float, text: str, font: QFont, colour: QColor) -> None:
        """``text`` shaped whole: Qt's own text up to the size it keeps glyphs for, else glyph images."""
        if font.pixelSize() <= QT_CACHED_GLYPH_PX:
            p.setFont(font)
            p.setPen(colour)
            p.drawText(QPointF(x, baseline), text)
        else:
            self._glyphs_of(p, x, baseline, text, font, colour)

    def _glyphs_of(self, p: QPainter, x: float, baseline: float, text: str, font: QFont, colour: QColor) -> None:
        rgba = colour.rgba()
        for raw, raw_key, glyphs, positions in self.line(text, font).runs:
            for glyph, (gx, gy) in zip(glyphs, positions, strict=True):
                sprite = self._glyph(raw, raw_key, glyph, colour, rgba)
                if sprite.image is not None:
                    p.drawImage(
                        QPoint(round(x + gx) + sprite.offset.x(), round(baseline + gy) + sprite.offset.y()),
                        sprite.image,
                    )

    def _whole(self, text: str, font: QFont, colour: QColor) -> _Glyph:
        """The whole line as one image (its offset from the pen's start on the baseline)."""
        key = ("line", text, self.font_key(font), colour.rgba())
        hit = self._glyphs.get(key)
        if hit is not None:
            self._glyphs.move_to_end(key)
            return hit
        line = self.line(text, font)
        pad = 2 + math.ceil(0.1 * font.pixelSize())  # ink may reach past the advance (italic, overhangs)
        width = math.ceil(line.width) + 2 * pad
        height = math.ceil(line.ascent + line.descent) + 2 * pad
        if width <= 2 * pad or height <= 2 * pad:
            made = _Glyph(None, QPoint())
        else:
            image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            try:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
                baseline = pad + round(line.ascent)
                self._shaped(painter, pad, baseline, text, font, colour)
            finally:
                painter.end()
            made = _Glyph(image, QPoint(-pad, -baseline))
        self.rendered += 1
        self._keep(key, made)
        return made

    def draw_in(
        self,
        p: QPainter,
        rect: QRectF,
        text: str,
        font: QFont,
        colour: QColor,
        align: Qt.AlignmentFlag,
        *,
        steady: bool = True,
    ) -> float:
        """One line in ``rect``, centred vertically, placed as ``align`` says (left, right or centre),
        where ``QPainter.drawText(rect, align | AlignVCenter, text)`` would put it; returns where
        its left end went."""
        if not text:
            return rect.left()
        if steady:
            line = self.line(text, font)
            width, ascent, descent = line.width, line.ascent, line.descent
        else:
            width = self.moving_width(text, font)
            metrics = self._metrics(font)
            ascent, descent = metrics
        if align & Qt.AlignmentFlag.AlignRight:
            x = rect.right() - width
        elif align & Qt.AlignmentFlag.AlignHCenter:
            x = rect.left() + (rect.width() - width) / 2
        else:
            x = rect.left()
        top = rect.top() + (rect.height() - (ascent + descent)) / 2
        self.draw(p, x, top + ascent, text, font, colour, steady=steady)
        return x

    def _metrics(self, font: QFont) -> tuple[float, float]:
        """The font's ascent and descent, as a shaped line of it has them (cached per font)."""
        fkey = self.font_key(font)
        hit = self._ascent.get(fkey)
        if hit is None:
            line = self.line("0", font)
            hit = self._ascent[fkey] = (line.ascent, line.descent)
        return hit

    def _glyph(self, raw: QRawFont, raw_key: str, glyph: int, colour: QColor, rgba: int) -> _Glyph:
        key = (raw_key, glyph, rgba)
        hit = self._glyphs.get(key)
        if hit is not None:
            self._glyphs.move_to_end(key)
            return hit
        made = _render(raw, glyph, colour)
        self.rendered += 1
        self._keep(key, made)
        return made

    def _keep(self, key: tuple[object, ...], made: _Glyph) -> None:
        self._glyphs[key] = made
        self.bytes += made.size
        while self.bytes > self.budget_bytes and len(self._glyphs) > 1:
            _, old = self._glyphs.popitem(last=False)
            self.bytes -= old.size

    def clear(self) -> None:
        for cache in (self._glyphs, self._lines, self._raws, self._chars, self._ascent, self._fkeys):
            cache.clear()
        self._advances.clear()
        self._widths.clear()
        self._moving_seen.clear()
        self._warmed.clear()
        self.bytes = 0


def _meets(clip: tuple[int, int, int, int], left: int, top: int, image: QImage) -> bool:
    """Whether an image drawn with its top left at (left, top) reaches into ``clip``."""
    return left <= clip[2] and top <= clip[3] and left + image.width() > clip[0] and top + image.height() > clip[1]


def _raw_key(raw: QRawFont) -> str:
    return f"{raw.familyName()}|{raw.styleName()}|{raw.weight()}|{raw.pixelSize():.3f}"


def _render(raw: QRawFont, glyph: int, colour: QColor) -> _Glyph:
    """One glyph filled once, antialiased, into an image just large enough for its ink."""
    path = raw.pathForGlyph(glyph)
    bounds = path.boundingRect()
    if path.isEmpty() or bounds.isEmpty():
        return _Glyph(None, QPoint())
    left, top = math.floor(bounds.left()) - 1, math.floor(bounds.top()) - 1
    width, height = math.ceil(bounds.right()) - left + 1, math.ceil(bounds.bottom()) - top + 1
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-left, -top)
        painter.fillPath(path, colour)
    finally:
        painter.end()
    return _Glyph(image, QPoint(left, top))
