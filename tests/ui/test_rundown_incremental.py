"""The rundown signals exactly the cells whose text changed, and formats only what is asked for.

The oracle is a fresh model built from the same state: whatever the incremental model shows
after any sequence of actions and ticks must equal it cell by cell, every changed cell must lie
in a signalled range, and every signalled row must hold a changed cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from runshow.live.actions import ActionKind, Mode
from runshow.live.clock import ManualClock
from runshow.plan import parse_plan
from runshow.session.controller import ShowController
from runshow.ui.rundown_model import Column, RundownModel

pytestmark = pytest.mark.gui

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
)


def cells(model: RundownModel) -> Iterator[tuple[tuple[int, int, int], QModelIndex]]:
    for r in range(model.rowCount()):
        top = model.index(r, 0)
        for c in range(len(Column)):
            yield (r, -1, c), model.index(r, c)
        for k in range(model.rowCount(top)):
            for c in range(len(Column)):
                yield (r, k, c), model.index(k, c, top)


def snapshot(model: RundownModel) -> dict[tuple[int, int, int], tuple[object, ...]]:
    def val(v: object) -> object:
        if hasattr(v, "color"):
            return v.color().name()  # type: ignore[attr-defined]
        if hasattr(v, "bold"):
            return (v.bold(), v.italic())  # type: ignore[attr-defined]
        return v

    return {key: tuple(val(model.data(ix, role)) for role in ROLES) for key, ix in cells(model)}


class Recorder:
    """Collects every (row, speaker row, column) that a dataChanged range covers."""

    def __init__(self, model: RundownModel) -> None:
        self.cells: set[tuple[int, int, int]] = set()
        self.emits = 0
        model.dataChanged.connect(self._on)

    def _on(self, top: QModelIndex, bottom: QModelIndex, roles: object = ()) -> None:
        self.emits += 1
        parent = top.parent()
        for r in range(top.row(), bottom.row() + 1):
            for c in range(top.column(), bottom.column() + 1):
                self.cells.add((parent.row(), r, c) if parent.isValid() else (r, -1, c))


def check_step(model: RundownModel, controller: ShowController, before: dict, rec: Recorder) -> dict:
    after = snapshot(model)
    fresh = RundownModel(controller.plan, controller.state)
    assert after == snapshot(fresh), "the incremental model must show what a fresh one shows"
    changed = {key for key in after if after[key] != before[key]}
    missing = changed - rec.cells
    assert not missing, f"changed but not signalled: {sorted(missing)[:5]}"
    signalled_rows = {(r, k) for r, k, _ in rec.cells}
    changed_rows = {(r, k) for r, k, _ in changed}
    assert signalled_rows <= changed_rows, f"signalled, nothing changed: {sorted(signalled_rows - changed_rows)[:5]}"
    rec.cells.clear()
    return after


@pytest.fixture
def rig(qapp, plan_2021, at):
    clock = ManualClock(at(13, 29))
    controller = ShowController(plan_2021, clock)
    model = RundownModel(plan_2021, controller.state)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    controller.stateChanged.connect(model.update_state)
    yield clock, controller, model
    del tester


STEPS: list[tuple[str, object]] = [
    ("tick", 30),  # pre-show, on time
    ("tick", 50),  # 13:30:20: a late start, the projection slides
    ("tick", 45),  # crosses a minute for the ≈ cells
    ("act", ActionKind.START),
    ("tick", 60),
    ("tick", 4 * 60),  # into overtime of the first cue
    ("tick", 1),
    ("tick", 1),
    ("tick", 58),
    ("act", ActionKind.NEXT),
    ("act", (ActionKind.ADJUST, {"seconds": 60})),
    ("tick", 7 * 60),
    ("act", ActionKind.PAUSE),
    ("tick", 61),
    ("act", ActionKind.RESUME),
    ("act", (ActionKind.GOTO, {"segment": "regions"})),
    ("tick", 11 * 60),  # the first region runs over
    ("tick", 1),
    ("act", ActionKind.NEXT),
    ("act", ActionKind.PREVIOUS),
    ("act", (ActionKind.MESSAGE, {"text": "마무리"})),
    ("act", (ActionKind.MODE, {"mode": Mode.FOLLOW})),
    ("tick", 10 * 60),
    ("act", (ActionKind.MODE, {"mode": Mode.MANUAL})),
    ("tick", 3 * 60 * 60),
    ("act", (ActionKind.GOTO, {"segment": "closing"})),
    ("tick", 6 * 60),
    ("act", ActionKind.NEXT),
]


def take_step(clock: ManualClock, controller: ShowController, what: str, arg: object) -> None:
    """One of STEPS: time passing (``tick``) or an operator action (``act``)."""
    if what == "tick":
        clock.advance(float(arg))  # type: ignore[arg-type]
        controller.refresh()
    else:
        kind, fields = arg if isinstance(arg, tuple) else (arg, {})
        controller.act(kind, **fields)


def test_every_step_shows_what_a_fresh_model_shows_and_signals_exactly_what_changed(rig) -> None:
    clock, controller, model = rig
    rec = Recorder(model)
    before = snapshot(model)
    for what, arg in STEPS:
        take_step(clock, controller, what, arg)
        before = check_step(model, controller, before, rec)


def test_the_control_room_and_the_lan_rundown_spell_every_delta_and_end_alike(rig) -> None:
    """The operator's rundown and the LAN views' (runshow/remote/rows.py, the page's own spelling
    at the instant) show the same Δ and end on every row through the steps: the cue on now to the
    second, every projection to the minute."""
    from runshow.remote import content
    from runshow.remote.words import translators

    say = translators()["ko"]
    clock, controller, model = rig
    for what, arg in STEPS:
        take_step(clock, controller, what, arg)
        web = content.rundown(controller.state, say)["rows"]
        for r, row in enumerate(web):
            top = model.index(r, 0)
            pairs = [(row, model.index(r, Column.DELTA), model.index(r, Column.ACTUAL_END))]
            pairs += [
                (kid, model.index(k, Column.DELTA, top), model.index(k, Column.ACTUAL_END, top))
                for k, kid in enumerate(row["speakers"])
            ]
            for spelled, delta, end in pairs:
                assert model.data(delta) == spelled["delta"], (what, arg, r)
                assert model.data(end) == spelled["end"], (what, arg, r)


def test_an_overtime_tick_signals_the_live_delta_alone_and_a_minute_moves_the_projections(rig, at) -> None:
    """Over time only the cue on now counts its delta by the second; the rows after it show their
    projected delta to the minute, beside their ≈ end, and move with it once a minute."""
    clock, controller, model = rig
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    controller.act(ActionKind.NEXT)  # 13:30: the first cue ended at once, early
    clock.set(at(13, 40, 30))  # the second (5′, to 13:40) is 30 s over
    controller.refresh()
    rec = Recorder(model)
    clock.advance(1)
    controller.refresh()
    assert rec.cells == {(1, -1, Column.DELTA)}  # the cue on now's delta, nothing else
    assert model.data(model.index(1, Column.DELTA)) == "+0:31"
    later = model.data(model.index(2, Column.DELTA))
    assert later.startswith("≈") and later.endswith("′")
    rec.cells.clear()
    clock.set(at(13, 41, 0, 500_000))  # the projection crosses a minute: ≈ ends and deltas move
    controller.refresh()
    rows = {r for r, k, c in rec.cells if k == -1}
    assert 0 not in rows  # the past does not move
    assert set(range(1, model.rowCount())) <= rows
    moved = {c for r, k, c in rec.cells if k == -1 and r > 1}
    assert {Column.ACTUAL_END, Column.DELTA} <= moved <= set(range(Column.ACTUAL_START, Column.DELTA + 1))


FESTIVAL_SEGMENTS = 1000


def festival(segments: int) -> str:
    out = ["[event]", 'title = "festival"', "date = 2021-10-16", 'timezone = "Asia/Seoul"', ""]
    per = 50
    for p in range(segments // per):
        out += ["[[part]]", f'id = "p{p}"', f'title = "Part {p}"', f'length = "{per * 80}s"', ""]
        for s in range(per):
            n = p * per + s
            out += ["[[part.segment]]", f'id = "s{n}"', f'title = "Segment {n}"', 'kind = "talk"']
            if n == 0:
                out.append('start = "00:30"')
            out += ['duration = "80s"', ""]
    return "\n".join(out) + "\n"


def test_at_festival_scale_a_tick_formats_nothing_nobody_looks_at(qapp, monkeypatch) -> None:
    plan = parse_plan(festival(FESTIVAL_SEGMENTS).encode())
    clock = ManualClock(plan.start - timedelta(minutes=1))
    controller = ShowController(plan, clock)
    model = RundownModel(plan, controller.state)
    controller.stateChanged.connect(model.update_state)
    formatted: list[tuple[int, int]] = []
    real = RundownModel._format

    def counting(self: RundownModel, state: object, si: int, k: int) -> object:
        formatted.append((si, k))
        return real(self, state, si, k)  # type: ignore[arg-type]

    monkeypatch.setattr(RundownModel, "_format", counting)
    rec = Recorder(model)
    clock.advance(60)
    controller.act(ActionKind.START)
    for _ in range(5):  # on time: nothing in the table changes
        clock.advance(1)
        controller.refresh()
    assert rec.emits <= 1 and formatted == []
    clock.advance(80)  # 5 s into overtime of cue 0
    controller.refresh()
    emits = rec.emits
    for _ in range(5):
        clock.advance(1)
        controller.refresh()
    assert formatted == [], "no view asked: no text is made"
    assert rec.emits - emits <= 5 * 2  # one range for the downstream deltas (plus a minute run), not a row each
    # asking for a row formats that row only
    assert model.data(model.index(500, Column.DELTA), Qt.ItemDataRole.DisplayRole) == "≈0′"  # ≈11:38 as planned
    assert formatted == [(500, -1)]
    assert model.data(model.index(0, Column.DELTA), Qt.ItemDataRole.DisplayRole) == "+0:10"  # the cue on now


def test_speaker_rows_nobody_can_see_are_not_signalled_but_are_fresh_when_opened(rig, at) -> None:
    clock, controller, model = rig
    model.children_shown = lambda segment: False
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    clock.set(at(13, 36, 59, 500_000))  # the first cue two minutes over, nearly
    controller.refresh()
    rec = Recorder(model)
    clock.advance(1)  # the projection crosses a minute: every ≈ end and projected delta moves
    controller.refresh()
    assert rec.emits and {k for _, k, _ in rec.cells} == {-1}  # segment rows only
    regions = model.index(4, 0)
    fresh = RundownModel(controller.plan, controller.state)
    for k in range(model.rowCount(regions)):
        assert model.data(model.index(k, Column.DELTA, regions)) == fresh.data(
            fresh.index(k, Column.DELTA, fresh.index(4, 0))
        ) == "≈+2′"


def test_with_a_view_only_the_rows_on_screen_are_signalled_and_the_rest_stay_fresh(rig, at) -> None:
    clock, controller, model = rig
    model.rows_shown = lambda: (0, 3)
    clock.set(at(13, 30))
    controller.act(ActionKind.START)
    clock.set(at(13, 36, 59, 500_000))  # nearly two minutes over
    controller.refresh()
    rec = Recorder(model)
    clock.advance(1)  # the projection crosses a minute: every later ≈ end and delta moves
    controller.refresh()
    assert {r for r, k, _ in rec.cells if k == -1} == {0, 1, 2, 3}
    assert all(top == bottom for top, bottom in [(r, r) for r, _, _ in rec.cells])
    fresh = RundownModel(controller.plan, controller.state)
    assert snapshot(model) == snapshot(fresh)  # rows off screen are formatted fresh when asked
    rec.cells.clear()
    controller.act(ActionKind.NEXT)  # an action too: rows off screen are not signalled
    assert {r for r, k, _ in rec.cells if k == -1} <= {0, 1, 2, 3}
    assert snapshot(model) == snapshot(RundownModel(controller.plan, controller.state))


@pytest.mark.parametrize("window", [(0, 3), (3, 8), (6, 11)])
def test_every_step_with_a_view_signals_every_change_on_screen_and_none_off_it(rig, window) -> None:
    """As the view does: only rows on screen are signalled (a jump that moves every projected
    cell is cut to the screen first); every change on screen must still be signalled, and the
    rows off screen must be fresh when they scroll in."""
    clock, controller, model = rig
    lo, hi = window
    model.rows_shown = lambda: window
    rec = Recorder(model)
    before = snapshot(model)
    for what, arg in STEPS:
        take_step(clock, controller, what, arg)
        after = snapshot(model)
        assert after == snapshot(RundownModel(controller.plan, controller.state))
        on_screen = {key for key in after if after[key] != before[key] and lo <= key[0] <= hi}
        missing = on_screen - rec.cells
        assert not missing, f"{what} {arg}: changed on screen but not signalled: {sorted(missing)[:5]}"
        assert all(lo <= r <= hi for r, k, _ in rec.cells if k == -1), f"{what} {arg}: a row off screen signalled"
        rec.cells.clear()
        before = after


def _index_fields(index: object) -> dict[str, object]:
    return {k: v for k, v in vars(index).items() if k != "epoch"}


def test_the_projection_index_without_sorting_is_the_general_one(rig) -> None:
    """After every step (a goto back included, where the general build is taken), the index
    built from the per-plan orders equals the one built by sorting, field by field."""
    from runshow.ui.rundown_model import _ProjectionIndex

    clock, controller, model = rig
    fast_taken = 0
    for what, arg in [*STEPS, ("act", (ActionKind.GOTO, {"segment": "regions"})), ("tick", 30)]:
        take_step(clock, controller, what, arg)
        state = controller.state
        lists = (model._suffix_us, model._planned_end_us, model._segment_cues)
        general = _ProjectionIndex.build_general(0, state, *lists)
        fast = _ProjectionIndex.build(0, state, *lists, model._sorted_offsets)
        assert _index_fields(fast) == _index_fields(general), f"{what} {arg}"
        p = state._settled
        first = state.cue.index + 1 if state.cue else 0
        fast_taken += not (max(p.actual_start, default=-1) >= first or max(p.actual_end, default=-1) >= first)
    assert fast_taken >= 10  # most steps took the path without sorting


@pytest.mark.parametrize("seconds", [0.0, 0.25, 7.5])
def test_the_projection_index_without_sorting_at_festival_scale(qapp, seconds) -> None:
    """A thousand cues, started late by a fraction of a second (offsets off the whole second), then
    next after next and adjusts: the fast index equals the sorted one each time."""
    from runshow.ui.rundown_model import _ProjectionIndex

    plan = parse_plan(festival(FESTIVAL_SEGMENTS).encode())
    clock = ManualClock(plan.start + timedelta(seconds=seconds))
    controller = ShowController(plan, clock)
    model = RundownModel(plan, controller.state)
    controller.stateChanged.connect(model.update_state)
    controller.act(ActionKind.START)
    for k in range(40):
        clock.advance(13.3 if k % 3 else 95)
        controller.act(ActionKind.NEXT if k % 2 else ActionKind.ADJUST, **({} if k % 2 else {"seconds": 7}))
        lists = (model._suffix_us, model._planned_end_us, model._segment_cues)
        general = _ProjectionIndex.build_general(0, controller.state, *lists)
        fast = _ProjectionIndex.build(0, controller.state, *lists, model._sorted_offsets)
        assert _index_fields(fast) == _index_fields(general), k


def test_editable_cells_follow_the_show_as_a_fresh_model_has_them(rig) -> None:
    """The editable flags are remembered while where the show stands is unchanged (an adjust, a
    message); after every step they are what a fresh model says, cell by cell."""
    from runshow.ui.rundown_edit import EditableRundownModel

    clock, controller, _ = rig
    model = EditableRundownModel(controller.plan, controller.state)
    controller.stateChanged.connect(model.update_state)

    def flags(m: EditableRundownModel) -> dict[tuple[int, int, int], bool]:
        return {key: bool(m.flags(ix) & Qt.ItemFlag.ItemIsEditable) for key, ix in cells(m)}

    seen_editable = set()
    steps: list[list[tuple[str, object]]] = [[step] for step in STEPS[:12]]
    steps.append([("act", (ActionKind.ADJUST, {"seconds": 30}))])
    # a next and back before the view asks again: the same cue on, one more segment entered
    steps.append([("act", ActionKind.NEXT), ("act", ActionKind.PREVIOUS)])
    steps += [[step] for step in STEPS[12:]]
    for group in steps:
        flags(model)  # (asked, so the next step starts from remembered answers)
        for what, arg in group:
            take_step(clock, controller, what, arg)
        shown = flags(model)
        assert shown == flags(EditableRundownModel(controller.plan, controller.state)), f"{what} {arg}"
        seen_editable.add(sum(shown.values()))
    assert len(seen_editable) > 3  # the editable set did change along the way
