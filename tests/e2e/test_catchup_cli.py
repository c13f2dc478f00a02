"""``runshow catch-up``, end to end: ``python -m runshow`` in a subprocess, its JSON read back.

The 2021 file gains its hard stop and flexible segments from the plan helper's loader; until
then (and for "what if" questions) ``--hard-stop`` and ``--min`` say them on the command line.
Each proposal printed is checked against the planner run in-process on the same show.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from runshow.cli import catchup
from runshow.live.catchup import plan_catch_up
from runshow.live.scenario import load_scenario
from runshow.plan import load_plan
from runshow.present.translate import english

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE = ROOT / "schedules" / "2021-industrial-complex-conference.toml"
LATE = ROOT / "tests" / "scenarios" / "late.toml"
OVERRUN = ROOT / "tests" / "scenarios" / "overrun.toml"
KEYS = ["at", "projected_end", "hard_stop", "over_s", "trims", "projected_end_after", "feasible"]
FLEX = ["--min", "break1=5m", "--min", "break2=5m", "--min", "panel=30m"]


def runshow(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "runshow", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def in_process(scenario: Path, at: str, hard_stop: str, minimums: list[str]) -> dict[str, object]:
    plan, errors = catchup.with_overrides(load_plan(SCHEDULE), hard_stop, minimums, english())
    assert not errors
    h, m, s = map(int, at.split(":"))
    instant = datetime(2021, 10, 15, h, m, s, tzinfo=plan.event.timezone)
    show = catchup.replay(plan, load_scenario(scenario, plan), instant, str(scenario))
    return plan_catch_up(show, instant).to_json()


def test_late_show_gets_a_feasible_proposal_with_exactly_the_documented_keys():
    out = runshow("catch-up", SCHEDULE, LATE, "--at", "14:20:00", "--json", "--hard-stop", "16:25", *FLEX)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert list(data) == KEYS
    assert data["at"] == "14:20:00" and data["hard_stop"] == "16:25:00"
    assert data["over_s"] > 0 and data["feasible"] is True
    assert data["projected_end_after"] <= "16:25:00" < data["projected_end"]
    assert all(list(t) == ["segment", "from_s", "to_s"] for t in data["trims"])
    # Every trim is whole minutes, never below the minimum given, and they cover the overrun.
    lows = {"break1": 300, "break2": 300, "panel": 1800}
    for t in data["trims"]:
        assert t["to_s"] < t["from_s"] and (t["from_s"] - t["to_s"]) % 60 == 0
        assert t["to_s"] >= lows.get(t["segment"], 60)
    assert sum(t["from_s"] - t["to_s"] for t in data["trims"]) >= data["over_s"]
    # (once the loader reads the file's own minimums they may add segments: --min replaces only those named)
    assert data == in_process(LATE, "14:20:00", "16:25", FLEX[1::2])


def test_a_hard_stop_that_cannot_be_made_says_by_how_much():
    out = runshow(
        "catch-up", SCHEDULE, LATE, "--at", "14:20:00", "--json", "--hard-stop", "15:30", "--min", "break2=5m"
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["feasible"] is False
    assert {"segment": "break2", "from_s": 600, "to_s": 300} in data["trims"]  # all it may give
    assert data["projected_end_after"] > data["hard_stop"]
    assert data == in_process(LATE, "14:20:00", "15:30", ["break2=5m"])  # every trim there is, and still late
    text = runshow(
        "catch-up", SCHEDULE, LATE, "--at", "14:20:00", "--hard-stop", "15:30", "--min", "break2=5m", "--lang", "en"
    )
    assert text.returncode == 0, text.stderr
    assert "the hard stop cannot be made: missed by" in text.stdout


def test_on_time_needs_nothing():
    out = runshow("catch-up", SCHEDULE, OVERRUN, "--at", "16:00:00", "--json", "--hard-stop", "16:25", *FLEX)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["trims"] == [] and data["feasible"] is True and data["over_s"] <= 0


@pytest.mark.parametrize("lang, words", [("ko", "하드 스톱"), ("en", "the catch-up planner needs")])
def test_a_schedule_without_a_hard_stop_is_a_located_error(tmp_path, lang, words):
    # The 2021 file as it stands, without any hard stop (the plan helper's loader may add one to it).
    text = SCHEDULE.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not re.match(r"\s*hard_stop\s*=", line)) + "\n"
    schedule = tmp_path / "no-stop.toml"
    schedule.write_text(text, encoding="utf-8")
    out = runshow("catch-up", schedule, LATE, "--at", "14:20:00", "--json", "--lang", lang)
    assert out.returncode == 2
    assert out.stdout == ""
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.strip() == "[event]")
    assert f"{schedule}:{line}: [event] hard_stop: " in out.stderr
    assert words in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_overrides_are_named_and_nothing_is_printed():
    out = runshow(
        "catch-up", SCHEDULE, LATE, "--at", "14:20:00", "--json", "--hard-stop", "25:00", "--min", "nope=5m", "--lang",
        "en",
    )  # fmt: skip
    assert out.returncode == 2 and out.stdout == ""
    assert "--hard-stop:" in out.stderr and "--min nope=5m: no segment with id nope" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.skipif(
    load_plan(SCHEDULE).event.hard_stop is None, reason="the 2021 file names its hard stop once the loader reads it"
)
def test_the_2021_file_with_its_own_hard_stop_and_minimums():
    out = runshow("catch-up", SCHEDULE, LATE, "--at", "14:20:00", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["hard_stop"] == "16:25:00" and data["over_s"] > 0 and data["trims"]
    plan = load_plan(SCHEDULE)
    for t in data["trims"]:
        low = plan.segment(t["segment"]).min_length
        assert low is not None and t["to_s"] >= low.total_seconds()
    assert data["feasible"] is (data["projected_end_after"] <= data["hard_stop"])
