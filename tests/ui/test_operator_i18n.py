"""Every user-facing string of the operator window has a Korean translation.

Runs lupdate on the operator's modules into a scratch file and compares it
with the committed ``operator_ko.ts``, so a new ``tr()`` string without a
translation (or a stale .ts) fails here rather than showing English in Korea.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from runshow.live.actions import ActionKind
from runshow.live.clock import ManualClock
from runshow.resources import i18n_dir
from runshow.session.controller import ShowController
from runshow.ui.operator import OperatorWindow

pytestmark = [pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

ROOT = Path(__file__).resolve().parents[2]
TS = i18n_dir() / "operator_ko.ts"
QM = TS.with_suffix(".qm")
SOURCES = [
    *(
        ROOT / "runshow" / "ui" / name
        for name in ("operator.py", "commands.py", "rundown_model.py", "message_dialog.py", "help_overlay.py")
    ),
    ROOT / "runshow" / "present" / "reasons.py",  # the engine's rejection reasons, worded by code
]


def _messages(path: Path) -> dict[tuple[str, str], str | None]:
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "obsolete")
            out[(name, message.findtext("source") or "")] = translation.text if done else None
    return out


def _lupdate() -> Path:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(exe) if exe.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        pytest.skip("pyside6-lupdate not installed")
    return Path(found)


def test_every_tr_string_has_a_korean_translation(tmp_path):
    scratch = tmp_path / "operator_ko.ts"
    subprocess.run(
        [str(_lupdate()), *map(str, SOURCES), "-ts", str(scratch), "-target-language", "ko_KR"],
        check=True,
        capture_output=True,
    )
    in_code = set(_messages(scratch))
    committed = _messages(TS)
    assert len(in_code) > 40
    assert in_code - set(committed) == set(), "strings in the code missing from operator_ko.ts (run lupdate)"
    untranslated = sorted(key for key in in_code if not committed.get(key))
    assert untranslated == []


def test_compiled_qm_is_not_older_than_the_ts():
    assert QM.exists()
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1


def test_window_speaks_korean_with_the_translation_loaded(qtbot, plan_2021, at):
    app = QCoreApplication.instance()
    translator = QTranslator()
    assert translator.load(str(QM))
    app.installTranslator(translator)
    try:
        controller = ShowController(plan_2021, ManualClock(at(13, 0)))
        window = OperatorWindow(controller)
        qtbot.addWidget(window)
        assert window.commands.start_next.toolTip() == "시작 (Space)"
        assert window.header_strip.cue.text() == "행사 시작 전"
        assert window.model.headerData(3, window.rundown.header().orientation()) == "계획 시작"
        controller.act(ActionKind.PAUSE)  # nothing is running yet: rejected, said in Korean
        assert window.statusBar().currentMessage() == "실행 안 됨: 진행 중인 순서가 없습니다"
    finally:
        app.removeTranslator(translator)
