"""The engine's reasons for rejecting an action, in the operator's language.

``runshow.live`` cannot import Qt, so a refusal is a code (``runshow.live.reasons.Reason``)
with arguments and an English sentence. This table gives the codes a translation
(lupdate sees every literal here); a code without one is shown as the engine
wrote it: better English than nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from runshow.live.reasons import ENGLISH, Reason, Refusal


def reason_text(reason: str) -> str:
    """``reason`` from :meth:`Show.check` or ``act()``, translated by its code when it carries one."""
    code = reason.reason if isinstance(reason, Refusal) else _BY_TEXT.get(str(reason))
    if code is Reason.ALREADY_IN_MODE and isinstance(reason, Refusal):
        if reason.params.get("mode") == "manual":
            return QCoreApplication.translate("EngineReason", "already in manual mode")
        return QCoreApplication.translate("EngineReason", "already in follow mode")
    if code is not None and code in _BY_CODE:
        return _BY_CODE[code]()
    return str(reason)  # a code without a translation yet: the engine's English


_BY_CODE: dict[Reason, Callable[[], str]] = {
    Reason.OLDER_THAN_LAST: lambda: QCoreApplication.translate(
        "EngineReason", "action is older than the last one applied"
    ),
    Reason.EMPTY_MESSAGE: lambda: QCoreApplication.translate("EngineReason", "empty message"),
    Reason.ALREADY_STARTED: lambda: QCoreApplication.translate("EngineReason", "the show has already started"),
    Reason.NOT_STARTED_USE_START: lambda: QCoreApplication.translate(
        "EngineReason", "the show has not started; use start"
    ),
    Reason.ENDED: lambda: QCoreApplication.translate("EngineReason", "the show has ended"),
    Reason.NOT_STARTED: lambda: QCoreApplication.translate("EngineReason", "the show has not started"),
    Reason.FIRST_CUE: lambda: QCoreApplication.translate("EngineReason", "already at the first cue"),
    Reason.NOTHING_RUNNING: lambda: QCoreApplication.translate("EngineReason", "nothing is running"),
    Reason.NOT_PAUSED: lambda: QCoreApplication.translate("EngineReason", "the show is not paused"),
    Reason.NO_CUE_TO_ADJUST: lambda: QCoreApplication.translate("EngineReason", "no cue is on to adjust"),
    Reason.TAKES_WHOLE_LENGTH: lambda: QCoreApplication.translate(
        "EngineReason", "cannot take away more than the cue's whole length"
    ),
}
_BY_TEXT: dict[str, Reason] = {text: code for code, text in ENGLISH.items() if "{" not in text}
