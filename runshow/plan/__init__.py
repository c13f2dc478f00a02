"""The schedule as authored: model, loading with located errors, validation. No Qt here."""

from runshow.plan.errors import Problem, ScheduleError
from runshow.plan.loader import load_plan, parse_plan
from runshow.plan.model import Event, Part, Plan, Segment, SegmentKind, Speaker

__all__ = [
    "Event",
    "Part",
    "Plan",
    "Problem",
    "ScheduleError",
    "Segment",
    "SegmentKind",
    "Speaker",
    "load_plan",
    "parse_plan",
]
