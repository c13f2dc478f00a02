"""The message-to-stage dialog: free text, or one click on a preset.

Modal dialogs block a test, so the window only ever calls
:meth:`MessageDialog.ask`, which a test replaces (pytest-qt's advice).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def presets() -> list[str]:
    """What an operator sends most; translated, because the MC reads the UI language."""
    return [
        QCoreApplication.translate("MessageDialog", "Please wrap up"),
        QCoreApplication.translate("MessageDialog", "One minute left"),
        QCoreApplication.translate("MessageDialog", "Five minutes left"),
        QCoreApplication.translate("MessageDialog", "Please speak closer to the microphone"),
        QCoreApplication.translate("MessageDialog", "Time is up"),
        QCoreApplication.translate("MessageDialog", "Next speaker, please stand by"),
    ]


class MessageDialog(QDialog):
    """Type a message or pick a preset; OK sends it to the stage."""

    def __init__(self, parent: QWidget | None = None, current: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Message to the stage"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Text shown on the stage monitor:")))
        self.edit = QLineEdit(current or "")
        self.edit.setPlaceholderText(self.tr("Type a message, or pick a preset below"))
        layout.addWidget(self.edit)
        grid = QGridLayout()
        self.preset_buttons: list[QPushButton] = []
        for n, text in enumerate(presets()):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, t=text: self._pick(t))
            grid.addWidget(button, n // 2, n % 2)
            self.preset_buttons.append(button)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        # Our own words: Qt's stock "OK"/"Cancel" stay English unless qtbase's catalogue is installed.
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _pick(self, text: str) -> None:
        self.edit.setText(text)
        self.accept()

    def text(self) -> str:
        return self.edit.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None = None, current: str | None = None) -> str | None:
        """Show the dialog modally; the text to send, or None if cancelled or empty."""
        dialog = cls(parent, current)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.text() or None
        finally:
            dialog.deleteLater()
