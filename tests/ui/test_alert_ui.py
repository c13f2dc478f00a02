"""Alerts in front of people: toasts that never take focus, the log, acknowledgement, mute, stage notice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from runshow.live.actions import Action, ActionKind
from runshow.live.alerts import Rule
from runshow.live.clock import ManualClock
from runshow.live.show import Show
from runshow.plan.model import Plan
from runshow.resources import i18n_dir
from runshow.session.alert_armer import AlertArmer, FiredAlert
from runshow.session.controller import ShowController
from runshow.ui.alert_log import AlertLogDock, Column
from runshow.ui.alert_wiring import AlertPresenter, install_alerts
from runshow.ui.chime import find_player
from runshow.ui.operator import OperatorWindow
from runshow.ui.toast import ToastStack

# The test window itself draws this on offscreen (no window manager); the toasts do not.
pytestmark = [pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


class FakeChime:
    def __init__(self) -> None:
        self.plays = 0

    def play(self) -> None:
        self.plays += 1


class FakeStage:
    def __init__(self) -> None:
        self.notice: str | None = None
        self.shown: list[str] = []

    def show_notice(self, text: str) -> None:
        self.notice = text
        self.shown.append(text)

    def clear_notice(self) -> None:
        self.notice = None


def _until(plan: Plan, at, hour: int, minute: int) -> list[Action]:
    show = Show(plan)
    steps = [Action(ActionKind.START, at(13, 30))]
    steps += [Action(ActionKind.NEXT, c.planned_start) for c in show.cues[1:] if c.planned_start <= at(hour, minute)]
    return steps


@pytest.fixture
def window(qtbot) -> QMainWindow:
    win = QMainWindow()
    editor = QLineEdit()
    win.setCentralWidget(editor)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    win.activateWindow()
    editor.setFocus()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def wired(plan_2021, at, window) -> Iterator[tuple[ShowController, AlertArmer, FakeChime, FakeStage, ManualClock]]:
    built: list[tuple[ShowController, AlertArmer]] = []

    def build(now: datetime, since: datetime | None):
        clock = ManualClock(now)
        controller = ShowController(plan_2021, clock, actions=_until(plan_2021, at, 14, 0))
        chime, stage = FakeChime(), FakeStage()
        armer = install_alerts(controller, window, stage, chime=chime, since=since)
        built.append((controller, armer))
        return controller, armer, chime, stage, clock

    yield build
    for controller, armer in built:
        armer.stop()
        controller.stop_ticking()
        presenter(armer).toasts.clear()
        presenter(armer).clear_notice()  # its lifetime timer is not stopped by armer.stop()


def presenter(armer: AlertArmer) -> AlertPresenter:
    (found,) = [a for a in armer.attachments if isinstance(a, AlertPresenter)]
    return found


def test_toast_does_not_take_focus(window, qtbot) -> None:
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit)
    toast = ToastStack(window).show_text("전남 대기 (Stand by: 전남)")
    qtbot.waitExposed(toast)
    assert toast.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert toast.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert not toast.isModal()
    assert QApplication.focusWidget() is focused
    assert QApplication.activeWindow() is not toast
    toast.dismiss()


def test_toasts_stack_and_expire(window, qtbot) -> None:
    stack = ToastStack(window, lifetime_ms=60, max_toasts=3)
    first = stack.show_text("one")
    second = stack.show_text("two")
    assert second.y() > first.y()  # newest at the bottom, older ones pushed up
    stack.show_text("three")
    stack.show_text("four")
    assert [t.text for t in stack.toasts] == ["two", "three", "four"]  # the oldest made room

    def all_gone() -> None:
        assert stack.toasts == []

    qtbot.waitUntil(all_gone, timeout=2000)


@pytest.fixture
def korean(qapp) -> Iterator[None]:
    """The app's default language: alert wording comes from the Korean .qm files."""
    from PySide6.QtCore import QLocale

    from runshow.ui.app import install_translators

    previous = QLocale()
    translators = install_translators(qapp, "ko")
    assert translators
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def test_fired_alerts_reach_log_toast_chime_and_stage(wired, at, qtbot, korean) -> None:
    controller, armer, chime, stage, clock = wired(at(14, 7), at(14, 7))
    p = presenter(armer)
    clock.advance((at(14, 10, 1) - clock.now()).total_seconds())  # 전남 runs into overtime
    armer.scheduler.wakeup()
    qtbot.waitUntil(lambda: len(p.log_dock.unacknowledged()) == 4, timeout=1000)
    dock = p.log_dock
    rows = [dock.model.item(r, Column.PLANNED).data(Qt.ItemDataRole.UserRole + 1) for r in range(4)]
    assert rows == ["wrapup_warning#5", "speaker_standby#6", "wrapup_danger#5", "overtime#5"]
    assert dock.model.item(0, Column.PLANNED).text() == "14:08:00"
    assert dock.model.item(3, Column.FIRED).text() == "14:10:01"
    assert [t.text for t in p.toasts.toasts] == [
        "경북 대기 — 2분 후 시·도별 혁신계획 발표(’20년 선정 5개 시·도)",
        "시간 초과 — 시·도별 혁신계획 발표(’20년 선정 5개 시·도) — 전남",
    ]  # stage-only wrap-ups are not toasted to the operator
    assert chime.plays == 1  # only overtime chimes in the 2021 file
    assert stage.shown == ["마무리 2분", "곧 종료 30초", "시간 초과"]

    assert dock.acknowledge() == "wrapup_warning#5"  # the oldest first
    dock.table.selectRow(3)
    assert dock.acknowledge() == "overtime#5"  # or the selected one
    assert dock.unacknowledged() == ["speaker_standby#6", "wrapup_danger#5"]
    assert dock.windowTitle().endswith("(2)")

    controller.act(ActionKind.NEXT)  # 경북 takes the stage: the notice goes
    assert stage.notice is None


def test_mute_silences_the_chime_only(wired, at, korean) -> None:
    _controller, armer, chime, stage, _clock = wired(at(14, 7), at(14, 7))
    p = presenter(armer)
    overtime = armer.armed["overtime#5"]
    p.log_dock.mute_button.click()
    assert p.log_dock.muted
    p.on_fired(FiredAlert(overtime, at(14, 10, 1)))
    assert chime.plays == 0
    assert len(p.toasts.toasts) == 1 and stage.notice == "시간 초과"
    p.log_dock.mute_action.trigger()  # the shortcut's action unmutes
    p.on_fired(FiredAlert(overtime, at(14, 10, 1)))
    assert chime.plays == 1


def test_alert_wording_follows_the_ui_language(wired, at) -> None:
    """Without the Korean translators (``--lang en``) the same alerts read in English."""
    _controller, armer, _chime, _stage, _clock = wired(at(14, 7), at(14, 7))
    from runshow.present.alert_text import alert_short, alert_text
    from runshow.session.qt_translate import qt_tr

    standby = armer.armed["speaker_standby#6"]
    assert alert_text(standby, qt_tr) == "Stand by: 경북, on in 2 min (시·도별 혁신계획 발표(’20년 선정 5개 시·도))"
    assert alert_short(armer.armed["wrapup_danger#5"], qt_tr) == "Ending, 30 s"
    assert alert_text(armer.armed["overtime#5"], qt_tr).startswith("Overtime — ")


def test_missed_at_start_are_logged_with_one_summary_toast(wired, at) -> None:
    _controller, armer, chime, _stage, _clock = wired(at(14, 12), None)  # journal ends at 14:00
    p = presenter(armer)
    assert [a.key for a in p.missed] == ["wrapup_warning#5", "wrapup_danger#5", "speaker_standby#6", "overtime#5"]
    assert p.log_dock.model.rowCount() == 4
    assert all(p.log_dock.model.item(r, Column.FIRED).text() == "missed (app closed)" for r in range(4))
    assert len(p.toasts.toasts) == 1 and "4" in p.toasts.toasts[0].text
    assert chime.plays == 0


def test_find_player_prefers_pipewire_then_pulse_then_alsa() -> None:
    have = {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay"}
    assert find_player("linux", have.get) == ["/usr/bin/paplay"]
    assert find_player("linux", {"aplay": "/usr/bin/aplay"}.get) == ["/usr/bin/aplay", "-q"]
    assert find_player("linux", {}.get) is None
    assert find_player("darwin", {"afplay": "/usr/bin/afplay"}.get) == ["/usr/bin/afplay"]


def test_korean_translation_of_the_log(qapp, qtbot) -> None:
    qm = i18n_dir() / "alerts_ko.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        dock = AlertLogDock()
        qtbot.addWidget(dock)
        assert dock.windowTitle() == "알림"
        assert dock.ack_button.text() == "확인 (A)"
        text = QCoreApplication.translate(
            "AlertPresenter", "%n alert(s) passed while runshow was closed — see the alert log", "", 3
        )
        assert "3건" in text
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_acknowledges_from_the_control_room_keyboard(plan_2021, at, qtbot) -> None:
    clock = ManualClock(at(14, 7))
    controller = ShowController(plan_2021, clock, actions=_until(plan_2021, at, 14, 0))
    window = OperatorWindow(controller)
    qtbot.addWidget(window)
    armer = install_alerts(controller, window, FakeStage(), chime=FakeChime(), since=at(14, 7))
    try:
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # window shortcuts need it
        window.rundown.setFocus()
        p = presenter(armer)
        p.on_fired(FiredAlert(armer.armed["overtime#5"], at(14, 10, 1)))
        assert p.log_dock.unacknowledged() == ["overtime#5"]
        assert QApplication.activeWindow() is window  # the toast took nothing
        qtbot.keyClick(window.rundown, Qt.Key.Key_A)
        assert p.log_dock.unacknowledged() == []
        assert clock.now() == at(14, 7) and controller.state.cue.index == 5  # no show action taken
    finally:
        armer.stop()
        p.toasts.clear()
        p.clear_notice()
        controller.stop_ticking()


def test_mute_is_remembered_with_settings(plan_2021, at, window, tmp_path) -> None:
    path = str(tmp_path / "settings.ini")
    for expected_start, click in ((False, True), (True, False)):
        settings = QSettings(path, QSettings.Format.IniFormat)
        controller = ShowController(plan_2021, ManualClock(at(14, 7)), actions=_until(plan_2021, at, 14, 0))
        armer = install_alerts(controller, window, FakeStage(), chime=FakeChime(), since=at(14, 7), settings=settings)
        dock = presenter(armer).log_dock
        try:
            assert dock.muted is expected_start  # the second start remembers the first one's mute
            if click:
                dock.mute_button.click()
            settings.sync()
        finally:
            armer.stop()


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_alert_of_the_2021_show_is_worded_without_placeholders(plan_2021, at, qapp, language) -> None:
    from PySide6.QtCore import QLocale

    from runshow.live.alerts import Rule, plan_alerts
    from runshow.live.show import Show
    from runshow.live.state import state_at
    from runshow.present.alert_text import alert_short, alert_text
    from runshow.present.translate import for_language
    from runshow.session.qt_translate import qt_tr
    from runshow.ui.app import install_translators

    previous = QLocale()
    translators = install_translators(qapp, language)
    try:
        show = Show(plan_2021)
        plan = plan_alerts(show, state_at(show, at(13, 0)))
        assert {a.rule for a in plan.upcoming} == set(Rule)  # the 2021 file uses every rule
        pure = for_language(language)
        for alert in plan.upcoming:
            for words in (alert_text(alert, qt_tr), alert_short(alert, qt_tr)):
                assert words and "%" not in words, (alert.key, words)
            # the pure translator (web views, reports) says exactly what the windows say
            assert alert_text(alert, pure) == alert_text(alert, qt_tr), alert.key
            assert alert_short(alert, pure) == alert_short(alert, qt_tr), alert.key
        standby = next(a for a in plan.upcoming if a.rule is Rule.SPEAKER_STANDBY and a.subject == "경북")
        expected = "경북 대기 — 2분 후" if language == "ko" else "Stand by: 경북, on in 2 min"
        assert alert_text(standby, qt_tr).startswith(expected)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)


class _Mono:
    """A monotonic source the test moves, so rehearsal time is exact."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_alerts_survive_live_rehearsal_live(plan_2021, at, qtbot) -> None:
    """Issue 11, finding 1: after a rehearsal every alert raised TypeError ('set' where a dict was)."""
    from runshow.live.clock import RehearsalClock
    from runshow.present.alert_text import alert_short
    from runshow.session.qt_translate import qt_tr
    from runshow.ui import app as shell

    clock = ManualClock(at(14, 0))
    chime = FakeChime()
    windows = shell.build_app(plan_2021, clock, actions=_until(plan_2021, at, 14, 0), chime=chime)
    assert windows.operator is not None and windows.armer is not None and windows.rehearsal is not None
    qtbot.addWidget(windows.operator)
    qtbot.addWidget(windows.stage)
    mono = _Mono()
    windows.rehearsal._make_clock = lambda s, v: RehearsalClock(s, v, monotonic=mono)
    armer = windows.armer
    p = presenter(armer)
    faults: list[object] = []
    if hasattr(armer, "alertFault"):
        armer.alertFault.connect(faults.append)
    fired: list[FiredAlert] = []
    armer.alertFired.connect(fired.append)
    try:
        windows.operator.show()
        qtbot.waitExposed(windows.operator)
        # live → rehearsal: an alert fires on the rehearsal clock (13:25 stream check)
        windows.rehearsal.enter(start=at(13, 24), speed=1)
        mono.t += 61
        armer.scheduler.wakeup()
        qtbot.waitUntil(lambda: any(f.alert.rule is Rule.CUSTOM for f in fired))
        assert isinstance(windows.controller.clock, RehearsalClock)
        # rehearsal → live: 전남 runs into its wrap-up and overtime on the live clock
        windows.rehearsal.leave()
        clock.advance((at(14, 8) - clock.now()).total_seconds())
        armer.scheduler.wakeup()
        qtbot.waitUntil(lambda: "wrapup_warning#5" in armer.fired_keys)
        wrapup = next(
            r
            for r in range(p.log_dock.model.rowCount())
            if p.log_dock.model.item(r, Column.PLANNED).data(Qt.ItemDataRole.UserRole + 1) == "wrapup_warning#5"
        )
        assert p.log_dock.model.item(wrapup, Column.FIRED).text() == "14:08:00"
        assert windows.stage.view.content.notice == p.notice == windows.operator.miniature.content.notice
        assert p.notice is not None and "2" in p.notice
        clock.advance((at(14, 10, 1) - clock.now()).total_seconds())
        armer.scheduler.wakeup()
        qtbot.waitUntil(lambda: "overtime#5" in armer.fired_keys)
        overtime = next(f.alert for f in fired if f.alert.key == "overtime#5")
        assert windows.stage.view.content.notice == alert_short(overtime, qt_tr)
        assert any(t.text.startswith("Overtime") for t in p.toasts.toasts)  # operator + stage
        assert "overtime#5" in p.log_dock.unacknowledged()
        assert faults == []
    finally:
        windows.rehearsal.leave()
        p.toasts.clear()
        windows.close()


@pytest.mark.parametrize("where", ["replan", "show"])
def test_an_exception_in_alert_handling_is_a_red_line_in_the_control_room(
    plan_2021, at, qtbot, monkeypatch, caplog, where
) -> None:
    """Never only on stderr: the operator sees that alerts may be missing."""
    import logging

    clock = ManualClock(at(14, 7))
    controller = ShowController(plan_2021, clock, actions=_until(plan_2021, at, 14, 0))
    window = OperatorWindow(controller)
    qtbot.addWidget(window)
    armer = install_alerts(controller, window, FakeStage(), chime=FakeChime(), since=at(14, 7))
    try:
        window.show()
        qtbot.waitExposed(window)
        assert not window.fault_bar.isVisible()

        def boom(*_a: object, **_k: object) -> None:
            raise RuntimeError("boom in alerts")

        if where == "replan":
            monkeypatch.setattr("runshow.session.alert_armer.plan_alerts", boom)
            with caplog.at_level(logging.ERROR):
                assert controller.act(ActionKind.ADJUST, seconds=60) is None  # the show goes on
        else:
            monkeypatch.setattr(AlertLogDock, "add_fired", boom)
            with caplog.at_level(logging.ERROR):
                presenter(armer).on_fired(FiredAlert(armer.armed["overtime#5"], at(14, 10, 1)))
        assert window.fault_bar.isVisible()
        assert "RuntimeError: boom in alerts" in window.fault_bar.text
        assert any("boom in alerts" in r.getMessage() and r.exc_info for r in caplog.records)
        assert len(armer.faults) == 1
        window.fault_bar.dismiss()
        assert not window.fault_bar.isVisible()
    finally:
        armer.stop()
        presenter(armer).toasts.clear()
        controller.stop_ticking()


def _rows(dock: AlertLogDock) -> list[tuple[object, ...]]:
    m = dock.model
    return [
        (
            *(m.item(r, c).text() for c in range(Column.COUNT)),
            m.item(r, Column.PLANNED).data(Qt.ItemDataRole.UserRole + 1),
            m.item(r, Column.ACK).isCheckable() and m.item(r, Column.ACK).checkState() == Qt.CheckState.Checked,
        )
        for r in range(m.rowCount())
    ]


def test_after_a_crash_the_alert_log_comes_back_as_it_was(plan_2021, at, qtbot, tmp_path) -> None:
    """Fired, dropped and acknowledged alerts are journaled; a restart shows the same log and fires none again."""
    from runshow.live.journal import Journal, read_journal

    path = tmp_path / "show.jsonl"
    journal = Journal.create(path, plan_2021)
    journal.extend(_until(plan_2021, at, 14, 0))
    clock = ManualClock(at(14, 7))
    controller = ShowController(plan_2021, clock, journal=journal, actions=_until(plan_2021, at, 14, 0))
    window = OperatorWindow(controller)
    qtbot.addWidget(window)
    chime = FakeChime()
    armer = install_alerts(controller, window, FakeStage(), chime=chime, since=at(14, 7))
    p = presenter(armer)
    try:
        clock.advance((at(14, 10, 1) - clock.now()).total_seconds())
        armer.scheduler.wakeup()
        qtbot.waitUntil(lambda: "overtime#5" in armer.fired_keys)
        assert p.log_dock.acknowledge() == "wrapup_warning#5"
        assert controller.act(ActionKind.GOTO, segment="break1") is None  # skips 경북 … 대구: dropped
        before = _rows(p.log_dock)
        assert any(row[1] == "dropped" for row in before)
        assert sum(1 for row in before if row[-1]) == 1
    finally:
        armer.stop()  # the crash: nothing else is closed or flushed
        p.toasts.clear()
        controller.stop_ticking()
    journal.close()

    contents = read_journal(path)
    assert contents.problems == []
    journal2 = Journal.open_existing(path)
    clock2 = ManualClock(at(14, 10, 30))
    controller2 = ShowController(plan_2021, clock2, journal=journal2, actions=contents.actions)
    window2 = OperatorWindow(controller2)
    qtbot.addWidget(window2)
    chime2 = FakeChime()
    armer2 = install_alerts(controller2, window2, FakeStage(), chime=chime2)
    p2 = presenter(armer2)
    try:
        assert _rows(p2.log_dock) == before  # the same rows, times, texts and acknowledgements
        assert p2.missed == [] and chime2.plays == 0  # nothing fired again or reported missed twice
        assert p2.log_dock.windowTitle() == p.log_dock.windowTitle()
        assert "overtime#5" in armer2.fired_keys
    finally:
        armer2.stop()
        p2.toasts.clear()
        controller2.stop_ticking()
        journal2.close()


def test_a_toast_never_covers_the_alert_log(plan_2021, at, qtbot) -> None:
    """Issue 11, finding 6: the toast sat on the newest row's acknowledge box."""
    from PySide6.QtCore import QPoint, QRect

    clock = ManualClock(at(14, 7))
    controller = ShowController(plan_2021, clock, actions=_until(plan_2021, at, 14, 0))
    window = OperatorWindow(controller)
    qtbot.addWidget(window)
    armer = install_alerts(controller, window, FakeStage(), chime=FakeChime(), since=at(14, 7))
    p = presenter(armer)
    try:
        window.resize(1600, 900)
        window.show()
        qtbot.waitExposed(window)
        for key in ("speaker_standby#6", "overtime#5"):
            p.on_fired(FiredAlert(armer.armed[key], at(14, 10, 1)))
        dock = p.log_dock
        dock_rect = QRect(dock.mapToGlobal(QPoint(0, 0)), dock.size())
        assert len(p.toasts.toasts) == 2
        for toast in p.toasts.toasts:
            assert not toast.frameGeometry().intersects(dock_rect), (toast.frameGeometry(), dock_rect)
            assert window.frameGeometry().contains(toast.frameGeometry().center())  # still over the window
    finally:
        armer.stop()
        p.toasts.clear()
        controller.stop_ticking()


def test_log_times_are_never_cut_short_in_a_short_dock(qtbot, plan_2021, at, korean) -> None:
    """Issue 11, finding 6: "14:…" — the columns were sized from the rows in view only."""
    from runshow.live.alerts import plan_alerts
    from runshow.live.show import Show
    from runshow.live.state import state_at

    show = Show(plan_2021)
    alerts = plan_alerts(show, state_at(show, at(13, 0))).upcoming
    dock = AlertLogDock(plan_2021.event.timezone)
    qtbot.addWidget(dock)
    dock.resize(900, 140)  # two rows in view
    dock.show()
    qtbot.waitExposed(dock)
    for alert in alerts[:12]:
        dock.add_dropped(alert)
    dock.add_fired(FiredAlert(alerts[12], alerts[12].instant))
    dock.add_missed(alerts[13])
    metrics = dock.table.fontMetrics()
    for row in range(dock.model.rowCount()):
        for column in (Column.PLANNED, Column.FIRED, Column.RULE):
            text = dock.model.item(row, column).text()
            assert metrics.horizontalAdvance(text) + 8 <= dock.table.columnWidth(column), (row, column, text)
