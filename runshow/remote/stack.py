"""Everything remote, started together for the app and headless: views + control API, OSC, automations."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, SignalInstance

from runshow.live.alerts import Rule
from runshow.plan.automations import Automation, load_automations
from runshow.plan.errors import Problem
from runshow.remote.automations import AutomationRunner
from runshow.remote.control import RemoteControl, start_control
from runshow.remote.osc import OscBridge, osc_options
from runshow.session.controller import ShowController

log = logging.getLogger(__name__)


@dataclass
class RemoteStack:
    control: RemoteControl | None = None
    osc: OscBridge | None = None
    automations: AutomationRunner | None = None
    problems: list[Problem] = field(default_factory=list)  # the schedule's [[automation]] mistakes

    def stop(self) -> None:
        if self.automations is not None:
            self.automations.stop()
        if self.osc is not None:
            self.osc.stop()
        if self.control is not None:
            self.control.session.stop()


def schedule_automations(
    controller: ShowController, schedule: str | Path | None
) -> tuple[list[Automation], list[Problem]]:
    if schedule is None:
        return [], []
    plan = controller.plan
    segment_ids = {s.id for s in plan.segments}
    alert_ids = {r.value for r in Rule} | {c.id for c in plan.custom_alerts}
    return load_automations(schedule, segment_ids=segment_ids, alert_ids=alert_ids)


def start_remote_stack(
    controller: ShowController,
    argv: Sequence[str],
    *,
    schedule: str | Path | None = None,
    alert_fired: SignalInstance | None = None,
    parent: QObject | None = None,
    token_base: Path | None = None,
) -> RemoteStack:
    """Start what ``argv`` asks for (``--no-web``, ``--no-osc`` …); a part that cannot start is logged, not fatal."""
    stack = RemoteStack()
    stack.control = start_control(controller, argv, parent, token_base=token_base)
    options, _ = osc_options(argv)
    if stack.control is not None and options["enabled"]:
        osc = OscBridge(stack.control, port=options["port"], lan=options["lan"], allowed=options["allowed"],
                        targets=options["targets"], parent=parent)  # fmt: skip
        osc.start()
        stack.osc = osc
    automations, stack.problems = schedule_automations(controller, schedule)
    for problem in stack.problems:
        log.error("automation: %s", problem)
    if automations:
        stack.automations = AutomationRunner(controller, automations, alert_fired=alert_fired, parent=parent)
        stack.automations.start()
    return stack
