"""Parsers for the small value types a schedule author writes by hand.

Kept apart from the loader so scenario files and the command line read times
and durations exactly the way schedule files do.
"""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Annotated, Any

from pydantic import BeforeValidator

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


def parse_time(value: Any) -> time:
    """``13:30``, ``13:30:05`` or a TOML local time; nothing else."""
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise ValueError("expected a local time without an offset (the event's time zone applies)")
        return value
    if isinstance(value, str):
        m = _TIME.match(value.strip())
        if m:
            hh, mm, ss = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            if hh < 24 and mm < 60 and ss < 60:
                return time(hh, mm, ss)
    raise ValueError(f"expected a time like 13:30 or 13:30:00, got {value!r}")


def parse_duration(value: Any) -> timedelta:
    """``10m``, ``30s``, ``1h30m``, ``2m30s``: explicit units, because a bare 10 is ambiguous."""
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        m = _DURATION.match(text)
        if text and m:
            h, mi, s = (int(g or 0) for g in m.groups())
            return timedelta(hours=h, minutes=mi, seconds=s)
    raise ValueError(f'expected a duration like "10m", "30s" or "1h5m", got {value!r}')


def parse_optional_duration(value: Any) -> timedelta | None:
    """A duration, or ``false`` / ``"off"`` to switch a rule off."""
    if value is False or (isinstance(value, str) and value.strip().lower() == "off"):
        return None
    return parse_duration(value)


def format_duration(value: timedelta) -> str:
    total = int(value.total_seconds())
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return "".join(f"{n}{u}" for n, u in ((h, "h"), (m, "m"), (s, "s")) if n) or "0s"


TimeOfDay = Annotated[time, BeforeValidator(parse_time)]
Duration = Annotated[timedelta, BeforeValidator(parse_duration)]
OptionalDuration = Annotated[timedelta | None, BeforeValidator(parse_optional_duration)]
