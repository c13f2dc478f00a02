"""Opening the live journal at start: resume, ask, or start clean, and tell the operator.

The decision itself is pure (:mod:`runshow.live.recovery`); this module only
asks the question and shows the outcome. The dialogs sit behind replaceable
class methods of :class:`RecoveryDialogs` (pytest-qt's advice for modal
dialogs), so tests never block on a modal box.

Whatever happens to the journal, the show goes on: if the data directory cannot
be written, the operator is warned that actions will not survive a crash and
the app runs without a journal rather than refusing to open.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from runshow.live.actions import Action
from runshow.live.clock import Clock
from runshow.live.journal import Journal, JournalProblem
from runshow.live.recovery import (
    REASONS,
    Change,
    ChangeKind,
    Decision,
    fill,
)
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan.model import Plan
from runshow.session.opening import Opened, Outcome, open_journal

log = logging.getLogger(__name__)

FRESH_FLAG = "--fresh"
MAX_LISTED = 12  # problems or changes listed in a dialog; the rest are counted


def tr(text: str) -> str:
    """Translate at run time a text lupdate already saw (through ``QCoreApplication.translate``)."""
    return QCoreApplication.translate("Recovery", text)


class RecoveryDialogs:
    """The three things recovery may say; tests replace these class methods."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        """True to resume, False to start clean."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        resume = box.addButton(QCoreApplication.translate("Recovery", "Resume"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Recovery", "Start clean"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(resume)
        box.exec()
        return box.clickedButton() is resume

    @classmethod
    def inform(cls, parent: QWidget | None, title: str, text: str) -> None:
        """Non-modal: the show resumes at once, the box only says so."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.setModal(False)
        box.show()
        _keep.append(box)
        box.finished.connect(lambda _=0, b=box: _keep.remove(b) if b in _keep else None)

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
        box.setModal(False)
        box.show()
        _keep.append(box)
        box.finished.connect(lambda _=0, b=box: _keep.remove(b) if b in _keep else None)


_keep: list[QMessageBox] = []  # non-modal boxes without a parent live until closed


def show_pending(parent: QWidget) -> None:
    """Boxes shown before the windows existed (at start-up): parent them to the window and bring
    them in front of it, so "resumed from the journal" is not hidden behind the control room."""
    for box in list(_keep):
        if box.parentWidget() is None:
            box.setParent(parent, box.windowFlags() | Qt.WindowType.Dialog)
            box.show()
            box.raise_()


def split_fresh(args: Sequence[str]) -> tuple[bool, list[str]]:
    """``--fresh`` (start clean) out of the command line; the rest goes on to Qt."""
    rest = [a for a in args if a != FRESH_FLAG]
    return len(rest) != len(args), rest


# ── texts ─────────────────────────────────────────────────────────────────
def describe_change(change: Change) -> str:
    sid = change.segment_id
    texts = {
        ChangeKind.ADDED: QCoreApplication.translate("Recovery", "segment %1 was added (%2)").replace("%2", change.new),
        ChangeKind.REMOVED: QCoreApplication.translate("Recovery", "segment %1 was removed (%2)").replace(
            "%2", change.old
        ),
        ChangeKind.RENAMED: QCoreApplication.translate("Recovery", "segment %1 was renamed: %2 → %3"),
        ChangeKind.RETIMED: QCoreApplication.translate("Recovery", "segment %1 was retimed: %2 → %3"),
        ChangeKind.SPEAKERS: QCoreApplication.translate("Recovery", "segment %1 has other speakers: %2 → %3"),
        ChangeKind.MOVED: QCoreApplication.translate("Recovery", "segment %1 moved: %2 → %3"),
        ChangeKind.MAPPED: QCoreApplication.translate("Recovery", "segment %2 is now %1 (same place, title or times)"),
        ChangeKind.EVENT: QCoreApplication.translate("Recovery", "the event's title changed: %2 → %3"),
        ChangeKind.DETAILS: QCoreApplication.translate(
            "Recovery", "details changed that the journal does not keep (notes, owners, alerts …)"
        ),
    }
    return texts[change.kind].replace("%2", change.old).replace("%3", change.new).replace("%1", sid)


def _listed(lines: Sequence[str]) -> str:
    shown = [f"• {line}" for line in lines[:MAX_LISTED]]
    if len(lines) > MAX_LISTED:
        shown.append(
            QCoreApplication.translate("Recovery", "… and %1 more").replace("%1", str(len(lines) - MAX_LISTED))
        )
    return "\n".join(shown)


def _problems_text(problems: Sequence[JournalProblem]) -> str:
    if not problems:
        return ""
    head = QCoreApplication.translate(
        "Recovery", "%1 line(s) of the journal could not be used (every complete record was kept):"
    )
    return "\n\n" + head.replace("%1", str(len(problems))) + "\n" + _listed([str(p) for p in problems])


def _changes_text(changes: Sequence[Change]) -> str:
    if not changes:
        return ""
    return (
        "\n\n"
        + QCoreApplication.translate("Recovery", "The schedule changed since the journal was started:")
        + "\n"
        + _listed([describe_change(c) for c in changes])
    )


def resumed_text(plan: Plan, clock: Clock, actions: list[Action], path: Path) -> str:
    """'Resumed from journal: N actions, current cue X' — what the operator must see first."""
    state = state_at(Show(plan, actions), clock.now())
    cue = (
        state.cue.label
        if state.cue is not None
        else QCoreApplication.translate("Recovery", "none (%1)").replace("%1", state.status.value)
    )
    text = QCoreApplication.translate("Recovery", "Resumed from the journal: %1 actions, current cue %2.")
    return text.replace("%1", str(len(actions))).replace("%2", cue) + "\n" + str(path)


def reason_templates() -> dict[str, str]:
    """Every :data:`runshow.live.recovery.REASONS` code in the operator's language (lupdate sees each literal)."""
    return {
        "other-day": QCoreApplication.translate("Recovery", "the event is on %1 and today is %2"),
        "other-day-changed": QCoreApplication.translate(
            "Recovery", "the event is on %1 and today is %2; the schedule changed"
        ),
        "no-header-empty": QCoreApplication.translate("Recovery", "the journal has no readable header and no actions"),
        "no-header": QCoreApplication.translate(
            "Recovery",
            "the journal's first line is not a readable header, so it cannot say which schedule it belongs to",
        ),
        "other-event": QCoreApplication.translate("Recovery", "the journal belongs to another event (%1, %2)"),
        "goto-missing": QCoreApplication.translate(
            "Recovery", "the schedule changed: the journal jumps to segment %1, which the schedule no longer has"
        ),
        "no-longer-applies": QCoreApplication.translate(
            "Recovery", "the schedule changed: the %1 action at %2 no longer applies to it"
        ),
        "follow-retimed": QCoreApplication.translate(
            "Recovery",
            "the schedule changed: the show ran in follow mode and segment times changed, so the cues it followed may differ",  # noqa: E501 - one literal for lupdate
        ),
        "cue-differs": QCoreApplication.translate(
            "Recovery",
            "the schedule changed: cue %1 was %2 and is now %3; the show already passed it, so its cues cannot be matched",  # noqa: E501 - one literal for lupdate
        ),
        "fewer-cues": QCoreApplication.translate(
            "Recovery", "the schedule changed: it now has fewer cues than the show already reached"
        ),
        "last-cue-count": QCoreApplication.translate(
            "Recovery", "the schedule changed: the show reached the last cue, and the number of cues changed"
        ),
        "changed": QCoreApplication.translate("Recovery", "the schedule changed"),
        "rundown-lost": QCoreApplication.translate(
            "Recovery",
            "the schedule changed and the journal's copy of the old rundown is damaged, so it cannot be told whether the cues are the same",  # noqa: E501 - one literal for lupdate
        ),
    }


def reason_text(d: Decision) -> str:
    if d.why is None:
        return ""
    template = reason_templates().get(d.why.code, REASONS.get(d.why.code, d.why.code))
    return fill(template, d.why.args)


# ── the entry point ───────────────────────────────────────────────────────
def open_live_journal(
    plan: Plan,
    clock: Clock,
    parent: QWidget | None = None,
    *,
    fresh: bool = False,
    base: Path | None = None,
    elsewhere: Sequence[Path] = (),
) -> tuple[Journal | None, list[Action]]:
    """The journal to append to and the actions to replay; never raises on a bad journal.

    The decision is :func:`runshow.session.opening.open_journal`'s; this only asks
    its one question in a dialog and says what happened.
    ``fresh`` archives this schedule's journal (never deletes it) and starts a new one.
    Returns ``(None, [])`` only if the journal cannot be written at all (the operator is warned).
    ``elsewhere``: journals the show may have continued into (the app's settings remember them).
    """
    title = QCoreApplication.translate("Recovery", "runshow — journal")

    def ask(d: Decision) -> bool:
        question = QCoreApplication.translate("Recovery", "A journal of this show was found, but %1.").replace(
            "%1", reason_text(d)
        )
        question += QCoreApplication.translate(
            "Recovery", "\n\nResume it (%2 actions), or start clean (the old journal is kept)?"
        ).replace("%2", str(len(d.actions)))
        return RecoveryDialogs.ask(parent, title, question + _changes_text(d.changes) + _problems_text(d.problems))

    opened = open_journal(plan, clock, fresh=fresh, base=base, ask=ask, elsewhere=elsewhere)
    say_opened(opened, clock, parent, title)
    return opened.journal, opened.actions


def say_opened(opened: Opened, clock: Clock, parent: QWidget | None, title: str) -> None:
    """Tell the operator what opening the journal did (nothing, when there was nothing to say)."""
    d = opened.decision
    if opened.outcome is Outcome.BUSY:
        RecoveryDialogs.warn(
            parent,
            QCoreApplication.translate("Recovery", "runshow — no journal"),
            QCoreApplication.translate(
                "Recovery",
                "Another runshow is already running this show (%1). This window does not record its actions: close it and use the other one.",  # noqa: E501 - one literal for lupdate
            ).replace("%1", str(getattr(opened.error, "filename", ""))),
        )
    elif opened.outcome is Outcome.UNWRITABLE:
        RecoveryDialogs.warn(
            parent,
            QCoreApplication.translate("Recovery", "runshow — no journal"),
            QCoreApplication.translate(
                "Recovery",
                "The journal cannot be written (%1). The show runs, but its actions will not survive a crash.",
            ).replace("%1", str(opened.error)),
        )
    elif opened.outcome is Outcome.FRESH:
        if opened.kept is not None:
            RecoveryDialogs.inform(
                parent,
                title,
                QCoreApplication.translate("Recovery", "Started clean. The previous journal is kept as %1.").replace(
                    "%1", str(opened.kept)
                ),
            )
    elif opened.resumed and d is not None:
        if d.actions or d.problems or d.changes:  # an empty journal resumes silently
            assert opened.path is not None
            text = resumed_text(opened.plan, clock, d.actions, opened.path)
            RecoveryDialogs.inform(parent, title, text + _changes_text(d.changes) + _problems_text(d.problems))
    elif opened.outcome is Outcome.REFUSED and d is not None:
        text = QCoreApplication.translate("Recovery", "The journal was not resumed: %1.").replace("%1", reason_text(d))
        text += "\n" + QCoreApplication.translate(
            "Recovery", "Started clean. The previous journal is kept as %1."
        ).replace("%1", str(opened.kept))
        RecoveryDialogs.warn(parent, title, text + _changes_text(d.changes) + _problems_text(d.problems))
