"""What to do with a journal found on start: resume, ask, resume by segment id, or refuse.

The decision is pure (plan, journal contents, today's date from the Clock) so
it is tested without a window; :mod:`runshow.ui.recovery` only asks and tells.

- Same schedule, event today: resume at once (the operator is told).
- Same schedule, another day: ask (a rehearsal journal from yesterday must not
  silently take over today's show).
- Schedule changed: list what changed; resume by segment id when replaying the
  same actions on the new schedule provably lands on the same cues, otherwise
  refuse and say why.
- A journal with no readable header cannot say which schedule it belongs to:
  refuse (unless it holds no action at all, which is a crash during creation).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from runshow.live.actions import Action, ActionKind
from runshow.live.journal import (
    SUFFIX,
    JournalContents,
    JournalHeader,
    JournalProblem,
    archive,
    event_stem,
    journal_dir,
    journal_path,
)
from runshow.live.show import Show
from runshow.plan.model import Plan


class Verdict(enum.StrEnum):
    FRESH = "fresh"  # no journal: start a new one
    RESUME = "resume"  # same schedule, event today
    ASK = "ask"  # resumable, but not obviously this show: ask the operator
    RESUME_BY_ID = "resume-by-id"  # schedule changed, replay is safe
    REFUSE = "refuse"  # cannot resume safely; start clean, keep the old file


class ChangeKind(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"  # same id, new title
    RETIMED = "retimed"  # same id, new start or end
    SPEAKERS = "speakers"  # same id, different speakers
    MOVED = "moved"  # same id, another place in the order


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the schedule the journal saw and the one loaded now."""

    kind: ChangeKind
    segment_id: str
    old: str = ""
    new: str = ""

    def __str__(self) -> str:
        if self.kind is ChangeKind.ADDED:
            return f"segment {self.segment_id!r} was added ({self.new})"
        if self.kind is ChangeKind.REMOVED:
            return f"segment {self.segment_id!r} was removed ({self.old})"
        return f"segment {self.segment_id!r} {self.kind.value}: {self.old} → {self.new}"


# Why a journal is asked about or refused, as an English template with %1, %2 … so the
# Qt layer can show the same reason in the operator's language (runshow.ui.recovery).
REASONS: dict[str, str] = {
    "other-day": "the event is on %1 and today is %2",
    "other-day-changed": "the event is on %1 and today is %2; the schedule changed",
    "no-header-empty": "the journal has no readable header and no actions",
    "no-header": "the journal's first line is not a readable header, so it cannot say which schedule it belongs to",
    "other-event": "the journal belongs to another event (%1, %2)",
    "goto-missing": "the schedule changed: the journal jumps to segment %1, which the schedule no longer has",
    "no-longer-applies": "the schedule changed: the %1 action at %2 no longer applies to it",
    "follow-retimed": "the schedule changed: the show ran in follow mode and segment times changed, "
    "so the cues it followed may differ",
    "cue-differs": "the schedule changed: cue %1 was %2 and is now %3; the show already passed it, "
    "so its cues cannot be matched",
    "fewer-cues": "the schedule changed: it now has fewer cues than the show already reached",
    "last-cue-count": "the schedule changed: the show reached the last cue, and the number of cues changed",
    "changed": "the schedule changed",
}


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    args: tuple[str, ...] = ()

    def __str__(self) -> str:
        return fill(REASONS[self.code], self.args)


def fill(template: str, args: tuple[str, ...]) -> str:
    """Qt-style %1 … %n placeholders (highest first, so %1 never eats %10)."""
    for i in range(len(args), 0, -1):
        template = template.replace(f"%{i}", args[i - 1])
    return template


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    path: Path | None
    actions: list[Action] = field(default_factory=list)
    problems: list[JournalProblem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    why: Reason | None = None

    @property
    def reason(self) -> str:
        """The reason in English ("" when there is nothing to explain)."""
        return "" if self.why is None else str(self.why)


def today_of(plan: Plan, now: datetime) -> date:
    """The date at the venue: the only "today" that matters for an event."""
    return now.astimezone(plan.event.timezone).date()


def find_journal(plan: Plan, base: Path | None = None) -> Path | None:
    """This schedule's journal, else the newest journal of the same event under another schedule version."""
    exact = journal_path(plan, base)
    if exact.exists():
        return exact
    folder = journal_dir(base)
    if not folder.is_dir():
        return None
    stem = event_stem(plan)
    others = [
        p
        for p in folder.glob(f"{stem}-*{SUFFIX}")
        if ".archived-" not in p.name and p.name.removeprefix(stem + "-").count("-") == 0
    ]
    if not others:
        return None
    return max(others, key=lambda p: (p.stat().st_mtime_ns, p.name))


def changes_between(header: JournalHeader, plan: Plan) -> list[Change]:
    """What changed in the schedule since the journal was started, in the new plan's order."""
    old = {s.id: s for s in header.segments}
    new = {s.id: s for s in plan.segments}
    out: list[Change] = []
    for s in header.segments:
        if s.id not in new:
            out.append(Change(ChangeKind.REMOVED, s.id, old=s.title))
    old_order = [s.id for s in header.segments if s.id in new]
    new_order = [s.id for s in plan.segments if s.id in old]
    for seg in plan.segments:
        was = old.get(seg.id)
        if was is None:
            out.append(Change(ChangeKind.ADDED, seg.id, new=seg.title))
            continue
        if was.title != seg.title:
            out.append(Change(ChangeKind.RENAMED, seg.id, old=was.title, new=seg.title))
        if was.start != seg.start or was.end != seg.end:
            out.append(
                Change(
                    ChangeKind.RETIMED,
                    seg.id,
                    old=f"{was.start:%H:%M:%S}–{was.end:%H:%M:%S}",
                    new=f"{seg.start:%H:%M:%S}–{seg.end:%H:%M:%S}",
                )
            )
        names = tuple(sp.name for sp in seg.speakers)
        if was.speakers != names:
            out.append(Change(ChangeKind.SPEAKERS, seg.id, old=", ".join(was.speakers), new=", ".join(names)))
        if old_order.index(seg.id) != new_order.index(seg.id):
            out.append(
                Change(
                    ChangeKind.MOVED,
                    seg.id,
                    old=f"#{old_order.index(seg.id) + 1}",
                    new=f"#{new_order.index(seg.id) + 1}",
                )
            )
    return out


def _cue_keys_of_header(header: JournalHeader) -> list[tuple[str, int | None]]:
    keys: list[tuple[str, int | None]] = []
    for s in header.segments:
        keys.extend([(s.id, k) for k in range(len(s.speakers))] if s.speakers else [(s.id, None)])
    return keys


def _why_unsafe(header: JournalHeader, plan: Plan, actions: list[Action], changes: list[Change]) -> Reason | None:
    """Why replaying ``actions`` on the new plan might not land on the cues they landed on; None if safe.

    Cue moves are positional (next/previous) or by segment id (goto). Replay is the
    same on both schedules when every goto target still exists and the run of cues
    the show ever reached is identical (same segments, same speakers, same order).
    Follow mode reads the plan's times, so it is safe only if no segment was retimed.
    """
    new_ids = {s.id for s in plan.segments}
    for a in actions:
        if a.kind is ActionKind.GOTO and a.segment not in new_ids:
            return Reason("goto-missing", (repr(a.segment),))
    show = Show(plan, [])
    reach = -1
    for a in actions:
        if not show.apply(a, strict=False):
            return Reason("no-longer-applies", (a.kind.value, a.at.isoformat()))
        if show.progress.current is not None:
            reach = max(reach, show.progress.current)
        elif show.progress.ended_at is not None:
            reach = len(show.cues) - 1
    if any(a.kind is ActionKind.MODE for a in actions) and any(c.kind is ChangeKind.RETIMED for c in changes):
        return Reason("follow-retimed")
    old_keys = _cue_keys_of_header(header)
    new_keys = [(c.segment.id, c.speaker_index) for c in show.cues]
    if reach >= 0:
        if old_keys[: reach + 1] != new_keys[: reach + 1]:
            for i, (o, n) in enumerate(zip(old_keys[: reach + 1], new_keys[: reach + 1], strict=False)):
                if o != n:
                    return Reason("cue-differs", (str(i + 1), _key(o), _key(n)))
            return Reason("fewer-cues")
        if reach == len(new_keys) - 1 and len(old_keys) != len(new_keys):
            return Reason("last-cue-count")
    return None


def _key(key: tuple[str, int | None]) -> str:
    seg, sp = key
    return repr(seg) if sp is None else f"{seg!r} speaker {sp + 1}"


def decide(plan: Plan, contents: JournalContents | None, today: date) -> Decision:
    """The verdict for a journal found on start (``None``: there is none)."""
    if contents is None:
        return Decision(Verdict.FRESH, None)
    path, actions, problems = contents.path, contents.actions, contents.problems
    header = contents.header
    if header is None:
        if not actions:
            return Decision(Verdict.REFUSE, path, [], problems, why=Reason("no-header-empty"))
        return Decision(Verdict.REFUSE, path, actions, problems, why=Reason("no-header"))
    if header.event_title != plan.event.title or header.event_date != plan.event.date:
        return Decision(
            Verdict.REFUSE,
            path,
            actions,
            problems,
            why=Reason("other-event", (header.event_title, f"{header.event_date:%Y-%m-%d}")),
        )
    # Nothing to lose and nothing to mix up in a journal without actions: no question to ask.
    other_day = today != plan.event.date and bool(actions)
    days = (f"{plan.event.date:%Y-%m-%d}", f"{today:%Y-%m-%d}")
    if header.digest == plan.digest:
        if other_day:
            return Decision(Verdict.ASK, path, actions, problems, why=Reason("other-day", days))
        return Decision(Verdict.RESUME, path, actions, problems)
    changes = changes_between(header, plan)
    why = _why_unsafe(header, plan, actions, changes)
    if why is not None:
        return Decision(Verdict.REFUSE, path, actions, problems, changes, why=why)
    if other_day:
        return Decision(Verdict.ASK, path, actions, problems, changes, why=Reason("other-day-changed", days))
    return Decision(Verdict.RESUME_BY_ID, path, actions, problems, changes, why=Reason("changed"))


def start_clean(path: Path, now: datetime) -> Path:
    """Archive the old journal under a timestamped name (never deleted) so the next start is fresh."""
    return archive(path, now)
