"""Plan amendments: the rundown changed while the show runs, folded like any action.

An :class:`~runshow.live.actions.Amendment` names one change (a length, a start,
an insert, a removal, a move, a title, speakers ...). :func:`amend_plan` checks it
against the plan and the show's progress the way the loader checks a file (a
coded reason when refused) and returns the amended plan; :func:`amend_progress`
installs it in the fold: the cues are rebuilt and the progress, keyed by cue
index, is carried over by (segment id, speaker) so nothing recorded moves.

The plan stays contiguous, as the loader requires: every segment starts where
the one before it ends, so a change of length ripples into the planned times
of everything after it. What may change (also in ``docs/engine.md``):

- a **future** segment (after the segment that is on, never entered): anything;
- the **current** segment: its length (never below what has already run), its
  title, owner and notes;
- a segment that has **ended** (or was entered before): nothing.

Amendments are rare, so each one rebuilds the cues (O(cues)); ticks stay O(1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from runshow.live.actions import Amendment, AmendOp, Mode
from runshow.live.reasons import Reason, Rejected
from runshow.live.show import Layout, Progress, Status
from runshow.plan.model import Part, Plan, Segment, SegmentKind, Speaker

MAX_LENGTH = timedelta(hours=24)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")  # as the loader's
_ZERO = timedelta(0)


@dataclass(frozen=True, slots=True)
class Where:
    """What the show has reached, as amendments see it."""

    current: str | None  # the segment on now
    current_speaker: int | None  # its speaker on now
    future: frozenset[str]  # segments after the current one that were never entered

    @classmethod
    def of(cls, progress: Progress) -> Where:
        cues = progress.layout.cues
        entered = {cues[i].segment.id for i in progress.actual_start}
        if progress.status is Status.ENDED or (progress.current is None and progress.status is not Status.PRE_SHOW):
            return cls(None, None, frozenset())
        if progress.current is None:
            pivot = -1
            current, speaker = None, None
        else:
            cue = cues[progress.current]
            pivot, current, speaker = cue.segment_index, cue.segment.id, cue.speaker_index
        # (the ids after the pivot as a set, less those entered: set operations, not a pass in
        # Python over every segment; a next on a 1,000-segment festival asks this)
        future = frozenset(_segment_ids(progress.layout.plan)[pivot + 1 :]).difference(entered)
        return cls(current, speaker, future)


_ids_of: tuple[Plan, tuple[str, ...]] | None = None


def _segment_ids(plan: Plan) -> tuple[str, ...]:
    """The plan's segment ids in order (kept for the last plan asked)."""
    global _ids_of
    if _ids_of is None or _ids_of[0] is not plan:
        _ids_of = (plan, tuple(s.id for s in plan.segments))
    return _ids_of[1]


def _seconds(value: int) -> timedelta:
    return timedelta(seconds=value)


class _Draft:
    """A mutable working copy of the plan's rundown while an amendment is applied."""

    def __init__(self, plan: Plan, where: Where) -> None:
        self.plan = plan
        self.where = where
        self.origin = plan.segments[0].start
        self.segments: list[Segment] = list(plan.segments)
        self.ids = {s.id for s in self.segments}
        self.removed: set[str] = set()

    # ── lookups and rules ─────────────────────────────────────────────────
    def index(self, segment_id: str) -> int:
        for k, seg in enumerate(self.segments):
            if seg.id == segment_id:
                return k
        raise Rejected(Reason.NO_SEGMENT, segment=segment_id)

    def future(self, segment_id: str) -> int:
        """The segment's position; refused unless it is still to come."""
        k = self.index(segment_id)
        if segment_id not in self.where.future:
            if segment_id == self.where.current:
                raise Rejected(Reason.SEGMENT_STARTED, segment=segment_id)
            raise Rejected(Reason.SEGMENT_ENDED, segment=segment_id)
        return k

    def open_(self, segment_id: str) -> int:
        """Future or current (not ended)."""
        if segment_id == self.where.current:
            return self.index(segment_id)
        return self.future(segment_id)

    # ── edits ─────────────────────────────────────────────────────────────
    def set_length(self, k: int, length: timedelta) -> None:
        seg = self.segments[k]
        if length <= _ZERO:
            raise Rejected(Reason.LENGTH_NOT_POSITIVE, segment=seg.id)
        if length > MAX_LENGTH:
            raise Rejected(Reason.LENGTH_TOO_LONG, segment=seg.id)
        delta = length - seg.duration
        speakers = seg.speakers
        if speakers and delta:
            # Spread over the speakers still to come (the current one's slot if none is left).
            if seg.id == self.where.current and self.where.current_speaker is not None:
                later = list(range(self.where.current_speaker + 1, len(speakers))) or [self.where.current_speaker]
            else:
                later = list(range(len(speakers)))
            # In whole seconds (a schedule file writes no less), earlier speakers take the remainder.
            unit = timedelta(seconds=1) if not delta % timedelta(seconds=1) else timedelta(microseconds=1)
            base, extra = divmod(delta // unit, len(later))
            slots = list(speakers)
            for n, i in enumerate(later):
                share = unit * (base + (1 if n < extra else 0))
                slots[i] = replace(slots[i], duration=slots[i].duration + share)
            if any(sp.duration <= _ZERO for sp in slots):
                raise Rejected(Reason.SPEAKER_SLOT_NOT_POSITIVE, segment=seg.id)
            speakers = tuple(slots)
        self.segments[k] = replace(seg, end=seg.start + length, speakers=speakers)

    def set_speakers(self, k: int, speakers: tuple[Speaker, ...]) -> None:
        seg = self.segments[k]
        if any(sp.duration <= _ZERO for sp in speakers):
            raise Rejected(Reason.SPEAKER_SLOT_NOT_POSITIVE, segment=seg.id)
        if any(not sp.name.strip() for sp in speakers):
            raise Rejected(Reason.EMPTY_NAME)
        total = sum((sp.duration for sp in speakers), _ZERO)
        if total > MAX_LENGTH:
            raise Rejected(Reason.LENGTH_TOO_LONG, segment=seg.id)
        self.segments[k] = replace(seg, speakers=speakers, end=seg.start + total)

    def place(self, place: str, anchor: str) -> tuple[int, str]:
        """Where ``place anchor`` puts a segment: (insert position, part id)."""
        if place not in ("before", "after"):
            raise Rejected(Reason.BAD_PLACE, place=place)
        k = self.future(anchor) if place == "before" else self.open_(anchor)
        return (k if place == "before" else k + 1), self.segments[k].part_id

    def finish(self) -> Plan:
        """Retime the rundown from its first start (contiguous) and rebuild the parts."""
        t = self.origin
        timed: list[Segment] = []
        for seg in self.segments:
            length = seg.duration
            timed.append(seg if seg.start == t else replace(seg, start=t, end=t + length))
            t += length
        old_parts = {part.id: part for part in self.plan.parts}
        old_total = {pid: sum((s.duration for s in self.plan.segments if s.part_id == pid), _ZERO) for pid in old_parts}
        parts: list[Part] = []
        for part in self.plan.parts:
            members = tuple(s.id for s in timed if s.part_id == part.id)
            if not members:
                continue  # its last segment was removed or moved out
            total = sum((s.duration for s in timed if s.part_id == part.id), _ZERO)
            # A part that declares no length still declares none; one that does moves with its segments.
            declared = None if part.declared is None else part.declared + (total - old_total[part.id])
            parts.append(replace(part, segment_ids=members, declared=declared))
        kept = {s.id for s in timed}
        customs = tuple(c for c in self.plan.custom_alerts if c.segment_id is None or c.segment_id in kept)
        return replace(self.plan, segments=tuple(timed), parts=tuple(parts), custom_alerts=customs)


def _apply(d: _Draft, a: Amendment) -> None:
    op = a.op
    if op is AmendOp.BATCH:
        if not a.items:
            raise Rejected(Reason.EMPTY_BATCH)
        for item in a.items:
            _apply(d, item)
        return
    if op is AmendOp.LENGTH:
        d.set_length(d.open_(a.segment), _seconds(a.seconds))
    elif op is AmendOp.START:
        if a.start is None:
            raise Rejected(Reason.AMEND_MISSING)
        k = d.future(a.segment)
        if k == 0:
            d.origin = a.start  # before the show: the whole rundown moves
        else:
            prev = d.segments[k - 1]
            if prev.id != d.where.current and prev.id not in d.where.future:
                raise Rejected(Reason.SEGMENT_ENDED, segment=prev.id)
            if a.start <= prev.start:
                raise Rejected(Reason.START_BEFORE_PREVIOUS, segment=a.segment)
            d.set_length(k - 1, a.start - prev.start)
    elif op is AmendOp.INSERT:
        if not _ID.match(a.new_id or ""):
            raise Rejected(Reason.BAD_SEGMENT_ID, segment=a.new_id)
        if a.new_id in d.ids:
            raise Rejected(Reason.DUPLICATE_SEGMENT, segment=a.new_id)
        title = (a.text or "").strip()
        if not title:
            raise Rejected(Reason.EMPTY_TITLE)
        try:
            kind = SegmentKind(a.kind or SegmentKind.TALK.value)
        except ValueError:
            raise Rejected(Reason.BAD_KIND, kind=a.kind) from None
        length = _seconds(a.seconds)
        if length <= _ZERO:
            raise Rejected(Reason.LENGTH_NOT_POSITIVE, segment=a.new_id)
        if length > MAX_LENGTH:
            raise Rejected(Reason.LENGTH_TOO_LONG, segment=a.new_id)
        pos, part_id = d.place(a.place, a.anchor)
        near = d.segments[min(pos, len(d.segments) - 1)]
        seg = Segment(
            id=a.new_id,
            title=title,
            kind=kind,
            start=near.start,
            end=near.start + length,
            part_id=part_id,
            owner=a.owner,
            notes=a.notes,
            alerts=near.alerts,  # the neighbour's rules: the event's defaults with its part's habits
        )
        d.segments.insert(pos, seg)
        d.ids.add(seg.id)
        d.where = replace(d.where, future=d.where.future | {seg.id})
    elif op in (AmendOp.REMOVE, AmendOp.SKIP):
        k = d.future(a.segment)
        if len(d.segments) == 1:
            raise Rejected(Reason.LAST_SEGMENT)
        del d.segments[k]
        d.ids.discard(a.segment)
        d.where = replace(d.where, future=d.where.future - {a.segment})
    elif op is AmendOp.MOVE:
        k = d.future(a.segment)
        if a.anchor == a.segment:
            raise Rejected(Reason.SAME_SEGMENT, segment=a.segment)
        seg = d.segments.pop(k)
        try:
            pos, part_id = d.place(a.place, a.anchor)
        except Rejected:
            d.segments.insert(k, seg)
            raise
        d.segments.insert(pos, replace(seg, part_id=part_id))
    elif op in (AmendOp.TITLE, AmendOp.OWNER, AmendOp.NOTES):
        k = d.open_(a.segment)
        text = a.text or ""
        if op is AmendOp.TITLE:
            if not text.strip():
                raise Rejected(Reason.EMPTY_TITLE)
            d.segments[k] = replace(d.segments[k], title=text.strip())
        elif op is AmendOp.OWNER:
            d.segments[k] = replace(d.segments[k], owner=text)
        else:
            d.segments[k] = replace(d.segments[k], notes=text)
    else:
        _speaker(d, a)


def _speaker(d: _Draft, a: Amendment) -> None:
    k = d.future(a.segment)
    seg = d.segments[k]
    speakers = list(seg.speakers)

    def at(index: int) -> int:
        if not 0 <= index < len(speakers):
            raise Rejected(Reason.NO_SPEAKER, segment=seg.id, index=index)
        return index

    if a.op is AmendOp.SPEAKER_ADD:
        name = (a.name or "").strip()
        if not name:
            raise Rejected(Reason.EMPTY_NAME)
        new = Speaker(name, _seconds(a.seconds), a.affiliation, a.topic)
        pos = len(speakers) if a.index < 0 else min(a.index, len(speakers))
        speakers.insert(pos, new)
    elif a.op is AmendOp.SPEAKER_REMOVE:
        del speakers[at(a.index)]
        if not speakers:
            raise Rejected(Reason.LAST_SPEAKER, segment=seg.id)
    elif a.op is AmendOp.SPEAKER_MOVE:
        moved = speakers.pop(at(a.index))
        if not 0 <= a.to <= len(speakers):
            raise Rejected(Reason.NO_SPEAKER, segment=seg.id, index=a.to)
        speakers.insert(a.to, moved)
    elif a.op is AmendOp.SPEAKER_SET:
        i = at(a.index)
        sp = speakers[i]
        if a.name is not None:
            if not a.name.strip():
                raise Rejected(Reason.EMPTY_NAME)
            sp = replace(sp, name=a.name.strip())
        if a.seconds:
            sp = replace(sp, duration=_seconds(a.seconds))
        speakers[i] = sp
    else:  # pragma: no cover - every op is handled
        raise AssertionError(a.op)
    d.set_speakers(k, tuple(speakers))


def amend_plan(plan: Plan, amendment: Amendment, where: Where) -> Plan:
    """``plan`` with ``amendment`` applied; raises :class:`Rejected` with a coded reason when refused."""
    draft = _Draft(plan, where)
    _apply(draft, amendment)
    amended = draft.finish()
    if amended == plan:
        raise Rejected(Reason.NOTHING_CHANGES)
    return amended


def amend_progress(p: Progress, amendment: Amendment, at: datetime) -> None:
    """Apply ``amendment`` to the fold's progress ``p`` at ``at`` (settled first in follow mode)."""
    old = p.layout
    old_length = old.cues[p.current].length if p.current is not None else None
    plan = amend_plan(old.plan, amendment, Where.of(p))
    new = Layout.of(plan)
    index = {(c.segment.id, c.speaker_index): c.index for c in new.cues}

    def moved(i: int) -> int:
        c = old.cues[i]
        return index[(c.segment.id, c.speaker_index)]

    # Only cues the show has entered carry progress, and those are never restructured.
    p.adjustments = {moved(i): v for i, v in p.adjustments.items()}
    p.actual_start = {moved(i): v for i, v in p.actual_start.items()}
    p.actual_end = {moved(i): v for i, v in p.actual_end.items()}
    if p.current is not None:
        p.current = moved(p.current)
    p.layout = new
    if p.current is not None and p.status in (Status.RUNNING, Status.PAUSED) and p.cue_started_at is not None:
        cue = new.cues[p.current]
        if p.mode is Mode.FOLLOW:
            run_out = cue.planned_end + p.follow_offset < at
            ran = at - p.cue_started_at - p.paused_total
        else:
            paused = p.paused_total + ((at - p.paused_since) if p.paused_since is not None else _ZERO)
            ran = at - p.cue_started_at - paused
            shorter = old_length is not None and cue.length < old_length
            run_out = shorter and cue.length + p.adjustments.get(p.current, _ZERO) < ran
        if run_out:
            raise Rejected(Reason.SHORTER_THAN_RUN, segment=cue.segment.id, run_s=int(ran.total_seconds()))
