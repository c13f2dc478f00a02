"""The journal keeps every complete record and reports the rest by line; it never raises on content."""

from __future__ import annotations

import errno
import json
import os
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
    JournalBusyError,
    JournalHeader,
    JournalUnwritableError,
    archive,
    data_dir,
    event_key,
    journal_path,
    legacy_journal_path,
    read_journal,
)

PRE = 4  # header, rundown stamp, two header copies


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
        "derived": False,  # the 2021 file names its event (`[event] id`)
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

    assert event_key(plan_2021) == plan_2021.event.id == "2021-industrial-complex-conference"
    unnamed = replace(plan_2021, event=replace(plan_2021.event, id=""))
    ids = "\n".join(sorted(s.id for s in plan_2021.segments))
    assert event_key(unnamed) == "20211015-" + hashlib.sha256(ids.encode()).hexdigest()[:12]
    retitled = replace(unnamed, event=replace(unnamed.event, title="2021 산단 대개조 컨퍼런스"), digest="x")
    assert journal_path(retitled) == journal_path(unnamed)  # a fixed title or note keeps the journal
    named = replace(plan_2021, event=replace(plan_2021.event, id="iccc-2021"))
    assert event_key(named) == "iccc-2021" and "iccc-2021" in journal_path(named).name


def test_path_is_one_per_event(plan_2021, tmp_path):
    path = journal_path(plan_2021, tmp_path)
    assert path.parent == tmp_path / "journals"
    assert path.name.startswith("2021-10-15--2021-industrial-complex-conference-")
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
    if where == "header":  # the copies on lines 3 and 4 say it all
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


# ── integrity: sequence numbers ───────────────────────────────────────────
def _action_lines(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")[PRE:-1]


def _rewrite(path: Path, actions_lines: list[bytes]) -> None:
    head = path.read_bytes().split(b"\n")[:PRE]
    path.write_bytes(b"\n".join([*head, *actions_lines]) + b"\n")


def test_every_record_has_a_sequence_number(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, script)
    assert [json.loads(line)["seq"] for line in _action_lines(path)] == list(range(1, len(script) + 1))
    assert read_journal(path).next_seq == len(script) + 1
    with Journal.open_existing(path) as j:  # numbering goes on after a restart
        j.append(act.clear_message(script[-1].at))
    assert json.loads(_action_lines(path)[-1])["seq"] == len(script) + 1


def test_a_duplicated_line_is_dropped_and_reported(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, script)
    lines = _action_lines(path)
    _rewrite(path, [*lines[:2], lines[1], *lines[2:]])  # `next` twice would skip a cue
    got = read_journal(path)
    assert got.actions == script
    assert [(p.line, p.code) for p in got.problems] == [(PRE + 3, "duplicate")]
    assert got.dropped_duplicates == 1 and "#2" in got.problems[0].message


def test_swapped_lines_are_replayed_in_order_and_reported(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, script)
    lines = _action_lines(path)
    lines[1], lines[4] = lines[4], lines[1]
    _rewrite(path, lines)
    got = read_journal(path)
    assert got.actions == script  # nothing lost: replayed by sequence number
    assert {p.code for p in got.problems} == {"reorder"}
    assert all(PRE + 1 <= p.line <= PRE + len(script) for p in got.problems)


def test_a_lost_line_is_a_located_gap_and_the_rest_replays(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, script)
    lines = _action_lines(path)
    _rewrite(path, [*lines[:2], *lines[4:]])
    got = read_journal(path)
    assert got.actions == [*script[:2], *script[4:]]
    assert [(p.line, p.code, p.params) for p in got.problems] == [(PRE + 3, "gap", (("from", "3"), ("to", "4")))]


def test_a_checksum_key_damaged_is_not_taken_for_a_hand_written_line(plan_2021, tmp_path, script):
    path = _write(plan_2021, tmp_path, script[:2])
    lines = _action_lines(path)
    _rewrite(path, [lines[0], lines[1].replace(b'"crc"', b'"crd"')])
    got = read_journal(path)
    assert got.actions == script[:1] and got.problems[0].code == "damaged"


def test_version_one_journals_still_replay(plan_2021, tmp_path, script):
    from tests.live.journal_helpers import write_v1

    path = write_v1(plan_2021, tmp_path, script)
    got = read_journal(path)
    assert got.problems == [] and got.actions == script
    assert got.header.version == 1 and got.header.segments == JournalHeader.of(plan_2021).segments
    assert got.digest == plan_2021.digest and got.segments_known


# ── writes that fail ──────────────────────────────────────────────────────
class FailingWrites:
    """``os.write`` that fails (ENOSPC, EIO …) while ``failing``, optionally after writing part of the data."""

    def __init__(self, real, err: int, partial: bool = False) -> None:
        self.real, self.err, self.partial, self.failing = real, err, partial, False

    def __call__(self, fd, data):
        if not self.failing:
            return self.real(fd, data)
        if self.partial and len(data) > 4:
            self.real(fd, bytes(data[: len(data) // 2]))  # half a line reaches the file …
        raise OSError(self.err, os.strerror(self.err))  # … and then the disk is full


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize("partial", [False, True], ids=["nothing-written", "half-written"])
def test_a_refused_write_is_truncated_back_and_never_written_later(
    plan_2021, tmp_path, script, monkeypatch, err, partial
):
    import runshow.live.journal as journal_mod

    fake = FailingWrites(os.write, err, partial)
    monkeypatch.setattr(journal_mod.os, "write", fake)
    path = journal_path(plan_2021, tmp_path)
    with Journal.create(path, plan_2021) as j:
        j.append(script[0])
        good = path.read_bytes()
        fake.failing = True
        with pytest.raises(OSError) as caught:
            j.append(script[1])  # the operator is told this failed …
        assert caught.value.errno == err
        assert path.read_bytes() == good  # … and none of it is on disk
        assert j.fault is not None and j.fault.code == "write-failed" and j.writable
        fake.failing = False
        j.append(script[2])  # space is back
        assert j.fault is None
    got = read_journal(path)
    assert got.actions == [script[0], script[2]]  # the refused action never shows up later
    assert got.problems == []  # and the numbering has no hole: the refused record never had a number


def test_a_write_that_cannot_be_truncated_back_stops_the_journal(plan_2021, tmp_path, script, monkeypatch):
    import runshow.live.journal as journal_mod

    path = journal_path(plan_2021, tmp_path)
    with Journal.create(path, plan_2021) as j:
        monkeypatch.setattr(journal_mod.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
        monkeypatch.setattr(journal_mod.os, "ftruncate", lambda fd, n: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
        with pytest.raises(OSError):
            j.append(script[0])
        assert not j.writable and j.fault.code == "broken"
        monkeypatch.undo()
        with pytest.raises(JournalUnwritableError):
            j.append(script[1])


def test_the_journal_writes_through_the_descriptor_with_no_buffer(plan_2021, tmp_path, script, monkeypatch):
    import builtins

    opened: list[object] = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    path = journal_path(plan_2021, tmp_path)
    with Journal.create(path, plan_2021) as j:
        j.append(script[0])
    assert opened == []  # no Python file object (and its buffer) anywhere on the write path


# ── read-only journals ────────────────────────────────────────────────────
def _deny_writes(monkeypatch, err: int = errno.EROFS) -> None:
    """Refuse every open for writing, as a read-only file, folder or disk does (root ignores chmod)."""
    import runshow.live.journal as journal_mod

    real = os.open

    def fake(path, flags, *args):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(err, os.strerror(err), str(path))
        return real(path, flags, *args)

    monkeypatch.setattr(journal_mod.os, "open", fake)


@pytest.mark.parametrize("err", [errno.EROFS, errno.EACCES])
def test_a_read_only_journal_is_still_replayed_with_a_persistent_fault(plan_2021, tmp_path, script, monkeypatch, err):
    path = _write(plan_2021, tmp_path, script)
    _deny_writes(monkeypatch, err)
    assert read_journal(path).actions == script
    with Journal.open_existing(path) as j:
        assert not j.writable and j.fault.code == "read-only"
        assert j.fault.params["path"] == str(path) and j.fault.params["error"]
        with pytest.raises(JournalUnwritableError):
            j.append(script[0])
        with pytest.raises(JournalBusyError):  # still the one writer: a second copy is refused
            Journal.open_existing(path)
        assert not j.writable  # persistent


def test_continue_into_another_folder_carries_the_show_and_says_where_from(plan_2021, tmp_path, script, at):
    from runshow.live.journal import continue_journal

    path = _write(plan_2021, tmp_path / "stuck", script[:4])
    replayed = read_journal(path).actions
    with continue_journal(plan_2021, replayed, tmp_path / "usb", came_from=path, created=at(14, 0)) as j:
        j.append(script[4])
    got = read_journal(j.path)
    assert j.path.parent == tmp_path / "usb" / "journals" and j.path.name == path.name
    assert got.actions == script[:5] and got.problems == []
    assert got.header.continued_from == str(path)
    with continue_journal(plan_2021, replayed, tmp_path / "usb", came_from=path) as again:
        assert again.path != j.path  # never over an earlier continuation
