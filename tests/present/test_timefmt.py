"""Display formatting of the engine's numbers: pure functions, one place."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runshow.present import timefmt
from runshow.present.translate import english, korean

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
    assert timefmt.drift(seconds, english()) == text


def test_clock_is_in_the_event_zone_not_the_machine_zone():
    instant = datetime(2021, 10, 15, 5, 12, 3, tzinfo=UTC)  # 14:12:03 in Seoul
    assert timefmt.clock(instant, SEOUL) == "14:12:03"
    assert timefmt.clock_hm(instant, SEOUL) == "14:12"


def test_drift_in_korean():
    assert timefmt.drift(120, korean()) == "+2:00 늦음"
    assert timefmt.drift(-90, korean()) == "1:30 빠름"
    assert timefmt.drift(0, korean()) == "정시"


@given(
    st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)),
    st.sampled_from([SEOUL, UTC, ZoneInfo("America/St_Johns"), ZoneInfo("Asia/Kathmandu"), ZoneInfo("Europe/Berlin")]),
)
def test_clock_spells_what_strftime_spells(instant, zone):
    # (spelled from the fields for speed: it must agree with strftime in every zone, DST included)
    local = instant.astimezone(zone)
    assert timefmt.clock(instant, zone) == local.strftime("%H:%M:%S")
    assert timefmt.clock_hm(instant, zone) == local.strftime("%H:%M")
