"""Instants the operator or a scenario writes: a time of day, or one with its day.

``"07:04"`` is on the event's first day (as before); ``"D2 07:04"`` on its second;
``"2012-09-20T07:04"`` (or ``"2012-09-20 07:04"``, or a TOML local date-time) names the date.
An instant far outside the event (more than :data:`FAR` before its first start or after its
end) is allowed but worth a warning: a step at "07:04" meant for day 2 taken as day 1 shows up
as a drift of a day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from runshow.plan.model import Plan
from runshow.plan.values import parse_time

__all__ = ["FAR", "far_outside", "parse_instant"]

FAR = timedelta(hours=12)
_DAY = re.compile(r"^\s*[Dd](\d{1,3})\s+(.+)$")
_ISO = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ](.+)$")


def parse_instant(value: Any, plan: Plan) -> datetime:
    """The aware instant ``value`` means in ``plan``'s event; ``ValueError`` with what was expected."""
    zone = plan.event.timezone
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise ValueError("give the time without an offset (it is in the event's time zone)")
        return value.replace(tzinfo=zone)
    if isinstance(value, time):
        return datetime.combine(plan.event.date, parse_time(value), tzinfo=zone)
    if not isinstance(value, str):
        raise ValueError(f"expected a time like 13:30, D2 07:04 or 2012-09-20T07:04, got {value!r}")
    day: date = plan.event.date
    text = value
    m = _DAY.match(value)
    if m:
        n = int(m.group(1))
        if n < 1:
            raise ValueError(f"days are counted from D1 (the event's first day), got {value!r}")
        day, text = plan.event.date + timedelta(days=n - 1), m.group(2)
    else:
        m = _ISO.match(value)
        if m:
            try:
                day = date.fromisoformat(m.group(1))
            except ValueError:
                raise ValueError(f"not a date: {m.group(1)!r} (expected YYYY-MM-DD)") from None
            text = m.group(2)
    try:
        clock = parse_time(text)
    except Exception:
        raise ValueError(f"expected a time like 13:30, D2 07:04 or 2012-09-20T07:04, got {value!r}") from None
    return datetime.combine(day, clock, tzinfo=zone)


def far_outside(instant: datetime, plan: Plan) -> str | None:
    """Why ``instant`` looks wrong for ``plan`` (more than 12 h outside the event), or None."""
    segments = plan.all_segments or plan.segments
    start = min(s.start for s in segments)
    end = max(s.end for s in segments)
    zone = plan.event.timezone
    shown = f"{instant.astimezone(zone):%Y-%m-%d %H:%M}"
    if instant < start - FAR:
        return f"{shown} is more than 12 hours before the event starts ({start.astimezone(zone):%Y-%m-%d %H:%M})"
    if instant > end + FAR:
        return f"{shown} is more than 12 hours after the event ends ({end.astimezone(zone):%Y-%m-%d %H:%M})"
    return None
