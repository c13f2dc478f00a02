"""Cue sheets in: every shape a Korean crew types, and every mistake located by cell, all at once."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from runshow.plan import load_plan
from runshow.plan.sources.sheet import (
    SourceError,
    import_sheet,
    parse_duration_cell,
    parse_time_cell,
)

from .helpers import shape, write_csv, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE_2021 = ROOT / "schedules" / "2021-industrial-complex-conference.toml"
CUE_SHEET_2021 = Path(__file__).with_name("data") / "2021-conference-cue-sheet.xlsx"

# The 2021 rundown typed as the document prints it: part names in the first column, the time and
# length together ("13:30~13:35 5’"), 비고 naming who, the regions as arrows, 비고 text wrapped onto
# the next row ("국토교통부," / "산업통상자원부"), letter-spaced titles.
DOC_ROWS = [
    ["2021 산업단지 대개조 컨퍼런스 행사계획", "", "", ""],
    ["ㅇ (시간) '21.10.15.(금) 13:30~16:25(약 3시간)", "", "", ""],
    ["ㅇ (장소) aT센터 3층 세계로룸 1·2 (서울 양재동)", "", "", ""],
    ["", "시 간(소요)", "내 용", "비 고"],
    ["사전행사", "13:30~13:35  5’", "‣ 개회 선언·국민의례·내빈소개", "사회자"],
    ["(20‘)", "13:35~13:40 5’", "‣ 개회사 및 인사말", "일자리위원회"],
    ["", "13:40~13:50 10’", "‣ 축 사", "국토교통부,"],
    ["", "", "", "산업통상자원부"],
    ["1부 세션Ⅰ_산업단지 대개조 동향", "", "", ""],
    ["(70‘)", "13:50~14:00 10’", "‣ 산단 대개조 추진현황 및 계획", "국토교통부"],
    ["", "14:00~14:50 50’", "‣ 시・도별 혁신계획 발표(’20년 선정 5개 시·도)", "전남→경북→인천"],
    ["", "", "", "→광주→대구 순"],
    ["", "14:50~15:00 10’", "∥ 휴 식", "-"],
    ["2부 세션Ⅱ_산업단지 대개조 발전방향", "", "", ""],
    ["(85’)", "15:00~15:10 10’", "‣ 일자리 중심의 산단대개조 모델 연구", "산업연구원"],
    ["", "15:10~15:20 10’", "‣ 산업단지 간 연계성 강화의 고용영향분석", "한국노동연구원"],
    ["", "15:20~15:30 10’", "‣ 산업단지 대개조 발전방향 연구", "국토연구원"],
    ["", "15:30~15:40 10’", "∥ 휴 식", "-"],
    ["", "15:40~16:20 40’", "‣ 패널토론 및 질의응답", "전문가, 정부 관계자"],
    ["", "16:20~16:25 5’", "▪ 폐 회", "사회자"],
]


@pytest.fixture(scope="module")
def ref():
    return load_plan(SCHEDULE_2021)


def _speakers_by_owner_arrows(plan):
    return [k.name for k in plan.segments[4].speakers]


def test_the_committed_2021_cue_sheet_round_trips_to_the_schedule(ref):
    result = import_sheet(CUE_SHEET_2021)
    assert shape(result.plan) == shape(ref)
    assert result.plan.event.title == ref.event.title
    assert result.plan.event.date == date(2021, 10, 15)
    assert result.plan.event.venue == "aT센터 3층 세계로룸 1·2 (서울 양재동)"
    # What was guessed is said in the TOML, so an author can check it.
    assert "# - row 7: '축 사' → '축사' (letter-spacing dropped)" in result.toml
    assert "split equally among 전남, 경북, 인천, 광주, 대구" in result.toml


def test_the_document_as_typed_round_trips_too(tmp_path, ref):
    # The 2021 TOML drops the letter-spacing and writes 시・도 as 시·도: so does the importer. The
    # wrapped 비고 of 축사 joins its owner; 축사 gets no speakers from a comma list (the TOML's
    # two 5′ slots come from rows of their own in the committed sheet), so compare owners and times.
    path = write_csv(tmp_path / "doc.csv", DOC_ROWS)
    plan = import_sheet(path).plan
    got, want = shape(plan), shape(ref)
    assert [g[:7] for g in got] == [w[:7] for w in want]
    assert plan.segments[4].owner == "전남→경북→인천→광주→대구 순"
    assert _speakers_by_owner_arrows(plan) == ["전남", "경북", "인천", "광주", "대구"]
    assert [k.duration for k in plan.segments[4].speakers] == [timedelta(minutes=10)] * 5


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("13:30~13:35", (time(13, 30), time(13, 35), None)),
        ("13:30-13:35", (time(13, 30), time(13, 35), None)),
        ("13:30 – 13:35", (time(13, 30), time(13, 35), None)),
        ("13:30～13:35 (5')", (time(13, 30), time(13, 35), timedelta(minutes=5))),
        ("13:30~13:35  5’", (time(13, 30), time(13, 35), timedelta(minutes=5))),
        ("오후 1:30", (time(13, 30), None, None)),
        ("오전 9:05", (time(9, 5), None, None)),
        ("1:30 PM", (time(13, 30), None, None)),
        ("13시 30분", (time(13, 30), None, None)),
        ("오후 1:30~오후 1:35", (time(13, 30), time(13, 35), None)),
        (time(13, 30), (time(13, 30), None, None)),
        (13.5 / 24, (time(13, 30), None, None)),
        ("", (None, None, None)),
    ],
)
def test_time_cells_as_cells_hold_them(cell, expected):
    assert parse_time_cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "minutes"),
    [
        ("5'", 5),
        ("5’", 5),
        ("5′", 5),
        ("5분", 5),
        ("10 min", 10),
        ("1시간 30분", 90),
        ("1h30m", 90),
        (5, 5),
        ("5", 5),
        ("(20')", 20),
        (time(0, 5), 5),
        (timedelta(minutes=7), 7),
        (5 / 1440, 5),
        ("0:05", 5),
    ],
)
def test_duration_cells(cell, minutes):
    assert parse_duration_cell(cell) == timedelta(minutes=minutes)


def _basic(tmp_path, rows, name="s.csv", **kw):
    return import_sheet(write_csv(tmp_path / name, rows), **kw)


HEAD = ["2024. 5. 1. 세미나", "", "", ""]


def test_english_headers_separate_start_end_and_excel_times(tmp_path):
    rows = [
        ["Spring seminar — run of show"],
        ["Date: 2024-05-01"],
        ["Part", "Start", "End", "Title", "Owner", "Notes"],
        ["Morning (25')", time(9, 0), time(9, 5), "Opening", "MC", "lights up"],
        [None, time(9, 5), time(9, 25), "Keynote", "Dr. Kim", ""],
    ]
    plan = import_sheet(write_xlsx(tmp_path / "en.xlsx", rows, title="Sheet1")).plan
    assert [(s.title, s.start.time(), s.end.time(), s.owner, s.notes) for s in plan.segments] == [
        ("Opening", time(9, 0), time(9, 5), "MC", "lights up"),
        ("Keynote", time(9, 5), time(9, 25), "Dr. Kim", ""),
    ]
    assert plan.parts[0].title == "Morning" and plan.parts[0].declared == timedelta(minutes=25)
    assert plan.segments[1].kind == "speech"  # "keynote"


def test_merged_part_cells_and_durations_chained(tmp_path):
    rows = [
        ["행사 2024.05.01"],
        ["구분", "시간", "소요", "내용", "담당"],
        ["1부", "오후 1:30", "5분", "개회", "사회자"],
        [None, None, "10분", "기조강연", "홍길동"],
        ["2부", None, "15'", "패널 토론", "모두"],
    ]
    path = write_xlsx(tmp_path / "m.xlsx", rows, merges=("A3:A4",))
    plan = import_sheet(path).plan
    assert [p.title for p in plan.parts] == ["1부", "2부"]
    assert [(s.start.time(), s.end.time()) for s in plan.segments] == [
        (time(13, 30), time(13, 35)),
        (time(13, 35), time(13, 45)),
        (time(13, 45), time(14, 0)),
    ]
    assert plan.parts[0].segment_ids == ("s1", "s2")
    assert [s.kind for s in plan.segments] == ["ceremony", "speech", "panel"]


def test_speakers_on_their_own_rows_and_in_one_cell(tmp_path):
    rows = [
        HEAD,
        ["시간", "내용", "발표자", "소속"],
        ["10:00~10:30", "사례 발표", "", ""],
        ["10'", "", "김철수", "A사"],
        ["20'", "", "이영희", "B사"],
        ["10:30~10:45", "지역 발표", "전남→경북→인천", ""],
        ["10:45~10:55", "축사", "국토교통부 (4'), 산업통상자원부", ""],
    ]
    plan = _basic(tmp_path, rows).plan
    s1, s2, s3 = plan.segments
    assert [(k.name, k.duration, k.affiliation) for k in s1.speakers] == [
        ("김철수", timedelta(minutes=10), "A사"),
        ("이영희", timedelta(minutes=20), "B사"),
    ]
    assert [(k.name, k.duration) for k in s2.speakers] == [(n, timedelta(minutes=5)) for n in ("전남", "경북", "인천")]
    assert [(k.name, k.duration) for k in s3.speakers] == [
        ("국토교통부", timedelta(minutes=4)),
        ("산업통상자원부", timedelta(minutes=6)),
    ]


def test_a_start_only_row_ends_at_the_next_start_and_says_so(tmp_path):
    rows = [
        HEAD,
        ["순서", "시간", "내용"],
        ["1", "10:00", "개회"],
        ["2", "10:07", "강연"],
        ["3", "10:30~10:40", "폐회"],
    ]
    result = _basic(tmp_path, rows)
    assert [(s.start.time(), s.end.time()) for s in result.plan.segments] == [
        (time(10, 0), time(10, 7)),
        (time(10, 7), time(10, 30)),
        (time(10, 30), time(10, 40)),
    ]
    assert "end 10:07 is the next row's start" in result.toml


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_csv_encodings_korean_excel_writes(tmp_path, encoding):
    rows = [["세미나 2024.05.01"], ["시간", "내용", "비고"], ["10:00~10:10", "개회", "사회자"]]
    path = write_csv(tmp_path / "k.csv", rows, encoding=encoding)
    plan = import_sheet(path).plan
    assert plan.segments[0].title == "개회" and plan.segments[0].owner == "사회자"


def test_map_overrides_the_header(tmp_path):
    rows = [HEAD, ["시간", "행사명", "진행"], ["10:00~10:10", "개회", "사회자"]]
    # "행사명" is no known name; --map title=행사명 names it.
    with pytest.raises(SourceError):
        _basic(tmp_path, rows)
    plan = _basic(tmp_path, rows, mapping={"title": "행사명"}).plan
    assert plan.segments[0].title == "개회" and plan.segments[0].owner == "사회자"


def test_map_notes_keeps_비고_as_notes(tmp_path):
    rows = [HEAD, ["시간", "내용", "비고"], ["10:00~10:10", "개회", "조명 확인"]]
    assert _basic(tmp_path, rows).plan.segments[0].owner == "조명 확인"
    seg = _basic(tmp_path, rows, mapping={"notes": "비고"}).plan.segments[0]
    assert (seg.owner, seg.notes) == ("", "조명 확인")


def test_no_date_in_the_sheet_uses_the_given_one_and_says_so(tmp_path):
    rows = [["시간", "내용"], ["10:00~10:10", "개회"]]
    result = _basic(tmp_path, rows, default_date=date(2024, 6, 1))
    assert result.plan.event.date == date(2024, 6, 1)
    assert "date: the sheet names none; 2024-06-01 was given" in result.toml


# ── every problem located, all at once ────────────────────────────────────


def _problems(tmp_path, rows, name="bad.csv", xlsx=False, **kw):
    path = write_xlsx(tmp_path / name, rows) if xlsx else write_csv(tmp_path / name, rows)
    with pytest.raises(SourceError) as info:
        import_sheet(path, **kw)
    return [str(p) for p in info.value.problems], [p.english() for p in info.value.problems]


def test_every_problem_at_once_located_by_cell_in_korean_and_english(tmp_path):
    rows = [
        HEAD,
        ["구분", "시간", "소요", "내용"],
        ["1부 (30')", "10:00~10:05", "5'", "개회"],
        ["", "10:05~10:1O", "", "강연"],  # letter O for a zero
        ["", "10:15~10:25", "분", "발표"],
        ["", "10:25~10:20", "", "토론"],
        ["", "10:30~10:40", "5'", ""],
    ]
    ko, en = _problems(tmp_path, rows, xlsx=True, name="bad.xlsx")
    assert ko == [
        "bad.xlsx:식순!B4: 시간: 시간을 읽을 수 없습니다: '10:05~10:1O' (예: 13:30, 13:30~13:35, 오후 1:30)",
        "bad.xlsx:식순!C5: 소요시간: 소요시간을 읽을 수 없습니다: '분' (예: 5', 5분, 1시간 30분)",
        "bad.xlsx:식순!D7: 내용: 내용이 비어 있습니다",
    ]
    assert (
        en[0]
        == "bad.xlsx:식순!B4: time: cannot read a time from '10:05~10:1O' (expected e.g. 13:30, 13:30~13:35, 1:30 PM)"
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (  # end before start
            [["시간", "내용"], ["10:10~10:05", "개회"]],
            "s.csv:A3: 시간: 종료 10:05가 시작 10:10보다 늦지 않습니다",
        ),
        (  # the length disagrees with the range
            [["시간", "소요", "내용"], ["10:00~10:05", "10'", "개회"]],
            "s.csv:B3: 소요시간: 소요시간 10m이 10:00~10:05와 맞지 않습니다",
        ),
        (  # a gap
            [["시간", "내용"], ["10:00~10:05", "개회"], ["10:10~10:20", "강연"]],
            "s.csv:A4: 시간: 앞 항목 '개회'(종료 10:05) 뒤에 5m 빈 시간이 있습니다; 빠진 항목이나 휴식 행을 넣으세요",
        ),
        (  # an overlap
            [["시간", "내용"], ["10:00~10:05", "개회"], ["10:03~10:20", "강연"]],
            "s.csv:A4: 시간: 10:03에 시작해 앞 항목 '개회'(종료 10:05)와 겹칩니다",
        ),
        (  # the part's declared length
            [["구분", "시간", "내용"], ["1부 (20')", "10:00~10:05", "개회"]],
            "s.csv:A3: 구분: '1부'은 20m로 적혀 있지만 항목 합계는 5m입니다",
        ),
        (  # the first row has no start
            [["소요", "내용"], ["5'", "개회"]],
            "s.csv:A3: 소요시간: 첫 항목에 시작 시간이 없습니다",
        ),
        (  # the last row has a start only
            [["시간", "내용"], ["10:00", "개회"]],
            "s.csv:A3: 시간: 종료 시간이나 소요시간이 필요합니다 (마지막 항목)",
        ),
        (  # speaker slots overflow the segment
            [["시간", "내용", "발표자"], ["10:00~10:10", "발표", ""], ["6'", "", "가"], ["6'", "", "나"]],
            "s.csv:A3: 시간: 발표자 시간의 합 12m이 항목 길이 10m와 다릅니다",
        ),
        (  # no time left for a speaker without a slot
            [["시간", "내용", "발표자"], ["10:00~10:10", "발표", ""], ["10'", "", "가"], ["", "", "나"]],
            "s.csv:C5: 발표자: 시간이 적히지 않은 발표자에게 남는 시간이 없습니다 (0s)",
        ),
        (  # a speaker row with nothing above it
            [["시간", "내용", "발표자"], ["5'", "", "가"]],
            "s.csv:C3: 발표자: 발표자 행 위에 속할 항목이 없습니다",
        ),
        (  # an unknown kind
            [["시간", "내용", "종류"], ["10:00~10:10", "개회", "쇼"]],
            "s.csv:C3: 종류: 종류 '쇼'를 알 수 없습니다 (ceremony, speech, talk, presentation, break, panel, closing "
            "또는 의식/연설/강연/발표/휴식/토론/폐회)",
        ),
        (  # a bad and a duplicate id
            [["시간", "내용", "ID"], ["10:00~10:10", "개회", "a"], ["10:10~10:20", "강연", "a"]],
            "s.csv:C4: ID: ID 'a'가 3행에서 이미 쓰였습니다",
        ),
        (  # no header
            [["아무", "말"], ["10:00", "개회"]],
            "s.csv: (파일): 머리글 행을 찾지 못했습니다 (처음 30행에 '시간', '내용' 같은 열 이름이 필요합니다; "
            "--map title=열이름 으로 지정할 수 있습니다)",
        ),
        (  # no time column
            [["내용", "담당"], ["개회", "사회자"]],
            "s.csv:2행: (파일): 시간 열이 없습니다 (시간, 시작, 종료, 소요시간 중 하나; --map time=열이름)",
        ),
    ],
)
def test_each_error_is_located(tmp_path, rows, expected):
    ko, _ = _problems(tmp_path, [HEAD, *rows], name="s.csv")
    assert expected in ko, ko


def test_map_problems_are_located(tmp_path):
    rows = [["시간", "내용"], ["10:00~10:10", "개회"]]
    ko, en = _problems(tmp_path, rows, name="s.csv", default_date=date(2024, 5, 1), mapping={"speaker": "발표"})
    assert ko[0].startswith("s.csv: --map: 알 수 없는 항목 'speaker'")
    ko, en = _problems(tmp_path, rows, name="s.csv", default_date=date(2024, 5, 1), mapping={"owner": "담당자"})
    assert ko == ["s.csv:1행: --map: owner=담당자: 머리글에 '담당자' 열이 없습니다 (있는 열: 시간, 내용)"]
    assert en == ["s.csv:1행: --map: owner=담당자: the header row has no column '담당자' (columns: 시간, 내용)"]


def test_no_date_anywhere_is_a_problem(tmp_path):
    ko, _en = _problems(tmp_path, [["시간", "내용"], ["10:00~10:10", "개회"]])
    assert ko == [
        "bad.csv: (파일): 행사 날짜를 찾지 못했습니다 (머리글 위에 '2021. 10. 15.' 처럼 적거나 --date 로 지정하세요)"
    ]


def test_unreadable_files_are_one_located_problem(tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(SourceError) as info:
        import_sheet(bad)
    assert str(info.value.problems[0]).startswith("broken.xlsx: (파일): 엑셀 파일을 열 수 없습니다")
    garbage = tmp_path / "g.csv"
    garbage.write_bytes(b"\xff\xfe\xff\x80\x81")
    with pytest.raises(SourceError) as info:
        import_sheet(garbage)
    assert "UTF-8 또는 CP949" in str(info.value.problems[0])
    with pytest.raises(SourceError) as info:
        import_sheet(CUE_SHEET_2021, sheet="없는시트")
    assert str(info.value.problems[0]) == (
        "2021-conference-cue-sheet.xlsx: (파일): 시트 '없는시트'가 없습니다 (있는 시트: 진행순서)"
    )
    with pytest.raises(SourceError) as info:
        import_sheet(tmp_path / "missing.csv")
    assert "파일을 읽을 수 없습니다" in str(info.value.problems[0])
