"""Pixel helpers for the stage tests: find where a colour is painted, without numpy."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage


def rows_with(image: QImage, colour: QColor) -> list[int]:
    """Rows of ``image`` holding at least one pixel of exactly ``colour``."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    # RGB32 is 0xffRRGGBB in native (little-endian) order: B, G, R, 0xff.
    needle = bytes([colour.blue(), colour.green(), colour.red(), 0xFF])
    stride = img.bytesPerLine()
    data = bytes(img.constBits())
    rows = []
    for y in range(img.height()):
        row = data[y * stride : y * stride + img.width() * 4]
        i = row.find(needle)
        while i != -1 and i % 4:
            i = row.find(needle, i + 1)
        if i != -1:
            rows.append(y)
    return rows


def longest_run(rows: list[int]) -> int:
    """Height of the tallest block of consecutive rows."""
    best = run = 0
    previous = None
    for y in rows:
        run = run + 1 if previous is not None and y == previous + 1 else 1
        best = max(best, run)
        previous = y
    return best


def only_colour(image: QImage, colour: QColor) -> bool:
    """Whether every pixel is ``colour`` (a blackout)."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    pixel = bytes([colour.blue(), colour.green(), colour.red(), 0xFF])
    stride = img.bytesPerLine()
    data = bytes(img.constBits())
    line = pixel * img.width()
    return all(data[y * stride : y * stride + len(line)] == line for y in range(img.height()))
