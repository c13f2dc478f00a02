"""The journal cannot record: a red bar in the control room until it is resolved, and a way out.

A journal that cannot be written (a read-only file, folder or disk; a full disk; a write that
could not be undone) is not a toast that fades: while it lasts every key is refused (an action
the operator was not told was kept must never be shown), so the bar stays under the header until
the fault is gone. Its button, "Continue in another folder…", picks a folder (behind the
replaceable :meth:`JournalFaultBar.ask`, so tests never block on a dialog) and carries the show
into a journal there (:func:`runshow.session.opening.continue_elsewhere`): every action so far is
copied and fsynced, the controller records into the new journal, the show goes on and the bar
clears. Where the show went is noted in the data folder and in the app's settings, so the next
start resumes from the new journal (:func:`remembered_journals`).

The bar follows the controller's journal: in rehearsal (a scratch record, never the live
journal) it is hidden, and it comes back on leaving if the live journal still cannot record.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from runshow.live.journal import JournalFault, journal_name
from runshow.plan.model import Plan
from runshow.session.controller import ShowController
from runshow.session.opening import continue_elsewhere
from runshow.ui.operator import OperatorWindow

log = logging.getLogger(__name__)

SETTINGS_GROUP = "journal/continued"  # QSettings: <journal name> = the journal the show continued into


def fault_text(fault: JournalFault) -> str:
    """What the bar says for ``fault`` (%1 the OS's words, %2 the journal's path)."""
    templates = {
        "read-only": QCoreApplication.translate(
            "JournalFault",
            "The journal cannot be written (%1): %2. Keys are refused until the show continues in another folder.",
        ),
        "write-failed": QCoreApplication.translate(
            "JournalFault",
            "The last action could not be written to the journal (%1): %2. It was refused and is not recorded. Free some space, or continue in another folder.",  # noqa: E501 - one literal for lupdate
        ),
        "broken": QCoreApplication.translate(
            "JournalFault",
            "The journal could not be repaired after a failed write (%1): %2. Nothing more is recorded there: continue in another folder.",  # noqa: E501 - one literal for lupdate
        ),
    }
    template = templates.get(fault.code, templates["read-only"])
    return template.replace("%1", fault.params.get("error", "")).replace("%2", fault.params.get("path", ""))


def _settings_key(plan: Plan) -> str:
    return f"{SETTINGS_GROUP}/{journal_name(plan)}"


def remember_in_settings(settings: QSettings, plan: Plan, journal: Path) -> None:
    settings.setValue(_settings_key(plan), str(journal))
    settings.sync()


def remembered_journals(settings: QSettings, plan: Plan) -> list[Path]:
    """The journal this event's show continued into, as the app's settings remember it (for opening)."""
    value = settings.value(_settings_key(plan))
    return [Path(str(value))] if value else []


class JournalFaultBar(QFrame):
    """A red bar that stays while the live journal cannot record, with "Continue in another folder…"."""

    continued = Signal(object, int)  # the new journal's Path, how many actions it carried
    continueFailed = Signal(str)  # why the chosen folder could not take the journal either

    def __init__(
        self,
        controller: ShowController,
        *,
        settings: QSettings | None = None,
        base: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._settings = settings
        self._base = base  # the data folder (None: the platform's, or $RUNSHOW_DATA_DIR)
        self.setObjectName("journalFaultBar")
        self.setStyleSheet(
            "#journalFaultBar { background: #b91c1c; }"
            "#journalFaultBar QLabel { color: white; font-size: 15px; font-weight: bold; }"
            "#journalFaultBar QPushButton { font-size: 14px; font-weight: bold; padding: 4px 12px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 8, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.continue_button = QPushButton(QCoreApplication.translate("JournalFault", "Continue in another folder…"))
        self.continue_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays "next"
        self.continue_button.clicked.connect(self.continue_elsewhere)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.continue_button)
        self.fault: JournalFault | None = None
        self.hide()
        for signal in (controller.actionApplied, controller.actionRejected, controller.journalReplaced):
            signal.connect(self.refresh)
        controller.showReplaced.connect(self.refresh)
        self.refresh()

    @property
    def text(self) -> str:
        return self.label.text()

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """The folder to continue the journal in, or None (cancelled). Tests replace this."""
        chosen = QFileDialog.getExistingDirectory(
            parent,
            QCoreApplication.translate("JournalFault", "Continue the journal in another folder"),
            str(Path.home()),
        )
        return Path(chosen) if chosen else None

    def refresh(self, *_args: object) -> None:
        """Show the journal's fault, or hide when it is resolved (or in rehearsal: no live journal)."""
        fault = getattr(self._controller.journal, "fault", None)
        self.fault = fault if isinstance(fault, JournalFault) else None
        if self.fault is None:
            self.label.clear()
            self.hide()
            return
        self.label.setText(fault_text(self.fault))
        self.show()

    def continue_elsewhere(self) -> bool:
        """Ask for a folder and carry the show into a journal there; True once it records again."""
        folder = type(self).ask(self.window())
        if folder is None:
            return False
        try:
            done = continue_elsewhere(self._controller, folder, base=self._base)
        except OSError as exc:
            log.error("could not continue the journal in %s: %s", folder, exc)
            why = QCoreApplication.translate(
                "JournalFault", "The journal cannot be written in %1 either (%2). Choose another folder."
            )
            self.label.setText(
                fault_text(self.fault) + "\n" + why.replace("%1", str(folder)).replace("%2", exc.strerror or str(exc))
                if self.fault is not None
                else why.replace("%1", str(folder)).replace("%2", exc.strerror or str(exc))
            )
            self.continueFailed.emit(str(exc))
            return False
        if self._settings is not None:
            remember_in_settings(self._settings, self._controller.plan, done.journal.path)
        self.refresh()
        self.continued.emit(done.journal.path, done.carried)
        return True


def continued_message(path: Path, carried: int) -> str:
    """The status line after continuing: "The show continues in %1 (%2 actions carried)"."""
    return (
        QCoreApplication.translate(
            "JournalFault", "The journal continues in %1 (%2 actions carried). The next start resumes from it."
        )
        .replace("%1", str(path))
        .replace("%2", str(carried))
    )


def install_journal_fault(
    controller: ShowController,
    operator: OperatorWindow,
    *,
    settings: QSettings | None = None,
    base: Path | None = None,
) -> JournalFaultBar:
    """The bar under the control room's header; after continuing, the status bar says where to."""
    bar = JournalFaultBar(controller, settings=settings, base=base, parent=operator)
    operator.add_bar(bar)
    bar.continued.connect(
        lambda path, carried: operator.statusBar().showMessage(continued_message(path, carried), 20000)
    )
    return bar
