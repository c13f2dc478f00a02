"""The state JSON on a several-day event (issue 14): ``at_iso`` and ``day`` say which instant ``at`` is."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

from runshow.live.scenario import load_scenario
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan import load_plan
from runshow.present.state_json import LEGACY_KEYS, legacy_json, show_state_json
from runshow.present.translate import english
from tests.conftest import ROOT

KAM = ROOT / "schedules" / "2025-kam-annual-conference.toml"
FOLLOW = ROOT / "tests" / "scenarios" / "kam-day2-gap.toml"


def test_at_iso_and_day_tell_the_days_apart_and_the_legacy_keys_stay() -> None:
    plan = load_plan(KAM)
    actions = load_scenario(FOLLOW, plan).actions
    zone = plan.event.timezone
    seen = []
    for day, month_day in ((1, 28), (2, 29), (4, 31)):
        now = datetime(2025, 10, month_day, 9, 30, tzinfo=zone)
        state = state_at(Show(plan, [a for a in actions if a.at <= now]), now)
        d = show_state_json(state, english())
        assert list(d)[: 1 + len(LEGACY_KEYS)] == ["version", *LEGACY_KEYS]  # first, unchanged
        assert {k: d[k] for k in LEGACY_KEYS} == legacy_json(state)
        assert d["at"] == "09:30:00"  # the same bare time on every day …
        assert d["at_iso"] == f"2025-10-{month_day}T09:30:00-05:00"  # … told apart here
        assert datetime.fromisoformat(d["at_iso"]) == now
        assert d["day"] == day
        seen.append(d["at_iso"])
    assert len(set(seen)) == 3
    before = datetime(2025, 10, 27, 23, 0, tzinfo=zone)
    assert show_state_json(state_at(Show(plan), before), english(), rundown=False)["day"] == 0


def test_simulate_json_prints_them_for_a_day_2_instant() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "runshow", "simulate", str(KAM), str(FOLLOW), "--json", "--at", "D2 17:20"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    d = json.loads(run.stdout.splitlines()[0])
    assert (d["at"], d["at_iso"], d["day"]) == ("17:20:00", "2025-10-29T17:20:00-05:00", 2)
    assert d["countdown_to_next_s"] is not None and d["state"] == "running"
