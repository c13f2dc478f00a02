"""The app shell: a bad schedule is reported, a good one opens both windows on one controller."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QSettings

from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock
from runshow.ui import app as shell
from runshow.ui.stage import StageView

BAD = """\
[event]
title = "broken"
date = 2021-10-15
timezone = "Asia/Seoul"
colour = "red"

[[part]]
id = "p"
title = "P"
length = "10m"

[[part.segment]]
id = "a"
title = "A"
kind = "speechh"
start = "13:30"
end = "13:20"
"""


@pytest.fixture
def dialogs(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(shell.ErrorReport, "show", staticmethod(lambda title, text: shown.append((title, text))))
    return shown


def test_bad_schedule_exits_2_with_every_located_problem(qapp, tmp_path, capsys, dialogs):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, encoding="utf-8")
    assert shell.run_app(str(bad), ["--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith(str(bad))]
    assert len(lines) >= 2  # every problem, not just the first, each with its line
    assert any(":5:" in line and "colour" in line for line in lines)
    assert any(":15:" in line and "kind" in line for line in lines)
    ((title, text),) = dialogs
    assert "schedule" in title
    assert all(line in text for line in lines)


def test_missing_file_exits_2(qapp, tmp_path, capsys, dialogs):
    assert shell.run_app(str(tmp_path / "nope.toml"), []) == 2
    err = capsys.readouterr().err
    assert "nope.toml" in err and "Traceback" not in err
    assert len(dialogs) == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('duration = "5m"', 'duration = "99999999999h"'),  # OverflowError, once
        ("date = 2021-10-15", "date = 9999-12-31"),
        ('timezone = "Asia/Seoul"', 'timezone = "' + "A" * 5000 + '"'),  # OSError, once
        ('hosts = ["', "hosts = " + "[" * 5000 + "]" * 5000 + ', ["'),  # RecursionError, once
        ("show_end = true\n", "show_end = " + "9" * 5000 + "\n"),  # ValueError, once
    ],
)
def test_a_hostile_file_gets_the_dialog_not_a_traceback(qapp, tmp_path, capsys, dialogs, old, new):
    from tests.conftest import SCHEDULE_2021

    text = SCHEDULE_2021.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "hostile.toml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert shell.run_app(str(bad), ["--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"{bad}:" in err
    assert len(dialogs) == 1


def test_an_unexpected_failure_while_opening_gets_the_dialog(qapp, tmp_path, capsys, dialogs, monkeypatch):
    def explode(path: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(shell, "load_cached", explode)
    assert shell.run_app(str(tmp_path / "any.toml"), ["--lang", "en"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    ((_, text),) = dialogs
    assert "RecursionError" in text


def test_run_app_leaves_no_translator_behind(qapp, tmp_path, dialogs):
    from PySide6.QtCore import QCoreApplication

    shell.run_app(str(tmp_path / "nope.toml"), [])  # Korean by default
    assert QCoreApplication.translate("StageView", "Time left") == "Time left"


@pytest.mark.parametrize(
    ("args", "env", "lang", "rest"),
    [
        ([], {}, "ko", []),
        (["--lang", "en"], {}, "en", []),
        (["--lang=en", "-style", "fusion"], {}, "en", ["-style", "fusion"]),
        ([], {"RUNSHOW_LANG": "en"}, "en", []),
        (["--lang", "ko"], {"RUNSHOW_LANG": "en"}, "ko", []),
    ],
)
def test_language_choice(args, env, lang, rest):
    assert shell.split_language(args, env) == (lang, rest)


def test_korean_translations_load(qapp):
    from PySide6.QtCore import QCoreApplication

    translators = shell.install_translators(qapp, "ko")
    try:
        assert translators
        assert QCoreApplication.translate("StageView", "Time left") == "남은 시간"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_fake_now_is_a_frozen_clock_and_needs_a_zone():
    clock = shell.make_clock({"RUNSHOW_FAKE_NOW": "2021-10-15T14:12:00+09:00"})
    assert isinstance(clock, ManualClock)
    assert clock.now().isoformat() == "2021-10-15T14:12:00+09:00"
    with pytest.raises(ValueError):
        shell.make_clock({"RUNSHOW_FAKE_NOW": "2021-10-15T14:12:00"})


def test_scenario_actions_up_to_now(plan_2021):
    from tests.conftest import ROOT

    clock = shell.make_clock({"RUNSHOW_FAKE_NOW": "2021-10-15T14:10:00+09:00"})
    scenario = str(ROOT / "tests" / "scenarios" / "late.toml")
    actions = shell.scripted_actions(plan_2021, clock, {"RUNSHOW_SCENARIO": scenario})
    assert actions and all(a.at <= clock.now() for a in actions)
    assert shell.scripted_actions(plan_2021, clock, {}) == []


class SilentChime:
    def __init__(self) -> None:
        self.played = 0

    def play(self) -> None:
        self.played += 1


@pytest.fixture
def built(qtbot, plan_2021, at, tmp_path):
    clock = ManualClock(at(14, 0))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = shell.build_app(plan_2021, clock, settings=settings, chime=SilentChime())
    qtbot.addWidget(windows.stage)
    if windows.operator is not None:
        qtbot.addWidget(windows.operator)
    yield windows, clock
    windows.close()


OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen has no window manager


@OFFSCREEN
def test_app_opens_both_windows_on_one_controller(built, qtbot):
    windows, _clock = built
    assert windows.operator is not None, "runshow.ui.operator should provide OperatorWindow"
    shell.show_windows(windows)
    qtbot.waitUntil(lambda: windows.stage.isVisible() and windows.operator.isVisible())
    assert windows.controller.flip_timer.pending  # the tick is running
    assert getattr(windows.operator, "stage_window", None) is windows.stage
    assert windows.armer is not None and windows.armer.pending_wakeups() == 1  # alerts are armed
    assert windows.rehearsal is not None and not windows.rehearsal.active  # rehearsal is wired, off
    stage_menu = windows.operator.menus["stage"]
    assert windows.stage.screen_menu.menuAction() in stage_menu.actions()  # choose the display there


@OFFSCREEN
def test_a_key_reaches_engine_and_both_windows_in_one_turn(built, qtbot):
    windows, _clock = built
    shell.show_windows(windows)
    views = [windows.stage.view, *windows.operator.findChildren(StageView)]
    assert len(views) >= 2  # the stage and the operator's miniature
    assert windows.controller.act(ActionKind.START) is None
    # no event-loop turn in between: every view already shows the started show
    assert {v.content.title for v in views} == {"개회 선언·국민의례·내빈소개"}
    assert {v.content.countdown for v in views} == {"05:00"}


@OFFSCREEN
def test_operator_keys_work_from_the_stage_window(built, qtbot):
    from PySide6.QtCore import Qt

    windows, _clock = built
    shell.show_windows(windows)
    windows.stage.activateWindow()
    qtbot.waitUntil(windows.stage.isActiveWindow)
    qtbot.keyClick(windows.stage, Qt.Key.Key_Space)
    assert windows.controller.state.cue is not None  # Space = start/next, taken in the stage window
    assert windows.stage.view.content.countdown == "05:00"


@OFFSCREEN
def test_closing_the_control_room_quits_closing_the_stage_does_not(built, qtbot):
    from PySide6.QtCore import Qt

    windows, _clock = built
    assert windows.operator.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
    assert not windows.stage.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)


@OFFSCREEN
def test_no_pointer_over_the_full_screen_stage(built, qtbot):
    from PySide6.QtCore import Qt

    windows, _clock = built
    windows.stage.placement.toggle_full_screen()
    qtbot.waitUntil(windows.stage.isFullScreen)
    assert windows.stage.cursor().shape() == Qt.CursorShape.BlankCursor
    windows.stage.placement.toggle_full_screen()
    qtbot.waitUntil(lambda: not windows.stage.isFullScreen())
    assert windows.stage.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_a_demo_at_a_made_up_time_never_touches_the_journal(plan_2021, at):
    clock = ManualClock(at(14, 0))
    env = {"RUNSHOW_FAKE_NOW": "2021-10-15T14:00:00+09:00"}
    assert shell.open_journal(plan_2021, clock, environ=env) == (None, None)


def test_the_live_journal_is_opened_and_replayed(plan_2021, at, tmp_path, monkeypatch):
    pytest.importorskip("runshow.ui.recovery")
    from runshow.live.actions import start
    from runshow.live.journal import DATA_DIR_ENV

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    clock = ManualClock(at(14, 0))
    journal, actions = shell.open_journal(plan_2021, clock, environ={})
    assert journal is not None and actions == []
    journal.append(start(at(13, 31)))
    journal.close()
    monkeypatch.setattr("runshow.ui.recovery.RecoveryDialogs.inform", classmethod(lambda cls, *a: None))
    again, replayed = shell.open_journal(plan_2021, clock, environ={})
    assert again is not None
    assert [a.kind for a in replayed] == [ActionKind.START]  # a restart resumes the show
    again.close()


@pytest.fixture
def app_at(qtbot, plan_2021, tmp_path):
    """Build the whole app on a frozen clock at a given local instant; closed afterwards."""
    built: list[shell.AppWindows] = []

    def make(*local: int) -> shell.AppWindows:
        clock = ManualClock(datetime(*local, tzinfo=plan_2021.event.timezone))
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        windows = shell.build_app(plan_2021, clock, settings=settings, chime=SilentChime())
        qtbot.addWidget(windows.stage)
        qtbot.addWidget(windows.operator)
        built.append(windows)
        return windows

    yield make
    for windows in built:
        if windows.rehearsal is not None:
            windows.rehearsal.leave()
        windows.close()


def test_opened_on_another_day_starts_in_rehearsal(app_at, plan_2021):
    windows = app_at(2021, 10, 14, 9, 0)  # the day before
    assert shell.rehearse_unless_event_day(windows, plan_2021, windows.controller.clock, resumed=False)
    assert windows.rehearsal is not None and windows.rehearsal.active
    start = datetime(2021, 10, 15, 13, 20, tzinfo=plan_2021.event.timezone)
    assert start <= windows.controller.clock.now() < start.replace(minute=21)  # ten minutes before
    assert "2021-10-15" in windows.operator.statusBar().currentMessage()


def test_event_day_or_a_resumed_show_stays_live(app_at, plan_2021):
    windows = app_at(2021, 10, 15, 9, 0)  # the morning of the event
    assert not shell.rehearse_unless_event_day(windows, plan_2021, windows.controller.clock, resumed=False)
    other_day = ManualClock(datetime(2021, 10, 16, 9, 0, tzinfo=plan_2021.event.timezone))
    assert not shell.rehearse_unless_event_day(windows, plan_2021, other_day, resumed=True)
    assert windows.rehearsal is not None and not windows.rehearsal.active


def test_rehearsal_banner_reaches_the_stage_window_and_miniature(built):
    windows, _clock = built
    assert windows.rehearsal is not None and windows.operator is not None
    views = [windows.stage.view, windows.operator.miniature]
    assert not any(v.content.rehearsal for v in views)
    windows.rehearsal.enter(speed=10)
    assert all(v.content.rehearsal for v in views)
    assert "REHEARSAL" in windows.operator.windowTitle() or "리허설" in windows.operator.windowTitle()
    windows.rehearsal.leave()
    assert not any(v.content.rehearsal for v in views)


def test_help_overlay_lists_the_alert_log_keys_too(built):
    windows, _clock = built
    overlay = windows.operator.help_overlay
    keys = {key.text() for _action, key, _text in overlay._labels}
    assert {"A", "Ctrl+M"} <= keys
    assert "Space" in keys


def test_alerts_are_armed_without_a_control_room(plan_2021, at, qtbot, tmp_path):
    """The armer is the session's: a stage-only app still plans, arms and fires its alerts."""
    clock = ManualClock(at(14, 7, 59))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    windows = shell.build_app(plan_2021, clock, settings=settings, with_operator=False)
    qtbot.addWidget(windows.stage)
    try:
        assert windows.operator is None and windows.armer is not None
        assert windows.armer.armed  # the 14:08 wrap-up warning among them
    finally:
        windows.close()
