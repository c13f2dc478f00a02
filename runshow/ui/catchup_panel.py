"""The catch-up panel: the overrun against the hard stop, what to trim, and one click to apply it.

Whenever the projected end passes the event's hard stop, the control room shows by how
much, the planner's proposal (:func:`runshow.live.catchup.plan_catch_up`: which
flexible segments, from → to, and the projected end after it) and 적용 / Apply. Apply
takes one ``batch`` amendment through the controller (one action, one undo reverts all
of it), recomputed at the instant of the click so it never applies a stale proposal.
When no proposal can make the hard stop, the panel says by how much it will be missed.

The panel re-reads every state but plans only when the state's epoch (the actions so
far) or its minute changes: a tick costs a tuple comparison.

:class:`StageCutCue` tells the MC when the segment on now was made shorter (by the
panel or by an edit): "1분 줄여 주세요" on the stage, through the stage content layer,
until the cue moves on, the change is undone, or a minute has passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from runshow.live.actions import Action, ActionKind
from runshow.live.catchup import CatchUp, catch_up_action, plan_catch_up
from runshow.live.state import ShowState, ceil_instant, ceil_seconds
from runshow.plan.model import Plan
from runshow.present import timefmt
from runshow.session.controller import ShowController

CUT_CUE_SECONDS = 60  # show seconds the MC's "please cut" stays up (the cue moving on clears it sooner)
PANEL_HEIGHT = 260  # px: the overrun, four trims, the end after it, the miss and the button
OVER_COLOUR = "#b91c1c"
OK_COLOUR = "#2e7d32"


def amount(seconds: int) -> str:
    """``6:12`` (minutes:seconds), ``1:02:00`` from an hour up."""
    s = abs(seconds)
    hours, rest = divmod(s, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _minutes(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}′" if secs == 0 else f"{minutes}′{secs:02d}″"


class CatchUpPanel(QFrame):
    """Shows the overrun and the proposal; 적용 applies it as one batch amendment."""

    statusMessage = Signal(str)
    applied = Signal(object)  # the CatchUp applied

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("catchUpPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedHeight(PANEL_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.trims = QLabel()
        self.trims.setWordWrap(True)
        self.trims.setTextFormat(Qt.TextFormat.PlainText)
        self.trims.setStyleSheet("font-size: 14px;")
        self.after = QLabel()
        self.after.setWordWrap(True)
        self.miss = QLabel()
        self.miss.setWordWrap(True)
        self.miss.setStyleSheet(f"color: {OVER_COLOUR}; font-weight: bold;")
        row = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setStyleSheet("font-weight: bold; padding: 4px 18px;")
        self.apply_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays "next"
        self.apply_button.clicked.connect(self.apply)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        for widget in (self.heading, self.trims, self.after, self.miss):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addStretch(1)  # the words stay at the top of the panel's fixed height
        self.proposal: CatchUp | None = None
        self.computed = 0  # how many times the planner ran (the cheapness test reads it)
        self._key: tuple[object, ...] | None = None
        controller.stateChanged.connect(self.update_state)
        controller.showReplaced.connect(self._forget)
        self.update_state(controller.state)

    # ── following the show ────────────────────────────────────────────────
    def _forget(self) -> None:
        self._key = None

    def update_state(self, state: ShowState) -> None:
        """Re-plan only when the actions or the minute changed; repaint only then."""
        show = state._show
        minute = state.at.replace(second=0, microsecond=0)
        key = (id(show), len(show.actions), minute, show.plan.event.hard_stop)
        if key == self._key:
            return
        self._key = key
        self.proposal = plan_catch_up(show, state.at)
        self.computed += 1
        self._render(self.proposal, state.plan)

    def _render(self, c: CatchUp, plan: Plan) -> None:
        zone = plan.event.timezone
        if c.hard_stop is None:
            self._set_active(False)
            return
        stop = timefmt.clock_hm(c.hard_stop, zone)
        end = timefmt.clock(ceil_instant(c.projected_end), zone)
        self._set_active(True)
        if not c.needed:
            self.heading.setText(
                self.tr("Hard stop %1: projected end %2, %3 to spare")
                .replace("%1", stop)
                .replace("%2", end)
                .replace("%3", amount(-c.over_s))
            )
            self.heading.setStyleSheet(f"color: {OK_COLOUR}; font-weight: bold; font-size: 15px;")
            for label in (self.trims, self.after, self.miss):
                label.hide()
            self.apply_button.hide()
            return
        self.heading.setText(
            self.tr("Over the hard stop %1 by %2: projected end %3")
            .replace("%1", stop)
            .replace("%2", amount(c.over_s))
            .replace("%3", end)
        )
        self.heading.setStyleSheet(f"color: {OVER_COLOUR}; font-weight: bold; font-size: 15px;")
        if c.trims:
            lines = [self.tr("Proposal — trim:")]
            for t in c.trims:
                seg = plan.segment(t.segment)
                when = timefmt.clock_hm(seg.start, zone)  # two breaks share a title: the time tells them apart
                lines.append(f"  {when} {seg.title}: {_minutes(t.from_s)} → {_minutes(t.to_s)}")
            self.trims.setText("\n".join(lines))
        else:
            self.trims.setText(self.tr("No segment still to come may shrink (none is flexible)."))
        self.trims.show()
        after = timefmt.clock(ceil_instant(c.projected_end_after), zone)
        self.after.setText(self.tr("Projected end after it: %1").replace("%1", after))
        self.after.setVisible(bool(c.trims))
        if not c.feasible:
            assert c.hard_stop is not None
            missed = ceil_seconds(c.projected_end_after - c.hard_stop)
            self.miss.setText(
                self.tr("The hard stop cannot be made: it will be missed by %1").replace("%1", amount(missed))
            )
            self.miss.show()
        else:
            self.miss.hide()
        self.apply_button.setVisible(True)
        self.apply_button.setEnabled(bool(c.trims))

    @property
    def active(self) -> bool:
        """Whether the panel says anything (the event has a hard stop)."""
        return not self.heading.isHidden()

    def _set_active(self, on: bool) -> None:
        """Empty, frameless room when there is no hard stop: the panel itself never hides.

        Its height is fixed (:data:`PANEL_HEIGHT`), so what it says never changes the
        window's minimum size: on a platform that cannot take new size hints (offscreen),
        a change would warn, and on a desktop it would make the splitter jump.
        """
        if on == self.active:
            return
        self.setFrameShape(QFrame.Shape.StyledPanel if on else QFrame.Shape.NoFrame)
        self.heading.setVisible(on)
        if not on:
            for widget in (self.trims, self.after, self.miss, self.apply_button):
                widget.hide()

    # ── the one click ─────────────────────────────────────────────────────
    def apply(self) -> bool:
        """The proposal as it stands now, as one batch amendment (one undo reverts all of it)."""
        c = self.controller
        now = c.clock.now()
        last = c.show.progress.last_at
        if last is not None and now < last:
            now = last
        fresh = plan_catch_up(c.show, now)
        action = catch_up_action(fresh, now)
        if action is None:
            self.statusMessage.emit(self.tr("Nothing to trim"))
            return False
        if c.act(ActionKind.AMEND, amend=action.amend) is not None:
            return False  # the commands' status line says why
        self.statusMessage.emit(
            self.tr("Catch-up applied: %1 segment(s) shortened (Ctrl+Z undoes all of it)").replace(
                "%1", str(len(fresh.trims))
            )
        )
        self.applied.emit(fresh)
        return True


class CutView(Protocol):
    """What shows the MC's cut cue (a stage view)."""

    def set_cut(self, minutes: int | None) -> None: ...


class StageCutCue(QObject):
    """Tells the stage when the segment on now was made shorter: "N분 줄여 주세요".

    Listens to every applied action: an amendment that leaves the current segment
    shorter than it was shows the cut (in whole minutes, rounded up) on each stage
    view, until the cue moves to another segment, the amendment is undone, or
    :data:`CUT_CUE_SECONDS` of show time have passed.
    """

    changed = Signal(object)  # int minutes, or None

    def __init__(self, controller: ShowController, views: Iterable[CutView], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.views = list(views)
        self.minutes: int | None = None
        self._segment: str | None = None
        self._action: Action | None = None
        self._until: datetime | None = None
        self._actions_seen = 0
        controller.actionApplied.connect(self._on_action)
        controller.stateChanged.connect(self._on_state)
        controller.showReplaced.connect(self.clear)

    def _on_action(self, action: Action) -> None:
        if action.kind is not ActionKind.AMEND:
            return
        before = self.controller.state  # actionApplied comes before the new state
        if before.cue is None:
            return
        sid = before.cue.segment.id
        try:
            old = before.plan.segment(sid).duration
            new = self.controller.show.plan.segment(sid).duration
        except (KeyError, ValueError):
            return
        cut = ceil_seconds(old - new)
        if cut <= 0:
            return
        self._segment, self._action = sid, action
        self._until = action.at + timedelta(seconds=CUT_CUE_SECONDS)
        self._actions_seen = len(self.controller.show.actions)
        self._set(-(-cut // 60))

    def _on_state(self, state: ShowState) -> None:
        if self.minutes is None:
            return
        show = state._show
        moved_on = state.cue is None or state.cue.segment.id != self._segment
        if moved_on or (self._until is not None and state.at >= self._until):
            self.clear()
        elif len(show.actions) != self._actions_seen:
            self._actions_seen = len(show.actions)
            if not any(a is self._action for a in show.effective_actions):
                self.clear()  # undone

    def clear(self) -> None:
        self._segment = self._action = self._until = None
        self._set(None)

    def _set(self, minutes: int | None) -> None:
        if minutes == self.minutes:
            return
        self.minutes = minutes
        for view in self.views:
            view.set_cut(minutes)
        self.changed.emit(minutes)
