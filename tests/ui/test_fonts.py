"""The bundled Korean font is what the stage draws with, and it has the glyphs."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QRawFont

from runshow.ui.fonts import FAMILY, FONT_DIR, display_font, load_fonts

HANGUL = "전남경북인천광주대구시간초과남은다음휴식리허설"


def test_bundled_files_and_licence_are_shipped():
    for weight in ("Regular", "SemiBold", "Bold"):
        assert (FONT_DIR / f"Pretendard-{weight}.otf").is_file()
    licence = (FONT_DIR / "Pretendard-LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence


def test_load_registers_pretendard(qapp):
    assert FAMILY in load_fonts()
    assert load_fonts() == load_fonts()  # idempotent: a second call adds nothing


@pytest.mark.parametrize("weight", [QFont.Weight.Normal, QFont.Weight.DemiBold, QFont.Weight.Bold])
def test_display_font_resolves_to_the_bundled_family_with_hangul(qapp, weight):
    load_fonts()
    font = display_font(120, weight)
    assert QFontInfo(font).family() == FAMILY
    raw = QRawFont.fromFont(font)
    assert raw.familyName() == FAMILY  # the real face, not a system fallback
    missing = [ch for ch in HANGUL + "0123456789:−→·" if not raw.supportsCharacter(ord(ch))]
    assert missing == []
    fm = QFontMetricsF(font)
    assert all(fm.inFontUcs4(ord(ch)) for ch in HANGUL)


def test_display_font_turns_on_tabular_figures(qapp):
    load_fonts()
    font = display_font(100)
    assert [tag.toString() for tag in font.featureTags()] == ["tnum"]
    assert font.featureValue(QFont.Tag("tnum")) == 1
    plain = QFont(FAMILY)
    plain.setPixelSize(100)
    proportional = {QFontMetricsF(plain).horizontalAdvance(d) for d in "0123456789"}
    tabular = {QFontMetricsF(font).horizontalAdvance(d) for d in "0123456789"}
    assert len(proportional) > 1  # the font's default digits differ in width …
    assert len(tabular) == 1  # … tnum makes them equal


def test_pixel_size_never_zero(qapp):
    assert display_font(0).pixelSize() == 1


def test_the_whole_app_prefers_the_bundled_family(qapp):
    from PySide6.QtWidgets import QLabel

    from runshow.ui.fonts import use_bundled_font

    load_fonts()
    previous = use_bundled_font(qapp)
    try:
        assert qapp.font().families()[0] == FAMILY
        assert qapp.font().pointSizeF() == previous.pointSizeF()  # only the family changes
        label = QLabel("전남 → 경북")
        assert QFontInfo(label.font()).family() == FAMILY  # the control room's widgets too
    finally:
        qapp.setFont(previous)
