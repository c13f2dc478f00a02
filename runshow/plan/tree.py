"""The neutral tree every source gives the validator: plain values, and where each was written.

The tree is what ``tomllib`` returns (tables are ``dict``, arrays ``list``, values ``str``,
``int``, ``bool``, ``date``, ``time``, ``datetime``), whatever the source. Its ``locate`` maps a
path inside it (``("part", 0, "segment", 2, "start")``) to a :class:`Location`: a line and column
for a text file, a sheet and a cell for a spreadsheet. A path it does not know falls back to
its nearest enclosing table (the source decides how).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from runshow.plan.errors import Location

Path = tuple[str | int, ...]
Locator = Callable[[Sequence[str | int]], Location]


@dataclass(frozen=True)
class LocatedTree:
    """A source's content, ready for the validator."""

    source: str  # the name a problem starts with: the file's path
    doc: dict[str, Any]
    locate: Locator
    digest: str = ""  # sha256 of the source's bytes (what the file was, not who the event is)


class Source(Protocol):
    """Anything that can give a located tree, or raise ScheduleError with located problems."""

    def read(self) -> LocatedTree: ...
