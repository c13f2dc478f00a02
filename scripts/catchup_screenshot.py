"""Screenshot of the catch-up panel, from a real window under Xvfb, for docs/catchup.png.

The 2021 conference as in ``tests/scenarios/late.toml`` (13:32 start, 전남 four minutes
over) at 14:20, with the hard stop 16:25 and the breaks and the panel flexible (set here
with ``dataclasses.replace`` until the schedule file says so): the control room shows the
six-minute overrun and what to trim.

    .venv/bin/python scripts/catchup_screenshot.py      # starts its own Xvfb

Needs Debian's ``xvfb`` and ``imagemagick``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshot import HEIGHT, WIDTH, instant, start_xvfb  # noqa: E402
from screenshot import grab_operator as grab  # noqa: E402 - after the path is set

FLEX = {"break1": (5, 1), "break2": (5, 1), "panel": (30, 2)}  # minimum minutes, trim order


def main() -> int:
    xvfb = start_xvfb()
    try:
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication

        from runshow.live.clock import ManualClock
        from runshow.live.scenario import load_scenario
        from runshow.plan import load_plan
        from runshow.ui.app import DEFAULT_SCHEDULE, build_app, install_translators
        from runshow.ui.fonts import load_fonts, use_bundled_font

        class Silent:
            def play(self) -> None: ...

        app = QApplication([sys.argv[0]])
        install_translators(app, "ko")
        load_fonts()
        use_bundled_font(app)
        plan = load_plan(DEFAULT_SCHEDULE)
        zone = plan.event.timezone
        minute = timedelta(minutes=1)
        segments = tuple(
            replace(s, min_length=FLEX[s.id][0] * minute, trim_order=FLEX[s.id][1])
            if s.id in FLEX
            else replace(s, min_length=None, trim_order=None)
            for s in plan.segments
        )
        plan = replace(plan, segments=segments, event=replace(plan.event, hard_stop=instant(zone, "16:25:00")))
        now = instant(zone, "14:20:00")
        scenario = load_scenario(ROOT / "tests" / "scenarios" / "late.toml", plan)
        actions = [a for a in scenario.actions if a.at <= now]
        clock = ManualClock(now)
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
        windows = build_app(plan, clock, actions=actions, settings=settings, chime=Silent())
        operator = windows.operator
        assert operator is not None
        operator.setGeometry(0, 0, WIDTH, HEIGHT)
        operator.show()
        windows.stage.setGeometry(WIDTH, 0, WIDTH, HEIGHT)
        windows.stage.show()

        def shot() -> None:
            grab(ROOT / "docs" / "catchup.png")
            app.quit()

        QTimer.singleShot(1500, shot)
        app.exec()
        windows.close()
        return 0
    finally:
        xvfb.terminate()
        xvfb.wait(5)


if __name__ == "__main__":
    raise SystemExit(main())
