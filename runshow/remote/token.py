"""The control token: one secret every remote action must carry (HTTP, WebSocket), localhost included.

Generated on first run with :func:`secrets.token_urlsafe`, kept in the data folder
(``$RUNSHOW_DATA_DIR`` or the platform's user data directory, the journals' root)
as ``remote-token`` with owner-only permissions (0600), and compared in constant
time (:func:`hmac.compare_digest`). No Qt here.

A token file with wider permissions (copied from elsewhere, an old umask) is
narrowed to 0600 when read; one that is empty or unreadable is replaced by a
new token, logged.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import secrets
import stat
from pathlib import Path

from runshow.live.journal import data_dir

log = logging.getLogger(__name__)

TOKEN_FILE = "remote-token"
TOKEN_BYTES = 24  # 32 URL-safe characters
_OWNER_ONLY = 0o600


def token_path(base: Path | None = None) -> Path:
    """Where the token lives: ``<data folder>/remote-token``."""
    return (base if base is not None else data_dir()) / TOKEN_FILE


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def _write(path: Path, token: str) -> None:
    """Write ``token`` to a new file created 0600 (never world-readable, even for an instant)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".new")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _OWNER_ONLY)
    try:
        os.write(fd, (token + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):  # a filesystem without modes (FAT on a stick): best effort
        os.chmod(tmp, _OWNER_ONLY)
    os.replace(tmp, path)


def load_or_create_token(base: Path | None = None) -> str:
    """The stored token, or a new one written with 0600 on first run."""
    path = token_path(base)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            log.warning("%s was readable by others (%o); narrowing it to 0600", path, mode)
            with contextlib.suppress(OSError):
                os.chmod(path, _OWNER_ONLY)
        token = path.read_text(encoding="ascii").strip()
        if token:
            return token
        log.warning("%s is empty; writing a new control token", path)
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("cannot read the control token %s (%s); writing a new one", path, exc)
    token = new_token()
    _write(path, token)
    return token


def regenerate_token(base: Path | None = None) -> str:
    """A new token replaces the old one (every client must be given the new one)."""
    token = new_token()
    _write(token_path(base), token)
    return token


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison; a missing or non-ASCII token never matches."""
    if not given or not expected:
        return False
    try:
        return hmac.compare_digest(given.encode("ascii"), expected.encode("ascii"))
    except UnicodeEncodeError:
        return False
