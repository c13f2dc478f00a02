"""The schedule as authored: an event, its parts, segments and speakers.

Plain frozen dataclasses so the live engine can hash, compare and share them
freely; everything here is immutable once loaded. Times are aware datetimes in
the event's own time zone, because the plan is what the printed rundown says.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo


class SegmentKind(enum.StrEnum):
    """What kind of thing happens on stage; drives defaults such as break alerts."""

    CEREMONY = "ceremony"
    SPEECH = "speech"
    TALK = "talk"
    PRESENTATION = "presentation"
    BREAK = "break"
    PANEL = "panel"
    CLOSING = "closing"


class Audience(enum.StrEnum):
    """Who is shown an alert."""

    OPERATOR = "operator"
    STAGE = "stage"
    BOTH = "both"


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person (or delegation) inside a multi-speaker segment, with their slot."""

    name: str
    duration: timedelta
    affiliation: str = ""
    topic: str = ""


@dataclass(frozen=True, slots=True)
class AlertSettings:
    """Alert rules in force for a segment (event defaults merged with overrides).

    All leads are how long *before* the instant the alert is about. A lead of
    ``None`` switches that rule off.
    """

    wrapup_warning: timedelta | None = timedelta(minutes=2)
    wrapup_danger: timedelta | None = timedelta(seconds=30)
    overtime: bool = True
    break_starting: timedelta | None = timedelta(minutes=2)
    break_ending: timedelta | None = timedelta(minutes=2)
    break_over: bool = True
    speaker_standby: timedelta | None = timedelta(minutes=2)
    show_end_warning: timedelta | None = timedelta(minutes=5)
    show_end: bool = True
    audience: dict[str, Audience] = field(default_factory=dict, hash=False, compare=False)
    chime: dict[str, bool] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class CustomAlert:
    """An alert the author asked for by name: at a clock time or relative to a segment."""

    id: str
    text: str
    audience: Audience = Audience.OPERATOR
    chime: bool = True
    at: datetime | None = None
    segment_id: str | None = None
    anchor: str = "start"  # "start" or "end" of segment_id
    offset: timedelta = timedelta(0)  # negative = before the anchor


@dataclass(frozen=True, slots=True)
class Segment:
    """One row of the rundown."""

    id: str
    title: str
    kind: SegmentKind
    start: datetime
    end: datetime
    part_id: str
    owner: str = ""
    speakers: tuple[Speaker, ...] = ()
    notes: str = ""
    alerts: AlertSettings = field(default_factory=AlertSettings)
    # How far the segment may shrink on the day (the catch-up planner's bound): the least
    # length it may run. None = fixed, never trimmed. Written `min = "30m"` or `flex = "10m"`.
    min_length: timedelta | None = None
    # Which flexible segments the planner trims first: lower first; None = after the numbered.
    trim_order: int | None = None

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    @property
    def is_break(self) -> bool:
        return self.kind is SegmentKind.BREAK


@dataclass(frozen=True, slots=True)
class Part:
    """A block of the programme (사전행사, 1부, 2부) with the length it declares."""

    id: str
    title: str
    declared: timedelta
    segment_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """Who, where and when: the facts the rundown's header carries."""

    title: str
    date: date
    timezone: ZoneInfo
    # A stable id for the event (the journal is keyed by it, not by the file's bytes).
    # Written `id = "..."` in [event]; empty = derived (see runshow.live.journal).
    id: str = ""
    # The instant the show must be over (the hall must be empty, the stream ends).
    hard_stop: datetime | None = None
    venue: str = ""
    hosts: tuple[str, ...] = ()
    organisers: tuple[str, ...] = ()
    stream: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """A whole validated schedule: what the live engine folds actions against."""

    event: Event
    parts: tuple[Part, ...]
    segments: tuple[Segment, ...]
    custom_alerts: tuple[CustomAlert, ...] = ()
    source: str = ""
    digest: str = ""

    @property
    def start(self) -> datetime:
        return self.segments[0].start

    @property
    def end(self) -> datetime:
        return self.segments[-1].end

    def segment(self, segment_id: str) -> Segment:
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)

    def part_of(self, segment: Segment) -> Part:
        for part in self.parts:
            if part.id == segment.part_id:
                return part
        raise KeyError(segment.part_id)
