"""Alert instants turned into APScheduler jobs on the Qt event loop (QtCore only, no widgets)."""

from runshow.alerts.armer import AlertArmer, FiredAlert
from runshow.alerts.scheduler import ClockScheduler

__all__ = ["AlertArmer", "ClockScheduler", "FiredAlert"]
