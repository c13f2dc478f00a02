"""``python -m runshow.ui.selfcheck``: build the real windows, check what was shipped, exit.

A smoke for the package as installed (a wheel without ``-e``, or the PyInstaller
one-folder build on the control-room PC): it opens the bundled 2021 schedule, loads
the bundled font and the Korean translations, builds the stage and the control room
exactly as the app does (no journal is opened and no setting is written: a check must
not touch the real show's files), shows them, lets Qt paint once, closes them and
prints one JSON object saying what it found. Exit 0 only when:

- the Pretendard family is registered from the package's own font files and Qt
  resolves the stage's display font to it, with glyphs for the Hangul the stage shows;
- every ``*_ko.qm`` in the package loaded (the control room says 리허설, not Rehearsal);
- the chime file and the bundled schedule are there.

Run it on the offscreen platform (``QT_QPA_PLATFORM=offscreen``) on a machine with no
display, or on the real one to see that Qt's platform plugin loads.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFontDatabase, QFontInfo, QRawFont
from PySide6.QtWidgets import QApplication

from runshow.live.clock import ManualClock
from runshow.plan import load_plan
from runshow.plan.sources.toml import fast_loads
from runshow.resources import bundled_schedule, chime_wav, fonts_dir, i18n_dir
from runshow.ui.app import build_app, install_translators
from runshow.ui.fonts import FAMILY, display_font, load_fonts, use_bundled_font

HANGUL = "전남경북인천광주대구리허설"
EXIT_FAILED = 1


def run_checks(app: QApplication, schedule: Path) -> dict[str, Any]:
    """Build, show and close the windows on ``app``; what was found, with ``ok``."""
    translators = install_translators(app, "ko")
    families = load_fonts()
    use_bundled_font(app)
    plan = load_plan(schedule)
    clock = ManualClock(plan.segments[0].start)
    with tempfile.TemporaryDirectory(prefix="runshow-selfcheck-") as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        windows = build_app(plan, clock, actions=[], journal=None, settings=settings)
        try:
            windows.stage.show()
            if windows.operator is not None:
                windows.operator.show()
            QCoreApplication.processEvents()
            stage_title = windows.stage.windowTitle()
            operator_title = windows.operator.windowTitle() if windows.operator is not None else ""
        finally:
            windows.close()
            if windows.operator is not None:
                windows.operator.close()
            windows.stage.close()
            QCoreApplication.processEvents()
        del settings
    font = display_font(120)
    raw = QRawFont.fromFont(font)
    missing = [ch for ch in HANGUL if not raw.supportsCharacter(ord(ch))]
    shipped_qm = sorted(p.name for p in i18n_dir().glob("*_ko.qm"))
    rehearsal = QCoreApplication.translate("RehearsalPanel", "Rehearsal")
    report: dict[str, Any] = {
        "font_dir": str(fonts_dir()),
        "families_loaded": families,
        "family_registered": FAMILY in QFontDatabase.families(),
        "display_font": QFontInfo(font).family(),
        "display_face": raw.familyName(),
        "hangul_missing": missing,
        "translations_shipped": shipped_qm,
        "translations_loaded": len(translators),
        "rehearsal_word": rehearsal,
        "chime": chime_wav().is_file(),
        "schedule": str(schedule),
        "segments": len(plan.segments),
        "stage_title": stage_title,
        "operator_title": operator_title,
        "platform": QApplication.platformName(),
        # the compiled TOML reader (runshow.plan.sources.toml): a build that left out its helper
        # module still reads schedules, with tomllib, slower
        "fast_toml": fast_loads() is not None,
    }
    for translator in translators:
        app.removeTranslator(translator)
    report["ok"] = bool(
        FAMILY in families
        and report["family_registered"]
        and report["display_font"] == FAMILY
        and report["display_face"] == FAMILY
        and not missing
        and shipped_qm
        and len(translators) == len(shipped_qm)
        and report["chime"]
        and report["segments"] > 0
    )
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Print the checks as one JSON line; 0 when all passed."""
    args = list(sys.argv[1:] if argv is None else argv)
    schedule = Path(args[0]) if args and not args[0].startswith("-") else bundled_schedule()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0] if sys.argv else "runshow"])
    report = run_checks(app, schedule)
    if sys.stdout is not None:  # a windowed build (Windows, macOS) has no console: the exit code says it
        print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0 if report["ok"] else EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
