"""The engine's reasons for refusing an action, in the operator's language.

A refusal from :mod:`runshow.live` is a :class:`~runshow.live.reasons.Refusal`: its English
sentence, with a :class:`~runshow.live.reasons.Reason` code and the ``params`` it names. Here
the code's English template (the Qt source text, context ``EngineReason``) is looked up in
the injected translator and filled with the params, so the windows, the web views and the
CLI say the same words. A plain string that is no refusal is shown as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from runshow.live.reasons import ENGLISH, Reason, Refusal
from runshow.present.translate import Translator, Words


def _templates(w: Words) -> dict[Reason, Callable[[], str]]:
    """Each code's template in ``w``'s language (lupdate reads every literal here)."""
    return {
        Reason.NO_TIMEZONE: lambda: w.translate("EngineReason", "action time has no time zone"),
        Reason.TIME_OUT_OF_RANGE: lambda: w.translate("EngineReason", "action time {at} is out of range"),
        Reason.OLDER_THAN_LAST: lambda: w.translate("EngineReason", "action is older than the last one applied"),
        Reason.EMPTY_MESSAGE: lambda: w.translate("EngineReason", "empty message"),
        Reason.MODE_MISSING: lambda: w.translate("EngineReason", "mode needs manual or follow"),
        Reason.ALREADY_IN_MODE: lambda: w.translate("EngineReason", "already in {mode} mode"),
        Reason.ALREADY_STARTED: lambda: w.translate("EngineReason", "the show has already started"),
        Reason.NOT_STARTED_USE_START: lambda: w.translate("EngineReason", "the show has not started; use start"),
        Reason.ENDED: lambda: w.translate("EngineReason", "the show has ended"),
        Reason.NOT_STARTED: lambda: w.translate("EngineReason", "the show has not started"),
        Reason.FIRST_CUE: lambda: w.translate("EngineReason", "already at the first cue"),
        Reason.NO_SEGMENT: lambda: w.translate("EngineReason", "no segment with id {segment!r}"),
        Reason.NOTHING_RUNNING: lambda: w.translate("EngineReason", "nothing is running"),
        Reason.NOT_PAUSED: lambda: w.translate("EngineReason", "the show is not paused"),
        Reason.NO_CUE_TO_ADJUST: lambda: w.translate("EngineReason", "no cue is on to adjust"),
        Reason.ADJUST_ZERO: lambda: w.translate("EngineReason", "adjust needs a non-zero number of seconds"),
        Reason.ADJUST_TOO_BIG: lambda: w.translate("EngineReason", "adjust by at most 24 hours"),
        Reason.GRANT_TOO_BIG: lambda: w.translate("EngineReason", "a cue cannot be granted more than 24 hours"),
        Reason.TAKES_WHOLE_LENGTH: lambda: w.translate(
            "EngineReason", "cannot take away more than the cue's whole length"
        ),
        Reason.NOTHING_TO_UNDO: lambda: w.translate("EngineReason", "nothing to undo"),
        Reason.NOTHING_TO_REDO: lambda: w.translate("EngineReason", "nothing to redo"),
        Reason.AMEND_MISSING: lambda: w.translate("EngineReason", "an amendment needs its details"),
        Reason.SEGMENT_ENDED: lambda: w.translate("EngineReason", "segment {segment!r} has already ended"),
        Reason.SEGMENT_STARTED: lambda: w.translate("EngineReason", "segment {segment!r} has already started"),
        Reason.LENGTH_NOT_POSITIVE: lambda: w.translate(
            "EngineReason", "segment {segment!r} needs a length of more than zero"
        ),
        Reason.LENGTH_TOO_LONG: lambda: w.translate(
            "EngineReason", "segment {segment!r} cannot be longer than 24 hours"
        ),
        Reason.SHORTER_THAN_RUN: lambda: w.translate(
            "EngineReason", "segment {segment!r} has already run {run_s} s; it cannot be shorter"
        ),
        Reason.SPEAKER_SLOT_NOT_POSITIVE: lambda: w.translate(
            "EngineReason", "every speaker of {segment!r} needs a slot of more than zero"
        ),
        Reason.NO_SPEAKER: lambda: w.translate("EngineReason", "segment {segment!r} has no speaker number {index}"),
        Reason.LAST_SPEAKER: lambda: w.translate(
            "EngineReason", "segment {segment!r} keeps at least one speaker once it has speakers; remove the segment"
        ),
        Reason.DUPLICATE_SEGMENT: lambda: w.translate("EngineReason", "there is already a segment with id {segment!r}"),
        Reason.BAD_SEGMENT_ID: lambda: w.translate("EngineReason", "{segment!r} is not a usable segment id"),
        Reason.EMPTY_TITLE: lambda: w.translate("EngineReason", "a segment needs a title"),
        Reason.EMPTY_NAME: lambda: w.translate("EngineReason", "a speaker needs a name"),
        Reason.BAD_KIND: lambda: w.translate("EngineReason", "{kind!r} is not a kind of segment"),
        Reason.BAD_PLACE: lambda: w.translate("EngineReason", "place must be before or after, not {place!r}"),
        Reason.SAME_SEGMENT: lambda: w.translate("EngineReason", "segment {segment!r} cannot be moved next to itself"),
        Reason.START_BEFORE_PREVIOUS: lambda: w.translate(
            "EngineReason", "segment {segment!r} cannot start before the segment before it"
        ),
        Reason.FIRST_SEGMENT_START: lambda: w.translate(
            "EngineReason", "the first segment {segment!r} cannot be moved in time by an amendment"
        ),
        Reason.LAST_SEGMENT: lambda: w.translate("EngineReason", "the show keeps at least one segment"),
        Reason.NOTHING_CHANGES: lambda: w.translate("EngineReason", "the amendment changes nothing"),
        Reason.EMPTY_BATCH: lambda: w.translate("EngineReason", "a batch of amendments needs at least one"),
        Reason.JOURNAL_FAILED: lambda: w.translate("EngineReason", "the journal could not be written ({error})"),
    }


_BY_TEXT: dict[str, Reason] = {text: code for code, text in ENGLISH.items() if "{" not in text}


def reason_code(reason: str) -> Reason | None:
    """The code of a refusal: its own, a code written as text, or a fixed English sentence."""
    if isinstance(reason, Refusal):
        return reason.reason
    try:
        return Reason(reason)
    except ValueError:
        return _BY_TEXT.get(reason)


def reason_text(reason: str, tr: Translator, params: Mapping[str, object] | None = None) -> str:
    """``reason`` (a :class:`Refusal`, a code, or the engine's sentence) in ``tr``'s language."""
    code = reason_code(reason)
    if code is None:
        return reason
    args = dict(reason.params) if isinstance(reason, Refusal) else dict(params or {})
    w = Words(tr)
    if code is Reason.ALREADY_IN_MODE:  # the mode is a word too
        modes = {"manual": w.translate("EngineReason", "manual"), "follow": w.translate("EngineReason", "follow")}
        args["mode"] = modes.get(str(args.get("mode")), args.get("mode"))
    template = _templates(w)[code]()
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):  # a param the template names is missing
        return reason if isinstance(reason, Refusal) else ENGLISH[code]
