"""Helpers for journal tests: a version-1 journal as the previous runshow wrote it."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from runshow.live.actions import Action
from runshow.live.journal import FORMAT, legacy_journal_path
from runshow.plan.model import Plan


def _crc(record: dict) -> str:
    canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{zlib.crc32(canonical.encode('utf-8')):08x}"


def write_v1(plan: Plan, base: Path, actions: list[Action], path: Path | None = None) -> Path:
    """A journal in the version-1 format (header with the segments, no checksum; records with a crc, no seq)."""
    path = path or legacy_journal_path(plan, base)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = {
        "format": FORMAT,
        "version": 1,
        "event": {"title": plan.event.title, "date": plan.event.date.isoformat(), "timezone": str(plan.event.timezone)},
        "schedule": {"path": plan.source, "sha256": plan.digest},
        "segments": [
            {
                "id": s.id,
                "title": s.title,
                "start": s.start.isoformat(),
                "end": s.end.isoformat(),
                "speakers": [sp.name for sp in s.speakers],
            }
            for s in plan.segments
        ],
        "created": None,
    }
    lines = [json.dumps(header, ensure_ascii=False, separators=(",", ":"))]
    for a in actions:
        record = a.to_json()
        lines.append(json.dumps({**record, "crc": _crc(record)}, ensure_ascii=False, separators=(",", ":")))
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path
