"""A journal that cannot record is a red bar in the control room until it is resolved.

The whole app is built (``runshow.ui.app.build_app``) on a real journal in a temporary data
folder (``RUNSHOW_DATA_DIR``). Faults are injected at the system call, as the journal meets
them: a read-only file, folder or disk refuses ``os.open`` for writing (we run as root in CI,
where ``chmod`` would not stop a write); a full disk fails ``os.write`` after part of a record
landed. The folder dialog sits behind :meth:`JournalFaultBar.ask`, replaced here.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtCore import QSettings, Qt

from runshow.live import journal as journal_mod
from runshow.live.actions import Action, ActionKind, adjust, next_cue, start
from runshow.live.clock import ManualClock
from runshow.live.journal import DATA_DIR_ENV, Journal, journal_path, read_journal
from runshow.live.reasons import Reason
from runshow.live.recovery import continuation_file
from runshow.ui import app as shell
from runshow.ui.journal_fault import JournalFaultBar, remembered_journals
from runshow.ui.recovery import RecoveryDialogs


class SilentChime:
    def play(self) -> None:
        pass


@contextlib.contextmanager
def read_only_under(folder: Path) -> Iterator[None]:
    """Every open for writing under ``folder`` refused (EROFS), as a read-only disk does; elsewhere untouched."""
    real = os.open
    inside = str(folder.resolve())

    def fake(path: object, flags: int, *args: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and str(Path(str(path)).resolve()).startswith(inside):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real(path, flags, *args)  # type: ignore[arg-type]

    with mock.patch.object(journal_mod.os, "open", fake):
        yield


class FullDisk:
    """``os.write`` on a full disk: a third of the record lands, then ENOSPC (while ``full``)."""

    def __init__(self) -> None:
        self.full = False
        self.real = os.write

    def __call__(self, fd: int, data: bytes) -> int:
        if self.full:
            self.real(fd, bytes(data[: len(data) // 3]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.real(fd, data)


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    told: list[str] = []
    for name in ("inform", "warn"):
        monkeypatch.setattr(RecoveryDialogs, name, classmethod(lambda cls, p, t, text: told.append(text)))
    return folder


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def launch(qtbot, plan_2021, settings):
    """Open the journal as the app does (opening, recovery) and build the whole app on it."""
    built: list[shell.AppWindows] = []

    def make(clock: ManualClock) -> shell.AppWindows:
        journal, actions = shell.open_journal(
            plan_2021, clock, environ={}, elsewhere=remembered_journals(settings, plan_2021)
        )
        windows = shell.build_app(
            plan_2021, clock, actions=actions, journal=journal, chime=SilentChime(), journal_settings=settings
        )
        qtbot.addWidget(windows.stage)
        qtbot.addWidget(windows.operator)
        built.append(windows)
        return windows

    yield make
    for windows in built:
        windows.close()


def _write_show(plan, base: Path, actions: list[Action]) -> Path:
    path = journal_path(plan, base)
    with Journal.create(path, plan, created=actions[0].at) as journal:
        for action in actions:
            journal.append(action)
    return path


def _bar(windows: shell.AppWindows) -> JournalFaultBar:
    assert windows.journal_fault is not None
    return windows.journal_fault


def test_a_read_only_journal_replays_and_shows_the_bar_until_the_show_continues_elsewhere(
    plan_2021, at, data, tmp_path, launch, settings, monkeypatch, qtbot
):
    before = [start(at(13, 30, 2)), next_cue(at(13, 35)), adjust(at(13, 36), 60)]
    old = _write_show(plan_2021, data, before)
    clock = ManualClock(at(13, 40))
    other = tmp_path / "usb"
    with read_only_under(data):
        windows = launch(clock)
        bar = _bar(windows)
        # Replayed, though nothing can be written: same cue, and the bar says why, at start.
        assert windows.controller.show.actions == before
        assert windows.controller.state.cue is not None and windows.controller.state.cue.index == 1
        assert not bar.isHidden()
        assert bar.fault is not None and bar.fault.code == "read-only"
        assert str(old) in bar.text
        # Alerts missed before 13:40 are logged at start, but their history is not tried on the read-only journal:
        # one bar says the journal cannot record, not a second one per alert.
        assert windows.operator.fault_bar.isHidden()
        # A key is refused (it could not be kept) and the bar stays: it is not a toast.
        clock.advance(30)
        assert windows.controller.adjust(60).reason is Reason.JOURNAL_FAILED
        assert "Not done" in windows.operator.statusBar().currentMessage()
        assert not bar.isHidden()
        assert not hasattr(bar, "dismiss_button")
        # "Continue in another folder…": the show is carried there, the controller records into it.
        monkeypatch.setattr(JournalFaultBar, "ask", classmethod(lambda cls, parent: other))
        qtbot.mouseClick(bar.continue_button, Qt.MouseButton.LeftButton)
        assert bar.isHidden() and bar.fault is None
        moved = journal_path(plan_2021, other)
        assert getattr(windows.controller.journal, "path", None) == moved
        assert str(moved) in windows.operator.statusBar().currentMessage()
        clock.advance(30)
        assert windows.controller.start_or_next() is None  # the show goes on
        after = windows.controller.show.actions
        assert [a.kind for a in after] == [ActionKind.START, ActionKind.NEXT, ActionKind.ADJUST, ActionKind.NEXT]
    windows.close()
    # The old journal was never written; the new one holds the whole show and says where it came from.
    assert read_journal(old).actions == before
    carried = read_journal(moved)
    assert carried.actions == after and carried.header is not None
    assert carried.header.continued_from == str(old)
    assert remembered_journals(settings, plan_2021) == [moved]
    assert continuation_file(data).exists()

    # The next start finds the continued journal (the data folder's note) and resumes the same cue.
    again = launch(ManualClock(at(13, 50)))
    assert again.controller.show.actions == after
    assert getattr(again.controller.journal, "path", None) == moved
    assert _bar(again).isHidden()
    assert again.controller.state.cue is not None and again.controller.state.cue.index == 2
    again.close()

    # Without the data folder's note (it could not be written: a read-only disk), the app's settings find it.
    continuation_file(data).unlink()
    third = launch(ManualClock(at(13, 55)))
    assert third.controller.show.actions == after
    assert getattr(third.controller.journal, "path", None) == moved
    assert third.controller.adjust(30) is None
    third.close()
    assert [a.kind for a in read_journal(moved).actions][-1] is ActionKind.ADJUST


def test_continuing_into_a_folder_that_cannot_be_written_either_keeps_the_bar(
    plan_2021, at, data, tmp_path, launch, monkeypatch
):
    _write_show(plan_2021, data, [start(at(13, 30, 2))])
    other = tmp_path / "also-read-only"
    with read_only_under(data), read_only_under(other):
        windows = launch(ManualClock(at(13, 40)))
        bar = _bar(windows)
        monkeypatch.setattr(JournalFaultBar, "ask", classmethod(lambda cls, parent: other))
        assert not bar.continue_elsewhere()
        assert not bar.isHidden() and bar.fault is not None
        assert str(other) in bar.text
        assert getattr(windows.controller.journal, "path", None) == journal_path(plan_2021, data)
        monkeypatch.setattr(JournalFaultBar, "ask", classmethod(lambda cls, parent: None))  # cancelled
        assert not bar.continue_elsewhere()
        assert not bar.isHidden()
    assert not list(other.rglob("*.jsonl"))  # nothing half-made left behind


def test_disk_full_refuses_keys_tells_the_operator_and_never_writes_them_later(plan_2021, at, data, launch):
    clock = ManualClock(at(13, 29))
    windows = launch(clock)
    bar = _bar(windows)
    commands = windows.operator.commands
    assert bar.isHidden()
    full = FullDisk()
    acknowledged: list[Action] = []
    refused: list[Action] = []
    reasons: list[object] = []
    windows.controller.actionRejected.connect(lambda why: reasons.append(why.reason))

    def press(action_key) -> None:  # a key of the control room, as the operator presses it
        clock.advance(7)
        count = len(windows.controller.show.actions)
        action_key.trigger()
        if len(windows.controller.show.actions) > count:
            acknowledged.append(windows.controller.show.actions[-1])

    with mock.patch.object(journal_mod.os, "write", full):
        press(commands.start_next)
        press(commands.adjust_plus)
        full.full = True
        for key in (commands.start_next, commands.adjust_minus, commands.adjust_plus, commands.start_next):
            clock.advance(7)
            count = len(windows.controller.show.actions)
            key.trigger()
            assert len(windows.controller.show.actions) == count, "a refused key changed the show"
            refused.append(Action(ActionKind.NEXT, clock.now()))  # the instant it was pressed
            assert "Not done" in windows.operator.statusBar().currentMessage()
            assert not bar.isHidden() and bar.fault is not None and bar.fault.code == "write-failed"
        assert reasons == [Reason.JOURNAL_FAILED] * 4
        assert windows.controller.state.cue is not None and windows.controller.state.cue.index == 0
        full.full = False  # space is back
        press(commands.start_next)
        assert bar.isHidden()
        press(commands.adjust_plus)
    assert len(acknowledged) == 4
    windows.close()

    on_disk = read_journal(journal_path(plan_2021, data))
    assert on_disk.actions == acknowledged
    assert on_disk.problems == []  # every failed write was truncated back: no torn line either
    refused_at = {a.at for a in refused}
    assert not any(a.at in refused_at for a in on_disk.actions)
    # The restart shows exactly what the operator saw: none of the refused keys.
    again = launch(ManualClock(clock.now() + timedelta(seconds=5)))
    assert again.controller.show.actions == acknowledged
    assert again.controller.state.cue is not None and again.controller.state.cue.index == 1
    again.close()


def test_rehearsal_hides_the_bar_and_leaving_brings_it_back(plan_2021, at, data, launch):
    _write_show(plan_2021, data, [start(at(13, 30, 2))])
    with read_only_under(data):
        windows = launch(ManualClock(at(13, 40)))
    bar = _bar(windows)
    assert not bar.isHidden()
    assert windows.rehearsal is not None
    windows.rehearsal.enter()
    assert bar.isHidden()  # a rehearsal records into its scratch record, never the live journal
    windows.rehearsal.leave()
    assert not bar.isHidden()
