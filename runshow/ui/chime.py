"""The alert chime, played without QtMultimedia.

runshow depends on PySide6-Essentials, which has no QtMultimedia; adding
PySide6-Addons for one ``QSoundEffect`` would pull in well over 100 MB, and on a
machine without an audio device (CI, the offscreen platform) QtMultimedia logs
Qt warnings, which the strict test suite turns into failures. So the chime is
handed to the platform's own, always-present player, fire and forget:

- Windows: ``winsound.PlaySound`` (standard library) with ``SND_ASYNC``;
- macOS: ``afplay``;
- Linux: the first of ``pw-play`` (PipeWire), ``paplay`` (PulseAudio), ``aplay`` (ALSA).

The player is started detached (``QProcess.startDetached``) so a slow or
missing sound server can never block the GUI thread or leave a child to reap.
With no player at all the chime falls back to ``QApplication.beep()`` and says
so once in the log.

Everything that plays goes through the small :class:`Chime` protocol so tests
inject a fake and count plays.
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

from runshow.resources import chime_wav

log = logging.getLogger(__name__)

CHIME_WAV = chime_wav()
LINUX_PLAYERS = ("pw-play", "paplay", "aplay")


class Chime(Protocol):
    """Something that can make the alert sound."""

    def play(self) -> None: ...


def find_player(platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which) -> list[str] | None:
    """The command (without the file) that plays a WAV here, or None."""
    if platform == "darwin":
        found = which("afplay")
        return [found] if found else None
    for name in LINUX_PLAYERS:
        found = which(name)
        if found:
            return [found, "-q"] if name == "aplay" else [found]
    return None


class SystemChime:
    """Plays ``chime.wav`` through the platform's player; never blocks, never raises."""

    def __init__(self, path: Path = CHIME_WAV, player: list[str] | None = None) -> None:
        self._path = path
        self._player = player if player is not None else (None if sys.platform == "win32" else find_player())
        self._warned = False
        self.plays = 0

    def play(self) -> None:
        self.plays += 1
        try:
            if sys.platform == "win32" and not self._player:
                import winsound  # Windows only

                winsound.PlaySound(str(self._path), winsound.SND_FILENAME | winsound.SND_ASYNC)
                return
            if self._player and self._path.exists():
                ok, _pid = QProcess.startDetached(self._player[0], [*self._player[1:], str(self._path)])
                if ok:
                    return
        except (OSError, RuntimeError) as exc:
            log.info("chime player failed: %s", exc)
        if not self._warned:
            self._warned = True
            log.info("no sound player found for %s; using the system beep", self._path.name)
        QApplication.beep()
