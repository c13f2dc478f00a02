"""The operator's controls as QActions: one place for text, shortcut and effect.

Each action calls :meth:`ShowController.act`; whether it is enabled, checked or
labelled "Start" or "Next" is re-derived from every :class:`ShowState`, never
remembered. A rejected action becomes a status-bar message (``statusMessage``),
never an exception. Shortcuts use ``Qt.WindowShortcut`` on the window the
actions are installed on, so Space reaches the show even while the rundown has
focus.

Guards in the live show (a rehearsal drops them, :meth:`OperatorCommands.set_rehearsal`):

- a jump to a segment from the rundown (Enter, a double-click, G) asks first,
  through :meth:`GotoConfirm.ask` (a class method tests replace); the default
  button is *Cancel*, so a second Enter does not confirm by accident;
- a start/next within ``double_tap_s`` (0.8 s by default) of a start/next that
  is the show's last action, measured on the show's Clock, is ignored and the status bar says so: a
  double tap of Space must not skip a cue;
- Enter is not a window shortcut: the rundown turns it into a goto only while
  it has focus, so a spin box or a line edit (the rehearsal speed) keeps its
  Return.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from runshow.live.actions import Action, ActionKind, Mode
from runshow.live.show import Status
from runshow.live.state import ShowState
from runshow.plan.model import Segment
from runshow.present.reasons import reason_text
from runshow.session.controller import ShowController
from runshow.session.qt_translate import qt_tr
from runshow.ui.help_overlay import shortcut_text
from runshow.ui.message_dialog import MessageDialog

ADJUST_SECONDS = 60
DOUBLE_TAP_S = 0.8  # show seconds: a second start/next closer than this to the last is a double tap

Key = Qt.Key


def _keys(*keys: QKeySequence | Qt.Key | str) -> list[QKeySequence]:
    return [k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys]


def _keypad(key: Qt.Key) -> QKeySequence:
    return QKeySequence(Qt.KeyboardModifier.KeypadModifier | key)


class GotoConfirm:
    """Asks before the live show jumps to another segment; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> bool:
        """True to go, False to stay. Modal, parented to the window that asked; Cancel is the default."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        go = box.addButton(QCoreApplication.translate("GotoConfirm", "Go to it"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QCoreApplication.translate("GotoConfirm", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is go


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
        double_tap_s: float = DOUBLE_TAP_S,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._window = parent
        self._selected_segment = selected_segment
        self.double_tap_s = double_tap_s
        self.guarded = True  # the live show; a rehearsal drops the guards

        self.start_next = self._make(self.tr("Next"), _keys(Key.Key_Space), self._on_start_next)
        self.previous = self._make(self.tr("Previous"), _keys(Key.Key_Backspace), self._on_previous)
        self.goto = self._make(self.tr("Go to selected segment"), _keys(Key.Key_G), self._on_goto)
        # Enter goes to the selected row only while the rundown has focus (RundownView emits it):
        # as a window shortcut it would take Return from every spin box and line edit. This action
        # is never added to a widget, so its keys are listed in the help but grab nothing.
        self.goto_from_rundown = QAction(self.tr("Go to selected segment (rundown)"), self)
        self.goto_from_rundown.setShortcuts(_keys(Key.Key_Return, Key.Key_Enter))
        self.goto_from_rundown.triggered.connect(lambda _checked=False: self._on_goto())
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
        # Undo and redo are journaled actions the fold honours (ActionKind.UNDO / REDO), so an
        # undo survives a crash. Enabled only when the engine says there is something to undo.
        self.undo = self._make(self.tr("Undo"), _keys(QKeySequence("Ctrl+Z")), self._on_undo)
        self.redo = self._make(
            self.tr("Redo"), _keys(QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")), self._on_redo
        )

        self._shown_key: tuple[object, ...] | None = None
        controller.stateChanged.connect(self._on_state)
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
    def edit_actions(self) -> list[QAction]:
        return [self.undo, self.redo]

    @property
    def all_actions(self) -> list[QAction]:
        """Every action whose key works anywhere in the window (the stage window shares them)."""
        return [*self.edit_actions, *self.show_actions, self.follow_mode, *self.stage_actions, self.help]

    @property
    def help_actions(self) -> list[QAction]:
        """What the F1 overlay lists: every key, the rundown's own Enter included."""
        out = list(self.all_actions)
        out.insert(out.index(self.goto) + 1, self.goto_from_rundown)
        return out

    # ── guards ────────────────────────────────────────────────────────────
    def set_rehearsal(self, on: bool) -> None:
        """A rehearsal drops the guards (no confirm, no double-tap window); the live show has them."""
        self.guarded = not on

    # ── effects ───────────────────────────────────────────────────────────
    def _act(self, kind: ActionKind, **fields: object) -> str | None:
        # The controller emits actionRejected; _on_rejected shows it.
        return self._controller.act(kind, **fields)

    def _on_start_next(self) -> None:
        c = self._controller
        starting = c.state.status is Status.PRE_SHOW
        actions = c.show.actions
        last = actions[-1] if actions else None
        if self.guarded and last is not None and last.kind in (ActionKind.START, ActionKind.NEXT):
            gap = (c.clock.now() - last.at).total_seconds()  # on the show's Clock, not the wall
            if gap < self.double_tap_s:
                self.statusMessage.emit(
                    self.tr("Ignored a second %1 %2 s after the last one (a double tap?); press again to go on")
                    .replace("%1", self.tr("Start") if starting else self.tr("Next"))
                    .replace("%2", f"{gap:.1f}")
                )
                return
        c.start_or_next()  # the controller decides start or next, once

    def _on_previous(self) -> None:
        self._act(ActionKind.PREVIOUS)

    def _on_pause_resume(self) -> None:
        self._controller.pause_or_resume()

    def _on_goto(self) -> None:
        segment = self._selected_segment()
        if segment is None:
            self.statusMessage.emit(self.tr("Select a segment in the rundown first"))
            return
        self.request_goto(segment)

    def request_goto(self, segment: Segment) -> str | None:
        """Go to ``segment`` from a key or a click: in the live show, only once the operator confirms."""
        if self.guarded:
            zone = self._controller.plan.event.timezone
            on = self._controller.state.cue
            text = (
                self.tr("Go to “%1” (planned %2) now?")
                .replace("%1", segment.title)
                .replace("%2", f"{segment.start.astimezone(zone):%H:%M}")
            )
            if on is not None:
                text += "\n" + self.tr("“%1” ends now.").replace("%1", on.label)
            if not GotoConfirm.ask(self._window, self.tr("Go to a segment"), text):
                self.statusMessage.emit(self.tr("Go to cancelled: the show stays where it is"))
                return None
        return self.goto_segment(segment.id)

    def goto_segment(self, segment_id: str) -> str | None:
        """Go to the segment at once (no question asked): the confirmed path and scripts."""
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

    # ── undo / redo ───────────────────────────────────────────────────────
    def describe(self, action: Action) -> str:
        """An action in the operator's words, with the time it was taken: ``다음 큐 (14:05:12)``."""
        kind = action.kind
        plan = self._controller.plan
        if kind is ActionKind.START:
            what = self.tr("Start of the show")
        elif kind is ActionKind.NEXT:
            what = self.tr("Next cue")
        elif kind is ActionKind.PREVIOUS:
            what = self.tr("Previous cue")
        elif kind is ActionKind.GOTO:
            title = action.segment or ""
            with contextlib.suppress(KeyError, ValueError):  # a segment no longer in the plan: its id
                title = plan.segment(title).title
            what = self.tr("Go to “%1”").replace("%1", title)
        elif kind is ActionKind.PAUSE:
            what = self.tr("Pause")
        elif kind is ActionKind.RESUME:
            what = self.tr("Resume")
        elif kind is ActionKind.ADJUST:
            minutes, seconds = divmod(abs(action.seconds), 60)
            amount = f"{'+' if action.seconds > 0 else '−'}{minutes}:{seconds:02d}"
            what = self.tr("Time adjustment %1").replace("%1", amount)
        elif kind is ActionKind.MODE:
            what = self.tr("Follow the plan") if action.mode is Mode.FOLLOW else self.tr("Manual control")
        elif kind is ActionKind.MESSAGE:
            what = self.tr("Message “%1”").replace("%1", action.text or "")
        elif kind is ActionKind.CLEAR_MESSAGE:
            what = self.tr("Clear message")
        elif kind is ActionKind.BLACKOUT:
            what = self.tr("Blackout on") if action.on else self.tr("Blackout off")
        else:
            what = self.tr("Plan change")
        return f"{what} ({action.at.astimezone(plan.event.timezone):%H:%M:%S})"

    def _on_undo(self) -> None:
        self._undo_redo(ActionKind.UNDO, self._controller.show.undo_target, self.tr("Undone: %1"))

    def _on_redo(self) -> None:
        self._undo_redo(ActionKind.REDO, self._controller.show.redo_target, self.tr("Redone: %1"))

    def _undo_redo(self, kind: ActionKind, target: Action | None, said: str) -> None:
        if target is None:
            return
        if self._act(kind) is None:
            self.statusMessage.emit(said.replace("%1", self.describe(target)))

    def _on_rejected(self, reason: str) -> None:
        self.statusMessage.emit(self.tr("Not done: %1").replace("%1", reason_text(reason, qt_tr)))

    # ── following the show ────────────────────────────────────────────────
    def _on_state(self, state: ShowState) -> None:
        """Every state (two a second while the show runs): the controls change only with an
        action, a cue or the status, so a tick that moved only time touches nothing."""
        if _controls_key(state) != self._shown_key:
            self.update_state(state)

    def update_state(self, state: ShowState) -> None:
        """Enable, check and label every control from the state alone."""
        self._shown_key = _controls_key(state)
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
        self._update_undo()

    def _update_undo(self) -> None:
        """Enabled with what it would undo (or redo) in its label; disabled when there is nothing."""
        show = self._controller.show
        for action, target, base, template in (
            (self.undo, show.undo_target, self.tr("Undo"), self.tr("Undo: %1")),
            (self.redo, show.redo_target, self.tr("Redo"), self.tr("Redo: %1")),
        ):
            action.setEnabled(target is not None)
            self._set_text(action, base if target is None else template.replace("%1", self.describe(target)))
            if action.iconText() != base:
                action.setIconText(base)  # the toolbar stays short; the menu and tooltip say what


def _controls_key(state: ShowState) -> tuple[object, ...]:
    """What the controls show depends on: the show's progress (every action, undo included),
    its status, the cue on, the mode, whether a message is up, the blackout."""
    cue = state.cue.index if state.cue else None
    return (state._progress, state.status, cue, state.mode, state.message is not None, state.blackout)
