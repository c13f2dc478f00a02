"""The journal: every accepted operator action, durable before anyone sees it.

On event day there is no second take. The show state is a fold of the plan and
the actions, so a file of actions is all it takes to get the show back after a
crash: replay it and the same cue, actual times, adjustments, message and mode
come back. That only works if an action is on disk *before* the windows show
it, so :meth:`Journal.append` writes, flushes and ``fsync``\\ s each line, and
the directory is ``fsync``\\ ed when the file is created.

Format (JSON lines, UTF-8):

- line 1, the header: format name and version, the event (title, date, time
  zone), the schedule (path and sha256 digest of its bytes) and the segments as
  they were (id, title, kind, start, end, speaker names), so a later start can
  say what changed in the schedule since;
- every other line: one :meth:`Action.to_json` record plus ``crc`` (CRC-32 of the record's
  canonical JSON); a record without ``crc`` (written by hand) is read as it is;
- alert history lines ``{"alert": {...}, "crc": ...}`` (:meth:`Journal.append_alert`): what the
  alert log showed (fired, missed, dropped, acknowledged), so it comes back after a crash. The
  fold never sees them; they are read into ``JournalContents.alerts``.
- session notes ``{"session": {...}, "crc": ...}`` (:meth:`Journal.append_note`): the remote
  lock switched on or off (``runshow.remote.control``); read into ``JournalContents.notes``.

Reading never raises on content: every complete, valid record is kept and
everything else (a torn last line after a crash, garbage, bad fields, an
action older than the one before) is reported with its line number.
"""

from __future__ import annotations

import errno
import json
import os
import re
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from runshow.live.actions import Action
from runshow.plan.model import Plan

FORMAT = "runshow-journal"
VERSION = 1
SUFFIX = ".jsonl"
CLOSED_TORN = "closed-torn-line"  # a marker line written after a torn line when a journal is reopened
DATA_DIR_ENV = "RUNSHOW_DATA_DIR"


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


def event_stem(plan: Plan) -> str:
    """The part of a journal's name shared by every schedule version of one event."""
    return f"{plan.event.date:%Y-%m-%d}-{_slug(plan.event.title)}"


def journal_path(plan: Plan, base: Path | None = None) -> Path:
    """One journal per event and schedule: date, title slug and a short digest of the file."""
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

    @classmethod
    def of(cls, plan: Plan, created: datetime | None = None) -> JournalHeader:
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
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "event": {"title": self.event_title, "date": self.event_date.isoformat(), "timezone": self.timezone},
            "schedule": {"path": self.schedule, "sha256": self.digest},
            "segments": [
                {
                    "id": s.id,
                    "title": s.title,
                    "start": s.start.isoformat(),
                    "end": s.end.isoformat(),
                    "speakers": list(s.speakers),
                }
                for s in self.segments
            ],
            "created": self.created.isoformat() if self.created else None,
        }

    @classmethod
    def from_json(cls, data: Any) -> JournalHeader:
        """Raises ``ValueError``/``KeyError``/``TypeError`` on anything that is not a header."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} header")
        version = data.get("version")
        if version != VERSION:
            raise ValueError(f"unsupported journal version {version!r} (this runshow reads {VERSION})")
        ev, sch = data["event"], data["schedule"]
        segments = tuple(
            SegmentStamp(
                id=str(s["id"]),
                title=str(s["title"]),
                start=_aware(s["start"]),
                end=_aware(s["end"]),
                speakers=tuple(str(n) for n in s.get("speakers", [])),
            )
            for s in data["segments"]
        )
        created = data.get("created")
        return cls(
            event_title=str(ev["title"]),
            event_date=date.fromisoformat(ev["date"]),
            timezone=str(ev["timezone"]),
            schedule=str(sch["path"]),
            digest=str(sch["sha256"]),
            segments=segments,
            created=_aware(created) if created else None,
            version=VERSION,
        )


def _aware(text: Any) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("time has no time zone")
    return value


# ── reading ───────────────────────────────────────────────────────────────
@dataclass(frozen=True, slots=True)
class JournalProblem:
    """A line of the journal that was not kept, and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class JournalContents:
    path: Path
    header: JournalHeader | None
    actions: list[Action] = field(default_factory=list)
    problems: list[JournalProblem] = field(default_factory=list)
    lines: int = 0  # how many lines the file has, torn ones included
    alerts: list[dict[str, Any]] = field(default_factory=list)  # alert history lines, in order
    notes: list[dict[str, Any]] = field(default_factory=list)  # session notes (the remote lock), in order


def read_journal(path: Path) -> JournalContents:
    """Every complete valid record of ``path``, and a located report of the rest. Never raises on content."""
    out = JournalContents(path, None)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        out.problems.append(JournalProblem(0, f"cannot read the journal: {exc.strerror or exc}"))
        return out
    chunks = raw.split(b"\n")
    torn_tail = chunks[-1] != b""  # the last write did not finish its line
    if not torn_tail:
        chunks.pop()
    out.lines = len(chunks)
    marker = json.dumps({"note": CLOSED_TORN}).encode()
    closed_off = {
        n - 1 for n, chunk in enumerate(chunks, start=1) if chunk.replace(b" ", b"") == marker.replace(b" ", b"")
    }
    last: datetime | None = None
    for number, chunk in enumerate(chunks, start=1):
        torn = (torn_tail and number == len(chunks)) or number in closed_off
        record = _parse_line(chunk, number, torn, out)
        if record is None or record.get("note") == CLOSED_TORN:
            continue
        if number == 1:
            try:
                out.header = JournalHeader.from_json(record)
            except (ValueError, KeyError, TypeError) as exc:
                out.problems.append(JournalProblem(1, f"unreadable header: {exc}"))
                out.header = None
            else:
                continue
            if record.get("format") == FORMAT:
                continue  # a damaged header is not an action either
        crc = record.pop("crc", None)
        if crc is not None and crc != _crc(record):
            out.problems.append(JournalProblem(number, "damaged record (its checksum does not match); skipped"))
            continue
        if isinstance(record.get("alert"), dict):  # alert history, not an action
            out.alerts.append(record["alert"])
            continue
        if isinstance(record.get("session"), dict):  # a session note (the remote lock), not an action
            out.notes.append(record["session"])
            continue
        try:
            action = Action.from_json(record)
        except (ValueError, KeyError, TypeError) as exc:
            out.problems.append(JournalProblem(number, f"not an action: {_reason(exc)}"))
            continue
        if last is not None and action.at < last:
            out.problems.append(
                JournalProblem(number, f"action at {action.at.isoformat()} is older than the one before it; skipped")
            )
            continue
        last = action.at
        out.actions.append(action)
    if out.header is None and out.lines and not any(p.line == 1 for p in out.problems):
        out.problems.insert(0, JournalProblem(1, "the first line is not a journal header"))
    return out


def _crc(record: dict[str, Any]) -> str:
    canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{zlib.crc32(canonical.encode('utf-8')):08x}"


def stamped(action: Action) -> dict[str, Any]:
    """An action's journal record: its JSON plus a checksum, so a damaged byte (a flipped digit in a
    time would otherwise look valid and push every later record out of order) costs one line only."""
    record = action.to_json()
    return {**record, "crc": _crc(record)}


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    return str(exc) or type(exc).__name__


def _parse_line(chunk: bytes, number: int, torn: bool, out: JournalContents) -> dict[str, Any] | None:
    if not chunk.strip():
        if torn:
            out.problems.append(JournalProblem(number, "torn line (blank bytes): a crash cut this write short"))
        return None
    try:
        text = chunk.decode("utf-8")
        record = json.loads(text)
    except (UnicodeDecodeError, ValueError):
        why = "torn line: a crash cut this write short" if torn else "garbage (not a JSON record)"
        out.problems.append(JournalProblem(number, why))
        return None
    if not isinstance(record, dict):
        out.problems.append(JournalProblem(number, "garbage (a JSON value that is not a record)"))
        return None
    if torn and record.get("note") != CLOSED_TORN:
        # A complete JSON object without its newline: the bytes all landed but the line
        # was never acknowledged. Keep it (it is whole), and say so.
        out.problems.append(
            JournalProblem(number, "torn line whose newline a crash cut; kept because the record is complete")
        )
    return record


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


def _lock(fh: IO[bytes], path: Path) -> None:
    """Hold the journal for this process, so two copies of runshow never interleave one show.

    An advisory ``flock``: released by the OS when the process dies, even by SIGKILL,
    so a crash never leaves a stale lock. (No-op where ``fcntl`` does not exist.)
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        raise JournalBusyError(errno.EAGAIN, "another runshow is writing this journal", str(path)) from None


def ensure_not_busy(path: Path) -> None:
    """Raise :class:`JournalBusyError` if another process holds ``path`` (checked before archiving it)."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return
    _lock(fh, path)
    fh.close()


class Journal:
    """An open journal file, appended to one fsynced line at a time (an ``ActionSink``)."""

    def __init__(self, path: Path, handle: IO[bytes], appended: int = 0) -> None:
        self.path = path
        self._fh = handle
        self.appended = appended  # actions appended through this object

    @classmethod
    def create(cls, path: Path, plan: Plan, created: datetime | None = None) -> Journal:
        """Start a new journal at ``path`` (which must not exist) with the plan's header."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path, "xb")  # noqa: SIM115 - the Journal owns the handle until close()
        _lock(fh, path)
        journal = cls(path, fh)
        journal._write_line(JournalHeader.of(plan, created).to_json())
        _fsync_dir(path.parent)
        return journal

    @classmethod
    def open_existing(cls, path: Path) -> Journal:
        """Append to a journal found on start.

        A torn last line (the crash cut a write short; it was never acknowledged) is
        kept, closed off with a newline and followed by a marker line, so new records
        stay whole and later reads can still say that line was torn, not garbage.
        """
        fh = open(path, "r+b")  # noqa: SIM115 - the Journal owns the handle until close()
        _lock(fh, path)
        fh.seek(0, os.SEEK_END)
        if fh.tell() > 0:
            fh.seek(-1, os.SEEK_END)
            if fh.read(1) != b"\n":
                fh.write(b"\n" + json.dumps({"note": CLOSED_TORN}).encode() + b"\n")
                fh.flush()
                os.fsync(fh.fileno())
        return cls(path, fh)

    def _write_line(self, record: dict[str, Any]) -> None:
        data = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        self._fh.write(data)
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def append(self, action: Action) -> None:
        """Make ``action`` durable; returns only once it is on disk."""
        self._write_line(stamped(action))
        self.appended += 1

    def append_alert(self, record: dict[str, Any]) -> None:
        """Make one line of alert history durable (``runshow.live.alerts.AlertRecord.to_json``)."""
        line = {"alert": record}
        self._write_line({**line, "crc": _crc(line)})

    def append_note(self, record: dict[str, Any]) -> None:
        """Make one session note durable (``{"session": {...}}``: the remote lock); replay skips it."""
        line = {"session": record}
        self._write_line({**line, "crc": _crc(line)})

    def extend(self, actions: list[Action]) -> None:
        """Copy many actions at once (one fsync), for carrying a show into a new journal."""
        if not actions:
            return
        data = b"".join(
            json.dumps(stamped(a), ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" for a in actions
        )
        self._fh.write(data)
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.appended += len(actions)

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()

    @property
    def closed(self) -> bool:
        return self._fh.closed

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
