"""File → Save amended schedule: the plan as amended, written as schedule TOML text.

Pure: :func:`amended_schedule_toml` returns the text; the caller writes it to a
*new* file the operator chose (the schedule file the show was loaded from is
never rewritten). The text reads back with ``runshow.plan.parse_plan`` to the
same plan: every segment with its start and end, speakers with their slots,
parts with their lengths, the alert rules (the most common set as ``[alerts]``,
each segment's differences as its own ``alerts`` table) and the custom alerts.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta

from runshow.plan.model import AlertSettings, Plan

_RULES = (
    "wrapup_warning",
    "wrapup_danger",
    "overtime",
    "break_starting",
    "break_ending",
    "break_over",
    "speaker_standby",
    "show_end_warning",
    "show_end",
)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def _duration(value: timedelta) -> str:
    total = int(value.total_seconds())
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    out = (f"{h}h" if h else "") + (f"{m}m" if m else "") + (f"{s}s" if s else "")
    return _q(out or "0s")


def _time(value: datetime) -> str:
    return _q(f"{value:%H:%M}" if value.second == 0 else f"{value:%H:%M:%S}")


def _rule_value(value: object) -> str:
    if value is None:
        return "false"
    if isinstance(value, bool):
        return "true" if value else "false"
    assert isinstance(value, timedelta)
    return _duration(value)


def _rules(settings: AlertSettings, base: AlertSettings | None) -> list[str]:
    lines = []
    for name in _RULES:
        value = getattr(settings, name)
        if base is None or value != getattr(base, name):
            lines.append(f"{name} = {_rule_value(value)}")
    for table in ("audience", "chime"):
        mine: dict[str, object] = getattr(settings, table)
        theirs: dict[str, object] = getattr(base, table) if base is not None else {}
        changed = {k: v for k, v in mine.items() if theirs.get(k) != v}
        if changed:
            body = ", ".join(
                f"{k} = {_q(str(v)) if table == 'audience' else ('true' if v else 'false')}" for k, v in changed.items()
            )
            lines.append(f"{table} = {{ {body} }}")
    return lines


def _key(settings: AlertSettings) -> tuple[object, ...]:
    return (
        *(getattr(settings, n) for n in _RULES),
        tuple(sorted(settings.audience.items())),
        tuple(sorted(settings.chime.items())),
    )


def amended_schedule_toml(plan: Plan, note: str = "") -> str:
    """``plan`` as a schedule file's text (see the module docstring)."""
    ev = plan.event
    out: list[str] = []
    out.append(f"# {ev.title}: the schedule as amended during the show.")
    if plan.source:
        out.append(f"# Amended from {plan.source}; that file is unchanged.")
    if note:
        out.extend(f"# {line}" for line in note.splitlines())
    out += [
        "",
        "[event]",
        f"title = {_q(ev.title)}",
        f"date = {ev.date.isoformat()}",
        f"timezone = {_q(str(ev.timezone))}",
    ]
    if ev.id:
        out.append(f"id = {_q(ev.id)}")
    if ev.hard_stop is not None:
        out.append(f"hard_stop = {_time(ev.hard_stop)}")
    for name in ("venue", "stream", "notes"):
        if getattr(ev, name):
            out.append(f"{name} = {_q(getattr(ev, name))}")
    for name in ("hosts", "organisers"):
        if getattr(ev, name):
            out.append(f"{name} = [{', '.join(_q(x) for x in getattr(ev, name))}]")

    by_key = Counter(_key(s.alerts) for s in plan.segments)
    common_key = by_key.most_common(1)[0][0]
    base = next(s.alerts for s in plan.segments if _key(s.alerts) == common_key)
    out += ["", "[alerts]", *_rules(base, None)]
    for c in plan.custom_alerts:
        out += ["", "[[alerts.custom]]", f"id = {_q(c.id)}", f"text = {_q(c.text)}"]
        if c.at is not None:
            out.append(f"at = {_time(c.at)}")
        if c.segment_id is not None:
            out += [f"segment = {_q(c.segment_id)}", f"anchor = {_q(c.anchor)}"]
            if c.offset < timedelta(0):
                out.append(f"before = {_duration(-c.offset)}")
            elif c.offset > timedelta(0):
                out.append(f"after = {_duration(c.offset)}")
        out += [f"audience = {_q(c.audience.value)}", f"chime = {'true' if c.chime else 'false'}"]

    segments = {s.id: s for s in plan.segments}
    for part in plan.parts:
        out += [
            "",
            "[[part]]",
            f"id = {_q(part.id)}",
            f"title = {_q(part.title)}",
        ]
        if part.declared is not None:  # a part without a length declares none, and is not checked
            out.append(f"length = {_duration(part.declared)}")
        for sid in part.segment_ids:
            seg = segments[sid]
            out += [
                "",
                "[[part.segment]]",
                f"id = {_q(seg.id)}",
                f"title = {_q(seg.title)}",
                f"kind = {_q(seg.kind.value)}",
                f"start = {_time(seg.start)}",
                f"end = {_time(seg.end)}",
            ]
            if seg.owner:
                out.append(f"owner = {_q(seg.owner)}")
            if seg.notes:
                out.append(f"notes = {_q(seg.notes)}")
            if seg.min_length is not None:
                out.append(f"min = {_duration(seg.min_length)}")
            if seg.trim_order is not None:
                out.append(f"trim_order = {seg.trim_order}")
            diff = _rules(seg.alerts, base)
            if diff:
                out += ["", "[part.segment.alerts]", *diff]
            for sp in seg.speakers:
                out += ["", "[[part.segment.speaker]]", f"name = {_q(sp.name)}", f"duration = {_duration(sp.duration)}"]
                if sp.affiliation:
                    out.append(f"affiliation = {_q(sp.affiliation)}")
                if sp.topic:
                    out.append(f"topic = {_q(sp.topic)}")
    return "\n".join(out) + "\n"
