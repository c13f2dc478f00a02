"""PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit`` from Python.

After a few hundred emits (a few minutes of a live show's ticks) CPython frees
``True`` and aborts with "bool_dealloc". pyproject.toml excludes that release;
this test catches a reinstall of it, or a future release with the same bug.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal(int)


def test_emit_keeps_the_reference_count_of_true(qapp):
    emitter = _Emitter()
    received: list[int] = []
    emitter.ping.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(50):
        emitter.ping.emit(n)
    after = sys.getrefcount(True)
    assert len(received) == 50
    assert after >= before - 5, f"Signal.emit leaked {before - after} references to True"
