"""Every number the windows show, formatted in one place.

The engine already decided the rounding (whole seconds are the *ceiling* of the
exact value, see ``runshow/live/state.py``); these functions only spell the
integers. Overtime uses the real minus sign U+2212, which in a tabular font is
as wide as a digit, so the countdown does not shift when it turns negative.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

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
    """Wall-clock ``HH:MM:SS`` in the event's time zone (not the machine's)."""
    return instant.astimezone(zone).strftime("%H:%M:%S")


def clock_hm(instant: datetime, zone: tzinfo) -> str:
    """Wall-clock ``HH:MM`` in the event's time zone, for planned times."""
    return instant.astimezone(zone).strftime("%H:%M")
