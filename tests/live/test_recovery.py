"""Recovery: replay gives the show back exactly; the verdict depends on day and schedule changes."""

from __future__ import annotations

import os
from dataclasses import fields, replace
from datetime import date, timedelta

import pytest

from runshow.live import actions as act
from runshow.live.actions import Mode
from runshow.live.journal import Journal, journal_path, read_journal
from runshow.live.recovery import ChangeKind, Verdict, decide, find_journal, resume_journal, start_clean, today_of
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan import parse_plan
from tests.conftest import SCHEDULE_2021
from tests.live.journal_helpers import write_v1

EVENT_DAY = date(2021, 10, 15)


def _variant(*edits: tuple[str, str]):
    text = SCHEDULE_2021.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return parse_plan(text.encode("utf-8"), "variant.toml")


@pytest.fixture
def script(at):
    """Into 1부: start, cues moved by next and goto, time granted, a message, a pause."""
    t = at(13, 30)
    return [
        act.start(t),
        act.next_cue(t + timedelta(minutes=5, seconds=40)),
        act.adjust(t + timedelta(minutes=6), 90),
        act.next_cue(t + timedelta(minutes=11)),
        act.message(t + timedelta(minutes=12), "축사 짧게"),
        act.next_cue(t + timedelta(minutes=15)),
        act.goto(t + timedelta(minutes=22), "policy"),
        act.pause(t + timedelta(minutes=25)),
        act.resume(t + timedelta(minutes=26)),
        act.adjust(t + timedelta(minutes=27), -30),
    ]


def _visible(state) -> dict:
    return {f.name: getattr(state, f.name) for f in fields(state) if f.name != "_show"}


def _journal(plan, tmp_path, actions):
    path = journal_path(plan, tmp_path)
    with Journal.create(path, plan) as j:
        for a in actions:
            j.append(a)
    return path


def test_replay_restores_cue_times_adjustments_message_and_mode(plan_2021, tmp_path, script, at):
    live = Show(plan_2021, [])
    for a in script:
        live.apply(a)
    live.apply(act.set_mode(at(13, 58), Mode.FOLLOW))
    live.apply(act.set_mode(at(13, 59), Mode.MANUAL))
    live.apply(act.blackout(at(13, 59, 30), True))
    path = _journal(plan_2021, tmp_path, live.actions)

    replayed = Show(plan_2021, read_journal(path).actions)
    assert replayed.progress == live.progress
    assert replayed.actions == live.actions
    now = at(14, 3, 7)
    a, b = state_at(replayed, now), state_at(live, now)
    assert _visible(a) == _visible(b)
    assert a.timings == b.timings
    p = replayed.progress
    assert replayed.cues[p.current].segment.id == "policy"
    assert p.message == "축사 짧게" and p.blackout and p.mode is Mode.MANUAL


def test_no_journal_means_fresh(plan_2021, tmp_path):
    assert find_journal(plan_2021, tmp_path) is None
    assert decide(plan_2021, None, EVENT_DAY).verdict is Verdict.FRESH


def test_same_schedule_on_the_event_day_resumes_at_once(plan_2021, tmp_path, script):
    path = _journal(plan_2021, tmp_path, script)
    found = find_journal(plan_2021, tmp_path)
    assert found == path
    d = decide(plan_2021, read_journal(found), EVENT_DAY)
    assert d.verdict is Verdict.RESUME
    assert d.actions == script and d.changes == []


def test_same_schedule_on_another_day_asks(plan_2021, tmp_path, script):
    path = _journal(plan_2021, tmp_path, script)
    d = decide(plan_2021, read_journal(path), date(2021, 10, 14))
    assert d.verdict is Verdict.ASK
    assert "2021-10-14" in d.reason and "2021-10-15" in d.reason


def test_today_is_the_venue_date(plan_2021, at):
    # 23:30 UTC on the 14th is already the 15th in Seoul.
    from datetime import UTC, datetime

    assert today_of(plan_2021, datetime(2021, 10, 14, 23, 30, tzinfo=UTC)) == EVENT_DAY


def test_renamed_title_resumes_by_id_and_says_what_changed(plan_2021, tmp_path, script):
    _journal(plan_2021, tmp_path, script)
    changed = _variant(('title = "일자리 중심의 산단대개조 모델 연구"', 'title = "일자리 중심 모델 연구"'))
    found = find_journal(changed, tmp_path)
    assert found == journal_path(plan_2021, tmp_path)  # the older schedule version of the same event
    d = decide(changed, read_journal(found), EVENT_DAY)
    assert d.verdict is Verdict.RESUME_BY_ID, d.reason
    assert [(c.kind, c.segment_id) for c in d.changes] == [(ChangeKind.RENAMED, "kiet")]
    assert "일자리 중심 모델 연구" in str(d.changes[0])
    assert Show(changed, d.actions).progress.current == Show(plan_2021, script).progress.current


def test_changes_after_the_show_position_are_safe(plan_2021, tmp_path, script):
    _journal(plan_2021, tmp_path, script)
    # Give 폐회 ten minutes (the panel ends five minutes earlier): later than where the show is.
    changed = _variant(
        ('end = "16:20"\nowner = "전문가', 'end = "16:15"\nowner = "전문가'), ('start = "16:20"', 'start = "16:15"')
    )
    d = decide(changed, read_journal(find_journal(changed, tmp_path)), EVENT_DAY)
    assert d.verdict is Verdict.RESUME_BY_ID, d.reason
    assert {(c.kind, c.segment_id) for c in d.changes} == {
        (ChangeKind.RETIMED, "panel"),
        (ChangeKind.RETIMED, "closing"),
    }


NO_EVENT_ID = ('id = "2021-industrial-complex-conference"', "")


def test_renamed_segment_id_already_passed_is_matched_and_resumes(tmp_path, script):
    # Without `[event] id` the key is derived from the segment ids: a rename changes it.
    plan = _variant(NO_EVENT_ID)
    path = _journal(plan, tmp_path, script)
    changed = _variant(NO_EVENT_ID, ('id = "welcome"', 'id = "greetings"'))
    assert journal_path(changed, tmp_path) != path
    assert find_journal(changed, tmp_path) == path  # still this event's journal
    d = decide(changed, read_journal(path), EVENT_DAY)
    assert d.verdict is Verdict.RESUME_BY_ID, d.reason
    assert d.mapped == {"welcome": "greetings"} and d.carry
    assert [(c.kind, c.segment_id, c.old) for c in d.changes] == [(ChangeKind.MAPPED, "greetings", "welcome")]
    assert Show(changed, d.actions).progress.current == Show(plan, script).progress.current


def test_with_an_event_id_a_renamed_segment_keeps_the_same_journal(plan_2021, tmp_path, script):
    path = _journal(plan_2021, tmp_path, script)
    changed = _variant(('id = "welcome"', 'id = "greetings"'))
    assert journal_path(changed, tmp_path) == path == find_journal(changed, tmp_path)
    d = decide(changed, read_journal(path), EVENT_DAY)
    assert d.verdict is Verdict.RESUME_BY_ID and d.mapped == {"welcome": "greetings"}


def test_renamed_goto_target_is_followed(plan_2021, tmp_path, script):
    _journal(plan_2021, tmp_path, script)
    changed = _variant(('id = "policy"', 'id = "policy-2021"'))
    d = decide(changed, read_journal(find_journal(changed, tmp_path)), EVENT_DAY)
    assert d.verdict is Verdict.RESUME_BY_ID, d.reason
    assert [a.segment for a in d.actions if a.segment] == ["policy-2021"]  # the jump follows the segment
    show = Show(changed, d.actions)
    assert show.cues[show.progress.current].segment.id == "policy-2021"


def test_renamed_speaker_keeps_positions(plan_2021, tmp_path, script):
    _journal(plan_2021, tmp_path, script[:4])  # in 축사, second speaker
    changed = _variant(('name = "국토교통부"\n', 'name = "국토부"\n'))
    d = decide(changed, read_journal(find_journal(changed, tmp_path)), EVENT_DAY)
    assert d.verdict is Verdict.RESUME_BY_ID
    assert d.changes[0].kind is ChangeKind.SPEAKERS


def test_changed_schedule_on_another_day_asks(plan_2021, tmp_path, script):
    _journal(plan_2021, tmp_path, script)
    changed = _variant(('title = "폐회"', 'title = "폐회 선언"'))
    d = decide(changed, read_journal(find_journal(changed, tmp_path)), date(2026, 11, 25))
    assert d.verdict is Verdict.ASK
    assert d.changes and "schedule changed" in d.reason


def test_torn_journal_resumes_with_every_complete_record(plan_2021, tmp_path, script):
    path = _journal(plan_2021, tmp_path, script)
    with path.open("ab") as fh:
        fh.write(b"\x00\x00garbage")
    d = decide(plan_2021, read_journal(path), EVENT_DAY)
    assert d.verdict is Verdict.RESUME
    assert d.actions == script
    assert len(d.problems) == 1 and d.problems[0].line == len(script) + 5  # after the 4 lines of preamble


def test_a_damaged_header_resumes_from_its_copy(plan_2021, tmp_path, script):
    path = _journal(plan_2021, tmp_path, script)
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([b"garbage", *lines[1:]]))
    d = decide(plan_2021, read_journal(path), EVENT_DAY)
    assert d.verdict is Verdict.RESUME and d.actions == script
    assert [p.line for p in d.problems] == [1]


def test_both_header_copies_damaged_resume_from_the_rundown_stamp(plan_2021, tmp_path, script):
    path = _journal(plan_2021, tmp_path, script)
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([lines[0][:-9] + b"X", lines[1], b"{}", b"", *lines[4:]]))
    got = read_journal(path)
    assert got.header is None and got.digest == plan_2021.digest
    d = decide(plan_2021, got, EVENT_DAY)
    assert d.verdict is Verdict.RESUME and d.actions == script


def test_a_wholly_damaged_preamble_asks_and_never_discards_the_actions(plan_2021, tmp_path, script):
    path = _journal(plan_2021, tmp_path, script)
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([b"garbage", b"garbage", b"garbage", b"garbage", *lines[4:]]))
    d = decide(plan_2021, read_journal(path), EVENT_DAY)
    assert d.verdict is Verdict.ASK and d.actions == script and d.carry
    assert "header" in d.reason
    elsewhere = _variant(('id = "policy"', 'id = "policy-2021"'))  # the jump to 'policy' cannot apply there
    assert decide(elsewhere, read_journal(path), EVENT_DAY).verdict is Verdict.REFUSE


def test_a_fixed_event_title_resumes_with_the_change_listed(plan_2021, tmp_path, script):
    path = _journal(plan_2021, tmp_path, script)
    fixed = _variant(('title = "2021 산업단지 대개조 컨퍼런스"', 'title = "2021 산업단지 대개조 콘퍼런스"'))
    assert find_journal(fixed, tmp_path) == path
    d = decide(fixed, read_journal(path), EVENT_DAY)
    assert d.verdict is Verdict.RESUME_BY_ID, d.reason
    assert [(c.kind, c.new) for c in d.changes] == [(ChangeKind.EVENT, "2021 산업단지 대개조 콘퍼런스")]
    assert d.actions == script


def test_a_fixed_note_resumes_and_says_details_changed(plan_2021, tmp_path, script):
    _journal(plan_2021, tmp_path, script)
    text = SCHEDULE_2021.read_text(encoding="utf-8")
    noted = parse_plan((text + "\n# a comment is a change of bytes too\n").encode("utf-8"), "noted.toml")
    assert noted.digest != plan_2021.digest
    d = decide(noted, read_journal(find_journal(noted, tmp_path)), EVENT_DAY)
    assert d.verdict is Verdict.RESUME_BY_ID and [c.kind for c in d.changes] == [ChangeKind.DETAILS]
    assert d.actions == script


def test_other_event_refuses(plan_2021, tmp_path, script):
    named = replace(plan_2021, event=replace(plan_2021.event, id="iccc-2021"))
    path = _journal(named, tmp_path, script)
    other = replace(plan_2021, event=replace(plan_2021.event, id="iccc-2022"))
    assert find_journal(other, tmp_path) is None  # another id in the file: not even found
    d = decide(other, read_journal(path), EVENT_DAY)
    assert d.verdict is Verdict.REFUSE and "another event" in d.reason
    moved = replace(plan_2021, event=replace(plan_2021.event, date=date(2021, 10, 22)))
    d = decide(moved, read_journal(_journal(plan_2021, tmp_path / "b", script)), EVENT_DAY)
    assert d.verdict is Verdict.REFUSE and "another event" in d.reason


def test_start_clean_archives_and_the_next_start_is_fresh(plan_2021, tmp_path, script, at):
    path = _journal(plan_2021, tmp_path, script)
    kept = start_clean(path, at(8, 0))
    assert kept.exists() and read_journal(kept).actions == script
    assert find_journal(plan_2021, tmp_path) is None


def test_version_one_journals_are_still_found_and_replayed(plan_2021, tmp_path, script):
    first = write_v1(plan_2021, tmp_path, script[:2])
    v2 = _variant(('title = "폐회"', 'title = "폐회 선언"'))
    second = write_v1(v2, tmp_path, script[:3])
    os.utime(first, ns=(1_000_000_000, 1_000_000_000))
    v3 = _variant(('title = "폐회"', 'title = "폐회!"'))
    assert find_journal(v3, tmp_path) == second  # the newest version-1 file of the event
    assert find_journal(plan_2021, tmp_path) == first  # its own, by its old name
    d = decide(v3, read_journal(second), EVENT_DAY)
    assert d.verdict is Verdict.RESUME_BY_ID and d.actions == script[:3] and d.carry
    journal = resume_journal(v3, d, tmp_path, script[3].at)
    with journal:
        journal.append(script[3])
    assert journal.path == journal_path(v3, tmp_path)
    carried = read_journal(journal.path)
    assert carried.actions == script[:4] and carried.problems == []
    assert carried.header.continued_from == str(second) and read_journal(second).actions == script[:3]


def test_speaker_removed_before_the_current_cue_refuses(plan_2021, tmp_path, script):
    _journal(plan_2021, tmp_path, script)  # already in policy, past both 축사 speakers
    text = SCHEDULE_2021.read_text(encoding="utf-8")
    second = text.index('[[part.segment.speaker]]\nname = "산업통상자원부"')
    end = text.index("[[part]]", second)
    text = text[:second] + text[end:]  # 축사 keeps one speaker …
    first = text.index('name = "국토교통부"', text.index('id = "congrats"'))
    slot = text.index('duration = "5m"', first)
    text = text[:slot] + 'duration = "10m"' + text[slot + len('duration = "5m"') :]  # … for all ten minutes
    changed = parse_plan(text.encode("utf-8"), "variant.toml")
    d = decide(changed, read_journal(find_journal(changed, tmp_path)), EVENT_DAY)
    assert d.verdict is Verdict.REFUSE
    assert "cue 4" in d.reason and "passed" in d.reason


def test_an_empty_journal_resumes_on_any_day_without_a_question(plan_2021, tmp_path):
    path = _journal(plan_2021, tmp_path, [])
    assert decide(plan_2021, read_journal(path), date(2026, 11, 25)).verdict is Verdict.RESUME


def test_a_read_only_folder_still_resumes_an_old_journal_read_only(plan_2021, tmp_path, script, monkeypatch, at):
    import errno

    import runshow.live.journal as journal_mod

    old = write_v1(plan_2021, tmp_path, script[:6])
    real = os.open

    def deny(path, flags, *args):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real(path, flags, *args)

    monkeypatch.setattr(journal_mod.os, "open", deny)
    d = decide(plan_2021, read_journal(find_journal(plan_2021, tmp_path)), EVENT_DAY)
    assert d.verdict is Verdict.RESUME and d.actions == script[:6]  # all six replayed
    with resume_journal(plan_2021, d, tmp_path, at(14, 0)) as journal:
        assert journal.path == old and not journal.writable and journal.fault.code == "read-only"


def test_a_second_copy_on_an_edited_schedule_is_refused(plan_2021, tmp_path, script, at):
    from runshow.live.journal import JournalBusyError

    first = Journal.create(journal_path(plan_2021, tmp_path), plan_2021)
    try:
        for a in script[:3]:
            first.append(a)
        for edit in [('title = "폐회"', 'title = "폐회 선언"'), ('id = "welcome"', 'id = "greetings"')]:
            edited = _variant(edit)
            d = decide(edited, read_journal(find_journal(edited, tmp_path)), EVENT_DAY)
            assert d.verdict is Verdict.RESUME_BY_ID
            with pytest.raises(JournalBusyError):
                resume_journal(edited, d, tmp_path, at(14, 0))
    finally:
        first.close()
    assert [p.name for p in (tmp_path / "journals").iterdir()] == [journal_path(plan_2021, tmp_path).name]
