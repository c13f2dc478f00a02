"""The controller's intents decide once, from the show as it stands, and answer with reason codes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from runshow.live.actions import ActionKind, Mode
from runshow.live.clock import ManualClock, SystemClock
from runshow.live.reasons import Reason
from runshow.live.show import Status
from runshow.session.controller import ShowController
from runshow.session.wall_clock import WallClockWatch

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(qapp, plan_2021, at):
    made = ShowController(plan_2021, ManualClock(at(13, 29)))
    yield made
    made.stop_ticking()


def test_start_or_next_starts_then_moves_on(controller, at) -> None:
    assert controller.start_or_next() is None
    assert controller.show.actions[-1].kind is ActionKind.START
    controller.clock.advance(10)
    assert controller.start_or_next() is None
    assert controller.show.actions[-1].kind is ActionKind.NEXT
    assert controller.state.cue is not None and controller.state.cue.index == 1


def test_intents_answer_with_codes(controller) -> None:
    def code(refusal: object) -> object:
        return getattr(refusal, "reason", None)

    assert code(controller.previous()) is Reason.NOT_STARTED
    assert code(controller.pause_or_resume()) is Reason.NOTHING_RUNNING
    assert code(controller.adjust(60)) is Reason.NO_CUE_TO_ADJUST
    assert code(controller.set_message("")) is Reason.EMPTY_MESSAGE
    refusal = controller.goto("no-such")
    assert code(refusal) is Reason.NO_SEGMENT and refusal.params == {"segment": "no-such"}
    assert refusal == "no segment with id 'no-such'"  # the English sentence, for logs
    assert controller.start_or_next() is None
    assert controller.pause_or_resume() is None and controller.state.status is Status.PAUSED
    assert controller.pause_or_resume() is None and controller.state.status is Status.RUNNING


def test_toggles_read_the_show_not_a_stale_state(controller) -> None:
    assert controller.toggle_follow() is None and controller.show.progress.mode is Mode.FOLLOW
    assert controller.toggle_follow() is None and controller.show.progress.mode is Mode.MANUAL
    assert controller.toggle_blackout() is None and controller.state.blackout
    assert controller.toggle_blackout() is None and not controller.state.blackout


class SteppableWall(SystemClock):
    def __init__(self, start: datetime) -> None:
        super().__init__()
        self.wall = start

    def now(self) -> datetime:
        return self.wall


def test_a_wall_step_refreshes_once_not_nested(qapp, plan_2021, at) -> None:
    """The wall-clock watch notifies the clock's listeners; the controller is one and must not re-enter."""
    wall = SteppableWall(at(14, 0))
    mono = [1000.0]
    controller = ShowController(plan_2021, wall)
    controller.wall_watch = WallClockWatch(monotonic=lambda: mono[0])
    others: list[int] = []
    wall.subscribe(lambda: others.append(1))  # another listener (the alert armer) is still told
    depth, seen, deepest = [0], [], [0]

    def on_state(state) -> None:
        depth[0] += 1
        deepest[0] = max(deepest[0], depth[0])
        seen.append(state.at)
        depth[0] -= 1

    controller.stateChanged.connect(on_state)
    controller.refresh()  # first check: nothing to compare with
    wall.wall += timedelta(hours=1)  # stepped: the wall moved an hour, the monotonic clock not at all
    mono[0] += 1
    seen.clear()
    controller.refresh()
    assert controller.wall_watch.steps == 1 and others == [1]
    assert seen == [at(15, 0)]  # one state, at the new time (it was emitted twice before)
    assert deepest[0] == 1
