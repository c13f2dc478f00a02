"""Bench rows with both windows open, at festival scale (issue 19).

The core bench measures the clock with the 2021 schedule; a control room that rebuilds a
thousand rows per tick hides there. These rows open the operator window and the stage
(offscreen, the app's own ``build_app``) on the 2021 schedule and on generated 1,000- and
5,000-segment festivals, on time and over time, and take:

- **CPU while ticking**: ``/proc/self/stat`` utime+stime over the run, as % of one core;
- **a tick's work**: wall time of ``controller.refresh()`` driven by the flip timer (state,
  every connected slot: rundown model, header strip, stage, miniature), p50 / p99 / max;
- **an action end to end** with both windows: ``controller.act`` (fold, journal-less, state,
  every slot, alerts re-armed when the app has its armer), p50 / p99;
- **launch with 5,000 segments**: spawn → the later of both windows' first paints, the real
  ``run_app``; with no plan cache (cold), then warm (the plan from the cache), best of three each, with
  each phase.

Over time is made by starting the show and granting nothing: the first cue is started
a cue-length in the past, so every tick moves the drift and the whole projection.
"""

from __future__ import annotations

import gc
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from runshow.bench.core import (
    LaunchRun,
    Report,
    cpu_seconds,
    live_windows,
    measure_launch_run,
    percentile,
    qapp,
    run_for,
    write_schedule,
)
from runshow.plan.generated import festival_toml

FIGURES = (
    "CPU, both windows, 2021 schedule, on time",
    "CPU, both windows, 2021 schedule, over time",
    "CPU, both windows, 1,000 segments, on time",
    "CPU, both windows, 1,000 segments, over time",
    "CPU, both windows, 5,000 segments, over time",
    "tick work, both windows, 1,000 segments (over time)",
    "operator action end to end, both windows, 1,000 segments",
    "launch to first paint, 5,000 segments",
    "launch to first paint, 5,000 segments, file just edited (no plan cache)",
)


@dataclass
class TickLog:
    """Wall ms of every flip-timer refresh."""

    ms: list[float] = field(default_factory=list)


def _timed_refresh(controller: Any, log: TickLog) -> Callable[[], None]:
    """Wrap ``controller.refresh`` (the flip timer calls it) to time each tick; returns the undo."""
    real = controller.refresh

    def timed() -> None:
        t0 = time.perf_counter()
        real()
        log.ms.append((time.perf_counter() - t0) * 1000)

    controller.refresh = timed
    return lambda: setattr(controller, "refresh", real)


def measure_windows(plan: Any, over: bool, seconds: float) -> tuple[float, list[float]]:
    """(% of one core, tick ms) with both windows on the system clock for ``seconds``."""
    from runshow.live.actions import Action, ActionKind
    from runshow.live.clock import SystemClock

    clock = SystemClock()
    with live_windows(clock, plan) as windows:
        controller = windows.controller
        now = clock.now()
        # The show started exactly as planned, or a first cue's length ago (then it runs
        # over for the whole measurement): a scripted start keeps its own instant.
        first = controller.show.cues[0]
        started = now - first.length - timedelta(seconds=1) if over else now
        controller.apply_scripted(Action(ActionKind.START, max(started, _last(controller))))
        run_for(0.5)
        log = TickLog()
        undo = _timed_refresh(controller, log)
        gc.collect()
        gc.freeze()  # as the app does after its first paint: the collector leaves what lives on
        cpu0, t0 = cpu_seconds(), time.monotonic()
        run_for(seconds)
        cpu1, t1 = cpu_seconds(), time.monotonic()
        gc.unfreeze()
        undo()
    return 100.0 * (cpu1 - cpu0) / max(t1 - t0, 1e-9), log.ms


def _last(controller: Any) -> datetime:
    last = controller.show.progress.last_at
    return last if last is not None else datetime.min.replace(tzinfo=controller.plan.event.timezone)


def measure_window_actions(plan: Any, count: int) -> list[float]:
    """ms per ``controller.act`` with both windows (adjusts, and a next every fourth)."""
    from runshow.live.actions import ActionKind
    from runshow.live.clock import SystemClock

    clock = SystemClock()
    out: list[float] = []
    with live_windows(clock, plan) as windows:
        controller = windows.controller
        controller.act(ActionKind.START)
        run_for(0.3)
        gc.freeze()
        app = qapp()
        for i in range(count):
            kind = ActionKind.NEXT if i % 4 == 3 else ActionKind.ADJUST
            fields = {} if kind is ActionKind.NEXT else {"seconds": 1 if i % 2 else -1}
            t0 = time.perf_counter()
            reason = controller.act(kind, **fields)
            app.processEvents()  # the repaint the action caused is part of its cost
            out.append((time.perf_counter() - t0) * 1000)
            if reason is not None:
                raise RuntimeError(f"bench action {kind.value} rejected: {reason}")
    return out


def _ms(values: list[float]) -> str:
    if not values:
        return "no tick"
    return f"p50 / p99 / max {percentile(values, 50):.2f} / {percentile(values, 99):.2f} / {max(values):.2f} ms"


def rows(report: Report, plan_2021: Any, env: dict[str, str], quick: bool) -> None:
    """Add this module's rows to ``report``."""
    from runshow.plan import load_plan

    seconds = 3.0 if quick else 30.0
    work = Path(tempfile.mkdtemp(prefix="runshow-bench-windows-"))
    festival = load_plan(write_schedule(festival_toml(1000), "festival-1000.toml", work))
    big_path = write_schedule(festival_toml(5000, length_s=16), "festival-5000.toml", work)
    big = load_plan(big_path)

    for figure, plan, over, target in (
        (FIGURES[0], plan_2021, False, 0.4),
        (FIGURES[1], plan_2021, True, 0.4),
        (FIGURES[2], festival, False, 1.0),
        (FIGURES[3], festival, True, 1.0),
        (FIGURES[4], big, True, None),
    ):
        cpu, ticks = measure_windows(plan, over, seconds)
        report.add(
            figure,
            f"{cpu:.2f} % of one core over {seconds:.0f} s ({len(ticks)} ticks; tick {_ms(ticks)})",
            "—" if target is None else f"≤ {target} %",
            None if target is None else cpu <= target,
        )
        if figure == FIGURES[3]:
            report.add(FIGURES[5], _ms(ticks), "p99 ≤ 2 ms", bool(ticks) and percentile(ticks, 99) <= 2.0)

    actions = measure_window_actions(festival, 40 if quick else 400)
    report.add(FIGURES[6], _ms(actions), "p99 ≤ 10 ms", percentile(actions, 99) <= 10.0)

    _launch_row(report, {**env, "RUNSHOW_BENCH_SCHEDULE": str(big_path)}, 1 if quick else 3)


def _launch_row(report: Report, env: dict[str, str], runs: int) -> None:
    """Launch with 5,000 segments: cold (no plan cache: parse and validate), then warm.

    Each launch ends at the later of the stage window's and the control room's first paints;
    each row prints its run's phases, and how soon after the paint the alerts were armed and
    the remote stack was up. Warm (the plan from the cache: any relaunch of an unchanged file,
    a restart after a crash) and cold (the first open after the file changed) are two rows,
    each the best of ``runs`` launches: every cold launch gets an empty plan cache of its own,
    the warm ones reuse the last cold one's.
    """
    colds: list[LaunchRun] = []
    cache = ""
    for _ in range(runs):
        cache = tempfile.mkdtemp(prefix="runshow-bench-plan-cache-")  # empty: this launch parses
        run = measure_launch_run({**env, "RUNSHOW_CACHE_DIR": cache})
        if run is not None:
            colds.append(run)
    warm = [r for r in (measure_launch_run({**env, "RUNSHOW_CACHE_DIR": cache}) for _ in range(runs)) if r is not None]
    for figure, launches, how in (
        (FIGURES[7], warm, "plan from the cache"),
        (FIGURES[8], colds, "each with an empty plan cache: parsed and validated"),
    ):
        if not launches:
            report.add(figure, "not measured: the child printed no first paint", "≤ 1.0 s", None)
            continue
        best = min(launches, key=lambda r: r.seconds)
        report.add(
            figure,
            f"{best.seconds:.2f} s (best of {len(launches)}: {', '.join(f'{r.seconds:.2f}' for r in launches)}; "
            f"{how}; both windows painted) — {best.breakdown()}",
            "≤ 1.0 s",
            best.seconds <= 1.0,
        )
