"""The bundled Korean font, loaded once at start, and the display font the stage uses.

The machines a show runs on often have no Korean font at all, and then Qt draws
전남 as empty boxes on the MC's monitor. So runshow ships Pretendard (OFL, see
``runshow/resources/fonts/Pretendard-LICENSE.txt``) and registers it with Qt before any
window exists. Countdown digits must not jitter as they change, so the display
font turns on the OpenType ``tnum`` feature (tabular figures: every digit the
same width).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

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
    return families


def display_font(px: int, weight: QFont.Weight = QFont.Weight.Bold) -> QFont:
    """The bundled family at ``px`` pixels, with tabular figures so digits do not jitter."""
    font = QFont(FAMILY)
    font.setPixelSize(max(1, int(px)))
    font.setWeight(weight)
    font.setFeature(QFont.Tag("tnum"), 1)
    # Never let Qt fall back to another family for digits or Hangul silently.
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def use_bundled_font(app: QGuiApplication) -> QFont:
    """Make the bundled family the whole app's first choice, so the control room's Hangul
    renders on a machine with no Korean font too; returns the font it replaced."""
    previous = app.font()
    font = QFont(previous)
    font.setFamilies([FAMILY, *[f for f in previous.families() if f != FAMILY]])
    app.setFont(font)
    return previous
