"""The show as a fold of the plan and the operator's actions.

:class:`Show` applies actions one at a time to a small record of progress
(which cue is on, since when, how long it was paused, what was granted). It
never reads the time: each action carries its own instant, and
:meth:`Show.state` takes ``now`` as an argument. So the same list of actions
always yields the same show, which is what makes crash recovery (replay),
rehearsal (another clock) and tests (a list and a time) work.

Rules (also in ``docs/engine.md``):

- ``start`` starts the first cue; ``next``/``previous`` end the current cue and
  start the neighbour *now*; ``goto`` starts a segment's first cue now.
- ``pause`` freezes the current cue's remaining time; ``resume`` unfreezes it.
- ``adjust`` grants (+) or takes (−) seconds from the current cue's present
  run; entering a cue again (``previous``/``goto``) starts a fresh run.
- In follow mode the current cue is whatever the plan says at now. Any cue
  action taken in follow mode first hands control back to manual mode, with
  the plan's current cue as the starting point: the operator has taken over.
- An action that does not apply (``next`` before ``start``) is rejected with
  a reason and changes nothing.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.cues import Cue, cues_of
from runshow.live.reasons import Reason, Refusal, Rejected
from runshow.plan.model import Plan

MAX_GRANT_S = 24 * 3600  # the most one adjust, or all grants to one cue, may add


class Status(enum.StrEnum):
    PRE_SHOW = "pre-show"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


@dataclass
class Progress:
    """Everything the actions have decided so far (no time-dependent values)."""

    mode: Mode = Mode.MANUAL
    status: Status = Status.PRE_SHOW
    current: int | None = None
    cue_started_at: datetime | None = None
    paused_total: timedelta = timedelta(0)
    paused_since: datetime | None = None
    adjustments: dict[int, timedelta] = field(default_factory=dict)
    actual_start: dict[int, datetime] = field(default_factory=dict)
    actual_end: dict[int, datetime] = field(default_factory=dict)
    ended_at: datetime | None = None
    message: str | None = None
    blackout: bool = False
    last_at: datetime | None = None

    def copy(self) -> Progress:
        return replace(
            self,
            adjustments=dict(self.adjustments),
            actual_start=dict(self.actual_start),
            actual_end=dict(self.actual_end),
        )


class Show:
    """A plan plus the actions applied to it so far."""

    def __init__(self, plan: Plan, actions: Iterable[Action] = ()) -> None:
        self.plan = plan
        self.cues: tuple[Cue, ...] = cues_of(plan)
        self._starts = [c.planned_start for c in self.cues]
        self._segment_first: dict[str, int] = {}
        for cue in self.cues:
            self._segment_first.setdefault(cue.segment.id, cue.index)
        # suffix[i]: planned length of cues i.. to the end; lets a state be O(1) per tick.
        self.suffix: list[timedelta] = [timedelta(0)] * (len(self.cues) + 1)
        for i in range(len(self.cues) - 1, -1, -1):
            self.suffix[i] = self.suffix[i + 1] + self.cues[i].length
        # next_segment_cue[i]: the first cue of the segment after cue i's segment.
        self.next_segment_cue: list[int | None] = [None] * len(self.cues)
        upcoming: int | None = None
        for i in range(len(self.cues) - 1, -1, -1):
            self.next_segment_cue[i] = upcoming
            if self.cues[i].speaker_index in (None, 0):
                upcoming = i
        self.progress = Progress()
        self.actions: list[Action] = []
        for action in actions:
            self.apply(action, strict=False)

    # ── queries that do not depend on now ─────────────────────────────────
    def first_cue_of(self, segment_id: str) -> int:
        return self._segment_first[segment_id]

    def planned_cue_at(self, now: datetime) -> int | None:
        """Index of the cue the plan has on at ``now`` (None before or after the show)."""
        if now < self.cues[0].planned_start or now >= self.cues[-1].planned_end:
            return None
        return bisect.bisect_right(self._starts, now) - 1

    # ── applying actions ──────────────────────────────────────────────────
    def check(self, action: Action) -> Refusal | None:
        """Why ``action`` would be rejected (a ``str`` carrying ``.reason`` and ``.params``), or None."""
        try:
            self._apply(action, self.progress.copy())
        except Rejected as exc:
            return exc.refusal
        return None

    def apply(self, action: Action, strict: bool = True) -> bool:
        """Apply ``action``; returns False (or raises :class:`Rejected` when strict) if it does not apply."""
        # Work on a copy: a rejected action (say ``start`` after a follow-mode
        # take-over) must leave no trace, not half a take-over.
        candidate = self.progress.copy()
        try:
            self._apply(action, candidate)
        except Rejected:
            if strict:
                raise
            return False
        self.progress = candidate
        self.actions.append(action)
        return True

    def _apply(self, action: Action, p: Progress) -> None:
        at = action.at
        if at.tzinfo is None:
            raise Rejected(Reason.NO_TIMEZONE)
        if not 1 < at.year < 9000:  # a corrupt journal line; arithmetic near datetime.max would overflow
            raise Rejected(Reason.TIME_OUT_OF_RANGE, at=at.isoformat())
        if p.last_at is not None and at < p.last_at:
            raise Rejected(Reason.OLDER_THAN_LAST)
        kind = action.kind
        if kind is ActionKind.MESSAGE:
            if not action.text or not action.text.strip():
                raise Rejected(Reason.EMPTY_MESSAGE)
            p.message = action.text
        elif kind is ActionKind.CLEAR_MESSAGE:
            p.message = None
        elif kind is ActionKind.BLACKOUT:
            p.blackout = bool(action.on)
        elif kind is ActionKind.MODE:
            if action.mode is None:
                raise Rejected(Reason.MODE_MISSING)
            if action.mode is p.mode:
                raise Rejected(Reason.ALREADY_IN_MODE, mode=p.mode.value)
            if action.mode is Mode.MANUAL:
                self._take_over(p, at)
            else:
                self._leave_cue(p, at)
                p.mode = Mode.FOLLOW
        else:
            if p.mode is Mode.FOLLOW:
                self._take_over(p, at)
            self._cue_action(action, p)
        p.last_at = at

    def _take_over(self, p: Progress, at: datetime) -> None:
        """Follow → manual: the plan's cue at ``at`` becomes the manual current cue."""
        p.mode = Mode.MANUAL
        p.paused_total = timedelta(0)
        p.paused_since = None
        idx = self.planned_cue_at(at)
        if idx is not None:
            p.status = Status.RUNNING
            p.current = idx
            p.cue_started_at = self.cues[idx].planned_start
            p.adjustments.pop(idx, None)  # the plan's timing, not a grant from an earlier manual run
            for i in range(idx + 1):
                p.actual_start.setdefault(i, self.cues[i].planned_start)
                if i < idx:
                    p.actual_end.setdefault(i, self.cues[i].planned_end)
        elif at < self.cues[0].planned_start:
            p.status, p.current, p.cue_started_at = Status.PRE_SHOW, None, None
        else:
            p.status, p.current, p.cue_started_at = Status.ENDED, None, None
            p.ended_at = self.cues[-1].planned_end

    def _leave_cue(self, p: Progress, at: datetime) -> None:
        if p.current is not None and p.status in (Status.RUNNING, Status.PAUSED):
            p.actual_end[p.current] = at

    def _enter(self, p: Progress, idx: int, at: datetime) -> None:
        self._leave_cue(p, at)
        p.current = idx
        p.status = Status.RUNNING
        p.cue_started_at = at
        p.paused_total = timedelta(0)
        p.paused_since = None
        p.ended_at = None
        p.actual_start.setdefault(idx, at)
        p.actual_end.pop(idx, None)
        # Entering a cue starts a fresh run at its planned length: a grant made in an
        # earlier run (before a previous/goto) does not carry over.
        p.adjustments.pop(idx, None)

    def _cue_action(self, action: Action, p: Progress) -> None:
        at = action.at
        kind = action.kind
        last = len(self.cues) - 1
        if kind is ActionKind.START:
            if p.status is not Status.PRE_SHOW:
                raise Rejected(Reason.ALREADY_STARTED)
            self._enter(p, 0, at)
        elif kind is ActionKind.NEXT:
            if p.status is Status.PRE_SHOW:
                raise Rejected(Reason.NOT_STARTED_USE_START)
            if p.status is Status.ENDED or p.current is None:
                raise Rejected(Reason.ENDED)
            if p.current == last:
                self._leave_cue(p, at)
                p.status, p.current, p.cue_started_at, p.ended_at = Status.ENDED, None, None, at
                p.paused_since = None
            else:
                self._enter(p, p.current + 1, at)
        elif kind is ActionKind.PREVIOUS:
            if p.status is Status.PRE_SHOW:
                raise Rejected(Reason.NOT_STARTED)
            target = last if p.status is Status.ENDED or p.current is None else p.current - 1
            if target < 0:
                raise Rejected(Reason.FIRST_CUE)
            self._enter(p, target, at)
        elif kind is ActionKind.GOTO:
            if action.segment not in self._segment_first:
                raise Rejected(Reason.NO_SEGMENT, segment=action.segment)
            self._enter(p, self._segment_first[action.segment], at)
        elif kind is ActionKind.PAUSE:
            if p.status is not Status.RUNNING:
                raise Rejected(Reason.NOTHING_RUNNING)
            p.status = Status.PAUSED
            p.paused_since = at
        elif kind is ActionKind.RESUME:
            if p.status is not Status.PAUSED or p.paused_since is None:
                raise Rejected(Reason.NOT_PAUSED)
            p.paused_total += at - p.paused_since
            p.paused_since = None
            p.status = Status.RUNNING
        elif kind is ActionKind.ADJUST:
            if p.current is None or p.status not in (Status.RUNNING, Status.PAUSED):
                raise Rejected(Reason.NO_CUE_TO_ADJUST)
            if action.seconds == 0:
                raise Rejected(Reason.ADJUST_ZERO)
            if abs(action.seconds) > MAX_GRANT_S:
                raise Rejected(Reason.ADJUST_TOO_BIG)  # a typo, not a grant; and no overflow
            total = p.adjustments.get(p.current, timedelta(0)) + timedelta(seconds=action.seconds)
            if total > timedelta(seconds=MAX_GRANT_S):
                raise Rejected(Reason.GRANT_TOO_BIG)
            if self.cues[p.current].length + total <= timedelta(0):
                raise Rejected(Reason.TAKES_WHOLE_LENGTH)
            p.adjustments[p.current] = total
        else:  # pragma: no cover - every kind is handled above
            raise AssertionError(f"unknown action {kind}")
