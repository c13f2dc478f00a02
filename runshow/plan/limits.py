"""Bounds on what a schedule may hold.

A schedule is written by a person for one event; nothing in it needs to be huge, and a value
past these bounds is a mistake (a paste gone wrong, a corrupted file, a hostile one) that would
otherwise overflow a date, exhaust the parser's recursion or make every repaint of the stage
slow. Each bound is reported as a located problem that names the limit.
"""

from __future__ import annotations

from datetime import date, timedelta

MAX_FILE_BYTES = 2 * 1024 * 1024  # a 1,000-segment schedule is ~150 KB
MAX_NESTING = 32  # arrays / inline tables inside each other ([[[…]]])
MAX_KEY_PARTS = 16  # a.b.c… in one key or table header
MAX_WORD = 64  # a bare key, number or date outside quotes, in characters
MAX_TEXT = 300  # a title, a name, an owner, a topic, an affiliation
MAX_NOTES = 5000  # notes, and an event's notes
MAX_ID = 64
MAX_LIST = 50  # hosts, organisers
MAX_PARTS = 500
MAX_SEGMENTS = 5000
MAX_SPEAKERS = 200  # per segment
MAX_CUSTOM_ALERTS = 1000
MAX_DURATION = timedelta(days=7)  # one value; a multi-day event is several segments
MIN_DATE = date(1970, 1, 1)
MAX_DATE = date(2200, 12, 31)
MAX_ORDER = 1000  # trim_order
MAX_ECHO = 40  # characters of a wrong value quoted back in a message
