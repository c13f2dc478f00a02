"""The benchmark keeps working: ``--quick`` runs every figure and prints the whole table.

A smoke, not a measurement: nothing here asserts a timing (figures on a busy CI
machine mean nothing). It does check that every figure has a row with a
verdict, that the machine is described, and that the generated festival
schedule the bench re-plans is a valid plan of exactly the size it claims.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from runshow.plan import parse_plan
from runshow.plan.generated import festival_toml

ROOT = Path(__file__).resolve().parents[2]


def test_generated_festival_is_a_valid_plan_of_that_size() -> None:
    plan = parse_plan(festival_toml(1000).encode(), "festival.toml")
    assert len(plan.segments) == 1000
    assert plan.end - plan.start == (plan.segments[1].end - plan.segments[1].start) * 1000
    assert any(len(s.speakers) == 2 for s in plan.segments)


def figures() -> set[str]:
    """The bench's own list of its figures (the tests run it; they do not import it)."""
    out = subprocess.run(
        [sys.executable, "-m", "runshow.bench", "--figures"], capture_output=True, text=True, timeout=60, check=True
    )
    return set(json.loads(out.stdout))


@pytest.mark.gui
def test_quick_bench_prints_every_figure(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "rows.json"
    proc = subprocess.run(
        [sys.executable, "-m", "runshow.bench", "--quick", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=170,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = proc.stdout
    assert "| figure | measured | target | result |" in text
    for key in ("CPU:", "memory:", "Python:", "Qt / PySide6:"):
        assert key in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith(("| figure", "| ---"))]
    named = {line.split(" | ")[0].removeprefix("| ") for line in rows}
    assert named == figures()
    for line in rows:
        assert line.rstrip().endswith(("| pass |", "| FAIL |", "| n/a |")), line
    assert out.read_text(encoding="utf-8").count('"figure"') == len(named)
