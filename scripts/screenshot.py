"""Screenshots of the real windows, mid-show, for docs/ and for looking at.

Opens the app as ``main.py`` builds it (same fonts, translations, windows) on a
frozen :class:`ManualClock` with the operator's actions already applied, so
경북 is presenting and the show runs two minutes late. Under Xvfb the operator
window fills the left 1920×1080 of a 3840×1080 screen and the stage window the
right half; ImageMagick's ``import -window root`` grabs the screen and each
half is cropped out.

    .venv/bin/python scripts/screenshot.py --only operator # starts its own Xvfb
    .venv/bin/python scripts/screenshot.py --only operator --lang en --out-dir /tmp

Needs Debian's ``xvfb`` and ``imagemagick``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, tzinfo
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 1920, 1080

# The show starts at 13:32 and every cue keeps its length: 경북 takes the stage at 14:12.
LATE_STEPS = [
    ("13:32:00", "start"),
    ("13:37:00", "next"),
    ("13:42:00", "next"),
    ("13:47:00", "next"),
    ("13:52:00", "next"),
    ("14:02:00", "next"),
    ("14:12:00", "next"),
]
DEFAULT_AT = "14:16:30"  # 경북 has 5:30 left; the show is two minutes behind


def start_xvfb() -> subprocess.Popen[bytes]:
    """Our own X server on a free display (``-displayfd``), so parallel runs never collide."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{2 * WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_fd,),
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    os.environ["DISPLAY"] = f":{number}"
    return xvfb


def instant(zone: tzinfo, hms: str) -> datetime:
    """``HH:MM:SS`` on the 2021 conference's date, in the event's zone."""
    t = clock_time.fromisoformat(hms)
    return datetime(2021, 10, 15, t.hour, t.minute, t.second, tzinfo=zone)


def grab_operator(out: Path) -> None:
    """Grab the root window and crop the operator's half (the left 1920×1080) into ``out``."""
    whole = Path(tempfile.mkdtemp()) / "screen.png"
    subprocess.run(["import", "-window", "root", str(whole)], check=True)
    subprocess.run(["convert", str(whole), "-crop", f"{WIDTH}x{HEIGHT}+0+0", "+repage", str(out)], check=True)
    print(out)


def capture(out_dir: Path, only: str) -> list[Path]:
    """Grab the root window and crop each half into its own file."""
    whole = Path(tempfile.mkdtemp()) / "screen.png"
    subprocess.run(["import", "-window", "root", str(whole)], check=True)
    targets = {"operator": 0, "stage": WIDTH}
    written = []
    for name, x in targets.items():
        if only not in ("both", name):
            continue
        out = out_dir / f"{name}.png"
        subprocess.run(["convert", str(whole), "-crop", f"{WIDTH}x{HEIGHT}+{x}+0", "+repage", str(out)], check=True)
        written.append(out)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", default=DEFAULT_AT, help="show time HH:MM:SS (default %(default)s)")
    parser.add_argument("--lang", default="ko", help="ko (default) or en")
    parser.add_argument("--only", choices=("both", "operator", "stage"), default="both")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "docs")
    parser.add_argument("--settle-ms", type=int, default=1500, help="paint time before the grab")
    args = parser.parse_args()

    for tool in ("Xvfb", "import", "convert"):
        if shutil.which(tool) is None:
            print(f"screenshot: {tool} not found (apt-get install xvfb imagemagick)", file=sys.stderr)
            return 1
    xvfb = start_xvfb()
    try:
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication

        from runshow.live.actions import Action, ActionKind
        from runshow.live.clock import ManualClock
        from runshow.plan import load_plan
        from runshow.ui.app import DEFAULT_SCHEDULE, build_app, install_translators
        from runshow.ui.fonts import load_fonts

        app = QApplication([sys.argv[0]])
        install_translators(app, args.lang)
        load_fonts()
        plan = load_plan(DEFAULT_SCHEDULE)
        zone = plan.event.timezone
        clock = ManualClock(instant(zone, args.at))
        actions = [Action(ActionKind(kind), instant(zone, at)) for at, kind in LATE_STEPS]
        actions = [a for a in actions if a.at <= clock.now()]
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
        windows = build_app(plan, clock, actions=actions, settings=settings)
        if windows.operator is not None:
            windows.operator.setGeometry(0, 0, WIDTH, HEIGHT)
            windows.operator.show()
        windows.stage.setGeometry(WIDTH, 0, WIDTH, HEIGHT)
        windows.stage.show()
        windows.controller.refresh()

        written: list[Path] = []

        def grab() -> None:
            args.out_dir.mkdir(parents=True, exist_ok=True)
            written.extend(capture(args.out_dir, args.only))
            app.quit()

        QTimer.singleShot(args.settle_ms, grab)
        app.exec()
        for path in written:
            print(path)
        return 0 if written else 1
    finally:
        xvfb.terminate()
        xvfb.wait(5)


if __name__ == "__main__":
    raise SystemExit(main())
