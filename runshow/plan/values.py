"""Parsers for the small value types a schedule author writes by hand.

Kept apart from the loader so scenario files and the command line read times
and durations exactly the way schedule files do (and free of pydantic: the control room
reads durations too, and a plan from the cache needs no validation library at all). A wrong value raises
:class:`InvalidValueError`, a ``ValueError`` that also carries a message code and its
parameters, so the wording can be given in Korean or English.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from runshow.plan.limits import MAX_DATE, MAX_DURATION, MAX_ECHO, MIN_DATE
from runshow.plan.messages import render


class InvalidValueError(ValueError):
    """A value an author wrote that is not what the field expects (code + params + English)."""

    def __init__(self, code: str, message: str = "", **params: object) -> None:
        super().__init__(message or render(code, params))
        self.code = code
        self.params = params


def echo(value: Any) -> str:
    """A wrong value as the author wrote it, short: never a Python repr of a TOML value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, str):
        text = value if len(value) <= MAX_ECHO else value[: MAX_ECHO - 1] + "…"
        return "'" + text.replace("\n", "\\n") + "'"
    if isinstance(value, int | float):
        text = str(value) if not isinstance(value, int) or abs(value) < 10**30 else "a very large number"
        return text
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if value is None:
        return "nothing"
    return type(value).__name__


_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_12H = re.compile(r"^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$", re.IGNORECASE)
_KO = re.compile(r"^(오전|오후)\s*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$")
_KO_HOURS = re.compile(r"^(오전|오후)?\s*(\d{1,2})시(?:\s*(\d{1,2})분)?(?:\s*(\d{1,2})초)?$")
_DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")
_APPROX = re.compile(r"^(?:~|≈|about\s+|약\s*)", re.IGNORECASE)


def _bad_time(value: Any) -> InvalidValueError:
    shown = echo(value)
    return InvalidValueError("time.invalid", got=shown)


def _hms(hh: int, mm: int, ss: int, value: Any) -> time:
    if hh < 24 and mm < 60 and ss < 60:
        return time(hh, mm, ss)
    raise _bad_time(value)


def _twelve(hour: int, pm: bool, value: Any) -> int:
    if not 1 <= hour <= 12:
        raise _bad_time(value)
    return hour % 12 + (12 if pm else 0)


def parse_time(value: Any) -> time:
    """``13:30``, ``13:30:05``, ``1:30 PM``, ``오후 1:30`` (``오후 1시 30분``) or a TOML local time."""
    if isinstance(value, datetime):
        shown = echo(value)
        raise InvalidValueError("time.datetime", got=shown)
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise InvalidValueError("time.offset")
        return value
    if isinstance(value, str) and len(value) <= 32:
        text = value.strip()
        m = _TIME.match(text)
        if m:
            return _hms(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0), value)
        m = _12H.match(text)
        if m:
            hh = _twelve(int(m.group(1)), m.group(4).lower() == "p", value)
            return _hms(hh, int(m.group(2) or 0), int(m.group(3) or 0), value)
        m = _KO.match(text)
        if m:
            hh = _twelve(int(m.group(2)), m.group(1) == "오후", value)
            return _hms(hh, int(m.group(3) or 0), int(m.group(4) or 0), value)
        m = _KO_HOURS.match(text)
        if m:
            hh = int(m.group(2))
            if m.group(1):
                hh = _twelve(hh, m.group(1) == "오후", value)
            return _hms(hh, int(m.group(3) or 0), int(m.group(4) or 0), value)
    raise _bad_time(value)


def parse_moment(value: Any) -> tuple[date | None, time]:
    """A time of day (see :func:`parse_time`), or a TOML local date-time that also gives the day."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise InvalidValueError("time.offset")
        return parse_date(value.date()), value.time()
    return None, parse_time(value)


@dataclass(frozen=True, slots=True)
class Length:
    """A duration as written: its value, and whether the author marked it approximate (``~8m``)."""

    value: timedelta
    approximate: bool = False


def parse_length(value: Any) -> Length:
    """A duration, optionally approximate: ``~8m``, ``≈8m``, ``about 8m``, ``약 8m``."""
    if type(value) is str:
        return _length_of_text(value)
    return Length(parse_duration(value))


# A festival writes the same few lengths thousands of times ("16s"): each text is read once.
# Only str is remembered (True == 1 would share an entry); a wrong text raises every time.
@functools.lru_cache(maxsize=1024)
def _length_of_text(value: str) -> Length:
    m = _APPROX.match(value.strip())
    if m:
        return Length(parse_duration(value.strip()[m.end() :]), approximate=True)
    return Length(parse_duration(value))


def parse_duration(value: Any) -> timedelta:
    """``10m``, ``30s``, ``1h30m``, ``2m30s``: explicit units, because a bare 10 is ambiguous."""
    if type(value) is str and len(value) <= 40:
        return _duration_of_text(value)
    return _parse_duration(value)


@functools.lru_cache(maxsize=1024)
def _duration_of_text(value: str) -> timedelta:
    return _parse_duration(value)


def _parse_duration(value: Any) -> timedelta:
    if isinstance(value, str) and len(value) <= 40:
        text = value.strip().replace(" ", "")
        m = _DURATION.match(text)
        if text and m:
            h, mi, s = (int(g or 0) for g in m.groups())  # at most 40 characters: small ints
            seconds = h * 3600 + mi * 60 + s  # an int first: timedelta(hours=10**11) overflows
            if seconds > MAX_DURATION.total_seconds():
                shown = echo(value)
                raise InvalidValueError("duration.too_long", got=shown, limit=format_duration(MAX_DURATION))
            return timedelta(seconds=seconds)
    shown = echo(value)
    raise InvalidValueError("duration.invalid", got=shown)


def parse_optional_duration(value: Any) -> timedelta | None:
    """A duration, or ``false`` / ``"off"`` to switch a rule off."""
    if value is False or (isinstance(value, str) and value.strip().lower() == "off"):
        return None
    return parse_duration(value)


def parse_date(value: Any) -> date:
    """A TOML date (``2021-10-15``, no quotes), within the years a show can be on."""
    if isinstance(value, datetime):
        shown = echo(value)
        raise InvalidValueError("date.datetime", got=shown)
    if isinstance(value, date):
        if not MIN_DATE <= value <= MAX_DATE:
            shown = echo(value)
            raise InvalidValueError("date.range", got=shown, low=str(MIN_DATE.year), high=str(MAX_DATE.year))
        return value
    shown = echo(value)
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
        raise InvalidValueError("date.quoted", got=shown, date=value.strip())
    raise InvalidValueError("date.invalid", got=shown)


def format_duration(value: timedelta) -> str:
    total = int(value.total_seconds())
    sign = "-" if total < 0 else ""
    h, rest = divmod(abs(total), 3600)
    m, s = divmod(rest, 60)
    return sign + ("".join(f"{n}{u}" for n, u in ((h, "h"), (m, "m"), (s, "s")) if n) or "0s")
