"""The show at an instant: what the MC and the operator see, derived, never stored.

:func:`state_at` is a pure function of a :class:`Show` (plan + actions) and
``now``. The arithmetic is defined once, here, and documented in
``docs/engine.md``:

- ``remaining`` of the current cue = planned length + adjustments − time it has
  run (paused time excluded). Negative means overtime.
- the projected end of the current cue is the later of now and ``now +
  remaining``; ``drift`` = that projected end − the cue's planned end
  (positive = the show runs late).
- later cues chain from there at their planned lengths; ``projected_end`` of the
  show follows, and ``countdown_to_next`` counts to the projected start of the
  next *segment* (not the next speaker).
- before the first cue the show is pre-show, counting down to the first
  planned start (a late start is drift); after the last cue it has ended.

Every whole number of seconds shown is the **ceiling** of the exact value, so
a countdown reads 00:01 during the last second, 00:00 exactly at the end, and
then −00:01 once a full second of overtime has passed. ``next_flip`` is the
next instant at which any shown number changes, so a timer can be aimed at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import NamedTuple, TypedDict

from runshow.live.actions import Mode
from runshow.live.cues import Cue
from runshow.live.show import Position, Progress, Show, Status, follow_position, settle
from runshow.plan.model import Part, Plan, Segment, Speaker

SECOND = timedelta(seconds=1)
_ZERO = timedelta(0)
_TICK = timedelta(microseconds=1)  # the resolution of datetime


def ceil_seconds(value: timedelta) -> int:
    """Whole seconds, rounded up, exactly (no float)."""
    micro = value // timedelta(microseconds=1)
    return -((-micro) // 1_000_000)


def ceil_instant(instant: datetime) -> datetime:
    """An instant rounded up to its whole second, so a projected end shown as
    ``HH:MM:SS`` minus the planned end equals the shown ``drift_s``."""
    if instant.microsecond == 0:
        return instant
    return instant.replace(microsecond=0) + SECOND


def _until_flip(value: timedelta) -> timedelta:
    """Time until ``ceil`` of a quantity that falls at 1 s/s changes value."""
    rest = value % SECOND
    return rest if rest else SECOND


def _until_rise_flip(value: timedelta) -> timedelta:
    """Time until ``ceil`` of a quantity that *rises* at 1 s/s changes value.

    A rising quantity's ceiling changes just *after* it passes a whole second
    (ceil(4.0) = 4, ceil(4.000001) = 5), so the flip is one microsecond past
    the boundary; aiming at the boundary itself would repaint the old value.
    """
    rest = value % SECOND
    return (SECOND - rest if rest else _ZERO) + _TICK


def _chain(cues: tuple[Cue, ...], suffix: tuple[timedelta, ...], base: datetime, f: int, i: int) -> datetime:
    """The projected start of cue ``i`` (``len(cues)``: the show's end) when cue ``f`` can start at
    ``base``: planned lengths, and every real gap on the way absorbs lateness (the item after a gap
    starts no earlier than planned). O(gaps between): O(1) on a schedule without gaps."""
    n = len(cues)
    t, j = base, f
    g = cues[f].next_gap if f < n else None
    while g is not None and g <= i:
        t = max(t + (suffix[j] - suffix[g]), cues[g].planned_start)
        j = g
        g = cues[g + 1].next_gap if g + 1 < n else None
    return t + (suffix[j] - suffix[i])


class CueTiming(NamedTuple):
    """Planned, actual and projected times of one cue, for the rundown.

    A named tuple, not a dataclass: :attr:`ShowState.timings` builds one per cue after every
    action (1,200 on a 1,000-segment festival), and a tuple is built in half the time.
    """

    cue: Cue
    length: timedelta  # planned length + adjustments
    actual_start: datetime | None
    actual_end: datetime | None
    projected_start: datetime | None
    projected_end: datetime | None

    @property
    def delta(self) -> timedelta | None:
        """Actual (or projected) end minus planned end: positive = late."""
        end = self.actual_end or self.projected_end
        return None if end is None else end - self.cue.planned_end


@dataclass(frozen=True)
class ShowState:
    at: datetime
    status: Status
    mode: Mode
    cue: Cue | None
    next_cue: Cue | None
    next_segment: Segment | None
    length: timedelta | None
    elapsed: timedelta | None
    remaining: timedelta | None
    countdown_to_next: timedelta | None
    drift: timedelta
    projected_end: datetime
    planned_end: datetime
    message: str | None
    blackout: bool
    next_flip: datetime
    _show: Show
    _progress: Progress  # a snapshot: the show may move on after this state was taken
    _cue_start: datetime | None
    _current_end: datetime | None
    # The unit that is on ends at _unit_end and the cues from _unit_next on chain after it: the
    # cue itself, or for an untimed speaker the whole segment (its countdown is the truth).
    _unit_end: datetime | None = None
    _unit_next: int = 0
    # A real gap: the cue after it was entered before its planned start and waits until then
    # (the stage shows the time to it; nothing counts down, nothing is over time).
    gap_until: datetime | None = None

    # ── what the windows read ─────────────────────────────────────────────
    @property
    def segment(self) -> Segment | None:
        return self.cue.segment if self.cue else None

    @property
    def plan(self) -> Plan:
        """The plan (as amended) this state was taken on."""
        return self._progress.layout.plan

    @property
    def part(self) -> Part | None:
        return self._progress.layout.plan.part_of(self.cue.segment) if self.cue else None

    @property
    def speaker(self) -> Speaker | None:
        return self.cue.speaker if self.cue else None

    @property
    def next_speaker(self) -> Speaker | None:
        """The next speaker inside the current multi-speaker segment."""
        cue = self.cue
        if cue is None or cue.speaker_index is None:
            return None
        nxt = cue.speaker_index + 1
        return cue.segment.speakers[nxt] if nxt < len(cue.segment.speakers) else None

    @property
    def overtime(self) -> bool:
        """The cue on has run over (never in a gap, never for an open-ended item: it runs until next)."""
        if self.cue is not None and self.cue.segment.open_end:
            return False
        return self.gap_until is None and self.remaining is not None and self.remaining < _ZERO

    @property
    def in_gap(self) -> bool:
        return self.gap_until is not None

    @property
    def until_gap_end_s(self) -> int | None:
        """Whole seconds (ceiling) until the item after a gap starts, while waiting for it."""
        return None if self.gap_until is None else max(0, ceil_seconds(self.gap_until - self.at))

    @property
    def segment_countdown(self) -> bool:
        """The countdown is the segment's (an untimed speaker is on), not the speaker's own."""
        return self.cue is not None and self.cue.untimed

    @property
    def end_if_left_on(self) -> datetime | None:
        """When the unit on would end if left on (not clamped: an overtime instant stays put)."""
        if self.remaining is None:
            return None
        return (self.gap_until or self.at) + self.remaining

    @property
    def remaining_s(self) -> int | None:
        return None if self.remaining is None else ceil_seconds(self.remaining)

    @property
    def countdown_to_next_s(self) -> int | None:
        return None if self.countdown_to_next is None else ceil_seconds(self.countdown_to_next)

    @property
    def drift_s(self) -> int:
        return ceil_seconds(self.drift)

    @cached_property
    def timings(self) -> tuple[CueTiming, ...]:
        """Every cue's planned, actual and projected times (computed on demand: O(cues)).

        Equal to ``timing(i)`` for every ``i`` (``tests/live/test_state_timing.py`` checks it on
        plans with gaps, untimed speakers and amendments), in one pass: the chain of projected
        starts is carried from cue to cue instead of being summed again for each.
        """
        p, current, base, first_upcoming = self._frame
        cues = p.layout.cues
        lengths = p.layout.lengths
        n = len(cues)
        up = first_upcoming if base is not None else n  # from here on every cue chains from base
        if current is not None and current >= up:  # not a state state_at makes: the general path
            return tuple(self.timing(i) for i in range(n))
        bulk = up if current is None else min(up, current)  # before it: cues that are history
        adjustments = p.adjustments
        actual_start = p.actual_start
        actual_end = p.actual_end
        out: list[CueTiming] = []
        append = out.append
        for i in range(bulk):
            cue = cues[i]
            a_start = actual_start.get(i)
            a_end = actual_end.get(i)
            if a_start is not None and cue.gap_before:
                a_start = self._gap_start(cue, a_start, a_end)
            grant = adjustments.get(i)
            length = lengths[i] if grant is None else lengths[i] + grant
            append(CueTiming(cue, length, a_start, a_end, a_start, a_end))
        # The cue on and the speakers still to come in an untimed segment on now: a few cues.
        out.extend(self.timing(i) for i in range(bulk, up))
        chain = base  # the projected start of the next upcoming cue, carried along
        for i in range(up, n):
            assert chain is not None
            cue = cues[i]
            a_start = actual_start.get(i)
            a_end = actual_end.get(i)
            if cue.gap_before:
                if a_start is not None:
                    a_start = self._gap_start(cue, a_start, a_end)
                chain = max(chain, cue.planned_start)  # a real gap absorbs lateness
            length = lengths[i]
            proj_e = chain + length
            append(CueTiming(cue, length, a_start, a_end, chain, proj_e))
            chain = proj_e
        return tuple(out)

    @cached_property
    def _settled(self) -> Progress:
        """The progress with the cue changes follow mode's plan clock made up to now recorded."""
        p = self._progress
        if self.mode is Mode.FOLLOW:
            pos = follow_position(p, self.at)
            if pos.status is not p.status or pos.index != p.current:  # (else settle changes nothing)
                p = p.copy()  # (three dicts of a cue each: the rundown's first row of a tick paid it)
                settle(p, self.at)
        return p

    @cached_property
    def _frame(self) -> tuple[Progress, int | None, datetime | None, int]:
        """What every cue's timing shares: the settled progress, the cue on, and the base the
        upcoming cues chain from with the first of them (``len(cues)``: none chains)."""
        p = self._settled
        current = self.cue.index if self.cue else None
        if self.status is Status.PRE_SHOW and self._cue_start is not None:
            return p, current, self._cue_start, 0
        if current is not None and self._unit_end is not None:
            return p, current, self._unit_end, self._unit_next
        return p, current, None, len(p.layout.cues)

    def _gap_start(self, cue: Cue, entered: datetime, a_end: datetime | None) -> datetime | None:
        """The actual start of a cue after a real gap, entered at ``entered``."""
        a_start: datetime | None = entered
        if entered < cue.planned_start:
            # Entered during the gap before it: it began at its planned start (or not yet).
            waiting = self.gap_until is not None and self.cue is not None and cue.index == self.cue.index
            a_start = None if waiting else cue.planned_start
            if a_start is not None and a_end is not None:
                a_start = min(a_start, a_end)
        if a_start is not None and self.mode is Mode.FOLLOW and a_start > self.at:
            a_start = None  # follow mode across a gap: the plan's clock brings it on later
        return a_start

    def _current_timing(self, p: Progress, cue: Cue, a_start: datetime | None, a_end: datetime | None) -> CueTiming:
        assert self.length is not None
        length = self.length if not cue.untimed else cue.length + p.adjustments.get(cue.index, _ZERO)
        return CueTiming(cue, length, a_start, a_end, self._cue_start, self._current_end)

    def past_end_bound(self, i: int) -> datetime | None:
        """For a cue before the one on (any cue, once the show ended): an instant no earlier than
        its end if left on (actual start + length) nor its actual end, as :meth:`timing` gives
        them, without building the timing; None when no start was recorded. The alert planner
        passes over the cues long gone with it."""
        p = self._frame[0]
        raw = p.actual_start.get(i)
        if raw is None:
            return None
        cue = p.layout.cues[i]
        if cue.gap_before > _ZERO and raw < cue.planned_start:
            raw = cue.planned_start  # timing's actual start is at most its planned start then
        grant = p.adjustments.get(i)
        end_on = raw + cue.length if grant is None else raw + cue.length + grant
        a_end = p.actual_end.get(i)
        return end_on if a_end is None or a_end < end_on else a_end

    def timing(self, i: int) -> CueTiming:
        """Cue ``i``'s entry of :attr:`timings`, in O(1) (O(gaps) with real gaps in the plan): the
        rundown formats only the rows it shows.

        Later cues chain from the current unit's projected end (or the projected first start
        before the show) at their planned lengths, so cue ``i``'s projected start is that base
        plus the planned lengths in between (the layout's ``suffix``), each real gap on the way
        absorbing lateness. The speakers still to come in an untimed segment share what is left
        of its countdown, at most their nominal slots each, the latest first.
        """
        p, current, base, first_upcoming = self._frame
        layout = p.layout
        cue = layout.cues[i]
        a_start = p.actual_start.get(i)
        a_end = p.actual_end.get(i)
        if cue.gap_before > _ZERO and a_start is not None:
            a_start = self._gap_start(cue, a_start, a_end)
        if i == current:
            return self._current_timing(p, cue, a_start, a_end)
        if base is not None and i >= first_upcoming:
            proj_s = _chain(layout.cues, layout.suffix, base, first_upcoming, i)
            return CueTiming(cue, cue.length, a_start, a_end, proj_s, proj_s + cue.length)
        unit_end = self._unit_end
        if current is not None and unit_end is not None and current < i < first_upcoming:
            # A speaker still to come in the untimed segment on now.
            rest = layout.suffix[first_upcoming]
            proj_s = max(self.at, unit_end - (layout.suffix[i] - rest))
            proj_e = max(self.at, unit_end - (layout.suffix[i + 1] - rest))
            return CueTiming(cue, cue.length, a_start, a_end, proj_s, proj_e)
        return CueTiming(cue, cue.length + p.adjustments.get(i, _ZERO), a_start, a_end, a_start, a_end)


class _Common(TypedDict):
    at: datetime
    mode: Mode
    message: str | None
    blackout: bool
    planned_end: datetime
    _show: Show
    _progress: Progress


def state_at(show: Show, now: datetime) -> ShowState:
    """The show as it stands at ``now``; pure, no clock read, O(1) in the number of cues
    (O(log cues) in follow mode)."""
    p = show.progress  # never mutated once installed: the state keeps a reference, not a copy
    layout = p.layout
    cues = layout.cues
    first = cues[0]
    planned_end = cues[-1].planned_end
    clock_flip = now + (SECOND - timedelta(microseconds=now.microsecond))
    follow = p.mode is Mode.FOLLOW

    pos: Position | None = None
    if follow:
        pos = follow_position(p, now)
        idx, status, started, paused = pos.index, pos.status, pos.started, pos.paused
    else:
        idx, status, started = p.current, p.status, p.cue_started_at
        paused = p.paused_total + ((now - p.paused_since) if p.paused_since is not None else _ZERO)

    common: _Common = {
        "at": now,
        "mode": p.mode,
        "message": p.message,
        "blackout": p.blackout,
        "planned_end": planned_end,
        "_show": show,
        "_progress": p,
    }

    if idx is None or started is None or status in (Status.PRE_SHOW, Status.ENDED):
        if status is Status.ENDED:
            ended_at = (pos.ended_at if pos is not None else p.ended_at) or planned_end
            return ShowState(
                status=Status.ENDED,
                cue=None,
                next_cue=None,
                next_segment=None,
                length=None,
                elapsed=None,
                remaining=None,
                countdown_to_next=None,
                drift=ended_at - planned_end,
                projected_end=ended_at,
                next_flip=clock_flip,
                _cue_start=None,
                _current_end=None,
                **common,
            )
        proj_start = first.planned_start + p.follow_offset if follow else max(now, first.planned_start)
        late = proj_start - first.planned_start
        to_first = proj_start - now
        pre_flip = clock_flip
        if to_first > _ZERO:
            pre_flip = min(pre_flip, now + _until_flip(to_first))
        if not follow and now >= first.planned_start:
            pre_flip = min(pre_flip, now + _until_rise_flip(late))  # a late start: drift rises
        return ShowState(
            status=Status.PRE_SHOW,
            cue=None,
            next_cue=first,
            next_segment=first.segment,
            length=None,
            elapsed=None,
            remaining=None,
            countdown_to_next=to_first,
            drift=late,
            projected_end=_chain(cues, layout.suffix, proj_start, 0, len(cues)),
            next_flip=pre_flip,
            _cue_start=proj_start,
            _current_end=None,
            **common,
        )

    cue = cues[idx]
    run_start = started
    if cue.untimed:
        # An untimed speaker has no countdown of their own: the segment's runs from its first
        # speaker's start, over the whole segment's length and every grant made in it.
        run_start = min(started, p.actual_start.get(cue.seg_first, started))
    if cue.gap_before > _ZERO and not follow:
        run_start = max(run_start, cue.planned_start)  # entered during the gap: it starts when planned
    waiting = now < run_start
    if pos is not None:
        # The cue gives way at the plan's time (shifted by the offset): grants do not bend it.
        assert pos.end is not None
        unit_end_plan = (cues[cue.seg_last].planned_end + p.follow_offset) if cue.untimed else pos.end
        length = unit_end_plan - run_start - paused
    elif cue.untimed:
        grants = sum((p.adjustments.get(j, _ZERO) for j in range(cue.seg_first, idx + 1)), _ZERO)
        length = cues[cue.seg_last].planned_end - cues[cue.seg_first].planned_start + grants
    else:
        length = cue.length + p.adjustments.get(idx, _ZERO)
    elapsed = max(_ZERO, now - run_start - paused) if waiting else now - run_start - paused
    remaining = length - elapsed
    unit_end = (run_start + length) if waiting else now + max(remaining, _ZERO)
    unit_next = cue.seg_last + 1 if cue.untimed else idx + 1
    if cue.untimed and idx < cue.seg_last:
        current_end = max(now, unit_end - (layout.suffix[idx + 1] - layout.suffix[unit_next]))
    else:
        current_end = unit_end
    nxt_seg_cue = layout.next_segment_cue[idx]
    if nxt_seg_cue is not None:
        countdown: timedelta | None = _chain(cues, layout.suffix, unit_end, unit_next, nxt_seg_cue) - now
        next_segment: Segment | None = cues[nxt_seg_cue].segment
    else:
        countdown, next_segment = None, None
    drift = unit_end - cues[unit_next - 1].planned_end
    next_flip = clock_flip
    if waiting:
        next_flip = min(next_flip, now + _until_flip(run_start - now))
    elif status is Status.RUNNING:
        next_flip = min(next_flip, now + _until_flip(remaining))
    if not waiting and (status is Status.PAUSED or remaining <= _ZERO):
        # Paused or in overtime the projected end slides with now, so drift rises.
        next_flip = min(next_flip, now + _until_rise_flip(drift))
    return ShowState(
        status=status,
        cue=cue,
        next_cue=cues[idx + 1] if idx + 1 < len(cues) else None,
        next_segment=next_segment,
        length=length,
        elapsed=elapsed,
        remaining=remaining,
        countdown_to_next=countdown,
        drift=drift,
        projected_end=_chain(cues, layout.suffix, unit_end, unit_next, len(cues)),
        next_flip=next_flip,
        _cue_start=run_start if waiting or cue.gap_before > _ZERO else started,
        _current_end=current_end,
        _unit_end=unit_end,
        _unit_next=unit_next,
        gap_until=run_start if waiting else None,
        **common,
    )
