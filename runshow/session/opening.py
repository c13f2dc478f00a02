"""Opening a show: the plan, its live journal and the recovery decision, without a dialog.

:func:`open_show` is what the app, the headless driver and (soon) the LAN
server all do at start: load the plan, find this show's journal, decide
(:func:`runshow.live.recovery.decide`) whether to resume, ask or start clean,
and hand back the journal to append to and the actions to replay. The one
question that needs a person ("a journal of another day was found: resume?")
goes through the ``ask`` callback; the windows answer it with a dialog
(``runshow/ui/recovery.py``), headless answers it itself. What happened is in
:class:`Opened` so each caller can say it in its own way.

Whatever happens to the journal, the show opens: if the journal cannot be
written (or another runshow holds it) the outcome says so and ``journal`` is
``None``.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from runshow.live.actions import Action
from runshow.live.clock import Clock
from runshow.live.journal import Journal, JournalBusyError, continue_journal, data_dir, journal_path, read_journal
from runshow.live.recovery import (
    Decision,
    Verdict,
    decide,
    journal_home,
    remember_continuation,
    resume_journal,
    start_clean,
    today_of,
)
from runshow.plan import load_plan
from runshow.plan.model import Plan
from runshow.session.controller import ShowController

log = logging.getLogger(__name__)


class Outcome(enum.StrEnum):
    NEW = "new"  # no journal of this show: a new one
    RESUMED = "resumed"  # replayed at once (the event's day, or nothing to lose)
    ASKED_RESUMED = "asked-resumed"  # asked, and the answer was resume
    ASKED_CLEAN = "asked-clean"  # asked, and the answer was start clean (old journal kept)
    REFUSED = "refused"  # not resumable (another event, an unsafe change): started clean, old one kept
    FRESH = "fresh"  # --fresh: started clean on request (old journal kept, if there was one)
    BUSY = "busy"  # another runshow holds this show's journal: no journal here
    UNWRITABLE = "unwritable"  # the journal cannot be written: no journal, the show still runs


Ask = Callable[[Decision], bool]  # True to resume


def _never(_decision: Decision) -> bool:
    return False


@dataclass
class Opened:
    """What :func:`open_show` found and did."""

    plan: Plan
    outcome: Outcome
    journal: Journal | None
    actions: list[Action] = field(default_factory=list)
    decision: Decision | None = None
    path: Path | None = None  # this show's journal file
    kept: Path | None = None  # where the previous journal was kept (archived), if it was set aside
    error: OSError | None = None

    @property
    def resumed(self) -> bool:
        return self.outcome in (Outcome.RESUMED, Outcome.ASKED_RESUMED)


def open_journal(
    plan: Plan,
    clock: Clock,
    *,
    fresh: bool = False,
    base: Path | None = None,
    ask: Ask = _never,
    elsewhere: Sequence[Path] = (),
) -> Opened:
    """This show's journal and the actions to replay; never raises on a bad or busy journal.

    ``elsewhere``: journals this show may have continued into (another folder, remembered by the
    app); the data folder's own note of it is read too (:func:`runshow.live.recovery.journal_home`).
    """
    try:
        return _open(plan, clock, fresh, base if base is not None else data_dir(), ask, elsewhere)
    except JournalBusyError as exc:
        log.error("journal busy: %s", exc)
        return Opened(plan, Outcome.BUSY, None, error=exc)
    except OSError as exc:
        log.exception("journal unavailable")
        return Opened(plan, Outcome.UNWRITABLE, None, error=exc)


def open_show(
    schedule: str | Path | Plan,
    clock: Clock,
    *,
    fresh: bool = False,
    base: Path | None = None,
    ask: Ask = _never,
    elsewhere: Sequence[Path] = (),
) -> Opened:
    """Load the plan (a :class:`~runshow.plan.ScheduleError` is the caller's to report) and open its journal."""
    plan = schedule if isinstance(schedule, Plan) else load_plan(schedule)
    return open_journal(plan, clock, fresh=fresh, base=base, ask=ask, elsewhere=elsewhere)


def _open(plan: Plan, clock: Clock, fresh: bool, base: Path, ask: Ask, elsewhere: Sequence[Path]) -> Opened:
    now = clock.now()
    # The event's journal: the data folder's, or the one the show continued into (another folder).
    exact, found = journal_home(plan, base, elsewhere)
    if exact != journal_path(plan, base):
        log.info("this show continued into %s", exact)
    if fresh:
        kept = start_clean(exact, now) if exact.exists() else None
        return Opened(plan, Outcome.FRESH, Journal.create(exact, plan, created=now), path=exact, kept=kept)
    contents = read_journal(found) if found is not None else None
    d = decide(plan, contents, today_of(plan, now))
    log.info("journal %s: %s %s", found, d.verdict.value, d.reason)
    if d.verdict is Verdict.FRESH:
        return Opened(plan, Outcome.NEW, Journal.create(exact, plan, created=now), decision=d, path=exact)
    if d.verdict is Verdict.ASK:
        if ask(d):
            return _resume(plan, d, exact, now, Outcome.ASKED_RESUMED)
        return _clean(plan, d, exact, now, Outcome.ASKED_CLEAN)
    if d.verdict in (Verdict.RESUME, Verdict.RESUME_BY_ID):
        return _resume(plan, d, exact, now, Outcome.RESUMED)
    return _clean(plan, d, exact, now, Outcome.REFUSED)


def _resume(plan: Plan, d: Decision, exact: Path, now: datetime, outcome: Outcome) -> Opened:
    assert d.path is not None
    # The event's own file is appended to; any other (an old name, a damaged preamble, mapped
    # segment ids) is carried into the event's journal and left untouched; a folder that cannot
    # be written gives a read-only journal that still replays (runshow.live.recovery).
    journal = resume_journal(plan, d, exact.parent.parent, now, target=exact)
    return Opened(plan, outcome, journal, list(d.actions), decision=d, path=exact)


def _clean(plan: Plan, d: Decision, exact: Path, now: datetime, outcome: Outcome) -> Opened:
    kept = d.path
    if d.path is not None and d.path == exact:
        kept = start_clean(exact, now)
    return Opened(plan, outcome, Journal.create(exact, plan, created=now), decision=d, path=exact, kept=kept)


@dataclass
class Continued:
    """What :func:`continue_elsewhere` did: the new journal, how many actions it carried, and
    whether the data folder could note where the show went (else only the caller remembers)."""

    journal: Journal
    carried: int
    came_from: Path | None
    noted: Path | None  # the data folder's note (runshow.live.recovery.remember_continuation), or None


def continue_elsewhere(controller: ShowController, folder: Path, *, base: Path | None = None) -> Continued:
    """Carry the live show into a journal under ``folder`` (the old one cannot be written).

    Every action of the show so far is copied into the new journal and fsynced, then the
    controller records into it; the old journal is closed (nothing more is ever written to it).
    The data folder notes where the show went, so the next start resumes from there
    (:func:`open_journal`). Raises ``OSError`` if ``folder`` cannot be written either; the
    controller then keeps its old journal.
    """
    old = controller.journal
    came_from = getattr(old, "path", None)
    journal = continue_journal(
        controller.plan, list(controller.show.actions), folder, came_from or "", created=controller.clock.now()
    )
    noted: Path | None
    try:
        noted = remember_continuation(controller.plan, journal.path, base)
    except OSError as exc:  # a read-only data folder: the app keeps the note in its settings too
        log.warning("could not note the continued journal in the data folder: %s", exc)
        noted = None
    controller.swap_journal(journal)
    close = getattr(old, "close", None)
    if callable(close):
        close()
    log.info("the show continues into %s (%d actions carried)", journal.path, journal.appended)
    return Continued(journal, journal.appended, came_from if isinstance(came_from, Path) else None, noted)
