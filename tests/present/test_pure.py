"""``runshow.present`` loads no Qt: web views, reports and the CLI word the show without it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_present_imports_without_qt_or_apscheduler() -> None:
    probe = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import runshow.present
        names = [m.name for m in pkgutil.walk_packages(runshow.present.__path__, "runshow.present.")]
        for name in names:
            importlib.import_module(name)
        from runshow.present.translate import korean
        assert korean()("StageView", "Time left") != "Time left"
        banned = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "apscheduler"))
        print(len(names), banned)
        sys.exit(1 if banned else 0)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert int(out.stdout.split()[0]) >= 5
