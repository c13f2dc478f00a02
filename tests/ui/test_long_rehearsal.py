"""Eight hours of show at high speed: memory stays flat (long mode, prints its figures).

The whole app is built (controller, stage, control room, alerts) and driven
through eight show hours: every cue ends on time with ``next``, and the show
starts over after 폐회, as a day of rehearsals would. The resident set size is
printed every show hour from ``/proc/self/status``. The assertion is loose on
purpose (a leak of a few objects per tick grows without bound over 28,800
ticks; noise does not): growth after the first hour stays under 40 MB.
"""

from __future__ import annotations

import gc
from datetime import timedelta
from pathlib import Path

import pytest

from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock
from runshow.live.show import Status

pytestmark = pytest.mark.slow

SHOW_HOURS = 8
PAINT_EVERY_S = 10  # let the windows repaint every ten show seconds


class CountingChime:
    def __init__(self) -> None:
        self.played = 0

    def play(self) -> None:
        self.played += 1


def rss_kib() -> int:
    status = Path("/proc/self/status")
    if not status.exists():  # pragma: no cover - not Linux
        return 0
    for line in status.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0  # pragma: no cover


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_eight_hour_rehearsal_memory_is_flat(plan_2021, at, qapp, tmp_path, capsys) -> None:
    from runshow.ui.app import build_app

    clock = ManualClock(at(13, 30))
    chime = CountingChime()
    windows = build_app(plan_2021, clock, chime=chime)
    try:
        for w in (windows.operator, windows.stage):
            if w is not None:
                w.show()
        controller = windows.controller
        # The manual clock does not move in real time, so the scheduler is asked for what is due
        # at every show second, as its own wake-up would at speed.
        armer = windows.armer
        assert armer is not None, "the alert armer is part of the app"
        assert controller.act(ActionKind.START) is None
        figures: list[tuple[int, int]] = []
        for second in range(1, SHOW_HOURS * 3600 + 1):
            clock.advance(1)
            state = controller.state
            if state.status is Status.ENDED:
                controller.act(ActionKind.GOTO, segment=plan_2021.segments[0].id)
            elif state.cue is not None and state.remaining is not None and state.remaining <= timedelta(0):
                controller.act(ActionKind.NEXT)
            controller.refresh()
            armer.scheduler.run_due()
            if second % PAINT_EVERY_S == 0:
                qapp.processEvents()
            if second % 3600 == 0:
                gc.collect()
                figures.append((second // 3600, rss_kib()))
        with capsys.disabled():
            print()
            for hour, kib in figures:
                print(f"  show hour {hour}: VmRSS {kib / 1024:.1f} MiB")
            print(f"  {len(controller.show.actions)} actions applied, {chime.played} chimes")
    finally:
        windows.close()
        # AppWindows.close() leaves the alert presenter's toasts and stage-notice timers running.
        from runshow.ui.alert_wiring import AlertPresenter

        for presenter in windows.armer.attachments if windows.armer else []:
            if isinstance(presenter, AlertPresenter):
                presenter.toasts.clear()
                presenter.clear_notice()
        for w in (windows.operator, windows.stage):
            if w is not None:
                w.close()
    growth_mib = (figures[-1][1] - figures[0][1]) / 1024
    assert growth_mib < 40, f"memory grew {growth_mib:.1f} MiB from hour 1 to hour {SHOW_HOURS}"
