"""What to do with a journal found on start: resume, ask, resume by segment id, or refuse.

The decision is pure (plan, journal contents, today's date from the Clock) so
it is tested without a window; :mod:`runshow.ui.recovery` only asks and tells.

A journal belongs to the **event** (its stable id, :func:`runshow.live.journal.event_key`),
not to the schedule file's bytes:

- Same schedule, event today: resume at once (the operator is told).
- Same schedule, another day: ask (a rehearsal journal from yesterday must not
  silently take over today's show).
- Schedule changed (a title, a note, a time, even the event's title): list what
  changed; a segment whose id was renamed is matched by its place, title and
  times, and the journal's jumps follow it; resume by segment id when replaying
  the actions on the new schedule provably lands on the same cues, otherwise
  refuse and say why (e.g. a segment the show already passed was removed).
- A journal whose header is damaged still says whose it is through its copy or
  its rundown stamp; only when every copy is gone does it ask (resume on this
  schedule, or start clean), and it refuses only if the actions do not apply.
- Another event (another id written in the file, or another date): refuse.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from runshow.live.actions import Action, ActionKind
from runshow.live.journal import (
    SUFFIX,
    Journal,
    JournalContents,
    JournalHeader,
    JournalProblem,
    SegmentStamp,
    _fsync_dir,
    archive,
    data_dir,
    ensure_not_busy,
    event_key,
    event_stem,
    journal_dir,
    journal_name,
    journal_path,
    key_is_derived,
    legacy_journal_path,
    read_preamble,
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
    MAPPED = "mapped"  # a new id for an old segment (same place, title or times): segment_id is the new id
    EVENT = "event"  # the event's title changed (segment_id is "")
    DETAILS = "details"  # the file changed in nothing the journal keeps (notes, owners, alerts …)


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
        if self.kind is ChangeKind.MAPPED:
            return f"segment {self.old!r} is now {self.segment_id!r} (same place, title or times)"
        if self.kind is ChangeKind.EVENT:
            return f"the event's title changed: {self.old} → {self.new}"
        if self.kind is ChangeKind.DETAILS:
            return "details changed that the journal does not keep (notes, owners, alerts …)"
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
    "rundown-lost": "the schedule changed and the journal's copy of the old rundown is damaged, "
    "so it cannot be told whether the cues are the same",
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
    # old segment id → new id, already applied to ``actions`` (the jumps follow a renamed segment)
    mapped: dict[str, str] = field(default_factory=dict)
    # resume into a new journal (carrying the actions) rather than append to ``path``: the file is
    # under the version-1 name, another schedule version's, or its whole preamble is damaged
    carry: bool = False
    contents: JournalContents | None = None

    @property
    def reason(self) -> str:
        """The reason in English ("" when there is nothing to explain)."""
        return "" if self.why is None else str(self.why)


def today_of(plan: Plan, now: datetime) -> date:
    """The date at the venue: the only "today" that matters for an event."""
    return now.astimezone(plan.event.timezone).date()


_DERIVED = re.compile(r"^\d{8}-[0-9a-f]{12}$")


def _looks_derived(key: str) -> bool:
    return bool(_DERIVED.match(key))


def find_journal(plan: Plan, base: Path | None = None) -> Path | None:
    """The event's journal, found by the event, not by the schedule file's bytes.

    In order: the event's own file (:func:`journal_path`); a journal whose header or rundown
    stamp names the same event id; the journal a version-1 runshow kept for this schedule or
    event (named by date, title and digest); a journal of the same date whose id was derived
    (no id in the file) and that shares the title or most segment ids (a segment id was
    renamed, which changes a derived id). The newest file wins within a tier. Never raises.
    """
    exact = journal_path(plan, base)
    if exact.exists():
        return exact
    folder = journal_dir(base)
    try:
        files = [p for p in folder.glob(f"*{SUFFIX}") if ".archived-" not in p.name and p.is_file()]
    except OSError:
        return None
    if not files:
        return None
    key = event_key(plan)
    legacy = legacy_journal_path(plan, base)
    stem = event_stem(plan)
    ids = {s.id for s in plan.segments}
    tiers: dict[int, list[Path]] = {}
    for path in files:
        tier = _tier(path, plan, key, legacy, stem, ids)
        if tier is not None:
            tiers.setdefault(tier, []).append(path)
    if not tiers:
        return None
    best = tiers[min(tiers)]
    return max(best, key=_newest)


def _newest(path: Path) -> tuple[int, str]:
    try:
        return path.stat().st_mtime_ns, path.name
    except OSError:
        return 0, path.name


def _tier(path: Path, plan: Plan, key: str, legacy: Path, stem: str, ids: set[str]) -> int | None:
    head = read_preamble(path)
    if head.event_id and head.event_id == key:
        return 0
    if path.name == legacy.name:
        return 1
    rest = path.name.removeprefix(stem + "-").removesuffix(SUFFIX)
    if path.name.startswith(stem + "-") and re.fullmatch(r"[0-9a-f]+|nodigest", rest):
        return 2
    if head.event_id and not _looks_derived(head.event_id) and not key_is_derived(plan):
        return None  # another id written in another file: another event
    header = head.header
    if header is None or header.event_date != plan.event.date:
        return None
    if header.event_title == plan.event.title:
        return 3
    old = {s.id for s in header.segments}
    if old and len(old & ids) * 5 >= 3 * max(len(old), len(ids)):
        return 3
    return None


def match_segments(header: JournalHeader, plan: Plan) -> dict[str, str]:
    """Old segment ids the new plan no longer has → the new id of the same segment.

    A removed id and an added id are the same segment when they have the same title and
    times, or stand at the same place in the order with the same title or the same times.
    """
    new_ids = {s.id for s in plan.segments}
    old_ids = {s.id for s in header.segments}
    gone = [(i, s) for i, s in enumerate(header.segments) if s.id not in new_ids]
    fresh = [(i, s) for i, s in enumerate(plan.segments) if s.id not in old_ids]
    out: dict[str, str] = {}
    taken: set[str] = set()

    def same_times(a: SegmentStamp, b: object) -> bool:
        return (a.start, a.end) == (getattr(b, "start", None), getattr(b, "end", None))

    for rule in ("title+times", "place+title", "place+times"):
        for i, old in gone:
            if old.id in out:
                continue
            for j, new in fresh:
                if new.id in taken:
                    continue
                hit = (
                    (old.title == new.title and same_times(old, new))
                    if rule == "title+times"
                    else i == j and (old.title == new.title if rule == "place+title" else same_times(old, new))
                )
                if hit:
                    out[old.id] = new.id
                    taken.add(new.id)
                    break
    return out


def changes_between(header: JournalHeader, plan: Plan, mapped: dict[str, str] | None = None) -> list[Change]:
    """What changed in the schedule since the journal was started, in the new plan's order.

    ``mapped`` (old id → new id, see :func:`match_segments`) turns a removed and an added
    segment into one :attr:`ChangeKind.MAPPED` change, and compares the rest under the new id.
    """
    mapped = mapped or {}
    back = {new: old for old, new in mapped.items()}
    old = {mapped.get(s.id, s.id): s for s in header.segments}
    new = {s.id: s for s in plan.segments}
    out: list[Change] = []
    if header.event_title != plan.event.title:
        out.append(Change(ChangeKind.EVENT, "", old=header.event_title, new=plan.event.title))
    for s in header.segments:
        if mapped.get(s.id, s.id) not in new:
            out.append(Change(ChangeKind.REMOVED, s.id, old=s.title))
    old_order = [mapped.get(s.id, s.id) for s in header.segments if mapped.get(s.id, s.id) in new]
    new_order = [s.id for s in plan.segments if s.id in old]
    for seg in plan.segments:
        was = old.get(seg.id)
        if was is None:
            out.append(Change(ChangeKind.ADDED, seg.id, new=seg.title))
            continue
        if seg.id in back:
            out.append(Change(ChangeKind.MAPPED, seg.id, old=back[seg.id], new=seg.id))
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


def _cue_keys_of_header(header: JournalHeader, mapped: dict[str, str]) -> list[tuple[str, int | None]]:
    keys: list[tuple[str, int | None]] = []
    for s in header.segments:
        sid = mapped.get(s.id, s.id)
        keys.extend([(sid, k) for k in range(len(s.speakers))] if s.speakers else [(sid, None)])
    return keys


def _replays(plan: Plan, actions: list[Action]) -> tuple[Show, int, Action | None]:
    """The show the actions give on ``plan``, the furthest cue it reached (-1: none) and the first misfit."""
    show = Show(plan, [])
    reach = -1
    for a in actions:
        if not show.apply(a, strict=False):
            return show, reach, a
        if show.progress.current is not None:
            reach = max(reach, show.progress.current)
        elif show.progress.ended_at is not None:
            reach = len(show.cues) - 1
    return show, reach, None


def _why_unsafe(
    header: JournalHeader,
    plan: Plan,
    actions: list[Action],
    changes: list[Change],
    mapped: dict[str, str] | None = None,
) -> Reason | None:
    """Why replaying ``actions`` on the new plan might not land on the cues they landed on; None if safe.

    Cue moves are positional (next/previous) or by segment id (goto). Replay is the
    same on both schedules when every goto target still exists and the run of cues
    the show ever reached is identical (same segments, same speakers, same order; a
    renamed id counts as the same segment once matched). Follow mode reads the plan's
    times, so it is safe only if no segment was retimed.
    """
    mapped = mapped or {}
    new_ids = {s.id for s in plan.segments}
    for a in actions:
        if a.kind is ActionKind.GOTO and a.segment not in new_ids:
            return Reason("goto-missing", (repr(a.segment),))
    show, reach, misfit = _replays(plan, actions)
    if misfit is not None:
        return Reason("no-longer-applies", (misfit.kind.value, misfit.at.isoformat()))
    if any(a.kind is ActionKind.MODE for a in actions) and any(c.kind is ChangeKind.RETIMED for c in changes):
        return Reason("follow-retimed")
    old_keys = _cue_keys_of_header(header, mapped)
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


def _remap(actions: list[Action], mapped: dict[str, str]) -> list[Action]:
    if not mapped:
        return actions
    return [
        replace(a, segment=mapped[a.segment])
        if a.kind is ActionKind.GOTO and a.segment is not None and a.segment in mapped
        else a
        for a in actions
    ]


def _other_event(contents: JournalContents, plan: Plan) -> Reason | None:
    header = contents.header
    jid, pid = contents.event_id, event_key(plan)
    title = header.event_title if header is not None else jid
    when = f"{header.event_date:%Y-%m-%d}" if header is not None else ""
    if header is not None and header.event_date != plan.event.date:
        return Reason("other-event", (title, when))
    if jid and jid != pid and not _looks_derived(jid) and not key_is_derived(plan):
        return Reason("other-event", (title, when))  # two ids written in two files: two events
    return None


def decide(plan: Plan, contents: JournalContents | None, today: date) -> Decision:
    """The verdict for a journal found on start (``None``: there is none)."""
    if contents is None:
        return Decision(Verdict.FRESH, None)
    path, actions, problems = contents.path, contents.actions, contents.problems
    header = contents.header
    if header is None and not contents.digest:
        # Every copy of the header and the rundown stamp is damaged: the journal cannot say which
        # schedule it was written for. Its actions are intact: offer them, unless they do not apply.
        if not actions:
            return Decision(Verdict.REFUSE, path, [], problems, why=Reason("no-header-empty"), contents=contents)
        _, _, misfit = _replays(plan, actions)
        verdict = Verdict.REFUSE if misfit is not None else Verdict.ASK
        return Decision(verdict, path, actions, problems, why=Reason("no-header"), carry=True, contents=contents)
    other = _other_event(contents, plan)
    if other is not None:
        return Decision(Verdict.REFUSE, path, actions, problems, why=other, contents=contents)
    carry = path.name != journal_path(plan).name or (contents.header_copies == 0 and not contents.segments_known)
    # Nothing to lose and nothing to mix up in a journal without actions: no question to ask.
    other_day = today != plan.event.date and bool(actions)
    days = (f"{plan.event.date:%Y-%m-%d}", f"{today:%Y-%m-%d}")
    if contents.digest == plan.digest:
        if other_day:
            return Decision(
                Verdict.ASK, path, actions, problems, why=Reason("other-day", days), carry=carry, contents=contents
            )
        return Decision(Verdict.RESUME, path, actions, problems, carry=carry, contents=contents)
    if header is None or not contents.segments_known:
        # The schedule changed and what it was is lost with the damaged lines: replay decides.
        stub = header or JournalHeader("", plan.event.date, "", "", contents.digest, ())
        changes = [c for c in changes_between(stub, plan) if c.kind is ChangeKind.EVENT] if header else []
        _, _, misfit = _replays(plan, actions)
        verdict = Verdict.REFUSE if misfit is not None else Verdict.ASK
        return Decision(
            verdict, path, actions, problems, changes, why=Reason("rundown-lost"), carry=True, contents=contents
        )
    mapped = match_segments(header, plan)
    changes = changes_between(header, plan, mapped)
    if not changes:
        changes = [Change(ChangeKind.DETAILS, "")]
    actions = _remap(actions, mapped)
    why = _why_unsafe(header, plan, actions, changes, mapped)
    if why is not None:
        return Decision(Verdict.REFUSE, path, actions, problems, changes, why=why, mapped=mapped, contents=contents)
    carry = carry or bool(mapped)
    if other_day:
        why = Reason("other-day-changed", days)
        return Decision(
            Verdict.ASK, path, actions, problems, changes, why=why, mapped=mapped, carry=carry, contents=contents
        )
    return Decision(
        Verdict.RESUME_BY_ID,
        path,
        actions,
        problems,
        changes,
        why=Reason("changed"),
        mapped=mapped,
        carry=carry,
        contents=contents,
    )


def start_clean(path: Path, now: datetime) -> Path:
    """Archive the old journal under a timestamped name (never deleted) so the next start is fresh."""
    return archive(path, now)


def resume_journal(
    plan: Plan, decision: Decision, base: Path | None, now: datetime, *, target: Path | None = None
) -> Journal:
    """The journal a resumed show appends to; never loses the actions of ``decision``.

    - the event's own file, intact: appended to (read-only → a journal with a ``read-only`` fault);
    - another file (the version-1 name, another schedule's, a file whose whole preamble is
      damaged, or one whose segment ids were mapped): the actions are carried into the event's
      own journal, whose header says where they came from; the old file stays untouched
      (or, when it *is* the event's file, is archived first). If the folder cannot be written,
      the old file is kept open read-only, so the show replays and the fault is shown.

    ``target`` is the event's journal when it is not ``journal_path(plan, base)`` (a journal the
    show continued into, :func:`continued_journal`).
    Raises :class:`~runshow.live.journal.JournalBusyError` if another runshow holds the journal.
    """
    assert decision.path is not None
    old = decision.path
    ensure_not_busy(old)
    exact = target if target is not None else journal_path(plan, base)
    contents = decision.contents
    next_seq = contents.next_seq if contents is not None else None
    if old == exact and not decision.carry:
        return Journal.open_existing(exact, next_seq)
    try:
        came_from = old
        if old == exact:
            came_from = archive(exact, now)
        journal = Journal.create(exact, plan, created=now, continued_from=str(came_from))
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            raise
        return Journal.read_only(old if old.exists() else exact, exc, next_seq=next_seq or 1)
    try:
        journal.extend(decision.actions)
    except OSError:
        journal.close()
        raise
    return journal


# ── a show continued into another folder ──────────────────────────────────
CONTINUED_FILE = "continued.json"  # in the data folder: {journal name: the journal the show continued into}


def continuation_file(base: Path | None = None) -> Path:
    return (base if base is not None else data_dir()) / CONTINUED_FILE


def _pointers(base: Path | None) -> dict[str, str]:
    try:
        data = json.loads(continuation_file(base).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def remember_continuation(plan: Plan, journal: Path, base: Path | None = None) -> Path:
    """Write down, in the data folder, that this event's journal is now ``journal`` (another folder).

    The next start (:func:`continued_journal`) finds it there. Written whole or not at all
    (a temporary file renamed over the old one); raises ``OSError`` if the data folder cannot
    be written (a read-only disk: the caller keeps it elsewhere too, e.g. in the app's settings).
    """
    target = continuation_file(base)
    pointers = _pointers(base)
    pointers[journal_name(plan)] = str(journal)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(pointers, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)
    return target


def belongs_to(plan: Plan, path: Path) -> bool:
    """``path`` is a readable journal of this event (its header or rundown stamp names the event)."""
    try:
        if not path.is_file():
            return False
    except OSError:
        return False
    return read_preamble(path).event_id == event_key(plan)


def continued_journal(plan: Plan, base: Path | None = None, elsewhere: Sequence[Path] = ()) -> Path | None:
    """The journal this event's show continued into, if it is still there; never raises.

    Candidates: the data folder's note (:func:`remember_continuation`) and ``elsewhere`` (what the
    app remembered in its settings). Only a file that exists and belongs to the event counts; the
    newest wins. It is the show's journal from then on only if it is newer than the data folder's
    own (:func:`journal_home`): a show that went back to the data folder (the other disk was
    missing at a start) is not pulled back to an older copy later.
    """
    seen: list[Path] = []
    pointed = _pointers(base).get(journal_name(plan))
    for candidate in [*([Path(pointed)] if pointed else []), *elsewhere]:
        if candidate not in seen and belongs_to(plan, candidate):
            seen.append(candidate)
    return max(seen, key=_newest) if seen else None


def journal_home(plan: Plan, base: Path | None = None, elsewhere: Sequence[Path] = ()) -> tuple[Path, Path | None]:
    """Where this event's journal lives now, and the journal found there (None: none yet).

    The data folder's own (:func:`find_journal`) unless the show continued into another folder
    and that journal is at least as new; never raises.
    """
    found = find_journal(plan, base)
    moved = continued_journal(plan, base, elsewhere)
    if moved is not None and (found is None or _newest(moved)[0] >= _newest(found)[0]):
        return moved, moved
    return journal_path(plan, base), found
