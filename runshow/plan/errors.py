"""Located problems, so an author fixes every mistake in one pass.

A problem says *where* (a :class:`Location`: a line and column of a text file, or a sheet and
cell of a spreadsheet), *which field* (the path an author reads, ``part[2].segment[1].start``)
and *what was expected*. It carries a ``code`` and ``params`` too, so the wording can be given
in the user's language (:func:`runshow.plan.messages.wording`); ``message`` is the English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as _field  # inside Problem, `field` names the field


@dataclass(frozen=True, slots=True)
class Location:
    """Where in a source a value was written: a line (and column) of a text file, or a cell."""

    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None  # "C7"

    def __str__(self) -> str:
        if self.cell is not None:
            return f"{self.sheet}!{self.cell}" if self.sheet else self.cell
        if self.sheet is not None:
            return self.sheet
        return "" if self.line is None else str(self.line)

    @property
    def known(self) -> bool:
        return self.line is not None or self.cell is not None or self.sheet is not None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.sheet or "", self.line or 0, self.column or 0, _cell_key(self.cell))


def _cell_key(cell: str | None) -> str:
    """C7 before C10: the row as a zero-padded number, then the column."""
    if not cell:
        return ""
    letters = cell.rstrip("0123456789")
    digits = cell[len(letters) :]
    return f"{int(digits or 0):08d}{letters:>4}"


NOWHERE = Location()


@dataclass(frozen=True, slots=True, init=False)
class Problem:
    """One thing wrong with a source: where it is, which field, and what was expected.

    ``Problem(file, 12, field, message)`` still works: an int is a line of a text file.
    ``str(problem)`` is ``file:line: field: message`` (``FILE:Sheet!C7: field: message`` for a
    cell, ``file: field: message`` for the whole file).
    """

    file: str
    location: Location
    field: str
    message: str
    code: str
    params: Mapping[str, object] = _field(hash=False, compare=False)

    def __init__(
        self,
        file: str,
        location: Location | int | None,
        field: str,
        message: str,
        code: str = "",
        params: Mapping[str, object] | None = None,
    ) -> None:
        if isinstance(location, int):  # bool is an int too, but never a line
            location = Location(line=location) if location else NOWHERE
        object.__setattr__(self, "file", file)
        object.__setattr__(self, "location", location or NOWHERE)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", dict(params or {}))

    @property
    def line(self) -> int | None:
        """The line of a text source (None for a cell or the whole file)."""
        return self.location.line

    @property
    def sort_key(self) -> tuple[tuple[str, int, int, str], str]:
        return (self.location.sort_key, self.field)

    def __str__(self) -> str:
        where = f"{self.file}:{self.location}" if self.location.known else self.file
        return f"{where}: {self.field}: {self.message}"

    def worded(self, lang: str = "en") -> str:
        """``str(self)`` with the message in ``lang`` ("ko" or "en")."""
        from runshow.plan.messages import wording

        where = f"{self.file}:{self.location}" if self.location.known else self.file
        return f"{where}: {self.field}: {wording(self, lang)}"


class ScheduleError(Exception):
    """Raised with *every* problem found, never just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
