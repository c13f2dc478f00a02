"""Display formatting of the engine's numbers: pure functions, one place."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from runshow.resources import i18n_dir
from runshow.ui import timefmt

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (1, "00:01"),
        (59, "00:59"),
        (600, "10:00"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (2 * 3600 + 5 * 60 + 7, "2:05:07"),
        (-1, "−00:01"),
        (-2, "−00:02"),
        (-75, "−01:15"),
        (-3601, "−1:00:01"),
    ],
)
def test_countdown(seconds, text):
    assert timefmt.countdown(seconds) == text


def test_overtime_uses_the_real_minus_sign():
    assert timefmt.overtime(1) == "\u221200:01"
    assert "-" not in timefmt.countdown(-5)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "on time"), (120, "+2:00 late"), (-90, "1:30 early"), (5, "+0:05 late"), (3725, "+1:02:05 late")],
)
def test_drift_in_english_source(seconds, text):
    assert timefmt.drift(seconds) == text


def test_clock_is_in_the_event_zone_not_the_machine_zone():
    instant = datetime(2021, 10, 15, 5, 12, 3, tzinfo=UTC)  # 14:12:03 in Seoul
    assert timefmt.clock(instant, SEOUL) == "14:12:03"
    assert timefmt.clock_hm(instant, SEOUL) == "14:12"


def test_drift_in_korean(qapp):
    from PySide6.QtCore import QTranslator

    qm = i18n_dir() / "stage_ko.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert timefmt.drift(120) == "+2:00 늦음"
        assert timefmt.drift(-90) == "1:30 빠름"
        assert timefmt.drift(0) == "정시"
    finally:
        qapp.removeTranslator(translator)
