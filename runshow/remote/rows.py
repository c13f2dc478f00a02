"""The LAN views' long lists (the rundown, every room's rundown): built once, then only what changed.

A 1,000-segment rundown is 1,400 rows; building them all for every published
state cost the GUI thread 85 ms a second. Here a list is kept between states:

- **Revisions and deltas.** Each distinct content of a list is a :class:`RowList`
  with a revision number unique in the process. A list that changed carries
  the revision it was made from (``base``) and the rows that differ, by index;
  the server sends a page that holds ``base`` only those rows, a page that holds
  the same revision nothing, and any other page the whole list
  (``runshow/remote/server.py``).
- **Rows that move with time are not re-sent with time.** Between two actions
  the rundown's words and most of its times stand still; what moves is the
  projection of what has not happened yet (``≈HH:MM``, the row's Δ), and it
  moves exactly as the engine's chain does. Such a cell is sent as its
  arithmetic, ``[s, floor, now]`` in integer microseconds: its instant is
  ``max(chain − s, floor, at if now)``, where ``chain`` is the unclamped
  projected end of the show (``timing.chain_us`` of the payload, moving with the
  drift as ``drift_ms`` does) and ``at`` is show time. That is
  :meth:`runshow.live.state.ShowState.timing` rewritten: a later cue starts
  ``suffix[i]`` (the planned length from it to the end) before the chain's end,
  and a real gap before cue ``g`` floors every cue after it at ``planned_start[g]
  + suffix[g] − suffix[i]``; the speakers still to come in an untimed segment
  never start before now. The page spells these cells (``static/views.js``),
  and :func:`at_instant` spells them here, for tests and for :func:`rundown`'s
  callers, the same way.

So a tick that only moves time changes no row at all; an action changes the
rows whose actual times, grants or phase it touched (found from the two
progress records, as ``runshow/ui/rundown_model.py`` finds them), the row of
the cue on now, and, when the projection's origin passes a real gap, the rows
after it. An amendment rebuilds the list (the plan itself changed) and sends
the rows that differ when it keeps its length.

The rows' content comes from :mod:`runshow.present.rundown` (the same rows the
versioned state JSON and the reports use); only their wording lives here.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from runshow.live.actions import Mode
from runshow.live.show import Layout, Status
from runshow.live.state import ShowState, ceil_seconds
from runshow.plan.model import Plan
from runshow.present.rundown import RowPhase, RundownRow, segment_cues, segment_row
from runshow.present.timefmt import day_prefix, projected_delta, projected_minutes
from runshow.present.timefmt import delta as delta_to_the_second
from runshow.remote.words import Translator

Row = dict[str, Any]
Cell = tuple[int, int | None, bool]  # [s, floor, now] of a moving cell (µs)

MINUS = "\u2212"
NOTE = re.compile(r"\s*\([^)]*\)\s*$")  # "(경상북도)" after an affiliation: the stage leaves it out
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
_REVISIONS = itertools.count(1)


def next_revision() -> int:
    """A revision number no other list of this process has had."""
    return next(_REVISIONS)


# ── wording, as the windows spell it ──────────────────────────────────────
def hm(instant: datetime, zone: tzinfo) -> str:
    local = instant.astimezone(zone)  # strftime("%H:%M"), a fifth of its cost: a list builds thousands
    return f"{local.hour:02d}:{local.minute:02d}"


def hms_at(instant: datetime, zone: tzinfo) -> str:
    local = instant.astimezone(zone)
    return f"{local.hour:02d}:{local.minute:02d}:{local.second:02d}"


def signed_minutes(seconds: int) -> str:
    return delta_to_the_second(seconds)


def length_text(length: timedelta) -> str:
    minutes, secs = divmod(ceil_seconds(length), 60)
    return f"{minutes}′" if secs == 0 else f"{minutes}′{secs:02d}″"


def us(instant: datetime) -> int:
    """An instant as whole µs since the epoch (exact: integer arithmetic from here)."""
    return (instant - _EPOCH) // _MICRO


def from_us(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


def _ceil_s(micro: int) -> int:
    return -((-micro) // 1_000_000)


# ── one list, one revision ────────────────────────────────────────────────
@dataclass(frozen=True, slots=True)
class RowList:
    """A list's rows at one revision, and what changed since ``base`` (never changed once made)."""

    rev: int
    rows: tuple[Row, ...]
    base: int | None = None  # the revision ``changed`` turns into this one (None: send the whole list)
    changed: tuple[tuple[int, Row], ...] = ()

    def delta(self) -> dict[str, Any]:
        return {"base": self.base, "set": [[i, row] for i, row in self.changed]}

    def after(self, rows: Sequence[Row]) -> RowList:
        """The list that ``rows`` make of this one: itself if nothing differs, else a new revision."""
        if len(rows) != len(self.rows):
            return RowList(next_revision(), tuple(rows))
        changed = tuple((i, new) for i, (old, new) in enumerate(zip(self.rows, rows, strict=True)) if old != new)
        if not changed:
            return self
        return RowList(next_revision(), tuple(rows), self.rev, changed)

    def with_rows(self, updates: Mapping[int, Row]) -> RowList:
        """This list with the rows ``updates`` names replaced (those equal to the old ones ignored)."""
        changed = tuple((i, row) for i, row in sorted(updates.items()) if self.rows[i] != row)
        if not changed:
            return self
        rows = list(self.rows)
        for i, row in changed:
            rows[i] = row
        return RowList(next_revision(), tuple(rows), self.rev, changed)


def apply_delta(rows: Sequence[Row], delta: Mapping[str, Any]) -> list[Row]:
    """What a page does with a delta (``static/views.js``): set the rows it names, by index."""
    out = list(rows)
    for i, row in delta["set"]:
        out[i] = row
    return out


# ── the moving cells ──────────────────────────────────────────────────────
@dataclass(frozen=True)
class _Facts:
    """What a layout fixes for the rundown: each segment's cues, the chain's sums, the gaps."""

    layout: Layout
    segment_cues: list[list[int]]
    suffix: list[int]  # µs: planned length from cue i to the end (suffix[n] = 0)
    gaps: list[int]  # cues with a real gap before them, in order
    floors: list[int]  # planned_start[g] + suffix[g] for each gap g (µs)
    table: list[list[int]]  # sparse table over ``floors`` for the range maximum
    parts: set[int]  # segment rows that name their part

    @classmethod
    def of(cls, state: ShowState) -> _Facts:
        layout = state._progress.layout
        cues = layout.cues
        suffix = [t // _MICRO for t in layout.suffix]
        gaps = [c.index for c in cues if c.gap_before > timedelta(0)]
        floors = [us(cues[g].planned_start) + suffix[g] for g in gaps]
        table = [floors]
        width = 1
        while 2 * width <= len(floors):
            prev = table[-1]
            table.append([max(prev[i], prev[i + width]) for i in range(len(floors) - 2 * width + 1)])
            width *= 2
        seen: set[str] = set()
        parts: set[int] = set()
        for si, seg in enumerate(layout.plan.segments):
            if seg.part_id not in seen:
                seen.add(seg.part_id)
                parts.add(si)
        return cls(layout, segment_cues(state), suffix, gaps, floors, table, parts)

    def gap_floor(self, first: int, last: int) -> int | None:
        """The highest ``planned_start[g] + suffix[g]`` over the gaps ``first ≤ g ≤ last`` (None: none)."""
        lo = bisect.bisect_left(self.gaps, first)
        hi = bisect.bisect_right(self.gaps, last)
        if lo >= hi:
            return None
        k = (hi - lo).bit_length() - 1
        row = self.table[k]
        return max(row[lo], row[hi - (1 << k)])


@dataclass(frozen=True)
class _Chain:
    """Where the state's projection chains from: cue ``first`` on, from ``chain`` (µs; None: no chain)."""

    chain: int | None
    first: int  # the first cue chained from the chain's base (len(cues) when none)
    current: int | None

    @classmethod
    def of(cls, state: ShowState, facts: _Facts) -> _Chain:
        n = len(facts.suffix) - 1
        current = state.cue.index if state.cue else None
        if state.status is Status.PRE_SHOW and state._cue_start is not None:
            return cls(us(state._cue_start) + facts.suffix[0], 0, current)
        if current is not None and state._unit_end is not None:
            return cls(us(state._unit_end) + facts.suffix[state._unit_next], state._unit_next, current)
        return cls(None, n, current)


def chain_us(state: ShowState) -> int | None:
    """The unclamped projected end of the show (µs), from which every moving cell counts back."""
    suffix = state._progress.layout.suffix
    if state.status is Status.PRE_SHOW and state._cue_start is not None:
        return us(state._cue_start) + suffix[0] // _MICRO
    if state.cue is not None and state._unit_end is not None:
        return us(state._unit_end) + suffix[state._unit_next] // _MICRO
    return None


def _cell(facts: _Facts, ch: _Chain, i: int, end: bool) -> Cell | None:
    """Cue ``i``'s start (or end) as a moving cell, or None when it stands still until an action.

    The branches are :meth:`ShowState.timing`'s, in its order.
    """
    if ch.chain is None:
        return None
    cues = facts.layout.cues
    s = facts.suffix[i + 1] if end else facts.suffix[i]
    if ch.current is not None and i == ch.current:
        if not end:
            return None  # the cue on now started (or starts) at a fixed instant
        cue = cues[i]
        if cue.untimed and i < cue.seg_last:
            return (s, None, True)
        return (facts.suffix[ch.first], None, False)  # it ends where the chain's base is
    if ch.current is not None and ch.current < i < ch.first:
        return (s, None, True)  # a speaker still to come in the untimed segment on now
    if i >= ch.first:
        floor = facts.gap_floor(ch.first, i)
        return (s, None if floor is None else floor - s, False)
    return None


def cell_us(cell: Sequence[Any], chain: int, at: int) -> int:
    """A moving cell's instant (µs) for the chain's end ``chain`` at show time ``at``."""
    value = chain - int(cell[0])
    if cell[1] is not None and cell[1] > value:
        value = int(cell[1])
    if cell[2] and at > value:
        value = at
    return value


# ── the one-room rundown ──────────────────────────────────────────────────
def _cells(row: RundownRow, zone: tzinfo, speaker: bool, ls: Cell | None = None, le: Cell | None = None) -> Row:
    """A row's cells, spelled; a moving start (``ls``) or end (``le``) as its arithmetic instead."""
    if ls is not None or row.projected_start is None:
        start = ""
    elif row.actual_start is None:
        start = "≈" + hm(row.projected_start, zone)
    else:
        start = hms_at(row.projected_start, zone)
    if le is not None or row.projected_end is None:
        end = ""
    elif row.actual_end is None:
        end = "≈" + hm(row.projected_end, zone)
    else:
        end = hms_at(row.projected_end, zone)
    delta_s = None if le is not None else row.delta_s
    delta = "" if delta_s is None else signed_minutes(delta_s)
    projected = row.projected_end is not None and row.actual_end is None
    if delta_s is not None and projected and row.phase is not RowPhase.CURRENT:
        assert row.projected_end is not None
        # a projection, to the minute of its ≈ end (the cue on now alone counts by the second)
        minutes = projected_minutes(us(row.projected_end), us(row.planned_end))
        delta, delta_s = projected_delta(minutes), minutes * 60
    out: Row = {
        "title": row.title,
        "owner": NOTE.sub("", row.owner) if speaker else row.owner,
        "planned_start": hm(row.planned_start, zone),
        "planned_end": hm(row.planned_end, zone),
        "start": start,
        "end": end,
        "length": length_text(row.length),
        "delta": delta,
        "delta_s": delta_s,
        "phase": row.phase.value,
    }
    if ls is not None:
        out["ls"] = list(ls)
    if le is not None:
        out["le"] = list(le)
        out["pe"] = us(row.planned_end)
    return out


def web_row(row: RundownRow, zone: tzinfo, part: str) -> Row:
    """A segment's :class:`RundownRow` as the page shows it, every cell spelled (the state at one instant)."""
    out = _cells(row, zone, False)
    out["part"] = part
    out["speakers"] = [_cells(kid, zone, True) for kid in row.speakers]
    return out


def _live_cells(row: RundownRow, facts: _Facts, ch: _Chain, zone: tzinfo, speaker: bool) -> Row:
    """:func:`_cells`, with the cells that move with time given as their arithmetic (see the module doc)."""
    ls = _cell(facts, ch, row.cue_first, False) if row.actual_start is None else None
    le = _cell(facts, ch, row.cue_last, True) if row.actual_end is None else None
    return _cells(row, zone, speaker, ls, le)


def live_row(row: RundownRow, facts: _Facts, ch: _Chain, zone: tzinfo, part: str) -> Row:
    out = _live_cells(row, facts, ch, zone, False)
    out["part"] = part
    out["speakers"] = [_live_cells(kid, facts, ch, zone, True) for kid in row.speakers]
    return out


def at_instant(row: Mapping[str, Any], chain: int | None, at: int, zone: tzinfo) -> Row:
    """A row with its moving cells spelled for the chain's end ``chain`` at show time ``at`` (µs).

    What ``static/views.js`` shows; a fresh :func:`rundown` row equals it at the state's instant.
    """
    out = {k: v for k, v in row.items() if k not in ("ls", "le", "pe")}
    ls, le = row.get("ls"), row.get("le")
    if chain is not None and ls is not None:
        out["start"] = "≈" + hm(from_us(cell_us(ls, chain, at)), zone)
    if chain is not None and le is not None:
        end = cell_us(le, chain, at)
        out["end"] = "≈" + hm(from_us(end), zone)
        if row.get("phase") == RowPhase.CURRENT.value:  # the cue on now: to the second
            delta_s = _ceil_s(end - int(row["pe"]))
            out["delta"] = signed_minutes(delta_s)
        else:  # a projection: to the minute of its ≈ end
            minutes = projected_minutes(end, int(row["pe"]))
            delta_s = minutes * 60
            out["delta"] = projected_delta(minutes)
        out["delta_s"] = delta_s
    if "speakers" in row:
        out["speakers"] = [at_instant(kid, chain, at, zone) for kid in row["speakers"]]
    return out


def rundown_rows(state: ShowState) -> list[Row]:
    """Every row of the state's rundown, every cell spelled: built fresh (O(segments))."""
    plan = state.plan
    zone = plan.event.timezone
    seen: set[str] = set()
    rows = []
    for si, ids in enumerate(segment_cues(state)):
        seg = plan.segments[si]
        part = ""
        if seg.part_id not in seen:
            seen.add(seg.part_id)
            part = plan.part_of(seg).title
        rows.append(web_row(segment_row(state, plan, si, ids), zone, part))
    return rows


def _touched(old: ShowState, new: ShowState) -> set[int]:
    """Cues whose actual times or grants differ between two states of one layout."""
    p0, p1 = old._settled, new._settled
    touched: set[int] = set()
    if p0 is p1:
        return touched
    for a, b in ((p0.actual_start, p1.actual_start), (p0.actual_end, p1.actual_end), (p0.adjustments, p1.adjustments)):
        if a is not b:
            touched.update(k for k, _ in a.items() ^ b.items())
    return touched


class RundownFeed:
    """The one-room rundown as a :class:`RowList`, kept from state to state (GUI thread; one per session).

    Its rows name no translated word (titles, owners and times only), so both
    languages share them.
    """

    def __init__(self) -> None:
        self._facts: _Facts | None = None
        self._state: ShowState | None = None
        self._chain: _Chain | None = None
        self.list: RowList = RowList(next_revision(), ())

    def update(self, state: ShowState) -> RowList:
        facts = self._facts
        old = self._state
        if facts is None or old is None or facts.layout is not state._progress.layout:
            facts = _Facts.of(state)
            self._facts = facts
            self._set(state, facts, self.list.after(self._build(state, facts, range(len(facts.segment_cues)))))
            return self.list
        ch = _Chain.of(state, facts)
        segments = self._affected(old, state, facts, ch)
        built = self._build(state, facts, segments, ch)
        self._set(state, facts, self.list.with_rows(dict(zip(segments, built, strict=True))), ch)
        return self.list

    def _set(self, state: ShowState, facts: _Facts, rows: RowList, ch: _Chain | None = None) -> None:
        self._state = state
        self._chain = ch or _Chain.of(state, facts)
        self.list = rows

    def _affected(self, old: ShowState, new: ShowState, facts: _Facts, ch: _Chain) -> list[int]:
        """The segment rows ``new`` can show differently from ``old`` (a superset; equal rows are dropped)."""
        everything = len(facts.segment_cues)
        before = self._chain
        assert before is not None
        cues = facts.layout.cues
        if (before.chain is None) != (ch.chain is None) or (
            Status.ENDED in (old.status, new.status) and old.status is not new.status
        ):
            return list(range(everything))  # the show ended (or came back): every moving cell stops
        moved = old._progress is not new._progress or before.current != ch.current
        touched = _touched(old, new) if moved else set()
        if old.mode is not new.mode:
            touched.update(facts.gaps)  # following the plan, a start recorded ahead of now is not shown
        marks = [c for c in (before.current, ch.current) if c is not None]
        if before.current != ch.current or before.first != ch.first:
            marks += [min(before.first, len(cues) - 1), min(ch.first, len(cues) - 1)]
            touched.update(range(min(marks), max(marks) + 1))
        elif moved or old.status is not new.status or old.in_gap != new.in_gap or new.mode is Mode.FOLLOW:
            # the row of the cue on now: its start shows once a wait in a gap is over, and
            # following the plan its length is the plan's; by hand, only time moved, nothing did
            touched.update(marks)
        if new.mode is Mode.FOLLOW and facts.gaps:
            # following the plan across a gap, a cue's recorded start can lie ahead of now: it is
            # shown once now passes it (ShowState.timing), an action or not
            lo_at, hi_at = sorted((old.at, new.at))
            starts = new._settled.actual_start
            for g in facts.gaps:
                a = starts.get(g)
                if a is not None and (lo_at < a <= hi_at or lo_at < cues[g].planned_start <= hi_at):
                    touched.add(g)  # (a start in the gap before it counts from its planned start)
        segments = {cues[i].segment_index for i in touched if 0 <= i < len(cues)}
        lo, hi = sorted((before.first, ch.first))
        if lo != hi and facts.gap_floor(lo, hi - 1) is not None:
            # the projection's origin passed a real gap: the floors of every row after it change
            segments.update(range(cues[min(lo, len(cues) - 1)].segment_index, everything))
        return sorted(segments)

    def _build(self, state: ShowState, facts: _Facts, segments: Iterable[int], ch: _Chain | None = None) -> list[Row]:
        plan = facts.layout.plan
        zone = plan.event.timezone
        chain = ch or _Chain.of(state, facts)
        out = []
        for si in segments:
            seg = plan.segments[si]
            part = plan.part_of(seg).title if si in facts.parts else ""
            out.append(live_row(segment_row(state, plan, si, facts.segment_cues[si]), facts, chain, zone, part))
        return out


# ── every room's rundown ──────────────────────────────────────────────────
def _all_phase(ids: Sequence[int] | None, current: int | None, ended: bool) -> str:
    if ids is None:
        return "other"
    if current is not None and current in ids:
        return "current"
    if ended or (current is not None and ids[-1] < current):
        return "done"
    return "upcoming"


class AllRoomsFeed:
    """Every room's segments in planned order (``/rundown?rooms=all``), one list per language.

    The running room's track (its segments and the plenary ones) carries its phase from the
    show; another room's segments are ``other``. A time not on the event's first day carries
    its day (``D2 09:00``). Only a phase changes with the show, so an action re-words the
    rows between the old and the new cue on now. The languages differ only in the word for
    a plenary segment's room.
    """

    def __init__(self, translators: Mapping[str, Translator]) -> None:
        self._plenary = {lang: say("WebView", "All rooms") for lang, say in translators.items()}
        self._layout: Layout | None = None
        self._cues: dict[str, list[int]] = {}
        self._order: list[str] = []  # segment id of each row
        self._where: dict[str, int] = {}
        self._static: dict[str, list[Row]] = {}  # per language, without the phase
        self._phases: list[str] = []
        self._current: int | None = None
        self._ended = False
        self.lists: dict[str, RowList] = {lang: RowList(next_revision(), ()) for lang in translators}

    def update(self, state: ShowState) -> dict[str, RowList]:
        layout = state._progress.layout
        current = state.cue.index if state.cue else None
        ended = state.status is Status.ENDED
        if layout is not self._layout:
            self._layout = layout
            self._load(layout.plan, state)
            self._current, self._ended = current, ended
            self._phases = [_all_phase(self._cues.get(sid), current, ended) for sid in self._order]
            self.lists = {
                lang: self.lists[lang].after(
                    [{**row, "phase": ph} for row, ph in zip(self._static[lang], self._phases, strict=True)]
                )
                for lang in self.lists
            }
            return self.lists
        if current == self._current and ended == self._ended:
            return self.lists
        if ended != self._ended:
            rows: Iterable[int] = range(len(self._order))
        else:
            cues = layout.cues
            marks = [c for c in (self._current, current) if c is not None]
            ids = {cues[i].segment.id for i in range(min(marks), max(marks) + 1)}
            rows = sorted(self._where[sid] for sid in ids if sid in self._where)
        self._current, self._ended = current, ended
        changed: list[int] = []
        for r in rows:
            phase = _all_phase(self._cues.get(self._order[r]), current, ended)
            if phase != self._phases[r]:
                self._phases[r] = phase
                changed.append(r)
        self.lists = {
            lang: lst.with_rows({r: {**self._static[lang][r], "phase": self._phases[r]} for r in changed})
            for lang, lst in self.lists.items()
        }
        return self.lists

    def _load(self, plan: Plan, state: ShowState) -> None:
        zone = plan.event.timezone
        day1 = plan.event.date
        self._cues = {}
        for cue in state._progress.layout.cues:
            self._cues.setdefault(cue.segment.id, []).append(cue.index)
        everything = plan.all_segments or plan.segments
        order = {room: i for i, room in enumerate(plan.rooms)}
        segments = sorted(everything, key=lambda s: (s.start, order.get(s.room, -1)))
        self._order = [seg.id for seg in segments]
        self._where = {sid: i for i, sid in enumerate(self._order)}
        neutral = [
            {
                "id": seg.id,
                "room": seg.room,
                "plenary": not seg.room,
                "planned_start": day_prefix(seg.start, zone, day1) + hm(seg.start, zone),
                "planned_end": day_prefix(seg.end, zone, day1) + hm(seg.end, zone),
                "title": seg.title,
                "owner": seg.owner if seg.owner.strip() not in ("", "-") else "",
            }
            for seg in segments
        ]
        self._static = {
            lang: [row if row["room"] else {**row, "room": word} for row in neutral]
            for lang, word in self._plenary.items()
        }


def fresh_all_rooms(state: ShowState, say: Translator) -> list[Row]:
    """Every room's rows at ``state``, built from nothing (what :class:`AllRoomsFeed` keeps)."""
    return list(AllRoomsFeed({"": say}).update(state)[""].rows)
