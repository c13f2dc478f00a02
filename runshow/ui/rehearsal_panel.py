"""The operator's rehearsal controls, and the banner that makes rehearsal unmistakable.

A rehearsal mistaken for the live show is the worst failure this mode can
have, so entering it marks every window: the stage gets its 리허설 / REHEARSAL
banner, the operator window its title and a coloured bar.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from runshow.live.rehearsal import SPEED_PRESETS, default_start
from runshow.plan.errors import ScheduleError
from runshow.session.controller import ShowController
from runshow.session.rehearsal import RehearsalMode

if TYPE_CHECKING:  # (a scenario's pydantic models load when one is played, not at start-up)
    from runshow.live.scenario import Scenario

BANNER_STYLE = "background:#b45309;color:white;font-weight:bold;padding:6px;font-size:18px;"


class RehearsalMarked(Protocol):
    """Anything that can show the rehearsal banner (the stage view does)."""

    def set_rehearsal(self, on: bool) -> None: ...


def parse_speed(text: str) -> float:
    """``"60×"``, ``"60x"`` or ``"60"`` → 60.0; raises ValueError outside (0, 600]."""
    cleaned = text.strip().rstrip("×xX").strip()
    value = float(cleaned)
    if not 0 < value <= 600:
        raise ValueError("speed must be above 0 and at most 600")
    return value


LONG_LIST = 200  # segments beyond which the jump list is not sized to its longest title


class RehearsalPanel(QDockWidget):
    """A dock with every rehearsal control: enter/leave, start, speed, pause, jump, scenario."""

    def __init__(self, controller: ShowController, mode: RehearsalMode, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("RehearsalPanel", "Rehearsal"), parent)
        self.setObjectName("rehearsalDock")
        self._controller = controller
        self._mode = mode
        plan = controller.plan
        tz = plan.event.timezone
        body = QWidget(self)
        outer = QVBoxLayout(body)
        self.banner = QLabel(
            QCoreApplication.translate("RehearsalPanel", "REHEARSAL — the live record is not touched"), body
        )
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setVisible(False)
        outer.addWidget(self.banner)

        form = QFormLayout()
        start = default_start(plan).astimezone(tz)
        self.start_edit = QTimeEdit(QTime(start.hour, start.minute, start.second), body)
        self.start_edit.setDisplayFormat("HH:mm:ss")
        form.addRow(QCoreApplication.translate("RehearsalPanel", "Start at"), self.start_edit)
        self.speed_box = QComboBox(body)
        self.speed_box.setEditable(True)
        for speed in SPEED_PRESETS:
            self.speed_box.addItem(f"{speed:g}×", speed)
        speed_edit = self.speed_box.lineEdit()
        assert speed_edit is not None  # an editable combo box has one
        speed_edit.editingFinished.connect(self._speed_edited)
        self.speed_box.activated.connect(lambda _i: self._speed_edited())
        form.addRow(QCoreApplication.translate("RehearsalPanel", "Speed"), self.speed_box)
        self.start_hint = QLabel(
            QCoreApplication.translate(
                "RehearsalPanel", "The start time applies when a rehearsal starts; while one runs, use Jump to time."
            ),
            body,
        )
        self.start_hint.setWordWrap(True)
        self.start_hint.setStyleSheet("color:#6b7280;")
        self.start_hint.setVisible(False)
        form.addRow("", self.start_hint)
        self.autoplay = QCheckBox(QCoreApplication.translate("RehearsalPanel", "Simulate an on-time operator"), body)
        self.autoplay.toggled.connect(self._autoplay_toggled)
        form.addRow("", self.autoplay)
        self._scenario_playing = False
        outer.addLayout(form)

        row = QHBoxLayout()
        self.enter_button = QPushButton(QCoreApplication.translate("RehearsalPanel", "Enter rehearsal"), body)
        self.enter_button.clicked.connect(self._toggle)
        self.pause_button = QPushButton(QCoreApplication.translate("RehearsalPanel", "Pause"), body)
        self.pause_button.clicked.connect(self._pause_resume)
        self.scenario_button = QPushButton(QCoreApplication.translate("RehearsalPanel", "Play scenario…"), body)
        self.scenario_button.clicked.connect(self._play_scenario)
        for b in (self.enter_button, self.pause_button, self.scenario_button):
            row.addWidget(b)
        outer.addLayout(row)

        jump = QHBoxLayout()
        self.jump_time = QTimeEdit(QTime(start.hour, start.minute), body)
        self.jump_time.setDisplayFormat("HH:mm:ss")
        self.jump_time_button = QPushButton(QCoreApplication.translate("RehearsalPanel", "Jump to time"), body)
        self.jump_time_button.clicked.connect(self._jump_time)
        self.segment_box = QComboBox(body)
        if len(plan.segments) > LONG_LIST:
            # Sized to every title, Qt measures each one before the first paint (45 ms for 5,000).
            self.segment_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.segment_box.setMinimumContentsLength(32)
        for seg in plan.segments:
            # (not strftime: with PySide6 loaded every strftime call runs its Python import hook)
            t = seg.start.astimezone(tz)
            self.segment_box.addItem(f"{t.hour:02d}:{t.minute:02d} {seg.title}", seg.id)
        self.jump_segment_button = QPushButton(QCoreApplication.translate("RehearsalPanel", "Jump to segment"), body)
        self.jump_segment_button.clicked.connect(self._jump_segment)
        jump.addWidget(self.jump_time)
        jump.addWidget(self.jump_time_button)
        outer.addLayout(jump)
        seg_row = QHBoxLayout()
        seg_row.addWidget(self.segment_box, 1)
        seg_row.addWidget(self.jump_segment_button)
        outer.addLayout(seg_row)
        self.status = QLabel("", body)
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        outer.addStretch(1)
        self.setWidget(body)
        mode.activeChanged.connect(self._on_active)
        self._on_active(mode.active)

    # ── things tests replace ──────────────────────────────────────────────
    @classmethod
    def ask_scenario_path(cls, parent: QWidget | None) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("RehearsalPanel", "Scenario"), "", "TOML (*.toml)"
        )
        return path or None

    # ── handlers ──────────────────────────────────────────────────────────
    def _at(self, edit: QTimeEdit) -> datetime:
        q = edit.time()
        plan = self._controller.plan
        return datetime.combine(plan.event.date, time(q.hour(), q.minute(), q.second()), tzinfo=plan.event.timezone)

    def _speed(self) -> float | None:
        try:
            return parse_speed(self.speed_box.currentText())
        except ValueError:
            self.status.setText(
                QCoreApplication.translate("RehearsalPanel", "Speed must be a number above 0 and at most 600.")
            )
            return None

    def _speed_edited(self) -> None:
        speed = self._speed()
        if speed is not None and self._mode.active:
            self._mode.set_speed(speed)
            self.status.setText(
                QCoreApplication.translate("RehearsalPanel", "Speed set to %1×").replace("%1", f"{speed:g}")
            )

    def _toggle(self) -> None:
        if self._mode.active:
            self._mode.leave()
            return
        speed = self._speed()
        if speed is None:
            return
        self._scenario_playing = False
        self._mode.enter(start=self._at(self.start_edit), speed=speed, autoplay=self.autoplay.isChecked())

    def enter_with(self, scenario: Scenario) -> None:
        speed = self._speed()
        if speed is None:
            return
        self._mode.enter(speed=speed, scenario=scenario)
        self._scenario_playing = True
        self._sync_autoplay()

    def _autoplay_toggled(self, on: bool) -> None:
        """Ticked or unticked while rehearsing: the on-time operator starts or stops at once."""
        if not self._mode.active or self._scenario_playing:
            return
        self._mode.set_autoplay(on)
        self.status.setText(
            QCoreApplication.translate("RehearsalPanel", "On-time operator on: Next at every planned end from now")
            if on
            else QCoreApplication.translate("RehearsalPanel", "On-time operator off: you drive the rehearsal")
        )

    def _sync_autoplay(self) -> None:
        """A scenario drives the rehearsal: the on-time operator cannot be added to it (and says why)."""
        scripted = self._mode.active and self._scenario_playing
        self.autoplay.setEnabled(not scripted)
        self.autoplay.setToolTip(
            QCoreApplication.translate("RehearsalPanel", "A scenario is playing: it drives the rehearsal")
            if scripted
            else ""
        )

    def _play_scenario(self) -> None:
        path = self.ask_scenario_path(self)
        if not path:
            return
        from runshow.live.scenario import load_scenario

        try:
            scenario = load_scenario(Path(path), self._controller.plan)
        except ScheduleError as exc:
            self.status.setText("\n".join(str(p) for p in exc.problems))
            return
        self.enter_with(scenario)
        self.status.setText(
            QCoreApplication.translate("RehearsalPanel", "Playing scenario %1").replace("%1", Path(path).name)
        )

    def _pause_resume(self) -> None:
        clock = self._mode.clock
        if clock is None:
            return
        if clock.paused:
            self._mode.resume()
            self.pause_button.setText(QCoreApplication.translate("RehearsalPanel", "Pause"))
        else:
            self._mode.pause()
            self.pause_button.setText(QCoreApplication.translate("RehearsalPanel", "Resume"))

    def _jump_time(self) -> None:
        self._mode.jump_to(self._at(self.jump_time))

    def _jump_segment(self) -> None:
        segment_id = self.segment_box.currentData()
        if segment_id:
            self._mode.jump_to_segment(str(segment_id))

    def _on_active(self, on: bool) -> None:
        self.banner.setVisible(on)
        if not on:
            self._scenario_playing = False
        self._sync_autoplay()
        self.start_edit.setEnabled(not on)  # read when a rehearsal starts; Jump to time moves a running one
        self.start_hint.setVisible(on)
        self.start_edit.setToolTip(self.start_hint.text() if on else "")
        self.enter_button.setText(
            QCoreApplication.translate("RehearsalPanel", "Leave rehearsal")
            if on
            else QCoreApplication.translate("RehearsalPanel", "Enter rehearsal")
        )
        for w in (self.pause_button, self.jump_time_button, self.jump_segment_button):
            w.setEnabled(on)
        self.pause_button.setText(QCoreApplication.translate("RehearsalPanel", "Pause"))


def install_rehearsal(
    controller: ShowController, window: QMainWindow, marked: Iterable[RehearsalMarked]
) -> tuple[RehearsalMode, RehearsalPanel]:
    """Create rehearsal mode and its dock, and mark every window while it is on."""
    mode = RehearsalMode(controller, window)
    panel = RehearsalPanel(controller, mode, window)
    # Beside the alert log at the bottom, as a tab: the rundown keeps the width.
    bottom = [
        d
        for d in window.findChildren(QDockWidget)
        if window.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
    ]
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    if bottom:
        window.tabifyDockWidget(bottom[0], panel)
        bottom[0].raise_()  # live: the alert log is in front
    views = list(marked)
    live_title = window.windowTitle()
    commands = getattr(window, "commands", None)  # the control room's guards are for the live show only

    def on_active(on: bool) -> None:
        set_rehearsal = getattr(commands, "set_rehearsal", None)
        if callable(set_rehearsal):
            set_rehearsal(on)
        if on:
            panel.raise_()  # the rehearsal controls come to the front while rehearsing
        elif bottom:
            bottom[0].raise_()
        for view in views:
            view.set_rehearsal(on)
        marker = QCoreApplication.translate("RehearsalPanel", "REHEARSAL")
        window.setWindowTitle(f"{marker} — {live_title}" if on else live_title)

    mode.activeChanged.connect(on_active)
    return mode, panel
