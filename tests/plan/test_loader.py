"""Loading schedules: the 2021 file loads clean; every other mistake is reported, located, at once."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from runshow.plan import ScheduleError, load_plan
from runshow.plan.errors import Problem
from runshow.plan.loader import parse_plan
from runshow.plan.model import SegmentKind

SCHEDULE_2021 = Path(__file__).resolve().parents[2] / "schedules" / "2021-industrial-complex-conference.toml"

# A small valid schedule; line numbers in the tests below refer to it.
GOOD = """\
[event]
title = "Test"
date = 2021-10-15
timezone = "Asia/Seoul"

[[part]]
id = "p1"
title = "Part one"
length = "15m"

[[part.segment]]
id = "a"
title = "A"
kind = "talk"
start = "13:30"
end = "13:40"

[[part.segment.speaker]]
name = "X"
duration = "5m"

[[part.segment.speaker]]
name = "Y"
duration = "5m"

[[part.segment]]
id = "b"
title = "B"
kind = "break"
duration = "5m"
"""
# line 11: [[part.segment]] a, 15: start, 16: end, 18: first speaker, 26: second segment,
# 27: its id, 30: its duration


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(ScheduleError) as info:
        parse_plan(text.encode("utf-8"), "s.toml")
    return info.value.problems


def only(text: str) -> Problem:
    found = problems_of(text)
    assert len(found) == 1, found
    return found[0]


def swap(old: str, new: str, text: str = GOOD, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


# ── the real file ───────────────────────────────────────────────────────────


def test_good_template_loads() -> None:
    plan = parse_plan(GOOD.encode(), "s.toml")
    assert [s.id for s in plan.segments] == ["a", "b"]
    assert plan.segments[1].start == plan.segments[0].end


def test_2021_file_loads_clean_with_its_twelve_rows() -> None:
    plan = load_plan(SCHEDULE_2021)
    ev = plan.event
    assert ev.title == "2021 산업단지 대개조 컨퍼런스"
    assert str(ev.date) == "2021-10-15" and ev.timezone.key == "Asia/Seoul"
    assert "aT센터 3층 세계로룸 1·2" in ev.venue
    assert ev.hosts == ("국토교통부", "산업통상자원부", "대통령직속 일자리위원회")
    assert ev.organisers == ("한국토지주택공사", "한국산업단지공단")
    assert "아하TV" in ev.stream
    assert [(p.title, p.declared) for p in plan.parts] == [
        ("사전행사", timedelta(minutes=20)),
        ("1부 세션Ⅰ_산업단지 대개조 동향", timedelta(minutes=70)),
        ("2부 세션Ⅱ_산업단지 대개조 발전방향", timedelta(minutes=85)),
    ]
    rows = [(f"{s.start:%H:%M}", f"{s.end:%H:%M}", s.title, s.owner, plan.part_of(s).id) for s in plan.segments]
    assert rows == [
        ("13:30", "13:35", "개회 선언·국민의례·내빈소개", "사회자", "pre"),
        ("13:35", "13:40", "개회사 및 인사말", "일자리위원회", "pre"),
        ("13:40", "13:50", "축사", "국토교통부, 산업통상자원부", "pre"),
        ("13:50", "14:00", "산단 대개조 추진현황 및 계획", "국토교통부", "session1"),
        ("14:00", "14:50", "시·도별 혁신계획 발표(’20년 선정 5개 시·도)", "전남→경북→인천→광주→대구 순", "session1"),
        ("14:50", "15:00", "휴식", "-", "session1"),
        ("15:00", "15:10", "일자리 중심의 산단대개조 모델 연구", "산업연구원", "session2"),
        ("15:10", "15:20", "산업단지 간 연계성 강화의 고용영향분석", "한국노동연구원", "session2"),
        ("15:20", "15:30", "산업단지 대개조 발전방향 연구", "국토연구원", "session2"),
        ("15:30", "15:40", "휴식", "-", "session2"),
        ("15:40", "16:20", "패널토론 및 질의응답", "전문가, 정부 관계자", "session2"),
        ("16:20", "16:25", "폐회", "사회자", "session2"),
    ]
    assert [s.id for s in plan.segments if s.kind is SegmentKind.BREAK] == ["break1", "break2"]
    congrats = plan.segment("congrats")
    assert [(sp.name, sp.duration) for sp in congrats.speakers] == [
        ("국토교통부", timedelta(minutes=5)),
        ("산업통상자원부", timedelta(minutes=5)),
    ]
    regions = plan.segment("regions")
    assert [sp.name for sp in regions.speakers] == ["전남", "경북", "인천", "광주", "대구"]
    assert {sp.duration for sp in regions.speakers} == {timedelta(minutes=10)}
    assert len(plan.digest) == 64


def test_2021_file_says_the_equal_splits_are_a_choice() -> None:
    text = SCHEDULE_2021.read_text(encoding="utf-8")
    assert "equal 5 minutes" in text and "equal 10 minutes" in text


# The rundown part of shared/seeds/000_e1915c5f6c6082f0.txt, copied into the checkout so this runs on every clone.
SEED = Path(__file__).resolve().parents[1] / "data" / "seed-2021-rundown.txt"


def test_2021_file_matches_the_seed_rundown() -> None:
    seed = re.sub(r"\s+", " ", SEED.read_text(encoding="utf-8"))  # the seed pads with no-break spaces
    plan = load_plan(SCHEDULE_2021)
    for seg in plan.segments:
        minutes = int(seg.duration.total_seconds() // 60)
        assert f"{seg.start:%H:%M}~{seg.end:%H:%M} {minutes}’" in seed, seg.id
    for part in plan.parts:
        assert re.search(rf"\({int(part.declared.total_seconds() // 60)}[‘’]\)", seed), part.id
    assert "전남→경북→인천 →광주→대구 순" in seed


# ── one test per kind of problem: exact line and field ─────────────────────


def test_unknown_key() -> None:
    p = only(swap('kind = "talk"\n', 'kind = "talk"\ncolour = "red"\n'))
    assert (p.line, p.field) == (15, "part[1].segment[1].colour")
    assert "unknown key" in p.message and "expected one of" in p.message


def test_unknown_top_level_key() -> None:
    p = only(GOOD + "\n[extras]\nx = 1\n")
    assert (p.line, p.field) == (32, "extras")


def test_missing_key() -> None:
    p = only(swap('kind = "talk"\n', ""))
    assert (p.line, p.field, p.message) == (11, "part[1].segment[1].kind", "required key is missing")


def test_missing_event_table() -> None:
    text = GOOD.split("\n", 5)[5]
    found = problems_of(text)
    assert [(p.line, p.field) for p in found] == [(1, "event")]
    assert "[event] table is missing" in found[0].message


def test_bad_time() -> None:
    p = only(swap('start = "13:30"', 'start = "13:3O"'))
    assert (p.line, p.field) == (15, "part[1].segment[1].start")
    assert "expected a time like 13:30" in p.message


def test_bad_duration() -> None:
    p = only(swap('kind = "break"\nduration = "5m"', 'kind = "break"\nduration = "5"'))
    assert (p.line, p.field) == (30, "part[1].segment[2].duration")
    assert "expected a duration like" in p.message


def test_end_before_start() -> None:
    found = problems_of(swap('end = "13:40"', 'end = "13:20"'))
    assert [(p.line, p.field) for p in found] == [(16, "part[1].segment[1].end")]
    assert "not after its start" in found[0].message


def test_overlap_with_the_previous_segment() -> None:
    text = swap('kind = "break"\nduration = "5m"', 'kind = "break"\nstart = "13:38"\nend = "13:45"')
    found = problems_of(text)
    assert [(p.line, p.field) for p in found] == [(9, "part[1].length"), (30, "part[1].segment[2].start")]
    assert "overlaps 'a', which ends at 13:40:00" in found[1].message


def test_a_gap_is_allowed_and_kept_as_a_gap() -> None:
    # Issue 14: "an hour with nothing in it" is real; it used to be refused (write a break).
    text = swap('kind = "break"\nduration = "5m"', 'kind = "break"\nstart = "13:41"\nend = "13:46"')
    text = swap('length = "15m"', 'length = "16m"', text)  # a part with a gap may declare its span
    plan = parse_plan(text.encode(), "s.toml")
    (gap,) = plan.gaps
    assert (gap.after, gap.before, gap.length) == ("a", "b", timedelta(minutes=1))


def test_a_part_with_a_gap_may_declare_its_sum_too() -> None:
    text = swap('kind = "break"\nduration = "5m"', 'kind = "break"\nstart = "13:41"\nend = "13:46"')
    assert len(parse_plan(text.encode(), "s.toml").gaps) == 1


def test_out_of_order() -> None:
    text = swap('kind = "break"\nduration = "5m"', 'kind = "break"\nstart = "13:00"\nend = "13:05"')
    p = only(text)
    assert (p.line, p.field) == (30, "part[1].segment[2].start")
    assert "must be in time order" in p.message


def test_part_length_disagrees() -> None:
    p = only(swap('length = "15m"', 'length = "20m"'))
    assert (p.line, p.field) == (9, "part[1].length")
    assert p.message == "part declares 20m but its segments add up to 15m"


def test_speaker_slots_do_not_fill_their_segment() -> None:
    p = only(swap('name = "Y"\nduration = "5m"', 'name = "Y"\nduration = "4m"'))
    assert (p.line, p.field) == (18, "part[1].segment[1].speaker")
    assert p.message.startswith("speaker slots add up to 9m but the segment lasts 10m")
    assert "leave out a speaker's duration" in p.message  # the way to an untimed speaker


def test_speaker_slot_of_zero() -> None:
    p = only(swap('name = "Y"\nduration = "5m"', 'name = "Y"\nduration = "0m"'))
    assert (p.line, p.field) == (24, "part[1].segment[1].speaker[2].duration")
    assert "longer than zero" in p.message


def test_duplicate_segment_id() -> None:
    p = only(swap('id = "b"', 'id = "a"'))
    assert (p.line, p.field) == (27, "part[1].segment[2].id")
    assert p.message == "duplicate segment id 'a' (first used on line 12)"


def test_duplicate_part_id() -> None:
    second = (
        '\n[[part]]\nid = "p1"\ntitle = "Again"\nlength = "5m"\n'
        '\n[[part.segment]]\nid = "c"\ntitle = "C"\nkind = "closing"\nduration = "5m"\n'
    )
    p = only(GOOD + second)
    assert (p.line, p.field) == (33, "part[2].id")
    assert p.message == "duplicate part id 'p1' (first used on line 7)"


def test_bad_kind() -> None:
    p = only(swap('kind = "talk"', 'kind = "concert"'))
    assert (p.line, p.field) == (14, "part[1].segment[1].kind")
    assert p.message.startswith("unknown kind 'concert' (expected one of: ceremony, speech")  # echoed
    assert "performance" in p.message and "video" in p.message


def test_unknown_time_zone() -> None:
    p = only(swap('timezone = "Asia/Seoul"', 'timezone = "Asia/Busan"'))
    assert (p.line, p.field) == (4, "event.timezone")
    assert "unknown time zone" in p.message


def test_first_segment_needs_a_start() -> None:
    p = only(swap('start = "13:30"\n', ""))
    assert (p.line, p.field) == (11, "part[1].segment[1].start")


def test_duration_disagreeing_with_start_and_end() -> None:
    p = only(swap('end = "13:40"', 'end = "13:40"\nduration = "9m"'))
    assert (p.line, p.field) == (17, "part[1].segment[1].duration")


def test_a_failed_segment_does_not_cascade_onto_the_next() -> None:
    # Segment b chains from a; a's bad end must not also make b "the first segment without a start".
    found = problems_of(swap('end = "13:40"', 'end = "late"'))
    assert [(p.line, p.field) for p in found] == [(16, "part[1].segment[1].end")]


def test_custom_alert_on_an_unknown_segment() -> None:
    text = GOOD + '\n[[alerts.custom]]\nid = "x"\ntext = "hello"\nsegment = "nope"\n'
    p = only(text)
    assert (p.line, p.field) == (35, "alerts.custom[1].segment")


def test_a_key_inside_a_multiline_note_is_not_where_the_error_points() -> None:
    text = swap('title = "A"\n', 'title = "A"\nnotes = """\n[[part]]\nid = "trap"\n"""\n').replace(
        'kind = "talk"', 'kind = "talk"\ncolour = 1'
    )
    p = only(text)
    assert (p.line, p.field) == (19, "part[1].segment[1].colour")


def test_every_problem_is_reported_at_once() -> None:
    text = GOOD.replace('timezone = "Asia/Seoul"', 'timezone = "Mars/Base"')
    text = text.replace('length = "15m"', 'length = "forever"')
    text = text.replace('name = "X"', 'name = ""')
    text = text.replace('kind = "break"', 'kind = "nap"')
    found = problems_of(text)
    assert [(p.line, p.field) for p in found] == [
        (4, "event.timezone"),
        (9, "part[1].length"),
        (19, "part[1].segment[1].speaker[1].name"),
        (29, "part[1].segment[2].kind"),
    ]
    assert all(str(p).startswith(f"s.toml:{p.line}: {p.field}: ") for p in found)


# ── the file itself ─────────────────────────────────────────────────────────


def test_bad_toml_names_its_line() -> None:
    p = only(swap('title = "A"', 'title = "A'))
    assert (p.line, p.field) == (13, "(syntax)")
    assert p.message.startswith("not valid TOML")


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "euc-kr.toml"
    path.write_bytes(GOOD.replace('"A"', '"축사"').encode("euc-kr"))
    with pytest.raises(ScheduleError) as info:
        load_plan(path)
    (p,) = info.value.problems
    assert p.line == 13 and "not UTF-8" in p.message and "save the file as UTF-8" in p.message


@pytest.mark.parametrize("content", [b"", b"  \n\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.toml"
    path.write_bytes(content)
    with pytest.raises(ScheduleError) as info:
        load_plan(path)
    (p,) = info.value.problems
    assert "empty" in p.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScheduleError, match="cannot read"):
        load_plan(tmp_path / "nope.toml")


def test_utf8_bom_is_accepted() -> None:
    plan = parse_plan(b"\xef\xbb\xbf" + GOOD.encode())
    assert plan.event.title == "Test"


def test_a_failed_segment_does_not_leave_a_phantom_gap() -> None:
    third = '\n[[part.segment]]\nid = "c"\ntitle = "C"\nkind = "closing"\nstart = "13:45"\nend = "13:50"\n'
    text = swap('length = "15m"', 'length = "20m"', GOOD + third).replace('kind = "break"', 'kind = "nap"')
    found = problems_of(text)
    assert [(p.line, p.field) for p in found] == [(29, "part[1].segment[2].kind")]
