"""Rehearsal: the same show, on a rehearsal clock, recorded somewhere harmless.

A rehearsal runs the very engine, planner and alert path of the live show; only
the clock (a :class:`~runshow.live.clock.RehearsalClock`) and the record (a
:class:`ScratchRecord` in memory) differ, so the live journal is never touched
and leaving rehearsal hands back the live show exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from runshow.live import actions as act
from runshow.live.actions import Action
from runshow.live.show import Show
from runshow.plan.model import Plan

SPEED_PRESETS: tuple[float, ...] = (1, 2, 5, 10, 60, 600)
DEFAULT_LEAD = timedelta(minutes=10)


def default_start(plan: Plan) -> datetime:
    """Ten minutes before the first segment: time to see the pre-show countdown."""
    return plan.start - DEFAULT_LEAD


def on_time_script(show: Show) -> tuple[Action, ...]:
    """An operator who runs the show exactly to plan: start, then next at every planned end.

    Used when a rehearsal has no scenario, so the manual-mode show still moves.
    """
    cues = show.cues
    out = [act.start(cues[0].planned_start)]
    out.extend(act.next_cue(cue.planned_end) for cue in cues)
    return tuple(out)


@dataclass
class ScratchRecord:
    """Where rehearsal actions go instead of the live journal (kept in memory)."""

    actions: list[Action] = field(default_factory=list)

    def append(self, action: Action) -> None:
        self.actions.append(action)
