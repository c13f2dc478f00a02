"""Alert wording in the operator's language, through Qt's translator.

The pure planner cannot use Qt, so it hands over the ingredients of each alert
(rule, lead, subject) and a Korean-with-English fallback. Here the words are
put together with ``QCoreApplication.translate`` so Korean (the default) and
English both come from the .ts files like every other string on screen. A
custom alert's text is the schedule author's own and is shown as written.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from runshow.live.alerts import PlannedAlert, Rule


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


def _fill(template: str, *values: str) -> str:
    for i, value in enumerate(values, start=1):
        template = template.replace(f"%{i}", value)
    return template


def alert_text(alert: PlannedAlert) -> str:
    """The operator's line for an alert (toast and log)."""
    lead, subject = lead_words(alert.lead), alert.subject
    rule = alert.rule
    if rule is Rule.CUSTOM:
        return alert.text
    if rule is Rule.WRAPUP_WARNING:
        return _fill(QCoreApplication.translate("AlertText", "Wrap up: %1 left — %2"), lead, subject)
    if rule is Rule.WRAPUP_DANGER:
        return _fill(QCoreApplication.translate("AlertText", "Ending: %1 left — %2"), lead, subject)
    if rule is Rule.OVERTIME:
        return _fill(QCoreApplication.translate("AlertText", "Overtime — %1"), subject)
    if rule is Rule.BREAK_STARTING:
        return _fill(QCoreApplication.translate("AlertText", "Break starts in %1"), lead)
    if rule is Rule.BREAK_ENDING:
        return _fill(QCoreApplication.translate("AlertText", "Break ends in %1: call the audience back"), lead)
    if rule is Rule.BREAK_OVER:
        return (
            _fill(QCoreApplication.translate("AlertText", "Break over — next: %1"), subject)
            if subject
            else QCoreApplication.translate("AlertText", "Break over")
        )
    if rule is Rule.SPEAKER_STANDBY:
        return _fill(
            QCoreApplication.translate("AlertText", "Stand by: %1, on in %2 (%3)"), subject, lead, alert.detail
        )
    if rule is Rule.SHOW_END_WARNING:
        return _fill(QCoreApplication.translate("AlertText", "%1 to %2"), lead, subject)
    if rule is Rule.SHOW_END:
        return _fill(QCoreApplication.translate("AlertText", "Planned stream end %1"), subject)
    return alert.text


def alert_short(alert: PlannedAlert) -> str:
    """A few large words for the stage."""
    lead, subject = lead_words(alert.lead), alert.subject
    rule = alert.rule
    if rule is Rule.CUSTOM:
        return alert.short
    if rule is Rule.WRAPUP_WARNING:
        return _fill(QCoreApplication.translate("AlertText", "Wrap up, %1"), lead)
    if rule is Rule.WRAPUP_DANGER:
        return _fill(QCoreApplication.translate("AlertText", "Ending, %1"), lead)
    if rule is Rule.OVERTIME:
        return QCoreApplication.translate("AlertText", "Overtime")
    if rule is Rule.BREAK_STARTING:
        return _fill(QCoreApplication.translate("AlertText", "Break in %1"), lead)
    if rule is Rule.BREAK_ENDING:
        return _fill(QCoreApplication.translate("AlertText", "Break ends in %1"), lead)
    if rule is Rule.BREAK_OVER:
        return QCoreApplication.translate("AlertText", "Break over")
    if rule is Rule.SPEAKER_STANDBY:
        return _fill(QCoreApplication.translate("AlertText", "%1, stand by"), subject)
    if rule is Rule.SHOW_END_WARNING:
        return _fill(QCoreApplication.translate("AlertText", "%1 to %2"), lead, subject)
    if rule is Rule.SHOW_END:
        return _fill(QCoreApplication.translate("AlertText", "End %1"), subject)
    return alert.short
