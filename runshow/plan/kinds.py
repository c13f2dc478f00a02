"""What kinds of thing happen on stage, and what each kind means for the show."""

from __future__ import annotations

import enum


class SegmentKind(enum.StrEnum):
    """What kind of thing happens on stage; drives defaults such as break alerts."""

    CEREMONY = "ceremony"
    SPEECH = "speech"
    TALK = "talk"
    PRESENTATION = "presentation"
    BREAK = "break"
    PANEL = "panel"
    CLOSING = "closing"
    PERFORMANCE = "performance"  # 공연: music, dance; it ends when it ends
    REGISTRATION = "registration"  # 등록: doors open, badges; usually open-ended
    MEAL = "meal"  # lunch, dinner, reception: a break with food
    KEYNOTE = "keynote"
    AWARD = "award"  # 시상
    VIDEO = "video"  # 영상: a played clip; nobody on stage to wrap up


# The audience leaves and must be called back: break alerts (starting, ending, over).
BREAK_KINDS = frozenset({SegmentKind.BREAK, SegmentKind.MEAL})
# Someone is called to the stage for it, even without named speakers: speaker stand-by.
CALLED_KINDS = frozenset(
    {
        SegmentKind.SPEECH,
        SegmentKind.TALK,
        SegmentKind.PRESENTATION,
        SegmentKind.PANEL,
        SegmentKind.KEYNOTE,
        SegmentKind.AWARD,
        SegmentKind.PERFORMANCE,
    }
)


class SpeakerRole(enum.StrEnum):
    """What a person in a segment's speaker list does there."""

    SPEAKER = "speaker"
    MODERATOR = "moderator"  # 사회, 좌장: introduces the others, runs the discussion
    PANELIST = "panelist"
    PERFORMER = "performer"
