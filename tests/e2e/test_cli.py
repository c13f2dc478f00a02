"""The command line, end to end: ``python -m runshow`` in a subprocess, as an operator runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE = ROOT / "schedules" / "2021-industrial-complex-conference.toml"
LATE = ROOT / "tests" / "scenarios" / "late.toml"
KEYS = [
    "at",
    "state",
    "segment",
    "speaker",
    "next_speaker",
    "next",
    "remaining_s",
    "countdown_to_next_s",
    "drift_s",
    "projected_end",
]


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


def test_validate_ok() -> None:
    out = runshow("validate", SCHEDULE, "--lang", "en")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 1
    assert "2021 산업단지 대개조 컨퍼런스" in lines[0] and "12 segments" in lines[0] and "3 parts" in lines[0]


def test_validate_reports_every_located_error_and_exits_2(tmp_path: Path) -> None:
    bad = SCHEDULE.read_text(encoding="utf-8")
    bad = bad.replace('length = "20m"', 'length = "25m"', 1)
    bad = bad.replace('end = "13:35"', 'end = "13:3x"', 1)
    bad = bad.replace('kind = "panel"', 'kind = "debate"', 1)
    path = tmp_path / "bad.toml"
    path.write_text(bad, encoding="utf-8")
    out = runshow("validate", path, "--lang", "en")
    assert out.returncode == 2
    assert out.stdout == ""
    errors = out.stderr.splitlines()
    located = [e for e in errors if e.startswith(f"{path}:")]
    assert len(located) == 2, errors  # the bad end stops part 1's sum, so its length is not second-guessed
    assert any(": part[1].segment[1].end: " in e for e in located)
    assert any(": part[3].segment[5].kind: " in e for e in located)
    assert errors[-1] == f"2 problem(s) in {path}"


def test_validate_non_utf8_and_empty(tmp_path: Path) -> None:
    euc = tmp_path / "euc.toml"
    euc.write_bytes(SCHEDULE.read_text(encoding="utf-8").encode("euc-kr", errors="replace"))
    out = runshow("validate", euc, "--lang", "en")
    assert out.returncode == 2 and "not UTF-8" in out.stderr
    empty = tmp_path / "empty.toml"
    empty.write_bytes(b"")
    out = runshow("validate", empty, "--lang", "en")
    assert out.returncode == 2 and "empty" in out.stderr
    out = runshow("validate", tmp_path / "missing.toml", "--lang", "en")
    assert out.returncode == 2 and "cannot read" in out.stderr


def test_rundown_lists_every_row() -> None:
    out = runshow("rundown", SCHEDULE)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    for needle in ("13:30–13:35", "16:20–16:25", "패널토론 및 질의응답", "전문가, 정부 관계자", "사전행사"):
        assert needle in text
    assert "전남 10m → 경북 10m → 인천 10m → 광주 10m → 대구 10m" in text
    assert "국토교통부 5m → 산업통상자원부 5m" in text
    assert len([line for line in text.splitlines() if "–" in line]) == 13  # header line + 12 rows


def test_simulate_json_one_object_per_at_in_order_with_exact_keys() -> None:
    out = runshow("simulate", SCHEDULE, LATE, "--at", "14:17:00", "--at", "13:20:00", "--at", "13:33:10", "--json")
    assert out.returncode == 0, out.stderr
    objs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [o["at"] for o in objs] == ["14:17:00", "13:20:00", "13:33:10"]
    for o in objs:
        assert o["version"] == 1
        assert [k for k in o if k in KEYS] == KEYS  # every key simulate always printed, in its old order
        for key in ("remaining_s", "countdown_to_next_s", "drift_s"):
            assert o[key] is None or type(o[key]) is int
    late, pre, opening = objs
    assert {k: pre[k] for k in KEYS} == {
        "at": "13:20:00",
        "state": "pre-show",
        "segment": None,
        "speaker": None,
        "next_speaker": None,
        "next": "개회 선언·국민의례·내빈소개",
        "remaining_s": None,
        "countdown_to_next_s": 600,
        "drift_s": 0,
        "projected_end": "16:25:00",
    }
    assert opening["state"] == "running" and opening["remaining_s"] == 230 and opening["drift_s"] == 120
    assert opening["projected_end"] == "16:27:00"
    assert late["speaker"] == "경북" and late["next_speaker"] == "인천" and late["next"] == "휴식"
    assert (late["remaining_s"], late["countdown_to_next_s"], late["drift_s"]) == (540, 2340, 360)
    assert late["projected_end"] == "16:31:00"


def test_simulate_follow_mode_and_ended(tmp_path: Path) -> None:
    sc = tmp_path / "follow.toml"
    sc.write_text('mode = "follow"\n', encoding="utf-8")
    out = runshow("simulate", SCHEDULE, sc, "--at", "14:50:30", "--at", "16:25:00", "--json")
    assert out.returncode == 0, out.stderr
    brk, ended = (json.loads(line) for line in out.stdout.splitlines())
    assert brk["state"] == "running" and brk["segment"] == "휴식" and brk["remaining_s"] == 570
    assert brk["speaker"] is None and brk["next"] == "일자리 중심의 산단대개조 모델 연구"
    assert {k: ended[k] for k in KEYS} == {
        "at": "16:25:00",
        "state": "ended",
        "segment": None,
        "speaker": None,
        "next_speaker": None,
        "next": None,
        "remaining_s": None,
        "countdown_to_next_s": None,
        "drift_s": 0,
        "projected_end": "16:25:00",
    }


def test_simulate_paused_state(tmp_path: Path) -> None:
    sc = tmp_path / "pause.toml"
    sc.write_text('[[step]]\nat = "13:30"\ndo = "start"\n[[step]]\nat = "13:31"\ndo = "pause"\n', encoding="utf-8")
    out = runshow("simulate", SCHEDULE, sc, "--at", "13:40:00", "--json")
    (o,) = (json.loads(line) for line in out.stdout.splitlines())
    assert o["state"] == "paused" and o["remaining_s"] == 240 and o["drift_s"] == 540


def test_simulate_bad_scenario_exits_2_with_located_errors(tmp_path: Path) -> None:
    sc = tmp_path / "bad.toml"
    sc.write_text('[[step]]\nat = "13:30"\ndo = "jump"\n[[step]]\nat = "9"\ndo = "next"\n', encoding="utf-8")
    out = runshow("simulate", SCHEDULE, sc, "--at", "13:40:00", "--json")
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.splitlines()
    assert lines[0].startswith(f"{sc}:3: step[1].do: ")
    assert lines[1].startswith(f"{sc}:5: step[2].at: ")


@pytest.mark.parametrize("bad_at", ["25:00:00", "noon"])
def test_simulate_bad_at(bad_at: str) -> None:
    out = runshow("simulate", SCHEDULE, LATE, "--at", bad_at, "--json")
    assert out.returncode == 2 and "--at #1" in out.stderr


def test_simulate_says_once_when_a_step_does_not_apply(tmp_path: Path) -> None:
    sc = tmp_path / "early.toml"
    sc.write_text('[[step]]\nat = "13:00"\ndo = "next"\n', encoding="utf-8")
    out = runshow("simulate", SCHEDULE, sc, "--at", "13:10", "--at", "13:20", "--json", "--lang", "en")
    assert out.returncode == 0
    assert out.stderr.count("ignored") == 1
    assert [json.loads(line)["state"] for line in out.stdout.splitlines()] == ["pre-show", "pre-show"]


def test_simulate_json_is_the_versioned_shape_in_the_chosen_language() -> None:
    """Beyond the old keys: the stage's own words, phase, speakers and the rundown, Korean or English."""
    ko_out = runshow("simulate", SCHEDULE, LATE, "--at", "14:17:00", "--json")
    en_out = runshow("simulate", SCHEDULE, LATE, "--at", "14:17:00", "--json", "--lang", "en")
    assert ko_out.returncode == 0 and en_out.returncode == 0, ko_out.stderr + en_out.stderr
    ko, en = json.loads(ko_out.stdout), json.loads(en_out.stdout)
    assert (ko["language"], en["language"]) == ("ko", "en")
    assert ko["stage"]["caption"] == "남은 시간" and en["stage"]["caption"] == "Time left"
    assert ko["stage"]["drift"] == "+6:00 늦음" and en["stage"]["drift"] == "+6:00 late"
    assert ko["phase"] == "normal" and ko["stage"]["countdown"] == "09:00"
    assert [s["name"] for s in ko["speakers"] if s["on"]] == ["경북"]
    assert [s["name"] for s in ko["speakers"] if s["next"]] == ["인천"]
    assert len(ko["rundown"]) == 12 and {k: v for k, v in ko.items() if k not in ("language", "stage")} == {
        k: v for k, v in en.items() if k not in ("language", "stage")
    }
