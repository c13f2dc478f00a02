"""The faults of issue 12, one trial function per row: ``(tries, failures, note)``.

Used twice: each row is a fast test (``tests/live/test_reliability.py``, a few tries, zero
failures required), and ``scripts/reliability.py`` runs the issue's numbers of tries and prints
the table that the README's "Reliability" section quotes. Every trial drives the real journal,
recovery decision and timeline clock; faults the machine cannot produce on demand (a full disk,
a read-only disk) are injected at the system call (``os.write`` / ``os.open``) unless a real
tmpfs is given.
"""

from __future__ import annotations

import errno
import os
import random
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from unittest import mock

import runshow.live.journal as journal_mod
from runshow.live import actions as act
from runshow.live.actions import Action, ActionKind
from runshow.live.clock import TimelineClock
from runshow.live.journal import Journal, JournalBusyError, journal_path, read_journal
from runshow.live.recovery import Verdict, decide, find_journal, resume_journal
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan import load_plan, parse_plan
from runshow.plan.model import Plan

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE = ROOT / "schedules" / "2021-industrial-complex-conference.toml"


@dataclass(frozen=True)
class Row:
    fault: str
    tries: int
    failures: int
    note: str = ""


def plan_2021() -> Plan:
    return load_plan(SCHEDULE)


def script(plan: Plan) -> list[Action]:
    """A short show, as in the issue's runs: into 1부 with grants, a message and a blackout."""
    t = plan.start
    return [
        act.start(t),
        act.next_cue(t + timedelta(minutes=5, seconds=10)),
        act.adjust(t + timedelta(minutes=6), 60),
        act.next_cue(t + timedelta(minutes=11)),
        act.message(t + timedelta(minutes=12), "마이크 확인"),
        act.next_cue(t + timedelta(minutes=15)),
        act.next_cue(t + timedelta(minutes=20)),
        act.pause(t + timedelta(minutes=25)),
        act.resume(t + timedelta(minutes=26)),
        act.blackout(t + timedelta(minutes=27), True),
    ]


def _journal(plan: Plan, base: Path, actions: list[Action]) -> Path:
    path = journal_path(plan, base)
    with Journal.create(path, plan) as j:
        for a in actions:
            j.append(a)
    return path


def _resumed(plan: Plan, base: Path) -> tuple[Verdict, list[Action], list[int]]:
    found = find_journal(plan, base)
    contents = read_journal(found) if found is not None else None
    d = decide(plan, contents, plan.event.date)
    return d.verdict, d.actions, [p.line for p in d.problems]


# ── rows ──────────────────────────────────────────────────────────────────
def bit_flips(tries: int = 60, seed: int = 12) -> Row:
    """1–3 random bytes flipped anywhere: the show resumes, and only the damaged lines' records are lost, reported."""
    rng = random.Random(seed)
    plan = plan_2021()
    actions = script(plan)
    failures, lost, asked = 0, 0, 0
    for _ in range(tries):
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            path = _journal(plan, base, actions)
            data = bytearray(path.read_bytes())
            starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A][:-1]
            touched: set[int] = set()
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(data))
                line = max(n for n, s in enumerate(starts, start=1) if s <= at)
                touched.add(line)
                if data[at] == 0x0A:
                    touched.add(line + 1)  # a lost newline merges the next line into this one
                data[at] ^= rng.randint(1, 255)
                if data[at] == 0x0A:
                    touched.add(line + 1)
            path.write_bytes(bytes(data))
            verdict, kept, reported = _resumed(plan, base)
            action_line = {a: 5 + i for i, a in enumerate(actions)}
            missing = [a for a in actions if a not in kept]
            ok = verdict in (Verdict.RESUME, Verdict.RESUME_BY_ID, Verdict.ASK)
            ok = ok and all(a in actions for a in kept)  # nothing damaged slips through
            ok = ok and all(action_line[a] in touched for a in missing)  # only damaged lines cost
            ok = ok and all(any(abs(r - action_line[a]) <= 1 for r in reported) for a in missing)  # and said
            ok = ok and [a for a in actions if a in kept] == kept  # in order
            failures += not ok
            lost += len(missing)
            asked += verdict is Verdict.ASK
    return Row(
        "1–3 random bytes flipped in the journal",
        tries,
        failures,
        f"{lost} records lost with their line, all reported; {asked} asked (whole preamble hit)",
    )


def duplicated_lines(tries: int = 13, seed: int = 13) -> Row:
    rng = random.Random(seed)
    plan = plan_2021()
    actions = script(plan)
    failures = 0
    for _ in range(tries):
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            path = _journal(plan, base, actions)
            lines = path.read_bytes().split(b"\n")
            i = rng.randrange(4, 4 + len(actions))
            j = rng.randrange(i + 1, len(lines))
            lines.insert(j, lines[i])
            path.write_bytes(b"\n".join(lines))
            contents = read_journal(path)
            d = decide(plan, contents, plan.event.date)
            ok = d.verdict is Verdict.RESUME and d.actions == actions
            ok = ok and [p.code for p in d.problems] == ["duplicate"] and d.problems[0].line == j + 1
            failures += not ok
    return Row("an action line duplicated", tries, failures, "dropped, reported by line")


def swapped_lines(tries: int = 12, seed: int = 14) -> Row:
    rng = random.Random(seed)
    plan = plan_2021()
    actions = script(plan)
    failures = 0
    for _ in range(tries):
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            path = _journal(plan, base, actions)
            lines = path.read_bytes().split(b"\n")
            i, j = sorted(rng.sample(range(4, 4 + len(actions)), 2))
            lines[i], lines[j] = lines[j], lines[i]
            path.write_bytes(b"\n".join(lines))
            d = decide(plan, read_journal(path), plan.event.date)
            ok = d.verdict is Verdict.RESUME and d.actions == actions
            ok = ok and bool(d.problems) and {p.code for p in d.problems} == {"reorder"}
            failures += not ok
    return Row("two action lines swapped", tries, failures, "replayed in sequence order, reported by line")


@contextmanager
def writes_denied(err: int = errno.EROFS) -> Iterator[None]:
    """Every open for writing refused, as a read-only file, folder or disk does (root ignores chmod)."""
    real = os.open

    def fake(path: object, flags: int, *args: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(err, os.strerror(err), str(path))
        return real(path, flags, *args)  # type: ignore[arg-type]

    with mock.patch.object(journal_mod.os, "open", fake):
        yield


def read_only(tries: int = 2, remount: Callable[[Path, bool], None] | None = None, base: Path | None = None) -> Row:
    """A read-only journal file, then a read-only folder holding a version-1 journal: all six actions replayed."""
    plan = plan_2021()
    actions = script(plan)[:6]
    failures = 0
    for k in range(tries):
        with tempfile.TemporaryDirectory(dir=base) as tmp:
            folder = Path(tmp)
            if k % 2 == 0:
                _journal(plan, folder, actions)
            else:
                from tests.live.journal_helpers import write_v1

                write_v1(plan, folder, actions)
            guard = writes_denied() if remount is None else _remounted(remount, folder)
            with guard:
                found = find_journal(plan, folder)
                d = decide(plan, read_journal(found) if found else None, plan.event.date)
                try:
                    journal = resume_journal(plan, d, folder, plan.start)
                except OSError:
                    failures += 1
                    continue
                with journal:
                    ok = d.verdict is Verdict.RESUME and d.actions == actions
                    ok = ok and not journal.writable and journal.fault is not None and journal.fault.code == "read-only"
                    try:
                        journal.append(act.clear_message(plan.start + timedelta(hours=1)))
                        ok = False
                    except OSError:
                        pass
                    failures += not ok
    how = "real read-only tmpfs" if remount else "writes refused at os.open (EROFS)"
    return Row("journal file or disk read-only", tries, failures, f"6 of 6 replayed, 'read-only' fault; {how}")


@contextmanager
def _remounted(remount: Callable[[Path, bool], None], folder: Path) -> Iterator[None]:
    remount(folder, True)
    try:
        yield
    finally:
        remount(folder, False)


def disk_full(
    tries: int = 1, base: Path | None = None, fill: Callable[[Path], Callable[[], None]] | None = None
) -> Row:
    """Keys while the disk is full are refused; once space is back, the refused ones never appear."""
    plan = plan_2021()
    failures = 0
    for _ in range(tries):
        with tempfile.TemporaryDirectory(dir=base) as tmp:
            folder = Path(tmp)
            path = journal_path(plan, folder)
            told_failed: list[Action] = []
            acknowledged: list[Action] = []
            with Journal.create(path, plan) as journal:
                t = plan.start
                stream = [act.start(t)] + [act.adjust(t + timedelta(seconds=i + 1), 1) for i in range(40)]
                stream += [act.message(t + timedelta(seconds=60 + i), "x" * 50) for i in range(40)]
                free = fill(folder) if fill is not None else None
                injected = _FullDisk() if fill is None else None
                with mock.patch.object(journal_mod.os, "write", injected) if injected else _nothing():
                    for n, a in enumerate(stream):
                        if injected is not None:
                            injected.full = 10 <= n < 30
                        if n == 30 and free is not None:
                            free()
                        try:
                            journal.append(a)
                        except OSError as exc:
                            if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
                                raise
                            told_failed.append(a)
                        else:
                            acknowledged.append(a)
            got = read_journal(path)
            ok = got.actions == acknowledged and not any(a in got.actions for a in told_failed)
            ok = ok and bool(told_failed) and got.problems == []
            failures += not ok
    how = "real 16 KiB tmpfs filled" if fill else "ENOSPC injected at os.write"
    return Row("disk full", tries, failures, f"{how}; refused records never written later")


class _FullDisk:
    def __init__(self) -> None:
        self.full = False
        self.real = os.write

    def __call__(self, fd: int, data: bytes) -> int:
        if self.full:
            self.real(fd, bytes(data[: len(data) // 3]))  # a part lands, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.real(fd, data)


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def clock_steps(tries: int = 30, seed: int = 15) -> Row:
    """The wall stepped ±1 s/±1 h/±1 day before or during cues, keys pressed while wrong, then a choice."""
    rng = random.Random(seed)
    plan = plan_2021()
    sizes = [timedelta(seconds=s) for s in (1, -1, 3600, -3600, 86400, -86400)]
    failures = 0
    for n in range(tries):
        failures += not _clock_trial(plan, sizes[n % len(sizes)], n % 2 == 1, rng.random() < 0.5, rng)
    note = "keys while wrong stamped on show time; step shown, kept or accepted"
    return Row("wall clock stepped ±1 s / ±1 h / ±1 day", tries, failures, note)


class _Machine:
    """A fake monotonic clock and a wall clock that moves with it and can be stepped."""

    def __init__(self, opened: datetime) -> None:
        self.mono, self.opened, self.offset = 1000.0, opened, timedelta(0)

    def monotonic(self) -> float:
        return self.mono

    def wall(self) -> datetime:
        return self.opened + timedelta(seconds=self.mono - 1000.0) + self.offset

    def truth(self) -> datetime:
        return self.opened + timedelta(seconds=self.mono - 1000.0)


def _clock_trial(plan: Plan, size: timedelta, during: bool, accept: bool, rng: random.Random) -> bool:
    tz = plan.event.timezone
    start = datetime(2021, 10, 15, 13, 30, tzinfo=tz)
    m = _Machine(datetime(2021, 10, 15, 14, 3, tzinfo=tz) if during else datetime(2021, 10, 15, 13, 25, tzinfo=tz))
    clock = TimelineClock(wall=m.wall, monotonic=m.monotonic)
    actions = [act.start(start)] + [act.next_cue(start + timedelta(minutes=k)) for k in (5, 10, 15, 20, 30)]
    show = Show(plan, actions if during else [])
    m.mono += rng.uniform(1, 60)
    clock.poll()
    m.offset = size
    m.mono += 1
    step = clock.poll()
    ok = (step is not None) is (abs(size) > timedelta(seconds=1))
    for kind in [ActionKind.NEXT, ActionKind.ADJUST] if during else [ActionKind.START]:
        m.mono += rng.uniform(1, 30)
        clock.poll()
        now = clock.now()
        ok = ok and abs((now - m.truth()).total_seconds()) < 0.05  # stamped on show time, not the wall
        show.apply(Action(kind, now, seconds=60 if kind is ActionKind.ADJUST else 0))
        state = state_at(show, now)
        ok = ok and abs(state.drift_s) < 3600 and (state.remaining_s is None or state.remaining_s <= 11 * 60)
    if step is not None:
        if accept:
            clock.accept_step()
            ok = ok and abs((clock.now() - m.wall()).total_seconds()) < 0.001
        else:
            clock.keep_show_time()
            m.mono += 5
            ok = ok and clock.poll() is None and clock.pending_step is None
    return ok


EDITS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "typo fixed in the event title",
        [('title = "2021 산업단지 대개조 컨퍼런스"', 'title = "2021 산업단지 대개조 콘퍼런스"')],
    ),
    ("a note changed", [("\n[[part]]", "\n# 메모: 현장 진행 확인\n[[part]]")]),
    ("a past segment's title fixed", [('title = "개회사 및 인사말"', 'title = "개회사·인사말"')]),
    (
        "a later segment retimed",
        [('end = "16:20"\nowner = "전문가', 'end = "16:15"\nowner = "전문가'), ('start = "16:20"', 'start = "16:15"')],
    ),
    ("a past segment's id renamed", [('id = "welcome"', 'id = "greetings"')]),
    ("the current segment's id renamed", [('id = "regions"', 'id = "regional"')]),
    ("a past speaker's name fixed", [('name = "국토교통부"\n', 'name = "국토부"\n')]),
]


def edited_schedule(tries: int = 7) -> Row:
    plan = plan_2021()
    actions = [*script(plan)[:7], act.goto(plan.start + timedelta(minutes=31), "regions")]
    text = SCHEDULE.read_text(encoding="utf-8")
    before = Show(plan, actions)
    where = before.cues[before.progress.current]
    failures = 0
    for n in range(tries):
        _, edits = EDITS[n % len(EDITS)]
        changed_text = text
        for old, new in edits:
            assert old in changed_text, old
            changed_text = changed_text.replace(old, new, 1)
        changed = parse_plan(changed_text.encode("utf-8"), "edited.toml")
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            _journal(plan, base, actions)
            verdict, kept, _ = _resumed(changed, base)
            after = Show(changed, kept)
            now = after.cues[after.progress.current] if after.progress.current is not None else None
            ok = verdict is Verdict.RESUME_BY_ID and now is not None
            ok = (
                ok
                and now is not None
                and (now.speaker_index, now.segment.title, now.segment.start)
                == (
                    where.speaker_index,
                    where.segment.title,
                    where.segment.start,
                )
            )
            failures += not ok
    return Row("schedule edited, then restart", tries, failures, "resumed on the same cue, changes listed")


def second_copy(tries: int = 1) -> Row:
    plan = plan_2021()
    actions = script(plan)
    text = SCHEDULE.read_text(encoding="utf-8")
    failures = 0
    for _ in range(tries):
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            first = Journal.create(journal_path(plan, base), plan)
            try:
                for a in actions[:4]:
                    first.append(a)
                refused = 0
                for old, new in [('title = "폐회"', 'title = "폐회 선언"'), ('id = "welcome"', 'id = "greetings"')]:
                    edited = parse_plan(text.replace(old, new, 1).encode("utf-8"), "copy.toml")
                    found = find_journal(edited, base)
                    d = decide(edited, read_journal(found) if found else None, plan.event.date)
                    try:
                        resume_journal(edited, d, base, plan.start).close()
                    except JournalBusyError:
                        refused += 1
                for a in actions[4:]:
                    first.append(a)
            finally:
                first.close()
            ok = refused == 2 and read_journal(journal_path(plan, base)).actions == actions
            ok = ok and len(list((base / "journals").iterdir())) == 1
            failures += not ok
    return Row("a second copy on an edited schedule", tries, failures, "refused (one writer per event); nothing lost")


ROWS: dict[str, Callable[..., Row]] = {
    "bit-flips": bit_flips,
    "duplicated": duplicated_lines,
    "swapped": swapped_lines,
    "read-only": read_only,
    "disk-full": disk_full,
    "clock-steps": clock_steps,
    "edited": edited_schedule,
    "second-copy": second_copy,
}

__all__ = ["ROWS", "Row", "replace"]
