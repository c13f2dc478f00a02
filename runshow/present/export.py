"""The cue sheet out: an .xlsx a crew prints, with planned and (during or after the show) actual times.

The layout is the one :mod:`runshow.plan.sources.sheet` reads, so an exported sheet imports
back to the same plan: a title row, the date, venue and time zone, a header row (구분 / 시간 /
소요 / 내용 / 발표자 / 소속 / 담당 / 비고, then 실제 시작 / 실제 종료 / 실제 소요 / 차이 and
종류 / ID), parts in merged cells as "사전행사 (20′)", and each speaker on a row of their own
under their segment. Printing: A4 landscape, fit to one page wide, the header row repeated on
every page, column widths set, page numbers in the footer.

Pure Python (openpyxl); no Qt.
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

from runshow.plan.model import Plan
from runshow.present.report import Report, Row, fmt_delta, fmt_length

HEADERS_KO = (
    "구분",
    "시간",
    "소요",
    "내용",
    "발표자",
    "소속",
    "담당",
    "비고",
    "실제 시작",
    "실제 종료",
    "실제 소요",
    "차이",
    "종류",
    "ID",
)
HEADERS_EN = (
    "Part",
    "Time",
    "Duration",
    "Title",
    "Presenter",
    "Affiliation",
    "Owner",
    "Notes",
    "Actual start",
    "Actual end",
    "Actual length",
    "Delta",
    "Kind",
    "ID",
)
WIDTHS = (22, 14, 7, 42, 14, 14, 20, 30, 10, 10, 9, 8, 11, 10)
FONT = "맑은 고딕"  # what Korean Excel has; LibreOffice falls back to any Hangul font


def _minutes(length_s: int) -> str:
    m, s = divmod(length_s, 60)
    return f"{m}'" if not s else f"{m}분 {s}초"


def _clock(value: datetime, plan: Plan) -> str:
    local = value.astimezone(plan.event.timezone)
    return f"{local:%H:%M}" if local.second == 0 else f"{local:%H:%M:%S}"


def _local_time(value: datetime | None, plan: Plan) -> time | None:
    return None if value is None else value.astimezone(plan.event.timezone).time().replace(tzinfo=None)


def sheet_rows(plan: Plan, report: Report | None = None) -> list[tuple[int | None, list[Any], str]]:
    """(part index, cells, "segment"/"speaker") for every row under the header."""
    actual: dict[tuple[str, str, int], Row] = {}
    if report is not None:
        seen: dict[str, int] = {}
        for r in report.rows:
            key = (r.segment_id, r.level, seen.get(r.segment_id + r.level, 0))
            seen[r.segment_id + r.level] = key[2] + 1
            actual[key] = r
    out: list[tuple[int | None, list[Any], str]] = []
    for pi, part in enumerate(plan.parts):
        for sid in part.segment_ids:
            seg = plan.segment(sid)
            a = actual.get((sid, "segment", 0))
            out.append(
                (
                    pi,
                    [
                        None,
                        f"{_clock(seg.start, plan)}~{_clock(seg.end, plan)}",
                        _minutes(int(seg.duration.total_seconds())),
                        seg.title,
                        "",
                        "",
                        seg.owner,
                        seg.notes,
                        *_actual_cells(a, plan),
                        seg.kind.value,
                        seg.id,
                    ],
                    "segment",
                )
            )
            t = seg.start
            for k, sp in enumerate(seg.speakers):
                a = actual.get((sid, "speaker", k))
                out.append(
                    (
                        pi,
                        [
                            None,
                            f"{_clock(t, plan)}~{_clock(t + sp.duration, plan)}",
                            _minutes(int(sp.duration.total_seconds())),
                            "",
                            sp.name,
                            sp.affiliation,
                            "",
                            sp.topic,
                            *_actual_cells(a, plan),
                            "",
                            "",
                        ],
                        "speaker",
                    )
                )
                t += sp.duration
    return out


def _actual_cells(row: Row | None, plan: Plan) -> list[Any]:
    if row is None:
        return [None, None, "", ""]
    return [
        _local_time(row.actual_start, plan),
        _local_time(row.actual_end, plan),
        fmt_length(row.actual_length),
        fmt_delta(row.overrun),
    ]


def write_cue_sheet(plan: Plan, path: str | Path, report: Report | None = None, lang: str = "ko") -> Path:
    """Write the cue sheet of ``plan`` (with the actuals of ``report`` when given) to ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.header_footer import HeaderFooterItem
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    headers = HEADERS_EN if lang.startswith("en") else HEADERS_KO
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "식순" if not lang.startswith("en") else "Run of show"
    ev = plan.event
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    base = Font(name=FONT, size=10)
    bold = Font(name=FONT, size=10, bold=True)

    ws.cell(1, 1, ev.title).font = Font(name=FONT, size=16, bold=True)
    weekday = "월화수목금토일"[ev.date.weekday()]
    ws.cell(
        2,
        1,
        f"일시: {ev.date:%Y. %m. %d.}({weekday}) {_clock(plan.start, plan)}~{_clock(plan.end, plan)}"
        f"   /   장소: {ev.venue or '-'}",
    ).font = base
    ws.cell(3, 1, f"시간대: {ev.timezone.key}").font = Font(name=FONT, size=9, color="606060")
    if report is not None:
        kind = "리허설 기록" if report.rehearsal else "실제 기록"
        stamp = report.as_of.astimezone(ev.timezone)
        ws.cell(3, 4, f"{kind}: {stamp:%H:%M:%S} 기준, 최종 지연 {fmt_delta(report.final_drift) or '0:00'}").font = bold
    hr = 5
    for c, h in enumerate(headers, start=1):
        cell = ws.cell(hr, c, h)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    rows = sheet_rows(plan, report)
    first_of_part: dict[int, int] = {}
    last_of_part: dict[int, int] = {}
    for i, (pi, cells, level) in enumerate(rows):
        r = hr + 1 + i
        assert pi is not None
        first_of_part.setdefault(pi, r)
        last_of_part[pi] = r
        for c, v in enumerate(cells, start=1):
            cell = ws.cell(r, c, v)
            cell.font = bold if (level == "segment" and c == 4) else base
            cell.border = border
            cell.alignment = Alignment(
                vertical="center",
                wrap_text=c in (1, 4, 7, 8),
                horizontal="center" if c in (2, 3, 9, 10, 11, 12, 13, 14) else "left",
                indent=1 if level == "speaker" and c == 5 else 0,
            )
            if isinstance(v, time):
                cell.number_format = "hh:mm:ss"
    for pi, part in enumerate(plan.parts):
        if pi not in first_of_part:
            continue
        r0, r1 = first_of_part[pi], last_of_part[pi]
        label = part.title
        if part.declared is not None:  # a part without a length shows its title alone
            label += f" ({int(part.declared.total_seconds()) // 60}')"
        cell = ws.cell(r0, 1, label)
        cell.font = bold
        cell.alignment = Alignment(vertical="center", horizontal="center", wrap_text=True)
        if r1 > r0:
            ws.merge_cells(start_row=r0, start_column=1, end_row=r1, end_column=1)
    for c, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = f"A{hr + 1}"  # below the header row
    ws.print_title_rows = f"{hr}:{hr}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    footer = ws.oddFooter
    if footer is None:  # a new sheet has one; the stubs allow none
        footer = HeaderFooterItem()
        ws.oddFooter = footer
    footer.center.text = "&P / &N"
    footer.left.text = ev.title
    out = Path(path)
    wb.save(out)
    return out
