"""Launch runshow: ``python main.py [SCHEDULE.toml]`` (default: the 2021 conference)."""

from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_SCHEDULE = Path(__file__).resolve().parent / "schedules" / "2021-industrial-complex-conference.toml"


def main(argv: list[str]) -> int:
    from runshow.ui.app import run_app

    schedule = argv[1] if len(argv) > 1 and not argv[1].startswith("-") else str(DEFAULT_SCHEDULE)
    return run_app(schedule, argv[2:] if len(argv) > 1 and not argv[1].startswith("-") else argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
