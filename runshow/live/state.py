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
from typing import TypedDict

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


@dataclass(frozen=True, slots=True)
class CueTiming:
    """Planned, actual and projected times of one cue, for the rundown."""

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
        return self.remaining is not None and self.remaining < _ZERO

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
        """Every cue's planned, actual and projected times (computed on demand: O(cues))."""
        p = self._progress
        if self.mode is Mode.FOLLOW:
            # The cue changes the plan's clock made up to now happened: record them (on a copy).
            p = p.copy()
            settle(p, self.at)
        cues = p.layout.cues
        current = self.cue.index if self.cue else None
        out: list[CueTiming] = []
        chain: datetime | None = self._cue_start if self.status is Status.PRE_SHOW else None
        for cue in cues:
            i = cue.index
            upcoming = chain is not None and (current is None or i > current)
            # Cues still to come chain at their planned lengths, exactly as projected_end does.
            length = cue.length if upcoming else cue.length + p.adjustments.get(i, _ZERO)
            a_start = p.actual_start.get(i)
            a_end = p.actual_end.get(i)
            if current is not None and i == current:
                assert self.length is not None
                length = self.length
                proj_s, proj_e = self._cue_start, self._current_end
                chain = self._current_end
            elif upcoming and chain is not None:
                proj_s, proj_e = chain, chain + length
                chain = proj_e
            else:
                proj_s, proj_e = a_start, a_end
            out.append(CueTiming(cue, length, a_start, a_end, proj_s, proj_e))
        return tuple(out)

    @cached_property
    def _settled(self) -> Progress:
        """The progress with the cue changes follow mode's plan clock made up to now recorded."""
        p = self._progress
        if self.mode is Mode.FOLLOW:
            p = p.copy()
            settle(p, self.at)
        return p

    def timing(self, i: int) -> CueTiming:
        """Cue ``i``'s entry of :attr:`timings`, in O(1): the rundown formats only the rows it shows.

        Later cues chain from the current cue's projected end (or the projected first start
        before the show) at their planned lengths, so cue ``i``'s projected start is that
        base plus the planned lengths in between: the layout's ``suffix`` gives them at once.
        """
        p = self._settled
        layout = p.layout
        cue = layout.cues[i]
        current = self.cue.index if self.cue else None
        if self.status is Status.PRE_SHOW and self._cue_start is not None:
            base: datetime | None = self._cue_start
            first_upcoming = 0
        elif current is not None and self._current_end is not None:
            base, first_upcoming = self._current_end, current + 1
        else:
            base, first_upcoming = None, len(layout.cues)
        upcoming = base is not None and i >= first_upcoming
        length = cue.length if upcoming else cue.length + p.adjustments.get(i, _ZERO)
        a_start = p.actual_start.get(i)
        a_end = p.actual_end.get(i)
        if current is not None and i == current:
            assert self.length is not None
            length = self.length
            proj_s, proj_e = self._cue_start, self._current_end
        elif upcoming and base is not None:
            proj_s = base + (layout.suffix[first_upcoming] - layout.suffix[i])
            proj_e = proj_s + length
        else:
            proj_s, proj_e = a_start, a_end
        return CueTiming(cue, length, a_start, a_end, proj_s, proj_e)


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
            projected_end=proj_start + layout.suffix[0],
            next_flip=pre_flip,
            _cue_start=proj_start,
            _current_end=None,
            **common,
        )

    cue = cues[idx]
    if pos is not None:
        # The cue gives way at the plan's time (shifted by the offset): grants do not bend it.
        assert pos.end is not None
        length = pos.end - started - paused
    else:
        length = cue.length + p.adjustments.get(idx, _ZERO)
    elapsed = now - started - paused
    remaining = length - elapsed
    current_end = now + max(remaining, _ZERO)
    nxt_seg_cue = layout.next_segment_cue[idx]
    if nxt_seg_cue is not None:
        countdown: timedelta | None = (current_end - now) + (layout.suffix[idx + 1] - layout.suffix[nxt_seg_cue])
        next_segment: Segment | None = cues[nxt_seg_cue].segment
    else:
        countdown, next_segment = None, None
    drift = current_end - cue.planned_end
    next_flip = clock_flip
    if status is Status.RUNNING:
        next_flip = min(next_flip, now + _until_flip(remaining))
    if status is Status.PAUSED or remaining <= _ZERO:
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
        projected_end=current_end + layout.suffix[idx + 1],
        next_flip=next_flip,
        _cue_start=started,
        _current_end=current_end,
        **common,
    )
