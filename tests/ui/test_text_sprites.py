"""Large text from cached glyph images looks like Qt's own text, and the cache works."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QImage, QPainter

from runshow.ui.fonts import display_font, load_fonts
from runshow.ui.text_sprites import GlyphSprites

WHITE = QColor("#FFFFFF")


def _canvas() -> QImage:
    image = QImage(1400, 500, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#000000"))
    return image


def _ink(image: QImage) -> tuple[QRect, int]:
    """Bounding box of the pixels brighter than half, and how many there are (sampled every 2 px)."""
    xs, ys, n = [], [], 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y).red() > 128:
                xs.append(x)
                ys.append(y)
                n += 1
    assert xs, "nothing was drawn"
    return QRect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), n


def _by_qt(text: str, px: int) -> QImage:
    image = _canvas()
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(display_font(px))
    p.setPen(WHITE)
    p.drawText(QPointF(20, 400), text)
    p.end()
    return image


def _by_sprites(sprites: GlyphSprites, text: str, px: int, steady: bool) -> QImage:
    image = _canvas()
    p = QPainter(image)
    sprites.draw(p, 20, 400, text, display_font(px), WHITE, steady=steady)
    p.end()
    return image


@pytest.mark.parametrize(
    ("text", "px", "steady"),
    [
        ("06:40", 380, False),  # the countdown, glyph by glyph
        ("+12:05", 200, False),
        ("in 03:55", 60, False),  # small: still glyph images, not Qt's text
        ("시·도별 혁신계획 발표", 90, True),  # a title, as one image
        ("사회자", 40, True),
    ],
)
def test_drawn_from_images_where_qt_would_draw_it(qapp, text, px, steady):
    load_fonts()
    want_box, want_n = _ink(_by_qt(text, px))
    got_box, got_n = _ink(_by_sprites(GlyphSprites(), text, px, steady))
    for a, b in ((want_box.left(), got_box.left()), (want_box.top(), got_box.top()),
                 (want_box.right(), got_box.right()), (want_box.bottom(), got_box.bottom())):  # fmt: skip
        assert abs(a - b) <= 3, (want_box, got_box)
    assert abs(got_n - want_n) <= max(0.04 * want_n, 25)  # (sampled every 2 px: a small text moves a few)


def test_digits_are_tabular_glyph_by_glyph(qapp):
    """The countdown must not jitter: every digit the same advance (the font's tnum glyphs)."""
    load_fonts()
    sprites = GlyphSprites()
    font = display_font(400)
    widths = {sprites.moving_width(d, font) for d in "0123456789"}
    assert len(widths) == 1
    assert sprites.moving_width("13:32:00", font) == sprites.moving_width("13:32:01", font)
    assert sprites.moving_width("11:11", font) == sprites.moving_width("08:08", font)


def test_a_glyph_is_filled_once_and_the_budget_holds(qapp):
    load_fonts()
    sprites = GlyphSprites()
    _by_sprites(sprites, "06:40", 380, False)
    made = sprites.rendered
    _by_sprites(sprites, "04:06", 380, False)  # the same glyphs, other places
    assert sprites.rendered == made
    small = GlyphSprites(budget_bytes=200_000)
    for text in ("0123", "4567", "89:+"):
        _by_sprites(small, text, 380, False)
    assert small.bytes <= 200_000 or len(small._glyphs) == 1


def test_a_character_the_font_lacks_is_still_drawn(qapp):
    load_fonts()
    sprites = GlyphSprites()
    font = display_font(200)
    assert sprites.advances("12:龘", font) is None or sprites.moving_width("12:龘", font) > 0
    _by_sprites(sprites, "12:00 龘", 200, False)  # no exception; what Qt can draw is drawn
    _by_sprites(sprites, "", 200, False)


def test_the_digits_of_a_per_second_text_are_made_ahead_a_few_at_a_time(qapp) -> None:
    """After a countdown is drawn once, its font and colour are warmed step by step (each step
    within its budget) until every digit exists; later countdowns then make no image."""
    load_fonts()
    sprites = GlyphSprites()
    _by_sprites(sprites, "05:29", 300, steady=False)
    assert sprites.cold
    made_first = sprites.rendered
    steps = []
    while sprites.cold:
        steps.append(sprites.warm_step(budget=3))
        assert len(steps) < 20, "warming never ends"
    assert all(n <= 3 for n in steps) and sum(steps) >= 8  # 0–9, ':' and the signs, less those drawn
    assert sprites.warm_step() == 0  # nothing left
    before = sprites.rendered
    _by_sprites(sprites, "86:47", 300, steady=False)
    _by_sprites(sprites, "\u221200:13", 300, steady=False)
    assert sprites.rendered == before > made_first  # every glyph was made ahead
    _by_sprites(sprites, "05:29", 301, steady=False)  # another size: cold again
    assert sprites.cold
