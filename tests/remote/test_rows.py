"""The rundown a page holds, from deltas, equals the rundown built afresh (runshow/remote/rows.py).

A page is simulated exactly as the server serves one (``Snapshot.modes`` / ``message``, through
JSON): it keeps the list it was sent whole, applies each delta, and spells the moving cells
(``rows.at_instant``, what ``static/views.js`` does) at the snapshot's instant. That must equal
``content.rundown`` (every row built from ``runshow.present.rundown``, nothing kept) after every
step of a show driven through the real ``ShowController`` and ``RemoteSession``: time passing on
time and over time (minute crossings), actions, undo/redo, follow mode, gaps, untimed speakers,
amendments (insert, remove, move, length), and pages that miss a state.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runshow.live.actions import ActionKind, Amendment, AmendOp, Mode
from runshow.live.clock import ManualClock
from runshow.plan import Plan, parse_plan
from runshow.plan.generated import festival_toml
from runshow.remote import content, rows
from runshow.remote.content import Snapshot
from runshow.remote.server import RemoteServer
from runshow.remote.session import RemoteSession
from runshow.session.controller import ShowController
from tests.remote.conftest import WORDS

pytestmark = pytest.mark.gui

# Every shape the rundown's projection has: a plain segment, untimed speakers (a ceremony),
# timed speakers, a real gap before D (09:30–09:50) and before F (10:15–10:30), two parts.
SHAPES = """
[event]
title = "Shapes"
date = 2012-09-20
timezone = "Asia/Seoul"

[[part]]
id = "p1"
title = "Part 1"

[[part.segment]]
id = "a"
title = "A"
kind = "talk"
start = "09:00"
duration = "10m"

[[part.segment]]
id = "b"
title = "B"
kind = "ceremony"
duration = "10m"
[[part.segment.speaker]]
name = "B1"
affiliation = "Org (note)"
[[part.segment.speaker]]
name = "B2"
[[part.segment.speaker]]
name = "B3"

[[part.segment]]
id = "c"
title = "C"
kind = "talk"
duration = "10m"
[[part.segment.speaker]]
name = "C1"
duration = "4m30s"
[[part.segment.speaker]]
name = "C2"
duration = "5m30s"

[[part.segment]]
id = "d"
title = "D"
kind = "talk"
start = "09:50"
duration = "15m"

[[part]]
id = "p2"
title = "Part 2"

[[part.segment]]
id = "e"
title = "E"
kind = "talk"
duration = "5m"

[[part.segment]]
id = "e2"
title = "E2"
kind = "talk"
duration = "3m"

[[part.segment]]
id = "e3"
title = "E3"
kind = "talk"
duration = "2m"

[[part.segment]]
id = "f"
title = "F"
kind = "talk"
start = "10:30"
duration = "10m"

[[part.segment]]
id = "g"
title = "G"
kind = "talk"
duration = "5m"
"""
IDS = ("a", "b", "c", "d", "e", "e2", "e3", "f", "g", "x1", "x2")


class Page:
    """What ``static/views.js`` holds of the ``/rundown`` list, fed as the server feeds it."""

    def __init__(self, lang: str = "ko") -> None:
        self.lang = lang
        self.held: dict[str, int] = {}
        self.rows: list[dict[str, Any]] | None = None
        self.sent: list[str] = []  # what each message carried of the list: full, delta, same

    def receive(self, snap: Snapshot) -> dict[str, Any]:
        modes = snap.modes(self.lang, "rundown", self.held)
        message = json.loads(json.dumps(snap.message(self.lang, "rundown", self.held), ensure_ascii=False))
        before = self.held.get("rundown")
        for name, _mode, rev in modes:
            self.held[name] = rev
        block = message["views"]["rundown"]
        if "rows" in block:
            self.rows = block["rows"]
            self.sent.append("full")
        elif "delta" in block:
            assert block["delta"]["base"] == before and self.rows is not None
            self.rows = rows.apply_delta(self.rows, block["delta"])
            self.sent.append("delta")
        else:
            assert block["rev"] == before
            self.sent.append("same")
        assert block["rev"] == self.held["rundown"]
        return message

    def shows(self, snap: Snapshot) -> list[dict[str, Any]]:
        """Every row as the page spells it at the snapshot's instant."""
        state = snap.state
        assert state is not None and self.rows is not None
        message = snap.payload(self.lang)
        chain = message["timing"]["chain_us"]
        zone = state.plan.event.timezone
        return [rows.at_instant(row, chain, rows.us(state.at), zone) for row in self.rows]


def fresh(snap: Snapshot) -> list[dict[str, Any]]:
    state = snap.state
    assert state is not None
    built: list[dict[str, Any]] = json.loads(json.dumps(content.rundown(state, WORDS["ko"])["rows"]))
    return built


class Rig:
    """A controller on a manual clock and its session (not serving: each step publishes by hand)."""

    def __init__(self, plan: Plan, start: timedelta = timedelta(seconds=-30)) -> None:
        self.clock = ManualClock(plan.start + start)
        self.controller = ShowController(plan, self.clock)
        self.session = RemoteSession(self.controller, RemoteServer(port=0))
        self.pages = [Page(), Page()]  # the second one misses states when told
        self.publish()

    def publish(self, miss: bool = False) -> Snapshot:
        self.session.publish(self.controller.state)
        snap = self.session.last
        assert snap is not None
        for page in self.pages if not miss else self.pages[:1]:
            page.receive(snap)
        assert self.pages[0].shows(snap) == fresh(snap)
        # and what it holds is what a list built from nothing holds (the moving cells' arithmetic
        # too, which a later instant would show)
        assert snap.state is not None
        assert self.pages[0].rows == json.loads(json.dumps(rows.RundownFeed().update(snap.state).rows))
        return snap

    def wait(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.controller.refresh()

    def close(self) -> None:
        self.controller.stop_ticking()


waits = st.sampled_from([0.4, 1, 7, 30, 59, 60, 61, 299, 901])
actions = st.one_of(
    st.sampled_from(
        [
            (ActionKind.START, {}),
            (ActionKind.NEXT, {}),
            (ActionKind.NEXT, {}),
            (ActionKind.PREVIOUS, {}),
            (ActionKind.PAUSE, {}),
            (ActionKind.RESUME, {}),
            (ActionKind.UNDO, {}),
            (ActionKind.REDO, {}),
            (ActionKind.ADJUST, {"seconds": 60}),
            (ActionKind.ADJUST, {"seconds": -60}),
            (ActionKind.ADJUST, {"seconds": 30}),
            (ActionKind.MODE, {"mode": Mode.FOLLOW}),
            (ActionKind.MODE, {"mode": Mode.MANUAL}),
            (ActionKind.MESSAGE, {"text": "1분"}),
        ]
    ),
    st.builds(lambda s: (ActionKind.GOTO, {"segment": s}), st.sampled_from(IDS)),
    st.builds(
        lambda s, n: (ActionKind.AMEND, {"amend": Amendment(AmendOp.LENGTH, segment=s, seconds=n)}),
        st.sampled_from(IDS),
        st.sampled_from([60, 330, 900]),
    ),
    st.builds(
        lambda place, anchor, new: (
            ActionKind.AMEND,
            {"amend": Amendment(AmendOp.INSERT, place=place, anchor=anchor, new_id=new, text=new, seconds=240)},
        ),
        st.sampled_from(["before", "after"]),
        st.sampled_from(IDS),
        st.sampled_from(["x1", "x2"]),
    ),
    st.builds(lambda s: (ActionKind.AMEND, {"amend": Amendment(AmendOp.REMOVE, segment=s)}), st.sampled_from(IDS)),
    st.builds(
        lambda s, place, anchor: (
            ActionKind.AMEND,
            {"amend": Amendment(AmendOp.MOVE, segment=s, place=place, anchor=anchor)},
        ),
        st.sampled_from(IDS),
        st.sampled_from(["before", "after"]),
        st.sampled_from(IDS),
    ),
    st.builds(
        lambda s: (ActionKind.AMEND, {"amend": Amendment(AmendOp.TITLE, segment=s, text="새 제목")}),
        st.sampled_from(IDS),
    ),
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("wait"), waits),
        st.tuples(st.just("act"), actions),
        st.tuples(st.just("miss"), waits),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=steps, start=st.sampled_from([-30, 0, 1, 125]))
def test_the_rundown_a_page_builds_from_deltas_is_the_fresh_rundown(qapp, script, start) -> None:
    rig = Rig(parse_plan(SHAPES.encode(), "shapes.toml"), timedelta(seconds=start))
    try:
        for what, arg in script:
            if what == "act":
                kind, fields = arg
                rig.clock.advance(1)
                rig.controller.act(kind, **fields)  # a refusal publishes nothing new: still checked
                rig.publish()
            else:
                rig.wait(arg)
                rig.publish(miss=what == "miss")
        rig.pages[1].receive(rig.session.last)  # the page that missed states catches up whole
        assert rig.pages[1].rows == rig.pages[0].rows
    finally:
        rig.close()


def shapes() -> Plan:
    return parse_plan(SHAPES.encode(), "shapes.toml")


def test_into_a_gap_early_then_its_item_starts_at_its_planned_time(qapp) -> None:
    """``next`` into D at 09:30 waits for 09:50: D's start shows ≈09:50 until then, then 09:50:00."""
    rig = Rig(shapes(), timedelta(0))
    try:
        rig.controller.act(ActionKind.START)
        for _ in range(6):
            rig.wait(5 * 60)
            rig.controller.act(ActionKind.NEXT)
            rig.publish()
        assert rig.controller.state.in_gap
        d = next(r for r in rig.pages[0].shows(rig.session.last) if r["title"] == "D")
        assert d["start"] == "≈09:50"
        for _ in range(4):
            rig.wait(301)  # across 09:50, time alone
            rig.publish()
        d = next(r for r in rig.pages[0].shows(rig.session.last) if r["title"] == "D")
        assert d["start"] == "09:50:00" and not rig.controller.state.in_gap
    finally:
        rig.close()


def test_following_the_plan_across_the_gaps(qapp) -> None:
    rig = Rig(shapes(), timedelta(0))
    try:
        rig.controller.act(ActionKind.START)
        rig.publish()
        rig.controller.act(ActionKind.MODE, mode=Mode.FOLLOW)
        rig.publish()
        for _ in range(30):
            rig.wait(173)  # the plan's clock moves the cues, through both gaps
            rig.publish()
    finally:
        rig.close()


def test_a_start_recorded_ahead_of_now_shows_once_now_passes_it(qapp) -> None:
    """Following the plan across the gap before D, D's recorded start (09:50) lies ahead of now
    on a row that is not the cue on now: it appears at 09:50 with no action (found by search)."""
    rig = Rig(shapes(), timedelta(0))
    script = [
        ("09:16:28.5", ActionKind.MODE, {"mode": Mode.FOLLOW}),
        ("09:31:35.5", ActionKind.PREVIOUS, {}),
        ("09:31:36", ActionKind.NEXT, {}),
        ("09:32:44", ActionKind.NEXT, {}),
        ("09:32:44.5", ActionKind.GOTO, {"segment": "b"}),
        ("09:33:45.5", ActionKind.UNDO, {}),
        ("09:39:51.5", ActionKind.MODE, {"mode": Mode.FOLLOW}),
        ("09:39:52.5", ActionKind.NEXT, {}),
        ("09:39:53", ActionKind.UNDO, {}),
    ]
    try:
        for when, kind, fields in script:
            h, m, sec = when.split(":")
            instant = rig.clock.now().replace(hour=int(h), minute=int(m), second=0, microsecond=0)
            rig.wait((instant - rig.clock.now()).total_seconds() + float(sec))
            rig.controller.act(kind, **fields)
            rig.publish()
        for _ in range(12):
            rig.wait(61)  # across 09:50, time alone
            rig.publish()
    finally:
        rig.close()


def test_a_jump_past_a_gap_moves_the_floor_of_the_rows_after_it(qapp) -> None:
    """From A to E and back: E2 and E3 chain from E (the gap before D no longer floors them)."""
    rig = Rig(shapes(), timedelta(0))
    try:
        rig.controller.act(ActionKind.START)
        rig.publish()
        for target in ("e", "a", "e2", "b", "e3", "c"):
            rig.wait(30)
            assert rig.controller.act(ActionKind.GOTO, segment=target) is None
            rig.publish()
            rig.controller.act(ActionKind.UNDO)
            rig.publish()
            rig.controller.act(ActionKind.REDO)
            rig.publish()
    finally:
        rig.close()


def test_the_2021_show_step_by_step_through_the_day(qapp, plan_2021) -> None:
    """The 2021 conference: late start, every cue, overtime, a pause, undo: page equals fresh."""
    rig = Rig(plan_2021)
    try:
        rig.wait(60)  # 13:30:30, not started: the projection slides with now
        rig.publish()
        rig.controller.act(ActionKind.START)
        rig.publish()
        for i in range(40):
            rig.wait(37 if i % 3 else 421)  # crosses minutes, runs cues over
            rig.publish()
            kind = (ActionKind.NEXT, ActionKind.ADJUST, ActionKind.PAUSE, ActionKind.RESUME, ActionKind.UNDO)[i % 5]
            rig.controller.act(kind, **({"seconds": 60} if kind is ActionKind.ADJUST else {}))
            rig.publish()
        assert "delta" in rig.pages[0].sent and "same" in rig.pages[0].sent
    finally:
        rig.close()


def test_a_tick_changes_no_row_and_an_action_only_the_rows_it_touched(qapp) -> None:
    """On a 200-segment festival: time alone (on time, then over time) keeps the revision; an
    adjust sends the cue on now; a next sends the rows whose phase changed."""
    plan = parse_plan(festival_toml(200).encode(), "festival.toml")
    rig = Rig(plan, timedelta(0))
    try:
        rig.controller.act(ActionKind.START)
        first = rig.publish()
        page = rig.pages[0]
        for _ in range(5):
            rig.wait(1)  # on time
            rig.publish()
        rig.wait(80 + 300)  # the first cue five minutes over: every projection moves
        for _ in range(5):
            rig.wait(1)
            rig.publish()
        same = rig.session.last
        assert same is not None and same.rows("rundown", "ko") is first.rows("rundown", "ko")
        assert page.sent[-10:] == ["same"] * 10
        rig.controller.act(ActionKind.ADJUST, seconds=60)
        adjusted = rig.publish().rows("rundown", "ko")
        assert adjusted is not None and [i for i, _ in adjusted.changed] == [0]  # the current row's length
        rig.controller.act(ActionKind.NEXT)
        moved = rig.publish().rows("rundown", "ko")
        assert moved is not None and [i for i, _ in moved.changed] == [0, 1]
        assert page.sent[-2:] == ["delta", "delta"]
        # what the page spells moves with the chain: a later row's Δ is the show's drift, to the
        # minute of its ≈ end; the cue on now's, to the second
        late = rig.session.last
        assert late is not None
        shown = page.shows(late)
        assert shown[150] == content.rundown(late.state, WORDS["ko"])["rows"][150]
        assert shown[150]["delta"].startswith("≈+") and shown[150]["delta"].endswith("′")
        every = [r for row in shown for r in (row, *row["speakers"])]
        current = next(row for row in every if row["phase"] == "current")
        assert current["delta"] == content.signed_minutes(late.state.drift_s)
    finally:
        rig.close()


def test_every_rooms_list_changes_only_the_rows_whose_phase_moved(qapp) -> None:
    from tests.remote.test_rooms import kam_at

    feeds = content.Feeds(WORDS)
    before = content.snapshot(kam_at(2, 10, 0), WORDS, seq=1, wall_ms=0.0, rate=0.0, feeds=feeds)
    after = content.snapshot(kam_at(2, 13, 0), WORDS, seq=2, wall_ms=0.0, rate=0.0, feeds=feeds)
    for lang in ("ko", "en"):
        old, new = before.rows("rundown_all", lang), after.rows("rundown_all", lang)
        assert old is not None and new is not None and new.base == old.rev
        kept = rows.apply_delta(list(old.rows), new.delta())
        assert kept == content.rundown_all(kam_at(2, 13, 0), WORDS[lang])["rows"]
        assert 0 < len(new.changed) < len(new.rows)
