"""The files runshow ships inside its package, found through :mod:`importlib.resources`.

They used to sit in ``resources/`` at the repository root, reached through
``Path(__file__).parents[2]``: that worked from a checkout, but a built wheel held
no font, no translation and no chime, so an installed runshow drew Hangul as boxes.
Everything the app reads at run time now lives under this package and is declared
as package data in ``pyproject.toml``; the packaging tests build the wheel, install
it without ``-e`` and check these files are found there.

- ``fonts/``: Pretendard Regular, SemiBold, Bold (OFL, ``Pretendard-LICENSE.txt``);
- ``i18n/``: the Korean ``*_ko.ts`` sources and their compiled ``*_ko.qm``;
- ``sounds/``: ``chime.wav`` (and the script that synthesises it);
- ``schedules/``: a copy of the bundled schedule(s) from the repository's
  ``schedules/`` (kept byte-identical by a test), so an installed runshow can open
  the 2021 conference.

No Qt here: the pure layers (the translator that reads the ``.ts`` files) use it too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SCHEDULE_2021 = "2021-industrial-complex-conference.toml"


def resource_path(*parts: str) -> Path:
    """The path on disk of a shipped file or folder, e.g. ``resource_path("fonts")``.

    Qt's loaders take file names, so the package must be installed as files (a
    normal install, an editable one and PyInstaller's one-folder build all are);
    a zipped install is refused with a clear error rather than a missing font.
    """
    found = files(__name__)
    for part in parts:
        found = found.joinpath(part)
    if not isinstance(found, Path):
        raise RuntimeError(f"runshow's resources are not files on disk ({found!r}); install runshow unzipped")
    return found


def fonts_dir() -> Path:
    """The folder of the bundled Pretendard font files."""
    return resource_path("fonts")


def i18n_dir() -> Path:
    """The folder of the ``*_ko.ts`` translation sources and compiled ``*_ko.qm`` files."""
    return resource_path("i18n")


def chime_wav() -> Path:
    """The alert chime."""
    return resource_path("sounds", "chime.wav")


def schedules_dir() -> Path:
    """The folder of the schedules shipped with the package."""
    return resource_path("schedules")


def bundled_schedule(name: str = SCHEDULE_2021) -> Path:
    """A schedule shipped with the package (default: the 2021 conference)."""
    return resource_path("schedules", name)
