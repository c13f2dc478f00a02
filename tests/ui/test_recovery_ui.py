"""open_live_journal: the operator is told or asked, and the controller gets the show back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock
from runshow.live.journal import journal_path, read_journal
from runshow.plan import parse_plan
from runshow.resources import i18n_dir
from runshow.session.controller import ShowController
from runshow.ui import recovery as ui_recovery
from runshow.ui.recovery import RecoveryDialogs, open_live_journal, split_fresh
from tests.conftest import SCHEDULE_2021


class Said:
    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[str] = []
        self.informed: list[str] = []
        self.warned: list[str] = []


@pytest.fixture
def said(monkeypatch):
    record = Said()
    monkeypatch.setattr(
        RecoveryDialogs, "ask", classmethod(lambda cls, p, t, text: record.asked.append(text) or record.answer)
    )
    monkeypatch.setattr(RecoveryDialogs, "inform", classmethod(lambda cls, p, t, text: record.informed.append(text)))
    monkeypatch.setattr(RecoveryDialogs, "warn", classmethod(lambda cls, p, t, text: record.warned.append(text)))
    return record


def _live_run(plan, clock, base, qtbot):
    """Open, act through a controller (journaled), close — a show before the crash."""
    journal, actions = open_live_journal(plan, clock, base=base)
    controller = ShowController(plan, clock, journal=journal, actions=actions)
    assert controller.act(ActionKind.START) is None
    clock.advance(310)
    assert controller.act(ActionKind.NEXT) is None
    assert controller.act(ActionKind.ADJUST, seconds=60) is None
    assert controller.act(ActionKind.MESSAGE, text="마이크 확인") is None
    clock.advance(20)
    controller.refresh()
    state = controller.state
    journal.close()
    return state


def test_first_start_creates_the_journal_and_journals_every_action(plan_2021, at, tmp_path, said, qtbot):
    clock = ManualClock(at(13, 30))
    _live_run(plan_2021, clock, tmp_path, qtbot)
    got = read_journal(journal_path(plan_2021, tmp_path))
    assert [a.kind for a in got.actions] == [ActionKind.START, ActionKind.NEXT, ActionKind.ADJUST, ActionKind.MESSAGE]
    assert said.informed == [] and said.asked == []


def test_same_day_resumes_at_once_and_says_so(plan_2021, at, tmp_path, said, qtbot):
    clock = ManualClock(at(13, 30))
    before = _live_run(plan_2021, clock, tmp_path, qtbot)
    clock.advance(5)
    journal, actions = open_live_journal(plan_2021, clock, base=tmp_path)
    controller = ShowController(plan_2021, clock, journal=journal, actions=actions)
    after = controller.state
    assert (after.cue, after.message, after.mode, after.elapsed) == (
        before.cue,
        before.message,
        before.mode,
        before.elapsed + timedelta(seconds=5),
    )
    assert len(said.informed) == 1 and said.asked == []
    assert "4" in said.informed[0] and before.cue.label in said.informed[0]
    # The resumed journal keeps growing in the same file.
    clock.advance(1)
    assert controller.act(ActionKind.NEXT) is None
    journal.close()
    assert len(read_journal(journal_path(plan_2021, tmp_path)).actions) == 5


def test_other_day_asks_and_start_clean_keeps_the_old_file(plan_2021, at, tmp_path, said, qtbot):
    clock = ManualClock(at(13, 30))
    _live_run(plan_2021, clock, tmp_path, qtbot)
    said.answer = False
    clock.set(at(13, 30) + timedelta(days=1))
    journal, actions = open_live_journal(plan_2021, clock, base=tmp_path)
    journal.close()
    assert actions == [] and len(said.asked) == 1 and "2021-10-16" in said.asked[0]
    archived = list((tmp_path / "journals").glob("*.archived-*"))
    assert len(archived) == 1 and len(read_journal(archived[0]).actions) == 4
    assert read_journal(journal_path(plan_2021, tmp_path)).actions == []


def test_other_day_asked_and_resumed(plan_2021, at, tmp_path, said, qtbot):
    clock = ManualClock(at(13, 30))
    _live_run(plan_2021, clock, tmp_path, qtbot)
    clock.set(at(13, 30) + timedelta(days=1))
    journal, actions = open_live_journal(plan_2021, clock, base=tmp_path)
    journal.close()
    assert len(actions) == 4 and len(said.asked) == 1 and len(said.informed) == 1


def test_changed_schedule_resumes_by_id_into_its_own_journal(plan_2021, at, tmp_path, said, qtbot):
    clock = ManualClock(at(13, 30))
    _live_run(plan_2021, clock, tmp_path, qtbot)
    text = SCHEDULE_2021.read_text(encoding="utf-8").replace('title = "폐회"', 'title = "폐회 선언"', 1)
    changed = parse_plan(text.encode("utf-8"), "changed.toml")
    journal, actions = open_live_journal(changed, clock, base=tmp_path)
    journal.close()
    assert len(actions) == 4
    assert "폐회 선언" in said.informed[0] and "closing" in said.informed[0]
    assert read_journal(journal_path(changed, tmp_path)).actions == actions
    assert len(read_journal(journal_path(plan_2021, tmp_path)).actions) == 4  # untouched


def test_refused_journal_is_archived_and_the_show_starts_clean(plan_2021, at, tmp_path, said, qtbot):
    from dataclasses import replace

    clock = ManualClock(at(13, 30))
    named = replace(plan_2021, event=replace(plan_2021.event, id="iccc"))
    _live_run(named, clock, tmp_path, qtbot)
    postponed = replace(named, event=replace(named.event, date=named.event.date.replace(day=22)))
    journal, actions = open_live_journal(postponed, clock, base=tmp_path)
    journal.close()
    assert actions == [] and len(said.warned) == 1 and "another event" in said.warned[0]
    assert len(read_journal(journal_path(named, tmp_path)).actions) == 4  # kept, untouched
    assert read_journal(journal_path(postponed, tmp_path)).actions == []


def test_a_wholly_damaged_header_asks_and_start_clean_keeps_the_file(plan_2021, at, tmp_path, said, qtbot):
    clock = ManualClock(at(13, 30))
    _live_run(plan_2021, clock, tmp_path, qtbot)
    path = journal_path(plan_2021, tmp_path)
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([b"not a header", b"nor this", b"nor this", b"nor this", *lines[4:]]))
    said.answer = False
    journal, actions = open_live_journal(plan_2021, clock, base=tmp_path)
    journal.close()
    assert actions == [] and len(said.asked) == 1 and "header" in said.asked[0] and "4 " in said.asked[0]
    assert list((tmp_path / "journals").glob("*.archived-*"))


def test_torn_journal_resumes_and_reports_the_line(plan_2021, at, tmp_path, said, qtbot):
    clock = ManualClock(at(13, 30))
    _live_run(plan_2021, clock, tmp_path, qtbot)
    with journal_path(plan_2021, tmp_path).open("ab") as fh:
        fh.write(b'{"kind":"ne')
    journal, actions = open_live_journal(plan_2021, clock, base=tmp_path)
    journal.close()
    assert len(actions) == 4
    assert "line 9" in said.informed[0]  # after the 4 lines of preamble and 4 actions


def test_fresh_archives_and_starts_clean(plan_2021, at, tmp_path, said, qtbot):
    clock = ManualClock(at(13, 30))
    _live_run(plan_2021, clock, tmp_path, qtbot)
    journal, actions = open_live_journal(plan_2021, clock, base=tmp_path, fresh=True)
    journal.close()
    assert actions == [] and said.asked == []
    assert len(list((tmp_path / "journals").glob("*.archived-*"))) == 1


def test_unwritable_data_dir_warns_and_runs_without_a_journal(plan_2021, at, tmp_path, said, qtbot):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    journal, actions = open_live_journal(plan_2021, ManualClock(at(13, 30)), base=blocker)
    assert (journal, actions) == (None, [])
    assert len(said.warned) == 1


def test_fresh_flag_is_taken_off_the_command_line():
    assert split_fresh(["--fresh", "--lang", "en"]) == (True, ["--lang", "en"])
    assert split_fresh(["-platform", "offscreen"]) == (False, ["-platform", "offscreen"])


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note about any top-level box
def test_real_dialogs_do_not_block(qtbot, plan_2021):
    """The non-modal boxes appear and go away without an event loop of their own."""
    RecoveryDialogs.inform(None, "t", "resumed")
    RecoveryDialogs.warn(None, "t", "warned")
    boxes = list(ui_recovery._keep)
    assert len(boxes) == 2 and all(b.isVisible() for b in boxes)
    for box in boxes:
        box.close()
    qtbot.waitUntil(lambda: ui_recovery._keep == [])


def test_korean_is_shipped(qapp):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "recovery_ko.qm"))
    qapp.installTranslator(translator)
    try:
        assert ui_recovery.tr("Start clean") == "새로 시작"
        assert "저널에서 복구했습니다" in ui_recovery.tr("Resumed from the journal: %1 actions, current cue %2.")
    finally:
        qapp.removeTranslator(translator)


def test_a_failing_journal_rejects_the_action_with_a_reason(plan_2021, at, qtbot):
    class FullDisk:
        def append(self, action) -> None:
            raise OSError(28, "No space left on device")

    controller = ShowController(plan_2021, ManualClock(at(13, 30)), journal=FullDisk())
    with qtbot.waitSignal(controller.actionRejected, timeout=1000) as blocker:
        reason = controller.act(ActionKind.START)
    assert reason is not None and "No space left" in reason and blocker.args == [reason]
    assert controller.show.actions == []  # nothing shown that would not survive a crash


def test_every_recovery_reason_has_a_translatable_template(qapp):
    from runshow.live.recovery import REASONS

    templates = ui_recovery.reason_templates()
    assert set(templates) == set(REASONS)
    for code, english in REASONS.items():  # same placeholders, so no argument is lost in translation
        assert sorted(p for p in ("%1", "%2", "%3") if p in templates[code]) == sorted(
            p for p in ("%1", "%2", "%3") if p in english
        ), code


def test_korean_reason_in_the_question(plan_2021, at, tmp_path, said, qapp, qtbot):
    from PySide6.QtCore import QTranslator

    clock = ManualClock(at(13, 30))
    _live_run(plan_2021, clock, tmp_path, qtbot)
    clock.set(at(13, 30) + timedelta(days=1))
    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "recovery_ko.qm"))
    qapp.installTranslator(translator)
    try:
        journal, _ = open_live_journal(plan_2021, clock, base=tmp_path)
        journal.close()
    finally:
        qapp.removeTranslator(translator)
    assert "행사일은 2021-10-15인데 오늘은 2021-10-16입니다" in said.asked[0]


def test_a_second_runshow_on_the_same_show_is_told_and_records_nothing(plan_2021, at, tmp_path, said, qtbot):
    clock = ManualClock(at(13, 30))
    first, _ = open_live_journal(plan_2021, clock, base=tmp_path)
    try:
        second, actions = open_live_journal(plan_2021, clock, base=tmp_path)
        assert (second, actions) == (None, [])
        assert len(said.warned) == 1 and "Another runshow" in said.warned[0]
        again, _ = open_live_journal(plan_2021, clock, base=tmp_path, fresh=True)
        assert again is None and len(said.warned) == 2  # --fresh does not archive it from under the first
    finally:
        first.close()
    assert not list((tmp_path / "journals").glob("*.archived-*"))


def test_after_a_crash_the_alerts_missed_while_down_are_reported_not_fired(plan_2021, at, tmp_path, said, qtbot):
    from runshow.session.alert_armer import AlertArmer

    clock = ManualClock(at(13, 30))
    _live_run(plan_2021, clock, tmp_path, qtbot)  # on 개회사 since 13:35:10, then the machine dies
    clock.set(at(13, 47))  # back twelve minutes later, mid-축사
    journal, actions = open_live_journal(plan_2021, clock, base=tmp_path)
    controller = ShowController(plan_2021, clock, journal=journal, actions=actions)
    armer = AlertArmer(controller)
    fired: list[object] = []
    missed: list[object] = []
    armer.alertFired.connect(fired.append)
    armer.alertMissed.connect(missed.append)
    try:
        armer.start()
        before = armer.scheduler.wakeups
        armer.scheduler.wakeup()
        qtbot.waitUntil(lambda: armer.scheduler.wakeups > before, timeout=2000)
        # 개회사's wrap-up and overtime passed while runshow was down.
        assert {"wrapup_warning#1", "overtime#1"} <= {a.key for a in missed}
        assert fired == []  # reported in the log, never chimed late
        assert all(a.instant > at(13, 47) for a in armer.armed.values())
    finally:
        armer.stop()
        journal.close()
