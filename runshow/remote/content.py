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
    chain(e)     = chain_us + 1000·(drift(e) − drift_ms)      (µs)

which is exactly :func:`runshow.live.state.state_at` between two actions: the
countdown to the next segment falls until the current cue's end (the pivot),
then the drift rises instead (overtime, a pause, a late start). ``chain`` is the
unclamped projected end of the show, from which the rundown's moving cells count
back (``runshow/remote/rows.py``).

The long lists (the rundown, every room's rundown) are not rebuilt for every
state: a session's :class:`Feeds` keeps them, and a :class:`Snapshot` carries
each list's revision and its delta from the previous one; the server sends a
page what it lacks (:meth:`Snapshot.message`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, tzinfo
from typing import Any

from runshow.live.actions import Mode
from runshow.live.show import Status
from runshow.live.state import ShowState, ceil_seconds
from runshow.plan.model import Event, Segment
from runshow.present import timefmt
from runshow.present.state_json import show_state_json
from runshow.remote import rows
from runshow.remote.rows import RowList
from runshow.remote.words import Translator

MINUS = "\u2212"
_NOTE = re.compile(r"\s*\([^)]*\)\s*$")
_ZERO = timedelta(0)


def epoch_ms(instant: datetime) -> float:
    """Milliseconds since the Unix epoch, exact to the microsecond: the pages' time base."""
    return instant.timestamp() * 1000.0


def ms(value: timedelta | None) -> float | None:
    return None if value is None else value / timedelta(milliseconds=1)


#: The long lists a page is sent whole once, then as deltas (runshow/remote/rows.py), by view.
LISTS = ("rundown", "rundown_all")


def list_mode(rows: RowList, held: int | None) -> str:
    """What a page that holds revision ``held`` of a list is sent: nothing new, the changed rows, or all."""
    if held == rows.rev:
        return "same"
    if rows.base is not None and held == rows.base:
        return "delta"
    return "full"


class Snapshot:
    """One published state: per language its payload and its lists' revisions; never changed once built.

    A page's message is :meth:`message` (what it lacks of each list); the versioned
    state JSON with its rundown rows is :meth:`state_json`, built on the first
    request (on the server's thread, from the immutable state) rather than on every
    publish.
    """

    __slots__ = ("_json", "_notice", "_rehearsal", "_state", "_words", "lists", "payloads", "seq")

    def __init__(
        self,
        seq: int,
        payloads: Mapping[str, Mapping[str, Any]],
        lists: Mapping[str, Mapping[str, RowList]] | None = None,
        *,
        state: ShowState | None = None,
        words: Mapping[str, Translator] | None = None,
        notice: str | None = None,
        rehearsal: bool = False,
    ) -> None:
        self.seq = seq
        self.payloads = payloads
        self.lists: Mapping[str, Mapping[str, RowList]] = lists or {}
        self._state = state
        self._words = words or {}
        self._notice = notice
        self._rehearsal = rehearsal
        self._json: dict[str, Mapping[str, Any]] = {}

    @property
    def state(self) -> ShowState | None:
        """The state this snapshot was made of (None for one made without it)."""
        return self._state

    def _lang(self, lang: str) -> str:
        return lang if lang in self.payloads else next(iter(self.payloads))

    def rows(self, name: str, lang: str) -> RowList | None:
        per_lang = self.lists.get(name)
        if not per_lang:
            return None
        return per_lang.get(lang) or next(iter(per_lang.values()))

    def modes(self, lang: str, view: str | None, held: Mapping[str, int]) -> tuple[tuple[str, str, int], ...]:
        """For each list the page's view shows: (name, what it is sent, the revision it then holds)."""
        lang = self._lang(lang)
        names = LISTS if view is None else (view,) if view in LISTS else ()
        out = []
        for name in names:
            rows = self.rows(name, lang)
            if rows is not None:
                out.append((name, list_mode(rows, held.get(name)), rows.rev))
        return tuple(out)

    def message(self, lang: str, view: str | None = None, held: Mapping[str, int] | None = None) -> dict[str, Any]:
        """The ``/ws`` message for a page of ``view`` (None: every view) holding the revisions ``held``."""
        lang = self._lang(lang)
        base = self.payloads[lang]
        views: Mapping[str, Any] = base["views"]
        if view is not None:
            views = {k: views[k] for k in (view, "stage") if k in views}
        out_views = dict(views)
        for name, mode, rev in self.modes(lang, view, held or {}):
            rows = self.rows(name, lang)
            assert rows is not None
            block = {**out_views[name], "rev": rev}
            if mode == "full":
                block["rows"] = list(rows.rows)
            elif mode == "delta":
                block["delta"] = rows.delta()
            out_views[name] = block
        return {**base, "views": out_views}

    def payload(self, lang: str) -> Mapping[str, Any]:
        """What a page that holds nothing is sent: every view, every list whole."""
        return self.message(lang)

    def state_json(self, lang: str) -> Mapping[str, Any]:
        """The versioned state (``/api/v1/state``, an action's answer) with its rundown, built once a language.

        Safe on any thread: the state is immutable and only this snapshot's cache is written.
        """
        lang = self._lang(lang)
        hit = self._json.get(lang)
        if hit is not None:
            return hit
        state, say = self._state, self._words.get(lang)
        if state is None or say is None:
            light: Mapping[str, Any] = self.payloads[lang]["state"]
            return light
        built = show_state_json(state, say, notice=self._notice, rehearsal=self._rehearsal)
        self._json[lang] = built
        return built


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
    return timefmt.delta(seconds)


def _hm(instant: datetime, zone: tzinfo) -> str:
    return timefmt.clock_hm(instant, zone)


def _hms_at(instant: datetime, zone: tzinfo) -> str:
    return timefmt.clock(instant, zone)


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
        # the unclamped projected end of the show (µs), moving as drift does: the rundown's moving cells
        "chain_us": rows.chain_us(state),
    }


def clock_block(state: ShowState, *, wall_ms: float, rate: float) -> dict[str, Any]:
    """How show time maps to the server's wall clock: ``show = show_ms + rate·(server − server_ms)``."""
    zone = state.plan.event.timezone
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
def _cue_range(state: ShowState, segment: Segment) -> range:
    """The cues of ``segment`` in the state's layout (empty if it is not in it): O(1)."""
    layout = state._progress.layout
    first = layout.segment_first.get(segment.id)
    if first is None:
        return range(0)
    last = layout.cues[first].seg_last
    return range(first, (last if last >= 0 else first) + 1)


def _segment_block(segment: Segment, role: str, state: ShowState, say: Translator) -> dict[str, Any]:
    plan = state.plan
    zone = plan.event.timezone
    cues = [state.timing(i) for i in _cue_range(state, segment)]
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
    """The segment on now and the next one (O(their speakers), whatever the rundown's length)."""
    blocks = []
    if state.segment is not None and state.status is not Status.ENDED:
        blocks.append(_segment_block(state.segment, "current", state, say))
    if state.next_segment is not None:
        blocks.append(_segment_block(state.next_segment, "next", state, say))
    return {
        "title": say("WebView", "Backstage"),
        "segments": blocks,
        "empty": say("StageView", "The show has ended") if state.status is Status.ENDED else "",
    }


# ── rundown: planned vs actual, the current row (runshow/remote/rows.py keeps the rows) ─
def rundown_block(state: ShowState, say: Translator) -> dict[str, Any]:
    """The rundown's words and its projected end, without its rows (they travel as a list)."""
    zone = state.plan.event.timezone
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
        "projected_end": _hms_at(state.projected_end, zone),
        "planned_end": _hm(state.planned_end, zone),
        "end_label": say(w, "Projected end %1 (planned %2)"),
    }


def rundown(state: ShowState, say: Translator) -> dict[str, Any]:
    """The whole rundown at ``state``, every cell spelled, built fresh (O(segments)): what a page shows."""
    return {**rundown_block(state, say), "rows": rows.rundown_rows(state)}


def rundown_all_block(state: ShowState, say: Translator) -> dict[str, Any]:
    plan = state.plan
    w = "WebView"
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
    }


def rundown_all(state: ShowState, say: Translator) -> dict[str, Any]:
    """Every room's segments, read-only, in planned order (``/rundown?rooms=all``), built fresh.

    See :class:`runshow.remote.rows.AllRoomsFeed` for what each row says.
    """
    return {**rundown_all_block(state, say), "rows": rows.fresh_all_rooms(state, say)}


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
    cues = _cue_range(state, nxt)
    first = state.timing(cues[0]) if cues else None
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
class Feeds:
    """What a session keeps from one published state to the next (GUI thread): the lists, the fixed words."""

    def __init__(self, translators: Mapping[str, Translator]) -> None:
        self.rundown = rows.RundownFeed()
        self.all_rooms = rows.AllRoomsFeed(translators)
        self._fixed: dict[tuple[str, str], tuple[object, dict[str, Any]]] = {}

    def fixed(self, what: str, lang: str, key: object, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """A block that changes only with ``key`` (the plan, or nothing), built once per key."""
        hit = self._fixed.get((what, lang))
        if hit is not None and hit[0] is key:
            return hit[1]
        block = build()
        self._fixed[(what, lang)] = (key, block)
        return block


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
    feeds: Feeds | None = None,
    shared: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """What a view receives over ``/ws``, without the lists' rows: the state (its rundown left out:
    ``/api/v1/state`` has it) plus every view's words. O(1) in the number of segments.

    ``shared`` is what every language says alike (``clock``, ``timing``), made once a snapshot.
    """
    feeds = feeds or Feeds({lang: say})
    plan = state.plan
    event = plan.event
    st = stage(state, event, say, notice=notice, rehearsal=rehearsal)
    if shared is None:
        shared = {"clock": clock_block(state, wall_ms=wall_ms, rate=rate), "timing": timing(state)}
    return {
        "type": "state",
        "version": 1,
        "seq": seq,
        "lang": lang,
        "clock": shared["clock"],
        "timing": shared["timing"],
        "words": feeds.fixed("words", lang, None, lambda: words(say)),
        "state": show_state_json(state, say, notice=notice, rehearsal=rehearsal, rundown=False),
        "views": {
            "stage": st,
            "overlay": overlay(st),
            "lobby": lobby(state, event, say),
            "backstage": backstage(state, say),
            "rundown": {
                **feeds.fixed("rundown", lang, None, lambda: rundown_block(state, say)),
                "projected_end": _hms_at(state.projected_end, event.timezone),
                "planned_end": _hm(state.planned_end, event.timezone),
            },
            "rundown_all": feeds.fixed("rundown_all", lang, plan, lambda: rundown_all_block(state, say)),
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
    feeds: Feeds | None = None,
) -> Snapshot:
    """One payload per language and the lists, built once (on the GUI thread) and handed over whole.

    ``feeds`` (a session's) keeps the lists from the previous snapshot, so only what
    changed is built; without it every list is built afresh.
    """
    feeds = feeds or Feeds(translators)
    rundown_rows = feeds.rundown.update(state)
    lists: dict[str, Mapping[str, RowList]] = {
        "rundown": {lang: rundown_rows for lang in translators},
        "rundown_all": feeds.all_rooms.update(state),
    }
    shared = {"clock": clock_block(state, wall_ms=wall_ms, rate=rate), "timing": timing(state)}
    payloads = {
        lang: payload(
            state,
            say,
            lang,
            seq=seq,
            wall_ms=wall_ms,
            rate=rate,
            rehearsal=rehearsal,
            notice=notice,
            feeds=feeds,
            shared=shared,
        )
        for lang, say in translators.items()
    }
    return Snapshot(seq, payloads, lists, state=state, words=translators, notice=notice, rehearsal=rehearsal)
