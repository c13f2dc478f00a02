"""Alert wording in the operator's language, through an injected translator.

The pure planner (``runshow.live.alerts``) hands over the ingredients of each
alert (rule, lead, subject, detail) and a Korean-with-English fallback. Here the
words are put together through a :class:`~runshow.present.translate.Translator`
so Korean (the default) and English both come from the .ts files like every
other string on screen, in the windows, the web views and the reports alike. A
custom alert's text is the schedule author's own and is shown as written.

Every template takes the same arguments: ``%1`` the lead ("2 min"), ``%2`` the
subject (the cue, the speaker, the next segment or the time), ``%3`` the detail.
"""

from __future__ import annotations

from datetime import timedelta

from runshow.live.alerts import PlannedAlert, Rule
from runshow.present.translate import QT_TRANSLATE_NOOP, Translator, Words, fill

_CONTEXT = "AlertText"

# rule → (the operator's line, the stage's few words)
_WORDS: dict[Rule, tuple[str, str]] = {
    Rule.WRAPUP_WARNING: (
        QT_TRANSLATE_NOOP("AlertText", "Wrap up: %1 left — %2"),
        QT_TRANSLATE_NOOP("AlertText", "Wrap up, %1"),
    ),
    Rule.WRAPUP_DANGER: (
        QT_TRANSLATE_NOOP("AlertText", "Ending: %1 left — %2"),
        QT_TRANSLATE_NOOP("AlertText", "Ending, %1"),
    ),
    Rule.OVERTIME: (
        QT_TRANSLATE_NOOP("AlertText", "Overtime — %2"),
        QT_TRANSLATE_NOOP("AlertText", "Overtime"),
    ),
    Rule.BREAK_STARTING: (
        QT_TRANSLATE_NOOP("AlertText", "Break starts in %1"),
        QT_TRANSLATE_NOOP("AlertText", "Break in %1"),
    ),
    Rule.BREAK_ENDING: (
        QT_TRANSLATE_NOOP("AlertText", "Break ends in %1: call the audience back"),
        QT_TRANSLATE_NOOP("AlertText", "Break ends in %1"),
    ),
    Rule.BREAK_OVER: (
        QT_TRANSLATE_NOOP("AlertText", "Break over — next: %2"),
        QT_TRANSLATE_NOOP("AlertText", "Break over"),
    ),
    Rule.SPEAKER_STANDBY: (
        QT_TRANSLATE_NOOP("AlertText", "Stand by: %2, on in %1 (%3)"),
        QT_TRANSLATE_NOOP("AlertText", "%2, stand by"),
    ),
    Rule.SHOW_END_WARNING: (
        QT_TRANSLATE_NOOP("AlertText", "The show ends in %1 (%2)"),
        QT_TRANSLATE_NOOP("AlertText", "End in %1"),
    ),
    Rule.SHOW_END: (
        QT_TRANSLATE_NOOP("AlertText", "Planned stream end %2"),
        QT_TRANSLATE_NOOP("AlertText", "End %2"),
    ),
}


_UNSTREAMED_END = QT_TRANSLATE_NOOP("AlertText", "Planned end of the show %2")


def lead_words(lead: timedelta | None, tr: Translator) -> str:
    """``2 min``, ``30 s``, ``1 min 30 s`` (or their Korean)."""
    w = Words(tr)
    total = int(lead.total_seconds()) if lead is not None else 0
    minutes, seconds = divmod(total, 60)
    parts = []
    if minutes:
        parts.append(fill(w.translate("AlertText", "%1 min"), minutes))
    if seconds or not minutes:
        parts.append(fill(w.translate("AlertText", "%1 s"), seconds))
    return " ".join(parts)


def _word(alert: PlannedAlert, which: int, fallback: str, tr: Translator) -> str:
    words = _WORDS.get(alert.rule)
    if words is None:  # a custom alert: the author's own words
        return fallback
    template = words[which]
    if alert.rule is Rule.BREAK_OVER and not alert.subject:
        template = words[1]  # the last segment was a break: nothing comes next
    if alert.rule is Rule.SHOW_END and which == 0 and alert.detail != "stream":
        template = _UNSTREAMED_END  # "stream" only when the event has one
    return fill(tr(_CONTEXT, template), lead_words(alert.lead, tr), alert.subject, alert.detail)


def alert_text(alert: PlannedAlert, tr: Translator) -> str:
    """The operator's line for an alert (toast and log)."""
    return _word(alert, 0, alert.text, tr)


def alert_short(alert: PlannedAlert, tr: Translator) -> str:
    """A few large words for the stage."""
    return _word(alert, 1, alert.short, tr)
