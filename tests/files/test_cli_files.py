"""`runshow import / export / report` end to end in a subprocess: exit codes, files, located errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from runshow.live.journal import Journal
from runshow.live.scenario import load_scenario

from .test_report import SCENARIO

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE = ROOT / "schedules" / "2021-industrial-complex-conference.toml"
CUE_SHEET = Path(__file__).with_name("data") / "2021-conference-cue-sheet.xlsx"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RUNSHOW_DATA_DIR": str(cwd / "data")}
    return subprocess.run(
        [sys.executable, "-m", "runshow", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=60
    )


def test_import_writes_a_schedule_that_validates(tmp_path):
    out = tmp_path / "show.toml"
    r = run("import", str(CUE_SHEET), "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    v = run("validate", str(out), cwd=tmp_path)
    assert v.returncode == 0 and "순서 12개, 발표자 7명" in v.stdout  # Korean by default


def test_import_errors_are_located_never_a_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("행사 2024.05.01\n시간,내용\n10:00~10:1O,개회\n10:20~10:30,강연\n", encoding="utf-8")
    r = run("import", str(bad), cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.splitlines()[0].startswith(f"{bad}:A3: 시간: 시간을 읽을 수 없습니다")
    r = run("import", str(bad), "--lang", "en", cwd=tmp_path)
    assert r.stderr.splitlines()[0].startswith(f"{bad}:A3: time: cannot read a time")
    r = run("import", str(bad), "--map", "nonsense", cwd=tmp_path)
    assert r.returncode == 2 and "expected FIELD=HEADER" in r.stderr


def test_export_and_report_from_a_journal(tmp_path, plan_2021):
    journal = tmp_path / "show.jsonl"
    with Journal.create(journal, plan_2021) as j:
        j.extend(list(load_scenario(SCENARIO, plan_2021).actions))
    r = run("export", str(SCHEDULE), "--journal", str(journal), "-o", str(tmp_path / "s.xlsx"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run(
        "report",
        str(SCHEDULE),
        "--journal",
        str(journal),
        "--pdf",
        str(tmp_path / "r.pdf"),
        "--csv",
        str(tmp_path / "r.csv"),
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "r.pdf").read_bytes()[:4] == b"%PDF"
    assert "패널토론 및 질의응답" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    r = run("report", str(SCHEDULE), "--journal", str(tmp_path / "nope.jsonl"), "--csv", "x.csv", cwd=tmp_path)
    assert r.returncode == 2 and "no such journal" in r.stderr
