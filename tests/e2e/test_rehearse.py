"""``runshow rehearse``: the whole show at 600× through the app's own path, in order.

Each run takes the show's length / 600 of real time (about 19 s for the 2021
conference), so each scenario runs once per session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE = ROOT / "schedules" / "2021-industrial-complex-conference.toml"
SCENARIOS = ROOT / "tests" / "scenarios"

ORDER = [
    ("opening", None),
    ("welcome", None),
    ("congrats", "국토교통부"),
    ("congrats", "산업통상자원부"),
    ("policy", None),
    ("regions", "전남"),
    ("regions", "경북"),
    ("regions", "인천"),
    ("regions", "광주"),
    ("regions", "대구"),
    ("break1", None),
    ("kiet", None),
    ("kli", None),
    ("krihs", None),
    ("break2", None),
    ("panel", None),
    ("closing", None),
]


def launch(*extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "runshow", "rehearse", str(SCHEDULE), "--json", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def collect(proc: subprocess.Popen[str]) -> list[dict]:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def runs() -> dict[str, subprocess.Popen[str]]:
    """Both rehearsals start together: each mostly waits on the rehearsal clock."""
    procs = {"on_time": launch(), "overrun": launch("--scenario", str(SCENARIOS / "overrun.toml"))}
    yield procs
    for proc in procs.values():
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None and not stream.closed:
                stream.close()


@pytest.fixture(scope="module")
def on_time(runs) -> list[dict]:
    return collect(runs["on_time"])


@pytest.fixture(scope="module")
def overrun(runs) -> list[dict]:
    return collect(runs["overrun"])


def cues(events: list[dict]) -> list[tuple[str, str | None, str]]:
    return [(e["segment"], e["speaker"], e["t"]) for e in events if e["event"] == "cue"]


def alerts(events: list[dict]) -> list[tuple[str, str, str | None]]:
    return [(e["t"], e["rule"], e["segment"]) for e in events if e["event"] == "alert"]


def test_events_are_in_show_time_order(on_time):
    times = [e["t"] for e in on_time]
    assert times == sorted(times)
    assert on_time[0]["event"] == "pre-show"
    assert [e["event"] for e in on_time].count("ended") == 1


def test_on_time_rehearsal_walks_every_cue_on_plan(on_time, plan_2021):
    from runshow.live.cues import cues_of

    expected = [(c.segment.id, c.speaker.name if c.speaker else None) for c in cues_of(plan_2021)]
    assert expected == ORDER
    got = cues(on_time)
    assert [(s, k) for s, k, _ in got] == ORDER
    assert [t for _, _, t in got] == [
        f"{c.planned_start.astimezone(plan_2021.event.timezone):%H:%M:%S}" for c in cues_of(plan_2021)
    ]
    (end,) = [e for e in on_time if e["event"] == "ended"]
    assert end["t"] == "16:25:00" and end["drift_s"] == 0


def test_on_time_rehearsal_fires_the_break_and_wrap_up_alerts_once(on_time):
    fired = alerts(on_time)
    assert len(fired) == len(set(fired)), "an alert fired twice"
    planned = {(t, rule, seg) for t, rule, seg in fired}
    for expected in [
        ("13:25:00", "custom", None),
        ("14:48:00", "break_starting", "break1"),
        ("14:58:00", "break_ending", "break1"),
        ("15:28:00", "break_starting", "break2"),
        ("15:38:00", "break_ending", "break2"),
        ("16:15:00", "show_end_warning", None),
        ("14:08:00", "speaker_standby", "regions"),
        ("16:23:00", "wrapup_warning", "closing"),
        ("16:25:00", "show_end", None),
    ]:
        assert expected in planned, expected
    # Fired within a couple of show seconds of the planned instant (600x: 1 ms is 0.6 s).
    for e in on_time:
        if e["event"] == "alert":
            assert e["fired_at"] >= e["t"]


def test_overrun_scenario_shifts_cues_and_alerts_as_the_engine_says(overrun):
    got = {(s, k): t for s, k, t in cues(overrun)}
    assert got[("regions", "경북")] == "14:14:00"  # 전남 ran four minutes over
    assert got[("break1", None)] == "14:54:00"
    assert got[("kiet", None)] == "14:59:00"  # the break was cut to five minutes
    fired = set(alerts(overrun))
    assert ("14:22:00", "wrapup_warning", "regions") in fired  # 경북 started 14:14, ten minutes
    assert ("14:52:00", "break_starting", "break1") in fired  # 대구 on at 14:44 → break at 14:54
    assert not any(rule == "break_ending" and seg == "break1" for _, rule, seg in fired)  # cut short
    (end,) = [e for e in overrun if e["event"] == "ended"]
    assert end["t"] == "16:24:00" and end["drift_s"] == -60
    assert ("16:25:00", "show_end", None) in fired  # the stream's hard end still comes


def test_bad_scenario_is_refused_with_located_errors(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[step]]\nat = "13:30"\ndo = "jump"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "runshow", "rehearse", str(SCHEDULE), "--scenario", str(bad), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert f"{bad}:3" in done.stderr
    assert "Traceback" not in done.stderr
