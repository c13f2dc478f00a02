"""Changing the rundown during the show: inline edits, a context menu and keys, all as amendments.

Every change here is one ``amend`` action through :meth:`ShowController.act` (the one
action path): it is journaled, folded, undone by one Ctrl+Z, re-arms the alerts and
reaches the stage through ``stateChanged`` like any other action. A refusal comes back
from the engine as a coded reason; the operator window's commands show it translated in
the status bar, and nothing changes.

- **Inline** (a delegate): the title, owner and length of a segment, the name and slot
  of a speaker. A double-click is "go to" (behind a confirm), so editing starts with F2
  (Qt's Edit key) or the context menu's 편집; Enter commits, Escape cancels.
- **Context menu and keys** on the rundown: insert before (Shift+Insert) / after
  (Insert), remove (Delete), skip (Shift+Delete), move up / down (Alt+↑ / Alt+↓).
  Each menu item the engine would refuse for that row is disabled, with the engine's
  reason as its tooltip and at the head of the menu (a segment that has ended: "… has
  already ended").
- **File → Save amended schedule…** writes the plan as amended as schedule TOML to a
  file chosen in a dialog (:meth:`SaveAmendedDialog.ask`, replaceable in tests); the
  schedule file the show was loaded from is never rewritten.

Which cells may be edited is decided from where the show stands
(:class:`~runshow.live.amendments.Where`), cheaply, for ``flags()``; whether a change
applies is always the engine's answer.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMenu,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from runshow.live.actions import Action, ActionKind, Amendment, AmendOp
from runshow.live.amendments import Where
from runshow.live.reasons import Refusal
from runshow.live.schedule_toml import amended_schedule_toml
from runshow.live.state import ShowState
from runshow.plan.model import Plan, Segment, Speaker
from runshow.plan.values import parse_duration
from runshow.present.reasons import reason_text
from runshow.session.controller import ShowController
from runshow.session.qt_translate import qt_tr
from runshow.ui.rundown_cells import CellImageDelegate
from runshow.ui.rundown_model import Column, RundownModel

AnyIndex = QModelIndex | QPersistentModelIndex

SEGMENT_COLUMNS = frozenset({Column.TITLE, Column.OWNER, Column.LENGTH})
SPEAKER_COLUMNS = frozenset({Column.TITLE, Column.LENGTH})  # a speaker's name and slot
_MINUTES = re.compile(r"^\d{1,4}$")
_MIN_SEC = re.compile(r"^(\d{1,4}):([0-5]?\d)$")


def parse_length(text: str) -> int | None:
    """Seconds from what an operator types for a length: ``8`` (minutes), ``7:30``, ``7m30s``, ``7′30″``."""
    t = text.strip().replace("′", "m").replace("″", "s").replace(" ", "")
    if _MINUTES.match(t):
        return int(t) * 60
    m = _MIN_SEC.match(t)
    if m:
        return int(m.group(1)) * 60 + int(m.group(2))
    try:
        seconds = int(parse_duration(t).total_seconds())
    except ValueError:
        return None
    return seconds


def length_text(seconds: int) -> str:
    """A length as the editor starts with it: ``10`` (minutes) or ``9:30``."""
    minutes, secs = divmod(seconds, 60)
    return str(minutes) if secs == 0 else f"{minutes}:{secs:02d}"


@dataclass(frozen=True, slots=True)
class Cell:
    """What a rundown cell names: a segment, or one of its speakers, and a column."""

    segment: Segment
    speaker: int | None  # index in segment.speakers, or None for the segment row
    column: int

    @property
    def speaker_obj(self) -> Speaker | None:
        return None if self.speaker is None else self.segment.speakers[self.speaker]

    def current_text(self) -> str:
        sp = self.speaker_obj
        if self.column == Column.LENGTH:
            length = sp.duration if sp is not None else self.segment.duration
            return length_text(int(length.total_seconds()))
        if self.column == Column.TITLE:
            return sp.name if sp is not None else self.segment.title
        return self.segment.owner

    def amendment(self, text: str) -> Amendment | None:
        """The amendment that sets this cell to ``text`` (None: ``text`` is no valid length)."""
        seg, sp = self.segment.id, self.speaker
        if self.column == Column.LENGTH:
            seconds = parse_length(text)
            if seconds is None:
                return None
            if sp is not None:
                return Amendment(AmendOp.SPEAKER_SET, segment=seg, index=sp, seconds=seconds)
            return Amendment(AmendOp.LENGTH, segment=seg, seconds=seconds)
        if sp is not None:
            return Amendment(AmendOp.SPEAKER_SET, segment=seg, index=sp, name=text)
        op = AmendOp.TITLE if self.column == Column.TITLE else AmendOp.OWNER
        return Amendment(op, segment=seg, text=text)

    def probe(self) -> Amendment:
        """A change of this cell the engine would accept if the cell may change at all."""
        sp = self.speaker_obj
        if self.column == Column.LENGTH:
            length = sp.duration if sp is not None else self.segment.duration
            return self.amendment(length_text(int(length.total_seconds()) + 60)) or Amendment(AmendOp.TITLE)
        return self.amendment(self.current_text() + "·") or Amendment(AmendOp.TITLE)


class EditableRundownModel(RundownModel):
    """The rundown model with the cells an amendment may change marked editable."""

    def __init__(self, plan: Plan, state: ShowState | None = None, parent: QObject | None = None) -> None:
        self._where_key: tuple[object, ...] = ()
        self._where: Where | None = None
        self._where_state: ShowState | None = None
        self._where_layout: object = None
        self._editable: dict[tuple[int, int, int], bool] = {}  # (internalId, row, column), per Where
        super().__init__(plan, state, parent)

    def where(self) -> Where | None:
        """Where the show stands for amendments (the current segment, those still to come), per state."""
        state = self._state
        if state is None:
            return None
        if state is self._where_state:
            return self._where  # (asked for every editable cell a paint shows)
        self._where_state = state
        progress = state._settled
        # What Where.of reads: the layout, the status, the cue on and which cues have started. An
        # adjust or a message changes none of them, and Where.of is a pass over every segment.
        key = (progress.status, progress.current, frozenset(progress.actual_start))
        if progress.layout is not self._where_layout or key != self._where_key:
            self._where_layout, self._where_key, self._where = progress.layout, key, Where.of(progress)
            self._editable.clear()
        return self._where

    def cell(self, index: AnyIndex) -> Cell | None:
        segment = self.segment_at(index)
        if segment is None:
            return None
        speaker = index.row() if index.parent().isValid() else None
        return Cell(segment, speaker, index.column())

    def editable(self, index: AnyIndex) -> bool:
        """Whether the engine can take a change of this cell, as far as the show's position says."""
        cell = self.cell(index)
        where = self.where()
        if cell is None or where is None:
            return False
        sid = cell.segment.id
        if cell.speaker is not None:
            return cell.column in SPEAKER_COLUMNS and sid in where.future
        return cell.column in SEGMENT_COLUMNS and (sid in where.future or sid == where.current)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        # most columns are never editable: answer those without asking where the show is; the
        # others once per cell until the show moves (the view asks at every paint of the cell)
        if index.column() in _EDITABLE_COLUMNS and index.isValid():
            self.where()  # (forgets the answers when the show moved)
            key = (index.internalId(), index.row(), index.column())
            editable = self._editable.get(key)
            if editable is None:
                editable = self._editable[key] = self.editable(index)
            if editable:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags


_EDITABLE_COLUMNS = frozenset(SEGMENT_COLUMNS) | frozenset(SPEAKER_COLUMNS)


class RundownDelegate(CellImageDelegate):
    """A line edit over a title, owner, name or length; committing it becomes one amendment."""

    def __init__(self, editor: RundownEditor, view: QAbstractItemView) -> None:
        super().__init__(view, editor)
        self._editor = editor

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        line = QLineEdit(parent)
        line.setFrame(False)
        if index.column() == Column.LENGTH:
            line.setToolTip(QCoreApplication.translate("RundownEditor", "Minutes (8), or 7:30, or 1h5m"))
        return line

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        cell = self._editor.model.cell(index)
        if isinstance(editor, QLineEdit) and cell is not None:
            editor.setText(cell.current_text())
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        # Applied once the editor has closed (closeEditor): the amendment re-lays the model out,
        # which must not happen while the view is still committing this editor.
        cell = self._editor.model.cell(index)
        if isinstance(editor, QLineEdit) and cell is not None:
            self._editor.pending = (cell, editor.text())


class InsertDialog(QDialog):
    """A new segment's title, length and owner; tests replace :meth:`ask`."""

    def __init__(self, parent: QWidget | None, heading: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit()
        self.length = QLineEdit("5")
        self.owner = QLineEdit()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Length (minutes, or 7:30)"), self.length)
        form.addRow(self.tr("Owner / presenter"), self.owner)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Insert"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, heading: str) -> tuple[str, str, str] | None:
        """Modal: (title, length as typed, owner), or None when cancelled."""
        dialog = cls(parent, heading)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.title.text(), dialog.length.text(), dialog.owner.text()
        finally:
            dialog.deleteLater()


class SaveAmendedDialog:
    """Where to save the amended schedule; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("RundownEditor", "Save amended schedule"),
            suggested,
            QCoreApplication.translate("RundownEditor", "Schedule (*.toml)"),
        )
        return path or None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def write_new_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary file next to it, then a rename)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RundownEditor(QObject):
    """The rundown's edit actions for one window: the delegate, the context menu, the keys, save."""

    statusMessage = Signal(str)
    saved = Signal(str)  # the path written

    def __init__(
        self,
        controller: ShowController,
        view: QTreeView,
        model: EditableRundownModel,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.controller = controller
        self.view = view
        self.model = model
        self._window = window
        self.delegate = RundownDelegate(self, view)
        self.pending: tuple[Cell, str] | None = None  # an edit committed, applied when its editor closes
        view.setItemDelegate(self.delegate)
        self.delegate.closeEditor.connect(self._flush)  # after the view's own slot has released the editor
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._on_context_menu)

        def make(text: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
            action = QAction(text, view)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # the rundown's own keys
            action.setAutoRepeat(False)
            action.triggered.connect(lambda _checked=False: slot())
            view.addAction(action)
            return action

        key = QKeySequence
        self.edit = make(self.tr("Edit"), [key(Qt.Key.Key_F2)], self.edit_current)
        self.insert_before = make(
            self.tr("Insert a segment before…"), [key("Shift+Insert")], lambda: self.insert("before")
        )
        self.insert_after = make(
            self.tr("Insert a segment after…"), [key(Qt.Key.Key_Insert)], lambda: self.insert("after")
        )
        self.remove = make(self.tr("Remove"), [key(Qt.Key.Key_Delete)], lambda: self.drop(AmendOp.REMOVE))
        self.skip = make(self.tr("Skip"), [key("Shift+Delete")], lambda: self.drop(AmendOp.SKIP))
        self.move_up = make(self.tr("Move up"), [key("Alt+Up")], lambda: self.move(-1))
        self.move_down = make(self.tr("Move down"), [key("Alt+Down")], lambda: self.move(+1))
        self.save = QAction(self.tr("Save amended schedule…"), window)
        self.save.setShortcut(key("Ctrl+Shift+S"))
        self.save.triggered.connect(lambda _checked=False: self.save_amended())
        window.addAction(self.save)
        self.file_title = self.tr("&File")  # the window's File menu, where ``save`` goes
        self._menu: QMenu | None = None

    @property
    def row_actions(self) -> list[QAction]:
        return [
            self.edit,
            self.insert_before,
            self.insert_after,
            self.remove,
            self.skip,
            self.move_up,
            self.move_down,
        ]

    # ── the row the operator means ────────────────────────────────────────
    def current_index(self) -> QModelIndex:
        index = self.view.currentIndex()
        if not index.isValid():
            rows = self.view.selectionModel().selectedRows()
            index = rows[0] if rows else QModelIndex()
        return index

    def _segment(self) -> Segment | None:
        return self.model.segment_at(self.current_index())

    def _check(self, amendment: Amendment) -> Refusal | None:
        """The engine's answer to ``amendment`` now, without applying it."""
        c = self.controller
        now = c.clock.now()
        last = c.show.progress.last_at
        if last is not None and now < last:
            now = last
        return c.show.check(Action(ActionKind.AMEND, now, amend=amendment))

    def _apply(self, amendment: Amendment, done: str, keep: str | None = None) -> bool:
        """One amend action; ``done`` is said when applied; ``keep`` is the segment to keep selected."""
        if self.controller.act(ActionKind.AMEND, amend=amendment) is not None:
            return False  # the commands' status line says why (actionRejected)
        if keep is not None:
            self.select(keep)
        self.statusMessage.emit(done)
        return True

    def select(self, segment_id: str) -> None:
        """Select ``segment_id``'s row (a new segment's, or one an amendment moved: rows move then)."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, Column.TITLE)
            seg = self.model.segment_at(index)
            if seg is not None and seg.id == segment_id:
                self.view.setCurrentIndex(index)
                self.view.selectionModel().select(
                    index,
                    self.view.selectionModel().SelectionFlag.ClearAndSelect
                    | self.view.selectionModel().SelectionFlag.Rows,
                )
                return

    def _refused(self, refusal: str) -> None:
        self.statusMessage.emit(self.tr("Cannot change this: %1").replace("%1", reason_text(refusal, qt_tr)))

    # ── inline edits ──────────────────────────────────────────────────────
    def edit_current(self, index: QModelIndex | None = None) -> bool:
        """Open the editor on the row's cell (its title when the column is not editable)."""
        index = self.current_index() if index is None else index
        if not index.isValid():
            self.statusMessage.emit(self.tr("Select a row in the rundown first"))
            return False
        if index.column() not in (SPEAKER_COLUMNS if index.parent().isValid() else SEGMENT_COLUMNS):
            index = index.siblingAtColumn(Column.TITLE)
        cell = self.model.cell(index)
        if cell is None:
            return False
        if not self.model.editable(index):
            refusal = self._check(cell.probe())
            if refusal is not None:
                self._refused(refusal)
            return False
        self.view.setCurrentIndex(index)
        self.view.edit(index)
        return self.view.state() is QAbstractItemView.State.EditingState

    def _flush(self, *_: object) -> None:
        pending, self.pending = self.pending, None
        if pending is not None:
            self.commit_cell(*pending)

    def commit(self, index: AnyIndex, text: str) -> bool:
        """``text`` into the cell at ``index`` as one amendment (nothing when unchanged)."""
        cell = self.model.cell(index)
        return cell is not None and self.commit_cell(cell, text)

    def commit_cell(self, cell: Cell, text: str) -> bool:
        """``text`` into ``cell`` as one amendment (nothing when unchanged)."""
        if text.strip() == cell.current_text().strip():
            return False
        amendment = cell.amendment(text)
        if amendment is None:
            self.statusMessage.emit(
                self.tr("Not a length: “%1” (minutes such as 8, or 7:30, or 1h5m)").replace("%1", text)
            )
            return False
        what = cell.speaker_obj.name if cell.speaker_obj is not None else cell.segment.title
        return self._apply(
            amendment,
            self.tr("Changed “%1”: %2 → %3").replace("%1", what).replace("%2", cell.current_text()).replace("%3", text),
            keep=cell.segment.id,
        )

    # ── structure ─────────────────────────────────────────────────────────
    def _new_id(self) -> str:
        show = self.controller.show
        ids = {s.id for s in show.plan.segments} | {s.id for s in show.original_plan.segments}
        n = 1
        while f"added-{n}" in ids:
            n += 1
        return f"added-{n}"

    def _insert_probe(self, place: str, anchor: str) -> Amendment:
        return Amendment(AmendOp.INSERT, place=place, anchor=anchor, new_id=self._new_id(), text="·", seconds=60)

    def insert(self, place: str) -> bool:
        segment = self._segment()
        if segment is None:
            self.statusMessage.emit(self.tr("Select a row in the rundown first"))
            return False
        refusal = self._check(self._insert_probe(place, segment.id))
        if refusal is not None:
            self._refused(refusal)
            return False
        heading = (self.tr("Insert before “%1”") if place == "before" else self.tr("Insert after “%1”")).replace(
            "%1", segment.title
        )
        answer = InsertDialog.ask(self._window, heading)
        if answer is None:
            return False
        title, length, owner = answer
        seconds = parse_length(length)
        if seconds is None:
            self.statusMessage.emit(
                self.tr("Not a length: “%1” (minutes such as 8, or 7:30, or 1h5m)").replace("%1", length)
            )
            return False
        new_id = self._new_id()
        amendment = Amendment(
            AmendOp.INSERT, place=place, anchor=segment.id, new_id=new_id, text=title, seconds=seconds, owner=owner
        )
        return self._apply(amendment, self.tr("Inserted “%1”").replace("%1", title.strip()), keep=new_id)

    def drop(self, op: AmendOp) -> bool:
        segment = self._segment()
        if segment is None:
            self.statusMessage.emit(self.tr("Select a row in the rundown first"))
            return False
        said = self.tr("Removed “%1”") if op is AmendOp.REMOVE else self.tr("Skipped “%1”")
        return self._apply(Amendment(op, segment=segment.id), said.replace("%1", segment.title))

    def _move_amendment(self, segment: Segment, step: int) -> Amendment | None:
        ids = [s.id for s in self.controller.plan.segments]
        k = ids.index(segment.id) + step
        if not 0 <= k < len(ids):
            return None
        return Amendment(AmendOp.MOVE, segment=segment.id, place="before" if step < 0 else "after", anchor=ids[k])

    def move(self, step: int) -> bool:
        segment = self._segment()
        if segment is None:
            self.statusMessage.emit(self.tr("Select a row in the rundown first"))
            return False
        amendment = self._move_amendment(segment, step)
        if amendment is None:
            said = self.tr("“%1” is already first") if step < 0 else self.tr("“%1” is already last")
            self.statusMessage.emit(said.replace("%1", segment.title))
            return False
        said = self.tr("Moved “%1” up") if step < 0 else self.tr("Moved “%1” down")
        return self._apply(amendment, said.replace("%1", segment.title), keep=segment.id)

    # ── the context menu ──────────────────────────────────────────────────
    def build_menu(self, index: QModelIndex) -> QMenu:
        """The menu for ``index``'s row: every action the engine would refuse is disabled, with why."""
        menu = QMenu(self.view)
        menu.setToolTipsVisible(True)
        segment = self.model.segment_at(index)
        probes: dict[QAction, Amendment | None] = {}
        if segment is not None:
            cell = self.model.cell(index.siblingAtColumn(Column.TITLE))
            probes[self.edit] = cell.probe() if cell is not None else None
            probes[self.insert_before] = self._insert_probe("before", segment.id)
            probes[self.insert_after] = self._insert_probe("after", segment.id)
            probes[self.remove] = Amendment(AmendOp.REMOVE, segment=segment.id)
            probes[self.skip] = Amendment(AmendOp.SKIP, segment=segment.id)
            probes[self.move_up] = self._move_amendment(segment, -1)
            probes[self.move_down] = self._move_amendment(segment, +1)
        head: str | None = None
        for action in self.row_actions:
            probe = probes.get(action)
            refusal = self._check(probe) if probe is not None else None
            ok = probe is not None and refusal is None
            action.setEnabled(ok)
            why = reason_text(refusal, qt_tr) if refusal is not None else ""
            action.setToolTip(why or action.text())
            if action is self.edit and refusal is not None:
                head = why
        if head:
            note = menu.addAction(self.tr("Cannot change this row: %1").replace("%1", head))
            note.setEnabled(False)
            menu.addSeparator()
        menu.addAction(self.edit)
        menu.addSeparator()
        menu.addActions([self.insert_before, self.insert_after])
        menu.addSeparator()
        menu.addActions([self.move_up, self.move_down])
        menu.addSeparator()
        menu.addActions([self.skip, self.remove])
        self._menu = menu
        return menu

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = self.build_menu(index)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        self._enable_all()
        menu.deleteLater()

    def _enable_all(self) -> None:
        """Keys stay live after the menu (the engine answers each one when pressed)."""
        for action in self.row_actions:
            action.setEnabled(True)
            action.setToolTip(action.text())

    # ── save ──────────────────────────────────────────────────────────────
    def suggested_path(self) -> str:
        source = self.controller.show.original_plan.source
        folder = Path(source).parent if source else Path.home()
        stem = Path(source).stem if source else "schedule"
        at = self.controller.clock.now().astimezone(self.controller.plan.event.timezone)
        return str(folder / f"{stem}-amended-{at:%H%M}.toml")

    def save_amended(self) -> str | None:
        """Ask where, then write the amended plan there; never over the schedule the show was loaded from."""
        chosen = SaveAmendedDialog.ask(self._window, self.suggested_path())
        if not chosen:
            return None
        path = Path(chosen)
        source = self.controller.show.original_plan.source
        if source and (_same_file(path, Path(source)) or path.resolve() == Path(source).resolve()):
            self.statusMessage.emit(
                self.tr("Not saved: %1 is the schedule the show was loaded from; choose a new file").replace(
                    "%1", str(path)
                )
            )
            return None
        try:
            write_new_file(path, amended_schedule_toml(self.controller.plan))
        except OSError as exc:
            self.statusMessage.emit(
                self.tr("Not saved: %1 (%2)").replace("%1", str(path)).replace("%2", exc.strerror or str(exc))
            )
            return None
        self.statusMessage.emit(self.tr("Saved the amended schedule to %1").replace("%1", str(path)))
        self.saved.emit(str(path))
        return str(path)
