"""The one registry of alert rules: their names, kinds of value, defaults, and per-kind defaults.

The loader builds its ``[alerts]`` table from it, the model's :class:`AlertSettings` takes its
defaults from it, and the live alert planner (``runshow.live.alerts``) and the wording
(``runshow.present``) key on its :class:`Rule`. Add a rule here, once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta
from types import MappingProxyType
from typing import Final

from runshow.plan.kinds import SegmentKind


class Audience(enum.StrEnum):
    """Who is shown an alert."""

    OPERATOR = "operator"
    STAGE = "stage"
    BOTH = "both"


class Rule(enum.StrEnum):
    """The alert rules a schedule can set; ``custom`` is an author's named alert.

    The order is the order of alerts that share one instant (the wrap-up before the stand-by it
    precedes): ``runshow.live.alerts`` sorts by it.
    """

    WRAPUP_WARNING = "wrapup_warning"
    WRAPUP_DANGER = "wrapup_danger"
    OVERTIME = "overtime"
    BREAK_ENDING = "break_ending"
    BREAK_OVER = "break_over"
    SPEAKER_STANDBY = "speaker_standby"
    BREAK_STARTING = "break_starting"
    SHOW_END_WARNING = "show_end_warning"
    SHOW_END = "show_end"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One settable rule: a lead (an optional duration before its instant) or an on/off flag."""

    rule: Rule
    lead: bool
    default: timedelta | bool | None
    audience: Audience
    chime: bool
    about: str  # one line, for docs and help


_M = timedelta(minutes=1)

REGISTRY: Final[tuple[RuleSpec, ...]] = (
    RuleSpec(Rule.WRAPUP_WARNING, True, 2 * _M, Audience.STAGE, False, "before a cue's end: amber on stage"),
    RuleSpec(Rule.WRAPUP_DANGER, True, timedelta(seconds=30), Audience.STAGE, False, "before a cue's end: red"),
    RuleSpec(Rule.OVERTIME, False, True, Audience.BOTH, True, "when a cue runs over"),
    RuleSpec(Rule.BREAK_STARTING, True, 2 * _M, Audience.OPERATOR, True, "before a break starts"),
    RuleSpec(Rule.BREAK_ENDING, True, 2 * _M, Audience.BOTH, True, "before a break ends: call the audience back"),
    RuleSpec(Rule.BREAK_OVER, False, True, Audience.BOTH, True, "when a break is over"),
    RuleSpec(Rule.SPEAKER_STANDBY, True, 2 * _M, Audience.OPERATOR, False, "before the next speaker's start"),
    RuleSpec(Rule.SHOW_END_WARNING, True, 5 * _M, Audience.BOTH, True, "before the planned end of the show"),
    RuleSpec(Rule.SHOW_END, False, True, Audience.OPERATOR, True, "at the planned end of the show"),
)
SETTABLE: Final[tuple[Rule, ...]] = tuple(spec.rule for spec in REGISTRY)
LEAD_RULES: Final[frozenset[Rule]] = frozenset(spec.rule for spec in REGISTRY if spec.lead)
FLAG_RULES: Final[frozenset[Rule]] = frozenset(spec.rule for spec in REGISTRY if not spec.lead)
LEAD_DEFAULTS: Final[MappingProxyType[Rule, timedelta | None]] = MappingProxyType(
    {s.rule: s.default for s in REGISTRY if s.lead and not isinstance(s.default, bool)}
)
FLAG_DEFAULTS: Final[MappingProxyType[Rule, bool]] = MappingProxyType(
    {s.rule: s.default for s in REGISTRY if isinstance(s.default, bool)}
)
DEFAULT_AUDIENCE: Final[MappingProxyType[Rule, Audience]] = MappingProxyType({s.rule: s.audience for s in REGISTRY})
DEFAULT_CHIME: Final[MappingProxyType[Rule, bool]] = MappingProxyType({s.rule: s.chime for s in REGISTRY})

# What a kind changes from the event's rules, unless the schedule says otherwise
# (``[alerts.kind.<kind>]``, or the segment's own ``alerts``). Kinds not listed change nothing,
# so the 2021 file's kinds behave exactly as before.
KIND_DEFAULTS: Final[MappingProxyType[SegmentKind, MappingProxyType[Rule, timedelta | bool | None]]] = MappingProxyType(
    {
        # A clip ends by itself: nobody on stage to wrap up, nobody to call.
        SegmentKind.VIDEO: MappingProxyType(
            {Rule.WRAPUP_WARNING: None, Rule.WRAPUP_DANGER: None, Rule.SPEAKER_STANDBY: None}
        ),
        # A song or a dance is not cut short by a countdown; the performers are still called.
        SegmentKind.PERFORMANCE: MappingProxyType({Rule.WRAPUP_WARNING: None, Rule.WRAPUP_DANGER: None}),
        # Doors and badges: no countdown to wrap up, no one over time.
        SegmentKind.REGISTRATION: MappingProxyType(
            {Rule.WRAPUP_WARNING: None, Rule.WRAPUP_DANGER: None, Rule.OVERTIME: False, Rule.SPEAKER_STANDBY: None}
        ),
        # A meal is a break (break alerts), but guests are called back earlier, from tables.
        SegmentKind.MEAL: MappingProxyType(
            {Rule.WRAPUP_WARNING: None, Rule.WRAPUP_DANGER: None, Rule.BREAK_ENDING: 5 * _M}
        ),
    }
)
# An open-ended segment has no end of its own to warn about or run over.
OPEN_END_DEFAULTS: Final[MappingProxyType[Rule, timedelta | bool | None]] = MappingProxyType(
    {Rule.WRAPUP_WARNING: None, Rule.WRAPUP_DANGER: None, Rule.OVERTIME: False}
)
