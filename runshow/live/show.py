"""The show as a fold of the plan and the operator's actions.

:class:`Show` applies actions one at a time to a small record of progress
(which cue is on, since when, how long it was paused, what was granted, the
plan as amended so far). It never reads the time: each action carries its own
instant, and :func:`runshow.live.state.state_at` takes ``now`` as an argument.
So the same list of actions always yields the same show, which is what makes
crash recovery (replay), rehearsal (another clock) and tests (a list and a
time) work.

Rules (also in ``docs/engine.md``):

- ``start`` starts the first cue; ``next``/``previous`` end the current cue and
  start the neighbour *now*; ``goto`` starts a segment's first cue now.
- ``pause`` freezes the current cue's remaining time; ``resume`` unfreezes it.
- ``adjust`` grants (+) or takes (−) seconds from the current cue's present
  run; entering a cue again (``previous``/``goto``) starts a fresh run.
- In follow mode the cues change at the plan's times, from the cue that was on
  when follow began; nothing already recorded is rewritten. Any cue action taken
  in follow mode first hands control back to manual mode at the cue that is on.
- ``undo`` reverts the latest action not yet undone (the fold restores the
  progress it had before it); ``redo`` re-applies the latest undone action if
  nothing new was done since.
- ``amend`` changes the plan (:mod:`runshow.live.amendments`); the cues are
  rebuilt, the progress kept.
- An action that does not apply (``next`` before ``start``) is rejected with
  a coded reason (:mod:`runshow.live.reasons`) and changes nothing.

Installed :class:`Progress` records are never mutated (each action works on a
copy), so a :class:`~runshow.live.state.ShowState` and the undo stack can keep
a reference instead of a copy, and a tick stays O(1).
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.cues import Cue, cues_of
from runshow.live.reasons import Reason, Refusal, Rejected
from runshow.plan.model import Plan

__all__ = ["MAX_GRANT_S", "Layout", "Position", "Progress", "Rejected", "Show", "Status", "follow_position"]

MAX_GRANT_S = 24 * 3600  # the most one adjust, or all grants to one cue, may add
_ZERO = timedelta(0)


class Status(enum.StrEnum):
    PRE_SHOW = "pre-show"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


@dataclass(frozen=True)
class Layout:
    """The plan (as amended so far) and everything derived from it once: cues and sums.

    Rebuilt only when an amendment applies; a tick reads it in O(1).
    """

    plan: Plan  # two layouts are equal when their plans are: the rest is derived from it
    cues: tuple[Cue, ...] = field(compare=False)
    starts: tuple[datetime, ...] = field(compare=False)
    segment_first: Mapping[str, int] = field(compare=False)
    # suffix[i]: planned length of cues i.. to the end; lets a state be O(1) per tick.
    suffix: tuple[timedelta, ...] = field(compare=False)
    # next_segment_cue[i]: the first cue of the segment after cue i's segment.
    next_segment_cue: tuple[int | None, ...] = field(compare=False)
    # lengths[i]: cue i's planned length (``cues[i].length``, computed once for the whole-show passes).
    lengths: tuple[timedelta, ...] = field(compare=False, default=())

    @classmethod
    def of(cls, plan: Plan) -> Layout:
        cues = cues_of(plan)
        first: dict[str, int] = {}
        for cue in cues:
            first.setdefault(cue.segment.id, cue.index)
        suffix = [_ZERO] * (len(cues) + 1)
        for i in range(len(cues) - 1, -1, -1):
            suffix[i] = suffix[i + 1] + cues[i].length
        nxt: list[int | None] = [None] * len(cues)
        upcoming: int | None = None
        for i in range(len(cues) - 1, -1, -1):
            nxt[i] = upcoming
            if cues[i].speaker_index in (None, 0):
                upcoming = i
        starts = tuple(c.planned_start for c in cues)
        lengths = tuple(c.length for c in cues)
        return cls(plan, cues, starts, first, tuple(suffix), tuple(nxt), lengths)

    def planned_cue_at(self, now: datetime) -> int | None:
        """Index of the cue the plan has on at ``now`` (None before or after the show)."""
        if now < self.cues[0].planned_start or now >= self.cues[-1].planned_end:
            return None
        return bisect.bisect_right(self.starts, now) - 1


@dataclass
class Progress:
    """Everything the actions have decided so far (no time-dependent values)."""

    layout: Layout
    mode: Mode = Mode.MANUAL
    status: Status = Status.PRE_SHOW
    current: int | None = None
    cue_started_at: datetime | None = None
    paused_total: timedelta = _ZERO
    paused_since: datetime | None = None
    adjustments: dict[int, timedelta] = field(default_factory=dict)
    actual_start: dict[int, datetime] = field(default_factory=dict)
    actual_end: dict[int, datetime] = field(default_factory=dict)
    ended_at: datetime | None = None
    message: str | None = None
    blackout: bool = False
    last_at: datetime | None = None
    # Follow mode: how far behind the plan's clock the show runs (>= 0; see follow_position),
    # and since when it follows (no cue change is ever dated before it).
    follow_offset: timedelta = _ZERO
    follow_since: datetime | None = None

    def copy(self) -> Progress:
        return replace(
            self,
            adjustments=dict(self.adjustments),
            actual_start=dict(self.actual_start),
            actual_end=dict(self.actual_end),
        )


@dataclass(frozen=True, slots=True)
class Position:
    """Where the show is at an instant: the cue on, since when, and (follow mode) until when."""

    status: Status
    index: int | None
    started: datetime | None  # the present run of the cue on began
    paused: timedelta  # paused so far in that run
    end: datetime | None  # follow mode: the instant the cue on gives way (pre-show: the first start)
    ended_at: datetime | None


def follow_position(p: Progress, now: datetime) -> Position:
    """The show at ``now`` in follow mode, from the progress recorded when it was last settled.

    The cue that was on runs until its planned end (shifted by ``follow_offset``); every
    later cue starts at its planned start + ``follow_offset``. O(log cues).
    """
    cues = p.layout.cues
    d = p.follow_offset
    if p.status is Status.ENDED:
        return Position(Status.ENDED, None, None, _ZERO, None, p.ended_at)
    if p.current is not None:
        end = cues[p.current].planned_end + d
        if now < end:
            return Position(Status.RUNNING, p.current, p.cue_started_at, p.paused_total, end, None)
    else:
        first = cues[0].planned_start + d
        if now < first:
            return Position(Status.PRE_SHOW, None, None, _ZERO, first, None)
    t = now - d
    if t >= cues[-1].planned_end:
        return Position(Status.ENDED, None, None, _ZERO, None, cues[-1].planned_end + d)
    k = p.layout.planned_cue_at(t)
    assert k is not None  # t is past the first planned start and before the last planned end
    if t >= cues[k].planned_end and k + 1 < len(cues):
        k += 1  # a real gap: the next item is on its way (it starts at its planned time)
    return Position(Status.RUNNING, k, _came_on(p, k), _ZERO, cues[k].planned_end + d, None)


def _came_on(p: Progress, k: int) -> datetime:
    """When the plan's clock brought cue ``k`` on: its shifted planned start, never before follow began
    (following a show that never started brings the plan's cue at that instant on then)."""
    start = p.layout.cues[k].planned_start + p.follow_offset
    return start if p.follow_since is None else max(start, p.follow_since)


def settle(p: Progress, at: datetime) -> None:
    """Follow mode: record in ``p`` the cue changes the plan made up to ``at`` (they happened)."""
    pos = follow_position(p, at)
    if pos.status is p.status and pos.index == p.current:
        return
    cues = p.layout.cues
    d = p.follow_offset
    if p.current is not None:
        p.actual_end[p.current] = cues[p.current].planned_end + d
    begin = p.current + 1 if p.current is not None else 0
    upto = pos.index if pos.index is not None else len(cues)
    for j in range(begin, upto):
        if p.follow_since is not None and cues[j].planned_end + d <= p.follow_since:
            continue  # its planned time was over before follow began: it never ran
        p.actual_start.setdefault(j, _came_on(p, j))
        p.actual_end[j] = cues[j].planned_end + d
        p.adjustments.pop(j, None)
    p.paused_total, p.paused_since = _ZERO, None
    if pos.index is not None:
        k = pos.index
        p.actual_start.setdefault(k, _came_on(p, k))
        p.actual_end.pop(k, None)
        p.adjustments.pop(k, None)
        p.status, p.current, p.cue_started_at, p.ended_at = Status.RUNNING, k, pos.started, None
    else:
        p.status, p.current, p.cue_started_at, p.ended_at = Status.ENDED, None, None, pos.ended_at


@dataclass(frozen=True, slots=True)
class _Step:
    """One undoable action with the progress before and after it."""

    action: Action
    before: Progress
    after: Progress


class _Op(enum.Enum):
    PUSH = "push"
    UNDO = "undo"
    REDO = "redo"


class Show:
    """A plan plus the actions applied to it so far."""

    def __init__(self, plan: Plan, actions: Iterable[Action] = ()) -> None:
        self.original_plan = plan
        self.progress = Progress(Layout.of(plan))
        self.actions: list[Action] = []
        self._done: list[_Step] = []
        self._undone: list[_Step] = []
        for action in actions:
            self.apply(action, strict=False)

    # ── queries that do not depend on now ─────────────────────────────────
    @property
    def layout(self) -> Layout:
        return self.progress.layout

    @property
    def plan(self) -> Plan:
        """The plan as amended so far (``original_plan`` is the one loaded)."""
        return self.progress.layout.plan

    @property
    def cues(self) -> tuple[Cue, ...]:
        return self.progress.layout.cues

    @property
    def suffix(self) -> tuple[timedelta, ...]:
        return self.progress.layout.suffix

    @property
    def next_segment_cue(self) -> tuple[int | None, ...]:
        return self.progress.layout.next_segment_cue

    def first_cue_of(self, segment_id: str) -> int:
        return self.progress.layout.segment_first[segment_id]

    def planned_cue_at(self, now: datetime) -> int | None:
        """Index of the cue the plan has on at ``now`` (None before or after the show)."""
        return self.progress.layout.planned_cue_at(now)

    # ── undo / redo ───────────────────────────────────────────────────────
    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_target(self) -> Action | None:
        """The action an ``undo`` now would revert (its kind and arguments name it), or None."""
        return self._done[-1].action if self._done else None

    @property
    def redo_target(self) -> Action | None:
        """The action a ``redo`` now would re-apply, or None."""
        return self._undone[-1].action if self._undone else None

    @property
    def effective_actions(self) -> tuple[Action, ...]:
        """The actions in force: every applied action except undone ones (and undo/redo themselves)."""
        return tuple(step.action for step in self._done)

    # ── applying actions ──────────────────────────────────────────────────
    def check(self, action: Action) -> Refusal | None:
        """Why ``action`` would be rejected (a ``str`` carrying ``.reason`` and ``.params``), or None."""
        try:
            self._evaluate(action)
        except Rejected as exc:
            return exc.refusal
        return None

    def apply(self, action: Action, strict: bool = True) -> bool:
        """Apply ``action``; returns False (or raises :class:`Rejected` when strict) if it does not apply."""
        try:
            candidate, op = self._evaluate(action)
        except Rejected:
            if strict:
                raise
            return False
        if op is _Op.UNDO:
            self._undone.append(self._done.pop())
        elif op is _Op.REDO:
            self._done.append(self._undone.pop())
        else:
            self._done.append(_Step(action, self.progress, candidate))
            self._undone.clear()  # a new action: what was undone can no longer be redone
        self.progress = candidate
        self.actions.append(action)
        return True

    def _evaluate(self, action: Action) -> tuple[Progress, _Op]:
        """The progress after ``action`` (a new record; nothing installed is touched)."""
        at = action.at
        if at.tzinfo is None:
            raise Rejected(Reason.NO_TIMEZONE)
        if not 1 < at.year < 9000:  # a corrupt journal line; arithmetic near datetime.max would overflow
            raise Rejected(Reason.TIME_OUT_OF_RANGE, at=at.isoformat())
        last = self.progress.last_at
        if last is not None and at < last:
            raise Rejected(Reason.OLDER_THAN_LAST)
        if action.kind is ActionKind.UNDO:
            if not self._done:
                raise Rejected(Reason.NOTHING_TO_UNDO)
            p = self._done[-1].before.copy()
            p.last_at = at
            return p, _Op.UNDO
        if action.kind is ActionKind.REDO:
            if not self._undone:
                raise Rejected(Reason.NOTHING_TO_REDO)
            p = self._undone[-1].after.copy()
            p.last_at = at
            return p, _Op.REDO
        # Work on a copy: a rejected action (say ``start`` after a follow-mode
        # take-over) must leave no trace, not half a take-over.
        p = self.progress.copy()
        self._apply(action, p)
        p.last_at = at
        return p, _Op.PUSH

    def _apply(self, action: Action, p: Progress) -> None:
        at = action.at
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
                self._follow(p, at)
        elif kind is ActionKind.AMEND:
            self._amend(action, p)
        else:
            if p.mode is Mode.FOLLOW:
                self._take_over(p, at)
            self._cue_action(action, p)

    # ── follow mode ───────────────────────────────────────────────────────
    def _follow(self, p: Progress, at: datetime) -> None:
        """Manual → follow: the cue on keeps its start and run time; the plan's times take over from here."""
        cues = p.layout.cues
        if p.status is Status.PAUSED and p.paused_since is not None:
            p.paused_total += at - p.paused_since  # the pause ends: paused time stays excluded
            p.paused_since = None
            p.status = Status.RUNNING
        if p.status is Status.RUNNING and p.current is not None:
            # Late past the cue's planned end: the plan's clock runs that much behind from here.
            p.follow_offset = max(_ZERO, at - cues[p.current].planned_end)
        else:  # before the start nothing has happened: the plan as it is (its cue at now comes on now)
            p.follow_offset = _ZERO
        p.follow_since = at
        p.mode = Mode.FOLLOW

    def _take_over(self, p: Progress, at: datetime) -> None:
        """Follow → manual at the cue that is on, with exactly the remaining time it had."""
        settle(p, at)
        p.mode = Mode.MANUAL
        if p.status is Status.RUNNING and p.current is not None and p.cue_started_at is not None:
            cue = p.layout.cues[p.current]
            end = cue.planned_end + p.follow_offset
            grant = (end - p.cue_started_at - p.paused_total) - cue.length
            if grant:
                p.adjustments[p.current] = grant
            else:
                p.adjustments.pop(p.current, None)
        p.follow_offset, p.follow_since = _ZERO, None

    # ── cue actions ───────────────────────────────────────────────────────
    def _leave_cue(self, p: Progress, at: datetime) -> None:
        if p.current is not None and p.status in (Status.RUNNING, Status.PAUSED):
            p.actual_end[p.current] = at

    def _enter(self, p: Progress, idx: int, at: datetime) -> None:
        self._leave_cue(p, at)
        p.current = idx
        p.status = Status.RUNNING
        p.cue_started_at = at
        p.paused_total = _ZERO
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
        cues = p.layout.cues
        last = len(cues) - 1
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
            first = p.layout.segment_first
            if action.segment is None or action.segment not in first:
                raise Rejected(Reason.NO_SEGMENT, segment=action.segment)
            self._enter(p, first[action.segment], at)
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
            total = p.adjustments.get(p.current, _ZERO) + timedelta(seconds=action.seconds)
            if total > timedelta(seconds=MAX_GRANT_S):
                raise Rejected(Reason.GRANT_TOO_BIG)
            if cues[p.current].length + total <= _ZERO:
                raise Rejected(Reason.TAKES_WHOLE_LENGTH)
            p.adjustments[p.current] = total
        else:  # pragma: no cover - every kind is handled above
            raise AssertionError(f"unknown action {kind}")

    # ── amendments ────────────────────────────────────────────────────────
    def _amend(self, action: Action, p: Progress) -> None:
        from runshow.live.amendments import amend_progress  # the fold's one rare, heavier step

        if action.amend is None:
            raise Rejected(Reason.AMEND_MISSING)
        if p.mode is Mode.FOLLOW:
            settle(p, action.at)  # what the plan's clock already did is history, not future
        amend_progress(p, action.amend, action.at)
