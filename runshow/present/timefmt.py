"""Every number the windows show, formatted in one place.

The engine already decided the rounding (whole seconds are the *ceiling* of the
exact value, see ``runshow/live/state.py``); these functions only spell the
integers. Overtime uses the real minus sign U+2212, which in a tabular font is
as wide as a digit, so the countdown does not shift when it turns negative.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from runshow.present.translate import Translator, Words, fill

MINUS = "\u2212"


def _hms(total: int) -> str:
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"


def countdown(seconds: int) -> str:
    """``MM:SS`` (or ``H:MM:SS`` from an hour up); negative means overtime: ``−MM:SS``."""
    if seconds < 0:
        return overtime(-seconds)
    return _hms(seconds)


def overtime(seconds_over: int) -> str:
    """Time past the end, counting up: ``−00:01``, ``−00:02`` …"""
    return MINUS + _hms(abs(seconds_over))


def drift(seconds: int, tr: Translator) -> str:
    """How late (+) or early the show runs: ``+2:00 늦음``, ``1:30 빠름``, ``정시``."""
    w = Words(tr)
    if seconds == 0:
        return w.translate("timefmt", "on time")
    minutes, secs = divmod(abs(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    amount = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    if seconds > 0:
        return fill(w.translate("timefmt", "+%1 late"), amount)
    return fill(w.translate("timefmt", "%1 early"), amount)


def clock(instant: datetime, zone: tzinfo) -> str:
    """Wall-clock ``HH:MM:SS`` in the event's time zone (not the machine's).

    (Spelled from the fields, not by ``strftime``: with PySide6 loaded every ``strftime`` call
    runs shiboken's import hook, several µs; the stage, the header and the LAN views spell the
    time at every flip.)
    """
    local = instant.astimezone(zone)
    return f"{local.hour:02d}:{local.minute:02d}:{local.second:02d}"


def clock_hm(instant: datetime, zone: tzinfo) -> str:
    """Wall-clock ``HH:MM`` in the event's time zone, for planned times."""
    local = instant.astimezone(zone)
    return f"{local.hour:02d}:{local.minute:02d}"


APPROX = "\u2248"  # ≈, before a time or a length that is a guide

_MINUTE_US = 60_000_000


def delta(seconds: int) -> str:
    """A rundown row's delta to the second: ``+2:00`` late, ``−1:30`` early, ``0:00`` on time."""
    sign = "+" if seconds > 0 else (MINUS if seconds < 0 else "")
    minutes, secs = divmod(abs(seconds), 60)
    return f"{sign}{minutes}:{secs:02d}"


def projected_minutes(end_us: int, planned_end_us: int) -> int:
    """A projected end against its planned end, in the minutes the rundown shows them: the
    difference of the two ``HH:MM`` (both are µs since the epoch; zones are whole minutes off UTC,
    so a minute of local time is a minute of µs). ``≈14:05`` against a planned ``14:00`` is +5."""
    return end_us // _MINUTE_US - planned_end_us // _MINUTE_US


def projected_delta(minutes: int) -> str:
    """The delta of a row not yet ended, from its projection: ``≈+5′``, ``≈−2′``, ``≈0′``.

    A projection is a guide, shown to the minute like the ``≈HH:MM`` beside it: the cue on now
    alone counts its delta by the second (a column of deltas ticking together on every later
    row said nothing the header's drift does not, and moved the operator's eye every second).
    """
    sign = "+" if minutes > 0 else (MINUS if minutes < 0 else "")
    return f"{APPROX}{sign}{abs(minutes)}\u2032"


def day_prefix(instant: datetime, zone: tzinfo, first: date | None) -> str:
    """``"D2 "`` for an instant on the event's second day (``first`` is day 1), else ``""``."""
    if first is None:
        return ""
    days = (instant.astimezone(zone).date() - first).days
    if days == 0:
        return ""
    return f"D{days + 1} " if days > 0 else f"{instant.astimezone(zone):%m/%d} "


def clock_hm_day(instant: datetime, zone: tzinfo, first: date | None) -> str:
    """``HH:MM``, with its day when it is not on the event's first day: ``D2 09:00``."""
    return day_prefix(instant, zone, first) + clock_hm(instant, zone)


def span_hm(start: datetime, end: datetime, zone: tzinfo, first: date | None) -> str:
    """``13:30–13:35``; a day is printed where it is not day 1 or the end is on another day
    than the start: ``D2 09:00–10:00``, ``23:30–D2 00:30``."""
    a = clock_hm_day(start, zone, first)
    same_day = start.astimezone(zone).date() == end.astimezone(zone).date()
    b = clock_hm(end, zone) if same_day else clock_hm_day(end, zone, first)
    return f"{a}\u2013{b}"
