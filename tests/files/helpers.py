"""Shared helpers of the files tests: the shape of a plan that a round trip must keep."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from runshow.plan import Plan


def shape(plan: Plan) -> list[tuple[Any, ...]]:
    """Segments, times, kinds, owners, speakers (names and slots) and parts: what a cue sheet carries."""
    return [
        (
            plan.part_of(s).title,
            plan.part_of(s).declared,
            s.title,
            s.kind,
            s.start,
            s.end,
            s.owner,
            [(k.name, k.duration) for k in s.speakers],
        )
        for s in plan.segments
    ]


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = (), title: str = "식순") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(row)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path
