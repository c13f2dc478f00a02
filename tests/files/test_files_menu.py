"""File menu in the control room: open a cue sheet (imported, saved, handed on), export, report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from runshow.live import actions as act
from runshow.live.clock import ManualClock
from runshow.live.rehearsal import ScratchRecord
from runshow.live.show import Show
from runshow.ui.files_menu import Ask, current_report, install_files_menu

pytestmark = pytest.mark.gui
CUE_SHEET = Path(__file__).with_name("data") / "2021-conference-cue-sheet.xlsx"


class FakeController:
    def __init__(self, plan, clock, journal=None):
        self.plan = plan
        self.show = Show(plan)
        self.clock = clock
        self.journal = journal


def _asker(open_path="", save_path="", agree=True):
    told: list[tuple[str, str, bool]] = []

    class A(Ask):
        @staticmethod
        def confirm(parent, title, text):
            told.append((title, text, agree))
            return agree

        @staticmethod
        def open_path(parent, title, filters):
            return open_path

        @staticmethod
        def save_path(parent, title, suggested, filters):
            return save_path

        @staticmethod
        def tell(parent, title, text, problem=False):
            told.append((title, text, problem))

    return A, told


def _actions(menu):
    return {a.text(): a for a in menu.actions()}


def test_open_a_cue_sheet_imports_saves_and_hands_it_on(qtbot, plan_2021, at, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    opened: list[Path] = []
    target = tmp_path / "show.toml"
    ask, told = _asker(str(CUE_SHEET), str(target))
    menu = install_files_menu(window, FakeController(plan_2021, ManualClock(at(12, 0))), opened.append, ask)
    names = list(_actions(menu))
    assert names == ["&Open schedule or cue sheet…", "&Export cue sheet…", "&Report…"]
    _actions(menu)["&Open schedule or cue sheet…"].trigger()
    assert opened == [target] and target.read_text(encoding="utf-8").startswith("# Imported from")
    assert [agreed for _, _, agreed in told] == [True]  # asked once: the show on now closes


def test_opening_another_schedule_asks_first_and_a_no_keeps_the_show(qtbot, plan_2021, at, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    opened: list[Path] = []
    other = tmp_path / "other.toml"
    other.write_text("# another schedule\n", encoding="utf-8")
    ask, told = _asker(str(other), agree=False)
    menu = install_files_menu(window, FakeController(plan_2021, ManualClock(at(12, 0))), opened.append, ask)
    _actions(menu)["&Open schedule or cue sheet…"].trigger()
    assert opened == [] and len(told) == 1 and "other.toml" in told[0][1]


def test_open_a_bad_sheet_shows_located_problems(qtbot, plan_2021, at, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("시간,내용\n10:00~10:1O,개회\n", encoding="utf-8")
    window = QMainWindow()
    qtbot.addWidget(window)
    ask, told = _asker(str(bad), str(tmp_path / "never.toml"))
    install_files_menu(window, FakeController(plan_2021, ManualClock(at(12, 0))), None, ask)
    _actions(window.menuBar().actions()[0].menu())["&Open schedule or cue sheet…"].trigger()
    assert told and told[0][2] is True and told[0][1].startswith("bad.csv:A2: 시간:")
    assert not (tmp_path / "never.toml").exists()


def test_report_of_a_rehearsal_is_marked_and_export_writes_the_sheet(qtbot, plan_2021, at, tmp_path):
    clock = ManualClock(at(13, 45))
    controller = FakeController(plan_2021, clock, ScratchRecord())
    controller.show.apply(act.start(at(13, 31)))
    report = current_report(controller)
    assert report.rehearsal and report.as_of == at(13, 45)
    window = QMainWindow()
    qtbot.addWidget(window)
    ask, _told = _asker("", str(tmp_path / "r.pdf"))
    menu = install_files_menu(window, controller, None, ask)
    _actions(menu)["&Report…"].trigger()
    assert (tmp_path / "r.pdf").read_bytes()[:4] == b"%PDF" and (tmp_path / "r.csv").exists()
    ask, _told = _asker("", str(tmp_path / "s.xlsx"))
    menu = install_files_menu(window, controller, None, ask)
    _actions(menu)["&Export cue sheet…"].trigger()
    assert (tmp_path / "s.xlsx").exists()
