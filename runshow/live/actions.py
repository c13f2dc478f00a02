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
        return cls(
            kind=ActionKind(data["kind"]),
            at=at,
            segment=segment,
            seconds=seconds,
            mode=Mode(data["mode"]) if data.get("mode") is not None else None,
            text=text,
            on=on,
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
