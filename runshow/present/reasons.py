"""The engine's reasons for rejecting an action, in the operator's language.

Worded by :class:`~runshow.live.reasons.Reason` code through an injected
translator (context ``EngineReason``; the sources are the engine's English
sentences, so the Korean already in the .ts files applies). The engine still
returns its English sentence from ``Show.check``; :func:`reason_code` maps a
known sentence back to its code. An unknown reason is shown as the engine wrote
it: better English than nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from runshow.live.reasons import Reason
from runshow.present.translate import Translator, Words, fill

# code → the engine's English sentence (``%1`` for its parameter), which is also the Qt source text.
ENGLISH: dict[Reason, str] = {
    Reason.NAIVE_TIME: "action time has no time zone",
    Reason.TIME_OUT_OF_RANGE: "action time %1 is out of range",
    Reason.OLDER_THAN_LAST: "action is older than the last one applied",
    Reason.EMPTY_MESSAGE: "empty message",
    Reason.MODE_NEEDED: "mode needs manual or follow",
    Reason.ALREADY_MANUAL: "already in manual mode",
    Reason.ALREADY_FOLLOW: "already in follow mode",
    Reason.ALREADY_STARTED: "the show has already started",
    Reason.NOT_STARTED_USE_START: "the show has not started; use start",
    Reason.ENDED: "the show has ended",
    Reason.NOT_STARTED: "the show has not started",
    Reason.AT_FIRST_CUE: "already at the first cue",
    Reason.UNKNOWN_SEGMENT: "no segment with id %1",
    Reason.NOTHING_RUNNING: "nothing is running",
    Reason.NOT_PAUSED: "the show is not paused",
    Reason.NO_CUE_TO_ADJUST: "no cue is on to adjust",
    Reason.ADJUST_ZERO: "adjust needs a non-zero number of seconds",
    Reason.ADJUST_TOO_LARGE: "adjust by at most 24 hours",
    Reason.GRANT_TOO_LARGE: "a cue cannot be granted more than 24 hours",
    Reason.TAKE_TOO_MUCH: "cannot take away more than the cue's whole length",
    Reason.UNKNOWN_ACTION: "unknown action %1",
}

_BY_SENTENCE = {text: code for code, text in ENGLISH.items() if "%1" not in text}


def _translated(code: Reason, w: Words) -> str | None:
    """The reasons that have Korean (lupdate reads each literal here); the rest stay English."""
    known = {
        Reason.OLDER_THAN_LAST: w.translate("EngineReason", "action is older than the last one applied"),
        Reason.EMPTY_MESSAGE: w.translate("EngineReason", "empty message"),
        Reason.ALREADY_MANUAL: w.translate("EngineReason", "already in manual mode"),
        Reason.ALREADY_FOLLOW: w.translate("EngineReason", "already in follow mode"),
        Reason.ALREADY_STARTED: w.translate("EngineReason", "the show has already started"),
        Reason.NOT_STARTED_USE_START: w.translate("EngineReason", "the show has not started; use start"),
        Reason.ENDED: w.translate("EngineReason", "the show has ended"),
        Reason.NOT_STARTED: w.translate("EngineReason", "the show has not started"),
        Reason.AT_FIRST_CUE: w.translate("EngineReason", "already at the first cue"),
        Reason.NOTHING_RUNNING: w.translate("EngineReason", "nothing is running"),
        Reason.NOT_PAUSED: w.translate("EngineReason", "the show is not paused"),
        Reason.NO_CUE_TO_ADJUST: w.translate("EngineReason", "no cue is on to adjust"),
        Reason.TAKE_TOO_MUCH: w.translate("EngineReason", "cannot take away more than the cue's whole length"),
    }
    return known.get(code)


def reason_code(reason: str) -> Reason | None:
    """The code of a reason: a code itself, or one of the engine's fixed English sentences."""
    try:
        return Reason(reason)
    except ValueError:
        return _BY_SENTENCE.get(reason)


def reason_text(reason: str, tr: Translator, params: Mapping[str, object] | None = None) -> str:
    """``reason`` (a :class:`Reason` code or the engine's sentence) in ``tr``'s language."""
    code = reason_code(reason)
    if code is None:
        return reason
    words = _translated(code, Words(tr))
    if words is not None:
        return words
    if "%1" in ENGLISH[code]:
        if not params:
            return reason  # a sentence with its argument already in it
        return fill(ENGLISH[code], *params.values())
    return ENGLISH[code]
