"""A schedule's tables as the validator reads them, and how a plainly written one is read without pydantic.

Each table of a schedule (``[event]``, ``[alerts]``, a part, a segment, a speaker, a custom alert)
is checked against its pydantic model (:mod:`runshow.plan._models`), which words every problem.
Most tables of a valid file are written plainly: every key one the table knows, every value of
the one type its field takes (a string with no space around it, a ``true``, an integer, a list),
within its bounds. Such a table is read here, field by field, into the same record pydantic's
model gives; anything else (a key unknown, a value to coerce or strip, a value out of bounds, a
parser's refusal) is handed to pydantic whole, so every problem is found and worded by it exactly
as before. A valid 5,000-segment festival is read in a fraction of the time, without importing
pydantic at all (0.1 s and 12 MB). ``tests/plan/test_plain_tables.py`` checks the two agree.

The plain reading never decides that a table is wrong: ``None`` only means "ask pydantic".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, time, timedelta
from typing import Any, ClassVar

from runshow.plan.kinds import SegmentKind, SpeakerRole
from runshow.plan.limits import MAX_ID, MAX_LIST, MAX_NOTES, MAX_ORDER, MAX_SEGMENTS, MAX_SPEAKERS, MAX_TEXT
from runshow.plan.model import Audience
from runshow.plan.rules import FLAG_RULES, SETTABLE
from runshow.plan.values import Length, parse_date, parse_duration, parse_length, parse_moment, parse_optional_duration

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_\-]*$"
RULE_NAMES = tuple(r.value for r in SETTABLE)
_FLAGS = frozenset(r.value for r in FLAG_RULES)
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*")  # ID_PATTERN on a string with nothing to strip
_KINDS = SegmentKind._value2member_map_
_ROLES = SpeakerRole._value2member_map_
_AUDIENCES = Audience._value2member_map_


def moment(value: Any) -> tuple[date | None, time] | None:
    return None if value is None else parse_moment(value)


class _NotPlainError(Exception):
    """Not plainly written: pydantic reads the table."""


def _text(value: Any, limit: int = MAX_TEXT, least: int = 0) -> str:
    # pydantic strips the whitespace around a string first (str_strip_whitespace): a string with
    # none to strip reads the same either way (Python's strip strips all that pydantic's does).
    if type(value) is not str or not least <= len(value) <= limit or value != value.strip():
        raise _NotPlainError
    return value


def _ident(value: Any) -> str:
    text = _text(value, MAX_ID)
    if not _ID.fullmatch(text):
        raise _NotPlainError
    return text


def _parsed(parse: Any, value: Any, kind: type) -> Any:
    try:
        result = parse(value)
    except Exception:  # the parser refuses: pydantic calls it again and words its refusal
        raise _NotPlainError from None
    if type(result) is not kind:
        raise _NotPlainError
    return result


def _moment(value: Any) -> Any:
    try:
        return moment(value)
    except Exception:
        raise _NotPlainError from None


def _bool(value: Any) -> bool:
    if type(value) is not bool:  # pydantic's lax bool also takes "yes", 1, …: it reads those
        raise _NotPlainError
    return value


def _items(value: Any, most: int, least: int = 0) -> list[Any]:
    if type(value) is not list or not least <= len(value) <= most:
        raise _NotPlainError
    return list(value)


def _read(data: dict[str, Any], readers: dict[str, Any], required: tuple[str, ...]) -> dict[str, Any] | None:
    """The fields of a plainly written table, each read by its reader; None: ask pydantic."""
    try:
        values = {key: readers[key](value) for key, value in data.items()}
    except (KeyError, _NotPlainError):  # a key the table does not know, or a value not plainly written
        return None
    if any(key not in values for key in required):
        return None
    return values


@dataclass(frozen=True, slots=True)
class EventIn:
    MODEL: ClassVar[str] = "_EventIn"
    title: str
    date: date
    timezone: str
    id: str | None = None
    hard_stop: Any = None
    venue: str = ""
    hosts: list[str] = field(default_factory=list)
    organisers: list[str] = field(default_factory=list)
    stream: str = ""
    notes: str = ""

    @classmethod
    def plain(cls, data: dict[str, Any]) -> EventIn | None:
        values = _read(data, _EVENT, ("title", "date", "timezone"))
        return None if values is None else cls(**values)


def _texts(value: Any) -> list[str]:
    return [_text(item) for item in _items(value, MAX_LIST)]


_EVENT: dict[str, Any] = {
    "title": lambda v: _text(v, least=1),
    "date": lambda v: _parsed(parse_date, v, date),
    "timezone": lambda v: _text(v, 64, least=1),
    "id": _ident,
    "hard_stop": _moment,
    "venue": _text,
    "hosts": _texts,
    "organisers": _texts,
    "stream": _text,
    "notes": lambda v: _text(v, MAX_NOTES),
}


def _lead(value: Any) -> timedelta | None:
    result = _parsed(parse_optional_duration, value, type(None) if value is False else timedelta)
    if result is None and value is not False:
        raise _NotPlainError  # "off" is read by pydantic (the value is stripped first)
    return result  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class RulesIn:
    """The rules a table sets (only those it names: the others come from the table above it)."""

    MODEL: ClassVar[str] = "_RulesIn"
    given: dict[str, Any]

    @classmethod
    def plain(cls, data: dict[str, Any]) -> RulesIn | None:
        values = _read(data, _RULES, ())
        return None if values is None else cls({name: values[name] for name in RULE_NAMES if name in values})


_RULES: dict[str, Any] = {name: _bool if name in _FLAGS else _lead for name in RULE_NAMES}


@dataclass(frozen=True, slots=True)
class CustomIn:
    MODEL: ClassVar[str] = "_CustomIn"
    id: str
    text: str
    audience: Audience = Audience.OPERATOR
    chime: bool = True
    at: Any = None
    segment: str | None = None
    anchor: str = "start"
    before: timedelta | None = None
    after: timedelta | None = None

    @classmethod
    def plain(cls, data: dict[str, Any]) -> CustomIn | None:
        values = _read(data, _CUSTOM, ("id", "text"))
        return None if values is None else cls(**values)


def _choice(value: Any, choices: Any, make: Any) -> Any:
    if type(value) is not str or value not in choices:
        raise _NotPlainError
    return make(value)


def _anchor(value: Any) -> str:
    if value not in ("start", "end") or type(value) is not str:
        raise _NotPlainError
    return str(value)


_CUSTOM: dict[str, Any] = {
    "id": _ident,
    "text": lambda v: _text(v, least=1),
    "audience": lambda v: _choice(v, _AUDIENCES, Audience),
    "chime": _bool,
    "at": _moment,
    "segment": lambda v: _text(v, MAX_ID),
    "anchor": _anchor,
    "before": lambda v: _parsed(parse_duration, v, timedelta),
    "after": lambda v: _parsed(parse_duration, v, timedelta),
}


@dataclass(frozen=True, slots=True)
class PartIn:
    MODEL: ClassVar[str] = "_PartIn"
    id: str
    title: str
    segment: list[Any]
    length: timedelta | None = None
    date: date | None = None
    room: str = ""
    hard_stop: Any = None

    @classmethod
    def plain(cls, data: dict[str, Any]) -> PartIn | None:
        values = _read(data, _PART, ("id", "title", "segment"))
        return None if values is None else cls(**values)


_PART: dict[str, Any] = {
    "id": _ident,
    "title": lambda v: _text(v, least=1),
    "length": lambda v: _parsed(parse_duration, v, timedelta),
    "date": lambda v: _parsed(parse_date, v, date),
    "room": _text,
    "hard_stop": _moment,
    "segment": lambda v: _items(v, MAX_SEGMENTS, least=1),
}


@dataclass(frozen=True, slots=True)
class SegmentIn:
    MODEL: ClassVar[str] = "_SegmentIn"
    id: str
    title: str
    kind: SegmentKind
    start: Any = None
    end: Any = None
    duration: Length | None = None
    date: date | None = None
    open_end: bool = False
    room: str = ""
    owner: str = ""
    moderator: str = ""
    topic: str = ""
    notes: str = ""
    min: timedelta | None = None
    flex: timedelta | None = None
    trim_order: int | None = None
    speaker: list[Any] = field(default_factory=list)
    alerts: dict[str, Any] | None = None

    @classmethod
    def plain(cls, data: dict[str, Any]) -> SegmentIn | None:
        values = _read(data, _SEGMENT, ("id", "title", "kind"))
        return None if values is None else cls(**values)


def _order(value: Any) -> int:
    if type(value) is not int or not 1 <= value <= MAX_ORDER:
        raise _NotPlainError
    return value


def _table(value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise _NotPlainError
    return dict(value)


_SEGMENT: dict[str, Any] = {
    "id": _ident,
    "title": lambda v: _text(v, least=1),
    "kind": lambda v: _choice(v, _KINDS, SegmentKind),
    "start": _moment,
    "end": _moment,
    "duration": lambda v: _parsed(parse_length, v, Length),
    "date": lambda v: _parsed(parse_date, v, date),
    "open_end": _bool,
    "room": _text,
    "owner": _text,
    "moderator": _text,
    "topic": _text,
    "notes": lambda v: _text(v, MAX_NOTES),
    "min": lambda v: _parsed(parse_duration, v, timedelta),
    "flex": lambda v: _parsed(parse_duration, v, timedelta),
    "trim_order": _order,
    "speaker": lambda v: _items(v, MAX_SPEAKERS),
    "alerts": _table,
}


@dataclass(frozen=True, slots=True)
class SpeakerIn:
    MODEL: ClassVar[str] = "_SpeakerIn"
    name: str
    duration: Length | None = None
    affiliation: str = ""
    topic: str = ""
    role: SpeakerRole = SpeakerRole.SPEAKER

    @classmethod
    def plain(cls, data: dict[str, Any]) -> SpeakerIn | None:
        values = _read(data, _SPEAKER, ("name",))
        return None if values is None else cls(**values)


def _slot(value: Any) -> Length:
    length: Length = _parsed(parse_length, value, Length)
    if length.value <= timedelta(0):
        raise _NotPlainError  # pydantic words it (speaker.zero)
    return length


_SPEAKER: dict[str, Any] = {
    "name": lambda v: _text(v, least=1),
    "duration": _slot,
    "affiliation": _text,
    "topic": _text,
    "role": lambda v: _choice(v, _ROLES, SpeakerRole),
}

Record = EventIn | RulesIn | CustomIn | PartIn | SegmentIn | SpeakerIn


def of_model(cls: type[Any], model: Any) -> Any:
    """The record of ``cls`` for a pydantic model of its table (what the plain reading would give)."""
    if cls is RulesIn:
        return RulesIn({name: getattr(model, name) for name in RULE_NAMES if name in model.model_fields_set})
    return cls(**{f.name: getattr(model, f.name) for f in fields(cls)})
