"""SIGKILL trials of the real headless app (``python -m runshow.cli.headless``), shared by the
kill test (``tests/e2e/test_kill.py``) and the reliability run (``scripts/reliability.py``).

The driver takes the app's own path: :func:`runshow.session.opening.open_show` (plan, journal,
recovery decision), :class:`~runshow.session.controller.ShowController` (check, journal with
fsync, fold) and the real journal; it prints ``ack`` only after fsync. The trials form one chain
on one journal: each start replays what the previous, killed process left. Each trial kills at
one of three moments, in turn:

- ``burst``: in the middle of a burst of keys (after a random number of acknowledgements);
- ``idle``: with every key handled and the show waiting (after its ``state`` answer);
- ``start-up``: at a random instant while the process opens the journal and starts taking keys.

Checked after each kill, and counted as a failure (never an exception) so a reliability run can
print tries and failures: the journal holds every acknowledged action, in order, and at most the
one in flight beyond it (written, killed before its ``ack``); earlier actions are unchanged; only
a torn last line may be unreadable; the restart replays exactly the journal, resumes the cue the
journal's actions give at its instant, and (after an idle kill) shows what the killed process
showed.
"""

from __future__ import annotations

import contextlib
import json
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from runshow.live.actions import Action
from runshow.live.journal import journal_path, read_journal
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan import load_plan

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE = ROOT / "schedules" / "2021-industrial-complex-conference.toml"
MODES = ("burst", "start-up", "idle")  # an idle kill is followed by a restart that compares
SEGMENTS = ["opening", "welcome", "congrats", "policy", "regions", "break1", "kiet", "kli", "krihs", "panel"]
SHOWN = ("cue", "status", "mode", "adjustments", "actual_start", "message", "blackout", "actions")


def commands(rng: random.Random, n: int) -> list[str]:
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
    """One headless process; its stdout is read on a thread so a trial can stop at any line."""

    def __init__(self, data_dir: Path, *, wait_ready: bool = True) -> None:
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "runshow.cli.headless", str(SCHEDULE), "--data-dir", str(data_dir), "--no-web"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self.ready: list[str] | None = None
        self.ready_s: float | None = None  # from spawn to "ready": how long a restart takes
        self.acks: list[Action] = []
        self.states: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if wait_ready:
            self.wait_for(lambda: self.ready is not None)

    @property
    def replayed(self) -> int:
        return int(self.ready[1]) if self.ready else -1

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                if line.startswith("ready ") and self.ready is None:
                    self.ready = line.rstrip("\n").split(" ", 2)
                    self.ready_s = time.monotonic() - self.started
                elif line.startswith("ack "):
                    _, _n, payload = line.rstrip("\n").split(" ", 2)
                    self.acks.append(Action.from_json(json.loads(payload)))
                elif line.startswith("state "):
                    self.states.append(json.loads(line.split(" ", 1)[1]))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def wait_for(self, done: Any, timeout: float = 20.0) -> bool:
        with self._cond:
            return bool(self._cond.wait_for(lambda: done() or self.proc.poll() is not None, timeout=timeout))

    def feed(self, lines: list[str]) -> None:
        # Written from a thread: the process may die with the pipe full.
        def write() -> None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.write("".join(c + "\n" for c in lines))
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError, ValueError):
                pass

        threading.Thread(target=write, daemon=True).start()

    def state(self, before: list[str] | None = None) -> dict[str, Any] | None:
        """Ask for the state (after the ``before`` commands) and wait for it (None if the process ended first)."""
        seen = len(self.states)
        self.feed([*(before or []), "state"])  # one write: the state comes after every command before it
        self.wait_for(lambda: len(self.states) > seen)
        return self.states[seen] if len(self.states) > seen else None

    def kill(self) -> list[Action]:
        with self._cond:
            self.proc.send_signal(signal.SIGKILL)
        return self._reap()

    def kill_after(self, acks: int, timeout: float = 10.0) -> list[Action]:
        """SIGKILL as soon as ``acks`` acknowledgements arrived (or the stream ended)."""
        with self._cond:
            self._cond.wait_for(lambda: len(self.acks) >= acks or self.proc.poll() is not None, timeout=timeout)
            self.proc.send_signal(signal.SIGKILL)
        return self._reap()

    def kill_within(self, seconds: float) -> list[Action]:
        """SIGKILL ``seconds`` after the spawn, whatever it is doing (opening the journal, replaying …)."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=max(0.0, seconds - (time.monotonic() - self.started)))
        return self.kill()

    def quit(self) -> None:
        self.feed(["quit"])
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)
        self.kill()

    def _reap(self, timeout: float = 10.0) -> list[Action]:
        self.proc.wait(timeout=timeout)
        self._reader.join(timeout=timeout)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(BrokenPipeError, OSError):
                    stream.close()
        with self._cond:
            return list(self.acks)


@dataclass
class KillReport:
    tries: int = 0
    failures: int = 0
    by_mode: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MODES, 0))
    acknowledged: int = 0  # acknowledged actions over all trials
    survived: int = 0  # actions in the journal at the end
    in_flight: int = 0  # kills that left one durable, unacknowledged action (allowed)
    torn: int = 0  # kills that left a torn last line (allowed: never acknowledged)
    before_ready: int = 0  # start-up kills that landed before the process said "ready"
    compared: int = 0  # restarts compared field by field with what the idle process showed
    slowest_resume_s: float = 0.0
    problems: list[str] = field(default_factory=list)

    def fail(self, trial: int, mode: str, what: str) -> None:
        self.failures += 1
        self.problems.append(f"trial {trial} ({mode}): {what}")

    def summary(self) -> str:
        modes = ", ".join(f"{n} {m}" for m, n in self.by_mode.items())
        return (
            f"{self.tries} kills ({modes}), {self.failures} failures; {self.acknowledged} acknowledged actions, "
            f"{self.survived} in the journal at the end, {self.in_flight} kills left the action in flight, "
            f"{self.torn} a torn last line; {self.before_ready} start-up kills before ready, "
            f"{self.compared} restarts after an idle kill showed the same; "
            f"slowest restart {self.slowest_resume_s:.2f} s"
        )


def _moves_with_time(key: str, state: dict[str, Any]) -> bool:
    """In follow mode the cue moves with the clock, and a restart's clock is at the last action."""
    return key in ("cue", "status") and state["mode"] == "follow"


def _cue_at(plan: Any, actions: list[Action], state: dict[str, Any]) -> int | None:
    at = datetime.fromisoformat(state["server_time"])
    cue = state_at(Show(plan, actions), at).cue
    return None if cue is None else cue.index


def kill_chain(data_dir: Path, trials: int, seed: int) -> KillReport:
    """``trials`` SIGKILLs in turn mid-burst, idle and at start-up, on one journal; every check counted."""
    plan = load_plan(SCHEDULE)
    rng = random.Random(seed)
    path = journal_path(plan, data_dir)
    report = KillReport()
    expected: list[Action] = []  # everything in the journal so far (acknowledged plus in-flight survivors)
    shown: dict[str, Any] | None = None  # what an idle process showed just before its kill
    for trial in range(trials):
        mode = MODES[trial % len(MODES)]
        report.tries += 1
        report.by_mode[mode] += 1
        burst = commands(rng, 40)
        if mode == "start-up":
            shown = None  # this process's keys may change the show before the next comparison
            driver = Driver(data_dir, wait_ready=False)
            driver.feed(burst)
            acked = driver.kill_within(rng.uniform(0.0, 1.2))
            report.before_ready += driver.ready is None
        else:
            driver = Driver(data_dir)
            if driver.ready is None:
                report.fail(trial, mode, "no ready line")
                driver.kill()
                continue
            report.slowest_resume_s = max(report.slowest_resume_s, driver.ready_s or 0.0)
            if driver.replayed != len(expected):
                report.fail(trial, mode, f"replayed {driver.replayed} of {len(expected)} actions")
            first = driver.state()
            if first is None:
                report.fail(trial, mode, "no state after the restart")
            else:
                if first["cue"] != _cue_at(plan, expected, first):
                    report.fail(trial, mode, f"resumed at cue {first['cue']}, the journal says another")
                if shown is not None:
                    report.compared += 1
                    for key in SHOWN:
                        same = first[key] == shown[key] or _moves_with_time(key, shown)
                        if not same:
                            report.fail(trial, mode, f"after an idle kill {key} was {shown[key]!r}, now {first[key]!r}")
            shown = None
            if mode == "burst":
                driver.feed(burst)
                acked = driver.kill_after(rng.randint(0, 25))
            else:  # idle: every key handled, the show waiting
                shown = driver.state(before=burst[: rng.randint(1, len(burst))])
                acked = driver.kill()
                if shown is None:
                    report.fail(trial, mode, "no state before the kill")
        report.acknowledged += len(acked)
        on_disk = read_journal(path) if path.exists() else None
        actions = on_disk.actions if on_disk is not None else []
        fresh = actions[len(expected) :]
        if actions[: len(expected)] != expected:
            report.fail(trial, mode, "earlier actions changed")
        if fresh[: len(acked)] != acked:
            report.fail(trial, mode, "an acknowledged action is missing or out of order")
        if len(fresh) > len(acked) + 1:
            report.fail(trial, mode, f"{len(fresh) - len(acked)} unacknowledged actions (at most one may be in flight)")
        for problem in on_disk.problems if on_disk is not None else []:
            if "torn" not in problem.message:
                report.fail(trial, mode, f"journal problem {problem}")
        report.in_flight += len(fresh) > len(acked)
        report.torn += bool(on_disk is not None and on_disk.problems)
        if shown is not None and len(fresh) != len(acked):
            report.fail(trial, mode, "an idle kill left an unacknowledged action")
        expected = actions
    final = Driver(data_dir)
    if final.replayed != len(expected):
        report.fail(trials, "final", f"replayed {final.replayed} of {len(expected)}")
    last = final.state()
    if last is not None and shown is not None:
        report.compared += 1
        for key in SHOWN:
            if last[key] != shown[key] and not _moves_with_time(key, shown):
                report.fail(trials, "final", f"after an idle kill {key} was {shown[key]!r}, now {last[key]!r}")
    final.quit()
    report.survived = len(expected)
    return report
