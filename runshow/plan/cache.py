"""A cache of validated plans, so reopening a big schedule does not parse and validate it again.

Parsing and validating a 5,000-segment festival takes about 0.25 s; unpickling the plan it
gave takes 0.02 s. The app opens a schedule through :func:`load_cached`: an entry is used only
when it was made from exactly these bytes, under this path, by exactly this loader (the
runshow version, the Python version and the source of every module of ``runshow/plan``: a
changed rule or message is a different loader). Anything else (no entry, another key, an
entry that cannot be read or unpickled, or whose plan does not name these bytes) is a miss
and the file is loaded in full, as without a cache; a schedule with problems is never cached,
so its problems are always found and worded by the validator itself.

Entries live in the user's cache folder (``platformdirs.user_cache_dir("runshow")/plans``, or
``$RUNSHOW_CACHE_DIR/plans``),
at most :data:`MAX_ENTRIES` of them (the least recently used go first). Writing one is left to
the caller (:meth:`CachedLoad.save`), so an app can write it after its first paint.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from runshow.plan.model import Plan

log = logging.getLogger(__name__)

MAGIC = b"runshow plan cache 1\n"
MAX_ENTRIES = 8
SUFFIX = ".plan"


CACHE_DIR_ENV = "RUNSHOW_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$RUNSHOW_CACHE_DIR/plans``, or ``plans`` in the platform's user cache folder."""
    base = os.environ.get(CACHE_DIR_ENV)
    if base:
        return Path(base) / "plans"
    import platformdirs  # lazy: only the app's start-up needs it

    return Path(platformdirs.user_cache_dir("runshow", appauthor=False)) / "plans"


@functools.cache
def loader_fingerprint() -> str:
    """What made a cached plan: runshow's version, Python's, and every byte of ``runshow/plan``."""
    import runshow

    h = hashlib.sha256()
    h.update(MAGIC)
    h.update(runshow.__version__.encode())
    h.update(sys.version.encode())
    here = Path(__file__).resolve().parent
    for path in sorted(here.rglob("*.py")):
        h.update(str(path.relative_to(here)).encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


def cache_key(raw: bytes, source: str) -> str:
    """The entry's name: the loader, the path the plan names, and the file's bytes."""
    h = hashlib.sha256()
    for part in (loader_fingerprint().encode(), source.encode("utf-8", "surrogateescape"), raw):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


@dataclass
class CachedLoad:
    """A plan and where it came from; :meth:`save` stores it if it was loaded in full."""

    plan: Plan
    hit: bool
    _save: Callable[[], None] | None = field(default=None, repr=False)

    def save(self) -> None:
        """Write the entry (once; never raises: a cache that cannot be written is only slower)."""
        save, self._save = self._save, None
        if save is not None:
            save()


def load_cached(
    path: str | Path,
    cache_dir: Path | None = None,
    *,
    load: Callable[[bytes, str], Plan] | None = None,
) -> CachedLoad:
    """The plan of the schedule at ``path``, from the cache when an entry for these bytes exists.

    Raises :class:`runshow.plan.ScheduleError` exactly as :func:`runshow.plan.load_plan` does.
    """
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError:
        from runshow.plan.loader import load_plan

        return CachedLoad(load_plan(path), hit=False)  # the loader words the problem
    directory = default_cache_dir() if cache_dir is None else cache_dir
    key = cache_key(raw, source)
    entry = directory / f"{key}{SUFFIX}"
    digest = hashlib.sha256(raw).hexdigest()
    plan = _read(entry, key, digest, source)
    if plan is not None:
        _touch(entry)
        return CachedLoad(plan, hit=True)
    if load is None:
        from runshow.plan.loader import parse_plan

        load = parse_plan
    loaded = load(raw, source)  # a ScheduleError goes to the caller as it is: nothing is cached
    return CachedLoad(loaded, hit=False, _save=lambda: _write(directory, entry, key, loaded))


def _read(entry: Path, key: str, digest: str, source: str) -> Plan | None:
    try:
        blob = entry.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.info("plan cache %s not readable (%s): loading the schedule in full", entry, exc)
        return None
    try:
        if not blob.startswith(MAGIC):
            raise ValueError("not a plan cache entry")
        stored = pickle.loads(blob[len(MAGIC) :])
        if not isinstance(stored, dict) or stored.get("key") != key:
            raise ValueError("made for other bytes or another loader")
        plan = stored.get("plan")
        if not isinstance(plan, Plan) or plan.digest != digest or plan.source != source:
            raise ValueError("its plan names another file")
    except Exception as exc:  # whatever a damaged file unpickles to: a miss, then overwritten
        log.warning("plan cache %s unusable (%s: %s): loading the schedule in full", entry, type(exc).__name__, exc)
        _remove(entry)
        return None
    return plan


def _write(directory: Path, entry: Path, key: str, plan: Plan) -> None:
    try:
        blob = MAGIC + pickle.dumps({"key": key, "plan": plan}, protocol=pickle.HIGHEST_PROTOCOL)
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".writing-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(blob)
            os.replace(tmp, entry)  # whole or not at all: a reader never sees half an entry
        except BaseException:
            _remove(Path(tmp))
            raise
        _prune(directory)
    except Exception as exc:
        log.warning("plan cache %s not written (%s: %s)", entry, type(exc).__name__, exc)


def _touch(entry: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used: pruned last


def _prune(directory: Path) -> None:
    entries = []
    for p in directory.glob(f"*{SUFFIX}"):
        try:
            entries.append((p.stat().st_mtime, p))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, p in entries[MAX_ENTRIES:]:
        _remove(p)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
