"""The hand-written value types: times of day and durations."""

from __future__ import annotations

from datetime import UTC, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runshow.plan.values import format_duration, parse_duration, parse_optional_duration, parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [("13:30", time(13, 30)), ("9:05", time(9, 5)), ("13:30:05", time(13, 30, 5)), (" 00:00 ", time(0))],
)
def test_times_parse(text: str, expected: time) -> None:
    assert parse_time(text) == expected


def test_a_toml_local_time_passes_through() -> None:
    assert parse_time(time(13, 30)) == time(13, 30)


@pytest.mark.parametrize("bad", ["24:00", "13:60", "13:30:60", "1330", "13h30", "", 1330, None, "13:3"])
def test_bad_times_say_what_is_expected(bad: object) -> None:
    with pytest.raises(ValueError, match="expected a time like 13:30"):
        parse_time(bad)


def test_a_time_with_an_offset_is_refused() -> None:
    with pytest.raises(ValueError, match="without an offset"):
        parse_time(time(13, 30, tzinfo=UTC))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10m", timedelta(minutes=10)),
        ("30s", timedelta(seconds=30)),
        ("1h5m", timedelta(hours=1, minutes=5)),
        ("2m30s", timedelta(minutes=2, seconds=30)),
        ("1h 30m", timedelta(hours=1, minutes=30)),
    ],
)
def test_durations_parse(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("bad", ["10", 10, "", "m", "10 minutes", "-5m", "5m10h", None, "1.5m"])
def test_bad_durations_need_units(bad: object) -> None:
    with pytest.raises(ValueError, match="expected a duration like"):
        parse_duration(bad)


def test_a_rule_can_be_switched_off() -> None:
    assert parse_optional_duration(False) is None
    assert parse_optional_duration("off") is None
    assert parse_optional_duration("2m") == timedelta(minutes=2)


@given(st.integers(min_value=0, max_value=48 * 3600))
def test_format_duration_round_trips(seconds: int) -> None:
    value = timedelta(seconds=seconds)
    assert parse_duration(format_duration(value)) == value


def test_remembered_duration_texts_read_exactly_as_the_first_time() -> None:
    """Each duration text is parsed once and remembered: the answer, and a refusal, never change."""
    from runshow.plan.values import InvalidValueError, parse_duration, parse_length

    assert parse_duration("16s") == parse_duration("16s") == timedelta(seconds=16)
    assert parse_length("~8m").approximate and not parse_length("8m").approximate
    assert parse_length("~8m") == parse_length("~8m")
    for _ in range(2):
        with pytest.raises(InvalidValueError) as err:
            parse_duration("16")
        assert err.value.code == "duration.invalid"
        with pytest.raises(InvalidValueError):
            parse_length("~forever")
    for not_text in (True, 1, 16.0):  # never answered from a text's entry (True == 1)
        with pytest.raises(InvalidValueError):
            parse_duration(not_text)
