"""The engine's reasons for rejecting an action, in the operator's language.

``runshow.live`` cannot import Qt, so its reasons are plain English strings.
They are few and stable; this table gives each a translation (lupdate sees
every literal here). An unknown reason is shown as the engine wrote it:
better English than nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def reason_text(reason: str) -> str:
    """``reason`` from :meth:`Show.check`, translated when it is one the engine is known to give."""
    known = {
        "action is older than the last one applied": QCoreApplication.translate(
            "EngineReason", "action is older than the last one applied"
        ),
        "empty message": QCoreApplication.translate("EngineReason", "empty message"),
        "already in manual mode": QCoreApplication.translate("EngineReason", "already in manual mode"),
        "already in follow mode": QCoreApplication.translate("EngineReason", "already in follow mode"),
        "the show has already started": QCoreApplication.translate("EngineReason", "the show has already started"),
        "the show has not started; use start": QCoreApplication.translate(
            "EngineReason", "the show has not started; use start"
        ),
        "the show has ended": QCoreApplication.translate("EngineReason", "the show has ended"),
        "the show has not started": QCoreApplication.translate("EngineReason", "the show has not started"),
        "already at the first cue": QCoreApplication.translate("EngineReason", "already at the first cue"),
        "nothing is running": QCoreApplication.translate("EngineReason", "nothing is running"),
        "the show is not paused": QCoreApplication.translate("EngineReason", "the show is not paused"),
        "no cue is on to adjust": QCoreApplication.translate("EngineReason", "no cue is on to adjust"),
        "cannot take away more than the cue's whole length": QCoreApplication.translate(
            "EngineReason", "cannot take away more than the cue's whole length"
        ),
    }
    return known.get(reason, reason)
