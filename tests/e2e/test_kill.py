"""SIGKILL at random moments: every acknowledged action survives, and nothing else but the one in flight.

The headless driver (``python -m runshow.cli.headless``) is the app's own path: ``open_show``
(plan, journal, recovery decision), the session controller and the real journal, in a
subprocess that prints ``ack`` only after fsync. The trials (``tests/e2e/kill_trials.py``) form
one chain on one journal and kill in turn mid key burst, idle and at start-up; after each, the
journal holds every acknowledged action in order (at most the one in flight beyond it: written,
killed before its ``ack``), and the restart replays exactly it and resumes the same cue.
24 kills by default, 300 with ``--runslow``; the figures are printed (``-s``) and in the README.
"""

from __future__ import annotations

import os
import random

import pytest

from tests.e2e.kill_trials import MODES, kill_chain

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def _run(tmp_path, trials: int, seed: int) -> None:
    report = kill_chain(tmp_path, trials, seed)
    print(report.summary())
    assert report.tries == trials
    assert all(report.by_mode[m] >= trials // len(MODES) for m in MODES)
    assert report.failures == 0, "\n".join(report.problems)
    assert report.survived >= report.acknowledged > 0  # the chain did record a show
    assert report.compared >= trials // len(MODES)  # every idle kill was checked against what it showed


def test_sigkill_mid_burst_idle_and_at_start_up_loses_no_acknowledged_action(tmp_path):
    _run(tmp_path, trials=24, seed=20211015)


@pytest.mark.slow
def test_sigkill_long_mode(tmp_path):
    _run(tmp_path, trials=300, seed=random.SystemRandom().randint(0, 2**32))
