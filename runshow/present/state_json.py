"""The one versioned JSON shape of the show state (minimal version, written by the views helper).

``show_state_json(state, tr)`` is what ``GET /api/v1/state`` returns and what
the web views receive. It is a superset of what ``runshow simulate --json``
prints (those keys first, same values), plus the exact numbers a client needs
to flip its own digits (milliseconds at ``at_ms``) and the flags of the show.

Pure Python: no Qt, no clock read; ``tr`` words anything a person reads.
This file is a stand-in for the presentation layer's own (issue 13): it keeps
the agreed name and signature, and ``"version": 1``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from runshow.live.state import ShowState, ceil_instant

VERSION = 1


Translator = Callable[[str, str], str]  # tr(context, source): the source text in the reader's language


def epoch_ms(instant: datetime) -> float:
    """Milliseconds since the Unix epoch, exact to the microsecond."""
    return instant.timestamp() * 1000.0


def ms(value: timedelta | None) -> float | None:
    return None if value is None else value / timedelta(milliseconds=1)


def _hms(instant: datetime, state: ShowState) -> str:
    return instant.astimezone(state._show.plan.event.timezone).strftime("%H:%M:%S")


def show_state_json(state: ShowState, tr: Translator) -> dict[str, Any]:
    """The show at ``state.at`` as plain JSON-ready data (``"version": 1``)."""
    del tr  # nothing in the core shape is worded yet; views add their words (runshow.remote.content)
    plan = state._show.plan
    event = plan.event
    cue = state.cue
    return {
        # ── exactly the keys of `runshow simulate --json`, in order ──
        "at": _hms(state.at, state),
        "state": state.status.value,
        "segment": state.segment.title if state.segment else None,
        "speaker": state.speaker.name if state.speaker else None,
        "next_speaker": state.next_speaker.name if state.next_speaker else None,
        "next": state.next_segment.title if state.next_segment else None,
        "remaining_s": state.remaining_s,
        "countdown_to_next_s": state.countdown_to_next_s,
        "drift_s": state.drift_s,
        "projected_end": _hms(ceil_instant(state.projected_end), state),
        # ── the versioned superset ──
        "version": VERSION,
        "at_iso": state.at.isoformat(),
        "at_ms": epoch_ms(state.at),
        "mode": state.mode.value,
        "cue": None if cue is None else cue.index,
        "segment_id": cue.segment.id if cue else None,
        "speaker_index": None if cue is None else cue.speaker_index,
        "next_segment_id": state.next_segment.id if state.next_segment else None,
        "remaining_ms": ms(state.remaining),
        "countdown_to_next_ms": ms(state.countdown_to_next),
        "drift_ms": ms(state.drift),
        "length_ms": ms(state.length),
        "elapsed_ms": ms(state.elapsed),
        "planned_end": _hms(state.planned_end, state),
        "message": state.message,
        "blackout": state.blackout,
        "event": {
            "id": event.id,
            "title": event.title,
            "date": event.date.isoformat(),
            "timezone": event.timezone.key,
            "venue": event.venue,
            "stream": event.stream,
        },
    }
