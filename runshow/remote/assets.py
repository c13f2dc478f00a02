"""Where the server finds what it serves: its own static pages, the bundled font, the translations.

The package's resources are moving from the repository's ``resources/`` into
``runshow/resources/``; :func:`resources_dir` is the one place that knows both.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # runshow/
STATIC_DIR = Path(__file__).resolve().parent / "static"
WEB_I18N_DIR = Path(__file__).resolve().parent / "i18n"


def resources_dir() -> Path:
    """``runshow/resources`` if the package ships it, else the checkout's ``resources/``."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if (candidate / "fonts").is_dir():
            return candidate
    return _PACKAGE / "resources"


def font_files() -> dict[str, Path]:
    """The bundled Pretendard faces (and licence) by file name: the only fonts served."""
    fonts = resources_dir() / "fonts"
    if not fonts.is_dir():
        return {}
    return {p.name: p for p in sorted(fonts.iterdir()) if p.is_file() and p.name.startswith("Pretendard")}


def i18n_dirs() -> list[Path]:
    """Every folder of ``*_ko.ts`` files: the app's, then the web views' own."""
    return [d for d in (resources_dir() / "i18n", WEB_I18N_DIR) if d.is_dir()]


def static_files() -> dict[str, Path]:
    """The web views' files by name: a fixed table, so no request can name a path."""
    return {p.name: p for p in sorted(STATIC_DIR.iterdir()) if p.is_file() and not p.name.startswith(".")}
