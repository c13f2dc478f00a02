"""The reliability run of issue 12: every fault of its table, tried, with tries and failures printed.

    .venv/bin/python scripts/reliability.py            # the issue's numbers of tries
    .venv/bin/python scripts/reliability.py --quick    # a few of each
    .venv/bin/python scripts/reliability.py --no-mount # never try a real tmpfs
    .venv/bin/python scripts/reliability.py --kills 300 # more SIGKILLs of the headless app (default 80)

As root it also mounts a real 16 KiB tmpfs (disk full: filled with a file, then freed) and a
tmpfs remounted read-only (read-only disk); elsewhere those faults are injected at the system
call. The trials themselves are in ``tests/live/fault_trials.py`` (each row is a fast test too).
The kill row SIGKILLs the headless app (``python -m runshow.cli.headless``: ``open_show``, the
session controller, the real journal) in turn mid key burst, at start-up and idle
(``tests/e2e/kill_trials.py``; ``tests/e2e/test_kill.py`` runs 24, 300 with ``--runslow``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.kill_trials import kill_chain  # noqa: E402
from tests.live.fault_trials import ROWS, Row  # noqa: E402

TRIES = {
    "bit-flips": 60,
    "duplicated": 13,
    "swapped": 12,
    "read-only": 2,
    "disk-full": 1,
    "clock-steps": 30,
    "edited": 7,
    "second-copy": 1,
}


@contextlib.contextmanager
def tmpfs(size: str) -> Iterator[Path | None]:
    """A real tmpfs of ``size`` (root on Linux), else None."""
    if os.name != "posix" or os.geteuid() != 0:
        yield None
        return
    point = Path(tempfile.mkdtemp(prefix="runshow-tmpfs-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], capture_output=True)
    if done.returncode != 0:
        point.rmdir()
        yield None
        return
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], capture_output=True)
        point.rmdir()


def filler(mount: Path) -> Callable[[Path], Callable[[], None]]:
    def fill(folder: Path) -> Callable[[], None]:
        blob = mount / "filler.bin"
        with open(blob, "wb", buffering=0) as fh, contextlib.suppress(OSError):  # take every free byte
            while True:
                fh.write(b"\0" * 512)
        return lambda: blob.unlink()

    return fill


def remounter(mount: Path) -> Callable[[Path, bool], None]:
    def remount(folder: Path, read_only: bool) -> None:
        mode = "ro" if read_only else "rw"
        subprocess.run(["mount", "-o", f"remount,{mode}", str(mount)], check=True, capture_output=True)

    return remount


def kill_row(kills: int) -> Row:
    with tempfile.TemporaryDirectory(prefix="runshow-kills-") as tmp:
        report = kill_chain(Path(tmp), kills, seed=20211015)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    modes = " / ".join(f"{n} {m}" for m, n in report.by_mode.items())
    note = (
        f"{modes}; {report.acknowledged} acknowledged actions, none lost, in order; "
        f"{report.in_flight} kills left the one in flight; every restart resumed the same cue "
        f"(slowest {report.slowest_resume_s:.2f} s)"
    )
    return Row("SIGKILL of the app mid key burst, at start-up, idle", report.tries, report.failures, note)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-mount", action="store_true")
    parser.add_argument("--kills", type=int, default=80, help="SIGKILLs of the headless app (0: none)")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    for name, trial in ROWS.items():
        tries = min(TRIES[name], 3) if args.quick else TRIES[name]
        rows.append(trial(tries))
    if not args.no_mount:
        with tmpfs("16k") as small:
            if small is not None:
                row = ROWS["disk-full"](1, base=small, fill=filler(small))
                rows.append(Row(row.fault + " (real tmpfs)", row.tries, row.failures, row.note))
        with tmpfs("1m") as disk:
            if disk is not None:
                row = ROWS["read-only"](2, remount=remounter(disk), base=disk)
                rows.append(Row(row.fault + " (real tmpfs)", row.tries, row.failures, row.note))
    kills = min(args.kills, 6) if args.quick else args.kills
    if kills > 0 and os.name == "posix":
        rows.append(kill_row(kills))
    print(f"runshow reliability run — Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print()
    print("| fault | tries | failures | what happens |")
    print("| --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r.fault} | {r.tries} | {r.failures} | {r.note} |")
    return 1 if any(r.failures for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
