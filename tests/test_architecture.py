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
        names = ["runshow.cli"]
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


def test_ruff_is_clean() -> None:
    out = subprocess.run(
        [_tool("ruff"), "check", "runshow", "tests"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
