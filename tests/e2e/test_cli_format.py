"""The command line on real events (issue 14): the user's language, rooms, days, the 2025 example."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KAM = ROOT / "schedules" / "2025-kam-annual-conference.toml"
SCHEDULE = ROOT / "schedules" / "2021-industrial-complex-conference.toml"


def runshow(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "RUNSHOW_LANG")}
    return subprocess.run(
        [sys.executable, "-m", "runshow", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
        check=False,
        env={**base, **(env or {})},
    )


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.toml"
    path.write_text(SCHEDULE.read_text(encoding="utf-8").replace('kind = "panel"', 'kind = "debate"', 1), "utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "env", "korean"),
    [
        ((), {}, True),  # no locale at all: Korean
        (("--lang", "en"), {}, False),
        ((), {"LANG": "en_US.UTF-8"}, False),
        ((), {"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, True),  # LC_ALL wins
        (("--lang", "ko"), {"LANG": "en_US.UTF-8"}, True),
    ],
)
def test_validate_speaks_the_users_language(
    bad: Path, args: tuple[str, ...], env: dict[str, str], korean: bool
) -> None:
    out = runshow("validate", bad, *args, env=env)
    assert out.returncode == 2
    first, summary = out.stderr.splitlines()[0], out.stderr.splitlines()[-1]
    assert first.startswith(f"{bad}:") and "'debate'" in first
    if korean:
        assert "알 수 없는" in first or "종류" in first, first
        assert summary == f"{bad}: 문제 1건"
    else:
        assert "unknown kind" in first
        assert summary == f"1 problem(s) in {bad}"


def test_the_2025_example_validates_with_its_rooms() -> None:
    out = runshow("validate", KAM, "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert "2025-10-28 08:00 – 2025-10-31 11:15" in out.stdout
    assert "rooms: Workshop room 1, Workshop room 2 (running: Workshop room 1)" in out.stdout


def test_rundown_prints_days_and_rooms() -> None:
    one = runshow("rundown", KAM, "--lang", "en")
    assert one.returncode == 0, one.stderr
    assert "D2 09:55–10:45" in one.stdout and "Keynote Address" in one.stdout
    assert "Afternoon pre-conference workshop" not in one.stdout  # room 2's
    two = runshow("rundown", KAM, "--lang", "en", "--room", "Workshop room 2")
    assert "Afternoon pre-conference workshop" in two.stdout
    assert "Full-day pre-conference workshops" not in two.stdout
    every = runshow("rundown", KAM, "--lang", "en", "--all-rooms")
    assert "Afternoon pre-conference workshop" in every.stdout and "Full-day pre-conference workshops" in every.stdout
    assert every.stdout.splitlines()[1].split()[:3] == ["part", "time", "room"]
    nope = runshow("rundown", KAM, "--lang", "en", "--room", "Attic")
    assert nope.returncode == 2 and "no room 'Attic'" in nope.stderr


def test_simulate_takes_instants_with_their_day_and_warns_far_outside(tmp_path: Path) -> None:
    sc = tmp_path / "day2.toml"
    sc.write_text('[[step]]\nat = "D2 07:55"\ndo = "goto"\nsegment = "wed-breakfast"\n', encoding="utf-8")
    ids = runshow("rundown", KAM)  # make sure the id exists in the example
    assert ids.returncode == 0
    out = runshow("simulate", KAM, sc, "--at", "D2 08:10", "--at", "2025-11-05T10:00", "--json", "--lang", "en")
    assert out.returncode == 0, out.stderr
    first = json.loads(out.stdout.splitlines()[0])
    assert first["state"] == "running"
    assert "more than 12 hours after the event ends" in out.stderr


def test_a_scenario_step_on_an_earlier_time_hints_at_its_day(tmp_path: Path) -> None:
    sc = tmp_path / "wrap.toml"
    sc.write_text('[[step]]\nat = "18:00"\ndo = "start"\n[[step]]\nat = "07:04"\ndo = "next"\n', encoding="utf-8")
    out = runshow("simulate", KAM, sc, "--at", "D2 08:00", "--lang", "en")
    assert out.returncode == 2
    assert "D2 07:04" in out.stderr


def test_the_app_chooses_its_room_and_words_schedule_problems_in_korean(qapp, monkeypatch, bad: Path) -> None:
    from runshow.plan import ScheduleError, load_plan
    from runshow.ui import app as shell

    assert shell.split_room(["--room", "Workshop room 2", "--lang", "en"]) == ("Workshop room 2", ["--lang", "en"])
    assert shell.split_room(["--room=A"]) == ("A", [])
    plan = load_plan(KAM)
    assert shell.choose_room(plan, None, str(KAM)).room == "Workshop room 1"
    assert shell.choose_room(plan, "Workshop room 2", str(KAM)).room == "Workshop room 2"
    with pytest.raises(ScheduleError, match="no room 'Attic'"):
        shell.choose_room(plan, "Attic", str(KAM))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(shell.ErrorReport, "show", staticmethod(lambda title, text: shown.append((title, text))))
    assert shell.run_app(str(bad), []) == shell.EXIT_BAD_SCHEDULE
    ((_title, text),) = shown
    assert "'debate'" in text and "unknown kind" not in text  # the Korean wording, not the English
