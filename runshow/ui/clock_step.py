"""The system clock was stepped: the control room asks, and keeps show time until answered.

The live show runs on a :class:`~runshow.live.clock.TimelineClock`; the controller polls it at
every tick (:class:`~runshow.session.wall_clock.WallClockWatch`). A step larger than a second
becomes the clock's ``pending_step``; this bar says so under the header ("the system clock
jumped +1:00:00 at 14:05:12") and stays until the operator chooses:

- **Keep show time** (:meth:`TimelineClock.keep_show_time`): the show stays on its timeline;
- **Follow the new time** (:meth:`TimelineClock.accept_step`): show time jumps to the wall
  clock, the windows and the alerts re-plan at it.

Meanwhile nothing else changes: the stage keeps counting on show time and keys pressed are
stamped on the timeline. A wall that comes back by itself clears the bar. In rehearsal (its
own clock) the bar is hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from runshow.live.clock import ClockStep, TimelineClock
from runshow.session.controller import ShowController
from runshow.ui.operator import OperatorWindow


def step_text(step: ClockStep, controller: ShowController) -> str:
    """The bar's words, in the event's time zone."""
    p = step.params(controller.plan.event.timezone)
    return (
        QCoreApplication.translate(
            "ClockStep", "The system clock jumped %1 at %2 (it now reads %3). Show time is kept until you choose."
        )
        .replace("%1", p["size"])
        .replace("%2", p["at"])
        .replace("%3", p["wall"])
    )


class ClockStepBar(QFrame):
    """An amber bar with the pending clock step and its two choices."""

    decided = Signal(str)  # "keep" or "follow"

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("clockStepBar")
        self.setStyleSheet(
            "#clockStepBar { background: #b45309; }"
            "#clockStepBar QLabel { color: white; font-size: 15px; font-weight: bold; }"
            "#clockStepBar QPushButton { font-size: 14px; font-weight: bold; padding: 4px 12px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 8, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.keep_button = QPushButton(QCoreApplication.translate("ClockStep", "Keep show time"))
        self.follow_button = QPushButton(QCoreApplication.translate("ClockStep", "Follow the new time"))
        for button in (self.keep_button, self.follow_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays "next"
        layout.addWidget(self.label, 1)
        layout.addWidget(self.keep_button)
        layout.addWidget(self.follow_button)
        self.keep_button.clicked.connect(self.keep_show_time)
        self.follow_button.clicked.connect(self.follow_new_time)
        self.step: ClockStep | None = None
        self._clock: TimelineClock | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.hide()
        controller.showReplaced.connect(self._follow_clock)
        self._follow_clock()

    @property
    def text(self) -> str:
        return self.label.text()

    def _follow_clock(self) -> None:
        """Listen to the controller's clock when it is the live timeline (not a rehearsal's)."""
        clock = self._controller.clock
        if clock is self._clock:
            return
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._clock = clock if isinstance(clock, TimelineClock) else None
        if self._clock is not None:
            self._unsubscribe = self._clock.subscribe_step(self._on_step)
        self._on_step(self._clock.pending_step if self._clock is not None else None)

    def _on_step(self, step: ClockStep | None) -> None:
        self.step = step
        if step is None:
            self.label.clear()
            self.hide()
            return
        self.label.setText(step_text(step, self._controller))
        self.show()

    def keep_show_time(self) -> None:
        if self._clock is None or self._clock.pending_step is None:
            return
        self._clock.keep_show_time()  # tells the step listeners None: the bar hides
        self._controller.refresh()
        self.decided.emit("keep")

    def follow_new_time(self) -> None:
        if self._clock is None or self._clock.pending_step is None:
            return
        self._clock.accept_step()  # re-anchors; the clock's listeners (controller, alerts) re-plan
        self.decided.emit("follow")

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


def install_clock_step(controller: ShowController, operator: OperatorWindow) -> ClockStepBar:
    """The bar under the control room's header (above the rundown)."""
    bar = ClockStepBar(controller, parent=operator)
    operator.add_bar(bar)
    return bar
