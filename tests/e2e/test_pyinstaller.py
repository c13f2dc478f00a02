"""The control-room build: PyInstaller's one-folder app, built and launched offscreen.

``--runslow`` only (the build takes ~20–60 s and writes ~200 MB); ``.ci/run`` runs it as its
own step. The built ``runshow --self-check`` must find the bundled font, the translations,
the chime and the 2021 schedule inside its own folder, never in the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.gui]  # Qt runs in the built app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import PyInstaller  # noqa: F401  (in the test extra: a missing build tool fails, it is not skipped)

    base = tmp_path_factory.mktemp("pyinstaller")
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_app.py"), "--dist", str(base / "dist"), "--work",
         str(base / "work"), "--console"],
        cwd=base, capture_output=True, text=True, timeout=900, check=False,
    )
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-4000:]
    return base / "dist" / "runshow"


def _exe(app_dir: Path) -> str:
    return str(app_dir / ("runshow.exe" if sys.platform == "win32" else "runshow"))


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_the_built_app_answers_help(app_dir: Path, tmp_path: Path) -> None:
    out = subprocess.run([_exe(app_dir), "--help"], cwd=tmp_path, env=_env(), capture_output=True, text=True,
                         timeout=60, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "--self-check" in out.stdout


def test_the_built_app_builds_its_windows_with_the_bundled_font(app_dir: Path, tmp_path: Path) -> None:
    out = subprocess.run([_exe(app_dir), "--self-check"], cwd=tmp_path, env=_env(), capture_output=True,
                         text=True, timeout=120, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stdout + out.stderr
    report = json.loads(lines[-1])
    assert Path(report["font_dir"]).resolve().is_relative_to(app_dir.resolve()), report["font_dir"]
    assert Path(report["schedule"]).resolve().is_relative_to(app_dir.resolve()), report["schedule"]
    assert report["display_font"] == "Pretendard" and report["hangul_missing"] == []
    assert report["translations_loaded"] == len(report["translations_shipped"]) > 0
    assert report["operator_title"].startswith("runshow — 진행 본부")
    from runshow.plan.sources.toml import fast_loads

    assert report["fast_toml"] == (fast_loads() is not None), "the build left out the compiled TOML reader"
    assert report["ok"] and out.returncode == 0, out.stdout + out.stderr
