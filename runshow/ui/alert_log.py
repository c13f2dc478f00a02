"""The operator's alert log: what was due, when it actually went off, and who has seen it.

A dock in the control room. Each row is one alert: its planned instant, the
instant it fired (or "missed" — passed while runshow was closed — or
"dropped" — its cue was skipped or the clock jumped over it), the rule, the
text, who it was for, and whether the operator has acknowledged it. The
operator acknowledges the selected row, or the oldest unacknowledged one,
with the button or the ``A`` key, and can mute the chime without losing the
toasts and the log.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runshow.live.alerts import PlannedAlert, Rule
from runshow.plan.model import Audience
from runshow.present.alert_text import alert_text
from runshow.session.alert_armer import FiredAlert
from runshow.session.qt_translate import qt_tr

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class Column:
    PLANNED = 0
    FIRED = 1
    RULE = 2
    TEXT = 3
    AUDIENCE = 4
    ACK = 5
    COUNT = 6


def rule_name(rule: Rule) -> str:
    """The rule as the operator reads it."""
    names = {
        Rule.WRAPUP_WARNING: QCoreApplication.translate("AlertLog", "Wrap-up warning"),
        Rule.WRAPUP_DANGER: QCoreApplication.translate("AlertLog", "Wrap-up danger"),
        Rule.OVERTIME: QCoreApplication.translate("AlertLog", "Overtime"),
        Rule.BREAK_STARTING: QCoreApplication.translate("AlertLog", "Break starting"),
        Rule.BREAK_ENDING: QCoreApplication.translate("AlertLog", "Break ending"),
        Rule.BREAK_OVER: QCoreApplication.translate("AlertLog", "Break over"),
        Rule.SPEAKER_STANDBY: QCoreApplication.translate("AlertLog", "Speaker stand-by"),
        Rule.SHOW_END_WARNING: QCoreApplication.translate("AlertLog", "Show end warning"),
        Rule.SHOW_END: QCoreApplication.translate("AlertLog", "Show end"),
        Rule.CUSTOM: QCoreApplication.translate("AlertLog", "Custom"),
    }
    return names[rule]


def audience_name(audience: Audience) -> str:
    return {
        Audience.OPERATOR: QCoreApplication.translate("AlertLog", "Operator"),
        Audience.STAGE: QCoreApplication.translate("AlertLog", "Stage"),
        Audience.BOTH: QCoreApplication.translate("AlertLog", "Operator + stage"),
    }[audience]


class AlertLogDock(QDockWidget):
    """Table of alerts with acknowledgement and the chime's mute switch."""

    acknowledged = Signal(str)  # alert key
    mutedChanged = Signal(bool)

    def __init__(self, timezone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertLog")
        self.setWindowTitle(self.tr("Alerts"))
        self._tz = timezone
        self.model = QStandardItemModel(0, Column.COUNT, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Planned"),
                self.tr("Fired"),
                self.tr("Rule"),
                self.tr("Alert"),
                self.tr("For"),
                self.tr("Seen"),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        self._size_columns()

        self.ack_action = QAction(self.tr("Acknowledge"), self)
        self.ack_action.setShortcut(QKeySequence(Qt.Key.Key_A))
        self.ack_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.ack_action.triggered.connect(self.acknowledge)
        self.mute_action = QAction(self.tr("Mute chime"), self)
        self.mute_action.setCheckable(True)
        self.mute_action.setShortcut(QKeySequence("Ctrl+M"))
        self.mute_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.mute_action.toggled.connect(self.mutedChanged)
        self.addAction(self.ack_action)
        self.addAction(self.mute_action)

        self.ack_button = QPushButton(self.tr("Acknowledge (A)"))
        self.ack_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must stay "next", not "press"
        self.ack_button.clicked.connect(self.acknowledge)
        self.mute_button = QPushButton(self.tr("Mute chime (Ctrl+M)"))
        self.mute_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self.mute_action.setChecked)
        self.mute_action.toggled.connect(self.mute_button.setChecked)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.mute_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.setWidget(body)
        self._acked: set[int] = set()  # rows acknowledged (by A, the button or a click on the box)
        self._restoring = False
        self.model.itemChanged.connect(self._on_item_changed)  # a click on the box counts too

    def _size_columns(self) -> None:
        """Widths measured once from the widest text a column can hold, so a time never reads "13:…".

        Not ResizeToContents: it measures only the rows in view, so a time added
        below them (the newest, scrolled to) was cut to "14:…" in a short dock.
        """
        cells = self.table.fontMetrics()
        titles = self.table.horizontalHeader().fontMetrics()
        pad = 2 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_FocusFrameHMargin) + 16
        samples = {
            Column.PLANNED: ["00:00:00"],
            Column.FIRED: ["00:00:00", self.tr("missed (app closed)"), self.tr("dropped")],
            Column.RULE: [rule_name(r) for r in Rule],
            Column.AUDIENCE: [audience_name(a) for a in Audience],
            Column.ACK: [""],
        }
        for column, texts in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max([cells.horizontalAdvance(t) for t in texts] + [titles.horizontalAdvance(title)])
            self.table.horizontalHeader().resizeSection(column, widest + pad)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._size_columns()

    # ── state ─────────────────────────────────────────────────────────────
    @property
    def muted(self) -> bool:
        return self.mute_action.isChecked()

    def set_muted(self, muted: bool) -> None:
        self.mute_action.setChecked(muted)

    def unacknowledged(self) -> list[str]:
        """Keys of fired alerts the operator has not acknowledged, oldest first."""
        out = []
        for row in range(self.model.rowCount()):
            ack = self.model.item(row, Column.ACK)
            if ack.isCheckable() and ack.checkState() is not Qt.CheckState.Checked:
                out.append(self.model.item(row, Column.PLANNED).data(KEY_ROLE))
        return out

    # ── rows ──────────────────────────────────────────────────────────────
    def add_fired(self, fired: FiredAlert) -> None:
        self._add(fired.alert, self._time(fired.fired_at), needs_ack=True)

    def add_missed(self, alert: PlannedAlert) -> None:
        self._add(alert, self.tr("missed (app closed)"), needs_ack=True)

    def add_dropped(self, alert: PlannedAlert) -> None:
        self._add(alert, self.tr("dropped"), needs_ack=False)

    def _time(self, instant: datetime) -> str:
        local = instant.astimezone(self._tz) if self._tz is not None else instant
        return f"{local:%H:%M:%S}"

    def _add(self, alert: PlannedAlert, fired: str, needs_ack: bool) -> None:
        cells = [
            QStandardItem(self._time(alert.instant)),
            QStandardItem(fired),
            QStandardItem(rule_name(alert.rule)),
            QStandardItem(alert_text(alert, qt_tr)),
            QStandardItem(audience_name(alert.audience)),
            QStandardItem(""),
        ]
        cells[Column.PLANNED].setData(alert.key, KEY_ROLE)
        ack = cells[Column.ACK]
        ack.setCheckable(needs_ack)
        ack.setEditable(False)
        if needs_ack:
            ack.setCheckState(Qt.CheckState.Unchecked)
        for cell in cells:
            cell.setEditable(False)
        self.model.appendRow(cells)
        self.table.scrollToBottom()
        self._retitle()

    def acknowledge(self) -> str | None:
        """Acknowledge the selected row, or else the oldest unacknowledged; returns its key."""
        rows = self.table.selectionModel().selectedRows()
        candidates = [r.row() for r in rows] + list(range(self.model.rowCount()))
        for row in candidates:
            ack = self.model.item(row, Column.ACK)
            if ack.isCheckable() and ack.checkState() is not Qt.CheckState.Checked:
                ack.setCheckState(Qt.CheckState.Checked)  # _on_item_changed says so
                return str(self.model.item(row, Column.PLANNED).data(KEY_ROLE))
        return None

    def mark_acknowledged(self, key: str) -> None:
        """Restore an acknowledgement from the journal (no ``acknowledged`` signal: it is recorded)."""
        self._restoring = True
        try:
            for row in range(self.model.rowCount()):
                ack = self.model.item(row, Column.ACK)
                if (
                    self.model.item(row, Column.PLANNED).data(KEY_ROLE) == key
                    and ack.isCheckable()
                    and ack.checkState() is not Qt.CheckState.Checked
                ):
                    ack.setCheckState(Qt.CheckState.Checked)
                    return
        finally:
            self._restoring = False

    def _on_item_changed(self, item: QStandardItem) -> None:
        row = item.row()
        checked = item.isCheckable() and item.checkState() is Qt.CheckState.Checked
        if item.column() == Column.ACK and checked and row not in self._acked:
            self._acked.add(row)
            if not self._restoring:
                self.acknowledged.emit(str(self.model.item(row, Column.PLANNED).data(KEY_ROLE)))
        self._retitle()

    def _retitle(self) -> None:
        waiting = len(self.unacknowledged())
        title = self.tr("Alerts")
        self.setWindowTitle(f"{title} ({waiting})" if waiting else title)
