"""SIGKILL at random moments: every acknowledged action survives, and nothing else but the one in flight.

The headless driver (``runshow.cli.headless``) runs the real journal in a
subprocess and prints ``ack`` only after fsync. The trials form one chain on
one journal: each start replays what the previous, killed process left, so
every trial checks both the file and the replay.

The rule checked: the journal holds every acknowledged action, in order, and
at most one more (the action written but killed before its ``ack`` reached us).
That one is legitimately there: it was made durable, the kill only cut the
message saying so, and replaying it is what the windows would have shown.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from runshow.live.actions import Action
from runshow.live.journal import journal_path, read_journal
from tests.conftest import ROOT, SCHEDULE_2021

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

SEGMENTS = ["opening", "welcome", "congrats", "policy", "regions", "break1", "kiet", "kli", "krihs", "panel"]


def _commands(rng: random.Random, n: int) -> list[str]:
    out = ["start"]
    for _ in range(n):
        out.append(f"tick {rng.randint(0, 40)}")
        out.append(
            rng.choice(
                [
                    "next",
                    "next",
                    "previous",
                    f"goto {rng.choice(SEGMENTS)}",
                    f"adjust {rng.choice([-30, 15, 60, 120])}",
                    "pause",
                    "resume",
                    f"message 시간 {rng.randint(1, 99)}분",
                    "clear",
                    f"blackout {rng.choice(['on', 'off'])}",
                    f"mode {rng.choice(['follow', 'manual'])}",
                ]
            )
        )
    return out


class Driver:
    """One headless process; reads its stdout on a thread so the test can stop at any ack."""

    def __init__(self, data_dir: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "runshow.cli.headless", str(SCHEDULE_2021), "--data-dir", str(data_dir), "--no-web"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        assert self.proc.stdout is not None
        ready = self.proc.stdout.readline().split(" ", 2)
        assert ready[0] == "ready", ready
        self.replayed = int(ready[1])
        self.acks: list[Action] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("ack "):
                _, _n, payload = line.rstrip("\n").split(" ", 2)
                with self._cond:
                    self.acks.append(Action.from_json(json.loads(payload)))
                    self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def feed(self, commands: list[str]) -> None:
        assert self.proc.stdin is not None

        # Write from a thread: the process may die with the pipe full.
        def write() -> None:
            try:
                self.proc.stdin.write("".join(c + "\n" for c in commands))
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError, ValueError):
                pass

        threading.Thread(target=write, daemon=True).start()

    def kill_after(self, acks: int, timeout: float = 10.0) -> list[Action]:
        """SIGKILL as soon as ``acks`` acknowledgements arrived (or the stream ended)."""
        with self._cond:
            self._cond.wait_for(lambda: len(self.acks) >= acks or self.proc.poll() is not None, timeout=timeout)
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=timeout)
        self._reader.join(timeout=timeout)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                with contextlib.suppress(BrokenPipeError, OSError):
                    stream.close()
        with self._cond:
            return list(self.acks)


def _chain(tmp_path: Path, trials: int, seed: int) -> None:
    from runshow.plan import load_plan

    rng = random.Random(seed)
    path = journal_path(load_plan(SCHEDULE_2021), tmp_path)
    expected: list[Action] = []  # everything acknowledged so far, plus in-flight survivors
    in_flight = torn = 0
    for trial in range(trials):
        driver = Driver(tmp_path)
        assert driver.replayed == len(expected), f"trial {trial}: replay lost or invented actions"
        driver.feed(_commands(rng, 60))
        acked = driver.kill_after(rng.randint(0, 25))
        on_disk = read_journal(path)
        fresh = on_disk.actions[len(expected) :]
        assert on_disk.actions[: len(expected)] == expected, f"trial {trial}: earlier actions changed"
        assert fresh[: len(acked)] == acked, f"trial {trial}: an acknowledged action is missing"
        assert len(fresh) <= len(acked) + 1, f"trial {trial}: more than one unacknowledged action"
        # Only the torn tail of the last line may be unreadable; torn lines from earlier kills stay reported.
        for problem in on_disk.problems:
            assert "torn" in problem.message, problem
        in_flight += len(fresh) > len(acked)
        torn += bool(on_disk.problems)
        expected = on_disk.actions
    print(f"{trials} kills, {len(expected)} actions survived, {in_flight} kills left an in-flight action, {torn} torn")
    final = Driver(tmp_path)
    assert final.replayed == len(expected)
    final.feed(["state", "quit"])
    final.proc.wait(timeout=10)
    final.kill_after(0)


def test_sigkill_at_random_moments_loses_no_acknowledged_action(tmp_path):
    _chain(tmp_path, trials=24, seed=20211015)


@pytest.mark.slow
def test_sigkill_long_mode(tmp_path):
    _chain(tmp_path, trials=300, seed=random.SystemRandom().randint(0, 2**32))
