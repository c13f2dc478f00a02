"""What the stage shows, as plain data derived from one :class:`ShowState`.

The stage view only paints; every decision about *what* to show (which words,
which colour level, whether the overtime blink is in its lit phase) is made
here, from the engine's state, so it can be tested without pixels and reused
by the operator window's miniature. Nothing here keeps time: the blink phase is
the parity of the shown overtime second, so it flips exactly with the digits.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from runshow.live.show import Status
from runshow.live.state import ShowState, ceil_seconds
from runshow.plan.model import Event, Segment
from runshow.present import timefmt
from runshow.present.translate import Translator, Words, fill


class Level(enum.Enum):
    """How urgently the countdown asks the MC to wrap up."""

    NEUTRAL = "neutral"  # pre-show, ended, paused: nothing is running down
    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"


class Role(enum.Enum):
    """A speaker's place in the strip relative to who is on now."""

    DONE = "done"
    NOW = "now"
    NEXT = "next"
    LATER = "later"


@dataclass(frozen=True, slots=True)
class StripItem:
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class StageContent:
    status: Status
    blackout: bool
    header: str  # the part (or the event before and after the show)
    clock: str
    title: str
    presenter: str
    strip: tuple[StripItem, ...]
    caption: str  # the words over the countdown
    countdown: str
    level: Level
    blink_lit: bool  # overtime blink phase; True outside overtime
    next_label: str
    next_countdown: str
    drift: str
    drift_seconds: int
    message: str | None
    notice: str | None
    rehearsal: bool


def wrapup_level(remaining_s: int | None, warning: timedelta | None, danger: timedelta | None) -> Level:
    """The colour level for a shown number of seconds left.

    Compared on the *shown* (ceiling) second so the colour changes on the same
    flip as the digits: with a 2-minute warning the countdown turns amber as it
    reads 02:00, and red as it reads −00:01.
    """
    if remaining_s is None:
        return Level.NEUTRAL
    if remaining_s < 0:
        return Level.OVERTIME
    if danger is not None and remaining_s <= ceil_seconds(danger):
        return Level.DANGER
    if warning is not None and remaining_s <= ceil_seconds(warning):
        return Level.WARNING
    return Level.NORMAL


_NOTE = re.compile(r"\s*\([^)]*\)\s*$")


def _presenter_of(state: ShowState) -> str:
    """Who is on: the speaker (with affiliation) or the segment's owner.

    A trailing parenthetical in an affiliation is an author's note for the
    operator ("named in the press release …"), not for the MC's screen.
    """
    speaker = state.speaker
    if speaker is not None:
        affiliation = _NOTE.sub("", speaker.affiliation)
        return f"{speaker.name} · {affiliation}" if affiliation else speaker.name
    segment = state.segment
    if segment is None or segment.owner.strip() in ("", "-"):
        return ""
    return segment.owner


def _strip_of(state: ShowState) -> tuple[StripItem, ...]:
    cue = state.cue
    if cue is None or cue.speaker_index is None or len(cue.segment.speakers) < 2:
        return ()
    now = cue.speaker_index
    items = []
    for i, speaker in enumerate(cue.segment.speakers):
        role = Role.DONE if i < now else Role.NOW if i == now else Role.NEXT if i == now + 1 else Role.LATER
        items.append(StripItem(speaker.name, role))
    return tuple(items)


def _next_label(segment: Segment | None, w: Words) -> str:
    """The next *segment* (the strip already marks the next speaker inside this one)."""
    if segment is None:
        return w.translate("StageView", "Last segment")
    return fill(w.translate("StageView", "Next: %1"), segment.title)


def cut_notice(minutes: int, tr: Translator) -> str:
    """The MC's cue that the segment on now was made shorter: ``1분 줄여 주세요``."""
    return fill(Words(tr).translate("StageView", "Please cut %1 min"), minutes)


def stage_content(
    state: ShowState,
    event: Event,
    tr: Translator,
    *,
    notice: str | None = None,
    rehearsal: bool = False,
    cut_minutes: int | None = None,
) -> StageContent:
    """Everything the stage shows at ``state``, decided once, in ``tr``'s language.

    ``cut_minutes``: the segment on now was made that much shorter (a catch-up or an
    edit); the MC is asked to cut it, as the notice, unless an alert's notice is up.
    """
    w = Words(tr)
    if notice is None and cut_minutes and state.cue is not None:
        notice = cut_notice(cut_minutes, tr)
    zone = event.timezone
    clock = timefmt.clock(state.at, zone)
    common: dict[str, Any] = {  # the same on every screen state
        "blackout": state.blackout,
        "clock": clock,
        "message": state.message,
        "notice": notice,
        "rehearsal": rehearsal,
        "drift_seconds": state.drift_s,
    }
    day1 = event.date
    if state.status is Status.PRE_SHOW:
        first = state.next_segment
        start = state.next_cue.planned_start if state.next_cue else None
        when = timefmt.clock_hm_day(start, zone, day1) if start else ""
        return StageContent(
            status=state.status,
            header=" · ".join(x for x in (event.date.isoformat(), event.stream) if x),
            title=event.title,
            presenter=event.venue,
            strip=(),
            caption=fill(w.translate("StageView", "Until the %1 start"), when),
            countdown=timefmt.countdown(state.countdown_to_next_s or 0),
            level=Level.NEUTRAL,
            blink_lit=True,
            next_label=fill(w.translate("StageView", "First: %1"), first.title) if first else "",
            next_countdown=when,
            drift="",
            **common,
        )
    if state.status is Status.ENDED:
        ended = timefmt.clock_hm(state.projected_end, zone)
        return StageContent(
            status=state.status,
            header=event.title,
            title=w.translate("StageView", "The show has ended"),
            presenter=w.translate("StageView", "Thank you"),
            strip=(),
            caption=w.translate("StageView", "Ended at"),
            countdown=ended,
            level=Level.NEUTRAL,
            blink_lit=True,
            next_label=fill(
                w.translate("StageView", "Planned end %1"), timefmt.clock_hm_day(state.planned_end, zone, day1)
            ),
            next_countdown="",
            drift=timefmt.drift(state.drift_s, tr),
            **common,
        )

    segment = state.segment
    part = state.part
    next_seg = state.next_segment
    if state.gap_until is not None and segment is not None:
        # A real gap: nothing is on; the stage counts down to the item after it.
        when = timefmt.clock_hm_day(state.gap_until, zone, day1)
        return StageContent(
            status=state.status,
            header=part.title if part else event.title,
            title=segment.title,
            presenter=_presenter_of(state),
            strip=(),
            caption=fill(w.translate("StageView", "Starts at %1"), when),
            countdown=timefmt.countdown(state.until_gap_end_s or 0),
            level=Level.NEUTRAL,
            blink_lit=True,
            next_label=w.translate("StageView", "Nothing scheduled until then"),
            next_countdown="",
            drift=timefmt.drift(state.drift_s, tr),
            **common,
        )
    remaining_s = state.remaining_s if state.remaining_s is not None else 0
    alerts = segment.alerts if segment else None
    open_end = segment is not None and segment.open_end
    if open_end:
        remaining_s = max(remaining_s, 0)  # it runs until the next item: never over time
    level = wrapup_level(
        remaining_s,
        alerts.wrapup_warning if alerts else None,
        alerts.wrapup_danger if alerts else None,
    )
    if level is Level.OVERTIME:
        caption = w.translate("StageView", "Overtime")
    elif state.status is Status.PAUSED:
        caption = w.translate("StageView", "Paused")
    elif open_end:
        caption = w.translate("StageView", "Until the next item")
    elif state.segment_countdown:
        caption = w.translate("StageView", "Segment time left")  # an untimed speaker: the segment's clock
    else:
        caption = w.translate("StageView", "Time left")
    speaker = state.speaker
    if (segment is not None and segment.approximate) or (speaker is not None and speaker.approximate):
        caption = f"{timefmt.APPROX} {caption}"  # the length is a guide
    return StageContent(
        status=state.status,
        header=part.title if part else event.title,
        title=segment.title if segment else "",
        presenter=_presenter_of(state),
        strip=_strip_of(state),
        caption=caption,
        countdown=timefmt.countdown(remaining_s),
        level=level,
        blink_lit=level is not Level.OVERTIME or remaining_s % 2 == 0,
        next_label=_next_label(next_seg, w),
        next_countdown=fill(w.translate("StageView", "in %1"), timefmt.countdown(state.countdown_to_next_s))
        if state.countdown_to_next_s is not None and next_seg is not None
        else "",
        drift=timefmt.drift(state.drift_s, tr),
        **common,
    )
