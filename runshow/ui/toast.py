"""Non-modal alert toasts for the control room that never take the keyboard.

The operator drives the show from the keyboard (Space = next). A toast that
took focus would swallow the next key press at the worst moment, so a toast
is a frameless window owned by the operator window (so the window manager
keeps it above its owner; a ``Tool`` window would be raised on every show,
which some platforms refuse with a warning) that declares ``WindowDoesNotAcceptFocus`` and is
shown with ``WA_ShowWithoutActivating``; it is never activated, never modal.
Toasts stack upwards from the bottom-right corner of the operator window —
above any widget they must keep clear of (:meth:`ToastStack.keep_clear_of`:
the alert log, whose newest row's acknowledge box sits in that corner) — and
each hides itself after a while (a plain single-shot QTimer: how long a
message stays on screen is presentation, not show timing). A click dismisses
one early.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMainWindow, QVBoxLayout, QWidget

from runshow.session.timers import Timer

TOAST_MS = 10_000
MAX_TOASTS = 4
MARGIN = 16
WIDTH = 420

_STYLE = {  # level: (background, text, border)
    "info": ("#1f2a36", "#f2f2f2", "#4a90d9"),
    "warning": ("#3a2f12", "#fff3d0", "#f0b429"),
    "danger": ("#3d1414", "#ffe0e0", "#e5484d"),
}


class Toast(QFrame):
    """One message; hides itself after ``lifetime_ms`` or when clicked."""

    dismissed = Signal(object)  # Toast

    def __init__(self, text: str, level: str, lifetime_ms: int, parent: QWidget) -> None:
        super().__init__(
            parent,
            Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("alertToast")
        back, text_colour, border = _STYLE.get(level, _STYLE["info"])
        self.setStyleSheet(
            f"QFrame#alertToast {{ background:{back}; border:2px solid {border}; border-radius:6px; }}"
            f"QFrame#alertToast QLabel {{ color:{text_colour}; background:transparent; border:none; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = self.label.font()
        font.setPixelSize(18)
        self.label.setFont(font)
        layout.addWidget(self.label)
        self.label.setFixedWidth(WIDTH - 28)  # sizes the toast without a top-level size constraint
        self.level = level
        self.expiry = Timer(self, "toast expiry")
        self.expiry.setSingleShot(True)
        self.expiry.setInterval(lifetime_ms)
        self.expiry.timeout.connect(self.dismiss)

    @property
    def text(self) -> str:
        return self.label.text()

    def popup(self) -> None:
        self.adjustSize()
        self.show()
        self.expiry.start()

    def dismiss(self) -> None:
        self.expiry.stop()
        self.hide()
        self.dismissed.emit(self)
        self.close()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.dismiss()
        event.accept()


class ToastStack(QObject):
    """Shows toasts over ``anchor`` (the operator window), newest at the bottom, at most a few."""

    def __init__(self, anchor: QWidget, lifetime_ms: int = TOAST_MS, max_toasts: int = MAX_TOASTS) -> None:
        super().__init__(anchor)
        self._anchor = anchor
        self._lifetime = lifetime_ms
        self._max = max_toasts
        self._toasts: list[Toast] = []
        self._clear_of: list[QWidget] = []

    def keep_clear_of(self, widget: QWidget) -> None:
        """Never cover ``widget`` (a dock with controls): toasts stack above it while it is shown."""
        self._clear_of.append(widget)
        self._layout()

    @property
    def anchor(self) -> QWidget:
        return self._anchor

    @property
    def toasts(self) -> list[Toast]:
        return list(self._toasts)

    def show_text(self, text: str, level: str = "info") -> Toast:
        toast = Toast(text, level, self._lifetime, self._anchor)
        toast.dismissed.connect(self._forget)
        self._toasts.append(toast)
        while len(self._toasts) > self._max:
            self._toasts[0].dismiss()  # the oldest makes room; it is in the alert log anyway
        toast.popup()
        self._layout()
        return toast

    def clear(self) -> None:
        for toast in list(self._toasts):
            toast.dismiss()

    def _forget(self, toast: Toast) -> None:
        if toast in self._toasts:
            self._toasts.remove(toast)
            self._layout()

    def _layout(self) -> None:
        area = self._anchor.geometry() if self._anchor.isWindow() else self._anchor.window().geometry()
        bottom = area.bottom() - MARGIN
        right = area.right() - MARGIN
        docks = self._anchor.findChildren(QDockWidget) if isinstance(self._anchor, QMainWindow) else []
        for widget in [*self._clear_of, *docks]:  # the alert log, the rehearsal controls: controls
            if widget.isVisible() and not widget.isWindow():
                top_left = widget.mapToGlobal(QPoint(0, 0))
                rect = QRect(top_left, widget.size())
                if rect.left() < right and rect.right() > right - WIDTH and rect.top() - MARGIN < bottom:
                    bottom = rect.top() - MARGIN  # stack above it
        for toast in reversed(self._toasts):
            size = toast.sizeHint()
            toast.resize(WIDTH, size.height())
            toast.move(QPoint(right - WIDTH, bottom - size.height()))
            bottom -= size.height() + MARGIN // 2
