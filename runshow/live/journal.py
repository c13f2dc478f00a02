"""The journal: every accepted operator action, durable before anyone sees it.

On event day there is no second take. The show state is a fold of the plan and
the actions, so a file of actions is all it takes to get the show back after a
crash: replay it and the same cue, actual times, adjustments, message and mode
come back. That only works if an action is on disk *before* the windows show
it, so :meth:`Journal.append` writes the line straight to the file descriptor
(``os.write``: no user-space buffer that could keep a refused record and write
it later) and ``fsync``\\ s it; the directory is ``fsync``\\ ed when the file is
created. A write that fails (disk full, I/O error) is truncated back to the last
good length, so an action the operator was told failed is never on disk.

Format (JSON lines, UTF-8), version 2:

- line 1, the **header**, small and checksummed: format name and version, the
  event (its stable id, title, date, time zone), the schedule (path and sha256 of
  its bytes), when the journal was created and, for a journal continued from
  another, where it came from;
- line 2, the **rundown stamp**: the event id and schedule digest again, and the
  segments as they were (id, title, start, end, speaker names), so a later start
  can say what changed in the schedule since;
- lines 3 and 4, **two copies of the header** (so up to three damaged bytes never cost the
  journal its owner: the event id and digest are in four lines);
- every other line: one :meth:`Action.to_json` record plus ``seq`` (1, 2, 3 …)
  and ``crc`` (CRC-32 of the record's canonical JSON);
- alert history lines ``{"alert": {...}, "crc": ...}`` (:meth:`Journal.append_alert`): what the
  alert log showed (fired, missed, dropped, acknowledged), so it comes back after a crash. The
  fold never sees them, they take no ``seq``; they are read into ``JournalContents.alerts``;
- session notes ``{"session": {...}, "crc": ...}`` (:meth:`Journal.append_note`): the remote
  lock switched on or off (``runshow.remote.control``); no ``seq``, read into ``JournalContents.notes``.

Every line carries its own checksum, and the preamble says the event and the
schedule three times, so a flipped byte costs one line, never the show.
Version 1 journals (a header with the segments inside and no checksum, records
without ``seq``) are still read.

Reading never raises on content: every complete, valid record is kept and
everything else (a torn last line after a crash, garbage, a damaged line, a
duplicated record, a gap, records out of order, an action older than the one
before) is reported with its line number; records are replayed in ``seq``
order, so swapped lines cost nothing.

Journals are named by the **event**, not by the schedule file's bytes:
``<date>--<event key>-<crc>.jsonl``, see :func:`event_key`. Fixing a title or a
note keeps the same journal.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import zlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from runshow.live.actions import Action
from runshow.plan.model import Plan

FORMAT = "runshow-journal"
VERSION = 2
READS = (1, 2)  # the versions this runshow reads
SUFFIX = ".jsonl"
CLOSED_TORN = "closed-torn-line"  # a marker line written after a torn line when a journal is reopened
DATA_DIR_ENV = "RUNSHOW_DATA_DIR"
ACTION_KEYS = frozenset({"kind", "at", "segment", "seconds", "mode", "text", "on", "amend"})
PREAMBLE_BYTES = 256 * 1024  # how much of a journal is read to tell whose it is


def data_dir() -> Path:
    """Where runshow keeps its journals: ``$RUNSHOW_DATA_DIR`` or the platform's user data directory."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # lazy: only the live app needs it

    return Path(platformdirs.user_data_dir("runshow", appauthor=False))


def journal_dir(base: Path | None = None) -> Path:
    return (base if base is not None else data_dir()) / "journals"


def _slug(text: str) -> str:
    # Keep letters of any script (the 2021 title is Korean) so the file is recognisable.
    slug = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_").lower()
    return slug[:60] or "event"


# ── which event a journal belongs to ──────────────────────────────────────
def derived_event_key(plan: Plan) -> str:
    """The event's key when the file names none: its date and a digest of its sorted segment ids.

    ``YYYYmmdd-<first 12 hex of sha256("id1\\nid2\\n…")>``: stable under every edit but adding,
    removing or renaming a segment id (those are matched by :func:`runshow.live.recovery.find_journal`).
    """
    hit = _derived_keys.get(id(plan))
    if hit is not None and hit[0] is plan:
        return hit[1]  # opening a show asks six times; 5,000 ids sorted and hashed each time
    ids = "\n".join(sorted(s.id for s in plan.segments))
    key = f"{plan.event.date:%Y%m%d}-{hashlib.sha256(ids.encode('utf-8')).hexdigest()[:12]}"
    if len(_derived_keys) >= 8:
        _derived_keys.clear()
    _derived_keys[id(plan)] = (plan, key)  # the plan is kept: its id cannot be reused while it is here
    return key


_derived_keys: dict[int, tuple[Plan, str]] = {}


def event_key(plan: Plan) -> str:
    """The stable key of the event: ``[event] id`` from the file, else :func:`derived_event_key`."""
    explicit = plan.event.id.strip()
    return explicit if explicit else derived_event_key(plan)


def key_is_derived(plan: Plan) -> bool:
    return not plan.event.id.strip()


def event_stem(plan: Plan) -> str:
    """The part of a version-1 journal's name shared by every schedule version of one event."""
    return f"{plan.event.date:%Y-%m-%d}-{_slug(plan.event.title)}"


def journal_name(plan: Plan) -> str:
    key = event_key(plan)
    return f"{plan.event.date:%Y-%m-%d}--{_slug(key)}-{zlib.crc32(key.encode('utf-8')):08x}{SUFFIX}"


def journal_path(plan: Plan, base: Path | None = None) -> Path:
    """The event's journal: ``<date>--<event key slug>-<crc of the key>.jsonl`` under the journals folder."""
    return journal_dir(base) / journal_name(plan)


def legacy_journal_path(plan: Plan, base: Path | None = None) -> Path:
    """Where a version-1 runshow kept this schedule's journal (date, title slug, 12 hex of the file digest)."""
    digest = (plan.digest or "nodigest")[:12]
    return journal_dir(base) / f"{event_stem(plan)}-{digest}{SUFFIX}"


# ── header ────────────────────────────────────────────────────────────────
@dataclass(frozen=True, slots=True)
class SegmentStamp:
    """A segment as the journal saw it, enough to say later what changed."""

    id: str
    title: str
    start: datetime
    end: datetime
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class JournalHeader:
    event_title: str
    event_date: date
    timezone: str
    schedule: str
    digest: str
    segments: tuple[SegmentStamp, ...]
    created: datetime | None = None
    version: int = VERSION
    event_id: str = ""  # "" in version-1 journals
    id_derived: bool = True  # the id was derived from the date and segment ids, not written in the file
    continued_from: str = ""  # the journal this one carries on (another folder, a damaged file)

    @classmethod
    def of(cls, plan: Plan, created: datetime | None = None, continued_from: str = "") -> JournalHeader:
        return cls(
            event_title=plan.event.title,
            event_date=plan.event.date,
            timezone=str(plan.event.timezone),
            schedule=plan.source,
            digest=plan.digest,
            segments=tuple(
                SegmentStamp(s.id, s.title, s.start, s.end, tuple(sp.name for sp in s.speakers)) for s in plan.segments
            ),
            created=created,
            event_id=event_key(plan),
            id_derived=key_is_derived(plan),
            continued_from=continued_from,
        )

    def to_json(self) -> dict[str, Any]:
        """The header line (version 2: small, without the segments; see :meth:`stamp_json`)."""
        out: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "event": {
                "id": self.event_id,
                "derived": self.id_derived,
                "title": self.event_title,
                "date": self.event_date.isoformat(),
                "timezone": self.timezone,
            },
            "schedule": {"path": self.schedule, "sha256": self.digest},
            "created": self.created.isoformat() if self.created else None,
        }
        if self.continued_from:
            out["continued_from"] = self.continued_from
        return out

    def stamp_json(self) -> dict[str, Any]:
        """The rundown stamp line: the segments, with the event id and digest said once more."""
        return {
            "rundown": {"event": self.event_id, "sha256": self.digest},
            "segments": [_segment_json(s) for s in self.segments],
        }

    @classmethod
    def from_json(cls, data: Any) -> JournalHeader:
        """Raises ``ValueError``/``KeyError``/``TypeError`` on anything that is not a header."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} header")
        version = data.get("version")
        if version not in READS:
            raise ValueError(f"unsupported journal version {version!r} (this runshow reads {READS[-1]})")
        ev, sch = data["event"], data["schedule"]
        segments = tuple(_segment_of(s) for s in data.get("segments", [])) if version == 1 else ()
        created = data.get("created")
        return cls(
            event_title=str(ev["title"]),
            event_date=date.fromisoformat(ev["date"]),
            timezone=str(ev["timezone"]),
            schedule=str(sch["path"]),
            digest=str(sch["sha256"]),
            segments=segments,
            created=_aware(created) if created else None,
            version=int(version),
            event_id=str(ev.get("id", "")),
            id_derived=bool(ev.get("derived", True)),
            continued_from=str(data.get("continued_from", "")),
        )


def _segment_json(s: SegmentStamp) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "start": s.start.isoformat(),
        "end": s.end.isoformat(),
        "speakers": list(s.speakers),
    }


def _segment_of(s: Any) -> SegmentStamp:
    return SegmentStamp(
        id=str(s["id"]),
        title=str(s["title"]),
        start=_aware(s["start"]),
        end=_aware(s["end"]),
        speakers=tuple(str(n) for n in s.get("speakers", [])),
    )


def _aware(text: Any) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("time has no time zone")
    return value


# ── reading ───────────────────────────────────────────────────────────────
@dataclass(frozen=True, slots=True)
class JournalProblem:
    """A line of the journal that was not kept (or kept out of its place), and why.

    ``message`` is English; ``code`` and ``params`` let a presenter word it in the operator's language.
    Codes: ``unreadable`` (line 0), ``torn``, ``torn-kept``, ``garbage``, ``damaged``, ``not-an-action``,
    ``older``, ``header``, ``header-copy``, ``rundown``, ``duplicate``, ``conflict``, ``gap``, ``reorder``.
    """

    line: int
    message: str
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class JournalContents:
    path: Path
    header: JournalHeader | None
    actions: list[Action] = field(default_factory=list)
    problems: list[JournalProblem] = field(default_factory=list)
    lines: int = 0  # how many lines the file has, torn ones included
    # The event id and schedule digest the journal says it belongs to, from whichever copy survived
    # (a header copy or the rundown stamp); "" when every copy is damaged.
    event_id: str = ""
    digest: str = ""
    # False when the rundown stamp (the segments as they were) is lost; the digest may still be known.
    segments_known: bool = False
    next_seq: int = 1  # the seq the next appended record takes
    header_copies: int = 0  # intact copies of the header (3 in a healthy version-2 journal)
    dropped_duplicates: int = 0
    reordered: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)  # alert history lines, in order
    notes: list[dict[str, Any]] = field(default_factory=list)  # session notes (the remote lock), in order


@dataclass
class _Kept:
    seq: int  # a record without one (version 1, hand-written) sorts after the numbered record before it
    line: int
    action: Action
    canonical: str
    numbered: bool = True


def read_journal(path: Path) -> JournalContents:
    """Every complete valid record of ``path``, and a located report of the rest. Never raises on content."""
    out = JournalContents(path, None)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        out.problems.append(
            JournalProblem(0, f"cannot read the journal: {exc.strerror or exc}", "unreadable", (("error", str(exc)),))
        )
        return out
    return parse_journal(raw, path)


def parse_journal(raw: bytes, path: Path) -> JournalContents:
    """:func:`read_journal` on bytes already read."""
    out = JournalContents(path, None)
    chunks = raw.split(b"\n")
    torn_tail = chunks[-1] != b""  # the last write did not finish its line
    if not torn_tail:
        chunks.pop()
    out.lines = len(chunks)
    marker = json.dumps({"note": CLOSED_TORN}).encode().replace(b" ", b"")
    closed_off = {n - 1 for n, chunk in enumerate(chunks, start=1) if chunk.replace(b" ", b"") == marker}
    kept: list[_Kept] = []
    stamp: tuple[str, str, tuple[SegmentStamp, ...]] | None = None
    header_lines: list[int] = []
    last_seq = 0  # the seq a record without one sorts after
    for number, chunk in enumerate(chunks, start=1):
        torn = (torn_tail and number == len(chunks)) or number in closed_off
        record = _parse_line(chunk, number, torn, out)
        if record is None or record.get("note") == CLOSED_TORN:
            continue
        if "format" in record:
            header_lines.append(number)
            _read_header(record, number, out)
            continue
        if "segments" in record and "kind" not in record:
            got = _read_stamp(record, number, out)
            if got is not None and stamp is None:
                stamp = got
            continue
        has_crc = "crc" in record
        crc = record.pop("crc", None)
        if has_crc and crc != _crc(record):
            out.problems.append(
                JournalProblem(number, "damaged record (its checksum does not match); skipped", "damaged")
            )
            continue
        if has_crc and isinstance(record.get("alert"), dict):  # alert history, not an action
            out.alerts.append(record["alert"])
            continue
        if has_crc and isinstance(record.get("session"), dict):  # a session note (the remote lock), not an action
            out.notes.append(record["session"])
            continue
        seq = record.pop("seq", None)
        if not has_crc and not set(record) <= ACTION_KEYS:
            # A record without its checksum and with a field no action has: a damaged name, not a hand-written line.
            out.problems.append(
                JournalProblem(number, "damaged record (no checksum, unknown field); skipped", "damaged")
            )
            continue
        if seq is not None and (not isinstance(seq, int) or isinstance(seq, bool) or seq < 1):
            out.problems.append(JournalProblem(number, f"not an action: bad sequence number {seq!r}", "not-an-action"))
            continue
        try:
            action = Action.from_json(record)
        except (ValueError, KeyError, TypeError) as exc:
            out.problems.append(JournalProblem(number, f"not an action: {_reason(exc)}", "not-an-action"))
            continue
        if seq is None:
            kept.append(_Kept(last_seq, number, action, _canonical(record), numbered=False))
        else:
            last_seq = max(last_seq, seq)
            kept.append(_Kept(seq, number, action, _canonical(record)))
    if stamp is not None:
        out.segments_known = True
        out.event_id = out.event_id or stamp[0]
        out.digest = out.digest or stamp[1]
        if out.header is not None and out.header.version >= 2:
            out.header = replace(out.header, segments=stamp[2])
    if out.header is not None and out.header.version == 1:
        out.segments_known = True
    if out.header is None and out.lines and not header_lines and not any(p.line == 1 for p in out.problems):
        out.problems.insert(0, JournalProblem(1, "the first line is not a journal header", "header"))
    _order(kept, out)
    return out


def _read_header(record: dict[str, Any], number: int, out: JournalContents) -> None:
    has_crc = "crc" in record
    crc = record.pop("crc", None)
    if has_crc and crc != _crc(record):
        code = "header-copy"
        msg = "damaged copy of the header (its checksum does not match); skipped"
        out.problems.append(JournalProblem(number, msg, code))
        return
    if not has_crc and record.get("version") == VERSION:
        out.problems.append(JournalProblem(number, "damaged header (it has no checksum); skipped", "header-copy"))
        return
    try:
        header = JournalHeader.from_json(record)
    except (ValueError, KeyError, TypeError) as exc:
        out.problems.append(JournalProblem(number, f"unreadable header: {_reason(exc)}", "header"))
        return
    out.header_copies += 1
    if out.header is None:
        out.header = header
        out.event_id = header.event_id
        out.digest = header.digest


def _read_stamp(
    record: dict[str, Any], number: int, out: JournalContents
) -> tuple[str, str, tuple[SegmentStamp, ...]] | None:
    crc = record.pop("crc", None)
    if crc != _crc(record):
        out.problems.append(
            JournalProblem(number, "damaged rundown stamp (its checksum does not match); skipped", "rundown")
        )
        return None
    try:
        info = record["rundown"]
        return str(info["event"]), str(info["sha256"]), tuple(_segment_of(s) for s in record["segments"])
    except (ValueError, KeyError, TypeError) as exc:
        out.problems.append(JournalProblem(number, f"unreadable rundown stamp: {_reason(exc)}", "rundown"))
        return None


def _order(kept: list[_Kept], out: JournalContents) -> None:
    """Replay order is ``seq`` order; duplicates are dropped, gaps and reorders reported by line."""
    seen: dict[int, _Kept] = {}
    unique: list[_Kept] = []
    highest = 0
    for k in kept:  # file order
        if k.numbered:
            first = seen.get(k.seq)
            if first is not None:
                if first.canonical == k.canonical:
                    msg = f"duplicate of record #{k.seq} (line {first.line}); dropped"
                    out.problems.append(JournalProblem(k.line, msg, "duplicate", (("seq", str(k.seq)),)))
                    out.dropped_duplicates += 1
                else:
                    msg = f"a second, different record #{k.seq} (first on line {first.line}); dropped"
                    out.problems.append(JournalProblem(k.line, msg, "conflict", (("seq", str(k.seq)),)))
                continue
            seen[k.seq] = k
            if k.seq < highest:
                msg = f"record #{k.seq} comes after #{highest} (out of order); replayed in its place"
                out.problems.append(
                    JournalProblem(k.line, msg, "reorder", (("seq", str(k.seq)), ("after", str(highest))))
                )
                out.reordered += 1
            highest = max(highest, k.seq)
        unique.append(k)
    unique.sort(key=lambda k: (k.seq, k.line))
    expected = 1
    last: datetime | None = None
    for k in unique:
        if k.numbered:
            if k.seq > expected:
                missing = f"#{expected}" if k.seq == expected + 1 else f"#{expected}–#{k.seq - 1}"
                msg = f"record(s) {missing} missing before record #{k.seq}"
                out.problems.append(
                    JournalProblem(k.line, msg, "gap", (("from", str(expected)), ("to", str(k.seq - 1))))
                )
            expected = k.seq + 1
        if last is not None and k.action.at < last:
            msg = f"action at {k.action.at.isoformat()} is older than the one before it; skipped"
            out.problems.append(JournalProblem(k.line, msg, "older"))
            continue
        last = k.action.at
        out.actions.append(k.action)
    out.next_seq = max([k.seq for k in kept], default=0) + 1
    out.problems.sort(key=lambda p: p.line)


def _canonical(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"), check_circular=False)


def _crc(record: dict[str, Any]) -> str:
    return f"{zlib.crc32(_canonical(record).encode('utf-8')):08x}"


def with_crc(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "crc": _crc(record)}


def stamped(action: Action, seq: int | None = None) -> dict[str, Any]:
    """An action's journal record: its JSON, its sequence number and a checksum, so a damaged byte (a
    flipped digit in a time would otherwise look valid and push every later record out of order) costs
    one line only, and a duplicated or moved line is recognised."""
    record = action.to_json()
    if seq is not None:
        record["seq"] = seq
    return with_crc(record)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    return str(exc) or type(exc).__name__


def _parse_line(chunk: bytes, number: int, torn: bool, out: JournalContents) -> dict[str, Any] | None:
    if not chunk.strip():
        if torn:
            out.problems.append(JournalProblem(number, "torn line (blank bytes): a crash cut this write short", "torn"))
        return None
    try:
        text = chunk.decode("utf-8")
        record = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        why = "torn line: a crash cut this write short" if torn else "garbage (not a JSON record)"
        out.problems.append(JournalProblem(number, why, "torn" if torn else "garbage"))
        return None
    if not isinstance(record, dict):
        out.problems.append(JournalProblem(number, "garbage (a JSON value that is not a record)", "garbage"))
        return None
    if torn and record.get("note") != CLOSED_TORN:
        # A complete JSON object without its newline: the bytes all landed but the line
        # was never acknowledged. Keep it (it is whole), and say so.
        out.problems.append(
            JournalProblem(
                number, "torn line whose newline a crash cut; kept because the record is complete", "torn-kept"
            )
        )
    return record


def read_preamble(path: Path) -> JournalContents:
    """The header and rundown stamp of ``path`` (its first few hundred KiB), for telling whose journal it is."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(PREAMBLE_BYTES)
    except OSError as exc:
        out = JournalContents(path, None)
        out.problems.append(JournalProblem(0, f"cannot read the journal: {exc.strerror or exc}", "unreadable"))
        return out
    if len(raw) == PREAMBLE_BYTES:
        raw = raw[: raw.rfind(b"\n") + 1]
    return parse_journal(raw, path)


# ── writing ───────────────────────────────────────────────────────────────
def _fsync_dir(directory: Path) -> None:
    """Make a new directory entry durable (a no-op where directories cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class JournalBusyError(OSError):
    """Another process (a second runshow on the same show) holds this journal."""


class JournalUnwritableError(OSError):
    """The journal is open read-only (a read-only file, folder or disk): nothing can be recorded."""


@dataclass(frozen=True, slots=True)
class JournalFault:
    """Why the journal cannot record right now, for the control room to show until it is fixed.

    ``code``: ``read-only`` (the file, its folder or the disk refuses writes; persistent until the show
    continues into another folder), ``write-failed`` (the last write failed, e.g. disk full; it was
    truncated back and the action refused; cleared by the next write that succeeds), or ``broken``
    (a failed write could not be truncated back; nothing more is written).
    ``params``: ``path``, ``error`` (the OS's words) and ``errno``.
    """

    code: str
    params: dict[str, str]

    def __str__(self) -> str:
        what = {
            "read-only": "the journal cannot be written",
            "write-failed": "the last action could not be written to the journal",
            "broken": "the journal could not be repaired after a failed write",
        }.get(self.code, self.code)
        return f"{what} ({self.params.get('error', '')}): {self.params.get('path', '')}"


def _fault(code: str, path: Path, exc: OSError) -> JournalFault:
    return JournalFault(
        code, {"path": str(path), "error": exc.strerror or str(exc), "errno": errno.errorcode.get(exc.errno or 0, "")}
    )


def _lock(fd: int, path: Path) -> None:
    """Hold the journal for this process, so two copies of runshow never interleave one show.

    An advisory ``flock``: released by the OS when the process dies, even by SIGKILL,
    so a crash never leaves a stale lock. (No-op where ``fcntl`` does not exist.)
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise JournalBusyError(errno.EAGAIN, "another runshow is writing this journal", str(path)) from None


def ensure_not_busy(path: Path) -> None:
    """Raise :class:`JournalBusyError` if another process holds ``path`` (checked before archiving or carrying it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    except OSError:
        return  # unreadable: nobody can be writing it through us either
    _lock(fd, path)
    os.close(fd)


_WRITE_DENIED = {errno.EROFS, errno.EACCES, errno.EPERM}


def _encode(record: dict[str, Any]) -> bytes:
    # (check_circular off: a record is plain data from to_json, and the rundown stamp of 5,000
    # segments is written before the first paint)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), check_circular=False).encode("utf-8") + b"\n"


class Journal:
    """An open journal file, appended to one fsynced line at a time (an ``ActionSink``).

    ``writable`` is False for a journal opened read-only (replayed, but nothing more can be
    recorded); ``fault`` says why the journal cannot record, or is None while all is well.
    """

    def __init__(
        self,
        path: Path,
        fd: int | None,
        appended: int = 0,
        *,
        next_seq: int = 1,
        size: int = 0,
        writable: bool = True,
        fault: JournalFault | None = None,
    ) -> None:
        self.path = path
        self._fd = fd
        self.appended = appended  # actions appended through this object
        self.next_seq = next_seq
        self._size = size  # the last good length: a failed write is truncated back to it
        self.writable = writable
        self.fault = fault

    # ── opening ──────────────────────────────────────────────────────────
    @classmethod
    def create(cls, path: Path, plan: Plan, created: datetime | None = None, *, continued_from: str = "") -> Journal:
        """Start a new journal at ``path`` (which must not exist): header, rundown stamp, two header copies."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o644)
        _lock(fd, path)
        journal = cls(path, fd)
        header = JournalHeader.of(plan, created, continued_from)
        head = _encode(with_crc(header.to_json()))
        try:
            journal._write(head + _encode(with_crc(header.stamp_json())) + head + head)
        except OSError:
            journal.close()
            with contextlib.suppress(OSError):
                path.unlink()  # a journal without its header would only confuse the next start
            raise
        _fsync_dir(path.parent)
        return journal

    @classmethod
    def open_existing(cls, path: Path, next_seq: int | None = None) -> Journal:
        """Append to a journal found on start; a journal that cannot be written is opened read-only.

        A torn last line (the crash cut a write short; it was never acknowledged) is
        kept, closed off with a newline and followed by a marker line, so new records
        stay whole and later reads can still say that line was torn, not garbage.
        ``next_seq`` is the sequence number of the next record (read from the file when not given).
        A read-only file, folder or disk does not raise: the journal comes back with ``writable``
        False and a ``read-only`` :attr:`fault`, and the show can still be replayed from it.
        """
        if next_seq is None:
            next_seq = read_journal(path).next_seq
        flags = os.O_RDWR | os.O_APPEND | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(path, flags)
        except OSError as exc:
            if exc.errno not in _WRITE_DENIED:
                raise
            return cls.read_only(path, exc, next_seq=next_seq)
        _lock(fd, path)
        size = os.fstat(fd).st_size
        journal = cls(path, fd, next_seq=next_seq, size=size)
        if size > 0:
            os.lseek(fd, -1, os.SEEK_END)
            if os.read(fd, 1) != b"\n":
                try:
                    journal._write(b"\n" + json.dumps({"note": CLOSED_TORN}).encode() + b"\n")
                except OSError as exc:
                    if exc.errno in _WRITE_DENIED:
                        journal.writable = False
                        journal.fault = _fault("read-only", path, exc)
                    else:
                        journal.close()
                        raise
        return journal

    @classmethod
    def read_only(cls, path: Path, why: OSError, *, next_seq: int = 1) -> Journal:
        """A journal that was replayed but cannot record: every append raises :class:`JournalUnwritableError`.

        Still holds the single-writer lock when the file can be opened for reading, so a second
        copy on the same show is refused just the same.
        """
        fd: int | None
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            fd = None
        if fd is not None:
            _lock(fd, path)
        return cls(path, fd, next_seq=next_seq, writable=False, fault=_fault("read-only", path, why))

    # ── writing ──────────────────────────────────────────────────────────
    def _write(self, data: bytes) -> None:
        """All of ``data`` on disk, or none of it (truncated back on any failure)."""
        if self._fd is None or not self.writable:
            raise JournalUnwritableError(
                errno.EROFS, "the journal is read-only" if self.fault is None else str(self.fault), str(self.path)
            )
        fd = self._fd
        view = memoryview(data)
        try:
            while view:
                n = os.write(fd, view)
                view = view[n:]
            os.fsync(fd)
        except OSError as exc:
            try:
                os.ftruncate(fd, self._size)
                os.fsync(fd)
            except OSError as again:
                self.writable = False
                self.fault = _fault("broken", self.path, again)
                raise exc from None
            self.fault = _fault("read-only" if exc.errno in _WRITE_DENIED else "write-failed", self.path, exc)
            if exc.errno in _WRITE_DENIED:
                self.writable = False
            raise
        self._size += len(data)
        if self.fault is not None and self.fault.code == "write-failed":
            self.fault = None

    def append(self, action: Action) -> None:
        """Make ``action`` durable; returns only once it is on disk. On failure nothing of it stays."""
        self._write(_encode(stamped(action, self.next_seq)))
        self.next_seq += 1
        self.appended += 1

    def append_alert(self, record: dict[str, Any]) -> None:
        """Make one line of alert history durable (``runshow.live.alerts.AlertRecord.to_json``)."""
        line = {"alert": record}
        self._write(_encode({**line, "crc": _crc(line)}))

    def append_note(self, record: dict[str, Any]) -> None:
        """Make one session note durable (``{"session": {...}}``: the remote lock); replay skips it."""
        line = {"session": record}
        self._write(_encode({**line, "crc": _crc(line)}))

    def extend(self, actions: list[Action]) -> None:
        """Copy many actions at once (one fsync), for carrying a show into a new journal."""
        if not actions:
            return
        data = b"".join(_encode(stamped(a, self.next_seq + i)) for i, a in enumerate(actions))
        self._write(data)
        self.next_seq += len(actions)
        self.appended += len(actions)

    def close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    @property
    def closed(self) -> bool:
        return self._fd is None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def continue_journal(
    plan: Plan,
    actions: list[Action],
    folder: Path,
    came_from: Path | str,
    created: datetime | None = None,
) -> Journal:
    """Carry the show into a new journal under ``folder`` (another disk, when the journal cannot be written).

    The new journal has the plan's header with ``continued_from`` naming the old journal, then
    every replayed action, fsynced before this returns. It is the event's journal in that data
    folder (``journal_path(plan, folder)``); if one is already there, a numbered name next to it.
    Raises ``OSError`` if ``folder`` cannot be written either (nothing is left behind then).
    """
    target = journal_path(plan, folder)
    n = 1
    while target.exists():
        n += 1
        target = target.with_name(f"{journal_name(plan).removesuffix(SUFFIX)}-{n}{SUFFIX}")
    journal = Journal.create(target, plan, created, continued_from=str(came_from))
    try:
        journal.extend(actions)
    except OSError:
        journal.close()
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return journal


def archive(path: Path, stamp: datetime) -> Path:
    """Move a journal aside (never delete it): ``name.archived-YYYYmmddTHHMMSS.jsonl``."""
    ensure_not_busy(path)
    base = path.name.removesuffix(SUFFIX)
    target = path.with_name(f"{base}.archived-{stamp:%Y%m%dT%H%M%S}{SUFFIX}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{base}.archived-{stamp:%Y%m%dT%H%M%S}-{n}{SUFFIX}")
    os.replace(path, target)
    _fsync_dir(path.parent)
    return target
