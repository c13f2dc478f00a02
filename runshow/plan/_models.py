"""The schedule's tables as pydantic models: what the validator falls back to, and how it words them.

:mod:`runshow.plan.validate` reads a table that is written plainly (every key known, every value
of the one type its field takes, no space to strip) without pydantic (:mod:`runshow.plan.fields`);
any other table is validated here, and every problem pydantic finds is turned into one of ours. So
a valid schedule never imports pydantic (0.1 s and 12 MB), and every problem is worded as before.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model, field_validator

from runshow.plan.fields import ID_PATTERN, moment
from runshow.plan.kinds import SegmentKind, SpeakerRole
from runshow.plan.limits import (
    MAX_ID,
    MAX_LIST,
    MAX_NOTES,
    MAX_ORDER,
    MAX_SEGMENTS,
    MAX_SPEAKERS,
    MAX_TEXT,
)
from runshow.plan.model import Audience
from runshow.plan.rules import FLAG_RULES, SETTABLE
from runshow.plan.values import (
    InvalidValueError,
    Length,
    echo,
    parse_date,
    parse_duration,
    parse_length,
    parse_optional_duration,
)

# The hand-written value types as pydantic fields (the parsers themselves: runshow.plan.values).
Duration = Annotated[timedelta, BeforeValidator(parse_duration)]
ApproxDuration = Annotated[Length, BeforeValidator(parse_length)]
OptionalDuration = Annotated[timedelta | None, BeforeValidator(parse_optional_duration)]
Date = Annotated[date, BeforeValidator(parse_date)]

_KINDS = ", ".join(k.value for k in SegmentKind)

Text = Annotated[str, Field(max_length=MAX_TEXT)]
Title = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
Notes = Annotated[str, Field(max_length=MAX_NOTES)]
Ident = Annotated[str, Field(pattern=ID_PATTERN, max_length=MAX_ID)]
_moment = moment


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, arbitrary_types_allowed=True)


class _EventIn(_Strict):
    title: Title
    date: Date
    timezone: str = Field(min_length=1, max_length=64)
    id: Ident | None = None
    hard_stop: Any = None
    venue: Text = ""
    hosts: list[Text] = Field(default_factory=list, max_length=MAX_LIST)
    organisers: list[Text] = Field(default_factory=list, max_length=MAX_LIST)
    stream: Text = ""
    notes: Notes = ""

    @field_validator("hard_stop", mode="before")
    @classmethod
    def _hard_stop(cls, value: Any) -> Any:
        return _moment(value)


_RulesIn: type[BaseModel] = create_model(  # one field per rule in the registry
    "_RulesIn",
    __base__=_Strict,
    **{  # type: ignore[call-overload]
        r.value: ((bool, None) if r in FLAG_RULES else (OptionalDuration, None)) for r in SETTABLE
    },
)


class _CustomIn(_Strict):
    id: Ident
    text: Title
    audience: Audience = Audience.OPERATOR
    chime: bool = True
    at: Any = None
    segment: str | None = Field(default=None, max_length=MAX_ID)
    anchor: str = "start"
    before: Duration | None = None
    after: Duration | None = None

    @field_validator("at", mode="before")
    @classmethod
    def _at(cls, value: Any) -> Any:
        return _moment(value)

    @field_validator("anchor")
    @classmethod
    def _anchor(cls, value: str) -> str:
        if value not in ("start", "end"):
            raise InvalidValueError("choice.invalid", got=echo(value), allowed='"start", "end"')
        return value


class _PartIn(_Strict):
    id: Ident
    title: Title
    length: Duration | None = None
    date: Date | None = None
    room: Text = ""
    hard_stop: Any = None
    segment: list[Any] = Field(min_length=1, max_length=MAX_SEGMENTS)

    @field_validator("hard_stop", mode="before")
    @classmethod
    def _hard_stop(cls, value: Any) -> Any:
        return _moment(value)


class _SegmentIn(_Strict):
    id: Ident
    title: Title
    kind: SegmentKind
    start: Any = None
    end: Any = None
    duration: ApproxDuration | None = None
    date: Date | None = None
    open_end: bool = False
    room: Text = ""
    owner: Text = ""
    moderator: Text = ""
    topic: Text = ""
    notes: Notes = ""
    min: Duration | None = None
    flex: Duration | None = None
    trim_order: int | None = Field(default=None, ge=1, le=MAX_ORDER, strict=True)
    speaker: list[Any] = Field(default_factory=list, max_length=MAX_SPEAKERS)  # (a factory: no deepcopy per row)
    alerts: dict[str, Any] | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _times(cls, value: Any) -> Any:
        return _moment(value)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip() in SegmentKind._value2member_map_:
            return value.strip()
        raise InvalidValueError("kind.unknown", got=echo(value), allowed=_KINDS)


class _SpeakerIn(_Strict):
    name: Title
    duration: ApproxDuration | None = None
    affiliation: Text = ""
    topic: Text = ""
    role: SpeakerRole = SpeakerRole.SPEAKER

    @field_validator("duration")
    @classmethod
    def _positive(cls, value: Length | None) -> Length | None:
        if value is not None and value.value <= timedelta(0):
            raise InvalidValueError("speaker.zero")
        return value


# pydantic's error types → our codes (the params are filled from the error below)
_PYDANTIC: dict[str, str] = {
    "missing": "key.missing",
    "string_too_short": "text.empty",
    "string_too_long": "text.long",
    "string_type": "type.text",
    "string_pattern_mismatch": "id.invalid",
    "bool_type": "type.bool",
    "bool_parsing": "type.bool",
    "list_type": "type.list",
    "too_long": "list.long",
    "too_short": "list.short",
    "int_type": "type.int",
    "int_parsing": "type.int",
    "int_from_float": "type.int",
    "greater_than_equal": "int.range",
    "less_than_equal": "int.range",
    "enum": "choice.invalid",
    "literal_error": "choice.invalid",
    "dict_type": "type.table",
    "model_type": "type.table",
}


def _pydantic_problem(err: Any, cls: type[BaseModel]) -> tuple[str, dict[str, object]]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "extra_forbidden":
        return "key.unknown", {"allowed": ", ".join(cls.model_fields)}
    if kind == "value_error" and isinstance(ctx.get("error"), InvalidValueError):
        error = ctx["error"]
        return error.code, dict(error.params)
    code = _PYDANTIC.get(kind)
    if code == "text.long":
        return code, {"length": len(value) if isinstance(value, str) else "?", "limit": ctx.get("max_length")}
    if code == "list.long":
        return code, {"length": ctx.get("actual_length"), "limit": ctx.get("max_length")}
    if code == "int.range":
        return code, {"low": 1, "high": MAX_ORDER, "got": echo(value)}
    if code == "choice.invalid":
        return code, {"allowed": str(ctx.get("expected", "")), "got": echo(value)}
    if code is not None:
        return code, {"got": echo(value)}
    detail = re.sub(r"^Value error, ", "", str(err.get("msg", "")))[:200]
    return "value.invalid", {"detail": detail}
