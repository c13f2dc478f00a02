"""The package as shipped: build the wheel, install it without ``-e`` into a fresh venv, run it.

Installed from a checkout with ``-e`` everything is found through the source tree, which is
how the first wheel came to hold no font, no translation and no chime. So this builds the
wheel from a copy of what the wheel is made of (``pyproject.toml``, ``README.md``,
``runshow/``: nothing else of the checkout is reachable), installs it with pip into a new
venv, and runs the installed ``runshow`` from a folder outside the checkout:

- ``runshow validate`` and ``runshow rundown`` on the 2021 schedule shipped in the package;
- ``python -m runshow.ui.selfcheck`` offscreen: the real windows built from the installed
  package, the bundled Pretendard registered and resolved, every Korean .qm loaded.

The new venv gets the dependencies (PySide6, pydantic, …) from this one through a ``.pth``
line rather than a second download: a ``.pth`` line only adds a folder to ``sys.path``, it
does not run that folder's own ``.pth`` files, so this venv's editable hook for runshow stays
out and only the installed wheel provides ``runshow``.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from runshow.resources import SCHEDULE_2021

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = {
    "runshow/resources/fonts/Pretendard-Regular.otf",
    "runshow/resources/fonts/Pretendard-SemiBold.otf",
    "runshow/resources/fonts/Pretendard-Bold.otf",
    "runshow/resources/fonts/Pretendard-LICENSE.txt",
    "runshow/resources/sounds/chime.wav",
    f"runshow/resources/schedules/{SCHEDULE_2021}",
    "runshow/py.typed",
}


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 120) -> str:
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert out.returncode == 0, f"{cmd} exited {out.returncode}\n{out.stdout}\n{out.stderr}"
    return out.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    shutil.copy2(ROOT / "pyproject.toml", src)
    shutil.copy2(ROOT / "README.md", src)
    shutil.copytree(ROOT / "runshow", src / "runshow", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp_path_factory.mktemp("dist")
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(dist), str(src)],
        cwd=src,
    )
    (built,) = dist.glob("runshow-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed by pip (no ``-e``); the dependencies from this venv."""
    home = tmp_path_factory.mktemp("venv") / "v"
    _run([sys.executable, "-m", "venv", "--without-pip", str(home)], cwd=home.parent)
    python = home / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=home
    ).strip()
    ours = [p for p in [*site.getsitepackages(), sysconfig.get_paths()["purelib"]] if Path(p).is_dir()]
    Path(purelib, "zz_runshow_test_deps.pth").write_text("\n".join(dict.fromkeys(ours)) + "\n", encoding="utf-8")
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
         str(wheel)],
        cwd=home,
    )
    return home


def _bin(venv: Path, name: str) -> str:
    return str(venv / ("Scripts" if os.name == "nt" else "bin") / (name + (".exe" if os.name == "nt" else "")))


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def test_the_wheel_holds_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert names >= SHIPPED, sorted(SHIPPED - names)
    ts = {n for n in names if n.startswith("runshow/resources/i18n/") and n.endswith("_ko.ts")}
    qm = {n for n in names if n.startswith("runshow/resources/i18n/") and n.endswith("_ko.qm")}
    assert ts, "no translation source in the wheel"
    assert {n[:-3] for n in qm} == {n[:-3] for n in ts}, "every .ts ships with its compiled .qm"
    assert not any(n.startswith(("tests/", "schedules/", "resources/")) for n in names)


def test_the_installed_package_is_the_wheel_not_the_checkout(venv: Path, tmp_path: Path) -> None:
    probe = "import runshow, runshow.resources as r; print(runshow.__file__); print(r.bundled_schedule())"
    where, schedule = _run([_bin(venv, "python"), "-c", probe], cwd=tmp_path, env=_env()).split()
    assert Path(where).is_relative_to(venv), where
    assert Path(schedule).is_relative_to(venv) and Path(schedule).is_file(), schedule
    assert not Path(where).is_relative_to(ROOT)


def test_installed_runshow_validates_the_bundled_schedule(venv: Path, tmp_path: Path) -> None:
    schedule = _run(
        [_bin(venv, "python"), "-c", "from runshow.resources import bundled_schedule; print(bundled_schedule())"],
        cwd=tmp_path,
        env=_env(),
    ).strip()
    out = subprocess.run(
        [_bin(venv, "runshow"), "validate", schedule],
        cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=60, check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    rundown = _run([_bin(venv, "runshow"), "rundown", schedule], cwd=tmp_path, env=_env())
    assert "전남" in rundown and "대구" in rundown


@pytest.mark.gui  # Qt runs in the installed venv
def test_installed_app_launches_offscreen_with_the_bundled_font(venv: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [_bin(venv, "python"), "-m", "runshow.ui.selfcheck"],
        cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=120, check=False,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stdout + out.stderr
    report = json.loads(lines[-1])
    assert Path(report["font_dir"]).is_relative_to(venv), report["font_dir"]
    assert "Pretendard" in report["families_loaded"]
    assert report["family_registered"] and report["display_font"] == "Pretendard"
    assert report["hangul_missing"] == []
    assert report["translations_loaded"] == len(report["translations_shipped"]) > 0
    assert report["rehearsal_word"] == "리허설"
    assert report["ok"] and out.returncode == 0, out.stdout + out.stderr


def test_the_bundled_schedule_is_the_repository_schedule() -> None:
    """The package's copy (what an installed runshow opens) must not drift from schedules/."""
    from runshow.resources import bundled_schedule

    original = ROOT / "schedules" / SCHEDULE_2021
    assert bundled_schedule().read_bytes() == original.read_bytes(), (
        f"runshow/resources/schedules/{SCHEDULE_2021} differs from schedules/{SCHEDULE_2021}: copy it over"
    )
