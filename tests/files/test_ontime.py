"""Ontime project files in: v4 (rundowns with groups) and v3 (a list with blocks)."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pytest

from runshow.plan.sources.ontime import import_ontime
from runshow.plan.sources.sheet import SourceError

H = 3_600_000
MIN = 60_000


def _event(eid, title, start, dur, parent=None, **kw):
    e = {
        "id": eid,
        "type": "event",
        "cue": kw.pop("cue", ""),
        "title": title,
        "note": kw.pop("note", ""),
        "timeStart": start,
        "timeEnd": start + dur,
        "duration": dur,
        "colour": kw.pop("colour", ""),
        "skip": kw.pop("skip", False),
        "timeWarning": kw.pop("warn", 120_000),
        "timeDanger": kw.pop("danger", 60_000),
        "parent": parent,
        "dayOffset": kw.pop("dayOffset", 0),
        "custom": kw.pop("custom", {}),
    }
    e.update(kw)
    return e


def _v4(entries, order=None, title="Ontime conf"):
    ids = [e["id"] for e in entries]
    return {
        "settings": {"version": "4.5.0"},
        "project": {"title": title, "description": "from Ontime"},
        "rundowns": {
            "default": {
                "id": "default",
                "title": "Default",
                "order": order or ids,
                "flatOrder": ids,
                "entries": {e["id"]: e for e in entries},
            }
        },
    }


def _write(tmp_path, doc, name="project.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_v4_groups_events_notes_colours_and_alerts(tmp_path):
    doc = _v4(
        [
            {
                "id": "g1",
                "type": "group",
                "title": "오전 세션",
                "entries": ["e1", "e2"],
                "colour": "#339E4E",
                "parent": None,
            },
            _event("e1", "개회사", 10 * H, 10 * MIN, "g1", cue="opening", note="사회자 멘트", colour="#FFCC78"),
            {"id": "d1", "type": "delay", "duration": 5 * MIN, "parent": "g1"},
            _event("e2", "기조강연", 10 * H + 10 * MIN, 50 * MIN, "g1", cue="1.2", custom={"Audio": "핸드마이크 1"}),
            {
                "id": "m1",
                "type": "milestone",
                "cue": "Standby",
                "title": "패널 대기",
                "note": "",
                "colour": "",
                "custom": {},
                "parent": None,
            },
            _event("e3", "점심", 11 * H + 10 * MIN, 60 * MIN, warn=0, danger=0),
            _event("e4", "건너뛸 것", 12 * H + 10 * MIN, 10 * MIN, skip=True),
        ]
    )
    result = import_ontime(_write(tmp_path, doc), event_date=date(2024, 5, 1))
    plan = result.plan
    assert plan.event.title == "Ontime conf" and plan.event.notes == "from Ontime"
    assert [p.title for p in plan.parts] == ["오전 세션", "Ontime conf (2)"]
    assert [(s.id, s.title, s.start.time(), s.end.time(), s.kind.value) for s in plan.segments] == [
        ("opening", "개회사", time(10, 0), time(10, 10), "speech"),
        ("s2", "기조강연", time(10, 10), time(11, 0), "speech"),  # "1.2" is no id: by position
        ("gap3", "휴식", time(11, 0), time(11, 10), "break"),  # the gap Ontime allows becomes a break
        ("s3", "점심", time(11, 10), time(12, 10), "break"),
    ]
    assert plan.segments[0].notes == "사회자 멘트"
    assert plan.segments[1].notes == "Audio: 핸드마이크 1"
    assert plan.segments[3].notes == "[milestone] Standby 패널 대기"
    assert plan.segments[0].alerts.wrapup_warning == timedelta(minutes=2)
    assert plan.segments[0].alerts.wrapup_danger == timedelta(minutes=1)
    assert "# Ontime colour #FFCC78 (runshow has no segment colour)" in result.toml
    assert "a delay of 5m left out" in result.toml
    assert "is marked skip in Ontime: left out" in result.toml
    assert "an Ontime file has neither" in result.toml


def test_v3_blocks_become_parts(tmp_path):
    doc = {
        "settings": {"version": "3.8.0"},
        "project": {"title": "Old show"},
        "rundown": [
            {"type": "block", "id": "b1", "title": "Part one"},
            _event("a", "Welcome", 9 * H, 15 * MIN),
            _event("b", "Talk", 9 * H + 15 * MIN, 45 * MIN),
            {"type": "block", "id": "b2", "title": "Part two"},
            _event("c", "Closing", 10 * H, 10 * MIN),
        ],
    }
    plan = import_ontime(_write(tmp_path, doc), event_date=date(2024, 5, 1), timezone="Europe/Oslo").plan
    assert [p.title for p in plan.parts] == ["Part one", "Part two"]
    assert [p.declared for p in plan.parts] == [timedelta(hours=1), timedelta(minutes=10)]
    assert str(plan.event.timezone) == "Europe/Oslo"
    assert plan.segments[-1].kind.value == "closing"


def test_past_midnight_with_day_offset(tmp_path):
    doc = _v4([_event("a", "Late set", 23 * H + 30 * MIN, 30 * MIN), _event("b", "After", 0, 30 * MIN, dayOffset=1)])
    plan = import_ontime(_write(tmp_path, doc), event_date=date(2024, 5, 1)).plan
    assert plan.segments[1].start.date() == date(2024, 5, 2)
    assert plan.segments[1].end - plan.segments[1].start == timedelta(minutes=30)


def test_problems_are_located_in_the_ontime_file(tmp_path):
    doc = _v4(
        [
            _event("a", "One", 10 * H, 30 * MIN),
            _event("b", "Two", 10 * H + 20 * MIN, 30 * MIN),
            {**_event("c", "Three", 0, 0), "timeStart": "ten", "duration": None},
        ]
    )
    with pytest.raises(SourceError) as info:
        import_ontime(_write(tmp_path, doc), event_date=date(2024, 5, 1))
    assert [str(p) for p in info.value.problems] == [
        "project.json: rundowns.default.entries.c: timeStart: 시작 시간(ms)이 숫자가 아닙니다"
    ]
    doc["rundowns"]["default"]["entries"].pop("c")
    doc["rundowns"]["default"]["flatOrder"].remove("c")
    with pytest.raises(SourceError) as info:
        import_ontime(_write(tmp_path, doc), event_date=date(2024, 5, 1))
    p = info.value.problems[0]
    assert (
        str(p)
        == "project.json: rundowns.default.entries.b: timeStart: 10:20에 시작해 앞 항목 'One'(종료 10:30)와 겹칩니다"
    )
    assert p.english().endswith("starts at 10:20 and overlaps 'One', which ends at 10:30")


def test_not_an_ontime_file(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"rundown": ', encoding="utf-8")
    with pytest.raises(SourceError) as info:
        import_ontime(bad, event_date=date(2024, 5, 1))
    assert str(info.value.problems[0]).startswith("x.json:1: (JSON): Ontime 프로젝트 JSON이 아닙니다")
    with pytest.raises(SourceError) as info:
        import_ontime(_write(tmp_path, {"hello": 1}), event_date=date(2024, 5, 1))
    assert "'rundowns'(v4) 또는 'rundown'(v3)이 없습니다" in str(info.value.problems[0])
