"""The schedule as authored: an event, its parts, segments and speakers.

Plain frozen dataclasses so the live engine can hash, compare and share them
freely; everything here is immutable once loaded. Times are aware datetimes in
the event's own time zone, because the plan is what the printed rundown says.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from datetime import date as _date  # inside Event, `date` names the field
from zoneinfo import ZoneInfo

from runshow.plan.kinds import BREAK_KINDS, SegmentKind, SpeakerRole
from runshow.plan.rules import FLAG_DEFAULTS, LEAD_DEFAULTS, Audience, Rule

__all__ = [
    "AlertSettings",
    "Audience",
    "CustomAlert",
    "Event",
    "Gap",
    "Part",
    "Plan",
    "Segment",
    "SegmentKind",
    "Speaker",
    "SpeakerRole",
]


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person (or delegation) inside a multi-speaker segment, with their slot.

    ``duration`` is always set, so cues chain as before; for an untimed speaker (written with
    no ``duration``) it is a nominal share of the segment's time and ``timed`` is False: the
    speaker runs until the operator's next, and the segment's countdown is the truth.
    """

    name: str
    duration: timedelta
    affiliation: str = ""
    topic: str = ""
    timed: bool = True  # False: written without a duration (nominal share of what is left)
    approximate: bool = False  # written "~3m": a guide, stretched or squeezed to fill the segment
    role: SpeakerRole = SpeakerRole.SPEAKER


@dataclass(frozen=True, slots=True)
class AlertSettings:
    """Alert rules in force for a segment (event defaults merged with overrides).

    All leads are how long *before* the instant the alert is about. A lead of
    ``None`` switches that rule off.
    """

    # Defaults from the one registry, runshow.plan.rules (a test checks every rule is a field).
    wrapup_warning: timedelta | None = LEAD_DEFAULTS[Rule.WRAPUP_WARNING]
    wrapup_danger: timedelta | None = LEAD_DEFAULTS[Rule.WRAPUP_DANGER]
    overtime: bool = FLAG_DEFAULTS[Rule.OVERTIME]
    break_starting: timedelta | None = LEAD_DEFAULTS[Rule.BREAK_STARTING]
    break_ending: timedelta | None = LEAD_DEFAULTS[Rule.BREAK_ENDING]
    break_over: bool = FLAG_DEFAULTS[Rule.BREAK_OVER]
    speaker_standby: timedelta | None = LEAD_DEFAULTS[Rule.SPEAKER_STANDBY]
    show_end_warning: timedelta | None = LEAD_DEFAULTS[Rule.SHOW_END_WARNING]
    show_end: bool = FLAG_DEFAULTS[Rule.SHOW_END]
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
    # No planned end of its own (a registration desk): ``end`` is where the next item starts
    # (or a nominal length); no wrap-up, no overtime by default. Written `open_end = true`.
    open_end: bool = False
    # The length is a guide (written `duration = "~90m"`): shown as approximate.
    approximate: bool = False
    # The room or track it runs in (parallel breakouts); "" = every room (plenary).
    room: str = ""
    moderator: str = ""  # 사회 / 좌장, shown beside the speakers
    topic: str = ""

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    @property
    def is_break(self) -> bool:
        """Break alerts apply (a break, a meal): the audience leaves and is called back."""
        return self.kind in BREAK_KINDS

    @property
    def untimed_speakers(self) -> bool:
        """Some speaker has no slot of their own: the segment's countdown is the truth."""
        return any(not sp.timed for sp in self.speakers)


@dataclass(frozen=True, slots=True)
class Part:
    """A block of the programme (사전행사, 1부, 2부) with the length it declares."""

    id: str
    title: str
    declared: timedelta | None  # None: the part declares no length (it is not checked)
    segment_ids: tuple[str, ...]
    date: date | None = None  # the day its times are on, when it is not the event's
    room: str = ""  # its segments' room unless they name one
    hard_stop: datetime | None = None  # the part must be over by then


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
    last_date: _date | None = None  # the last day of a multi-day event (None: one day)
    venue: str = ""
    hosts: tuple[str, ...] = ()
    organisers: tuple[str, ...] = ()
    stream: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Gap:
    """Nothing scheduled between two segments of a track (no break alerts; the stage shows the
    time to the next item)."""

    after: str  # segment id
    before: str  # segment id
    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Plan:
    """A whole validated schedule: what the live engine folds actions against.

    ``segments`` is one track in time order: the plenary segments and those of ``room`` (the
    first room when the schedule has rooms and none was chosen). ``all_segments`` holds every
    room's, in file order, for a rundown of the others; :meth:`for_room` chooses another room.
    """

    event: Event
    parts: tuple[Part, ...]
    segments: tuple[Segment, ...]
    custom_alerts: tuple[CustomAlert, ...] = ()
    source: str = ""
    digest: str = ""
    all_segments: tuple[Segment, ...] = ()  # empty = the same as ``segments`` (one track)
    room: str = ""  # the room ``segments`` is the track of ("" when the schedule has no rooms)
    all_parts: tuple[Part, ...] = ()  # empty = the same as ``parts``

    @property
    def rooms(self) -> tuple[str, ...]:
        """The rooms named in the schedule, in first-mention order (empty: one track)."""
        seen: dict[str, None] = {}
        for seg in self.all_segments or self.segments:
            if seg.room:
                seen.setdefault(seg.room, None)
        return tuple(seen)

    def for_room(self, room: str) -> Plan:
        """The same plan, running ``room``'s track (its segments and the plenary ones)."""
        if room not in self.rooms:
            raise KeyError(room)
        everything = self.all_segments or self.segments
        track = tuple(sorted((s for s in everything if s.room in ("", room)), key=lambda s: s.start))
        ids = {s.id for s in track}
        all_parts = self.all_parts or self.parts
        parts = tuple(p for p in all_parts if any(i in ids for i in p.segment_ids))
        return replace(self, parts=parts, segments=track, all_segments=everything, room=room, all_parts=all_parts)

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """The stretches of this track with nothing scheduled."""
        return tuple(
            Gap(a.id, b.id, a.end, b.start)
            for a, b in zip(self.segments, self.segments[1:], strict=False)
            if b.start > a.end
        )

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
        for part in self.all_parts or self.parts:
            if part.id == segment.part_id:
                return part
        raise KeyError(segment.part_id)


# ── pickling (runshow.plan.cache) ────────────────────────────────────────
# A frozen slotted dataclass unpickles through dataclasses' own __setstate__, which asks
# ``fields()`` again for every object: 60 % of reading a 5,000-segment plan back. The same
# assignment in the same order, with the names looked up once per class.
def _fast_setstate(cls: type) -> None:
    names = tuple(f.name for f in fields(cls))
    setter = object.__setattr__

    def __setstate__(self: object, state: list[object]) -> None:  # noqa: N807 (pickle's name)
        for name, value in zip(names, state, strict=True):
            setter(self, name, value)

    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]


for _cls in (Speaker, AlertSettings, CustomAlert, Segment, Part, Event, Gap, Plan):
    _fast_setstate(_cls)
del _cls
