"""The rundown as a Qt tree model: segments as rows, speakers as their children.

The model holds no timing state of its own. Every cell is derived from the
:class:`ShowState` the controller emits, and only when a view asks for it: a
row's texts are formatted in :meth:`data` (cached until the row can change), so
a 1,000-segment rundown formats the thirty rows on screen, not a thousand.

What changes between two states is known without formatting anything:

- after an action (or a cue change in follow mode) anything may have moved:
  the cache is dropped and every row is signalled (the view repaints what it
  shows; the model is never reset, so selection and expansion stay);
- otherwise only the projection can move, and only when its base moves (the
  current cue's projected end in overtime or pause, the first start before a
  late show). Then an upcoming row's delta moves with the drift, and its
  ≈HH:MM cells only when they cross a minute: both are integer arithmetic per
  row, and only rows whose text changed are signalled. A tick on time, which
  is most ticks, signals nothing at all.

A segment with speakers (축사, 시·도별 혁신계획 발표) spans several cues; its
row summarises them (first start, last end) and each speaker row is one cue.
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from runshow.live.cues import Cue
from runshow.live.show import Status
from runshow.live.state import CueTiming, ShowState, ceil_seconds
from runshow.plan.model import Plan, Segment
from runshow.present.timefmt import clock as _hms
from runshow.present.timefmt import clock_hm as _hm
from runshow.present.timefmt import day_prefix, projected_delta, projected_minutes
from runshow.present.timefmt import delta as delta_to_the_second

AnyIndex = QModelIndex | QPersistentModelIndex


class _RoleSpan(Protocol):
    def __len__(self) -> int: ...
    def __getitem__(self, k: int) -> QModelRoleData: ...

_TOP = 0  # internalId of a segment row; a speaker row carries its segment row + 1

CURRENT_BACKGROUND = QColor("#ffe08a")  # the cue on now
CURRENT_SEGMENT_BACKGROUND = QColor("#fff4cc")  # its segment, when the cue is a speaker
DONE_FOREGROUND = QColor("#7a7a7a")  # cues that are over
PROJECTED_FOREGROUND = QColor("#5a6b8c")  # a projected (not yet actual) time

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def delta_colour(seconds: int) -> QColor:
    """Late is red (a minute or more) or amber; early is green (a minute or more) or blue."""
    if seconds >= 60:
        return QColor("#c62828")
    if seconds > 0:
        return QColor("#b26a00")
    if seconds <= -60:
        return QColor("#2e7d32")
    if seconds < 0:
        return QColor("#1565c0")
    return QColor("#333333")


def short_part(title: str) -> str:
    """The part's first word ("1부" of "1부 세션Ⅰ_산업단지 대개조 동향"): the full title is the tooltip."""
    return title.split(maxsplit=1)[0] if title.strip() else title


def signed_minutes(seconds: int) -> str:
    """``+2:00`` late, ``−1:30`` early, ``0:00`` on time (real minus sign, tabular width)."""
    return delta_to_the_second(seconds)


def _length(value: timedelta) -> str:
    total = ceil_seconds(value)
    minutes, secs = divmod(total, 60)
    return f"{minutes}′" if secs == 0 else f"{minutes}′{secs:02d}″"


_MICRO = timedelta(microseconds=1)
_MINUTE = 60_000_000  # µs
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _us(instant: datetime) -> int:
    """An instant as whole µs since the epoch: minutes and seconds compared as integers.

    Minute boundaries are the same in every zone the show can be in (offsets are whole
    minutes), so ``_us(t) // _MINUTE`` changes exactly when ``HH:MM`` does.
    """
    return (instant - _EPOCH) // _MICRO


def _own(key: tuple[object, ...]) -> tuple[object, ...]:
    return key[:1] + key[2:]


def row_place(index: AnyIndex) -> tuple[int, int]:
    """Where a cell's row stands in the rundown's order, top to bottom: ``(segment row, −1)`` for
    a segment's row, ``(segment row, speaker row)`` for a speaker's (under its segment's)."""
    iid = index.internalId()
    return (index.row(), -1) if iid == _TOP else (iid - 1, index.row())


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and out[-1][1] == r - 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


def _ceil_s(micro: int) -> int:
    return -((-micro) // 1_000_000)




class Column(enum.IntEnum):
    PART = 0
    TITLE = 1
    OWNER = 2
    PLANNED_START = 3
    PLANNED_END = 4
    ACTUAL_START = 5
    ACTUAL_END = 6
    LENGTH = 7
    DELTA = 8


COLUMNS = len(Column)  # (len() of an enum class is a Python call: index() asks it for every cell)


class Phase(enum.Enum):
    """Where a row stands against the current cue; drives its colours."""

    DONE = "done"
    CURRENT = "current"  # this row is the cue on now
    CONTAINS_CURRENT = "contains"  # a segment whose speaker is on now
    UPCOMING = "upcoming"


@dataclass(frozen=True, slots=True)
class _Row:
    """Everything one row shows, with each role's value made once (data() only looks up)."""

    texts: tuple[str, ...]
    phase: Phase
    delta_s: int | None
    projected: tuple[bool, bool]  # actual-start / actual-end cells show a projection
    background: QBrush | None
    foreground: tuple[QBrush | None, ...]
    fonts: tuple[QFont | None, ...]
    look: tuple[Phase, bool, bool, int | None]  # what the colours and fonts above depend on
    # per column, what a paint of the cell asks (role → value), made at its first paint
    painted: list[dict[int, object] | None] = field(default_factory=lambda: [None] * COLUMNS, compare=False)


_BRUSHES: dict[str, QBrush] = {}
_FONTS: dict[tuple[bool, bool], QFont] = {}


def _brush(colour: QColor) -> QBrush:
    name = colour.name()
    brush = _BRUSHES.get(name)
    if brush is None:
        brush = _BRUSHES[name] = QBrush(colour)
    return brush


def _font(bold: bool, italic: bool) -> QFont | None:
    if not (bold or italic):
        return None
    font = _FONTS.get((bold, italic))
    if font is None:
        font = QFont()  # only what is set here overrides the view's font (QFont.resolve)
        font.setBold(bold)
        font.setItalic(italic)
        _FONTS[(bold, italic)] = font
    return font


# The roles a change of state can touch. Naming them (and not SizeHintRole) spares the tree
# view from re-measuring the height of every changed row: rows keep their height.
_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ToolTipRole,
]
# What a delegate's paint asks of a cell (QStyledItemDelegate::initStyleOption); none depends on
# more than the row and the column.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class _ProjectionIndex:
    """Which cells show the projection, and their offsets from its base (for one epoch)."""

    epoch: int
    start_cues: list[int]  # cues whose start cell is projected (≈HH:MM)
    end_cues: list[int]  # cues whose end cell (and delta) is projected
    start_mod: list[int]  # sorted (offset mod a minute) of start_cues …
    start_by_mod: list[int]  # … and the cues in that order
    end_mod: list[int]
    end_by_mod: list[int]
    end_set: set[int] = field(default_factory=set)

    @classmethod
    def build(
        cls,
        epoch: int,
        state: ShowState,
        suffix: list[int],
        planned_end: list[int],
        segment_cues: list[list[int]],
        sorted_offsets: _SortedOffsets | None = None,
    ) -> _ProjectionIndex:
        """The index for ``state``; with ``sorted_offsets`` (made once per plan), without sorting.

        A next rebuilds it (the cue on now moved): at 1,000 segments the general build, an O(cues)
        pass and two sorts, was 1.8 ms of the action. When no cue after the one on now has an
        actual time (the usual case: nothing ran out of order), every later cue is projected, and
        the orders by offset modulo a minute are a rotation of orders sorted once per plan.
        """
        p = state._settled
        cur = state.cue.index if state.cue else None
        first = 0 if cur is None else cur + 1
        if (
            sorted_offsets is None
            or state.status is Status.ENDED
            or (p.actual_start and max(p.actual_start) >= first)
            or (p.actual_end and max(p.actual_end) >= first)
        ):
            return cls.build_general(epoch, state, suffix, planned_end, segment_cues)
        n = len(planned_end)
        base = suffix[first]
        c = base % _MINUTE
        current = cur is not None and cur not in p.actual_end
        start_mod, start_by_mod = sorted_offsets.rotated(sorted_offsets.start_keys, sorted_offsets.start_cues, c, first)
        end_mod, end_by_mod = sorted_offsets.rotated(sorted_offsets.end_keys, sorted_offsets.end_cues, c, first)
        ends = list(range(first, n))
        if current:
            assert cur is not None
            ends.insert(0, cur)
            end_mod.insert(0, 0)  # the cue on now ends at the base itself: offset 0, the lowest index
            end_by_mod.insert(0, cur)
        return cls(epoch, list(range(first, n)), ends, start_mod, start_by_mod, end_mod, end_by_mod, set(ends))

    @classmethod
    def build_general(
        cls, epoch: int, state: ShowState, suffix: list[int], planned_end: list[int], segment_cues: list[list[int]]
    ) -> _ProjectionIndex:
        """The index for any state (cues after the one on now may have run: a goto back)."""
        p = state._settled  # in follow mode, with the plan clock's cue changes recorded
        cur = state.cue.index if state.cue else None
        first = 0 if cur is None else cur + 1
        starts: list[tuple[int, int]] = []
        ends: list[tuple[int, int]] = []
        n = len(planned_end)
        if cur is not None and cur not in p.actual_end:
            ends.append((0, cur))  # the cue on now ends at the base itself
        for i in range(first, n):
            off_s = suffix[first] - suffix[i]
            off_e = suffix[first] - suffix[i + 1]
            if i not in p.actual_start:
                starts.append((off_s, i))
            if i not in p.actual_end:
                ends.append((off_e, i))
        if state.status is Status.ENDED:
            starts, ends = [], []
        by_start = sorted((off % _MINUTE, i) for off, i in starts)
        by_end = sorted((off % _MINUTE, i) for off, i in ends)
        return cls(
            epoch,
            [i for _, i in starts],
            [i for _, i in ends],
            [m for m, _ in by_start],
            [i for _, i in by_start],
            [m for m, _ in by_end],
            [i for _, i in by_end],
            {i for _, i in ends},
        )

    def crossing(self, old: int, moved: int) -> tuple[list[int], list[int]]:
        """Cues whose start / end (base + offset) crossed a minute as the base went old → old + moved.

        base + offset crosses a minute iff (old + r) mod M ≥ M − moved, r = offset mod M:
        r in [M − moved − a, M − a) modulo M, where a = old mod M.
        """
        a = old % _MINUTE
        lo = (_MINUTE - moved - a) % _MINUTE
        hi = (_MINUTE - a) % _MINUTE  # exclusive

        def pick(mods: list[int], cues: list[int]) -> list[int]:
            if lo < hi:
                return cues[bisect.bisect_left(mods, lo) : bisect.bisect_left(mods, hi)]
            return cues[bisect.bisect_left(mods, lo) :] + cues[: bisect.bisect_left(mods, hi)]

        return pick(self.start_mod, self.start_by_mod), pick(self.end_mod, self.end_by_mod)


@dataclass(frozen=True)
class _SortedOffsets:
    """Per plan: the cues in order of their offsets' remainders modulo a minute (see
    :meth:`_ProjectionIndex.build`), and the segments with speaker rows."""

    start_keys: list[int]  # (−suffix[i]) mod a minute, ascending …
    start_cues: list[int]  # … with the cues in that order (ties by cue)
    end_keys: list[int]  # (−suffix[i + 1]) mod a minute, ascending …
    end_cues: list[int]
    speaker_segments: list[int]  # segments with speaker rows, ascending

    @classmethod
    def of(cls, suffix: list[int], planned_end: list[int], speakers: list[int]) -> _SortedOffsets:
        n = len(planned_end)
        starts = sorted(((-suffix[i]) % _MINUTE, i) for i in range(n))
        ends = sorted(((-suffix[i + 1]) % _MINUTE, i) for i in range(n))
        return cls(
            [k for k, _ in starts],
            [i for _, i in starts],
            [k for k, _ in ends],
            [i for _, i in ends],
            [si for si, count in enumerate(speakers) if count],
        )

    @staticmethod
    def rotated(keys: list[int], cues: list[int], shift: int, first: int) -> tuple[list[int], list[int]]:
        """(key + shift) mod a minute in ascending order, and its cues, for cues from ``first`` on."""
        j = bisect.bisect_left(keys, _MINUTE - shift)
        mods = [k + shift - _MINUTE for k in keys[j:]] + [k + shift for k in keys[:j]]
        order = cues[j:] + cues[:j]
        if first == 0:
            return mods, order
        kept = [(m, i) for m, i in zip(mods, order, strict=True) if i >= first]
        return [m for m, _ in kept], [i for _, i in kept]


class RundownModel(QAbstractItemModel):
    """Segments (top level) and speakers (children) of the controller's plan.

    Connect :meth:`update_state` to ``controller.stateChanged``; call
    :meth:`reset_plan` on ``controller.showReplaced``.
    """

    currentCueMoved = Signal(QModelIndex)  # the row of the cue now on (invalid when none)
    speakersAdded = Signal(list)  # segment rows an amendment gave speaker rows (new segments among them)

    def __init__(self, plan: Plan, state: ShowState | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._cues: tuple[Cue, ...] = ()
        self._segment_cues: list[list[int]] = []
        self._speakers: list[int] = []  # speaker rows per segment (0: none)
        self._first_part_row: set[int] = set()  # segment rows that name their part
        self._state: ShowState | None = None
        self._epoch: tuple[object, ...] = ()
        # (segment row, speaker row or −1) → (stamp, row): formatted on demand, kept while fresh
        self._cache: dict[tuple[int, int], tuple[tuple[int, int | None], _Row]] = {}
        self._epoch_n = 0  # counts epochs (actions), for the cache's stamps
        self._index: _ProjectionIndex | None = None
        self._sorted_offsets: _SortedOffsets | None = None
        self._index_key: tuple[object, ...] = ()
        self._index_layout: object = None
        self._first_cue = 0  # the first cue the projection reaches (the one on now)
        # Whether a segment's speaker rows are on screen (the view sets it): cells nobody
        # can see need no signal; they are formatted fresh when the row is opened.
        self.children_shown: Callable[[int], bool] = lambda _segment: True
        # The first and last segment rows on screen (the one view sets it), or None: every
        # row. With it set only rows on screen are signalled (see _signal).
        self.rows_shown: Callable[[], tuple[int, int]] | None = None
        # The one view's repaint of single time cells whose text the clock moved (it sets it),
        # or None: a dataChanged per cell. A ≈ time crosses a minute on every third row at
        # once at 1,000 segments: ~80 cells, and each dataChanged cost the view ~30 µs (a call
        # into Python, its rectangle found and queued); the view queues the rectangles itself.
        # Only cells that cannot be edited go this way (the times of a row, never its words).
        self.repaint_cells: Callable[[list[QModelIndex]], None] | None = None
        self._batch: list[QModelIndex] | None = None  # cells for repaint_cells while a state is taken
        self._shown_now: tuple[int, int] | None = None
        self._base_us: int | None = None  # where the projection chains from, µs since the epoch
        # per cue, as integer µs: planned end, planned length (fixed for a show)
        self._planned_end_us: list[int] = []
        self._suffix_us: list[int] = []
        self._current: int | None = None
        self._headers = [
            self.tr("Part"),
            self.tr("Title"),
            self.tr("Owner / presenter"),
            self.tr("Planned start"),
            self.tr("Planned end"),
            self.tr("Actual start"),
            self.tr("Actual end"),
            self.tr("Length"),
            self.tr("Delta"),
        ]
        if state is not None:
            self.reset_plan(state)

    # ── structure ─────────────────────────────────────────────────────────
    def reset_plan(self, state: ShowState) -> None:
        """A new show (reload, rehearsal in or out): the one place the model resets."""
        self.beginResetModel()
        self._install(state)
        self.endResetModel()
        self.currentCueMoved.emit(self.index_of_cue(self._current))

    def _restructure(self, state: ShowState) -> None:
        """An amendment changed the rows (a segment inserted, removed or moved, a speaker added
        or removed): a layout change, not a reset.

        Every index the views keep (the selection, the current row, the open segments) moves
        with its segment, or its speaker row; one that was removed becomes invalid. So the
        operator's view stays where it was scrolled, with the row they selected and the
        segments they closed, where a reset jumped to the top and forgot all three.
        """
        old = self._plan.segments
        was_on = self._on_now()
        old_with_speakers = {seg.id for si, seg in enumerate(old) if self._speakers[si]}
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        places: list[tuple[str, int, int] | None] = []  # (segment id, speaker row or −1, column)
        for index in kept:
            iid = index.internalId()
            si, k = (index.row(), -1) if iid == _TOP else (iid - 1, index.row())
            places.append((old[si].id, k, index.column()) if index.isValid() and si < len(old) else None)
        self._install(state)
        row_of = {seg.id: si for si, seg in enumerate(self._plan.segments)}
        moved: list[QModelIndex] = []
        for place in places:
            row = None if place is None else row_of.get(place[0])
            if place is None or row is None:
                moved.append(QModelIndex())
            elif place[1] < 0:
                moved.append(self.createIndex(row, place[2], _TOP))
            elif place[1] < self._speakers[row]:
                moved.append(self.createIndex(place[1], place[2], row + 1))
            else:
                moved.append(QModelIndex())
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()
        opened = [
            si for si, seg in enumerate(self._plan.segments) if self._speakers[si] and seg.id not in old_with_speakers
        ]
        if opened:
            self.speakersAdded.emit(opened)
        if self._on_now() != was_on:  # (the same cue on now keeps the view where the operator put it)
            self.currentCueMoved.emit(self.index_of_cue(self._current))

    def _on_now(self) -> tuple[str, int | None] | None:
        """The cue on now by what it is (its segment and speaker), not by its place."""
        if self._current is None:
            return None
        cue = self._cues[self._current]
        return cue.segment.id, cue.speaker_index

    def _install(self, state: ShowState) -> None:
        """Take the plan of ``state`` (as amended when it was taken) and ``state`` itself."""
        layout = state._progress.layout
        self._plan = layout.plan
        self._cues = layout.cues
        self._segment_cues = [[] for _ in self._plan.segments]
        for cue in self._cues:
            self._segment_cues[cue.segment_index].append(cue.index)
        self._speakers = [
            len(ids) if seg.speakers else 0 for seg, ids in zip(self._plan.segments, self._segment_cues, strict=False)
        ]
        seen: set[str] = set()
        self._first_part_row = set()
        for si, seg in enumerate(self._plan.segments):
            if seg.part_id not in seen:
                seen.add(seg.part_id)
                self._first_part_row.add(si)
        self._planned_end_us = [_us(c.planned_end) for c in self._cues]
        self._suffix_us = [t // _MICRO for t in layout.suffix]
        self._sorted_offsets = _SortedOffsets.of(self._suffix_us, self._planned_end_us, self._speakers)
        self._shown_now = None
        self._take(state)
        self._cache.clear()
        self._current = state.cue.index if state.cue else None

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self._speakers) else QModelIndex()
        if parent.internalId() != _TOP:
            return QModelIndex()  # speakers have no children
        seg = parent.row()
        if row >= self._speakers[seg]:
            return QModelIndex()
        return self.createIndex(row, column, seg + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._speakers)
        if parent.internalId() == _TOP and parent.column() == 0:
            return self._speakers[parent.row()]
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # (asked for every row at each layout of the tree: one constant, not an enum "or" each time)
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    # ── lookups the window uses ───────────────────────────────────────────
    def _row_of(self, index: AnyIndex) -> _Row | None:
        if not index.isValid() or self._state is None:
            return None
        iid = index.internalId()
        si, k = (index.row(), -1) if iid == _TOP else (iid - 1, index.row())
        ids = self._segment_cues[si]
        # A row the projection reaches (the cue on now, and later) is as fresh as the
        # projection's base; a row in the past only changes with an action.
        last_cue = ids[-1] if k < 0 else ids[k]
        stamp = (self._epoch_n, self._base_us) if last_cue >= self._first_cue else (self._epoch_n, None)
        hit = self._cache.get((si, k))
        if hit is not None and hit[0] == stamp:
            return hit[1]
        row = self._format(self._state, si, k)
        self._cache[(si, k)] = (stamp, row)
        return row

    def segments_with_speakers(self) -> list[int]:
        """The rows of the segments that have speaker rows, in order (indexed once per plan)."""
        return list(self._sorted_offsets.speaker_segments) if self._sorted_offsets is not None else []

    def segment_at(self, index: AnyIndex) -> Segment | None:
        """The segment a row belongs to (a speaker row belongs to its segment)."""
        if not index.isValid():
            return None
        seg = index.row() if index.internalId() == _TOP else index.internalId() - 1
        return self._plan.segments[seg]

    def cue_at(self, index: AnyIndex) -> Cue | None:
        """The cue of a row: a speaker's own cue, or a segment's first cue."""
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._cues[self._segment_cues[index.row()][0]]
        return self._cues[self._segment_cues[index.internalId() - 1][index.row()]]

    def index_of_cue(self, cue_index: int | None, column: int = 0) -> QModelIndex:
        """The row showing cue ``cue_index``: its speaker row, or its segment row."""
        if cue_index is None:
            return QModelIndex()
        cue = self._cues[cue_index]
        seg_index = self.index(cue.segment_index, column)
        if cue.speaker_index is None:
            return seg_index
        return self.index(cue.speaker_index, column, self.index(cue.segment_index, 0))

    @property
    def current_cue(self) -> int | None:
        return self._current

    # ── data ──────────────────────────────────────────────────────────────
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._row_of(index)
        if row is None:
            return None
        return self._value(row, index, index.column(), role)

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N803
        """Every role a cell is painted with, in one call (the view's delegate asks this way).

        Asked role by role, painting a cell was seven calls from C++ into Python, each finding
        the row again: after an adjust at 1,000 segments, ~1,900 calls to repaint the cells on
        screen. One call a cell, and the row found once.
        """
        row = self._row_of(index)
        col = index.column()
        # (PySide6's stubs lack the span's len() and [ ]; the binding has them)
        span = [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData) else cast(_RoleSpan, roleDataSpan)
        if row is None:
            for k in range(len(span)):
                span[k].clearData()
            return
        # the roles a paint asks, looked up (a full repaint at 1,000 segments asks ~340 cells);
        # any other role (a tooltip) as data() answers it
        painted = row.painted[col]
        if painted is None:
            painted = row.painted[col] = {  # (as _value answers each)
                _DISPLAY: row.texts[col],
                _DECORATION: None,
                _BACKGROUND: row.background,
                _FOREGROUND: row.foreground[col],
                _FONT: row.fonts[col],
                _ALIGNMENT: _RIGHT if col >= Column.PLANNED_START else None,
                _CHECK_STATE: None,
            }
        for k in range(len(span)):
            item = span[k]
            role = item.role()
            value = painted[role] if role in painted else self._value(row, index, col, role)
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def paint_key(self, index: AnyIndex) -> tuple[str, tuple[Phase, bool, bool, int | None], int] | None:
        """What a cell's paint depends on here: its text, its row's look, its column (the
        delegate paints a look it has painted before from its image, ``rundown_cells``)."""
        row = self._row_of(index)
        if row is None:
            return None
        col = index.column()
        return (row.texts[col], row.look, col)

    def _value(self, row: _Row, index: AnyIndex, col: int, role: int) -> object:
        """What ``data`` answers for ``role`` of the cell at ``col`` of ``row``."""
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[col]
        if role == Qt.ItemDataRole.BackgroundRole:
            return row.background
        if role == Qt.ItemDataRole.ForegroundRole:
            return row.foreground[col]
        if role == Qt.ItemDataRole.FontRole:
            return row.fonts[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col >= Column.PLANNED_START else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._is_projected(row, col):
                return self.tr("Projected from the current state")
            if col == Column.PART and row.texts[col]:
                segment = self.segment_at(index)
                return self._plan.part_of(segment).title if segment else None
            if col in (Column.TITLE, Column.OWNER) and row.texts[col]:
                return row.texts[col]  # the full text where the column elides it
        return None

    @staticmethod
    def _is_projected(row: _Row, col: int) -> bool:
        return (
            (col == Column.ACTUAL_START and row.projected[0])
            or (col == Column.ACTUAL_END and row.projected[1])
            or (col == Column.DELTA and row.projected[1] and row.phase is not Phase.CURRENT)
        )

    # ── following the show ────────────────────────────────────────────────
    def update_state(self, state: ShowState) -> None:
        """Take ``state``; signal exactly the cells whose text it changes (most ticks: none).

        The time cells it hands the view (:attr:`repaint_cells`) go in one list, so the view sees
        every cell of a column at once (and repaints several as one strip of it).
        """
        self._batch = [] if self.repaint_cells is not None else None
        try:
            self._update_state(state)
        finally:
            batch, self._batch = self._batch, None
            if batch and self.repaint_cells is not None:
                self.repaint_cells(batch)

    def _update_state(self, state: ShowState) -> None:
        if state._progress.layout.cues is not self._cues:
            if self._state is not None and state._show is self._state._show:
                self._restructure(state)  # an amendment of this show
            else:
                self.reset_plan(state)  # another show
            return
        old_epoch, old_base, old_state = self._epoch, self._base_us, self._state
        self._shown_now = None
        self._take(state)
        if self._epoch != old_epoch:
            self._cache.clear()  # every entry is stale by its stamp; free them
            self._signal_action(old_state, state)
        elif self._base_us != old_base and old_base is not None and self._base_us is not None:
            self._signal_projection(state, self._base_us - old_base)
        current = state.cue.index if state.cue else None
        if current != self._current:
            self._current = current
            self.currentCueMoved.emit(self.index_of_cue(current))

    def _signal_action(self, old: ShowState | None, new: ShowState) -> None:
        """After an action: signal the rows whose cells differ between ``old`` and ``new``.

        An action can change only (a) the actual times and grants it touched, (b) the
        phase of the cues between the old and the new current cue, and (c) the
        projection: every later cue's projected times shift together, by the change of
        the chain's anchor. (a) and (b) are found from the two progress records (dict
        differences, done in C) and compared exactly, cue by cue; (c) is the tick's
        bisection by the shift. So a late ``next`` on 1,000 segments costs the dozens of
        cells that cross a minute, not a thousand comparisons.
        """
        if old is None or old.mode is not new.mode or Status.ENDED in (old.status, new.status):
            self._signal_keys(old, new, None)  # rare: compare every cue
            return
        p0, p1 = old._settled, new._settled
        touched: set[int] = set()
        for a, b in ((p0.actual_start, p1.actual_start), (p0.actual_end, p1.actual_end)):
            touched.update(k for k, _ in a.items() ^ b.items())
        touched.update(k for k, _ in p0.adjustments.items() ^ p1.adjustments.items())
        c0 = old.cue.index if old.cue else -1
        c1 = new.cue.index if new.cue else -1
        if c0 != c1:
            touched.update(range(max(min(c0, c1), 0), max(c0, c1) + 1))
        if old.status is not new.status:  # pause/resume: the cue on now is drawn alike, but be exact
            touched.update(i for i in (c0, c1) if i >= 0)
        segments = sorted({self._cues[i].segment_index for i in touched})
        self._signal_keys(old, new, segments)
        a0, a1 = self._anchor(old), self._anchor(new)
        if a0 is not None and a1 is not None and a0 != a1:
            self._signal_projection(new, a1 - a0, skip=set(segments))

    def _anchor(self, state: ShowState) -> int | None:
        """µs such that an upcoming cue i is projected to start at anchor − suffix[i]."""
        if state.status is Status.PRE_SHOW and state._cue_start is not None:
            return _us(state._cue_start) + self._suffix_us[0]
        if state.cue is not None and state._current_end is not None:
            return _us(state._current_end) + self._suffix_us[state.cue.index + 1]
        return None

    def _signal_keys(self, old: ShowState | None, new: ShowState, segments: list[int] | None) -> None:
        """Compare the cells of ``segments`` (None: all) in both states and signal what differs."""
        rows = range(len(self._segment_cues)) if segments is None else segments
        cues = [i for si in rows for i in self._segment_cues[si]]
        keys = self._keys(new, cues)
        old_keys = self._keys(old, cues) if old is not None else {}
        run: list[int] = []
        for si in rows:
            ids = self._segment_cues[si]
            if old is None or self._segment_key(keys, si) != self._segment_key(old_keys, si):
                if run and run[-1] == si - 1:
                    run.append(si)
                else:
                    self._emit_rows(run, 0)
                    run = [si]
            if self._speakers[si] and self.children_shown(si):
                # a speaker row shows its own cue: the segment-on-now flag is not its business
                changed = [k for k, i in enumerate(ids) if old is None or _own(keys[i]) != _own(old_keys[i])]
                parent = self.index(si, 0)
                for k0, k1 in _runs(changed):
                    self._signal(parent, k0, k1, list(range(len(Column))))
        self._emit_rows(run, 0)

    def _take(self, state: ShowState) -> None:
        self._state = state
        show = state._show
        cue = state.cue.index if state.cue else None
        # Everything but the projection is a function of the actions so far (and, in follow
        # mode, of which cue the plan has on): this key changes exactly when they do.
        epoch = (id(show), len(show.actions), state.mode, state.status, cue)
        if epoch != self._epoch:
            self._epoch, self._epoch_n = epoch, self._epoch_n + 1
        self._first_cue = cue if cue is not None else (0 if state.status is Status.PRE_SHOW else len(self._cues))
        if state.status is Status.PRE_SHOW and state._cue_start is not None:
            self._base_us = _us(state._cue_start)
        elif state._current_end is not None:
            self._base_us = _us(state._current_end)
        else:
            self._base_us = None

    def _signal_projection(self, state: ShowState, moved: int, skip: set[int] | None = None) -> None:
        """The projection (of ``state``) moved by ``moved`` µs: signal the cells that show it.

        ``skip``: segment rows already compared exactly (after an action).

        Every cell that shows the projection is the base plus a fixed offset (fixed until the
        next action): a ≈HH:MM cell changes when base + offset crosses a minute, a delta when
        it crosses a second. Offsets are indexed once per action, by their remainder modulo a
        minute, so the cells that cross are found by bisection: a tick costs the cells it
        changes, not the rundown's length.
        """
        index = self._projection_index(state)
        new = self._base_us
        assert new is not None
        ordered = not -_MINUTE < moved < _MINUTE or moved == 0
        if ordered:
            # A jump of a minute or more: every projected cell moved (the lists are in cue order).
            starts, ends = index.start_cues, index.end_cues
        elif moved > 0:
            starts, ends = index.crossing(new - moved, moved)
        else:  # the projection moved back (an action gave time back): a minute in (new, old]
            starts, ends = index.crossing(new, -moved)
        # Only the cue on now spells its delta to the second; every other projected delta is to
        # the minute of its ≈ end, and moves with that cell (marked with it below).
        cur = state.cue.index if state.cue else None
        live_delta = cur is not None and cur in index.end_set
        if live_delta:
            assert cur is not None
            planned = self._planned_end_us[cur]
            live_delta = _ceil_s(new - planned) != _ceil_s(new - moved - planned)
        shown = self._shown()
        if shown is not None:
            # only rows on screen are signalled (see _signal): cut the cues to theirs first, so a
            # jump that moves every projected cell costs the screen's cells, not the rundown's
            first_cue, last_cue = self._segment_cues[shown[0]][0], self._segment_cues[shown[1]][-1]
            starts = _within(starts, first_cue, last_cue, ordered)
            ends = _within(ends, first_cue, last_cue, ordered)
        if skip:
            starts = [i for i in starts if self._cues[i].segment_index not in skip]
            ends = [i for i in ends if self._cues[i].segment_index not in skip]
        # rows (segment row, speaker row or −1) per column bit
        cells: dict[tuple[int, int], int] = {}
        for i in starts:
            self._mark(cells, i, 1, start=True)
        for i in ends:
            self._mark(cells, i, 2 | 4, start=False)  # the end, and the delta spelled from it
        if live_delta:
            assert cur is not None
            si = self._cues[cur].segment_index
            ids = self._segment_cues[si]
            if not skip or si not in skip:
                if self._speakers[si]:  # its speaker row (the segment's row shows the minute)
                    if self.children_shown(si):
                        k = cur - ids[0]
                        cells[(si, k)] = cells.get((si, k), 0) | 4
                else:  # the segment's own row is the cue on now (one cue, or no speakers)
                    cells[(si, -1)] = cells.get((si, -1), 0) | 4
        top: list[tuple[int, int]] = sorted((si, bits) for (si, k), bits in cells.items() if k < 0)
        run: list[int] = []
        for si, bits in top:
            if run and run[1] == si - 1:
                run[1], run[2] = si, run[2] | bits
            else:
                self._emit_run(QModelIndex(), run)
                run = [si, si, bits]
        self._emit_run(QModelIndex(), run)
        kids: dict[int, dict[int, int]] = {}
        for (si, k), bits in cells.items():
            if k >= 0:
                kids.setdefault(si, {})[k] = bits
        for si, marked in kids.items():
            parent = self.index(si, 0)
            for k0, k1 in _runs(sorted(marked)):  # consecutive speaker rows only
                union = 0
                for k in range(k0, k1 + 1):
                    union |= marked[k]
                self._emit_run(parent, [k0, k1, union])

    def _mark(self, cells: dict[tuple[int, int], int], i: int, bit: int, *, start: bool) -> None:
        """Cue ``i``'s cell moved: mark its speaker row, and its segment row where that shows it."""
        cue = self._cues[i]
        si = cue.segment_index
        ids = self._segment_cues[si]
        if i == (ids[0] if start else ids[-1]):
            cells[(si, -1)] = cells.get((si, -1), 0) | bit
        if self._speakers[si] and self.children_shown(si):
            k = i - ids[0]
            cells[(si, k)] = cells.get((si, k), 0) | bit

    def _projection_index(self, state: ShowState) -> _ProjectionIndex:
        if self._index is None or self._index.epoch != self._epoch_n:
            # What the index is made of: the layout (its offsets), the cue on now, which cues
            # have actual times, the end of the show. An adjust or a message changes none of
            # them, so the last index (an O(cues) build and two sorts) serves again.
            p = state._settled
            key = (state.cue.index if state.cue else None, state.status is Status.ENDED,
                   frozenset(p.actual_start), frozenset(p.actual_end))  # fmt: skip
            if self._index is not None and self._index_layout is p.layout and self._index_key == key:
                self._index.epoch = self._epoch_n
            else:
                self._index = _ProjectionIndex.build(
                    self._epoch_n,
                    state,
                    self._suffix_us,
                    self._planned_end_us,
                    self._segment_cues,
                    self._sorted_offsets,
                )
                self._index_layout, self._index_key = p.layout, key
        return self._index

    _RUN_COLUMNS = (Column.ACTUAL_START, Column.ACTUAL_END, Column.DELTA)

    def _emit_run(self, parent: QModelIndex, run: list[int]) -> None:
        """Signal rows ``run[0]..run[1]`` over the columns ``run[2]`` names (start, end, delta bits)."""
        if run:
            columns = [c for bit, c in enumerate(self._RUN_COLUMNS) if run[2] >> bit & 1]
            self._signal(parent, run[0], run[1], columns)

    def _emit_rows(self, rows: list[int], first_column: int = Column.ACTUAL_START) -> None:
        if rows:
            self._signal(QModelIndex(), rows[0], rows[-1], list(range(first_column, len(Column))))

    def _shown(self) -> tuple[int, int] | None:
        """The rows on screen, asked once per state (the view does not scroll meanwhile)."""
        if self.rows_shown is None:
            return None
        if self._shown_now is None:
            self._shown_now = self.rows_shown()
        return self._shown_now

    def _signal(self, parent: QModelIndex, first: int, last: int, columns: Sequence[int]) -> None:
        """dataChanged for rows ``first..last`` × ``columns``, cut to what the view shows.

        Measured with Qt 6.11: a tree view repaints its whole viewport for a range that
        reaches past the rows on screen, and a multi-row range as whole rows, while it
        repaints a single cell alone. So when the view has said which rows it shows
        (:attr:`rows_shown`), only those are signalled, cell by cell (or row by row for a
        whole row); rows off screen are not signalled at all: nobody sees them, and
        :meth:`data` formats them fresh (by their stamp) when they scroll in. Without a
        view (tests, a second listener) every changed row is signalled as a range.
        """
        shown = self._shown() if not parent.isValid() else None
        if shown is None and not parent.isValid():
            self.dataChanged.emit(self.index(first, columns[0]), self.index(last, columns[-1]), _ROLES)
            return
        lo, hi = shown if shown is not None else (first, last)
        whole_row = len(columns) > 3
        top, bottom = max(first, lo), min(last, hi)
        if whole_row:
            for row in range(top, bottom + 1):
                self.dataChanged.emit(self.index(row, columns[0], parent), self.index(row, columns[-1], parent), _ROLES)
            return
        repaint = self.repaint_cells
        cells: list[QModelIndex] = []
        for column in columns:
            for row in range(top, bottom + 1):
                cell = self.index(row, column, parent)
                if repaint is not None:
                    cells.append(cell)
                else:
                    self.dataChanged.emit(cell, cell, _ROLES)
        if cells and repaint is not None:
            if self._batch is not None:
                self._batch.extend(cells)  # handed over once, at the end of the state (update_state)
            else:
                repaint(cells)

    def _segment_key(self, keys: dict[int, tuple[object, ...]], si: int) -> tuple[object, ...]:
        """A segment row's key from its cues' keys: what its own cells show."""
        ids = self._segment_cues[si]
        first, last = keys[ids[0]], keys[ids[-1]]
        phase = "on" if first[1] else ("done" if last[0] == 0 else "upcoming")
        # The row is the cue on now itself (one cue, or no speaker rows): its delta to the second;
        # else a projected end's delta is to the minute, told by the end's key.
        itself = first[1] and (len(ids) == 1 or not self._speakers[si])
        e_key = last[3]
        projected = isinstance(e_key, tuple) and bool(e_key[0])
        delta = last[5] if itself or not projected else None
        return (phase, first[2], e_key, tuple(keys[i][4] for i in ids), delta)

    def _keys(self, state: ShowState, only: Iterable[int] | None = None) -> dict[int, tuple[object, ...]]:
        """Per cue (every cue, or ``only`` these), what its cells show, as numbers: equal keys
        mean equal texts and colours."""
        current = state.cue.index if state.cue else None
        ended = state.status is Status.ENDED
        # The segment on now is drawn as such on its every row (its background, its phase).
        current_seg = self._cues[current].segment_index if current is not None else None
        out: dict[int, tuple[object, ...]] = {}
        for i in range(len(self._cues)) if only is None else only:
            cue = self._cues[i]
            t = state.timing(i)
            if i == current:
                phase = 1
            elif ended or (current is not None and i < current):
                phase = 0
            else:
                phase = 2
            start = t.actual_start or t.projected_start
            end = t.actual_end or t.projected_end
            s_key = (
                None
                if start is None
                else (t.actual_start is None, _us(start) // (_MINUTE if t.actual_start is None else 1_000_000))
            )
            e_key = (
                None
                if end is None
                else (t.actual_end is None, _us(end) // (_MINUTE if t.actual_end is None else 1_000_000))
            )
            delta = t.delta
            out[i] = (
                phase,
                cue.segment_index == current_seg,
                s_key,
                e_key,
                t.length,
                # to the second where the row spells it so; a projection's, to the minute, is its
                # end's minute (e_key) against a fixed planned end
                None if delta is None or (phase != 1 and t.actual_end is None) else ceil_seconds(delta),
            )
        return out

    def _format(self, state: ShowState, si: int, k: int) -> _Row:
        """Row ``si`` (or its speaker ``k``) as ``state`` has it: the only place text is made."""
        zone = self._plan.event.timezone
        current = state.cue.index if state.cue else None
        ended = state.status is Status.ENDED
        cue_ids = self._segment_cues[si]
        if k >= 0:
            i = cue_ids[k]
            t = state.timing(i)
            speaker = t.cue.speaker
            assert speaker is not None
            if i == current:
                kphase = Phase.CURRENT
            elif ended or (current is not None and i < current):
                kphase = Phase.DONE
            else:
                kphase = Phase.UPCOMING
            return self._row("", speaker.name, speaker.affiliation, t, t, t.length, kphase, zone, self._plan.event.date)
        seg = self._plan.segments[si]
        first = state.timing(cue_ids[0])
        last = first if len(cue_ids) == 1 else state.timing(cue_ids[-1])
        part = short_part(self._plan.part_of(seg).title) if si in self._first_part_row else ""
        if current is not None and current in cue_ids:
            phase = Phase.CURRENT if len(cue_ids) == 1 or not seg.speakers else Phase.CONTAINS_CURRENT
        elif ended or (current is not None and cue_ids[-1] < current):
            phase = Phase.DONE
        else:
            phase = Phase.UPCOMING
        length = first.length if len(cue_ids) == 1 else sum((state.timing(i).length for i in cue_ids), timedelta(0))
        return self._row(part, seg.title, seg.owner, first, last, length, phase, zone, self._plan.event.date)

    @staticmethod
    def _row(
        part: str,
        title: str,
        owner: str,
        first: CueTiming,
        last: CueTiming,
        length: timedelta,
        phase: Phase,
        zone: tzinfo,
        day1: date | None = None,
    ) -> _Row:
        """One row's cells; an instant not on the event's first day carries its day (``D2 09:00``)."""

        def hm(instant: datetime) -> str:
            return _spelled(instant, zone, day1, False)

        def hms(instant: datetime) -> str:
            return _spelled(instant, zone, day1, True)

        start_proj = first.actual_start is None and first.projected_start is not None
        end_proj = last.actual_end is None and last.projected_end is not None
        start = first.actual_start or first.projected_start
        end = last.actual_end or last.projected_end
        delta = last.delta
        delta_s = None if delta is None else ceil_seconds(delta)
        if delta_s is None or end is None:
            delta_text, shown_s = "", None
        elif end_proj and phase is not Phase.CURRENT:
            # a projection, to the minute like the ≈HH:MM beside it (the cue on now alone
            # counts by the second): moves when that end cell does, not every second over time
            minutes = projected_minutes(_us(end), _us(last.cue.planned_end))
            delta_text, shown_s = projected_delta(minutes), minutes * 60
        else:
            delta_text, shown_s = signed_minutes(delta_s), delta_s
        texts = (
            part,
            title,
            owner,
            hm(first.cue.planned_start),
            hm(last.cue.planned_end),
            ("≈" + hm(start) if start_proj else hms(start)) if start else "",
            ("≈" + hm(end) if end_proj else hms(end)) if end else "",
            _length(length),
            delta_text,
        )
        look = (phase, start_proj, end_proj, _delta_band(shown_s))
        background, foreground, fonts = _styles_of(*look, shown_s)
        return _Row(texts, phase, delta_s, (start_proj, end_proj), background, foreground, fonts, look)


@functools.lru_cache(maxsize=4096)
def _spelled(instant: datetime, zone: tzinfo, day1: date | None, seconds: bool) -> str:
    """An instant as a cell spells it (``13:30``, ``13:30:05``, ``D2 09:00``), remembered: the
    planned times of the rows on screen are spelled again each time a row's projection moves."""
    return day_prefix(instant, zone, day1) + (_hms(instant, zone) if seconds else _hm(instant, zone))


def _delta_band(delta_s: int | None) -> int | None:
    """What a delta's colour and weight depend on: late a minute or more, late, on time, early, …"""
    if delta_s is None:
        return None
    return 2 if delta_s >= 60 else 1 if delta_s > 0 else -2 if delta_s <= -60 else -1 if delta_s < 0 else 0


def _styles_of(
    phase: Phase, start_proj: bool, end_proj: bool, band: int | None, delta_s: int | None
) -> tuple[QBrush | None, tuple[QBrush | None, ...], tuple[QFont | None, ...]]:
    key = (phase, start_proj, end_proj, band)
    hit = _STYLES.get(key)
    if hit is not None:
        return hit
    background = (
        _brush(CURRENT_BACKGROUND)
        if phase is Phase.CURRENT
        else _brush(CURRENT_SEGMENT_BACKGROUND)
        if phase is Phase.CONTAINS_CURRENT
        else None
    )
    foreground: list[QBrush | None] = []
    fonts: list[QFont | None] = []
    for col in Column:
        projected = (
            (col == Column.ACTUAL_START and start_proj)
            or (col == Column.ACTUAL_END and end_proj)
            or (col == Column.DELTA and end_proj and phase is not Phase.CURRENT)  # ≈+2′, to the minute
        )
        if col == Column.DELTA and delta_s is not None:
            foreground.append(_brush(delta_colour(delta_s)))
        elif projected:
            foreground.append(_brush(PROJECTED_FOREGROUND))
        elif phase is Phase.DONE:
            foreground.append(_brush(DONE_FOREGROUND))
        else:
            foreground.append(None)
        bold = phase is Phase.CURRENT or bool(col == Column.DELTA and delta_s and not projected)
        fonts.append(_font(bold, projected))
    made = _STYLES[key] = (background, tuple(foreground), tuple(fonts))
    return made


# A row's background, and each cell's colour and font, by what they depend on (a few dozen kinds).
_STYLES: dict[
    tuple[Phase, bool, bool, int | None], tuple[QBrush | None, tuple[QBrush | None, ...], tuple[QFont | None, ...]]
] = {}


def _within(cues: list[int], first: int, last: int, ordered: bool) -> list[int]:
    """The cues of ``cues`` from ``first`` to ``last``: by bisection when ``cues`` is in order
    (every projected cell, after a jump), else by a pass (the few that crossed a minute)."""
    if ordered:
        return cues[bisect.bisect_left(cues, first) : bisect.bisect_right(cues, last)]
    return [i for i in cues if first <= i <= last]
