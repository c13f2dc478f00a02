"""The headless driver the kill test runs takes the app's path for faults too.

- ``--system-clock`` is the app's :class:`TimelineClock` (a stepped wall is reported as
  ``clock-step``, show time kept until ``clock keep`` / ``clock follow``), ticking as the app does;
- a journal that cannot record is said (``journal-fault``), keys are refused, and
  ``continue <folder>`` carries the show there; the next start resumes from it.
"""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta

import pytest

from runshow.cli import headless
from runshow.live.actions import start
from runshow.live.clock import TimelineClock
from runshow.live.journal import Journal, journal_path, read_journal
from runshow.session.controller import ShowController
from tests.conftest import SCHEDULE_2021
from tests.ui.test_journal_fault import read_only_under


def test_system_clock_is_the_timeline_and_ticks(qapp, tmp_path, monkeypatch):
    made: list[ShowController] = []

    class Spy(ShowController):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(headless, "ShowController", Spy)
    out = io.StringIO()
    code = headless.run(str(SCHEDULE_2021), tmp_path, None, True, io.StringIO("start\nstate\nquit\n"), out)
    assert code == 0
    (controller,) = made
    assert isinstance(controller.clock, TimelineClock)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ready 0") and lines[1].startswith("ack 1 ")
    assert controller.wall_watch.steps == 0


class Machine:
    def __init__(self, opened: datetime) -> None:
        self.t, self.opened, self.offset = 100.0, opened, timedelta(0)

    def monotonic(self) -> float:
        return self.t

    def wall(self) -> datetime:
        return self.opened + timedelta(seconds=self.t - 100.0) + self.offset


def test_a_clock_step_is_printed_and_answered(qapp, plan_2021, at):
    machine = Machine(at(14, 5, 12))
    clock = TimelineClock(wall=machine.wall, monotonic=machine.monotonic)
    controller = ShowController(plan_2021, clock, actions=[start(at(13, 30, 1))])
    out = io.StringIO()
    driver = headless.HeadlessDriver(controller, out)
    machine.offset = timedelta(hours=1)
    driver.handle("adjust 60")  # pressed while the wall is wrong: stamped on show time
    said = out.getvalue().splitlines()
    assert said[0].startswith("clock-step ")
    step = json.loads(said[0].split(" ", 1)[1])
    assert step["size"] == "+1:00:00" and step["at"] == "14:05:12" and step["code"] == "clock-step"
    assert said[1].startswith("ack 2 ")
    assert controller.show.actions[-1].at == at(14, 5, 12)
    driver.handle("clock keep")
    assert out.getvalue().splitlines()[-1] == "clock keep"
    assert clock.pending_step is None and clock.wall_offset == timedelta(hours=1)
    driver.handle("clock follow")
    assert out.getvalue().splitlines()[-1].startswith("rejected no clock step")


def test_a_read_only_journal_is_said_refused_and_continued_elsewhere(qapp, plan_2021, at, tmp_path):
    data, other = tmp_path / "data", tmp_path / "other"
    old = journal_path(plan_2021, data)
    with Journal.create(old, plan_2021) as journal:
        journal.append(start(at(13, 30, 1)))
    out = io.StringIO()
    script = "next\ncontinue " + str(other) + "\nnext\nstate\nquit\n"
    with read_only_under(data):
        code = headless.run(str(SCHEDULE_2021), data, at(13, 40), False, io.StringIO(script), out)
    assert code == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ready 1")
    assert lines[1].startswith("journal-fault read-only ")
    assert lines[2].startswith("rejected the journal could not be written")
    moved = journal_path(plan_2021, other)
    assert lines[3] == f"continued 1 {moved}"
    assert lines[4].startswith("ack 2 ")
    assert [a.kind.value for a in read_journal(moved).actions] == ["start", "next"]
    assert len(read_journal(old).actions) == 1
    # The next start (the data folder writable again) resumes from the continued journal.
    again = io.StringIO()
    assert headless.run(str(SCHEDULE_2021), data, at(13, 45), False, io.StringIO("next\nquit\n"), again) == 0
    assert again.getvalue().splitlines()[0].startswith("ready 2")
    assert [a.kind.value for a in read_journal(moved).actions] == ["start", "next", "next"]
    assert len(read_journal(old).actions) == 1


@pytest.fixture(autouse=True)
def _no_web(monkeypatch):
    """The driver's browser views stay off in these in-process runs."""
    monkeypatch.setattr(headless, "start_remote_stack", lambda controller, args, **_: None)
