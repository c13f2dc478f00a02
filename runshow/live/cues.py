"""Cues: the steps the operator moves through.

A segment without speakers is one cue; a segment with speakers is one cue per
speaker, in order, their planned times chained from the segment's start. "Next"
always means the next cue, so inside 시·도별 혁신계획 발표 it moves 전남 → 경북.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from runshow.plan.model import Plan, Segment, Speaker


@dataclass(frozen=True, slots=True)
class Cue:
    index: int
    segment_index: int
    segment: Segment
    speaker_index: int | None
    planned_start: datetime
    planned_end: datetime

    @property
    def speaker(self) -> Speaker | None:
        return None if self.speaker_index is None else self.segment.speakers[self.speaker_index]

    @property
    def length(self) -> timedelta:
        return self.planned_end - self.planned_start

    @property
    def label(self) -> str:
        """The segment title, with the speaker when there is one."""
        sp = self.speaker
        return f"{self.segment.title} — {sp.name}" if sp else self.segment.title


def cues_of(plan: Plan) -> tuple[Cue, ...]:
    cues: list[Cue] = []
    for si, seg in enumerate(plan.segments):
        if not seg.speakers:
            cues.append(Cue(len(cues), si, seg, None, seg.start, seg.end))
            continue
        t = seg.start
        for ki, sp in enumerate(seg.speakers):
            cues.append(Cue(len(cues), si, seg, ki, t, t + sp.duration))
            t += sp.duration
    return tuple(cues)
