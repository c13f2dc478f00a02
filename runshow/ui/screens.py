"""Where the stage window lives: which display, full screen or not, and what to do when it goes.

The MC's monitor is usually the second display. The operator's choice is
remembered by the screen's *name* (QScreen objects die with their display, a
name survives a replug), and the stage follows the display if it is unplugged
mid-show: it moves to a remaining screen and keeps running. When the only
screen left is the operator's, the stage comes back as a normal window there
rather than covering the control room; when the chosen display returns, the
stage goes back to it, full screen.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSettings, Slot
from PySide6.QtGui import QActionGroup, QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget

log = logging.getLogger(__name__)

SETTINGS_KEY = "stage/screen"


def choose_stage_screen(screens: Sequence[QScreen], primary: QScreen | None, remembered: str | None) -> QScreen | None:
    """The remembered display if it is connected, else the first one that is not primary.

    ``None`` means there is only one display: the stage opens as a normal window.
    """
    if remembered:
        for screen in screens:
            if screen.name() == remembered:
                return screen
    for screen in screens:
        if screen is not primary:
            return screen
    return None


def default_settings() -> QSettings:
    return QSettings("runshow", "runshow")


class StagePlacement(QObject):
    """Puts a window on its display and keeps it on one when displays come and go."""

    def __init__(self, window: QWidget, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings if settings is not None else default_settings()
        self._screen_name: str | None = None  # where the window is meant to be, by name
        self._full_screen = False
        self._lost: str | None = None  # the display the stage had to leave, to return to
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._on_screen_removed)
            app.screenAdded.connect(self._on_screen_added)

    # ── choosing ──────────────────────────────────────────────────────────
    @property
    def remembered(self) -> str | None:
        value = self._settings.value(SETTINGS_KEY)
        return value if isinstance(value, str) and value else None

    @property
    def screen_name(self) -> str | None:
        return self._screen_name

    def place(self) -> None:
        """Open on the chosen display full screen, or as a normal window if there is only one."""
        screen = choose_stage_screen(QGuiApplication.screens(), QGuiApplication.primaryScreen(), self.remembered)
        if screen is None:
            self._show_windowed(QGuiApplication.primaryScreen())
        else:
            self._show_full_screen(screen)

    def move_to_screen(self, screen: QScreen, full_screen: bool = True) -> None:
        """The operator's choice: go there, and remember it for next time."""
        self._settings.setValue(SETTINGS_KEY, screen.name())
        self._settings.sync()
        if full_screen:
            self._show_full_screen(screen)
        else:
            self._show_windowed(screen)

    def next_screen(self) -> None:
        """Move to the following display (a key for the operator when the guess was wrong)."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return
        current = self._window.screen()
        i = screens.index(current) if current in screens else -1
        self.move_to_screen(screens[(i + 1) % len(screens)], full_screen=True)

    def toggle_full_screen(self) -> None:
        if self._window.isFullScreen():
            self.leave_full_screen()
        else:
            self._show_full_screen(self._window.screen())

    def leave_full_screen(self) -> None:
        self._show_windowed(self._window.screen())

    # ── placing ───────────────────────────────────────────────────────────
    def _attach(self, screen: QScreen | None) -> None:
        if screen is None:
            return
        if self._window.windowHandle() is None:
            self._window.create()
        handle = self._window.windowHandle()
        if handle is not None and handle.screen() is not screen:
            handle.setScreen(screen)
        self._screen_name = screen.name()

    def _show_full_screen(self, screen: QScreen | None) -> None:
        if screen is None:
            return
        if self._window.isFullScreen():
            self._window.showNormal()
        self._attach(screen)
        self._window.setGeometry(screen.geometry())
        self._window.showFullScreen()
        self._full_screen = True
        log.info("stage full screen on %s", screen.name())

    def _show_windowed(self, screen: QScreen | None) -> None:
        if self._window.isFullScreen():
            self._window.showNormal()
        if screen is not None:
            self._attach(screen)
            self._window.setGeometry(_centred(screen.availableGeometry(), 0.6))
        self._window.show()
        self._window.raise_()
        self._full_screen = False

    # ── displays coming and going ─────────────────────────────────────────
    @Slot(QScreen)
    def _on_screen_removed(self, removed: QScreen) -> None:
        """The stage's display is gone: move to one that is left, never vanish."""
        try:
            name = removed.name()
        except RuntimeError:  # already deleted on the C++ side
            name = None
        if name is not None and name != self._screen_name and self._window.screen() is not removed:
            return
        remaining = [s for s in QGuiApplication.screens() if s is not removed]
        was_full = self._full_screen
        self.rehome(remaining)
        if was_full and name is not None:
            self._lost = name

    def rehome(self, remaining: Sequence[QScreen]) -> None:
        """Put the window on one of ``remaining``: full screen on a spare display, else windowed."""
        if not remaining:
            log.warning("no display left for the stage window")
            return
        primary = QGuiApplication.primaryScreen()
        spare = [s for s in remaining if s is not primary]
        was_full = self._full_screen
        if spare:
            target = spare[0]
            if was_full:
                self._show_full_screen(target)
            else:
                self._show_windowed(target)
        else:
            # Only the operator's display is left: do not cover the control room.
            self._show_windowed(remaining[0])
        log.warning("stage display lost; stage moved to %s", self._screen_name)

    @Slot(QScreen)
    def _on_screen_added(self, screen: QScreen) -> None:
        """The chosen display is back: return to it, full screen."""
        name = screen.name()
        if name in (self.remembered, self._lost) and name != self._screen_name:
            self._lost = None
            self._show_full_screen(screen)


def screen_menu(placement: StagePlacement, parent: QWidget) -> QMenu:
    """ "Stage display ▸ <each connected display>": the operator's way to choose, rebuilt on open
    so a display plugged in a minute ago is listed."""
    menu = QMenu(QCoreApplication.translate("StagePlacement", "Stage display"), parent)

    def rebuild() -> None:
        menu.clear()
        group = QActionGroup(menu)
        current = placement.screen_name
        for screen in QGuiApplication.screens():
            g = screen.geometry()
            label = f"{screen.name()}  ({g.width()}×{g.height()})"
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(screen.name() == current)
            group.addAction(action)
            name = screen.name()
            action.triggered.connect(lambda _checked=False, name=name: _choose(placement, name))

    menu.aboutToShow.connect(rebuild)
    rebuild()
    return menu


def _choose(placement: StagePlacement, name: str) -> None:
    for screen in QGuiApplication.screens():  # look it up again: it may have gone since the menu opened
        if screen.name() == name:
            placement.move_to_screen(screen)
            return


def _centred(area: QRect, fraction: float) -> QRect:
    w, h = int(area.width() * fraction), int(area.height() * fraction)
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)
