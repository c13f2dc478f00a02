"""The rundown as plain rows: each segment (and its speakers) with planned, actual and projected times.

Pure data for every rundown there is: the web views and reports read these rows
(through :mod:`runshow.present.state_json`), with the same rules as the
operator's rundown (``runshow/ui/rundown_model.py``): a segment with speakers
spans several cues, so its row runs from its first cue's start to its last
cue's end, and each speaker is a child row of one cue.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from runshow.live.show import Status
from runshow.live.state import CueTiming, ShowState, ceil_seconds
from runshow.plan.model import Plan


class RowPhase(enum.StrEnum):
    """Where a row stands against the cue on now."""

    DONE = "done"
    CURRENT = "current"  # this row is the cue on now
    CONTAINS_CURRENT = "contains"  # a segment whose speaker is on now
    UPCOMING = "upcoming"


@dataclass(frozen=True, slots=True)
class RundownRow:
    segment_id: str
    part_id: str
    title: str  # the segment's title, or the speaker's name on a child row
    owner: str  # the segment's owner, or the speaker's affiliation
    kind: str
    cue_first: int
    cue_last: int
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None
    projected_start: datetime | None  # the actual start once there is one, else the projection
    projected_end: datetime | None
    length: timedelta  # planned + granted
    delta_s: int | None  # actual (or projected) end − planned end, whole seconds (ceiling); + = late
    phase: RowPhase
    speakers: tuple[RundownRow, ...] = ()


def _phase(first: int, last: int, current: int | None, ended: bool, has_children: bool) -> RowPhase:
    if current is not None and first <= current <= last:
        return RowPhase.CONTAINS_CURRENT if has_children else RowPhase.CURRENT
    if ended or (current is not None and last < current):
        return RowPhase.DONE
    return RowPhase.UPCOMING


def _row(
    plan_seg_id: str,
    part_id: str,
    title: str,
    owner: str,
    kind: str,
    first: CueTiming,
    last: CueTiming,
    length: timedelta,
    phase: RowPhase,
    speakers: tuple[RundownRow, ...] = (),
) -> RundownRow:
    delta = last.delta
    return RundownRow(
        segment_id=plan_seg_id,
        part_id=part_id,
        title=title,
        owner=owner,
        kind=kind,
        cue_first=first.cue.index,
        cue_last=last.cue.index,
        planned_start=first.cue.planned_start,
        planned_end=last.cue.planned_end,
        actual_start=first.actual_start,
        actual_end=last.actual_end,
        projected_start=first.actual_start or first.projected_start,
        projected_end=last.actual_end or last.projected_end,
        length=length,
        delta_s=None if delta is None else ceil_seconds(delta),
        phase=phase,
        speakers=speakers,
    )


def segment_row(state: ShowState, plan: Plan, si: int, cue_ids: Sequence[int]) -> RundownRow:
    """The row of segment ``si`` of ``plan`` (its cues ``cue_ids``, speakers as children) at ``state``.

    O(its cues): :meth:`ShowState.timing` per cue, so a reader that keeps rows can
    rebuild only the ones that changed (the LAN views do).
    """
    seg = plan.segments[si]
    current = state.cue.index if state.cue else None
    ended = state.status is Status.ENDED
    timings = [state.timing(i) for i in cue_ids]
    kids: list[RundownRow] = []
    if seg.speakers:
        for t in timings:
            i = t.cue.index
            speaker = t.cue.speaker
            assert speaker is not None
            kids.append(
                _row(
                    seg.id,
                    seg.part_id,
                    speaker.name,
                    speaker.affiliation,
                    seg.kind.value,
                    t,
                    t,
                    t.length,
                    _phase(i, i, current, ended, False),
                )
            )
    length = sum((t.length for t in timings), timedelta(0))
    phase = _phase(cue_ids[0], cue_ids[-1], current, ended, bool(seg.speakers) and len(cue_ids) > 1)
    return _row(
        seg.id, seg.part_id, seg.title, seg.owner, seg.kind.value, timings[0], timings[-1], length, phase, tuple(kids)
    )


def segment_cues(state: ShowState) -> list[list[int]]:
    """The cue indices of each segment of the state's plan, in order."""
    by_segment: list[list[int]] = [[] for _ in state.plan.segments]
    for cue in state._progress.layout.cues:
        by_segment[cue.segment_index].append(cue.index)
    return by_segment


def rundown_rows(state: ShowState, plan: Plan) -> tuple[RundownRow, ...]:
    """One row per segment of ``plan`` (speakers as children) at ``state``."""
    return tuple(segment_row(state, plan, si, ids) for si, ids in enumerate(segment_cues(state)))
