"""The rundown as a Qt tree model: segments as rows, speakers as their children.

The model holds no timing state of its own. Every cell is derived from the
:class:`ShowState` the controller emits; on each state the model recomputes the
cells (a few dozen strings) and emits ``dataChanged`` only for the rows whose
cells differ, so a tick that changes nothing on the rundown repaints nothing,
and the view keeps its selection and expansion (no model reset per tick).

A segment with speakers (축사, 시·도별 혁신계획 발표) spans several cues; its
row summarises them (first start, last end) and each speaker row is one cue.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
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

AnyIndex = QModelIndex | QPersistentModelIndex

_TOP = 0  # internalId of a segment row; a speaker row carries its segment row + 1

CURRENT_BACKGROUND = QColor("#ffe08a")  # the cue on now
CURRENT_SEGMENT_BACKGROUND = QColor("#fff4cc")  # its segment, when the cue is a speaker
DONE_FOREGROUND = QColor("#7a7a7a")  # cues that are over
PROJECTED_FOREGROUND = QColor("#5a6b8c")  # a projected (not yet actual) time


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
    sign = "+" if seconds > 0 else ("\u2212" if seconds < 0 else "")
    minutes, secs = divmod(abs(seconds), 60)
    return f"{sign}{minutes}:{secs:02d}"


def _length(value: timedelta) -> str:
    total = ceil_seconds(value)
    minutes, secs = divmod(total, 60)
    return f"{minutes}′" if secs == 0 else f"{minutes}′{secs:02d}″"


def _hm(instant: datetime, zone: tzinfo) -> str:
    return instant.astimezone(zone).strftime("%H:%M")


def _hms(instant: datetime, zone: tzinfo) -> str:
    return instant.astimezone(zone).strftime("%H:%M:%S")


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


class Phase(enum.Enum):
    """Where a row stands against the current cue; drives its colours."""

    DONE = "done"
    CURRENT = "current"  # this row is the cue on now
    CONTAINS_CURRENT = "contains"  # a segment whose speaker is on now
    UPCOMING = "upcoming"


@dataclass(frozen=True, slots=True)
class _Row:
    """Everything one row shows; compared between states to find what changed."""

    texts: tuple[str, ...]
    phase: Phase
    delta_s: int | None
    projected: tuple[bool, bool]  # actual-start / actual-end cells show a projection


class RundownModel(QAbstractItemModel):
    """Segments (top level) and speakers (children) of the controller's plan.

    Connect :meth:`update_state` to ``controller.stateChanged``; call
    :meth:`reset_plan` on ``controller.showReplaced``.
    """

    currentCueMoved = Signal(QModelIndex)  # the row of the cue now on (invalid when none)

    def __init__(self, plan: Plan, state: ShowState | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._cues: tuple[Cue, ...] = ()
        self._segment_cues: list[list[int]] = []
        self._rows: list[_Row] = []  # segment rows
        self._children: list[list[_Row]] = []  # speaker rows per segment
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
        show = state._show
        self._plan = show.plan
        self._cues = show.cues
        self._segment_cues = [[] for _ in self._plan.segments]
        for cue in self._cues:
            self._segment_cues[cue.segment_index].append(cue.index)
        self._rows, self._children = self._compute(state)
        self._current = state.cue.index if state.cue else None
        self.endResetModel()
        self.currentCueMoved.emit(self.index_of_cue(self._current))

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(Column) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self._rows) else QModelIndex()
        if parent.internalId() != _TOP:
            return QModelIndex()  # speakers have no children
        seg = parent.row()
        if row >= len(self._children[seg]):
            return QModelIndex()
        return self.createIndex(row, column, seg + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._children[parent.row()])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ── lookups the window uses ───────────────────────────────────────────
    def _row_of(self, index: AnyIndex) -> _Row | None:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._rows[index.row()]
        return self._children[index.internalId() - 1][index.row()]

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
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[col]
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.phase is Phase.CURRENT:
                return QBrush(CURRENT_BACKGROUND)
            if row.phase is Phase.CONTAINS_CURRENT:
                return QBrush(CURRENT_SEGMENT_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Column.DELTA and row.delta_s is not None:
                return QBrush(delta_colour(row.delta_s))
            if self._is_projected(row, col):
                return QBrush(PROJECTED_FOREGROUND)
            if row.phase is Phase.DONE:
                return QBrush(DONE_FOREGROUND)
            return None
        if role == Qt.ItemDataRole.FontRole:
            bold = row.phase is Phase.CURRENT or bool(col == Column.DELTA and row.delta_s)
            italic = self._is_projected(row, col)
            if not (bold or italic):
                return None
            font = QFont()  # only what is set here overrides the view's font (QFont.resolve)
            font.setBold(bold)
            font.setItalic(italic)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= Column.PLANNED_START:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        return (col == Column.ACTUAL_START and row.projected[0]) or (col == Column.ACTUAL_END and row.projected[1])

    # ── following the show ────────────────────────────────────────────────
    def update_state(self, state: ShowState) -> None:
        """Re-derive every cell from ``state``; signal only the rows that changed."""
        if state._show.cues is not self._cues:
            self.reset_plan(state)
            return
        rows, children = self._compute(state)
        last = len(Column) - 1
        for seg, row in enumerate(rows):
            if row != self._rows[seg]:
                self._rows[seg] = row
                self.dataChanged.emit(self.index(seg, 0), self.index(seg, last))
            parent = self.index(seg, 0)
            for k, child in enumerate(children[seg]):
                if child != self._children[seg][k]:
                    self._children[seg][k] = child
                    self.dataChanged.emit(self.index(k, 0, parent), self.index(k, last, parent))
        current = state.cue.index if state.cue else None
        if current != self._current:
            self._current = current
            self.currentCueMoved.emit(self.index_of_cue(current))

    def _compute(self, state: ShowState) -> tuple[list[_Row], list[list[_Row]]]:
        zone = self._plan.event.timezone
        timings = state.timings
        current = state.cue.index if state.cue else None
        ended = state.status is Status.ENDED
        rows: list[_Row] = []
        children: list[list[_Row]] = []
        part_seen: set[str] = set()
        for si, seg in enumerate(self._plan.segments):
            cue_ids = self._segment_cues[si]
            first, last = timings[cue_ids[0]], timings[cue_ids[-1]]
            part = ""
            if seg.part_id not in part_seen:
                part_seen.add(seg.part_id)
                part = short_part(self._plan.part_of(seg).title)
            if current is not None and current in cue_ids:
                phase = Phase.CURRENT if len(cue_ids) == 1 or not seg.speakers else Phase.CONTAINS_CURRENT
            elif ended or (current is not None and cue_ids[-1] < current):
                phase = Phase.DONE
            else:
                phase = Phase.UPCOMING
            length = sum((timings[i].length for i in cue_ids), timedelta(0))
            rows.append(self._row(part, seg.title, seg.owner, first, last, length, phase, zone))
            kids: list[_Row] = []
            for i in cue_ids if seg.speakers else ():
                t = timings[i]
                speaker = t.cue.speaker
                assert speaker is not None
                if i == current:
                    kphase = Phase.CURRENT
                elif ended or (current is not None and i < current):
                    kphase = Phase.DONE
                else:
                    kphase = Phase.UPCOMING
                kids.append(self._row("", speaker.name, speaker.affiliation, t, t, t.length, kphase, zone))
            children.append(kids)
        return rows, children

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
    ) -> _Row:
        start_proj = first.actual_start is None and first.projected_start is not None
        end_proj = last.actual_end is None and last.projected_end is not None
        start = first.actual_start or first.projected_start
        end = last.actual_end or last.projected_end
        delta = last.delta
        delta_s = None if delta is None else ceil_seconds(delta)
        texts = (
            part,
            title,
            owner,
            _hm(first.cue.planned_start, zone),
            _hm(last.cue.planned_end, zone),
            ("≈" + _hm(start, zone) if start_proj else _hms(start, zone)) if start else "",
            ("≈" + _hm(end, zone) if end_proj else _hms(end, zone)) if end else "",
            _length(length),
            "" if delta_s is None else signed_minutes(delta_s),
        )
        return _Row(texts, phase, delta_s, (start_proj, end_proj))
