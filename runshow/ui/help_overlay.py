"""A help overlay listing every shortcut, drawn over the operator window.

Built from the window's QActions themselves, so the list cannot fall out of
date with the shortcuts that actually work. Any key or click dismisses it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget


def _first_key(sequence: QKeySequence) -> QKeyCombination:
    """The first key of a non-empty sequence (Qt's ``operator[]``)."""
    first = sequence[0]  # type: ignore[index]  # PySide6's stubs leave out QKeySequence.__getitem__
    if not isinstance(first, QKeyCombination):
        raise TypeError(f"QKeySequence[0] gave {type(first).__name__}, expected QKeyCombination")
    return first


def shortcut_text(action: QAction) -> str:
    """An action's shortcuts as the platform spells them (``Space``, ``F11``).

    Keypad twins of a key (keypad + for +) work but are left out: they would
    read as a confusing "Num++".
    """
    keypad = Qt.KeyboardModifier.KeypadModifier
    names = [
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in action.shortcuts()
        if not (s.count() and _first_key(s).keyboardModifiers() & keypad)
    ]
    return " / ".join(names)


class HelpOverlay(QFrame):
    """A translucent panel over its parent window; hides on any key or click."""

    def __init__(self, parent: QWidget, actions: Iterable[QAction]) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setStyleSheet(
            "#helpOverlay { background: rgba(20, 24, 32, 242); }"
            "#helpOverlay QLabel { color: white; font-size: 16px; }"
            "#helpOverlay QLabel#helpKey { color: #ffd75e; font-weight: bold; }"
            "#helpOverlay QLabel#helpTitle { font-size: 22px; font-weight: bold; }"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        title = QLabel(self.tr("Keyboard shortcuts"))
        title.setObjectName("helpTitle")
        outer.addWidget(title)
        grid = self._grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        self._labels: list[tuple[QAction, QLabel, QLabel]] = []
        self.add_actions(actions)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(grid)
        centred.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        hint = QLabel(self.tr("Press any key to close"))
        outer.addWidget(hint)
        parent.installEventFilter(self)
        self.hide()

    def add_actions(self, actions: Iterable[QAction]) -> None:
        """List more keys (docks added later, such as the alert log, bring their own)."""
        for action in actions:
            keys = shortcut_text(action)
            if not keys:
                continue
            key_label = QLabel(keys)
            key_label.setObjectName("helpKey")
            text_label = QLabel()
            row = len(self._labels)
            self._grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignRight)
            self._grid.addWidget(text_label, row, 1)
            self._labels.append((action, key_label, text_label))
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._cover_parent()
        return False

    @property
    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do now) as listed, e.g. ``("Space", "Next")``."""
        return [(keys.text(), text.text()) for _, keys, text in self._labels]

    def _cover_parent(self) -> None:
        """Lie over the whole of the window it helps with."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def _refresh(self) -> None:
        """Say what each key does *now* (Space is "Start" before the show, "Next" after)."""
        for action, keys, text in self._labels:
            keys.setText(shortcut_text(action))
            text.setText(action.text().replace("&", ""))

    def popup(self) -> None:
        self._refresh()
        self._cover_parent()
        self.raise_()
        self.show()
        self.setFocus()

    def event(self, event: QEvent) -> bool:
        # While open, a key closes the overlay instead of firing a shortcut behind it.
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.hide()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
        event.accept()
