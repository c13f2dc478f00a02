"""runshow: a run-of-show app for live events."""

__version__ = "0.1.0"
