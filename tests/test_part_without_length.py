"""A part may declare no length (``Part.declared is None``, e.g. the 2025 schedule's days): every
path that reads ``declared`` keeps it None instead of failing. mypy --strict found these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from runshow.live import actions as act
from runshow.live.actions import ActionKind, Amendment, AmendOp
from runshow.live.scenario import load_scenario
from runshow.live.schedule_toml import amended_schedule_toml
from runshow.live.show import Show
from runshow.plan import parse_plan
from runshow.plan.model import Plan
from runshow.present.export import write_cue_sheet
from runshow.present.report import build_report, report_csv

SCENARIO = Path(__file__).parent / "files" / "data" / "report-scenario.toml"

At = Callable[..., datetime]


def _undeclared(plan: Plan) -> Plan:
    return replace(plan, parts=tuple(replace(p, declared=None) for p in plan.parts))


def test_the_written_schedule_declares_no_length_and_reads_back_so(plan_2021: Plan) -> None:
    plan = _undeclared(plan_2021)
    text = amended_schedule_toml(plan)
    assert "length = " not in text.split("[[part]]", 1)[1].split("[[part.segment]]", 1)[0]
    assert [p.declared for p in parse_plan(text.encode()).parts] == [None] * len(plan.parts)
    assert [p.declared for p in parse_plan(amended_schedule_toml(plan_2021).encode()).parts] == [
        p.declared for p in plan_2021.parts
    ]


def test_an_amendment_leaves_an_undeclared_part_undeclared(plan_2021: Plan, at: At) -> None:
    plan = _undeclared(plan_2021)
    change = act.amend(at(14, 5), Amendment(AmendOp.LENGTH, segment="break1", seconds=5 * 60))
    show = Show(plan, [act.start(at(13, 30)), change])
    assert show.actions[-1].kind is ActionKind.AMEND
    assert show.plan.segment("break1").duration == timedelta(minutes=5)
    assert all(p.declared is None for p in show.plan.parts)


def test_the_report_and_the_cue_sheet_show_no_declared_length(plan_2021: Plan, tmp_path: Path) -> None:
    plan = _undeclared(plan_2021)
    report = build_report(plan, list(load_scenario(SCENARIO, plan_2021).actions))
    assert report.parts and all(p.declared is None and p.length_delta is None for p in report.parts)
    assert any(p.actual_length is not None for p in report.parts)
    assert report_csv(report)
    ws = load_workbook(write_cue_sheet(plan, tmp_path / "sheet.xlsx", report)).active
    assert ws is not None
    titles = {str(ws.cell(r, 1).value) for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value}
    assert {p.title for p in plan.parts} <= titles  # the title alone, no "(65')"
