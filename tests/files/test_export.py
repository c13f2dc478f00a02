"""The cue sheet out (.xlsx for printing), and back in: the same plan."""

from __future__ import annotations

from datetime import time

from openpyxl import load_workbook

from runshow.live.scenario import load_scenario
from runshow.plan.sources.sheet import import_sheet
from runshow.present.export import write_cue_sheet
from runshow.present.report import build_report

from .helpers import shape
from .test_report import SCENARIO


def _full(plan):
    return [(s.id, s.kind, s.notes, [(k.name, k.duration, k.affiliation) for k in s.speakers]) for s in plan.segments]


def test_export_then_import_is_the_same_plan(tmp_path, plan_2021):
    path = write_cue_sheet(plan_2021, tmp_path / "sheet.xlsx")
    back = import_sheet(path).plan
    assert shape(back) == shape(plan_2021)
    assert _full(back) == _full(plan_2021)  # ids, kinds, notes and affiliations too
    assert (back.event.title, back.event.date, back.event.venue, str(back.event.timezone)) == (
        plan_2021.event.title,
        plan_2021.event.date,
        plan_2021.event.venue,
        "Asia/Seoul",
    )


def test_export_with_actuals_still_round_trips_and_shows_deltas(tmp_path, plan_2021):
    report = build_report(plan_2021, list(load_scenario(SCENARIO, plan_2021).actions))
    path = write_cue_sheet(plan_2021, tmp_path / "after.xlsx", report)
    assert shape(import_sheet(path).plan) == shape(plan_2021)
    ws = load_workbook(path).active
    header = [c.value for c in ws[5]]
    assert header[:4] == ["구분", "시간", "소요", "내용"] and header[8:12] == [
        "실제 시작",
        "실제 종료",
        "실제 소요",
        "차이",
    ]
    panel = next(r for r in ws.iter_rows(min_row=6, values_only=True) if r[3] == "패널토론 및 질의응답")
    assert panel[1] == "15:40~16:20" and panel[8] == time(15, 43) and panel[9] == time(16, 28)
    assert panel[10] == "45:00" and panel[11] == "+5:00"
    assert "최종 지연 +8:00" in ws["D3"].value


def test_print_setup(tmp_path, plan_2021):
    ws = load_workbook(write_cue_sheet(plan_2021, tmp_path / "p.xlsx")).active
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 == "9"
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$5:$5"
    assert ws.column_dimensions["D"].width == 42
    assert ws.freeze_panes == "A6"
    assert {str(m) for m in ws.merged_cells.ranges} == {"A6:A10", "A11:A18", "A19:A24"}  # parts over their rows
