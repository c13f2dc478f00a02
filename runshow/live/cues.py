"""Cues: the steps the operator moves through.

A segment without speakers is one cue; a segment with speakers is one cue per
speaker, in order, their planned times chained from the segment's start. "Next"
always means the next cue, so inside 시·도별 혁신계획 발표 it moves 전남 → 경북.

Two facts of the schedule's shape travel with each cue, so the state can read them in O(1):

- ``gap_before``: a real gap (nothing scheduled) between the previous cue's planned end and
  this cue's planned start (only ever on a segment's first cue); ``next_gap`` is the index of
  the first cue at or after this one that has such a gap, so projections walk the gaps only.
- ``untimed``: the cue is a speaker of a segment in which some speaker has no slot of their
  own; its planned times are a nominal share and the *segment's* countdown is the truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from runshow.plan.model import Plan, Segment, Speaker

_ZERO = timedelta(0)


@dataclass(frozen=True, slots=True)
class Cue:
    index: int
    segment_index: int
    segment: Segment
    speaker_index: int | None
    planned_start: datetime
    planned_end: datetime
    gap_before: timedelta = _ZERO  # nothing scheduled for this long before it (a segment's first cue)
    next_gap: int | None = None  # the first cue at or after this one with a gap before it
    seg_first: int = -1  # the index of its segment's first cue (-1: itself)
    seg_last: int = -1  # the index of its segment's last cue (-1: itself)

    @property
    def speaker(self) -> Speaker | None:
        return None if self.speaker_index is None else self.segment.speakers[self.speaker_index]

    @property
    def length(self) -> timedelta:
        return self.planned_end - self.planned_start

    @property
    def untimed(self) -> bool:
        """A speaker of a segment with untimed speakers: the segment's countdown is the one that counts."""
        return self.speaker_index is not None and self.segment.untimed_speakers

    @property
    def label(self) -> str:
        """The segment title, with the speaker when there is one."""
        sp = self.speaker
        return f"{self.segment.title} — {sp.name}" if sp else self.segment.title


def cues_of(plan: Plan) -> tuple[Cue, ...]:
    raw: list[tuple[int, Segment, int | None, datetime, datetime]] = []
    for si, seg in enumerate(plan.segments):
        if not seg.speakers:
            raw.append((si, seg, None, seg.start, seg.end))
            continue
        t = seg.start
        for ki, sp in enumerate(seg.speakers):
            raw.append((si, seg, ki, t, t + sp.duration))
            t += sp.duration
    gaps = [_ZERO] * len(raw)
    for i in range(1, len(raw)):
        gap = raw[i][3] - raw[i - 1][4]
        if gap > _ZERO and raw[i][2] in (None, 0):
            gaps[i] = gap
    firsts: dict[int, int] = {}
    lasts: dict[int, int] = {}
    for i, entry in enumerate(raw):
        firsts.setdefault(entry[0], i)
        lasts[entry[0]] = i
    out: list[Cue | None] = [None] * len(raw)
    upcoming: int | None = None
    for i in range(len(raw) - 1, -1, -1):
        s_index, seg, k_index, start, end = raw[i]
        if gaps[i] > _ZERO:
            upcoming = i
        out[i] = Cue(i, s_index, seg, k_index, start, end, gaps[i], upcoming, firsts[s_index], lasts[s_index])
    return tuple(c for c in out if c is not None)
