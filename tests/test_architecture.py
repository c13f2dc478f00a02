"""The house rules, checked rather than hoped for: layers, no Qt in the core, one source of time."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "runshow"
BIN = Path(sys.executable).parent

# Calls that read the time. Only runshow/live/clock.py may make them.
TIME_READERS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"),
    ("QTime", "currentTime"),
    ("QDate", "currentDate"),
}
ALLOWED = {PACKAGE / "live" / "clock.py"}


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.fail(f"{name} is not installed (pip install -e '.[test]')")
    return which


def test_import_linter_contracts_are_kept() -> None:
    out = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout
    assert "plan and live never import Qt or APScheduler KEPT" in out.stdout


def test_plan_live_and_cli_import_without_qt_or_apscheduler() -> None:
    probe = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import runshow.plan, runshow.live
        names = ["runshow.cli", "runshow.resources"]
        for pkg in (runshow.plan, runshow.live):
            names += [m.name for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
        for name in names:
            importlib.import_module(name)
        banned = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "apscheduler"))
        print(len(names), banned)
        sys.exit(1 if banned else 0)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert int(out.stdout.split()[0]) >= 10  # it really imported the modules


def _time_reads(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", None)
            if (owner_name, node.func.attr) in TIME_READERS:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {owner_name}.{node.func.attr}()")
        elif isinstance(node, ast.ImportFrom) and node.module in ("time", "datetime"):
            for alias in node.names:
                if (node.module, alias.name) in (("time", "time"), ("time", "time_ns")):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: from time import {alias.name}")
    return found


def test_nothing_but_the_clock_reads_the_time() -> None:
    offenders: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path not in ALLOWED:
            offenders += _time_reads(path)
    assert offenders == []


def test_the_scan_itself_catches_a_time_read() -> None:
    sample = ROOT / "runshow" / "live" / "clock.py"
    assert _time_reads(sample), "clock.py reads the time, so the scan must see it"


# ── one timer helper ─────────────────────────────────────────────────────
TIMER_HELPER = PACKAGE / "session" / "timers.py"


def _bare_timers(source: str, name: str) -> list[str]:
    """``QTimer(…)``, ``QtCore.QTimer(…)``, ``QTimer.singleShot`` and ``class X(QTimer)``."""
    found: list[str] = []

    def is_qtimer(node: ast.expr) -> bool:
        return (isinstance(node, ast.Name) and node.id == "QTimer") or (
            isinstance(node, ast.Attribute) and node.attr == "QTimer"
        )

    for node in ast.walk(ast.parse(source, filename=name)):
        if isinstance(node, ast.Call) and is_qtimer(node.func):
            found.append(f"{name}:{node.lineno}: QTimer(…)")
        elif isinstance(node, ast.Attribute) and node.attr == "singleShot" and is_qtimer(node.value):
            found.append(f"{name}:{node.lineno}: QTimer.singleShot")
        elif isinstance(node, ast.ClassDef) and any(is_qtimer(base) for base in node.bases):
            found.append(f"{name}:{node.lineno}: class {node.name}(QTimer)")
    return found


def test_no_bare_qtimer_outside_the_timer_helper() -> None:
    """Every timer is a ``runshow.session.timers.Timer`` (or ``defer``); a static single shot cannot be cancelled."""
    offenders: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path != TIMER_HELPER:
            offenders += _bare_timers(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert offenders == [], "use runshow.session.timers.Timer / defer instead:\n" + "\n".join(offenders)


def test_the_timer_scan_itself_catches_each_form() -> None:
    sample = textwrap.dedent(
        """
        from PySide6 import QtCore
        from PySide6.QtCore import QTimer
        a = QTimer(self)
        b = QtCore.QTimer()
        QTimer.singleShot(0, quit)
        class Mine(QTimer): ...
        c = Timer(self, "fine")
        """
    )
    assert sorted(_bare_timers(sample, "x.py")) == [
        "x.py:4: QTimer(…)",
        "x.py:5: QTimer(…)",
        "x.py:6: QTimer.singleShot",
        "x.py:7: class Mine(QTimer)",
    ]
    assert _bare_timers(TIMER_HELPER.read_text(encoding="utf-8"), "timers.py"), "the helper itself makes the QTimer"


# ── types ────────────────────────────────────────────────────────────────
# mypy --strict ([tool.mypy] in pyproject.toml) over the whole package, no module left out: a value
# stored against its declared type (a set where a dict is declared) fails here, not in a show.
MYPY_CHECKED = ["runshow"]


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--follow-imports=silent",
         "--no-error-summary", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )


def test_mypy_strict_is_clean() -> None:
    out = _mypy(*MYPY_CHECKED)
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_runs_strict(tmp_path: Path) -> None:
    """The configuration really is strict: an unannotated function is an error."""
    sample = tmp_path / "sample.py"
    sample.write_text("def double(x):\n    return x * 2\n", encoding="utf-8")
    out = _mypy(str(sample))
    assert out.returncode == 1 and "no-untyped-def" in out.stdout, out.stdout + out.stderr


def test_ruff_is_clean() -> None:
    out = subprocess.run(
        [_tool("ruff"), "check", "runshow", "tests"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr


# ── the suite's own rules (tests/conftest.py) ────────────────────────────
RULES_PROBE = '''
from runshow.session.timers import Timer, defer


def test_leaves_a_timer_running(qapp):
    timer = Timer(qapp, "left running")
    timer.start(60_000)


def test_stops_its_timer(qapp):
    timer = Timer(qapp, "stopped")
    timer.start(60_000)
    timer.stop()


def test_leaves_a_static_single_shot(qapp):
    from PySide6.QtCore import QTimer

    QTimer.singleShot(60_000, lambda: None)


def test_defer_that_fired(qapp, qtbot):
    fired = []
    defer(lambda: fired.append(1), qapp)
    qtbot.waitUntil(lambda: fired == [1])


def test_no_qt_here():
    assert True
'''


def _run_rules_probe(tmp_path: Path, *args: str) -> str:
    shutil.copy2(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    gui: Qt\n    slow: long\n", encoding="utf-8")
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "test_probe_gui.py").write_text(RULES_PROBE, encoding="utf-8")
    (tmp_path / "test_probe_plain.py").write_text("def test_plain():\n    assert True\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--strict-markers", "-rA", *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )
    return out.stdout + out.stderr


def test_a_gui_test_that_leaves_a_timer_running_fails(tmp_path: Path) -> None:
    report = _run_rules_probe(tmp_path)
    assert "ERROR ui/test_probe_gui.py::test_leaves_a_timer_running" in report, report
    assert "left running of QApplication" in report, report
    assert "ERROR ui/test_probe_gui.py::test_leaves_a_static_single_shot" in report, report
    assert "PASSED ui/test_probe_gui.py::test_stops_its_timer" in report, report
    assert "PASSED ui/test_probe_gui.py::test_defer_that_fired" in report, report
    assert "6 passed, 2 errors" in report, report


def test_the_gui_marker_is_set_by_folder_and_by_fixture(tmp_path: Path) -> None:
    report = _run_rules_probe(tmp_path, "-m", "not gui")
    # Only the plain file's test stays: ui/ is gui by folder, and test_no_qt_here with it.
    assert "PASSED test_probe_plain.py::test_plain" in report, report
    assert "1 passed, 5 deselected" in report, report
