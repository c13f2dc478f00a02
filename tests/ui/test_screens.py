"""The stage lands full screen on the second display, remembers it, and survives losing it.

The offscreen platform's screens are fixed when the process starts, so the
two-display cases run in a subprocess with a screens config file. Qt's offscreen
platform cannot unplug a display at run time from Python, so removal is
simulated by calling the ``screenRemoved`` handler with the stage's screen, the
way Qt does just before it deletes a QScreen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from runshow.ui.screens import choose_stage_screen

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {
    "screens": [
        {"name": "Operator", "x": 0, "y": 0, "width": 1920, "height": 1080},
        {"name": "Stage", "x": 1920, "y": 0, "width": 1920, "height": 1080},
    ]
}

PROBE = r"""
import json, sys
from datetime import datetime
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

app = QApplication([])
from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock
from runshow.plan import load_plan
from runshow.session.controller import ShowController
from runshow.ui.fonts import load_fonts
from runshow.ui.stage import StageWindow

load_fonts()
plan = load_plan(sys.argv[1])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
clock = ManualClock(datetime(2021, 10, 15, 14, 0, tzinfo=plan.event.timezone))
controller = ShowController(plan, clock)
controller.act(ActionKind.START)
window = StageWindow(controller, settings=settings)
screens = {s.name(): s for s in QGuiApplication.screens()}


def report(label):
    app.processEvents()
    g = window.geometry()
    print(json.dumps({
        "step": label,
        "screen": window.screen().name(),
        "full": window.isFullScreen(),
        "visible": window.isVisible(),
        "geometry": [g.x(), g.y(), g.width(), g.height()],
        "countdown": window.view.content.countdown,
        "remembered": settings.value("stage/screen"),
    }), flush=True)


window.placement.place()
report("start")
for step in sys.argv[3:]:
    if step == "lose-stage":
        window.placement._on_screen_removed(screens["Stage"])
    elif step == "stage-back":
        window.placement._on_screen_added(screens["Stage"])
    elif step == "choose-operator":
        window.placement.move_to_screen(screens["Operator"])
    elif step == "menu-operator":
        window.screen_menu.aboutToShow.emit()
        labels = [a.text() for a in window.screen_menu.actions()]
        print(json.dumps({"menu": labels, "checked": [a.isChecked() for a in window.screen_menu.actions()]}))
        next(a for a in window.screen_menu.actions() if a.text().startswith("Operator")).trigger()
    elif step == "tick":
        clock.advance(61)
        controller.refresh()
    report(step)
"""


def run_probe(tmp_path: Path, *steps: str, screens: dict = SCREENS, ini: str = "settings.ini") -> list[dict]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["PYTHONPATH"] = str(ROOT)
    schedule = ROOT / "schedules" / "2021-industrial-complex-conference.toml"
    done = subprocess.run(
        [sys.executable, str(script), str(schedule), str(tmp_path / ini), *steps],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]  # one per step


def test_stage_goes_full_screen_on_the_second_display(tmp_path):
    (start,) = run_probe(tmp_path)
    assert start["screen"] == "Stage"
    assert start["full"] and start["visible"]
    assert start["geometry"] == [1920, 0, 1920, 1080]


def test_losing_the_stage_display_keeps_the_stage_running(tmp_path):
    start, lost, tick, back = run_probe(tmp_path, "lose-stage", "tick", "stage-back")
    assert start["screen"] == "Stage"
    # only the operator's display is left: a visible normal window there, not covering it
    assert lost["screen"] == "Operator"
    assert lost["visible"] and not lost["full"]
    assert 0 <= lost["geometry"][0] < 1920
    # and it keeps showing the show
    assert tick["countdown"] != lost["countdown"]
    # the display comes back: the stage returns to it, full screen
    assert back["screen"] == "Stage" and back["full"]
    assert back["geometry"] == [1920, 0, 1920, 1080]


def test_the_choice_is_remembered_by_name(tmp_path):
    _start, chose = run_probe(tmp_path, "choose-operator")
    assert chose["screen"] == "Operator" and chose["full"]
    assert chose["remembered"] == "Operator"
    (again,) = run_probe(tmp_path)  # same settings file: a restart
    assert again["screen"] == "Operator" and again["full"]


def test_the_operator_chooses_from_the_stage_display_menu(tmp_path):
    _start, menu, chose = run_probe(tmp_path, "menu-operator")
    assert menu["menu"] == ["Operator  (1920×1080)", "Stage  (1920×1080)"]
    assert menu["checked"] == [False, True]  # where the stage is now
    assert chose["screen"] == "Operator" and chose["full"]
    assert chose["remembered"] == "Operator"


def test_one_display_means_a_normal_window(tmp_path):
    one = {"screens": [SCREENS["screens"][0]]}
    (start,) = run_probe(tmp_path, screens=one)
    assert start["screen"] == "Operator"
    assert start["visible"] and not start["full"]


def test_a_remembered_display_that_is_gone_falls_back_to_the_second(tmp_path):
    _start, _chose = run_probe(tmp_path, "choose-operator")
    renamed = {"screens": [SCREENS["screens"][0] | {"name": "Laptop"}, SCREENS["screens"][1]]}
    (start,) = run_probe(tmp_path, screens=renamed)
    assert start["screen"] == "Stage" and start["full"]


class FakeScreen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_choose_stage_screen_rules():
    a, b, c = FakeScreen("A"), FakeScreen("B"), FakeScreen("C")
    assert choose_stage_screen([a], a, None) is None
    assert choose_stage_screen([a, b], a, None) is b
    assert choose_stage_screen([a, b, c], a, "C") is c
    assert choose_stage_screen([a, b], a, "A") is a  # the operator may choose the primary
    assert choose_stage_screen([a, b], a, "gone") is b
