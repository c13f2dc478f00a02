"""One versioned JSON shape of the show state, for every reader that is not a Qt window.

``runshow simulate --json``, the headless journal driver, ``runshow rehearse``,
the LAN views and the reports all print or serve :func:`show_state_json`.
Version 1 is a superset of what ``simulate --json`` printed before it (those ten
keys come first, in their old order and with their old meaning: scripts depend
on them); new keys are only ever added. A reader checks ``version``.

Times, unless said otherwise:

- the legacy keys ``at`` and ``projected_end`` are event-local ``HH:MM:SS``
  (``at_iso`` is ``at`` in full, and ``day`` the event's day it falls on: 1 for
  the event's ``date``, 2 the day after, 0 or less before the event)
  (``projected_end`` rounded up to its second, so it minus the planned end is
  ``drift_s``);
- every other instant is ISO 8601 with the event's UTC offset, and
  ``server_time_ms`` / ``next_flip_ms`` are Unix milliseconds, so a browser can
  estimate its offset to the server's clock and aim its own repaint at the
  boundary;
- every ``*_s`` is whole seconds with the engine's rounding (the ceiling),
  except ``elapsed_s``, which rises and is floored, so ``elapsed_s +
  remaining_s == length_s`` while a cue runs.

``phase`` is the countdown's urgency, as the stage colours it: ``neutral``
(pre-show, ended), ``normal``, ``warning``, ``danger``, ``overtime``. The words
under ``stage`` are the stage's own, in the translator's language.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from runshow.live.state import ShowState, ceil_instant, ceil_seconds
from runshow.plan.model import Plan
from runshow.present import timefmt
from runshow.present.rundown import RundownRow, rundown_rows
from runshow.present.stage_content import StageContent, stage_content
from runshow.present.translate import Translator

VERSION = 1

#: The keys ``runshow simulate --json`` printed before version 1, in order (kept first, same meaning).
LEGACY_KEYS = (
    "at",
    "state",
    "segment",
    "speaker",
    "next_speaker",
    "next",
    "remaining_s",
    "countdown_to_next_s",
    "drift_s",
    "projected_end",
)


def _iso(instant: datetime | None, plan: Plan) -> str | None:
    return None if instant is None else instant.astimezone(plan.event.timezone).isoformat()


def _epoch_ms(instant: datetime) -> int:
    """Unix milliseconds of an aware instant (no float: exact)."""
    return (instant - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)


def _seconds(value: timedelta | None) -> int | None:
    return None if value is None else ceil_seconds(value)


def legacy_json(state: ShowState) -> dict[str, Any]:
    """The ten keys ``simulate --json`` has always printed, in order."""
    tz = state.plan.event.timezone
    return {
        "at": timefmt.clock(state.at, tz),
        "state": state.status.value,
        "segment": state.segment.title if state.segment else None,
        "speaker": state.speaker.name if state.speaker else None,
        "next_speaker": state.next_speaker.name if state.next_speaker else None,
        "next": state.next_segment.title if state.next_segment else None,
        "remaining_s": state.remaining_s,
        "countdown_to_next_s": state.countdown_to_next_s,
        "drift_s": state.drift_s,
        "projected_end": timefmt.clock(ceil_instant(state.projected_end), tz),
    }


def _row_json(row: RundownRow, plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = {
        "segment_id": row.segment_id,
        "part_id": row.part_id,
        "title": row.title,
        "owner": row.owner,
        "kind": row.kind,
        "cues": [row.cue_first, row.cue_last],
        "phase": row.phase.value,
        "planned_start": _iso(row.planned_start, plan),
        "planned_end": _iso(row.planned_end, plan),
        "actual_start": _iso(row.actual_start, plan),
        "actual_end": _iso(row.actual_end, plan),
        "projected_start": _iso(row.projected_start, plan),
        "projected_end": _iso(row.projected_end, plan),
        "length_s": ceil_seconds(row.length),
        "delta_s": row.delta_s,
    }
    if row.speakers:
        out["speakers"] = [_row_json(kid, plan) for kid in row.speakers]
    return out


def _stage_json(content: StageContent) -> dict[str, Any]:
    return {
        "header": content.header,
        "clock": content.clock,
        "title": content.title,
        "presenter": content.presenter,
        "strip": [{"name": item.name, "role": item.role.value} for item in content.strip],
        "caption": content.caption,
        "countdown": content.countdown,
        "level": content.level.value,
        "blink_lit": content.blink_lit,
        "next_label": content.next_label,
        "next_countdown": content.next_countdown,
        "drift": content.drift,
        "message": content.message,
        "notice": content.notice,
        "rehearsal": content.rehearsal,
        "blackout": content.blackout,
    }


def show_state_json(
    state: ShowState,
    tr: Translator,
    *,
    notice: str | None = None,
    rehearsal: bool = False,
    rundown: bool = True,
) -> dict[str, Any]:
    """The show at ``state`` as version-1 JSON (a dict of JSON types), worded through ``tr``.

    ``notice`` (an alert's few words on the stage) and ``rehearsal`` are what the
    stage shows beside the state; ``rundown=False`` leaves the rows out for a
    reader that only wants the live numbers (``rundown`` is then ``None``).
    """
    plan: Plan = state.plan  # the plan this state was taken on (the show may have been amended since)
    event = plan.event
    content = stage_content(state, event, tr, notice=notice, rehearsal=rehearsal)
    part = state.part
    cue = state.cue
    segment = state.segment
    speakers: list[dict[str, Any]] = []
    if segment is not None:
        now_i = cue.speaker_index if cue is not None else None
        for i, sp in enumerate(segment.speakers):
            speakers.append(
                {
                    "name": sp.name,
                    "affiliation": sp.affiliation,
                    "topic": sp.topic,
                    "on": now_i is not None and i == now_i,
                    "next": now_i is not None and i == now_i + 1,
                    "done": now_i is not None and i < now_i,
                    "duration_s": ceil_seconds(sp.duration),
                }
            )
    out: dict[str, Any] = {"version": VERSION, **legacy_json(state)}
    local = state.at.astimezone(event.timezone)
    out.update(
        {
            # ``at`` is a bare time of day (a legacy key, kept); on a several-day event these two
            # say which instant it is: the full ISO instant and the event's day (1 = its first).
            "at_iso": local.isoformat(),
            "day": (local.date() - event.date).days + 1,
            "language": getattr(tr, "language", None),
            "mode": state.mode.value,
            "server_time": _iso(state.at, plan),
            "server_time_ms": _epoch_ms(state.at),
            "next_flip": _iso(state.next_flip, plan),
            "next_flip_ms": _epoch_ms(state.next_flip),
            "event": {
                "id": event.id,
                "title": event.title,
                "date": event.date.isoformat(),
                "timezone": event.timezone.key,
                "venue": event.venue,
                "stream": event.stream,
                "planned_start": _iso(plan.start, plan),
                "planned_end": _iso(state.planned_end, plan),
                "hard_stop": _iso(event.hard_stop, plan),
            },
            "part": None if part is None else {"id": part.id, "title": part.title},
            "current": None
            if cue is None or segment is None
            else {
                "cue": cue.index,
                "segment_id": segment.id,
                "title": segment.title,
                "kind": segment.kind.value,
                "owner": segment.owner,
                "planned_start": _iso(cue.planned_start, plan),
                "planned_end": _iso(cue.planned_end, plan),
            },
            "next_segment": None
            if state.next_segment is None
            else {"segment_id": state.next_segment.id, "title": state.next_segment.title},
            "speakers": speakers,
            "length_s": _seconds(state.length),
            "elapsed_s": None if state.elapsed is None else int(state.elapsed // timedelta(seconds=1)),
            "overtime": state.overtime,
            "phase": content.level.value,
            "projected_end_at": _iso(state.projected_end, plan),
            "message": state.message,
            "blackout": state.blackout,
            "stage": _stage_json(content),
            "rundown": [_row_json(row, plan) for row in rundown_rows(state, plan)] if rundown else None,
        }
    )
    return out
