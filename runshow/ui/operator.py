"""The control room: the rundown, the controls, and what the stage sees.

Everything on screen is derived from the controller's :class:`ShowState`:
the header strip repaints from each state, the rundown model re-derives its
cells, the commands re-derive their enabled state. The window keeps no timing
state, so what it shows cannot disagree with the engine.

Other features add to it with small edits: a dock with
``window.addDockWidget(...)``, a menu with ``window.add_menu("rehearsal",
title)`` (menus live in ``window.menus``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from runshow.live.actions import Mode
from runshow.live.show import Status
from runshow.live.state import ShowState, ceil_instant, ceil_seconds
from runshow.plan.model import Segment
from runshow.present import timefmt
from runshow.session.controller import ShowController
from runshow.session.qt_translate import qt_tr
from runshow.ui.catchup_panel import CatchUpPanel, StageCutCue
from runshow.ui.commands import OperatorCommands
from runshow.ui.help_overlay import HelpOverlay
from runshow.ui.rundown_cells import CellImageDelegate
from runshow.ui.rundown_edit import EditableRundownModel, RundownEditor
from runshow.ui.rundown_model import Column, row_place
from runshow.ui.stage import StageView, StageWindow

MINIATURE_WIDTH = 432  # 16:9 miniature of the stage monitor
RUNDOWN_FONT_PX = 15  # read at arm's length in a dim control room
COLUMN_PADDING_PX = 14


class RundownView(QTreeView):
    """The rundown tree; it never acts on a key that belongs to the show.

    Enter is the rundown's own key (``gotoRequested``), handled only while it has
    focus, so a spin box elsewhere in the window keeps its Return.

    Window shortcuts see a key before the focused view does, so Space and
    friends reach the QActions even while the rundown has focus. But when an
    action is disabled (Next after the end) its key falls through to the view,
    which would select a row on Space, fold one on +/−, or type-ahead search on
    P, M, B. So the view keeps only its navigation keys and ignores the rest.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)  # double-click means goto
        self.setItemDelegate(CellImageDelegate(self))  # a look painted twice is copied after

    gotoRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() is self.State.EditingState:
            event.accept()  # an inline editor's Return commits the edit (the delegate): it is no goto
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.gotoRequested.emit()
            event.accept()
        elif event.key() in _VIEW_KEYS:
            super().keyPressEvent(event)
        else:
            event.ignore()

    def changeEvent(self, event: QEvent) -> None:
        """A new font, palette, style or scale: the cells' images show the old one."""
        if event.type() in _LOOK_CHANGES:
            delegate = self.itemDelegate()
            if isinstance(delegate, CellImageDelegate):
                delegate.forget()
        super().changeEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Letters are shortcuts here (P, M, B …), not a type-ahead search."""

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint a region of several rectangles one rectangle at a time.

        Given a region of several rectangles, QTreeView paints every column of every row they
        touch; given one rectangle, only the columns in it. After an adjust at 1,000 segments the
        changed cells are the delta of every row on screen and a few projected times: one
        rectangle at a time that is ~40 cells, as whole rows it was ~340 (9 ms of painting).
        """
        region = event.region()
        if region.rectCount() <= 1:
            super().paintEvent(event)
            return
        rects = list(cast(Iterable[QRect], region))
        row_height = self.rowHeight(self.indexAt(QPoint(1, 1)))
        if not _apart_is_cheaper(rects, self.viewport().width(), row_height, self.header().count()):
            super().paintEvent(event)
            return
        for rect in rects:
            super().paintEvent(QPaintEvent(rect))

    def repaint_cells(self, cells: list[QModelIndex]) -> None:
        """Repaint time cells the clock moved (the model's :attr:`RundownModel.repaint_cells`).

        Several cells of one column are repainted as one strip of that column, from the first to
        the last: a minute crossed by every third row's ≈ end (and its delta) is three strips, which
        the paint takes one at a time, rather than dozens of cells it would take as whole rows.
        The row with the keyboard focus is repainted whole when a cell or a strip reaches it: a
        cell of it repainted alone drew a frame around that cell only, left on screen beside the
        rest of the row's.
        """
        update = self.viewport().update
        by_column: dict[int, list[QModelIndex]] = {}
        for cell in cells:
            by_column.setdefault(cell.column(), []).append(cell)
        current = self.currentIndex()
        focus = row_place(current) if current.isValid() and self.hasFocus() else None
        reached = False
        for column in by_column.values():
            if len(column) < STRIP_CELLS:
                for cell in column:
                    update(self.visualRect(cell))
                    reached = reached or (focus is not None and row_place(cell) == focus)
                continue
            # the strip runs from the cell highest on screen to the lowest: a segment's row comes
            # before its speakers' rows, which come before the next segment's (only those two
            # cells are measured)
            placed = [(row_place(cell), cell) for cell in column]
            first, last = min(placed, key=_first), max(placed, key=_first)
            top, bottom = self.visualRect(first[1]), self.visualRect(last[1])
            update(QRect(top.left(), top.top(), top.width(), bottom.bottom() - top.top() + 1))
            reached = reached or (focus is not None and first[0] <= focus <= last[0])
        if reached:
            rect = self.visualRect(current)
            update(QRect(0, rect.top(), self.viewport().width(), rect.height()))

    def dataChanged(
        self,
        topLeft: QModelIndex | QPersistentModelIndex,  # noqa: N803 (Qt's names)
        bottomRight: QModelIndex | QPersistentModelIndex,  # noqa: N803
        roles: Sequence[int] = (),
    ) -> None:
        """Time cells from the first row down changed: repaint them, without re-measuring the row.

        QTreeView measures every cell of the model's first row (nine size hints, each a call
        into the model and a text layout) whenever a change reaches that row, for the height all
        rows share. While the first segment is on, its end and delta change every second; the
        height does not (the same font, one line). Changes of a whole row (an action) are
        measured as Qt measures them.
        """
        if (
            topLeft.row() == 0
            and topLeft.column() >= Column.ACTUAL_START
            and bottomRight.column() <= Column.DELTA
            and not topLeft.parent().isValid()
            and roles
            and Qt.ItemDataRole.SizeHintRole not in roles
        ):
            QAbstractItemView.dataChanged(self, topLeft, bottomRight, roles)
            return
        super().dataChanged(topLeft, bottomRight, roles)


_LOOK_CHANGES = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.PaletteChange,
        QEvent.Type.StyleChange,
        QEvent.Type.DevicePixelRatioChange,
        QEvent.Type.ScreenChangeInternal,
        QEvent.Type.LocaleChange,
        QEvent.Type.LayoutDirectionChange,
    }
)

PAINT_PASSES = 16  # at most this many rectangles painted one at a time
STRIP_CELLS = 3  # this many cells of one column moved at once are repainted as one strip of it
PASS_CELLS = 11  # a paint pass costs what ~11 cells cost (measured: 0.65 ms a pass, 58 µs a cell)


def _first(item: tuple[tuple[int, int], QModelIndex]) -> tuple[int, int]:
    return item[0]


def _apart_is_cheaper(rects: list[QRect], width: int, row_height: int, columns: int) -> bool:
    """Whether painting ``rects`` one at a time costs less than QTreeView's one pass of whole rows.

    A pass per rectangle saves the cells outside them and costs a pass's set-up each: a region
    that already covers most of its rows (a next: two whole rows and the deltas) is painted in
    one pass (14 passes for a next at 1,000 segments cost more than they saved).
    """
    if len(rects) > PAINT_PASSES:
        return False
    area = sum(r.width() * r.height() for r in rects)
    rows: list[tuple[int, int]] = []
    for top, bottom in sorted((r.top(), r.bottom()) for r in rects):
        if rows and top <= rows[-1][1] + 1:
            rows[-1] = (rows[-1][0], max(rows[-1][1], bottom))
        else:
            rows.append((top, bottom))
    whole_rows = sum(bottom - top + 1 for top, bottom in rows) * width
    cell = max(1.0, width * max(1, row_height) / max(1, columns))
    return (whole_rows - area) / cell > PASS_CELLS * (len(rects) - 1)


# Keys the tree keeps for itself: moving the selection and folding rows.
_VIEW_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
    }
)


STRIP_BACKGROUND = QColor("#1d2330")  # the header strip's (its style sheet and its own fill)
SHRINK_BELOW = 0.7  # a SteadyLabel shrinks only for a text this much narrower than its size


class SteadyLabel(QLabel):
    """A label that keeps its size while its text changes every second: it grows to fit a
    longer text, and shrinks only for a much shorter one.

    A label whose size follows its text asks its window for a new layout at every change;
    in the control room that was two full relayouts a second (the main window's docks and
    toolbars, each with its animation objects), for a clock and a countdown. A widget of
    fixed size asks nothing, so the size is fixed — made larger when a text needs it, and
    smaller only for a much shorter text (not for a digit's width).
    """

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        hint = super().sizeHint()
        if hint.width() < SHRINK_BELOW * self.minimumWidth():
            self.setMinimumWidth(0)  # a much shorter text for good (a day's drift gone): fit it
        width, height = max(self.minimumWidth(), hint.width()), max(self.minimumHeight(), hint.height())
        fixed = (width, height)
        if fixed != (self.minimumWidth(), self.minimumHeight()) or fixed != (self.maximumWidth(), self.maximumHeight()):
            self.setFixedSize(width, height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.setMinimumSize(0, 0)  # a new font: fit afresh (smaller too)
            self._fit()


class HeaderStrip(QFrame):
    """Always visible: now, the cue on and its remaining time, drift, projected end, mode."""

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("headerStrip")
        # Opaque: a label repainted in the strip (the clock, every second) repaints the strip's
        # background alone, not the main window and every container under it. So the strip
        # fills what it is asked to repaint itself (paintEvent): with the attribute set, Qt
        # paints nothing beneath a label, and a style-sheet background alone left the old
        # digits standing under the new ones (seen under Xvfb).
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setStyleSheet(
            f"#headerStrip {{ background: {STRIP_BACKGROUND.name()}; }}"
            "#headerStrip QLabel { color: #e8ecf2; font-size: 15px; }"
            "#headerStrip QLabel[role='big'] { font-size: 30px; font-weight: bold; }"
            "#headerStrip QLabel[role='caption'] { color: #9aa5b8; font-size: 12px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(28)
        self.now = self._field(layout, self.tr("Now"))
        self.cue = self._field(layout, self.tr("On now"), big=False, stretch=3, steady=False)  # takes what is left
        self.remaining_caption, self.remaining = self._captioned(layout, self.tr("Remaining"))
        self.drift = self._field(layout, self.tr("Drift"))
        self.projected_end = self._field(layout, self.tr("Projected end"), stretch=1)
        self.mode = self._field(layout, self.tr("Mode"), big=False)
        self._shown: dict[int, str] = {}  # (by the label's id: every label lives as long as the strip)
        self._colours: dict[int, str] = {}
        self._words = {  # translated once, as the captions are
            "paused": self.tr("%1 (paused)"),
            "before": self.tr("Before the show"),
            "ended": self.tr("The show has ended"),
            "until_next": self.tr("Until the next item"),
            "remaining": self.tr("Remaining"),
            "planned": self.tr("%1 (planned %2)"),
            "follow": self.tr("Follow the plan"),
            "manual": self.tr("Manual"),
        }
        controller.stateChanged.connect(self.update_state)
        self.update_state(controller.state)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), STRIP_BACKGROUND)
        finally:
            painter.end()
        super().paintEvent(event)

    @staticmethod
    def _field(layout: QHBoxLayout, caption: str, big: bool = True, stretch: int = 0, steady: bool = True) -> QLabel:
        return HeaderStrip._captioned(layout, caption, big, stretch, steady)[1]

    @staticmethod
    def _captioned(
        layout: QHBoxLayout, caption: str, big: bool = True, stretch: int = 0, steady: bool = True
    ) -> tuple[QLabel, QLabel]:
        """A caption over a value; both returned (the caption may change with the state).

        ``steady``: a value that changes every second keeps its size (:class:`SteadyLabel`).
        """
        box = QVBoxLayout()
        box.setSpacing(0)
        label = QLabel(caption)
        label.setProperty("role", "caption")
        value = SteadyLabel() if steady else QLabel()
        if big:
            value.setProperty("role", "big")
        box.addWidget(label)
        box.addWidget(value)
        layout.addLayout(box, stretch)
        return label, value

    def update_state(self, state: ShowState) -> None:
        zone = self._controller.plan.event.timezone
        words = self._words
        put = self._put
        put(self.now, timefmt.clock(state.at, zone))
        status = state.status
        if state.cue is not None:
            cue_text = state.cue.label
            if status is Status.PAUSED:
                cue_text = words["paused"].replace("%1", cue_text)
        elif status is Status.PRE_SHOW:
            cue_text = words["before"]
        else:
            cue_text = words["ended"]
        if put(self.cue, cue_text):
            self.cue.setToolTip(cue_text)
        gap_s = state.until_gap_end_s
        put(self.remaining_caption, words["until_next"] if gap_s is not None else words["remaining"])
        if gap_s is not None:
            # A real gap (Plan.gaps): nothing is on; count down to the item after it, as the stage does.
            put(self.remaining, timefmt.countdown(gap_s))
            colour = "#9aa5b8"
        elif state.remaining_s is not None:
            put(self.remaining, timefmt.countdown(state.remaining_s))
            colour = "#ff6b6b" if state.overtime else "#e8ecf2"
        elif state.countdown_to_next_s is not None:
            put(self.remaining, timefmt.countdown(state.countdown_to_next_s))
            colour = "#9aa5b8"
        else:
            put(self.remaining, "—")
            colour = "#9aa5b8"
        self._colour(self.remaining, colour)
        drift_s = state.drift_s
        put(self.drift, timefmt.drift(drift_s, qt_tr))
        self._colour(self.drift, on_dark(drift_s))
        end_s = ceil_seconds(state.projected_end - state.planned_end)
        put(
            self.projected_end,
            words["planned"]
            .replace("%1", timefmt.clock(ceil_instant(state.projected_end), zone))
            .replace("%2", timefmt.clock_hm(state.planned_end, zone)),
        )
        self._colour(self.projected_end, on_dark(end_s))
        put(self.mode, words["follow"] if state.mode is Mode.FOLLOW else words["manual"])

    # Twice a second for seven labels: what each shows is remembered here, so an unchanged text
    # or colour costs a dictionary look-up, not a call into Qt (its words are translated once,
    # when the strip is made, as its captions are).
    def _put(self, label: QLabel, text: str) -> bool:
        """Show ``text`` in ``label``; True if it changed."""
        if self._shown.get(id(label)) == text:
            return False
        self._shown[id(label)] = text
        label.setText(text)
        return True

    def _colour(self, label: QLabel, colour: str) -> None:
        if self._colours.get(id(label)) != colour:
            self._colours[id(label)] = colour
            _set_colour(label, colour)



def _set_colour(label: QLabel, colour: str) -> None:
    """Restyle only when the colour changes: a style sheet re-polishes the widget."""
    sheet = f"color: {colour};"
    if label.styleSheet() != sheet:
        label.setStyleSheet(sheet)


def on_dark(seconds: int) -> str:
    """The rundown's delta colours (late red/amber, early green/blue), lightened for the dark strip."""
    if seconds >= 60:
        return "#ff6b6b"
    if seconds > 0:
        return "#ffb347"
    if seconds <= -60:
        return "#7ddc83"
    if seconds < 0:
        return "#6fb6ff"
    return "#e8ecf2"


class FaultBar(QFrame):
    """A red line under the header: something behind the show failed (alerts may be missing).

    It stays until the operator dismisses it; a later fault replaces the text and
    counts how many there were, so a burst never hides the first cause in a log.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("faultBar")
        self.setStyleSheet(
            "#faultBar { background: #b91c1c; }#faultBar QLabel { color: white; font-size: 15px; font-weight: bold; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays "next"
        self.dismiss_button.clicked.connect(self.dismiss)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss_button)
        self.count = 0
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()

    def show_fault(self, text: str) -> None:
        self.count += 1
        shown = (
            text
            if self.count == 1
            else self.tr("%1 (%2 faults so far)").replace("%1", text).replace("%2", str(self.count))
        )
        self.label.setText(shown)
        self.show()

    def dismiss(self) -> None:
        self.count = 0
        self.label.clear()
        self.hide()


class OperatorWindow(QMainWindow):
    """The control-room window for one controller (and, optionally, its stage window)."""

    stageFullScreenRequested = Signal()

    def __init__(
        self,
        controller: ShowController,
        stage_window: StageWindow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.stage_window = stage_window
        self.setWindowTitle(self.tr("runshow — control room: %1").replace("%1", controller.plan.event.title))

        self.model = EditableRundownModel(controller.plan, controller.state, self)
        self.rundown = RundownView()
        font = self.rundown.font()
        font.setPixelSize(RUNDOWN_FONT_PX)
        self.rundown.setFont(font)  # before the model: a font change re-lays out every row there is
        self.rundown.setModel(self.model)
        # speaker rows of a closed segment are not on screen: the model need not signal them
        self.model.children_shown = lambda segment: self.rundown.isExpanded(self.model.index(segment, 0))
        self.model.rows_shown = self._rows_shown
        self.model.repaint_cells = self.rundown.repaint_cells
        self.rundown.setTreePosition(Column.TITLE)  # speakers indent under their segment's title
        self._size_columns()
        self.header_strip = HeaderStrip(controller)
        self.miniature = self._make_miniature()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.rundown)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 6, 6, 6)
        caption = QLabel(self.tr("Stage monitor"))
        side_layout.addWidget(caption)
        side_layout.addWidget(self.miniature)
        self.catchup = CatchUpPanel(controller)  # the overrun against the hard stop, and what to trim
        side_layout.addWidget(self.catchup)
        side_layout.addStretch(1)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header_strip)
        self.fault_bar = FaultBar()
        layout.addWidget(self.fault_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.commands = OperatorCommands(controller, self, self.selected_segment)
        self.commands.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.commands.stageFullScreenRequested.connect(self.stageFullScreenRequested)
        self.stageFullScreenRequested.connect(self._toggle_stage_full_screen)
        self.help_overlay = HelpOverlay(self, self.commands.help_actions)
        self.commands.helpRequested.connect(self.help_overlay.popup)

        self.menus: dict[str, QMenu] = {}
        self.add_menu("edit", self.tr("&Edit")).addActions(self.commands.edit_actions)
        show_menu = self.add_menu("show", self.tr("&Show"))
        show_menu.addActions(self.commands.show_actions)
        show_menu.addSeparator()
        show_menu.addAction(self.commands.follow_mode)
        self.add_menu("stage", self.tr("S&tage")).addActions(self.commands.stage_actions)
        self.add_menu("help", self.tr("&Help")).addAction(self.commands.help)
        self._install_edits(stage_window)

        self.toolbar = QToolBar(self.tr("Show controls"))
        self.toolbar.setObjectName("showControls")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions(self.commands.edit_actions)
        self.toolbar.addSeparator()
        self.toolbar.addActions(self.commands.show_actions)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.commands.follow_mode)
        self.toolbar.addSeparator()
        self.toolbar.addActions(self.commands.stage_actions)
        self.addToolBar(self.toolbar)
        self.statusBar()

        self.rundown.doubleClicked.connect(self._on_double_click)
        self.rundown.gotoRequested.connect(self.commands.goto_from_rundown.trigger)
        # Every segment's speakers show from the start, in their order: the operator reads who
        # comes next before the segment begins, and a next never opens rows (that moved every row
        # below and repainted the whole rundown). A new show opens them again; an amendment opens
        # the segments it gave speakers and keeps the others as the operator left them.
        self.model.modelReset.connect(self._open_speakers)
        self.model.speakersAdded.connect(self._open_segments)  # an amendment keeps the rest as it was
        self._open_speakers()
        self.model.currentCueMoved.connect(self._follow_current)
        controller.stateChanged.connect(self.model.update_state)
        # A replaced show (rehearsal in or out) reaches the model through the next state: it
        # notices the new cues and resets once, with that state, not the stale one.
        self._follow_current(self.model.index_of_cue(self.model.current_cue))
        self.resize(1600, 900)

    def _install_edits(self, stage_window: StageWindow | None) -> None:
        """Rundown edits (delegate, context menu, keys), File → Save amended schedule, the MC's cut cue."""
        self.editor = RundownEditor(self.controller, self.rundown, self.model, self)
        self.editor.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.catchup.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        file_menu = self.add_menu("file", self.editor.file_title)
        bar = self.menuBar()
        bar.removeAction(file_menu.menuAction())
        bar.insertAction(bar.actions()[0], file_menu.menuAction())  # File comes first
        file_menu.addAction(self.editor.save)
        stage_view = getattr(stage_window, "view", None)
        views = [self.miniature] + ([stage_view] if isinstance(stage_view, StageView) else [])
        self.stage_cut = StageCutCue(self.controller, views, self)

    # ── structure others extend ───────────────────────────────────────────
    def add_menu(self, key: str, title: str) -> QMenu:
        """A top-level menu, kept before Help, reachable later as ``self.menus[key]``.

        A title already in the bar gives that menu (under ``key`` too): every feature that
        asks for "&File" shares the one File menu.
        """
        for existing in self.menus.values():
            if existing.title() == title:
                self.menus[key] = existing
                return existing
        menu = QMenu(title, self)
        help_menu = self.menus.get("help")
        if help_menu is not None:
            self.menuBar().insertMenu(help_menu.menuAction(), menu)
        else:
            self.menuBar().addMenu(menu)
        self.menus[key] = menu
        return menu

    def _make_miniature(self) -> StageView:
        view = StageView(self.controller)
        view.setFixedSize(MINIATURE_WIDTH, MINIATURE_WIDTH * 9 // 16)
        return view

    def _size_columns(self) -> None:
        """Fixed widths, measured once from the widest text each column can hold.

        Not ResizeToContents: that re-measures every row on every dataChanged, which
        in overtime (every row's delta moves each second) cost ~40 ms per tick.
        """
        header = self.rundown.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        bold = QFont(self.rundown.font())
        bold.setBold(True)
        cells = QFontMetrics(bold)
        titles = header.fontMetrics()
        widest = {
            Column.PART: "사전행사",
            Column.OWNER: "국토교통부, 산업통상",
            Column.PLANNED_START: "00:00",
            Column.PLANNED_END: "00:00",
            Column.ACTUAL_START: "≈00:00:00",
            Column.ACTUAL_END: "≈00:00:00",
            Column.LENGTH: "000′00″",
            Column.DELTA: "−00:00",
        }
        fixed = 0
        for column, sample in widest.items():
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(cells.horizontalAdvance(sample), titles.horizontalAdvance(label))
            header.resizeSection(column, width + COLUMN_PADDING_PX)
            fixed += width + COLUMN_PADDING_PX
        # The stretched title column must never be squeezed to "…" by docks or the
        # miniature: the rundown keeps room for a readable title.
        self.rundown.setMinimumWidth(fixed + cells.horizontalAdvance("산업단지 대개조 발전방향 연구"))

    def add_bar(self, bar: QWidget) -> None:
        """A persistent bar under the header (a journal that cannot record, a clock step to decide)."""
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.fault_bar) + 1, bar)

    def show_fault(self, text: str) -> None:
        """Put a fault in front of the operator (a red line under the header), never only in a log."""
        self.fault_bar.show_fault(text)

    # ── behaviour ─────────────────────────────────────────────────────────
    def selected_segment(self) -> Segment | None:
        """The segment of the row the operator selected (a mere focus row does not count)."""
        rows = self.rundown.selectionModel().selectedRows()
        return self.model.segment_at(rows[0]) if rows else None

    def _on_double_click(self, index: QModelIndex) -> None:
        segment = self.model.segment_at(index)
        if segment is not None:
            self.commands.request_goto(segment)  # asks first in the live show

    def _rows_shown(self) -> tuple[int, int]:
        """The first and last segment rows on the rundown's screen (speaker rows count as theirs)."""
        view = self.rundown
        height = view.viewport().height()

        def segment_row(y: int, fallback: int) -> int:
            index = view.indexAt(QPoint(1, y))
            if not index.isValid():
                return fallback
            return index.parent().row() if index.parent().isValid() else index.row()

        return segment_row(0, 0), segment_row(height - 1, self.model.rowCount() - 1)

    def _open_speakers(self) -> None:
        """Open every segment with speakers: each one by name, before the tree is laid out (it
        keeps the names for its next layout; ``expandAll`` laid out the whole tree at once, 55 ms
        at 5,000 segments)."""
        self._open_segments(self.model.segments_with_speakers())

    def _open_segments(self, segments: list[int]) -> None:
        model, view = self.model, self.rundown
        for segment in segments:
            view.expand(model.index(segment, 0))

    def _follow_current(self, index: QModelIndex) -> None:
        """Open the current segment's speakers and keep the cue on now in view."""
        if not index.isValid():
            return
        parent = index.parent()
        if parent.isValid():
            self.rundown.expand(parent)
        elif self.model.rowCount(index) > 0:
            self.rundown.expand(index)
        self.rundown.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _toggle_stage_full_screen(self) -> None:
        stage = self.stage_window
        if stage is None:
            return
        stage.placement.toggle_full_screen()  # on the stage's own display
        self.activateWindow()  # going full screen activates the stage; the operator's keys must keep working
