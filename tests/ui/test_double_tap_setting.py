"""The double-tap window is configurable (issue 11: ~0.8 s by default)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from runshow.ui.app import double_tap_seconds


def test_default_setting_and_environment(tmp_path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert double_tap_seconds(settings, {}) == 0.8
    settings.setValue("guard/double_tap_s", "1.5")
    assert double_tap_seconds(settings, {}) == 1.5
    assert double_tap_seconds(settings, {"RUNSHOW_DOUBLE_TAP_S": "0"}) == 0.0  # the guard off
    assert double_tap_seconds(settings, {"RUNSHOW_DOUBLE_TAP_S": "soon"}) == 1.5  # not a number: the setting
    settings.setValue("guard/double_tap_s", "60")
    assert double_tap_seconds(settings, {}) == 0.8  # out of range: the default
    assert double_tap_seconds(None, {}) == 0.8
