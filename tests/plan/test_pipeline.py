"""One plan pipeline: a source gives a located tree, one validator builds the plan, one registry.

A spreadsheet source may give a tree whose locator names cells; the same validator then says
``FILE:Sheet!C7: field: message``. The alert rules are named once, in ``runshow.plan.rules``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from runshow.plan import ScheduleError, load_plan, parse_plan
from runshow.plan.errors import Location, Problem
from runshow.plan.messages import MESSAGES, render, wording
from runshow.plan.model import AlertSettings
from runshow.plan.rules import DEFAULT_AUDIENCE, DEFAULT_CHIME, KIND_DEFAULTS, REGISTRY, SETTABLE, Rule
from runshow.plan.sources.toml import read_toml
from runshow.plan.tree import LocatedTree
from runshow.plan.validate import validate
from tests.conftest import SCHEDULE_2021

PLAN_DIR = Path(__file__).resolve().parents[2] / "runshow" / "plan"


# ── locations and the shape of a problem ─────────────────────────────────────


def test_a_problem_on_a_line_reads_file_line_field_message() -> None:
    p = Problem("show.toml", 12, "part[1].title", "required key is missing")
    assert str(p) == "show.toml:12: part[1].title: required key is missing"
    assert p.line == 12 and p.location == Location(line=12)


def test_a_problem_in_a_cell_reads_file_sheet_cell() -> None:
    p = Problem("RUN.xlsx", Location(sheet="Rundown", cell="C7"), "part[1].segment[2].start", "bad")
    assert str(p) == "RUN.xlsx:Rundown!C7: part[1].segment[2].start: bad"
    assert p.line is None


def test_a_problem_about_the_whole_file_has_no_location() -> None:
    assert str(Problem("show.toml", None, "(file)", "the file is empty")) == "show.toml: (file): the file is empty"


def test_cells_sort_by_row_then_column() -> None:
    cells = ["C10", "C7", "A7", "B2"]
    ordered = sorted(cells, key=lambda c: Location(sheet="S", cell=c).sort_key)
    assert ordered == ["B2", "A7", "C7", "C10"]


# ── a source that is not a text file ─────────────────────────────────────────


def _sheet_tree(start: object) -> LocatedTree:
    """What a spreadsheet source could give: plain values, and a cell for each path."""
    doc = {
        "event": {"title": "Sheet show", "date": datetime(2021, 10, 15).date(), "timezone": "Asia/Seoul"},
        "part": [
            {
                "id": "p",
                "title": "P",
                "segment": [
                    {"id": "a", "title": "A", "kind": "talk", "start": start, "duration": "10m"},
                    {"id": "b", "title": "B", "kind": "talk", "duration": "5m"},
                ],
            }
        ],
    }
    cells = {("part", 0, "segment", 0): "A2", ("part", 0, "segment", 1): "A3"}
    columns = {"start": "C", "duration": "D", "kind": "B"}

    def locate(path: Sequence[str | int]) -> Location:
        path = tuple(path)
        for n in range(len(path), 0, -1):
            row = cells.get(path[:n])  # type: ignore[arg-type]
            if row is not None:
                col = columns.get(str(path[n])) if n < len(path) else None
                return Location(sheet="Rundown", cell=(col or "A") + row[1:])
        return Location(sheet="Rundown")

    return LocatedTree("RUN.xlsx", doc, locate)


def test_a_tree_with_cell_locations_validates_with_the_same_validator() -> None:
    plan = validate(_sheet_tree("13:30"))
    assert [(s.id, f"{s.start:%H:%M}", f"{s.end:%H:%M}") for s in plan.segments] == [
        ("a", "13:30", "13:40"),
        ("b", "13:40", "13:45"),
    ]


def test_a_bad_cell_is_named_by_sheet_and_cell() -> None:
    with pytest.raises(ScheduleError) as info:
        validate(_sheet_tree("25:00"))
    (p,) = info.value.problems
    assert str(p).startswith("RUN.xlsx:Rundown!C2: part[1].segment[1].start: expected a time like 13:30")


def test_a_valid_file_never_builds_its_line_index() -> None:
    tree = read_toml(SCHEDULE_2021.read_bytes(), "x.toml")
    validate(tree)
    assert tree.locate._index is None  # type: ignore[attr-defined]  # lines are found only for a problem


# ── the one rule registry ────────────────────────────────────────────────────


def test_every_registered_rule_is_an_alert_setting_with_the_registered_default() -> None:
    fields = {f.name: f.default for f in dataclasses.fields(AlertSettings) if f.name not in ("audience", "chime")}
    assert list(fields) == [r.value for r in SETTABLE]
    assert fields == {spec.rule.value: spec.default for spec in REGISTRY}


def test_the_live_alert_planner_uses_the_registry_not_a_copy() -> None:
    from runshow.live import alerts

    assert alerts.Rule is Rule
    assert alerts.DEFAULT_AUDIENCE is DEFAULT_AUDIENCE and alerts.DEFAULT_CHIME is DEFAULT_CHIME


def test_the_rule_names_are_written_once_in_the_plan_layer() -> None:
    # The list used to be written five times; outside rules.py no plan module spells it out.
    for path in PLAN_DIR.rglob("*.py"):
        if path.name == "rules.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert len(re.findall(r'"(?:break_starting|speaker_standby|show_end_warning)"', text)) == 0, path


def test_the_schedule_accepts_exactly_the_registered_rules() -> None:
    text = SCHEDULE_2021.read_text(encoding="utf-8").replace(
        "show_end = true            #", "nap_warning = true\nshow_end = true #", 1
    )
    with pytest.raises(ScheduleError) as info:
        parse_plan(text.encode(), "x.toml")
    (p,) = info.value.problems
    assert p.field == "alerts.nap_warning" and all(r.value in p.message for r in SETTABLE)


def test_kind_defaults_name_only_registered_rules() -> None:
    for changes in KIND_DEFAULTS.values():
        assert set(changes) <= set(SETTABLE)


# ── messages: a code, params, and both languages ─────────────────────────────


def _codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in PLAN_DIR.rglob("*.py"):
        if path.name == "messages.py":
            continue
        text = path.read_text(encoding="utf-8")
        found |= set(
            re.findall(r'(?:_problem\([^)]*?|add\([^)]*?|InvalidValueError\(|code = )"([a-z_]+\.[a-z_]+)"', text)
        )
        found |= set(re.findall(r'^\s+"([a-z_]+\.[a-z_]+)"[,:]', text, flags=re.M))  # the pydantic map
    return found


def test_every_code_the_plan_layer_uses_has_english_and_korean() -> None:
    codes = _codes_in_source()
    assert len(codes) > 30
    assert codes <= set(MESSAGES), codes - set(MESSAGES)
    for code, (en, ko) in MESSAGES.items():
        assert en and ko and en != ko, code
        assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", ko)), code
        assert re.search(r"[가-힣]", ko), code


def test_a_problem_is_worded_in_korean_or_english() -> None:
    text = SCHEDULE_2021.read_text(encoding="utf-8").replace('kind = "talk"', 'kind = "concert"', 1)
    with pytest.raises(ScheduleError) as info:
        parse_plan(text.encode(), "x.toml")
    (p,) = info.value.problems
    assert p.code == "kind.unknown" and p.params["got"] == "'concert'"
    assert wording(p, "en") == p.message
    assert wording(p, "ko").startswith("알 수 없는 종류 'concert'입니다 (가능한 종류: ceremony")
    assert p.worded("ko").startswith(f"x.toml:{p.line}: part[2].segment[1].kind: 알 수 없는 종류")


def test_render_fills_both_languages_from_the_same_params() -> None:
    params = {"got": "'1:3O'"}
    assert "'1:3O'" in render("time.invalid", params, "en") and "'1:3O'" in render("time.invalid", params, "ko")


# ── the 2021 file's new fields ───────────────────────────────────────────────


def test_the_2021_file_names_its_event_its_hard_stop_and_what_may_shrink() -> None:
    plan = load_plan(SCHEDULE_2021)
    assert plan.event.id == "2021-industrial-complex-conference"
    assert plan.event.hard_stop == plan.end and f"{plan.event.hard_stop:%H:%M}" == "16:25"
    flexible = {s.id: (s.min_length, s.trim_order) for s in plan.segments if s.min_length is not None}
    m = timedelta(minutes=1)
    assert flexible == {
        "break1": (5 * m, 2),
        "kiet": (8 * m, 3),
        "kli": (8 * m, 3),
        "krihs": (8 * m, 3),
        "break2": (5 * m, 2),
        "panel": (25 * m, 1),
    }
    assert all(s.min_length is None for s in plan.segments if s.speakers)  # speakers' slots are fixed
