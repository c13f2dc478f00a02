"""Start-up order: what waits for the first paint runs after both windows painted, once, in order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

import runshow.ui.app as shell
from runshow.live.clock import ManualClock
from runshow.ui.startup import AfterFlip, FirstPaint, StartupTrace

OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen has no window manager


class PaintLog(QObject):
    """Records which watched widgets have painted (an application-wide filter sees every paint)."""

    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self.widgets = widgets
        self.painted: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            for name, widget in self.widgets.items():
                if obj is widget and name not in self.painted:
                    self.painted.append(name)
        return False


def test_the_work_runs_after_every_widget_painted_in_order_once(qtbot, qapp) -> None:
    a, b = QWidget(), QWidget()
    qtbot.addWidget(a)
    qtbot.addWidget(b)
    log = PaintLog({"a": a, "b": b})
    qapp.installEventFilter(log)
    ran: list[tuple[str, list[str]]] = []
    trace = StartupTrace()
    gate = FirstPaint(
        [a, b],
        [lambda: ran.append(("first", list(log.painted))), lambda: ran.append(("second", list(log.painted)))],
        a,
        trace=trace,
    )
    a.show()
    qtbot.waitUntil(lambda: "a" in log.painted)
    for _ in range(5):
        qapp.processEvents()  # b is not shown: nothing may run yet
    assert ran == [] and not gate.done
    b.show()
    qtbot.waitUntil(lambda: len(ran) == 2)
    assert [name for name, _ in ran] == ["first", "second"]
    assert all(sorted(painted) == ["a", "b"] for _, painted in ran)  # both had painted before either ran
    assert [name for name, _ in trace.marks] == ["painted"]
    b.update()
    for _ in range(5):
        qapp.processEvents()
    assert len(ran) == 2  # once
    qapp.removeEventFilter(log)


def test_a_failing_step_does_not_stop_the_next(qtbot, caplog) -> None:
    a = QWidget()
    qtbot.addWidget(a)
    ran: list[str] = []

    def broken() -> None:
        raise RuntimeError("port in use")

    gate = FirstPaint([a], [broken, lambda: ran.append("next")], a, trace=StartupTrace())
    a.show()
    qtbot.waitUntil(lambda: gate.done and ran == ["next"])
    assert "port in use" in caplog.text


def test_a_window_that_never_paints_delays_the_work_but_never_loses_it(qtbot, caplog) -> None:
    a = QWidget()
    qtbot.addWidget(a)  # never shown: never painted
    ran: list[str] = []
    FirstPaint([a], [lambda: ran.append("ran")], a, fallback_ms=50, trace=StartupTrace())
    qtbot.waitUntil(lambda: ran == ["ran"])
    assert "not painted" in caplog.text


@OFFSCREEN
def test_the_app_starts_the_deferred_work_after_both_windows_painted(qtbot, qapp, plan_2021, at, tmp_path) -> None:
    """The stage window's own view and the control room, not the operator's miniature of the stage."""
    clock = ManualClock(at(14, 0))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = shell.build_app(plan_2021, clock, settings=settings)
    qtbot.addWidget(windows.stage)
    assert windows.operator is not None
    qtbot.addWidget(windows.operator)
    log = PaintLog({"stage": windows.stage.view, "operator": windows.operator, "miniature": windows.operator.miniature})
    qapp.installEventFilter(log)
    seen: list[list[str]] = []
    shell.after_first_paint(windows, [lambda: seen.append(list(log.painted))])
    try:
        shell.show_windows(windows)
        qtbot.waitUntil(lambda: bool(seen))
        assert {"stage", "operator"} <= set(seen[0])
    finally:
        qapp.removeEventFilter(log)
        windows.close()


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--osc-port", "9000", "-style", "fusion"],
        ["--osc-port=9000", "--osc-lan", "--no-osc", "x"],
        ["--osc-allow", "10.0.0.2", "--osc-target", "h:1", "--osc-target=h:2", "rest"],
        ["--osc-port"],  # a value flag at the end: dropped, as the OSC options drop it
        ["--osc-portx", "--osc", "--osc-lan=1", "-platform", "offscreen"],
    ],
)
def test_the_app_leaves_qt_the_arguments_the_osc_options_leave(args: list[str]) -> None:
    from runshow.remote.osc import osc_options

    _, rest = osc_options(args, {})
    assert shell.strip_osc_options(args) == rest


@OFFSCREEN
def test_the_app_arms_its_alerts_after_the_paint_and_then_summarises_the_missed(qtbot, plan_2021, at, tmp_path) -> None:
    from runshow.live.actions import Action, ActionKind
    from runshow.live.show import Show
    from runshow.ui.alert_wiring import AlertPresenter

    show = Show(plan_2021)
    actions = [Action(ActionKind.START, at(13, 30))]
    actions += [Action(ActionKind.NEXT, c.planned_start) for c in show.cues[1:] if c.planned_start <= at(14, 0)]
    clock = ManualClock(at(14, 12))  # the journal ends at 14:00: four alerts passed while closed
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = shell.build_app(plan_2021, clock, actions=actions, settings=settings, defer_alerts=True)
    qtbot.addWidget(windows.stage)
    assert windows.operator is not None and windows.armer is not None
    qtbot.addWidget(windows.operator)
    armer = windows.armer
    (presenter,) = [a for a in armer.attachments if isinstance(a, AlertPresenter)]
    try:
        assert armer.owed and armer.plan is None
        shell.after_first_paint(windows, [lambda: shell.arm_alerts(windows)])
        shell.show_windows(windows)
        qtbot.waitUntil(lambda: not armer.owed)
        assert armer.pending_wakeups() == 1 and armer.armed
        assert len(presenter.missed) == 4
        qtbot.waitUntil(lambda: len(presenter.toasts.toasts) == 1)
        assert "4" in presenter.toasts.toasts[0].text
    finally:
        windows.close()


def test_a_schedule_that_will_not_open_leaves_the_collector_on(qapp, tmp_path, monkeypatch) -> None:
    import gc

    monkeypatch.setattr(shell.ErrorReport, "show", staticmethod(lambda title, text: None))
    assert shell.run_app(str(tmp_path / "nope.toml"), ["--lang", "en"]) == shell.EXIT_BAD_SCHEDULE
    assert gc.isenabled()


def test_after_start_up_the_collector_is_on_and_the_start_up_objects_frozen() -> None:
    import gc

    gc.disable()
    kept = [[i] for i in range(100)]  # long-lived start-up objects (tracked by the collector)
    try:
        shell.settle_collector()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()
        gc.enable()


def test_what_is_not_needed_to_paint_is_not_imported_with_the_app() -> None:
    """The LAN server, OSC, APScheduler, pydantic (the validator's and the scenarios' models) load
    after the first paint, or when a schedule must be validated or a scenario played."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    later = ["aiohttp", "pythonosc", "apscheduler", "asyncio", "pydantic", "runshow.plan.validate",
             "runshow.live.scenario", "runshow.remote.control", "openpyxl", "segno"]  # fmt: skip
    code = f"import sys, runshow.cli, runshow.ui.app\nprint(' '.join(m for m in {later!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == []


class Flips(QObject):
    flipped = Signal()


def test_the_long_steps_wait_for_the_next_flip_then_run_once(qtbot, qapp) -> None:
    flips = Flips()
    ran: list[str] = []
    after = AfterFlip(flips.flipped, [lambda: ran.append("remote"), lambda: ran.append("cache")], flips,
                      fallback_ms=60_000)  # fmt: skip
    for _ in range(5):
        qapp.processEvents()
    assert ran == []  # no flip yet
    flips.flipped.emit()
    assert ran == []  # not inside the flip: right after it
    qtbot.waitUntil(lambda: ran == ["remote", "cache"])
    flips.flipped.emit()
    for _ in range(5):
        qapp.processEvents()
    assert ran == ["remote", "cache"] and after.done


def test_a_clock_that_never_flips_delays_the_long_steps_but_never_loses_them(qtbot) -> None:
    flips = Flips()
    ran: list[str] = []
    AfterFlip(flips.flipped, [lambda: ran.append("remote")], flips, fallback_ms=50)
    qtbot.waitUntil(lambda: ran == ["remote"])
