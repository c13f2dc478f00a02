"""The post-event report's numbers, against a scenario whose overruns were computed by hand."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from runshow.live.journal import Journal
from runshow.live.scenario import load_scenario
from runshow.present.report import Wording, build_report, fmt_delta, report_csv, report_from_journal

SCENARIO = Path(__file__).with_name("data") / "report-scenario.toml"
OVERRUN = Path(__file__).resolve().parents[1] / "scenarios" / "overrun.toml"
M = timedelta(minutes=1)


@pytest.fixture
def late(plan_2021):
    return list(load_scenario(SCENARIO, plan_2021).actions)


@pytest.fixture
def journal(tmp_path, plan_2021, late):
    path = tmp_path / "show.jsonl"
    with Journal.create(path, plan_2021) as j:
        j.extend(late)
    return path


def _row(report, segment, speaker=""):
    return next(r for r in report.rows if r.segment_id == segment and r.speaker == speaker)


def test_hand_computed_overruns(plan_2021, late, at):
    r = build_report(plan_2021, late)
    assert r.as_of == at(16, 33)
    assert r.actual_start == at(13, 32) and r.actual_end == at(16, 33)
    assert r.final_drift == 8 * M
    opening = _row(r, "opening")
    assert (opening.start_delta, opening.end_delta, opening.overrun) == (2 * M, 2 * M, timedelta(0))
    welcome = _row(r, "welcome")
    assert (welcome.actual_length, welcome.overrun, welcome.end_delta) == (6 * M, 1 * M, 3 * M)
    jeonnam = _row(r, "regions", "전남")
    assert (jeonnam.actual_start, jeonnam.actual_end, jeonnam.overrun) == (at(14, 3), at(14, 16), 3 * M)
    assert _row(r, "regions").overrun == 3 * M  # the segment: 14:03–14:56, 53′ for 50′
    assert _row(r, "break1").overrun == -3 * M
    assert _row(r, "panel").overrun == 5 * M
    # Biggest overruns: speakers and single-cue segments, largest first.
    assert [(o.label, o.overrun) for o in r.overruns] == [
        ("패널토론 및 질의응답", 5 * M),
        ("전남", 3 * M),
        ("개회사 및 인사말", 1 * M),
    ]
    # Totals per part: 사전행사 13:32–13:53 (21′ of 20′), 1부 13:53–15:03 (70′), 2부 15:03–16:33 (90′ of 85′).
    got = [(p.actual_start, p.actual_end, p.actual_length, p.overrun_sum) for p in r.parts]
    assert got == [
        (at(13, 32), at(13, 53), 21 * M, 1 * M),
        (at(13, 53), at(15, 3), 70 * M, 0 * M),
        (at(15, 3), at(16, 33), 90 * M, 5 * M),
    ]
    assert [(m.at, m.text, m.cleared_at) for m in r.messages] == [(at(13, 41), "마무리 부탁드립니다", at(13, 48))]
    assert len(r.actions) == len(late) and all(a.applied and not a.undone for a in r.actions)
    assert not r.has_alert_records and r.alerts == []


def test_drift_over_time_follows_the_show(plan_2021, late, at):
    drift = {p.at: p.drift for p in build_report(plan_2021, late).drift}
    assert drift[at(13, 31)] == 1 * M  # not yet started: the start is late
    assert drift[at(14, 10)] == 2 * M + 1 * M  # 전남 on time so far, the show 3′ late since 개회사
    assert drift[at(14, 15)] == 2 * M + 1 * M + 2 * M  # 전남 2′ into overtime
    assert drift[at(16, 33)] == 8 * M
    assert max(drift.values()) == 8 * M


def test_the_report_is_the_same_from_the_journal_and_after_a_crash(plan_2021, late, journal):
    direct = build_report(plan_2021, late)
    once = report_from_journal(plan_2021, journal)
    with journal.open("ab") as fh:
        fh.write(b'{"kind": "next", "at": "2021-10-15T16:3')  # a torn line: the crash mid-write
    again = report_from_journal(plan_2021, journal)
    for r in (once, again):
        assert r.rows == direct.rows and r.parts == direct.parts and r.drift == direct.drift
        assert r.overruns == direct.overruns and r.messages == direct.messages
    assert report_csv(once) == report_csv(again)


def test_overrun_scenario(plan_2021, at):
    r = build_report(plan_2021, list(load_scenario(OVERRUN, plan_2021).actions))
    assert [(o.label, o.overrun) for o in r.overruns] == [("전남", 4 * M)]
    assert r.final_drift == -1 * M
    assert fmt_delta(r.final_drift) == "−1:00"


def _append(path: Path, *records: dict) -> None:
    with path.open("a", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def test_alert_records_and_undo_records_when_the_journal_has_them(plan_2021, journal):
    _append(
        journal,
        {
            "kind": "alert",
            "status": "fired",
            "rule": "wrapup_warning",
            "text": "마무리 2분",
            "at": "2021-10-15T16:38:00+09:00",
        },
        {"kind": "alert", "status": "acknowledged", "rule": "wrapup_warning", "at": "2021-10-15T16:38:05+09:00"},
        {"kind": "alert_missed", "rule": "show_end", "at": "2021-10-15T16:38:06+09:00"},
        {"kind": "message", "text": "오타", "at": "2021-10-15T16:39:00+09:00"},
        {"kind": "undo", "at": "2021-10-15T16:39:05+09:00"},
    )
    r = report_from_journal(plan_2021, journal)
    assert r.has_alert_records
    assert r.alert_counts == {"fired": 1, "acknowledged": 1, "missed": 1}
    typo = next(a for a in r.actions if a.detail == "오타")
    undo = r.actions[-1]
    assert typo.undone and undo.is_undo and undo.kind == "undo" and undo.detail.startswith("message 16:39:00")
    assert all(m.text != "오타" for m in r.messages)  # an undone message is not reported as sent


def test_a_rehearsal_is_marked(plan_2021, late):
    r = build_report(plan_2021, late, rehearsal=True)
    assert r.rehearsal


def test_csv_has_a_row_per_segment_speaker_part_and_the_show(plan_2021, late):
    text = report_csv(build_report(plan_2021, late), Wording("en"))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["Level", "Part", "Segment", "Speaker", "Planned start"]
    levels = [r[0] for r in rows[1:]]
    assert levels.count("segment") == 12 and levels.count("speaker") == 7
    assert levels.count("part") == 3 and levels[-1] == "show"
    panel = next(r for r in rows if r[2] == "패널토론 및 질의응답")
    assert panel[4:] == [
        "15:40:00",
        "15:43:00",
        "+3:00",
        "16:20:00",
        "16:28:00",
        "+8:00",
        "40:00",
        "45:00",
        "+5:00",
        "300",
    ]
    assert rows[-1][4:13] == [
        "13:30:00",
        "13:32:00",
        "+2:00",
        "16:25:00",
        "16:33:00",
        "+8:00",
        "2:55:00",
        "3:01:00",
        "+6:00",
    ]


def test_a_show_still_on_reports_up_to_its_last_action(plan_2021, late, at):
    r = build_report(plan_2021, late[:9])  # up to 14:16, 경북 on
    assert r.as_of == at(14, 16)
    assert r.actual_end is None
    assert _row(r, "regions", "경북").actual_start == at(14, 16)
    assert _row(r, "regions", "경북").actual_end is None
    assert _row(r, "panel").actual_start is None
