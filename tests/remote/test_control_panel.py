"""The control room's 원격 dock: address and QR, clients, token copy/regenerate, the lock, the status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from runshow.live.clock import ManualClock
from runshow.live.reasons import Reason, Refusal
from runshow.remote.control import LOCKED, RemoteEvent
from runshow.remote.osc import OscBridge
from runshow.remote.token import token_path
from runshow.resources import i18n_dir
from runshow.ui.remote_panel import announcement, install_remote_panel, qr_image
from tests.remote.control_rig import TOKEN, make_rig

pytestmark = pytest.mark.gui


@pytest.fixture
def korean(qapp):
    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "remote_ko.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_dock_shows_the_address_qr_token_and_switches(qapp, qtbot, plan_2021, at, tmp_path) -> None:
    rig = make_rig(plan_2021, ManualClock(at(13, 29)), tmp_path)
    osc = OscBridge(rig.control, port=0)
    window = QMainWindow()
    qtbot.addWidget(window)
    try:
        panel = install_remote_panel(window, rig.control, osc)
        assert f"127.0.0.1:{rig.session.server.port}" in panel.addresses.text()
        assert not panel.qr.pixmap().isNull()
        assert panel.clients.text().startswith("0")
        assert panel.token.text() == TOKEN
        panel.copy.click()
        assert QGuiApplication.clipboard().text() == TOKEN
        panel.regenerate.click()
        new = rig.control.token
        assert new != TOKEN and panel.token.text() == new
        assert token_path(tmp_path).read_text().strip() == new
        assert rig.control.check_token(new) and not rig.control.check_token(TOKEN)
        panel.lock.click()
        assert rig.control.locked
        rig.control.set_locked(False)
        assert not panel.lock.isChecked()
        assert not panel.osc_on.isChecked()
        panel.osc_on.click()
        assert osc.listening
        panel.osc_on.click()
        assert not osc.listening
        rig.control.remoteAction.emit(RemoteEvent("http 127.0.0.1", "next"))
        assert window.statusBar().currentMessage() == "Remote: next (127.0.0.1)"
    finally:
        osc.stop()
        rig.stop()


def test_announcements_in_korean(korean) -> None:
    assert announcement(RemoteEvent("http 127.0.0.1", "next")) == "원격: 다음 (127.0.0.1)"
    assert announcement(RemoteEvent("osc 10.0.0.7:53000", "adjust", LOCKED)) == (
        "원격: 시간 조정 거절 — 원격 제어 잠김 (10.0.0.7:53000)"
    )
    refused = RemoteEvent("ws 127.0.0.1", "next", "ended", Refusal(Reason.ENDED))
    assert announcement(refused).startswith("원격: 다음 거절 — ")


def test_qr_code_is_an_image(qapp) -> None:
    image = qr_image("http://192.168.0.10:4080/")
    assert not image.isNull() and image.width() == image.height() > 50
