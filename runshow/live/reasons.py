"""Why the engine rejects an action, as stable codes (minimal version, present helper).

The engine helper is adding ``Rejected.reason/.params`` on top of this; the codes
name today's English reasons in :mod:`runshow.live.show` one for one, so the
presentation layer words them by code (``runshow.present.reasons``) rather than by
matching English sentences.
"""

from __future__ import annotations

import enum


class Reason(enum.StrEnum):
    NAIVE_TIME = "naive-time"
    TIME_OUT_OF_RANGE = "time-out-of-range"  # params: at
    OLDER_THAN_LAST = "older-than-last"
    EMPTY_MESSAGE = "empty-message"
    MODE_NEEDED = "mode-needed"
    ALREADY_MANUAL = "already-manual"
    ALREADY_FOLLOW = "already-follow"
    ALREADY_STARTED = "already-started"
    NOT_STARTED_USE_START = "not-started-use-start"
    ENDED = "ended"
    NOT_STARTED = "not-started"
    AT_FIRST_CUE = "at-first-cue"
    UNKNOWN_SEGMENT = "unknown-segment"  # params: segment
    NOTHING_RUNNING = "nothing-running"
    NOT_PAUSED = "not-paused"
    NO_CUE_TO_ADJUST = "no-cue-to-adjust"
    ADJUST_ZERO = "adjust-zero"
    ADJUST_TOO_LARGE = "adjust-too-large"
    GRANT_TOO_LARGE = "grant-too-large"
    TAKE_TOO_MUCH = "take-too-much"
    UNKNOWN_ACTION = "unknown-action"  # params: kind
