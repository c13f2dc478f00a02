"""The pure translators say exactly what Qt's translator says with the app's .qm files."""

from __future__ import annotations

import pytest

from runshow.present.translate import _i18n_dir, english, fill, for_language, korean, parse_ts


def test_korean_reads_every_ts_file():
    tr = korean()
    assert tr("StageView", "Time left") != "Time left"
    assert tr("timefmt", "on time") == "정시"
    assert tr("AlertText", "%1 min") == "%1분"
    assert tr("NoSuchContext", "Some words") == "Some words"  # unknown text comes back as written
    assert for_language("ko") is tr and for_language("en-GB") is english()


def test_english_is_the_source():
    assert english()("StageView", "Time left") == "Time left"


def test_fill_is_one_pass_like_qt_arg():
    assert fill("%2 then %1", "a", "b") == "b then a"
    assert fill("%1 to %2", "%2", "x") == "%2 to x"  # a value holding a placeholder stays as written
    assert fill("%1 and %3", "only") == "only and %3"


@pytest.mark.gui
def test_every_message_matches_qt(qapp):
    """Each finished Korean message through ``korean()`` equals ``QCoreApplication.translate`` with the .qm."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    translators = []
    for qm in sorted(_i18n_dir().glob("*_ko.qm")):
        t = QTranslator()
        assert t.load(str(qm))
        qapp.installTranslator(t)
        translators.append(t)
    try:
        checked = 0
        for ts in sorted(_i18n_dir().glob("*_ko.ts")):
            for (context, source), _text in parse_ts(ts).items():
                if "%n" in source:
                    continue  # plural forms go through Qt's numerus lookup
                assert korean()(context, source) == QCoreApplication.translate(context, source), (context, source)
                checked += 1
        assert checked > 50
    finally:
        for t in translators:
            qapp.removeTranslator(t)
