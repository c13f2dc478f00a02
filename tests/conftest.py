"""Shared fixtures and the suite's own rules. Qt tests run on the offscreen platform: CI has no display.

This file imports no Qt at module level: ``tests/plan``, ``tests/live`` and ``tests/present``
run in a venv without PySide6 (and without pytest-qt), which proves those layers Qt-free.

- The ``gui`` marker is set here, by folder (everything under ``tests/session`` and
  ``tests/ui``) and by fixture (any test that asks for ``qapp`` or ``qtbot``), never by hand
  in those folders; ``-m "not gui"`` runs the pure core alone.
- Every ``gui`` test fails if it leaves a ``QTimer`` running (napari's ``_dangling_qtimers``):
  a timer still active at the end of a test fires in the next one, or after the app is gone.
  Mark a test ``allow_dangling_timers`` only with a reason.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
SCHEDULE_2021 = ROOT / "schedules" / "2021-industrial-complex-conference.toml"
GUI_FOLDERS = ("session", "ui")
QT_FIXTURES = ("qapp", "qtbot", "qapp_args", "qapp_cls")
PYTEST_QT = "pytest-qt"  # the plugin's name (its entry point); blocked with -p no:pytest-qt


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    parser.addoption("--runslow", action="store_true", default=False, help="run the long modes too")
    if not pluginmanager.has_plugin(PYTEST_QT):
        # Without pytest-qt (the Qt-free run) its ini key must still be known: --strict-config.
        parser.addini("qt_log_level_fail", "pytest-qt's option (pytest-qt is not loaded here)", default="")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_dangling_timers(reason): this test may leave a QTimer running")
    if not config.pluginmanager.has_plugin(PYTEST_QT):
        config.addinivalue_line("markers", "qt_log_ignore: pytest-qt's marker (pytest-qt is not loaded here)")


def is_gui_test(item: pytest.Item) -> bool:
    """Under tests/session or tests/ui, or asking for a Qt fixture."""
    try:
        folder = Path(str(item.path)).resolve().relative_to(TESTS).parts[0]
    except ValueError:
        folder = ""
    return folder in GUI_FOLDERS or any(name in QT_FIXTURES for name in getattr(item, "fixturenames", ()))


@pytest.hookimpl(tryfirst=True)  # before -m selects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if is_gui_test(item):
            item.add_marker(pytest.mark.gui)
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="long mode: pass --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


# ── no test leaves a timer running ───────────────────────────────────────
def _describe(timer: Any) -> str:
    name = timer.objectName() or type(timer).__name__
    parent = timer.parent()
    owner = f" of {type(parent).__name__}" if parent is not None else ""
    return f"{name}{owner} (interval {timer.interval()} ms, {'single shot' if timer.isSingleShot() else 'repeating'})"


@pytest.fixture(autouse=True)
def _dangling_qtimers(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a Qt test that leaves a QTimer active, or a static ``QTimer.singleShot`` pending."""
    if request.node.get_closest_marker("gui") is None or request.node.get_closest_marker("allow_dangling_timers"):
        yield
        return
    from PySide6.QtCore import QTimer

    started: weakref.WeakSet[Any] = weakref.WeakSet()
    base_start = QTimer.start
    base_single_shot = QTimer.singleShot
    pending_single_shots: list[str] = []

    def start(self: Any, *args: Any) -> None:
        started.add(self)
        base_start(self, *args)

    def single_shot(*args: Any) -> None:
        # Static single shots cannot be cancelled (PySide6 returns None): track the callback.
        callback = args[-1]
        if callable(callback) and not isinstance(callback, str):
            label = getattr(callback, "__qualname__", repr(callback))
            pending_single_shots.append(label)

            def fire(*a: Any, _cb: Callable[..., Any] = callback, _label: str = label) -> Any:
                if _label in pending_single_shots:
                    pending_single_shots.remove(_label)
                return _cb(*a)

            args = (*args[:-1], fire)
        base_single_shot(*args)

    monkeypatch.setattr(QTimer, "start", start)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))
    yield
    monkeypatch.undo()
    dangling: list[str] = []
    for timer in list(started):
        try:
            if timer.isActive():
                dangling.append(_describe(timer))
                timer.stop()  # do not let it fire into the next test
        except RuntimeError:  # its C++ object is already deleted: nothing is running
            continue
    dangling += [f"QTimer.singleShot → {label}" for label in pending_single_shots]
    if dangling:
        pytest.fail(
            f"{len(dangling)} QTimer(s) left running by this test (stop them or close what owns them): "
            + "; ".join(sorted(dangling)),
            pytrace=False,
        )


# ── the 2021 conference ──────────────────────────────────────────────────
@pytest.fixture(scope="session")
def plan_2021():
    from runshow.plan import load_plan

    return load_plan(SCHEDULE_2021)


@pytest.fixture
def at(plan_2021):
    """``at(13, 30)`` → an aware datetime on the event's date in its time zone."""

    def make(hour: int, minute: int, second: int = 0, micro: int = 0) -> datetime:
        return datetime(2021, 10, 15, hour, minute, second, micro, tzinfo=plan_2021.event.timezone)

    return make
