"""The entry point of the one-folder build (``scripts/build_app.py``): the app, or its self-check.

    runshow                      open the bundled 2021 conference (like ``python main.py``)
    runshow SCHEDULE.toml [--lang en] [--fresh]
    runshow --self-check         build the windows, check the bundled font and translations, exit
    runshow --help
"""

from __future__ import annotations

import sys

USAGE = __doc__.split("\n\n", 1)[1] if __doc__ else ""


def main(argv: list[str]) -> int:
    args = argv[1:]
    if "--help" in args or "-h" in args:
        if sys.stdout is not None:  # a windowed build has no console
            print("usage:\n" + USAGE.rstrip())
        return 0
    if "--self-check" in args:
        from runshow.ui.selfcheck import main as self_check

        return self_check([a for a in args if a != "--self-check"])
    from runshow.ui.app import run_app

    schedule = args[0] if args and not args[0].startswith("-") else None
    return run_app(schedule, args[1:] if schedule else args)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
