"""Why the engine refused an action: a stable code, its arguments, and an English sentence.

``runshow.live`` cannot translate (it knows no Qt and no translator), so every
refusal carries a :class:`Reason` code and its ``params``; the edges (the
windows, the web views, the CLI) word it in the operator's language from the
code, and fall back to the English sentence in :data:`ENGLISH`.

- :class:`Rejected` is the exception the fold raises.
- :class:`Refusal` is the same thing as a ``str`` (the English sentence) that
  still carries ``.reason`` and ``.params``: :meth:`Show.check` and the
  controller's ``act()`` return one, so code that treats the reason as text
  keeps working while new code reads the code.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping


class Reason(enum.StrEnum):
    # any action
    NO_TIMEZONE = "no-timezone"
    TIME_OUT_OF_RANGE = "time-out-of-range"  # params: at
    OLDER_THAN_LAST = "older-than-last"
    # message / mode
    EMPTY_MESSAGE = "empty-message"
    MODE_MISSING = "mode-missing"
    ALREADY_IN_MODE = "already-in-mode"  # params: mode
    # cue actions
    ALREADY_STARTED = "already-started"
    NOT_STARTED_USE_START = "not-started-use-start"
    ENDED = "ended"
    NOT_STARTED = "not-started"
    FIRST_CUE = "first-cue"
    NO_SEGMENT = "no-segment"  # params: segment
    NOTHING_RUNNING = "nothing-running"
    NOT_PAUSED = "not-paused"
    NO_CUE_TO_ADJUST = "no-cue-to-adjust"
    ADJUST_ZERO = "adjust-zero"
    ADJUST_TOO_BIG = "adjust-too-big"
    GRANT_TOO_BIG = "grant-too-big"
    TAKES_WHOLE_LENGTH = "takes-whole-length"
    # undo / redo
    NOTHING_TO_UNDO = "nothing-to-undo"
    NOTHING_TO_REDO = "nothing-to-redo"
    # amendments
    AMEND_MISSING = "amend-missing"
    SEGMENT_ENDED = "segment-ended"  # params: segment
    SEGMENT_STARTED = "segment-started"  # params: segment
    LENGTH_NOT_POSITIVE = "length-not-positive"  # params: segment
    LENGTH_TOO_LONG = "length-too-long"  # params: segment
    SHORTER_THAN_RUN = "shorter-than-run"  # params: segment, run_s
    SPEAKER_SLOT_NOT_POSITIVE = "speaker-slot-not-positive"  # params: segment
    NO_SPEAKER = "no-speaker"  # params: segment, index
    LAST_SPEAKER = "last-speaker"  # params: segment
    DUPLICATE_SEGMENT = "duplicate-segment"  # params: segment
    BAD_SEGMENT_ID = "bad-segment-id"  # params: segment
    EMPTY_TITLE = "empty-title"
    EMPTY_NAME = "empty-name"
    BAD_KIND = "bad-kind"  # params: kind
    BAD_PLACE = "bad-place"  # params: place
    SAME_SEGMENT = "same-segment"  # params: segment
    START_BEFORE_PREVIOUS = "start-before-previous"  # params: segment
    FIRST_SEGMENT_START = "first-segment-start"  # params: segment
    LAST_SEGMENT = "last-segment"
    NOTHING_CHANGES = "nothing-changes"
    EMPTY_BATCH = "empty-batch"
    # the session (not the fold): the journal could not be written
    JOURNAL_FAILED = "journal-failed"  # params: error


#: The English sentence of each code; ``{name}`` placeholders are filled from ``params``.
ENGLISH: Mapping[Reason, str] = {
    Reason.NO_TIMEZONE: "action time has no time zone",
    Reason.TIME_OUT_OF_RANGE: "action time {at} is out of range",
    Reason.OLDER_THAN_LAST: "action is older than the last one applied",
    Reason.EMPTY_MESSAGE: "empty message",
    Reason.MODE_MISSING: "mode needs manual or follow",
    Reason.ALREADY_IN_MODE: "already in {mode} mode",
    Reason.ALREADY_STARTED: "the show has already started",
    Reason.NOT_STARTED_USE_START: "the show has not started; use start",
    Reason.ENDED: "the show has ended",
    Reason.NOT_STARTED: "the show has not started",
    Reason.FIRST_CUE: "already at the first cue",
    Reason.NO_SEGMENT: "no segment with id {segment!r}",
    Reason.NOTHING_RUNNING: "nothing is running",
    Reason.NOT_PAUSED: "the show is not paused",
    Reason.NO_CUE_TO_ADJUST: "no cue is on to adjust",
    Reason.ADJUST_ZERO: "adjust needs a non-zero number of seconds",
    Reason.ADJUST_TOO_BIG: "adjust by at most 24 hours",
    Reason.GRANT_TOO_BIG: "a cue cannot be granted more than 24 hours",
    Reason.TAKES_WHOLE_LENGTH: "cannot take away more than the cue's whole length",
    Reason.NOTHING_TO_UNDO: "nothing to undo",
    Reason.NOTHING_TO_REDO: "nothing to redo",
    Reason.AMEND_MISSING: "an amendment needs its details",
    Reason.SEGMENT_ENDED: "segment {segment!r} has already ended",
    Reason.SEGMENT_STARTED: "segment {segment!r} has already started",
    Reason.LENGTH_NOT_POSITIVE: "segment {segment!r} needs a length of more than zero",
    Reason.LENGTH_TOO_LONG: "segment {segment!r} cannot be longer than 24 hours",
    Reason.SHORTER_THAN_RUN: "segment {segment!r} has already run {run_s} s; it cannot be shorter",
    Reason.SPEAKER_SLOT_NOT_POSITIVE: "every speaker of {segment!r} needs a slot of more than zero",
    Reason.NO_SPEAKER: "segment {segment!r} has no speaker number {index}",
    Reason.LAST_SPEAKER: "segment {segment!r} keeps at least one speaker once it has speakers; remove the segment",
    Reason.DUPLICATE_SEGMENT: "there is already a segment with id {segment!r}",
    Reason.BAD_SEGMENT_ID: "{segment!r} is not a usable segment id",
    Reason.EMPTY_TITLE: "a segment needs a title",
    Reason.EMPTY_NAME: "a speaker needs a name",
    Reason.BAD_KIND: "{kind!r} is not a kind of segment",
    Reason.BAD_PLACE: "place must be before or after, not {place!r}",
    Reason.SAME_SEGMENT: "segment {segment!r} cannot be moved next to itself",
    Reason.START_BEFORE_PREVIOUS: "segment {segment!r} cannot start before the segment before it",
    Reason.FIRST_SEGMENT_START: "the first segment {segment!r} cannot be moved in time by an amendment",
    Reason.LAST_SEGMENT: "the show keeps at least one segment",
    Reason.NOTHING_CHANGES: "the amendment changes nothing",
    Reason.EMPTY_BATCH: "a batch of amendments needs at least one",
    Reason.JOURNAL_FAILED: "the journal could not be written ({error})",
}


def sentence(reason: Reason, params: Mapping[str, object]) -> str:
    """The English sentence for ``reason`` with its ``params`` filled in."""
    try:
        return ENGLISH[reason].format(**params)
    except (KeyError, IndexError, ValueError):  # a missing param must not hide the refusal
        return ENGLISH.get(reason, str(reason))


class Refusal(str):
    """A refusal as its English sentence, still carrying ``.reason`` and ``.params``."""

    reason: Reason
    params: dict[str, object]

    def __new__(cls, reason: Reason, params: Mapping[str, object] | None = None) -> Refusal:
        args = dict(params or {})
        self = super().__new__(cls, sentence(reason, args))
        self.reason = reason
        self.params = args
        return self


class Rejected(Exception):  # noqa: N818 - reads as "the action was Rejected"
    """An action that does not apply to the show as it stands."""

    def __init__(self, reason: Reason, **params: object) -> None:
        self.reason = reason
        self.params: dict[str, object] = dict(params)
        super().__init__(sentence(reason, self.params))

    def __str__(self) -> str:
        return sentence(self.reason, self.params)

    @property
    def refusal(self) -> Refusal:
        return Refusal(self.reason, self.params)
