"""The catch-up planner: what to trim so the show makes its hard stop.

Pure, like the fold: :func:`plan_catch_up` reads a :class:`Show` and ``now`` and
proposes which flexible segments to shorten (``Segment.min_length`` set), by how
much, when the projected end passes ``Event.hard_stop``. Rules (also in
``docs/engine.md``):

- only segments still to come, and the one on now; never one that has ended;
- never below a segment's ``min_length``; the one on now never below what it has
  already run (its cue on keeps at least the time it has left: a cue in overtime
  cannot be trimmed), and a speaker keeps at least a minute of a trimmed slot;
- lower ``trim_order`` first (unnumbered last); within one order the minutes are
  spread one at a time over its segments in rundown order, so the cut is shared;
- trims are whole minutes, and the proposal cuts the overrun rounded up to one;
- when even every trim cannot make the hard stop, ``feasible`` is false and the
  proposal is every trim there is, with the projected end after it (the miss).

:func:`catch_up_action` turns a proposal into one ``batch`` amendment, so one
click applies it and one undo reverts all of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from runshow.live import actions as act
from runshow.live.actions import Action, Amendment, AmendOp, Mode
from runshow.live.amendments import Where
from runshow.live.show import Show, Status, settle
from runshow.live.state import ceil_instant, ceil_seconds, state_at
from runshow.plan.model import Segment

MINUTE = timedelta(minutes=1)
_ZERO = timedelta(0)


@dataclass(frozen=True, slots=True)
class Trim:
    segment: str
    from_s: int  # planned length now
    to_s: int  # proposed length

    def to_json(self) -> dict[str, Any]:
        return {"segment": self.segment, "from_s": self.from_s, "to_s": self.to_s}


@dataclass(frozen=True, slots=True)
class CatchUp:
    at: datetime
    projected_end: datetime
    hard_stop: datetime | None
    over: timedelta  # projected end − hard stop (negative: time to spare)
    trims: tuple[Trim, ...]
    projected_end_after: datetime
    feasible: bool

    @property
    def over_s(self) -> int:
        return ceil_seconds(self.over)

    @property
    def needed(self) -> bool:
        """The projected end passes the hard stop."""
        return self.over > _ZERO

    def to_json(self) -> dict[str, Any]:
        def hms(t: datetime | None) -> str | None:
            return None if t is None else f"{ceil_instant(t):%H:%M:%S}"

        return {
            "at": f"{self.at:%H:%M:%S}",
            "projected_end": hms(self.projected_end),
            "hard_stop": hms(self.hard_stop),
            "over_s": self.over_s,
            "trims": [t.to_json() for t in self.trims],
            "projected_end_after": hms(self.projected_end_after),
            "feasible": self.feasible,
        }


def _room(show: Show, now: datetime) -> list[tuple[Segment, timedelta]]:
    """Every segment that may shrink, with how much it may lose (whole minutes), in rundown order."""
    p = show.progress
    if p.mode is Mode.FOLLOW:
        p = p.copy()
        settle(p, now)  # the cue the plan's clock has on now is the current one
    where = Where.of(p)
    state = state_at(show, now)
    out: list[tuple[Segment, timedelta]] = []
    for seg in show.plan.segments:
        if seg.min_length is None:
            continue
        room = seg.duration - seg.min_length
        if seg.id == where.current:
            cue = state.cue
            assert cue is not None and state.remaining is not None
            later = [sp for k, sp in enumerate(seg.speakers) if cue.speaker_index is not None and k > cue.speaker_index]
            if later:  # the cut goes to the speakers still to come, each keeping a minute
                room = min(room, sum((sp.duration - MINUTE for sp in later), _ZERO))
            else:  # the cue on absorbs it: never below what it has run
                room = min(room, max(state.remaining, _ZERO))
        elif seg.id in where.future:
            if seg.speakers:
                room = min(room, sum((sp.duration - MINUTE for sp in seg.speakers), _ZERO))
        else:
            continue  # ended, or entered before: never trimmed
        minutes = room // MINUTE
        if minutes > 0:
            out.append((seg, minutes * MINUTE))
    return out


def _order(seg: Segment) -> tuple[int, int]:
    return (0, seg.trim_order) if seg.trim_order is not None else (1, 0)


def _spread(need: int, room: Iterable[tuple[Segment, timedelta]]) -> dict[str, int]:
    """Minutes to take from each segment: lower trim_order first, a minute at a time within one order."""
    cut: dict[str, int] = {}
    groups: dict[tuple[int, int], list[tuple[Segment, int]]] = {}
    for seg, r in room:
        groups.setdefault(_order(seg), []).append((seg, r // MINUTE))
    for key in sorted(groups):
        members = groups[key]
        while need > 0:
            gave = False
            for seg, cap in members:
                if need > 0 and cut.get(seg.id, 0) < cap:
                    cut[seg.id] = cut.get(seg.id, 0) + 1
                    need -= 1
                    gave = True
            if not gave:
                break
        if need <= 0:
            break
    return cut


def plan_catch_up(show: Show, now: datetime) -> CatchUp:
    """The proposal at ``now``: empty when there is no hard stop or the show makes it."""
    state = state_at(show, now)
    hard_stop = show.plan.event.hard_stop
    projected = state.projected_end
    if hard_stop is None or state.status is Status.ENDED:
        return CatchUp(
            now, projected, hard_stop, _ZERO if hard_stop is None else projected - hard_stop, (), projected, True
        )
    over = projected - hard_stop
    if over <= _ZERO:
        return CatchUp(now, projected, hard_stop, over, (), projected, True)
    need = -((-over) // MINUTE)  # whole minutes, rounded up
    room = _room(show, now)
    cut = _spread(need, room)
    trims = tuple(
        Trim(seg.id, int(seg.duration.total_seconds()), int((seg.duration - cut[seg.id] * MINUTE).total_seconds()))
        for seg in show.plan.segments
        if cut.get(seg.id)
    )
    after = projected - sum(cut.values()) * MINUTE
    return CatchUp(now, projected, hard_stop, over, trims, after, after <= hard_stop)


def catch_up_action(proposal: CatchUp, at: datetime) -> Action | None:
    """The proposal as one ``batch`` amendment (one undo reverts it), or None when it trims nothing."""
    if not proposal.trims:
        return None
    items = tuple(Amendment(AmendOp.LENGTH, segment=t.segment, seconds=t.to_s) for t in proposal.trims)
    return act.amend(at, Amendment(AmendOp.BATCH, items=items))
