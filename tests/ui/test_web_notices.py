"""The browser views' stage gets the alert notices the stage window gets (issue 16: same content)."""

from __future__ import annotations

from runshow.live.clock import ManualClock
from runshow.session.alert_armer import FiredAlert
from runshow.ui import app as shell
from tests.ui.test_alert_ui import FakeChime, FakeStage, _until, presenter


def test_a_stage_alert_reaches_the_web_stage_too(plan_2021, at, qtbot) -> None:
    windows = shell.build_app(
        plan_2021, ManualClock(at(14, 7)), actions=_until(plan_2021, at, 14, 0), chime=FakeChime()
    )
    try:
        assert windows.operator is not None and windows.armer is not None
        qtbot.addWidget(windows.operator)
        qtbot.addWidget(windows.stage)
        web = FakeStage()
        shell.share_notices(windows, web)
        danger = windows.armer.armed["wrapup_danger#5"]
        assert danger.for_stage
        presenter(windows.armer).on_fired(FiredAlert(danger, at(14, 9, 30)))
        assert web.notice is not None and web.notice == windows.stage.view.content.notice
        presenter(windows.armer).clear_notice()
        assert web.notice is None
    finally:
        windows.close()
