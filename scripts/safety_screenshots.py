"""Screenshots of the live show's guards, from a real window under Xvfb, for docs/.

- ``docs/guarded-goto.png``: Enter on a rundown row in the live show asks first;
- ``docs/alerts.png``: both screens at 14:08:01, as 전남's wrap-up warning and 경북's stand-by
  fire: the stage's notice, the operator's toast and the alert log;
- ``docs/alert-log.png``: the alert log with readable planned/fired times, the toasts
  stacked above it (never over the newest row's acknowledge box).

    .venv/bin/python scripts/safety_screenshots.py      # starts its own Xvfb

Needs Debian's ``xvfb`` and ``imagemagick``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshot import HEIGHT, WIDTH, instant, start_xvfb  # noqa: E402
from screenshot import grab_operator as grab  # noqa: E402 - after the path is set


def main() -> int:
    xvfb = start_xvfb()
    try:
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication

        from runshow.live.actions import Action, ActionKind
        from runshow.live.clock import ManualClock
        from runshow.plan import load_plan
        from runshow.ui.app import DEFAULT_SCHEDULE, build_app, install_translators
        from runshow.ui.fonts import load_fonts, use_bundled_font
        from runshow.ui.rundown_model import Column

        class Silent:
            def play(self) -> None: ...

        app = QApplication([sys.argv[0]])
        install_translators(app, "ko")
        load_fonts()
        use_bundled_font(app)
        plan = load_plan(DEFAULT_SCHEDULE)
        zone = plan.event.timezone
        clock = ManualClock(instant(zone, "14:07:55"))
        actions = [Action(ActionKind.START, instant(zone, "13:30:00"))]
        actions += [
            Action(ActionKind.NEXT, instant(zone, t))
            for t in ("13:35:00", "13:40:00", "13:45:00", "13:50:00", "14:00:00")
        ]
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
        windows = build_app(plan, clock, actions=actions, settings=settings, chime=Silent())
        operator = windows.operator
        assert operator is not None and windows.armer is not None
        operator.setGeometry(0, 0, WIDTH, HEIGHT)
        operator.show()
        windows.stage.setGeometry(WIDTH, 0, WIDTH, HEIGHT)
        windows.stage.show()
        docs = ROOT / "docs"

        def alerts_at_eight() -> None:  # 전남's wrap-up warning and 경북's stand-by, on time
            clock.advance((instant(zone, "14:08:01") - clock.now()).total_seconds())
            windows.armer.scheduler.wakeup()
            windows.controller.refresh()
            QTimer.singleShot(1500, shot_alerts)

        def shot_alerts() -> None:
            whole = Path(tempfile.mkdtemp()) / "screen.png"
            subprocess.run(["import", "-window", "root", str(whole)], check=True)
            shutil.copyfile(whole, docs / "alerts.png")
            print(docs / "alerts.png")
            for toast in list(windows.armer.attachments[0].toasts.toasts):  # type: ignore[attr-defined]
                toast.dismiss()
            QTimer.singleShot(300, alerts_due)

        def alerts_due() -> None:  # 전남 runs into her wrap-up and overtime; 경북 is called
            clock.advance((instant(zone, "14:10:02") - clock.now()).total_seconds())  # quietly: time passing
            windows.armer.scheduler.wakeup()
            windows.controller.refresh()
            QTimer.singleShot(1500, shot_log)

        def shot_log() -> None:
            grab(docs / "alert-log.png")
            for toast in list(windows.armer.attachments[0].toasts.toasts):  # type: ignore[attr-defined]
                toast.dismiss()
            operator.rundown.setFocus()
            operator.rundown.setCurrentIndex(operator.model.index(6, Column.TITLE))
            QTimer.singleShot(1200, shot_goto)
            QTimer.singleShot(200, operator.commands.goto_from_rundown.trigger)  # Enter: asks (modal)

        def shot_goto() -> None:
            grab(docs / "guarded-goto.png")
            box = QApplication.activeModalWidget()
            if box is not None:
                box.close()
            app.quit()

        QTimer.singleShot(800, alerts_at_eight)
        app.exec()
        return 0
    finally:
        xvfb.terminate()
        xvfb.wait(5)


if __name__ == "__main__":
    raise SystemExit(main())
