"""The control room's "원격" (Remote) dock: where phones and Stream Decks reach the show, and its switches.

It shows the server's address(es) with a QR code for phones, how many pages are
connected, the LAN switch, the control token (copy, regenerate), the remote lock,
OSC on/off (and on the LAN, with the senders it accepts, and where feedback goes),
whether automations may go out in rehearsal, and the automations' log. Every
remote action is announced in the window's status bar ("원격: 다음 (127.0.0.1)").
"""

from __future__ import annotations

import io
import logging
from typing import Any

import segno
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from runshow.present.reasons import reason_text
from runshow.remote.automations import AutomationResult, AutomationRunner
from runshow.remote.control import LOCKED, RemoteControl, RemoteEvent
from runshow.remote.osc import OscBridge, parse_target
from runshow.session.qt_translate import qt_tr

log = logging.getLogger(__name__)
LOG_ROWS = 200


def action_word(name: str) -> str:
    """The control room's word for an API action (``next`` → 다음)."""
    words = {
        "start": QCoreApplication.translate("RemoteAction", "start"),
        "next": QCoreApplication.translate("RemoteAction", "next"),
        "previous": QCoreApplication.translate("RemoteAction", "previous"),
        "pause": QCoreApplication.translate("RemoteAction", "pause"),
        "resume": QCoreApplication.translate("RemoteAction", "resume"),
        "undo": QCoreApplication.translate("RemoteAction", "undo"),
        "redo": QCoreApplication.translate("RemoteAction", "redo"),
        "follow": QCoreApplication.translate("RemoteAction", "follow the plan"),
        "manual": QCoreApplication.translate("RemoteAction", "manual"),
        "blackout": QCoreApplication.translate("RemoteAction", "blackout"),
        "clear-message": QCoreApplication.translate("RemoteAction", "clear message"),
        "goto": QCoreApplication.translate("RemoteAction", "go to segment"),
        "adjust": QCoreApplication.translate("RemoteAction", "adjust time"),
        "message": QCoreApplication.translate("RemoteAction", "message"),
    }
    return words.get(name, name)


def announcement(event: RemoteEvent) -> str:
    """The status bar's line for one remote action: ``원격: 다음 (127.0.0.1)``, or why it was refused."""
    where = event.source.split(" ", 1)[-1]
    if event.refused is None:
        return (
            QCoreApplication.translate("RemotePanel", "Remote: %1 (%2)")
            .replace("%1", action_word(event.name))
            .replace("%2", where)
        )
    if event.refused == LOCKED:
        why = QCoreApplication.translate("RemotePanel", "remote control is locked")
    elif event.refusal is not None:
        why = reason_text(event.refusal, qt_tr)
    else:
        why = event.refused
    text = QCoreApplication.translate("RemotePanel", "Remote: %1 refused — %2 (%3)").replace(
        "%1", action_word(event.name)
    )
    return text.replace("%2", why).replace("%3", where)


def qr_image(text: str, scale: int = 4) -> QImage:
    """A QR code of ``text`` (segno, pure Python) as a QImage."""
    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=scale, border=2)
    image = QImage()
    image.loadFromData(buf.getvalue(), "PNG")
    return image


class RemotePanel(QDockWidget):
    """The "원격" dock."""

    def __init__(
        self,
        control: RemoteControl,
        osc: OscBridge | None = None,
        automations: AutomationRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("RemotePanel", "Remote"), parent)
        self.setObjectName("remote")
        self.control = control
        self.osc = osc
        self.automations = automations
        body = QWidget(self)
        outer = QVBoxLayout(body)
        top = QHBoxLayout()
        form = QFormLayout()
        self.addresses = QLabel()
        self.addresses.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(QCoreApplication.translate("RemotePanel", "Address"), self.addresses)
        self.clients = QLabel()
        form.addRow(QCoreApplication.translate("RemotePanel", "Connected"), self.clients)
        self.lan = QCheckBox(QCoreApplication.translate("RemotePanel", "Serve on the LAN"))
        self.lan.setChecked(control.server.lan)
        self.lan.toggled.connect(self._set_lan)
        form.addRow("", self.lan)
        token_row = QHBoxLayout()
        self.token = QLineEdit(control.token)
        self.token.setReadOnly(True)
        self.token.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.copy = QPushButton(QCoreApplication.translate("RemotePanel", "Copy"))
        self.copy.clicked.connect(self.copy_token)
        self.regenerate = QPushButton(QCoreApplication.translate("RemotePanel", "Regenerate"))
        self.regenerate.clicked.connect(self.regenerate_token)
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.copy)
        token_row.addWidget(self.regenerate)
        form.addRow(QCoreApplication.translate("RemotePanel", "Control token"), token_row)
        self.lock = QCheckBox(QCoreApplication.translate("RemotePanel", "Lock remote control"))
        self.lock.setChecked(control.locked)
        self.lock.toggled.connect(control.set_locked)
        control.lockChanged.connect(self._on_lock)
        form.addRow("", self.lock)
        self.osc_on = QCheckBox(QCoreApplication.translate("RemotePanel", "OSC"))
        self.osc_lan = QCheckBox(QCoreApplication.translate("RemotePanel", "OSC on the LAN (listed senders only)"))
        self.osc_allowed = QLineEdit()
        self.osc_allowed.setPlaceholderText(QCoreApplication.translate("RemotePanel", "addresses, comma separated"))
        self.osc_targets = QLineEdit()
        self.osc_targets.setPlaceholderText(QCoreApplication.translate("RemotePanel", "host:port, comma separated"))
        if osc is not None:
            self.osc_on.setChecked(osc.listening)
            self.osc_on.toggled.connect(self._set_osc)
            self.osc_lan.setChecked(osc.lan)
            self.osc_lan.toggled.connect(self._set_osc_lan)
            self.osc_allowed.setText(", ".join(sorted(osc.allowed)))
            self.osc_allowed.editingFinished.connect(self._set_allowed)
            self.osc_targets.setText(", ".join(map(str, osc.targets)))
            self.osc_targets.editingFinished.connect(self._set_targets)
        else:
            for widget in (self.osc_on, self.osc_lan, self.osc_allowed, self.osc_targets):
                widget.setEnabled(False)
        form.addRow("", self.osc_on)
        form.addRow("", self.osc_lan)
        form.addRow(QCoreApplication.translate("RemotePanel", "OSC senders"), self.osc_allowed)
        form.addRow(QCoreApplication.translate("RemotePanel", "OSC feedback to"), self.osc_targets)
        self.rehearsal_sends = QCheckBox(QCoreApplication.translate("RemotePanel", "Send automations in rehearsal"))
        if automations is not None:
            self.rehearsal_sends.setChecked(automations.allow_rehearsal)
            self.rehearsal_sends.toggled.connect(self._allow_rehearsal)
        else:
            self.rehearsal_sends.setEnabled(False)
        form.addRow("", self.rehearsal_sends)
        top.addLayout(form, 1)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        top.addWidget(self.qr)
        outer.addLayout(top)
        self.status = QLabel()
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        outer.addWidget(QLabel(QCoreApplication.translate("RemotePanel", "Automations")))
        self.log = QListWidget()
        outer.addWidget(self.log, 1)
        self.setWidget(body)
        control.session.clientsChanged.connect(self._on_clients)
        control.tokenChanged.connect(self.token.setText)
        if automations is not None:
            automations.result.connect(self.add_result)
        self._on_clients(control.server.client_count)
        self.refresh_addresses()

    # ── what it shows ────────────────────────────────────────────────────
    def phone_url(self) -> str:
        urls = self.control.server.urls()
        return urls[-1] if urls else ""

    def refresh_addresses(self) -> None:
        urls = self.control.server.urls()
        self.addresses.setText("\n".join(urls))
        url = self.phone_url()
        if url:
            self.qr.setPixmap(QPixmap.fromImage(qr_image(url)))
            self.qr.setToolTip(url)

    def _on_clients(self, count: int) -> None:
        self.clients.setText(QCoreApplication.translate("RemotePanel", "%1 page(s)").replace("%1", str(count)))

    def _on_lock(self, on: bool) -> None:
        self.lock.blockSignals(True)
        self.lock.setChecked(on)
        self.lock.blockSignals(False)

    def add_result(self, result: AutomationResult) -> None:
        words = {
            "sent": QCoreApplication.translate("RemotePanel", "sent"),
            "failed": QCoreApplication.translate("RemotePanel", "failed"),
            "skipped": QCoreApplication.translate("RemotePanel", "not sent (rehearsal)"),
        }
        why = f" — {result.why}" if result.why and result.outcome == "failed" else ""
        line = f"{result.at:%H:%M:%S} {words.get(result.outcome, result.outcome)}: {result.automation.label}{why}"
        self.log.insertItem(0, line)
        while self.log.count() > LOG_ROWS:
            self.log.takeItem(self.log.count() - 1)

    # ── switches ─────────────────────────────────────────────────────────
    def copy_token(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.control.token)
        self.status.setText(QCoreApplication.translate("RemotePanel", "Token copied."))

    def regenerate_token(self) -> None:
        self.control.regenerate_token()
        self.status.setText(
            QCoreApplication.translate("RemotePanel", "New token: give it to every remote control again.")
        )

    def _set_lan(self, on: bool) -> None:
        future = self.control.session.set_lan(on)
        try:
            future.result(5)
        except Exception as exc:
            log.warning("cannot change the LAN switch: %s", exc)
            self.status.setText(
                QCoreApplication.translate("RemotePanel", "Cannot listen on the LAN: %1").replace("%1", str(exc))
            )
            self.lan.blockSignals(True)
            self.lan.setChecked(not on)
            self.lan.blockSignals(False)
        self.refresh_addresses()

    def _set_osc(self, on: bool) -> None:
        if self.osc is not None and not self.osc.set_enabled(on):
            self.status.setText(
                QCoreApplication.translate("RemotePanel", "OSC cannot listen on port %1.").replace(
                    "%1", str(self.osc.port)
                )
            )
            self.osc_on.blockSignals(True)
            self.osc_on.setChecked(False)
            self.osc_on.blockSignals(False)

    def _set_osc_lan(self, on: bool) -> None:
        if self.osc is not None and not self.osc.set_lan(on):
            self.status.setText(QCoreApplication.translate("RemotePanel", "OSC cannot listen on the LAN."))

    def _set_allowed(self) -> None:
        if self.osc is not None:
            self.osc.set_allowed(a.strip() for a in self.osc_allowed.text().split(","))

    def _set_targets(self) -> None:
        if self.osc is None:
            return
        targets, bad = [], []
        for text in (t for t in self.osc_targets.text().split(",") if t.strip()):
            try:
                targets.append(parse_target(text))
            except ValueError:
                bad.append(text.strip())
        self.osc.set_targets(targets)
        if bad:
            self.status.setText(
                QCoreApplication.translate("RemotePanel", "Not host:port, ignored: %1").replace("%1", ", ".join(bad))
            )

    def _allow_rehearsal(self, on: bool) -> None:
        if self.automations is not None:
            self.automations.allow_rehearsal = on


def install_remote_panel(
    window: QMainWindow,
    control: RemoteControl,
    osc: OscBridge | None = None,
    automations: AutomationRunner | None = None,
) -> RemotePanel:
    """The dock on the right of the control room, and remote actions announced in its status bar."""
    panel = RemotePanel(control, osc, automations, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)

    def announce(event: Any) -> None:
        if isinstance(event, RemoteEvent):
            window.statusBar().showMessage(announcement(event), 8000)

    control.remoteAction.connect(announce)
    return panel
