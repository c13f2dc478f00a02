"""What the operator did, and when: the only input the show state has besides the plan.

Actions are small immutable records with a stable JSON form, so the same list
can be journaled, replayed after a crash, scripted in a scenario and compared
in tests.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class ActionKind(enum.StrEnum):
    START = "start"
    NEXT = "next"
    PREVIOUS = "previous"
    GOTO = "goto"
    PAUSE = "pause"
    RESUME = "resume"
    ADJUST = "adjust"
    MODE = "mode"
    MESSAGE = "message"
    CLEAR_MESSAGE = "clear_message"
    BLACKOUT = "blackout"
    UNDO = "undo"  # revert the latest action not yet undone
    REDO = "redo"  # re-apply the latest undone action, if nothing was done since
    AMEND = "amend"  # change the plan (``amend`` carries what)


class AmendOp(enum.StrEnum):
    """What a plan amendment changes (see docs/engine.md, "Amendments")."""

    LENGTH = "length"  # segment, seconds: its new planned length
    START = "start"  # segment, start: its new planned start (the segment before it absorbs the change)
    INSERT = "insert"  # place before/after anchor: new_id, text (title), kind, seconds, owner, notes
    REMOVE = "remove"  # segment
    SKIP = "skip"  # segment: as remove, worded as a skip in reports
    MOVE = "move"  # segment, place before/after anchor
    TITLE = "title"  # segment, text
    OWNER = "owner"  # segment, text
    NOTES = "notes"  # segment, text
    SPEAKER_ADD = "speaker_add"  # segment, index (-1 = at the end), name, seconds, affiliation, topic
    SPEAKER_REMOVE = "speaker_remove"  # segment, index
    SPEAKER_MOVE = "speaker_move"  # segment, index, to
    SPEAKER_SET = "speaker_set"  # segment, index, name and/or seconds (the slot)
    BATCH = "batch"  # items, applied in order, all or nothing (one undo reverts all)


@dataclass(frozen=True, slots=True)
class Amendment:
    """One change to the plan during the show; only the fields its ``op`` names are read."""

    op: AmendOp
    segment: str = ""
    seconds: int = 0
    start: datetime | None = None
    place: str = ""  # "before" or "after"
    anchor: str = ""  # the segment ``place`` is relative to
    text: str | None = None  # title, owner or notes
    new_id: str = ""
    kind: str = ""
    owner: str = ""
    notes: str = ""
    index: int = -1
    to: int = -1
    name: str | None = None
    affiliation: str = ""
    topic: str = ""
    items: tuple[Amendment, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"op": self.op.value}
        defaults = _AMEND_DEFAULTS
        for name in _AMEND_FIELDS:
            value = getattr(self, name)
            if value == defaults[name]:
                continue
            if name == "start":
                out[name] = value.isoformat()
            elif name == "items":
                out[name] = [item.to_json() for item in value]
            else:
                out[name] = value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Amendment:
        if not isinstance(data, dict):
            raise TypeError("an amendment must be an object")
        fields: dict[str, Any] = {"op": AmendOp(data["op"])}
        for name in _AMEND_FIELDS:
            if name not in data:
                continue
            value = data[name]
            if name == "start":
                if not isinstance(value, str):
                    raise TypeError("start must be an ISO time")
                start = datetime.fromisoformat(value)
                if start.tzinfo is None:
                    raise ValueError("amendment start has no time zone")
                fields[name] = start
            elif name == "items":
                if not isinstance(value, list):
                    raise TypeError("items must be a list")
                fields[name] = tuple(cls.from_json(item) for item in value)
            elif value is None and name in ("text", "name"):
                fields[name] = None
            elif not isinstance(value, want := _AMEND_TYPES[name]) or (want is int and isinstance(value, bool)):
                raise TypeError(f"{name} must be {want.__name__}")
            else:
                fields[name] = value
        return cls(**fields)


_AMEND_FIELDS = (
    "segment", "seconds", "start", "place", "anchor", "text", "new_id", "kind", "owner", "notes",
    "index", "to", "name", "affiliation", "topic", "items",
)  # fmt: skip
_AMEND_DEFAULTS: dict[str, Any] = {name: getattr(Amendment(AmendOp.TITLE), name) for name in _AMEND_FIELDS}
_AMEND_TYPES: dict[str, type] = {
    name: (int if name in ("seconds", "index", "to") else str)
    for name in _AMEND_FIELDS
    if name not in ("start", "items")
}


class Mode(enum.StrEnum):
    """Manual: cues move when the operator says. Follow: the plan at now is the cue."""

    MANUAL = "manual"
    FOLLOW = "follow"


@dataclass(frozen=True, slots=True)
class Action:
    """One operator action, stamped with the clock's time when it was taken."""

    kind: ActionKind
    at: datetime
    segment: str | None = None  # goto
    seconds: int = 0  # adjust: + grants time to the current cue, − takes it away
    mode: Mode | None = None  # mode
    text: str | None = None  # message
    on: bool | None = None  # blackout
    amend: Amendment | None = None  # amend
    source: str | None = None  # who asked, when not this machine's keys: "http 10.0.0.5", "osc 10.0.0.7:53000"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "at": self.at.isoformat()}
        if self.segment is not None:
            out["segment"] = self.segment
        if self.seconds:
            out["seconds"] = self.seconds
        if self.mode is not None:
            out["mode"] = self.mode.value
        if self.text is not None:
            out["text"] = self.text
        if self.on is not None:
            out["on"] = self.on
        if self.amend is not None:
            out["amend"] = self.amend.to_json()
        if self.source is not None:
            out["source"] = self.source
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Action:
        """Inverse of :meth:`to_json`; raises ``ValueError``/``KeyError``/``TypeError`` on bad input."""
        at = datetime.fromisoformat(data["at"])
        if at.tzinfo is None:
            raise ValueError("action time has no time zone")
        seconds = data.get("seconds", 0)
        if not isinstance(seconds, int) or isinstance(seconds, bool):
            raise TypeError("seconds must be an integer")
        on = data.get("on")
        if on is not None and not isinstance(on, bool):
            raise TypeError("on must be true or false")
        text = data.get("text")
        if text is not None and not isinstance(text, str):
            raise TypeError("text must be a string")
        segment = data.get("segment")
        if segment is not None and not isinstance(segment, str):
            raise TypeError("segment must be a string")
        source = data.get("source")
        if source is not None and not isinstance(source, str):
            raise TypeError("source must be a string")
        raw_amend = data.get("amend")
        return cls(
            kind=ActionKind(data["kind"]),
            at=at,
            segment=segment,
            seconds=seconds,
            mode=Mode(data["mode"]) if data.get("mode") is not None else None,
            text=text,
            on=on,
            amend=Amendment.from_json(raw_amend) if raw_amend is not None else None,
            source=source,
        )


# Convenience constructors keep call sites short and correctly typed.
def start(at: datetime) -> Action:
    return Action(ActionKind.START, at)


def next_cue(at: datetime) -> Action:
    return Action(ActionKind.NEXT, at)


def previous(at: datetime) -> Action:
    return Action(ActionKind.PREVIOUS, at)


def goto(at: datetime, segment: str) -> Action:
    return Action(ActionKind.GOTO, at, segment=segment)


def pause(at: datetime) -> Action:
    return Action(ActionKind.PAUSE, at)


def resume(at: datetime) -> Action:
    return Action(ActionKind.RESUME, at)


def adjust(at: datetime, seconds: int) -> Action:
    return Action(ActionKind.ADJUST, at, seconds=seconds)


def set_mode(at: datetime, mode: Mode) -> Action:
    return Action(ActionKind.MODE, at, mode=mode)


def message(at: datetime, text: str) -> Action:
    return Action(ActionKind.MESSAGE, at, text=text)


def clear_message(at: datetime) -> Action:
    return Action(ActionKind.CLEAR_MESSAGE, at)


def blackout(at: datetime, on: bool) -> Action:
    return Action(ActionKind.BLACKOUT, at, on=on)


def undo(at: datetime) -> Action:
    return Action(ActionKind.UNDO, at)


def redo(at: datetime) -> Action:
    return Action(ActionKind.REDO, at)


def amend(at: datetime, amendment: Amendment) -> Action:
    return Action(ActionKind.AMEND, at, amend=amendment)
