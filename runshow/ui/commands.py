"""The operator's controls as QActions: one place for text, shortcut and effect.

Each action calls :meth:`ShowController.act`; whether it is enabled, checked or
labelled "Start" or "Next" is re-derived from every :class:`ShowState`, never
remembered. A rejected action becomes a status-bar message (``statusMessage``),
never an exception. Shortcuts use ``Qt.WindowShortcut`` on the window the
actions are installed on, so Space reaches the show even while the rundown has
focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from runshow.live.actions import ActionKind, Mode
from runshow.live.show import Status
from runshow.live.state import ShowState
from runshow.plan.model import Segment
from runshow.present.reasons import reason_text
from runshow.session.controller import ShowController
from runshow.session.qt_translate import qt_tr
from runshow.ui.help_overlay import shortcut_text
from runshow.ui.message_dialog import MessageDialog

ADJUST_SECONDS = 60

Key = Qt.Key


def _keys(*keys: QKeySequence | Qt.Key | str) -> list[QKeySequence]:
    return [k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys]


def _keypad(key: Qt.Key) -> QKeySequence:
    return QKeySequence(Qt.KeyboardModifier.KeypadModifier | key)


class OperatorCommands(QObject):
    """Every operator control of the show, bound to one controller.

    ``selected_segment`` tells goto which row the operator picked; the window
    provides it from the rundown's current index.
    """

    statusMessage = Signal(str)
    stageFullScreenRequested = Signal()
    helpRequested = Signal()

    def __init__(
        self,
        controller: ShowController,
        parent: QWidget,
        selected_segment: Callable[[], Segment | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._window = parent
        self._selected_segment = selected_segment

        self.start_next = self._make(self.tr("Next"), _keys(Key.Key_Space), self._on_start_next)
        self.previous = self._make(self.tr("Previous"), _keys(Key.Key_Backspace), self._on_previous)
        self.goto = self._make(
            self.tr("Go to selected segment"), _keys(Key.Key_G, Key.Key_Return, Key.Key_Enter), self._on_goto
        )
        self.pause_resume = self._make(self.tr("Pause"), _keys(Key.Key_P), self._on_pause_resume)
        self.adjust_plus = self._make(
            self.tr("Add one minute"),
            _keys(Key.Key_Plus, Key.Key_Equal, _keypad(Key.Key_Plus)),
            lambda: self._act(ActionKind.ADJUST, seconds=ADJUST_SECONDS),
        )
        self.adjust_minus = self._make(
            self.tr("Take one minute away"),
            _keys(Key.Key_Minus, _keypad(Key.Key_Minus)),
            lambda: self._act(ActionKind.ADJUST, seconds=-ADJUST_SECONDS),
        )
        self.follow_mode = self._make(self.tr("Follow the plan (auto)"), _keys(Key.Key_F), self._on_follow)
        self.follow_mode.setCheckable(True)
        self.message = self._make(self.tr("Message to the stage…"), _keys(Key.Key_M), self._on_message)
        self.clear_message = self._make(
            self.tr("Clear message"), _keys(Key.Key_C), lambda: self._act(ActionKind.CLEAR_MESSAGE)
        )
        self.blackout = self._make(self.tr("Blackout stage"), _keys(Key.Key_B), self._on_blackout)
        self.blackout.setCheckable(True)
        self.stage_full_screen = self._make(
            self.tr("Stage full screen"), _keys(Key.Key_F11), self.stageFullScreenRequested.emit
        )
        self.help = self._make(
            self.tr("Keyboard shortcuts"), _keys(Key.Key_F1, Key.Key_Question), self.helpRequested.emit
        )

        controller.stateChanged.connect(self.update_state)
        controller.actionRejected.connect(self._on_rejected)
        self.update_state(controller.state)

    # ── building ──────────────────────────────────────────────────────────
    def _make(self, text: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setAutoRepeat(False)  # a held Space must not skip through the show
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        self._set_text(action, text)
        return action

    @staticmethod
    def _set_text(action: QAction, text: str) -> None:
        """Label and tooltip together, so the tooltip always names the live shortcut."""
        keys = shortcut_text(action)
        tip = f"{text} ({keys})" if keys else text
        if action.text() != text or action.toolTip() != tip:
            action.setText(text)
            action.setToolTip(tip)

    @property
    def show_actions(self) -> list[QAction]:
        """The cue controls, in menu order."""
        return [self.start_next, self.previous, self.goto, self.pause_resume, self.adjust_plus, self.adjust_minus]

    @property
    def stage_actions(self) -> list[QAction]:
        return [self.message, self.clear_message, self.blackout, self.stage_full_screen]

    @property
    def all_actions(self) -> list[QAction]:
        return [*self.show_actions, self.follow_mode, *self.stage_actions, self.help]

    # ── effects ───────────────────────────────────────────────────────────
    def _act(self, kind: ActionKind, **fields: object) -> str | None:
        # The controller emits actionRejected; _on_rejected shows it.
        return self._controller.act(kind, **fields)

    def _on_start_next(self) -> None:
        self._controller.start_or_next()  # the controller decides start or next, once

    def _on_previous(self) -> None:
        self._act(ActionKind.PREVIOUS)

    def _on_pause_resume(self) -> None:
        self._controller.pause_or_resume()

    def _on_goto(self) -> None:
        segment = self._selected_segment()
        if segment is None:
            self.statusMessage.emit(self.tr("Select a segment in the rundown first"))
            return
        self.goto_segment(segment.id)

    def goto_segment(self, segment_id: str) -> str | None:
        return self._act(ActionKind.GOTO, segment=segment_id)

    def _on_follow(self) -> None:
        self._controller.toggle_follow()
        self.update_state(self._controller.state)  # a rejected toggle must not stay ticked

    def _on_blackout(self) -> None:
        self._controller.toggle_blackout()
        self.update_state(self._controller.state)

    def _on_message(self) -> None:
        text = MessageDialog.ask(self._window, self._controller.state.message)
        if text:
            self._act(ActionKind.MESSAGE, text=text)

    def _on_rejected(self, reason: str) -> None:
        self.statusMessage.emit(self.tr("Not done: %1").replace("%1", reason_text(reason, qt_tr)))

    # ── following the show ────────────────────────────────────────────────
    def update_state(self, state: ShowState) -> None:
        """Enable, check and label every control from the state alone."""
        status = state.status
        on_cue = status in (Status.RUNNING, Status.PAUSED)
        self._set_text(self.start_next, self.tr("Start") if status is Status.PRE_SHOW else self.tr("Next"))
        self.start_next.setEnabled(status is not Status.ENDED)
        self.previous.setEnabled(status is Status.ENDED or (on_cue and state.cue is not None and state.cue.index > 0))
        self._set_text(self.pause_resume, self.tr("Resume") if status is Status.PAUSED else self.tr("Pause"))
        self.pause_resume.setEnabled(on_cue)
        self.adjust_plus.setEnabled(on_cue)
        self.adjust_minus.setEnabled(on_cue)
        self.clear_message.setEnabled(state.message is not None)
        self.follow_mode.setChecked(state.mode is Mode.FOLLOW)
        self.blackout.setChecked(state.blackout)
