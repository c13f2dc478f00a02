"""Alert planning: from the plan, the show and now, which alerts are still to come.

Pure, like the fold: :func:`plan_alerts` reads a :class:`Show` and the
:class:`ShowState` at an instant and returns an :class:`AlertPlan`. Nothing is
armed here; the Qt side (``runshow.session.alert_armer``) turns ``upcoming`` into timers and
calls this again after every action, mode switch and clock change, so a plan
is only ever a projection from the last thing that happened.

How instants are found (also in ``docs/alerts.md``):

- Rules *before* a cue (``speaker_standby``, ``break_starting``) aim at its
  projected start; rules *during* a cue (``wrapup_warning``, ``wrapup_danger``,
  ``overtime``, ``break_ending``, ``break_over``) aim at its projected end and
  only apply while that cue is on (:meth:`PlannedAlert.applies`) — a future
  cue's end moves when the one before it overruns, and it is re-planned when
  it actually starts.
- The current cue ends at ``now + remaining`` (not clamped), so its overtime
  instant stays put once passed; overtime is announced one second after the
  end, when the countdown first reads −00:01.
- While the show is paused the cue-relative instants are unknown (the clock
  runs, the cue does not): they are held, and come back on resume.
- In manual mode, a cue before the current one that never started was skipped
  (a ``goto`` jumped over it, or ``next`` past it): its alerts go to
  ``dropped`` for the log and are never fired late.
- ``show_end`` is the *planned* end of the show (the last segment's planned end; "stream"
  wording only when the event has a ``stream``), not the projected one;
  ``show_end_warning`` is N before the *projected* end of the show (the last segment's
  projected end), whatever kind the last segment is.
- An untimed speaker has no countdown of their own: the wrap-up and overtime alerts of a
  segment with untimed speakers are the segment's (keyed by its first cue, aimed at its end,
  applying while any of its speakers is on), and only its first speaker is called to stand by.
- The item after a real gap is waited for, not run: its alerts aim at its planned start.

A :class:`PlannedAlert` has a stable ``key`` (rule, cue, and — only when the
operator went back to a cue that had already run — the instant it restarted),
so re-planning the same show yields the same keys and the armer can keep
exactly one job per key and remember which keys have fired.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from runshow.live.actions import Mode
from runshow.live.cues import Cue
from runshow.live.show import Show, Status
from runshow.live.state import ShowState
from runshow.plan.kinds import CALLED_KINDS
from runshow.plan.model import AlertSettings, Audience, CustomAlert
from runshow.plan.rules import DEFAULT_AUDIENCE, DEFAULT_CHIME
from runshow.plan.rules import Rule as Rule  # the one rule registry, re-exported: alerts name their rule

_ZERO = timedelta(0)
# Overtime is announced when the countdown first shows −00:01 (the ceiling rule in state.py), so
# a cue ended right on its time — as an on-time operator or a script does — never counts as over.
OVERTIME_AFTER = timedelta(seconds=1)


# Ties at one instant are shown in this order (the wrap-up before the stand-by it precedes).
_ORDER = {rule: i for i, rule in enumerate(Rule)}

# Kinds whose cue has someone to call to the stage even without named speakers.
_CALLED = CALLED_KINDS


@dataclass(frozen=True, slots=True)
class PlannedAlert:
    """One alert at one instant, with everything the operator and stage need to show it."""

    key: str
    instant: datetime
    rule: Rule
    audience: Audience
    chime: bool
    text: str  # Korean, with the English in brackets: for the operator's log and toast
    short: str  # a few large words for the stage
    segment_id: str | None = None
    cue_index: int | None = None
    requires_on: tuple[int, ...] = ()  # cue indexes one of which must be on at the instant
    # The words' ingredients, so the Qt side can say it in the operator's language
    # (runshow.present.alert_text); ``text``/``short`` are the Korean-with-English fallback.
    lead: timedelta | None = None
    subject: str = ""  # who or what: the cue's label, the speaker, the next segment, the time
    detail: str = ""  # stand-by: the segment the speaker is called for

    @property
    def order(self) -> str:
        """Sorts alerts that share an instant the way the plan lists them."""
        return f"{_ORDER[self.rule]:02d}:{-1 if self.cue_index is None else self.cue_index:05d}"

    @property
    def for_operator(self) -> bool:
        return self.audience in (Audience.OPERATOR, Audience.BOTH)

    @property
    def for_stage(self) -> bool:
        return self.audience in (Audience.STAGE, Audience.BOTH)

    def applies(self, state: ShowState) -> bool:
        """Whether the alert still means something at fire time (its cue is on)."""
        if not self.requires_on:
            return True
        return state.cue is not None and state.cue.index in self.requires_on


@dataclass(frozen=True, slots=True)
class AlertPlan:
    """Alerts split around ``at``: still to come, already passed, and dropped with a skipped cue."""

    at: datetime
    upcoming: tuple[PlannedAlert, ...]
    past: tuple[PlannedAlert, ...]
    dropped: tuple[PlannedAlert, ...]
    held: bool = False  # the show is paused: cue-relative alerts are not planned
    # Alerts are planned only for a window of cues around now (see WINDOW_CUES); until this
    # instant the plan is complete, and the armer re-plans before it is reached. None: complete.
    complete_until: datetime | None = None

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(a.key for a in self.upcoming)


def _lead_words(lead: timedelta) -> tuple[str, str]:
    """(Korean, English) for a lead like 2m or 30s."""
    total = int(lead.total_seconds())
    m, s = divmod(total, 60)
    ko = (f"{m}분" if m else "") + (f" {s}초" if m and s else f"{s}초" if s else "")
    en = (f"{m} min" if m else "") + (f" {s} s" if m and s else f"{s} s" if s else "")
    return ko.strip() or "0초", en.strip() or "0 s"


def _who(cue: Cue) -> str:
    if cue.speaker is not None:
        return cue.speaker.name
    return cue.segment.owner or cue.segment.title


@dataclass
class _Builder:
    """Collects alerts for one plan, applying each rule's audience and chime settings."""

    out: list[PlannedAlert]
    # The memo of :func:`_cue_alerts`: what the previous re-plan used, and what this one uses.
    previous: _CueMemo = field(default_factory=dict)
    memo: _CueMemo = field(default_factory=dict)

    def add(
        self,
        rule: Rule,
        settings: AlertSettings,
        key: str,
        instant: datetime,
        text: str,
        short: str,
        cue: Cue | None = None,
        requires_on: tuple[int, ...] = (),
        *,
        lead: timedelta | None = None,
        subject: str = "",
        detail: str = "",
    ) -> None:
        audience = settings.audience.get(rule.value, DEFAULT_AUDIENCE.get(rule, Audience.OPERATOR))
        chime = settings.chime.get(rule.value, DEFAULT_CHIME.get(rule, True))
        self.out.append(
            PlannedAlert(
                key=key,
                instant=instant,
                rule=rule,
                audience=Audience(audience),
                chime=chime,
                text=text,
                short=short,
                segment_id=cue.segment.id if cue else None,
                cue_index=cue.index if cue else None,
                requires_on=requires_on,
                lead=lead,
                subject=subject,
                detail=detail,
            )
        )


# (id(cue), id(next cue), start, end, suffix, countdown) → (cue, next cue, its alerts). The alerts of
# a cue are a function of exactly these (the cue carries its segment, its rules and its speaker;
# the plan is immutable), and most re-plans ask again for the same cues at the same instants (the
# window behind now, and every cue ahead after an on-time next). The cue objects are kept in the
# entry and compared by identity, so an id reused after a re-layout can never hit. Each re-plan
# reads the entries the previous one used and keeps only those it used itself, so the memo holds
# one window and never needs a sweep.
_CueKey = tuple[int, int, datetime, datetime, str, bool]
_CueMemo = dict[_CueKey, tuple[Cue, Cue | None, tuple[PlannedAlert, ...]]]
_last_used: _CueMemo = {}


def _cue_alerts(
    b: _Builder,
    cue: Cue,
    start: datetime,
    end: datetime,
    suffix: str,
    next_cue: Cue | None,
    *,
    countdown: bool = True,
) -> None:
    """Every rule of one cue, given when it starts and when it would end if left on.

    For an untimed speaker ``end`` is the segment's end and ``countdown`` says whether this cue
    carries the segment's wrap-up and overtime (one cue does: the one on, else the first).
    """
    key = (id(cue), id(next_cue), start, end, suffix, countdown)
    hit = b.memo.get(key) or b.previous.get(key)
    if hit is not None and hit[0] is cue and hit[1] is next_cue:
        b.memo[key] = hit
        b.out.extend(hit[2])
        return
    made = _Builder([])
    _build_cue_alerts(made, cue, start, end, suffix, next_cue, countdown=countdown)
    b.memo[key] = (cue, next_cue, tuple(made.out))
    b.out.extend(made.out)


def _build_cue_alerts(
    b: _Builder,
    cue: Cue,
    start: datetime,
    end: datetime,
    suffix: str,
    next_cue: Cue | None,
    *,
    countdown: bool = True,
) -> None:
    """:func:`_cue_alerts` without the memo."""
    rules = cue.segment.alerts
    tag = f"#{cue.index}{suffix}"
    on: tuple[int, ...] = (cue.index,)
    if cue.untimed:
        tag = f"#{cue.seg_first}{suffix}"
        on = tuple(range(cue.seg_first, cue.seg_last + 1))
    if cue.segment.is_break:
        over = f"휴식 종료 — {next_cue.segment.title} (Break over)" if next_cue else "휴식 종료 (Break over)"
        if rules.break_starting is not None:
            ko, en = _lead_words(rules.break_starting)
            b.add(
                Rule.BREAK_STARTING,
                rules,
                f"break_starting{tag}",
                start - rules.break_starting,
                f"{ko} 후 휴식 시작 (Break starts in {en})",
                f"{ko} 후 휴식",
                cue,
                lead=rules.break_starting,
            )
        if rules.break_ending is not None:
            ko, en = _lead_words(rules.break_ending)
            b.add(
                Rule.BREAK_ENDING,
                rules,
                f"break_ending{tag}",
                end - rules.break_ending,
                f"휴식 종료 {ko} 전 — 청중 입장 안내 (Break ends in {en}: call the audience back)",
                f"휴식 종료 {ko} 전",
                cue,
                on,
                lead=rules.break_ending,
            )
        if rules.break_over:
            b.add(
                Rule.BREAK_OVER,
                rules,
                f"break_over{tag}",
                end,
                over,
                "휴식 종료",
                cue,
                on + ((next_cue.index,) if next_cue else ()),  # in follow mode the next cue is on
                subject=next_cue.segment.title if next_cue else "",
            )
        return
    called = cue.speaker is not None or cue.segment.kind in _CALLED
    if cue.untimed and cue.index != cue.seg_first:
        called = False  # no planned time of their own: the segment's first speaker is called
    if rules.speaker_standby is not None and called:
        ko, en = _lead_words(rules.speaker_standby)
        who = _who(cue)
        b.add(
            Rule.SPEAKER_STANDBY,
            rules,
            f"speaker_standby{tag}",
            start - rules.speaker_standby,
            f"{who} 대기 — {ko} 후 {cue.segment.title} (Stand by: {who}, on in {en})",
            f"{who} 대기",
            cue,
            lead=rules.speaker_standby,
            subject=who,
            detail=cue.segment.title,
        )
    if not countdown:
        return
    length = end - start
    for rule, lead, ko_word, en_word in (
        (Rule.WRAPUP_WARNING, rules.wrapup_warning, "마무리", "Wrap up"),
        (Rule.WRAPUP_DANGER, rules.wrapup_danger, "곧 종료", "Ending"),
    ):
        if lead is None or lead >= length:
            continue  # a lead as long as the cue would warn before it starts
        ko, en = _lead_words(lead)
        b.add(
            rule,
            rules,
            f"{rule.value}{tag}",
            end - lead,
            f"{ko_word} — {cue.label} 남은 시간 {ko} ({en_word}: {en} left)",
            f"{ko_word} {ko}",
            cue,
            on,
            lead=lead,
            subject=cue.label,
        )
    if rules.overtime:
        b.add(
            Rule.OVERTIME,
            rules,
            f"overtime{tag}",
            end + OVERTIME_AFTER,
            f"시간 초과 — {cue.label} (Overtime)",
            "시간 초과",
            cue,
            on,
            subject=cue.label,
        )


def _custom(b: _Builder, alert: CustomAlert, show: Show, times: dict[int, tuple[datetime, datetime]]) -> None:
    settings = AlertSettings(audience={"custom": alert.audience}, chime={"custom": alert.chime})
    if alert.at is not None:
        b.add(Rule.CUSTOM, settings, f"custom:{alert.id}", alert.at, alert.text, alert.text)
        return
    assert alert.segment_id is not None
    first = show.first_cue_of(alert.segment_id)
    seg_cues = tuple(c.index for c in show.cues if c.segment.id == alert.segment_id)
    if alert.anchor == "start":
        if first not in times:
            return
        instant = times[first][0] + alert.offset
        requires: tuple[int, ...] = seg_cues if alert.offset > _ZERO else ()
    else:
        last = seg_cues[-1]
        if last not in times:
            return
        instant = times[last][1] + alert.offset
        requires = seg_cues if alert.offset < _ZERO else ()  # right at the end the next cue is on
    b.add(Rule.CUSTOM, settings, f"custom:{alert.id}", instant, alert.text, alert.text, show.cues[first], requires)


def _sort_key(a: PlannedAlert) -> tuple[datetime, int, int]:
    return (a.instant, _ORDER[a.rule], -1 if a.cue_index is None else a.cue_index)


# A re-plan happens after every action; on a 1,000-segment festival building every alert of
# every cue each time cost ~13 ms (bench). Only a window of cues around now is planned: the
# next WINDOW_CUES cues ahead (the plan says until when it is complete) and, behind, the last
# WINDOW_CUES cues or those that ended within MISSED_LOOKBACK, whichever reaches further.
WINDOW_CUES = 32
# The armer plans fewer ahead: every later alert moves with each adjust and each is an
# APScheduler job to move (~95 job moves an adjust at 32; 1,000 segments, runshow bench). Eight
# cues, or everything due within WINDOW_AHEAD, whichever reaches further; its horizon re-plan
# extends the window in time.
WINDOW_CUES_AHEAD = 8
WINDOW_AHEAD = timedelta(minutes=10)  # and anything due this soon, however many cues away
MISSED_LOOKBACK = timedelta(minutes=15)  # how far back a restart reports missed alerts, at most


def _lead_before_start(cue: Cue) -> timedelta:
    rules = cue.segment.alerts
    leads = [lead for lead in (rules.speaker_standby, rules.break_starting) if lead is not None]
    return max(leads, default=_ZERO)


_max_leads: dict[int, tuple[tuple[Cue, ...], timedelta]] = {}


def _max_lead(cues: tuple[Cue, ...]) -> timedelta:
    """The longest lead before a cue's start any cue of ``cues`` has (cached per cue list)."""
    hit = _max_leads.get(id(cues))
    if hit is not None and hit[0] is cues:
        return hit[1]
    lead = max((_lead_before_start(c) for c in cues), default=_ZERO)
    if len(_max_leads) > 8:
        _max_leads.clear()
    _max_leads[id(cues)] = (cues, lead)
    return lead


def _custom_anchors(show: Show) -> frozenset[int]:
    """The cues whose times the plan's custom alerts read (their segment's first and last)."""
    out: set[int] = set()
    for custom in show.plan.custom_alerts:
        if custom.segment_id is not None:
            seg_cues = [c.index for c in show.cues if c.segment.id == custom.segment_id]
            if seg_cues:
                out.update((seg_cues[0], seg_cues[-1]))
    return frozenset(out)


def plan_alerts(show: Show, state: ShowState, ahead: int | None = None) -> AlertPlan:
    """The alerts of the show as it stands at ``state.at`` within the planning window (``ahead``
    cues from now, default WINDOW_CUES, or what is due within WINDOW_AHEAD), split into to-come,
    passed and dropped."""
    if ahead is None:
        ahead = WINDOW_CUES
    now = state.at
    p = show.progress
    cues = show.cues
    manual = state.mode is Mode.MANUAL
    current = state.cue.index if state.cue else None
    held = state.status is Status.PAUSED
    timing = state.timing  # per cue, O(1): the cues past the window are never looked at

    active: list[PlannedAlert] = []
    skipped: list[PlannedAlert] = []
    global _last_used
    memo: _CueMemo = {}
    b, drop = _Builder(active, _last_used, memo), _Builder(skipped, _last_used, memo)
    times: dict[int, tuple[datetime, datetime]] = {}  # cue → (start, end-if-left-on) for customs
    skipped_cues: set[int] = set()
    ended = state.status is Status.ENDED
    pivot = len(cues) if ended else (current if current is not None else 0)
    complete_until: datetime | None = None
    max_lead = _max_lead(cues)
    # Cues this far behind the one on are passed over when long gone (below); for most that is
    # known from a bound on their ends without building their timing. Not the cues a custom alert
    # is anchored to: those need their times.
    far_behind = pivot - WINDOW_CUES
    gone_before = now - MISSED_LOOKBACK - OVERTIME_AFTER
    anchors = _custom_anchors(show) if show.plan.custom_alerts else frozenset()
    bound = state.past_end_bound
    for i in range(len(cues)):
        if i < far_behind and i not in anchors:
            ends_by = bound(i)
            if ends_by is not None and ends_by < gone_before:
                continue  # long gone (the same test as below, on a bound of what it reads)
        t = timing(i)
        cue = t.cue
        nxt = cues[i + 1] if i + 1 < len(cues) else None
        past = ended or (current is not None and i < current)
        if past:
            start = t.actual_start
            if start is None:
                if manual:
                    skipped_cues.add(i)
                    _cue_alerts(drop, cue, cue.planned_start, cue.planned_end, "", nxt)
                continue
            end_on = start + t.length
            stopped = t.actual_end or end_on
            times[i] = (start, end_on)
            if i < pivot - WINDOW_CUES and max(end_on, stopped) + OVERTIME_AFTER < now - MISSED_LOOKBACK:
                continue  # long gone: nothing of it can still be reported
            before = len(active)
            countdown = True
            if cue.untimed:
                # The segment's countdown: from its first speaker's start over the whole segment.
                # Carried by its first cue, unless the segment is still on (the cue on carries it).
                in_segment = current is not None and cue.seg_first <= current <= cue.seg_last
                countdown = i == cue.seg_first and not in_segment
                seg_start = timing(cue.seg_first).actual_start or start
                end_on = seg_start + (cues[cue.seg_last].planned_end - cues[cue.seg_first].planned_start)
                stopped = timing(cue.seg_last).actual_end or end_on
            _cue_alerts(b, cue, start, end_on, "", nxt, countdown=countdown)
            # During-cue alerts of a cue stopped before their instant never applied (break over
            # still does right at the end: the cue after the break is on then).
            active[before:] = [
                a
                for a in active[before:]
                if not a.requires_on or a.instant < stopped or (a.rule is Rule.BREAK_OVER and a.instant == stopped)
            ]
            continue
        if held:
            continue
        countdown = True
        if i == current:
            end_if_on = state.end_if_left_on
            assert end_if_on is not None
            start = t.projected_start or cue.planned_start
            end = end_if_on
            suffix = ""
            if (
                manual
                and state.gap_until is None
                and cue.gap_before == _ZERO
                and p.cue_started_at is not None
                and p.actual_start.get(i, p.cue_started_at) != start
            ):
                suffix = f"@{start:%H%M%S%f}"  # went back to a cue that had run: its alerts apply anew
        else:
            if t.projected_start is None or t.projected_end is None:
                continue
            start, end, suffix = t.projected_start, t.projected_end, ""
            if cue.untimed:
                in_segment = current is not None and cue.seg_first <= current <= cue.seg_last
                countdown = i == cue.seg_first and not in_segment
                last_t = timing(cue.seg_last)
                end = last_t.projected_end or end
        times[i] = (start, end)
        first_due = start - _lead_before_start(cue)
        if i >= pivot + ahead and first_due > now + WINDOW_AHEAD:
            # Beyond the window: planned at a later re-plan, before its first alert is due.
            complete_until = first_due if complete_until is None else min(complete_until, first_due)
            if start - max_lead > now + WINDOW_AHEAD:
                # Later cues start no earlier (projections run in cue order), so none of theirs
                # is due before this bound: stop here (the re-plan comes before it).
                complete_until = min(complete_until, start - max_lead)
                break
            continue
        _cue_alerts(b, cue, start, end, suffix, nxt, countdown=countdown)

    closing = cues[-1].segment
    rules = closing.alerts
    final = timing(len(cues) - 1) if cues else None
    show_end_at = None if final is None else (final.actual_end or final.projected_end)
    if rules.show_end_warning is not None and show_end_at is not None and not held and not ended:
        # Before the end of the show as projected (the last segment's end), not its start.
        ko, en = _lead_words(rules.show_end_warning)
        b.add(
            Rule.SHOW_END_WARNING,
            rules,
            "show_end_warning",
            show_end_at - rules.show_end_warning,
            f"행사 종료 {ko} 전 ({en} to the end of the show, {show_end_at:%H:%M})",
            f"종료 {ko} 전",
            lead=rules.show_end_warning,
            subject=f"{show_end_at.astimezone(show.plan.event.timezone):%H:%M}",
        )
    if rules.show_end:
        end = show.plan.end
        hm = f"{end.astimezone(show.plan.event.timezone):%H:%M}"
        streamed = bool(show.plan.event.stream)
        b.add(
            Rule.SHOW_END,
            rules,
            "show_end",
            end,
            f"송출 종료 예정 시각 {hm} (Planned stream end)"
            if streamed
            else f"행사 종료 예정 시각 {hm} (Planned end of the show)",
            f"종료 {hm}",
            subject=hm,
            detail="stream" if streamed else "",
        )
    planned = {c.index: (c.planned_start, c.planned_end) for c in cues} if show.plan.custom_alerts else {}
    for custom in show.plan.custom_alerts:
        if custom.segment_id is not None:
            seg_cues = [c.index for c in cues if c.segment.id == custom.segment_id]
            anchor = seg_cues[0] if custom.anchor == "start" else seg_cues[-1]
            if anchor in skipped_cues:
                _custom(drop, custom, show, planned)
                continue
        if held and custom.at is None:
            continue
        _custom(b, custom, show, times)

    _last_used = memo
    if not manual:
        active = [a for a in active if a.rule is not Rule.OVERTIME]  # the plan itself cannot overrun
    active.sort(key=_sort_key)
    skipped.sort(key=_sort_key)
    return AlertPlan(
        at=now,
        upcoming=tuple(a for a in active if a.instant >= now),
        past=tuple(a for a in active if a.instant < now),
        dropped=tuple(skipped),
        held=held,
        complete_until=complete_until,
    )


# ── alert history (journaled, so the log comes back after a crash) ─────────
class AlertEvent(enum.StrEnum):
    """What happened to an alert, as the operator's log shows it."""

    FIRED = "fired"
    MISSED = "missed"
    DROPPED = "dropped"
    ACKNOWLEDGED = "acknowledged"


def alert_to_json(alert: PlannedAlert) -> dict[str, Any]:
    """A planned alert with everything its log row needs (its words' ingredients included)."""
    out: dict[str, Any] = {
        "key": alert.key,
        "instant": alert.instant.isoformat(),
        "rule": alert.rule.value,
        "audience": alert.audience.value,
        "chime": alert.chime,
        "text": alert.text,
        "short": alert.short,
    }
    if alert.segment_id is not None:
        out["segment"] = alert.segment_id
    if alert.cue_index is not None:
        out["cue"] = alert.cue_index
    if alert.requires_on:
        out["requires_on"] = list(alert.requires_on)
    if alert.lead is not None:
        out["lead_s"] = alert.lead.total_seconds()
    if alert.subject:
        out["subject"] = alert.subject
    if alert.detail:
        out["detail"] = alert.detail
    return out


def _aware(text: object) -> datetime:
    if not isinstance(text, str):
        raise TypeError("a time must be an ISO 8601 string")
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("time has no time zone")
    return value


def alert_from_json(data: dict[str, Any]) -> PlannedAlert:
    """Inverse of :func:`alert_to_json`; raises ``ValueError``/``KeyError``/``TypeError`` on bad input."""
    lead = data.get("lead_s")
    cue = data.get("cue")
    return PlannedAlert(
        key=str(data["key"]),
        instant=_aware(data["instant"]),
        rule=Rule(data["rule"]),
        audience=Audience(data["audience"]),
        chime=bool(data["chime"]),
        text=str(data["text"]),
        short=str(data["short"]),
        segment_id=str(data["segment"]) if data.get("segment") is not None else None,
        cue_index=int(cue) if cue is not None else None,
        requires_on=tuple(int(i) for i in data.get("requires_on", ())),
        lead=timedelta(seconds=float(lead)) if lead is not None else None,
        subject=str(data.get("subject", "")),
        detail=str(data.get("detail", "")),
    )


@dataclass(frozen=True, slots=True)
class AlertRecord:
    """One line of alert history: an alert fired, missed or dropped, or a key acknowledged.

    ``at`` is the show clock's instant it happened (for ``fired``, the instant it
    went off); an acknowledgement carries only the ``key``.
    """

    event: AlertEvent
    at: datetime
    key: str
    alert: PlannedAlert | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"event": self.event.value, "at": self.at.isoformat(), "key": self.key}
        if self.alert is not None:
            out["alert"] = alert_to_json(self.alert)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AlertRecord:
        event = AlertEvent(data["event"])
        alert = alert_from_json(data["alert"]) if data.get("alert") is not None else None
        if alert is None and event is not AlertEvent.ACKNOWLEDGED:
            raise ValueError(f"a {event.value} record needs its alert")
        return cls(event, _aware(data["at"]), str(data["key"]), alert)


def alert_history(records: list[dict[str, Any]]) -> tuple[list[AlertRecord], list[str]]:
    """The readable records of a journal's alert lines, and why any others were skipped."""
    out: list[AlertRecord] = []
    problems: list[str] = []
    for n, data in enumerate(records, start=1):
        try:
            out.append(AlertRecord.from_json(data))
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"alert record {n}: {exc}")
    return out, problems
