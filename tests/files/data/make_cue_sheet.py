"""Writes 2021-conference-cue-sheet.xlsx: the 2021 conference as a Korean crew would type it.

Run once (``python tests/files/data/make_cue_sheet.py``); the .xlsx is committed so the test
reads a real workbook, not one built by the code under test. Shapes in it: a merged title row,
the date and venue above the header, parts in vertically merged cells with their length on a
second line, start and end as Excel time cells, lengths as "5분", letter-spaced titles (축 사),
the 축사 speakers on rows of their own, the five regions as arrows in 비고, owners in 비고.
"""

from datetime import time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

ROWS = [
    # part (first row of each part only), start, end, length, title, presenter, 비고
    ("사전행사\n(20')", (13, 30), (13, 35), "5분", "‣ 개회 선언·국민의례·내빈소개", "", "사회자"),
    (None, (13, 35), (13, 40), "5분", "‣ 개회사 및 인사말", "", "일자리위원회"),
    (None, (13, 40), (13, 50), "10분", "‣ 축 사", "", "국토교통부, 산업통상자원부"),
    (None, None, None, "5분", "", "국토교통부", ""),
    (None, None, None, "5분", "", "산업통상자원부", ""),
    (
        "1부 세션Ⅰ_산업단지 대개조 동향\n(70')",
        (13, 50),
        (14, 0),
        "10분",
        "‣ 산단 대개조 추진현황 및 계획",
        "",
        "국토교통부",
    ),
    (
        None,
        (14, 0),
        (14, 50),
        "50분",
        "‣ 시·도별 혁신계획 발표(’20년 선정 5개 시·도)",
        "",
        "전남→경북→인천→광주→대구 순",
    ),
    (None, (14, 50), (15, 0), "10분", "∥ 휴 식", "", "-"),
    (
        "2부 세션Ⅱ_산업단지 대개조 발전방향\n(85')",
        (15, 0),
        (15, 10),
        "10분",
        "‣ 일자리 중심의 산단대개조 모델 연구",
        "",
        "산업연구원",
    ),
    (None, (15, 10), (15, 20), "10분", "‣ 산업단지 간 연계성 강화의 고용영향분석", "", "한국노동연구원"),
    (None, (15, 20), (15, 30), "10분", "‣ 산업단지 대개조 발전방향 연구", "", "국토연구원"),
    (None, (15, 30), (15, 40), "10분", "∥ 휴 식", "", "-"),
    (None, (15, 40), (16, 20), "40분", "‣ 패널토론 및 질의응답", "", "전문가, 정부 관계자"),
    (None, (16, 20), (16, 25), "5분", "▪ 폐 회", "", "사회자"),
]


def main() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "진행순서"
    font = "맑은 고딕"
    ws["A1"] = "2021 산업단지 대개조 컨퍼런스 세부 진행순서(안)"
    ws["A1"].font = Font(name=font, size=16, bold=True)
    ws.merge_cells("A1:G1")
    ws["A2"] = "일시: '21. 10. 15.(금) 13:30~16:25   /   장소: aT센터 3층 세계로룸 1·2 (서울 양재동)"
    ws["A2"].font = Font(name=font, size=10)
    ws.merge_cells("A2:G2")
    header = ["구 분", "시작", "종료", "소요시간", "내 용", "발표자", "비 고"]
    thin = Side(style="thin")
    for c, h in enumerate(header, start=1):
        cell = ws.cell(4, c, h)
        cell.font = Font(name=font, bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    part_start = None
    for i, (part, start, end, length, title, presenter, note) in enumerate(ROWS):
        r = 5 + i
        if part is not None:
            if part_start is not None and r - 1 > part_start:
                ws.merge_cells(start_row=part_start, start_column=1, end_row=r - 1, end_column=1)
            part_start = r
            ws.cell(r, 1, part).alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        for c, v in ((2, start), (3, end)):
            if v is not None:
                cell = ws.cell(r, c, time(*v))
                cell.number_format = "h:mm"
        ws.cell(r, 4, length)
        ws.cell(r, 5, title)
        ws.cell(r, 6, presenter or None)
        ws.cell(r, 7, note or None)
        for c in range(1, 8):
            ws.cell(r, c).border = Border(top=thin, bottom=thin, left=thin, right=thin)
            ws.cell(r, c).font = Font(name=font)
    ws.merge_cells(start_row=part_start, start_column=1, end_row=4 + len(ROWS), end_column=1)
    for col, width in zip("ABCDEFG", (24, 8, 8, 9, 46, 16, 28), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(Path(__file__).with_name("2021-conference-cue-sheet.xlsx"))


if __name__ == "__main__":
    main()
