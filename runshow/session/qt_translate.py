"""The Qt app's translator for the pure presentation layer: ``QCoreApplication.translate``.

Whatever ``.qm`` files the app installed (Korean by default, none with
``--lang en``) word the stage content, alerts and reasons exactly as they word
the widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_tr(context: str, source: str, /) -> str:
    """A :class:`~runshow.present.translate.Translator` backed by the installed Qt translators."""
    return QCoreApplication.translate(context, source)
