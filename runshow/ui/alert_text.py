"""Alert wording in the operator's language, through Qt's translator.

The pure planner cannot use Qt, so it hands over the ingredients of each alert
(rule, lead, subject, detail) and a Korean-with-English fallback. Here the words
are put together with ``QCoreApplication.translate`` so Korean (the default)
and English both come from the .ts files like every other string on screen. A
custom alert's text is the schedule author's own and is shown as written.

Every template takes the same arguments: ``%1`` the lead ("2 min"), ``%2`` the
subject (the cue, the speaker, the next segment or the time), ``%3`` the detail.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from runshow.live.alerts import PlannedAlert, Rule

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
        QT_TRANSLATE_NOOP("AlertText", "%1 to %2"),
        QT_TRANSLATE_NOOP("AlertText", "%1 to %2"),
    ),
    Rule.SHOW_END: (
        QT_TRANSLATE_NOOP("AlertText", "Planned stream end %2"),
        QT_TRANSLATE_NOOP("AlertText", "End %2"),
    ),
}


def lead_words(lead: timedelta | None) -> str:
    """``2 min``, ``30 s``, ``1 min 30 s`` (or their Korean)."""
    total = int(lead.total_seconds()) if lead is not None else 0
    minutes, seconds = divmod(total, 60)
    parts = []
    if minutes:
        parts.append(QCoreApplication.translate("AlertText", "%1 min").replace("%1", str(minutes)))
    if seconds or not minutes:
        parts.append(QCoreApplication.translate("AlertText", "%1 s").replace("%1", str(seconds)))
    return " ".join(parts)


def _word(alert: PlannedAlert, which: int, fallback: str) -> str:
    words = _WORDS.get(alert.rule)
    if words is None:  # a custom alert: the author's own words
        return fallback
    template = words[which]
    if alert.rule is Rule.BREAK_OVER and not alert.subject:
        template = words[1]  # the last segment was a break: nothing comes next
    text = QCoreApplication.translate(_CONTEXT, template)
    for i, value in enumerate((lead_words(alert.lead), alert.subject, alert.detail), start=1):
        text = text.replace(f"%{i}", value)
    return text


def alert_text(alert: PlannedAlert) -> str:
    """The operator's line for an alert (toast and log)."""
    return _word(alert, 0, alert.text)


def alert_short(alert: PlannedAlert) -> str:
    """A few large words for the stage."""
    return _word(alert, 1, alert.short)
