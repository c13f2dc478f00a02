"""Dialogs open in front of the window that asked (issue 11, finding 7)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from runshow.ui import recovery as ui_recovery
from runshow.ui.recovery import RecoveryDialogs, show_pending

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", r"does not support raise\(\)")]


def test_the_resumed_box_shown_before_the_windows_ends_up_in_front_of_the_control_room(qtbot):
    RecoveryDialogs.inform(None, "runshow — journal", "resumed from the journal: 4 actions")
    (box,) = [b for b in ui_recovery._keep if b.parentWidget() is None]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        show_pending(window)
        assert box.parentWidget() is window  # the window manager keeps it above its parent
        assert box.isVisible() and box.isWindow()
        assert box.windowHandle().transientParent() is window.windowHandle()
    finally:
        box.close()
    qtbot.waitUntil(lambda: box not in ui_recovery._keep)
