"""Display formatting of the engine's numbers: pure functions, one place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
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


@pytest.mark.parametrize(
    ("end", "planned", "minutes", "text"),
    [
        ((14, 5, 59), (14, 0, 0), 5, "≈+5′"),  # the minutes between ≈14:05 and 14:00
        ((14, 0, 59), (14, 0, 0), 0, "≈0′"),
        ((13, 59, 30), (14, 0, 0), -1, "≈\u22121′"),  # ≈13:59: as the end cell beside it says
        ((16, 27, 0), (16, 25, 30), 2, "≈+2′"),  # a planned end off the minute: its HH:MM counts
    ],
)
def test_a_projected_delta_is_the_minutes_between_the_two_times_shown(end, planned, minutes, text) -> None:
    def us(hms: tuple[int, int, int]) -> int:
        epoch = datetime(1970, 1, 1, tzinfo=UTC)
        return (datetime(2021, 10, 15, *hms, tzinfo=UTC) - epoch) // timedelta(microseconds=1)

    assert timefmt.projected_minutes(us(end), us(planned)) == minutes
    assert timefmt.projected_delta(minutes) == text


def test_a_delta_to_the_second_is_signed_with_the_real_minus() -> None:
    assert [timefmt.delta(s) for s in (120, -90, 0, 5)] == ["+2:00", "\u22121:30", "0:00", "+0:05"]
