"""Build runshow as a one-folder app with PyInstaller, for the control-room PC.

    .venv/bin/pip install -e '.[test]'        # PyInstaller comes with the test extra
    .venv/bin/python scripts/build_app.py     # → dist/runshow/runshow (runshow.exe on Windows)
    dist/runshow/runshow --self-check         # builds the windows, checks font + translations, exits 0

The folder ``dist/runshow/`` is the whole app: copy it to the PC and start ``runshow``
(``runshow.exe``; on macOS ``dist/runshow.app`` too). It holds Python, PySide6 and
runshow's resources (the Pretendard font, the Korean translations, the chime and the
2021 schedule), found at run time through ``importlib.resources`` as in a normal install.
PyInstaller builds for the OS it runs on: build on Windows for Windows, on macOS for macOS.

Options: ``--dist DIR`` / ``--work DIR`` (default ``dist/`` and ``build/pyinstaller/``),
``--console`` to keep a console window on Windows and macOS (the default there is
windowed; on Linux the build always has a console, so ``--self-check`` prints).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "scripts" / "runshow_app.py"
NAME = "runshow"
# Not used by the app; PyInstaller would otherwise follow them in through optional imports.
EXCLUDES = ("pytest", "hypothesis", "_pytest", "pytestqt", "importlinter", "mypy", "IPython", "tkinter")


def mypyc_helpers(package: str) -> list[str]:
    """The top-level helper module a mypyc-compiled package loads from its extensions (tomli's
    ``<hash>__mypyc``): PyInstaller cannot see an import made inside a compiled module."""
    before = set(sys.modules)
    try:
        importlib.import_module(package)
    except ImportError:
        return []
    return sorted(name for name in set(sys.modules) - before if name.endswith("__mypyc"))


def pyinstaller_args(dist: Path, work: Path, *, windowed: bool) -> list[str]:
    args = [
        str(ENTRY),
        "--name", NAME,
        "--onedir",
        "--noconfirm",
        "--clean",
        "--log-level", "WARN",
        "--distpath", str(dist),
        "--workpath", str(work),
        "--specpath", str(work),
        # The fonts, .ts/.qm, chime and schedule: runshow/resources/ as package data.
        "--collect-data", "runshow",
        # Modules the app imports lazily (inside functions) are found by the analysis; these
        # make sure every runshow module is in, whichever path a show takes.
        "--collect-submodules", "runshow",
        # APScheduler finds its triggers and executors through entry points.
        "--copy-metadata", "APScheduler",
        "--collect-data", "tzdata",
        "--paths", str(ROOT),
    ]
    for name in mypyc_helpers("tomli"):
        args += ["--hidden-import", name]
    for name in EXCLUDES:
        args += ["--exclude-module", name]
    args.append("--windowed" if windowed else "--console")
    return args


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build runshow as a one-folder app (PyInstaller).")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--console", action="store_true", help="keep a console window (Windows, macOS)")
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        print("PyInstaller is not installed: pip install -e '.[test]'", file=sys.stderr)
        return 2
    windowed = sys.platform in ("win32", "darwin") and not args.console
    pyinstaller.run(pyinstaller_args(args.dist, args.work, windowed=windowed))
    exe = args.dist / NAME / (NAME + (".exe" if sys.platform == "win32" else ""))
    print(f"built {exe}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
