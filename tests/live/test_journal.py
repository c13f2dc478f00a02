"""The journal keeps every complete record and reports the rest by line; it never raises on content."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runshow.live import actions as act
from runshow.live.actions import Mode
from runshow.live.journal import (
    FORMAT,
    Journal,
    JournalHeader,
    archive,
    data_dir,
    event_key,
    journal_path,
    legacy_journal_path,
    read_journal,
)

PRE = 3  # header, rundown stamp, header copy


@pytest.fixture
def script(at):
    t0 = at(13, 30)
    return [
        act.start(t0),
        act.next_cue(t0 + timedelta(minutes=5, seconds=12)),
        act.adjust(t0 + timedelta(minutes=6), 60),
        act.message(t0 + timedelta(minutes=7), "마이크 확인"),
        act.set_mode(t0 + timedelta(minutes=8), Mode.FOLLOW),
        act.blackout(t0 + timedelta(minutes=9), True),
        act.goto(t0 + timedelta(minutes=20), "regions"),
    ]


def _write(plan, tmp_path: Path, actions) -> Path:
    path = journal_path(plan, tmp_path)
    with Journal.create(path, plan) as j:
        for a in actions:
            j.append(a)
    return path


def test_round_trip_keeps_every_action_in_order(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, script)
    got = read_journal(path)
    assert got.problems == []
    assert got.actions == script
    assert got.header == JournalHeader.of(plan_2021)
    assert got.header.digest == plan_2021.digest
    assert [s.id for s in got.header.segments] == [s.id for s in plan_2021.segments]


def test_header_names_the_schedule(plan_2021, tmp_path):
    path = _write(plan_2021, tmp_path, [])
    head = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert head["format"] == FORMAT
    assert head["schedule"]["sha256"] == plan_2021.digest
    assert head["event"] == {
        "id": event_key(plan_2021),
        "derived": True,
        "title": plan_2021.event.title,
        "date": "2021-10-15",
        "timezone": "Asia/Seoul",
    }
    assert len(path.read_bytes().split(b"\n")[0]) < 600  # small: a flipped byte rarely lands in it …
    assert (
        path.read_text(encoding="utf-8").splitlines()[2] == path.read_text(encoding="utf-8").splitlines()[0]
    )  # … twice


def test_the_event_key_is_the_file_id_or_the_date_and_segment_ids(plan_2021):
    import hashlib
    from dataclasses import replace

    ids = "\n".join(sorted(s.id for s in plan_2021.segments))
    assert event_key(plan_2021) == "20211015-" + hashlib.sha256(ids.encode()).hexdigest()[:12]
    retitled = replace(plan_2021, event=replace(plan_2021.event, title="2021 산단 대개조 컨퍼런스"), digest="x")
    assert journal_path(retitled) == journal_path(plan_2021)  # a fixed title or note keeps the journal
    named = replace(plan_2021, event=replace(plan_2021.event, id="iccc-2021"))
    assert event_key(named) == "iccc-2021" and "iccc-2021" in journal_path(named).name


def test_path_is_one_per_event(plan_2021, tmp_path):
    path = journal_path(plan_2021, tmp_path)
    assert path.parent == tmp_path / "journals"
    assert path.name.startswith("2021-10-15--20211015-")
    assert plan_2021.digest[:12] not in path.name
    old = legacy_journal_path(plan_2021, tmp_path)  # where version 1 kept it, still looked for
    assert old.name.startswith("2021-10-15-2021-산업단지-대개조-컨퍼런스-") and plan_2021.digest[:12] in old.name


def test_data_dir_honours_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("RUNSHOW_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    monkeypatch.delenv("RUNSHOW_DATA_DIR")
    assert "runshow" in str(data_dir())


def test_append_fsyncs_every_line(plan_2021, tmp_path, script, monkeypatch):
    import runshow.live.journal as journal_mod

    synced: list[int] = []
    real = journal_mod.os.fsync
    monkeypatch.setattr(journal_mod.os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    path = journal_path(plan_2021, tmp_path)
    with Journal.create(path, plan_2021) as j:
        after_create = len(synced)
        for a in script:
            j.append(a)
    assert after_create >= 2  # the header line and the directory entry
    assert len(synced) - after_create == len(script)


def test_create_refuses_to_overwrite(plan_2021, tmp_path):
    _write(plan_2021, tmp_path, [])
    with pytest.raises(FileExistsError):
        Journal.create(journal_path(plan_2021, tmp_path), plan_2021)


def test_torn_last_line_keeps_everything_before(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, script)
    with path.open("ab") as fh:
        fh.write(b'{"kind":"next","at":"2021-10-15T13:5')
    got = read_journal(path)
    assert got.actions == script
    assert [(p.line, "torn" in p.message) for p in got.problems] == [(len(script) + PRE + 1, True)]


def test_reopening_after_a_torn_line_keeps_new_records_whole(plan_2021, tmp_path, script, at):
    path = _write(plan_2021, tmp_path, script[:2])
    with path.open("ab") as fh:
        fh.write(b'{"kind":"adj')
    later = act.adjust(at(13, 40), 30)
    with Journal.open_existing(path) as j:
        j.append(later)
    got = read_journal(path)
    assert got.actions == [*script[:2], later]
    assert [(p.line, "torn" in p.message) for p in got.problems] == [(PRE + 3, True)]  # still torn, not "garbage"
    with Journal.open_existing(path) as j:  # a clean tail gets nothing added
        pass
    assert read_journal(path) == got


def test_garbage_and_bad_fields_are_reported_with_line_numbers(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, script[:2])
    with path.open("ab") as fh:
        fh.write(b"\xff\xfe not utf-8\n")  # line 4
        fh.write(b"[1, 2, 3]\n")  # line 5
        fh.write(b'{"kind":"fly","at":"2021-10-15T13:40:00+09:00"}\n')  # line 6
        fh.write(b'{"kind":"adjust","at":"2021-10-15T13:40:00+09:00","seconds":"lots"}\n')  # line 7
        fh.write(b'{"kind":"next","at":"2021-10-15T13:40:00"}\n')  # line 8: naive time
        fh.write(b'{"kind":"next"}\n')  # line 9
        fh.write(b"\n")  # line 10: blank, silently skipped
        fh.write(b'{"kind":"next","at":"2021-10-15T13:20:00+09:00"}\n')  # line 11: older than line 3
        fh.write(json.dumps(script[2].to_json()).encode() + b"\n")  # line 12: fine
    got = read_journal(path)
    assert got.actions == [*script[:2], script[2]]
    assert [p.line - PRE + 1 for p in got.problems] == [4, 5, 6, 7, 8, 9, 11]
    assert "missing field 'at'" in str(got.problems[5])
    assert "older" in got.problems[6].message


def test_unreadable_header_is_reported_and_actions_kept(plan_2021, tmp_path, script):
    path = tmp_path / "j.jsonl"
    body = "".join(json.dumps(a.to_json()) + "\n" for a in script[:2])
    path.write_text('{"format":"runshow-journal","version":99}\n' + body, encoding="utf-8")
    got = read_journal(path)
    assert got.header is None
    assert got.actions == script[:2]
    assert got.problems[0].line == 1 and "version" in got.problems[0].message


def test_missing_or_empty_file_never_raises(tmp_path):
    assert read_journal(tmp_path / "nope.jsonl").problems[0].line == 0
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    got = read_journal(empty)
    assert (got.header, got.actions, got.problems) == (None, [], [])


def test_archive_never_deletes(plan_2021, tmp_path, script, at):
    path = _write(plan_2021, tmp_path, script)
    before = path.read_bytes()
    first = archive(path, at(9, 0))
    _write(plan_2021, tmp_path, [])
    second = archive(path, at(9, 0))
    assert not path.exists()
    assert first.read_bytes() == before
    assert first != second and second.exists()
    assert ".archived-20211015T090000" in first.name


def test_a_second_writer_is_refused_until_the_first_is_gone(plan_2021, tmp_path, script):
    from runshow.live.journal import JournalBusyError

    path = journal_path(plan_2021, tmp_path)
    first = Journal.create(path, plan_2021)
    with pytest.raises(JournalBusyError):
        Journal.open_existing(path)
    with pytest.raises(JournalBusyError):
        archive(path, script[0].at)  # nor moved from under the running show
    first.append(script[0])
    first.close()
    with Journal.open_existing(path) as second:
        second.append(script[1])
    assert read_journal(path).actions == script[:2]


def _is_record(raw: bytes) -> bool:
    try:
        return isinstance(json.loads(raw), dict)
    except ValueError:
        return False


_JOURNAL_FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_JOURNAL_FUZZ
@given(
    cut=st.integers(0, 10_000),
    junk=st.binary(max_size=200),
    where=st.sampled_from(["tail", "middle", "header"]),
)
def test_any_damage_keeps_every_intact_record_and_never_raises(plan_2021, tmp_path_factory, script, cut, junk, where):
    from runshow.live.recovery import decide

    folder = tmp_path_factory.mktemp("j")
    path = _write(plan_2021, folder, script)
    good = path.read_bytes()
    lines = good.split(b"\n")
    if where == "tail":
        damaged = good[: len(good) - (cut % 60)] + junk  # a torn end, then anything
    elif where == "middle":
        i = 2 + cut % (len(lines) - 3)
        damaged = b"\n".join([*lines[:i], junk.replace(b"\n", b" "), *lines[i:]])
    else:
        damaged = junk.replace(b"\n", b" ") + b"\n" + b"\n".join(lines[1:])
    path.write_bytes(damaged)
    got = read_journal(path)  # never raises
    decide(plan_2021, got, plan_2021.event.date)  # nor does the verdict
    for p in got.problems:
        assert 1 <= p.line <= got.lines
    if where == "middle" and not _is_record(junk.replace(b"\n", b" ")):
        assert got.actions == script  # a garbage line costs nothing but itself
    if where == "tail":
        assert got.actions[: len(script) - 1] == script[:-1]  # at most the torn last record is lost
    if where == "header":  # the copy on line 3 says it all
        assert got.header == JournalHeader.of(plan_2021) and all(p.line == 1 for p in got.problems)
        assert got.actions == script
    with Journal.open_existing(path) as j:  # and the show can always go on writing
        j.append(act.next_cue(script[-1].at + timedelta(hours=9)))
    assert read_journal(path).actions[-1] == act.next_cue(script[-1].at + timedelta(hours=9))


def test_a_flipped_digit_costs_one_record_not_every_later_one(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, script)
    lines = path.read_bytes().split(b"\n")
    # script[1] gets 13:35 → 19:35: valid JSON, a valid action, hours in the future.
    assert b"T13:35:12" in lines[PRE + 1]
    lines[PRE + 1] = lines[PRE + 1].replace(b"T13:35:12", b"T19:35:12")
    path.write_bytes(b"\n".join(lines))
    got = read_journal(path)
    assert got.actions == [script[0], *script[2:]]
    assert [(p.line, p.code) for p in got.problems] == [(PRE + 2, "damaged"), (PRE + 3, "gap")]
    assert "checksum" in got.problems[0].message and "#2 missing" in got.problems[1].message


def test_records_without_a_checksum_are_read_as_they_are(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, [])
    with path.open("a", encoding="utf-8") as fh:
        for a in script:
            fh.write(json.dumps(a.to_json(), ensure_ascii=False) + "\n")
    assert read_journal(path).actions == script
