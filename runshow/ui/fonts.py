"""The bundled Korean font, loaded once at start, and the display font the stage uses.

The machines a show runs on often have no Korean font at all, and then Qt draws
전남 as empty boxes on the MC's monitor. So runshow ships Pretendard (OFL, see
``runshow/resources/fonts/Pretendard-LICENSE.txt``) and registers it with Qt before any
window exists. Countdown digits must not jitter as they change, so the display
font turns on the OpenType ``tnum`` feature (tabular figures: every digit the
same width).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication

from runshow.resources import fonts_dir

log = logging.getLogger(__name__)

FONT_DIR = fonts_dir()
FAMILY = "Pretendard"
WEIGHTS = ("Regular", "SemiBold", "Bold")

_loaded: list[str] | None = None


def load_fonts(directory: Path = FONT_DIR) -> list[str]:
    """Register the bundled font files with Qt (idempotent); returns the families found.

    A missing file is logged, not raised: the show must still open (with a
    system font) rather than die over typography.
    """
    global _loaded
    if _loaded is not None:
        return _loaded
    families: list[str] = []
    for weight in WEIGHTS:
        path = directory / f"{FAMILY}-{weight}.otf"
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load bundled font %s", path)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _loaded = families
    forget_fonts()  # a font made before the files were registered may have resolved to another family
    return families


@functools.lru_cache(maxsize=256)
def display_font(px: int, weight: QFont.Weight = QFont.Weight.Bold) -> QFont:
    """The bundled family at ``px`` pixels, with tabular figures so digits do not jitter.

    Shared and cached: do not change the font you get (copy it with ``QFont(font)``). Keeping
    the few sizes the stage uses alive also keeps Qt's font engines, and their rendered
    glyphs, from being dropped and made again between flips.
    """
    font = QFont(FAMILY)
    font.setPixelSize(max(1, int(px)))
    font.setWeight(weight)
    font.setFeature(QFont.Tag("tnum"), 1)
    # Never let Qt fall back to another family for digits or Hangul silently.
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@functools.lru_cache(maxsize=256)
def display_metrics(px: int, weight: QFont.Weight = QFont.Weight.Bold) -> QFontMetricsF:
    """Metrics of :func:`display_font` (cached with it)."""
    return QFontMetricsF(display_font(px, weight))


@functools.lru_cache(maxsize=64)
def digit_ink(px: int) -> tuple[float, float, float, float]:
    """A digit's ink at ``px`` (top and bottom from the baseline, its height) and the font's line
    height: what the countdown is sized and centred by (asked at every flip, per size)."""
    metrics = display_metrics(px)
    ink = metrics.tightBoundingRect("0")
    return ink.top(), ink.bottom(), ink.height(), metrics.height()


@functools.lru_cache(maxsize=64)
def wrapped_px(text: str, width: float, height: float, px: float, flags: int) -> int:
    """The largest size from ``px`` down (by tenths) at which ``text`` wraps into the box
    (remembered: a box stays up for many flips, and each fit tried lays the text out)."""
    inner = QRectF(0, 0, width, height)
    while px > 6:
        bound = display_metrics(int(px)).boundingRect(inner, flags, text)
        if bound.height() <= inner.height() and bound.width() <= inner.width():
            break
        px *= 0.9
    return int(px)


def forget_fonts() -> None:
    """Drop the cached fonts and metrics (after the font database changed)."""
    for cached in (display_font, display_metrics, digit_ink, wrapped_px):
        cached.cache_clear()


def use_bundled_font(app: QGuiApplication) -> QFont:
    """Make the bundled family the whole app's first choice, so the control room's Hangul
    renders on a machine with no Korean font too; returns the font it replaced."""
    previous = app.font()
    font = QFont(previous)
    font.setFamilies([FAMILY, *[f for f in previous.families() if f != FAMILY]])
    app.setFont(font)
    return previous
