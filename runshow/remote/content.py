"""What each web view says, decided in Python from one :class:`ShowState` (pure: no Qt, no clock).

The browser formats only the numbers that move with time (the countdowns, the
drift, the time of day) from the exact values given here, at the instant it
computes from its estimate of the server's clock. Every word, every title and
every decision (which countdown is primary, whether it is live, the colour
thresholds) is made here, the same way the stage window makes it
(``runshow/ui/stage_content.py``, which this mirrors through the same ``.ts``
wording; ``tests/remote/test_content.py`` checks the two agree).

How a client moves the numbers from ``timing`` (``e`` = show ms since ``at_ms``)::

    remaining(e) = remaining_ms − (e if ticking else 0)
    next(e)      = next_ms − min(e, pivot_ms)
    drift(e)     = drift_ms + (max(0, e − pivot_ms) if drift_rises else 0)

which is exactly :func:`runshow.live.state.state_at` between two actions: the
countdown to the next segment falls until the current cue's end (the pivot),
then the drift rises instead (overtime, a pause, a late start).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from runshow.live.actions import Mode
from runshow.live.show import Status
from runshow.live.state import CueTiming, ShowState, ceil_seconds
from runshow.plan.model import Event, Segment
from runshow.present.state_json import show_state_json
from runshow.present.timefmt import day_prefix
from runshow.remote.words import Translator

MINUS = "\u2212"
_NOTE = re.compile(r"\s*\([^)]*\)\s*$")
_ZERO = timedelta(0)


def epoch_ms(instant: datetime) -> float:
    """Milliseconds since the Unix epoch, exact to the microsecond: the pages' time base."""
    return instant.timestamp() * 1000.0


def ms(value: timedelta | None) -> float | None:
    return None if value is None else value / timedelta(milliseconds=1)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One published state: a JSON-ready payload per language, never changed once built."""

    seq: int
    payloads: Mapping[str, Mapping[str, Any]]

    def payload(self, lang: str) -> Mapping[str, Any]:
        return self.payloads.get(lang) or next(iter(self.payloads.values()))


# ── numbers, spelled as the windows spell them (runshow/ui/timefmt.py) ─────
def _hms(total: int) -> str:
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def countdown_text(seconds: int) -> str:
    return MINUS + _hms(-seconds) if seconds < 0 else _hms(seconds)


def drift_amount(seconds: int) -> str:
    minutes, secs = divmod(abs(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def drift_text(seconds: int, say: Translator) -> str:
    if seconds == 0:
        return say("timefmt", "on time")
    template = say("timefmt", "+%1 late") if seconds > 0 else say("timefmt", "%1 early")
    return template.replace("%1", drift_amount(seconds))


def signed_minutes(seconds: int) -> str:
    sign = "+" if seconds > 0 else (MINUS if seconds < 0 else "")
    minutes, secs = divmod(abs(seconds), 60)
    return f"{sign}{minutes}:{secs:02d}"


def _hm(instant: datetime, zone: tzinfo) -> str:
    return instant.astimezone(zone).strftime("%H:%M")


def _hms_at(instant: datetime, zone: tzinfo) -> str:
    return instant.astimezone(zone).strftime("%H:%M:%S")


def wrapup_level(remaining_s: int | None, warning_s: int | None, danger_s: int | None) -> str:
    """The stage's colour level for a shown number of seconds (ui.stage_content.wrapup_level)."""
    if remaining_s is None:
        return "neutral"
    if remaining_s < 0:
        return "overtime"
    if danger_s is not None and remaining_s <= danger_s:
        return "danger"
    if warning_s is not None and remaining_s <= warning_s:
        return "warning"
    return "normal"


# ── the moving numbers ─────────────────────────────────────────────────────
def timing(state: ShowState) -> dict[str, Any]:
    """Exact values at ``at_ms`` and how each moves with show time (see the module doc)."""
    status = state.status
    remaining = state.remaining
    manual = state.mode is Mode.MANUAL
    if status is Status.RUNNING:
        ticking, pivot, rises = True, max(remaining or _ZERO, _ZERO), manual
    elif status is Status.PAUSED:
        ticking, pivot, rises = False, _ZERO, True
    elif status is Status.PRE_SHOW:
        ticking, pivot, rises = False, state.countdown_to_next or _ZERO, manual
    else:
        ticking, pivot, rises = False, _ZERO, False
    segment = state.segment
    alerts = segment.alerts if segment is not None and status in (Status.RUNNING, Status.PAUSED) else None
    level_live = alerts is not None
    warning = alerts.wrapup_warning if alerts else None
    danger = alerts.wrapup_danger if alerts else None
    return {
        "remaining_ms": ms(remaining),
        "next_ms": ms(state.countdown_to_next),
        "drift_ms": ms(state.drift),
        "ticking": ticking,
        "pivot_ms": ms(pivot),
        "drift_rises": rises,
        "level_live": level_live,
        "warning_s": None if warning is None else ceil_seconds(warning),
        "danger_s": None if danger is None else ceil_seconds(danger),
    }


def clock_block(state: ShowState, *, wall_ms: float, rate: float) -> dict[str, Any]:
    """How show time maps to the server's wall clock: ``show = show_ms + rate·(server − server_ms)``."""
    zone = state._show.plan.event.timezone
    offset = state.at.astimezone(zone).utcoffset() or _ZERO
    return {
        "show_ms": epoch_ms(state.at),
        "server_ms": wall_ms,
        "rate": rate,
        "tz_offset_ms": ms(offset),
        "time": _hms_at(state.at, zone),
    }


# ── words every view uses ──────────────────────────────────────────────────
def words(say: Translator) -> dict[str, str]:
    w = "WebView"
    return {
        "now": say("StageView", "now"),
        "next": say("StageView", "next"),
        "on_time": say("timefmt", "on time"),
        "late": say("timefmt", "+%1 late"),
        "early": say("timefmt", "%1 early"),
        "in": say("StageView", "in %1"),
        "overtime": say("StageView", "Overtime"),
        "rehearsal": say("StageView", "REHEARSAL — not the live show"),
        "offline": say(w, "Connection lost — reconnecting…"),
        "connecting": say(w, "Connecting…"),
        "standby": say(w, "stand by %1"),
    }


# ── the stage (mirrors runshow/ui/stage_content.py) ───────────────────────
def _presenter(state: ShowState) -> str:
    speaker = state.speaker
    if speaker is not None:
        affiliation = _NOTE.sub("", speaker.affiliation)
        return f"{speaker.name} · {affiliation}" if affiliation else speaker.name
    segment = state.segment
    if segment is None or segment.owner.strip() in ("", "-"):
        return ""
    return segment.owner


def _strip(state: ShowState, say: Translator) -> list[dict[str, str]]:
    cue = state.cue
    if cue is None or cue.speaker_index is None or len(cue.segment.speakers) < 2:
        return []
    now = cue.speaker_index
    tags = {"now": say("StageView", "now"), "next": say("StageView", "next")}
    out = []
    for i, speaker in enumerate(cue.segment.speakers):
        role = "done" if i < now else "now" if i == now else "next" if i == now + 1 else "later"
        out.append({"name": speaker.name, "role": role, "tag": tags.get(role, "")})
    return out


def stage(state: ShowState, event: Event, say: Translator, *, notice: str | None, rehearsal: bool) -> dict[str, Any]:
    """Everything the stage window shows at ``state``, as text and flags."""
    zone = event.timezone
    t = "StageView"
    common: dict[str, Any] = {
        "status": state.status.value,
        "blackout": state.blackout,
        "message": state.message,
        "notice": notice,
        "rehearsal": rehearsal,
        "drift_seconds": state.drift_s,
        "clock": _hms_at(state.at, zone),
        "caption_overtime": say(t, "Overtime"),
    }
    if state.status is Status.PRE_SHOW:
        first = state.next_segment
        start = state.next_cue.planned_start if state.next_cue else None
        when = _hm(start, zone) if start else ""
        return {
            **common,
            "header": " · ".join(x for x in (event.date.isoformat(), event.stream) if x),
            "title": event.title,
            "presenter": event.venue,
            "strip": [],
            "caption": say(t, "Until the %1 start").replace("%1", when),
            "primary": "next",
            "countdown": countdown_text(state.countdown_to_next_s or 0),
            "level": "neutral",
            "blink_lit": True,
            "next_label": say(t, "First: %1").replace("%1", first.title) if first else "",
            "next_countdown": when,
            "next_live": False,
            "drift": "",
            "drift_live": False,
        }
    if state.status is Status.ENDED:
        return {
            **common,
            "header": event.title,
            "title": say(t, "The show has ended"),
            "presenter": say(t, "Thank you"),
            "strip": [],
            "caption": say(t, "Ended at"),
            "primary": "static",
            "countdown": _hm(state.projected_end, zone),
            "level": "neutral",
            "blink_lit": True,
            "next_label": say(t, "Planned end %1").replace("%1", _hm(state.planned_end, zone)),
            "next_countdown": "",
            "next_live": False,
            "drift": drift_text(state.drift_s, say),
            "drift_live": False,
        }
    segment = state.segment
    remaining_s = state.remaining_s if state.remaining_s is not None else 0
    tm = timing(state)
    level = wrapup_level(remaining_s, tm["warning_s"], tm["danger_s"])
    if level == "overtime":
        caption = say(t, "Overtime")
    elif state.status is Status.PAUSED:
        caption = say(t, "Paused")
    else:
        caption = say(t, "Time left")
    part = state.part
    next_seg = state.next_segment
    next_live = state.countdown_to_next_s is not None and next_seg is not None
    return {
        **common,
        "header": part.title if part else event.title,
        "title": segment.title if segment else "",
        "presenter": _presenter(state),
        "strip": _strip(state, say),
        # the caption while the countdown is not in overtime (the client switches at the flip)
        "caption": say(t, "Paused") if state.status is Status.PAUSED else say(t, "Time left"),
        "caption_now": caption,
        "primary": "remaining",
        "countdown": countdown_text(remaining_s),
        "level": level,
        "blink_lit": level != "overtime" or remaining_s % 2 == 0,
        "next_label": say(t, "Last segment") if next_seg is None else say(t, "Next: %1").replace("%1", next_seg.title),
        "next_countdown": say(t, "in %1").replace("%1", countdown_text(state.countdown_to_next_s or 0))
        if next_live
        else "",
        "next_live": next_live,
        "drift": drift_text(state.drift_s, say),
        "drift_live": True,
    }


# ── backstage: who is on, who stands by ───────────────────────────────────
def _segment_block(
    segment: Segment, role: str, state: ShowState, timings: tuple[CueTiming, ...], say: Translator
) -> dict[str, Any]:
    plan = state._show.plan
    zone = plan.event.timezone
    cues = [t for t in timings if t.cue.segment.id == segment.id]
    current = state.cue.index if state.cue else None
    lead = segment.alerts.speaker_standby
    speakers = []
    for t in cues if segment.speakers else ():
        speaker = t.cue.speaker
        assert speaker is not None
        start = t.actual_start or t.projected_start or t.cue.planned_start
        if current is not None and t.cue.index < current:
            who = "done"
        elif t.cue.index == current:
            who = "now"
        elif (current is not None and t.cue.index == current + 1) or (current is None and t is cues[0]):
            who = "next"
        else:
            who = "later"
        standby = None if lead is None or who in ("done", "now") else _hm(start - lead, zone)
        speakers.append(
            {
                "name": speaker.name,
                "affiliation": _NOTE.sub("", speaker.affiliation),
                "topic": speaker.topic,
                "role": who,
                "tag": {"now": say("StageView", "now"), "next": say("StageView", "next")}.get(who, ""),
                "planned": f"{_hm(t.cue.planned_start, zone)}–{_hm(t.cue.planned_end, zone)}",
                "start": _hm(start, zone),
                "start_projected": t.actual_start is None,
                "standby": standby,
                "standby_text": say("WebView", "stand by %1").replace("%1", standby) if standby else "",
            }
        )
    first = cues[0] if cues else None
    start = (first.actual_start or first.projected_start or first.cue.planned_start) if first else segment.start
    standby = None
    if role == "next" and lead is not None and not segment.speakers:
        standby = _hm(start - lead, zone)
    owner = segment.owner if segment.owner.strip() not in ("", "-") else ""
    return {
        "role": role,
        "label": say("WebView", "On now") if role == "current" else say("WebView", "Up next"),
        "id": segment.id,
        "title": segment.title,
        "part": plan.part_of(segment).title,
        "owner": owner,
        "planned": f"{_hm(segment.start, zone)}–{_hm(segment.end, zone)}",
        "start": _hm(start, zone),
        "start_projected": first is None or first.actual_start is None,
        "standby": standby,
        "standby_text": say("WebView", "stand by %1").replace("%1", standby) if standby else "",
        "speakers": speakers,
    }


def backstage(state: ShowState, say: Translator) -> dict[str, Any]:
    timings = state.timings
    blocks = []
    if state.segment is not None and state.status is not Status.ENDED:
        blocks.append(_segment_block(state.segment, "current", state, timings, say))
    if state.next_segment is not None:
        blocks.append(_segment_block(state.next_segment, "next", state, timings, say))
    return {
        "title": say("WebView", "Backstage"),
        "segments": blocks,
        "empty": say("StageView", "The show has ended") if state.status is Status.ENDED else "",
    }


# ── rundown: planned vs actual, the current row (mirrors ui/rundown_model.py) ─
def _row(
    title: str, owner: str, first: CueTiming, last: CueTiming, length: timedelta, phase: str, zone: tzinfo
) -> dict[str, Any]:
    start_proj = first.actual_start is None and first.projected_start is not None
    end_proj = last.actual_end is None and last.projected_end is not None
    start = first.actual_start or first.projected_start
    end = last.actual_end or last.projected_end
    delta = last.delta
    delta_s = None if delta is None else ceil_seconds(delta)
    total = ceil_seconds(length)
    minutes, secs = divmod(total, 60)
    return {
        "title": title,
        "owner": owner,
        "planned_start": _hm(first.cue.planned_start, zone),
        "planned_end": _hm(last.cue.planned_end, zone),
        "start": ("≈" + _hm(start, zone) if start_proj else _hms_at(start, zone)) if start else "",
        "end": ("≈" + _hm(end, zone) if end_proj else _hms_at(end, zone)) if end else "",
        "length": f"{minutes}′" if secs == 0 else f"{minutes}′{secs:02d}″",
        "delta": "" if delta_s is None else signed_minutes(delta_s),
        "delta_s": delta_s,
        "phase": phase,
    }


def rundown(state: ShowState, say: Translator) -> dict[str, Any]:
    plan = state._show.plan
    zone = plan.event.timezone
    timings = state.timings
    current = state.cue.index if state.cue else None
    ended = state.status is Status.ENDED
    by_segment: dict[str, list[CueTiming]] = {}
    for t in timings:
        by_segment.setdefault(t.cue.segment.id, []).append(t)
    rows = []
    seen: set[str] = set()
    for seg in plan.segments:
        ts = by_segment[seg.id]
        ids = [t.cue.index for t in ts]
        part = ""
        if seg.part_id not in seen:
            seen.add(seg.part_id)
            part = plan.part_of(seg).title
        if current is not None and current in ids:
            phase = "current" if len(ids) == 1 or not seg.speakers else "contains"
        elif ended or (current is not None and ids[-1] < current):
            phase = "done"
        else:
            phase = "upcoming"
        length = sum((t.length for t in ts), _ZERO)
        row = _row(seg.title, seg.owner, ts[0], ts[-1], length, phase, zone)
        row["part"] = part
        row["speakers"] = []
        for t in ts if seg.speakers else ():
            sp = t.cue.speaker
            assert sp is not None
            i = t.cue.index
            done = ended or (current is not None and i < current)
            kphase = "current" if i == current else "done" if done else "upcoming"
            row["speakers"].append(_row(sp.name, _NOTE.sub("", sp.affiliation), t, t, t.length, kphase, zone))
        rows.append(row)
    w = "WebView"
    return {
        "title": say(w, "Rundown"),
        "columns": {
            "part": say(w, "Part"),
            "title": say(w, "Segment"),
            "owner": say(w, "Owner"),
            "planned": say(w, "Planned"),
            "actual": say(w, "Actual / projected"),
            "length": say(w, "Length"),
            "delta": say(w, "Δ"),
        },
        "rows": rows,
        "projected_end": _hms_at(state.projected_end, zone),
        "planned_end": _hm(state.planned_end, zone),
        "end_label": say(w, "Projected end %1 (planned %2)"),
    }


def rundown_all(state: ShowState, say: Translator) -> dict[str, Any]:
    """Every room's segments, read-only, in planned order (``/rundown?rooms=all``).

    The running room's track (its segments and the plenary ones) carries its phase from the
    show, so its current row is followed as in the one-room rundown; another room's segments
    are ``other`` (the app does not run them: planned times only). A time not on the event's
    first day carries its day (``D2 09:00``).
    """
    plan = state._show.plan
    zone = plan.event.timezone
    day1 = plan.event.date
    current = state.cue.index if state.cue else None
    ended = state.status is Status.ENDED
    cues: dict[str, list[int]] = {}
    for t in state.timings:
        cues.setdefault(t.cue.segment.id, []).append(t.cue.index)
    everything = plan.all_segments or plan.segments
    order = {room: i for i, room in enumerate(plan.rooms)}
    w = "WebView"
    plenary = say(w, "All rooms")
    rows = []
    for seg in sorted(everything, key=lambda s: (s.start, order.get(s.room, -1))):
        ids = cues.get(seg.id)
        if ids is None:
            phase = "other"
        elif current is not None and current in ids:
            phase = "current"
        elif ended or (current is not None and ids[-1] < current):
            phase = "done"
        else:
            phase = "upcoming"
        rows.append(
            {
                "id": seg.id,
                "room": seg.room or plenary,
                "plenary": not seg.room,
                "planned_start": day_prefix(seg.start, zone, day1) + _hm(seg.start, zone),
                "planned_end": day_prefix(seg.end, zone, day1) + _hm(seg.end, zone),
                "title": seg.title,
                "owner": seg.owner if seg.owner.strip() not in ("", "-") else "",
                "phase": phase,
            }
        )
    return {
        "title": say(w, "Rundown: all rooms"),
        "room": plan.room,
        "running": say(w, "Running here: %1").replace("%1", plan.room) if plan.room else "",
        "columns": {
            "room": say(w, "Room"),
            "planned": say(w, "Planned"),
            "title": say(w, "Segment"),
            "owner": say(w, "Owner"),
        },
        "rows": rows,
    }


# ── lobby, overlay, clock ─────────────────────────────────────────────────
def _on_air(state: ShowState, say: Translator, rehearsal: bool) -> dict[str, str]:
    t = "WebView"
    if rehearsal:
        return {"code": "rehearsal", "text": say(t, "Rehearsal")}
    code = {
        Status.PRE_SHOW: ("pre-show", say(t, "Before the show")),
        Status.RUNNING: ("on-air", say(t, "On air")),
        Status.PAUSED: ("paused", say("StageView", "Paused")),
        Status.ENDED: ("ended", say("StageView", "The show has ended")),
    }[state.status]
    return {"code": code[0], "text": code[1]}


def lobby(state: ShowState, event: Event, say: Translator) -> dict[str, Any]:
    """For the public: what comes next and when; no owners, notes or drift."""
    zone = event.timezone
    t = "WebView"
    nxt = state.next_segment
    base = {"event": event.title, "venue": event.venue, "date": event.date.isoformat()}
    if state.status is Status.ENDED:
        return {**base, "label": say("StageView", "The show has ended"), "title": "", "live": False, "when": ""}
    if nxt is None:
        return {
            **base,
            "label": say(t, "On now"),
            "title": state.segment.title if state.segment else "",
            "live": False,
            "when": "",
        }
    first = next((x for x in state.timings if x.cue.segment.id == nxt.id), None)
    start = (first.projected_start or first.cue.planned_start) if first else nxt.start
    label = say(t, "The show starts in") if state.status is Status.PRE_SHOW else say(t, "Next, in")
    return {
        **base,
        "label": label,
        "title": nxt.title,
        "live": state.countdown_to_next is not None,
        "when": say(t, "at about %1").replace("%1", _hm(start, zone)),
    }


def overlay(stage_block: Mapping[str, Any]) -> dict[str, Any]:
    """A lower third: the title, who is on and the stage's countdown (no message, no notes)."""
    return {k: stage_block[k] for k in ("title", "presenter", "caption", "countdown", "primary", "status")}


def clock_view(state: ShowState, say: Translator, rehearsal: bool) -> dict[str, Any]:
    return {
        "on_air": _on_air(state, say, rehearsal),
        "drift": drift_text(state.drift_s, say),
        "drift_label": say("WebView", "Drift"),
        "segment": state.segment.title if state.segment else "",
    }


# ── the whole payload ─────────────────────────────────────────────────────
def payload(
    state: ShowState,
    say: Translator,
    lang: str,
    *,
    seq: int,
    wall_ms: float,
    rate: float,
    rehearsal: bool = False,
    notice: str | None = None,
) -> dict[str, Any]:
    """What a view receives over ``/ws``: the versioned state plus every view's words."""
    event = state._show.plan.event
    st = stage(state, event, say, notice=notice, rehearsal=rehearsal)
    return {
        "type": "state",
        "version": 1,
        "seq": seq,
        "lang": lang,
        "clock": clock_block(state, wall_ms=wall_ms, rate=rate),
        "timing": timing(state),
        "words": words(say),
        "state": show_state_json(state, say),
        "views": {
            "stage": st,
            "overlay": overlay(st),
            "lobby": lobby(state, event, say),
            "backstage": backstage(state, say),
            "rundown": rundown(state, say),
            "rundown_all": rundown_all(state, say),
            "clock": clock_view(state, say, rehearsal),
        },
    }


def snapshot(
    state: ShowState,
    translators: Mapping[str, Translator],
    *,
    seq: int,
    wall_ms: float,
    rate: float,
    rehearsal: bool = False,
    notice: str | None = None,
) -> Snapshot:
    """One payload per language, built once (on the GUI thread) and handed over whole."""
    return Snapshot(
        seq,
        {
            lang: payload(state, say, lang, seq=seq, wall_ms=wall_ms, rate=rate, rehearsal=rehearsal, notice=notice)
            for lang, say in translators.items()
        },
    )
