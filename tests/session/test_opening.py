"""open_show: plan + journal + recovery decision, with no dialog; the one question goes to ``ask``."""

from __future__ import annotations

from datetime import timedelta

from runshow.live.actions import Action, ActionKind
from runshow.live.clock import ManualClock
from runshow.live.journal import journal_path, read_journal
from runshow.session.opening import Outcome, open_show
from tests.conftest import SCHEDULE_2021


def _run(plan, at, base) -> None:
    opened = open_show(plan, ManualClock(at(13, 30)), base=base)
    assert opened.outcome is Outcome.NEW and opened.journal is not None
    with opened.journal as journal:
        journal.append(Action(ActionKind.START, at(13, 30)))
        journal.append(Action(ActionKind.NEXT, at(13, 35)))


def test_new_then_resumed_on_the_event_day(plan_2021, at, tmp_path) -> None:
    _run(plan_2021, at, tmp_path)
    asked = []
    opened = open_show(SCHEDULE_2021, ManualClock(at(13, 40)), base=tmp_path, ask=asked.append)
    assert opened.outcome is Outcome.RESUMED and opened.resumed and asked == []
    assert [a.kind for a in opened.actions] == [ActionKind.START, ActionKind.NEXT]
    assert opened.path == journal_path(opened.plan, tmp_path)
    opened.journal.close()


def test_another_day_asks_and_each_answer_is_kept(plan_2021, at, tmp_path) -> None:
    _run(plan_2021, at, tmp_path)
    next_day = ManualClock(at(13, 30) + timedelta(days=1))
    asked = []
    opened = open_show(plan_2021, next_day, base=tmp_path, ask=lambda d: asked.append(d) or True)
    assert opened.outcome is Outcome.ASKED_RESUMED and len(opened.actions) == 2 and len(asked) == 1
    opened.journal.close()
    opened = open_show(plan_2021, next_day, base=tmp_path)  # the default answer: start clean
    assert opened.outcome is Outcome.ASKED_CLEAN and opened.actions == []
    assert opened.kept is not None and len(read_journal(opened.kept).actions) == 2  # archived, never deleted
    opened.journal.close()


def test_fresh_keeps_the_old_journal_and_busy_records_nothing(plan_2021, at, tmp_path) -> None:
    _run(plan_2021, at, tmp_path)
    clock = ManualClock(at(13, 40))
    first = open_show(plan_2021, clock, base=tmp_path, fresh=True)
    assert first.outcome is Outcome.FRESH and first.kept is not None and first.actions == []
    try:
        second = open_show(plan_2021, clock, base=tmp_path)
        assert second.outcome is Outcome.BUSY and second.journal is None and second.error is not None
    finally:
        first.journal.close()


def test_an_unwritable_data_dir_still_opens_the_show(plan_2021, at, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    opened = open_show(plan_2021, ManualClock(at(13, 30)), base=blocker)
    assert opened.outcome is Outcome.UNWRITABLE and opened.journal is None and opened.plan is plan_2021
