"""The catch-up panel in the control room, its one-click apply and single undo, and the MC's cut cue.

The plan is the 2021 conference with a hard stop and flexible segments set with
``dataclasses.replace`` (the loader reads ``hard_stop``/``min`` once the plan helper's work
lands), as a crew might decide: the breaks first, then the panel.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, QSettings

from runshow.live.actions import ActionKind, AmendOp
from runshow.live.catchup import plan_catch_up
from runshow.live.clock import ManualClock
from runshow.plan.model import Plan
from runshow.session.controller import ShowController
from runshow.ui.catchup_panel import CUT_CUE_SECONDS
from runshow.ui.operator import OperatorWindow
from runshow.ui.rundown_model import Column
from runshow.ui.stage import StageWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", r"does not support raise\(\)"),
]

M = timedelta(minutes=1)
FLEX = {"break1": (5, 1), "break2": (5, 1), "panel": (30, 2)}


def flexible(plan: Plan, hard_stop: datetime | None) -> Plan:
    segs = tuple(
        replace(s, min_length=FLEX[s.id][0] * M, trim_order=FLEX[s.id][1])
        if s.id in FLEX
        else replace(s, min_length=None, trim_order=None)  # only these, whatever the file says
        for s in plan.segments
    )
    return replace(plan, segments=segs, event=replace(plan.event, hard_stop=hard_stop))


@pytest.fixture
def korean(qapp) -> Iterator[None]:
    from runshow.ui.app import install_translators

    previous = QLocale()
    translators = install_translators(qapp, "ko")
    yield
    for t in translators:
        qapp.removeTranslator(t)
    QLocale.setDefault(previous)


@pytest.fixture
def make(plan_2021, at, qtbot, tmp_path):
    """``make(start=…, hard_stop=…)`` → (window, controller, clock), the show started at ``start``."""
    made: list[ShowController] = []

    def build(start: tuple[int, int] = (13, 42), hard_stop: datetime | None = None, stop: bool = True):
        plan = flexible(plan_2021, (hard_stop or at(16, 25)) if stop else None)
        clock = ManualClock(at(*start))
        controller = ShowController(plan, clock)
        made.append(controller)
        assert controller.act(ActionKind.START) is None
        stage = StageWindow(controller, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(stage)
        win = OperatorWindow(controller, stage_window=stage)
        qtbot.addWidget(win)
        return win, controller, clock

    yield build
    for c in made:
        c.stop_ticking()


def lengths(controller: ShowController) -> dict[str, int]:
    return {s.id: int(s.duration.total_seconds()) // 60 for s in controller.plan.segments if s.id in FLEX}


def test_late_show_shows_the_overrun_and_the_proposal(make):
    win, _controller, _clock = make()
    panel = win.catchup
    assert panel.active
    assert panel.proposal is not None and panel.proposal.needed
    assert panel.heading.text() == "Over the hard stop 16:25 by 12:00: projected end 16:37:00"
    assert panel.trims.text().splitlines() == [
        "Proposal — trim:",
        "  14:50 휴식: 10′ → 5′",
        "  15:30 휴식: 10′ → 5′",
        "  15:40 패널토론 및 질의응답: 40′ → 38′",
    ]
    assert panel.after.text() == "Projected end after it: 16:25:00"
    assert panel.miss.isHidden()
    assert panel.apply_button.isEnabled() and not panel.apply_button.isHidden()


def test_apply_is_one_batch_amendment_and_one_undo_reverts_all_of_it(make):
    win, controller, clock = make()
    clock.advance(seconds=20)
    before = lengths(controller)
    n = len(controller.show.actions)
    win.catchup.apply_button.click()
    assert len(controller.show.actions) == n + 1
    action = controller.show.actions[-1]
    assert action.kind is ActionKind.AMEND and action.amend.op is AmendOp.BATCH
    assert {i.op for i in action.amend.items} == {AmendOp.LENGTH}
    assert lengths(controller) == {"break1": 5, "break2": 5, "panel": 38}
    assert controller.state.projected_end <= controller.plan.event.hard_stop
    # the panel now says the hard stop is made, and the rundown shows the new lengths
    assert not win.catchup.proposal.needed
    assert win.catchup.apply_button.isHidden()
    assert "to spare" in win.catchup.heading.text()
    assert "Catch-up applied: 3 segment(s)" in win.statusBar().currentMessage()
    rows = {win.model.segment_at(win.model.index(r, 0)).id: r for r in range(win.model.rowCount())}
    assert win.model.data(win.model.index(rows["panel"], Column.LENGTH)) == "38′"
    win.commands.undo.trigger()
    assert lengths(controller) == before
    assert win.catchup.proposal.needed and not win.catchup.apply_button.isHidden()


def test_apply_uses_the_proposal_as_it_stands_at_the_click(make):
    win, controller, clock = make()
    # shown at 13:42; by the click the opening has run into overtime and the show is later still
    clock.advance(minutes=7)
    fresh = plan_catch_up(controller.show, clock.now())
    assert win.catchup.apply()
    got = lengths(controller)
    assert all(got[t.segment] * 60 == t.to_s for t in fresh.trims)
    assert controller.state.projected_end <= controller.plan.event.hard_stop


def test_the_proposal_is_computed_only_when_the_epoch_or_the_minute_changes(make):
    win, controller, clock = make()
    panel = win.catchup
    base = panel.computed
    for _ in range(5):
        clock.advance(seconds=7)  # 13:42:35, still 13:42
        controller.refresh()
    assert panel.computed == base
    clock.advance(seconds=30)  # 13:43:05
    controller.refresh()
    assert panel.computed == base + 1
    controller.act(ActionKind.ADJUST, seconds=60)
    assert panel.computed == base + 2


def test_when_the_hard_stop_cannot_be_made_it_says_by_how_much(make, at):
    win, _controller, _clock = make(hard_stop=at(15, 50))
    panel = win.catchup
    assert not panel.proposal.feasible
    assert not panel.miss.isHidden()
    missed = panel.proposal.projected_end_after - at(15, 50)
    minutes, seconds = divmod(int(missed.total_seconds()), 60)
    assert panel.miss.text() == f"The hard stop cannot be made: it will be missed by {minutes}:{seconds:02d}"
    assert panel.apply_button.isEnabled()  # every trim there is still helps


def test_on_time_the_panel_is_quiet_and_without_a_hard_stop_it_is_hidden(make):
    win, _controller, _clock = make(start=(13, 30))
    assert win.catchup.active and "to spare" in win.catchup.heading.text()
    assert win.catchup.apply_button.isHidden() and win.catchup.trims.isHidden()
    win2, _c, _k = make(start=(13, 42), stop=False)
    assert not win2.catchup.active and win2.catchup.apply_button.isHidden()


def test_the_panel_in_korean(korean, make):
    win, _controller, _clock = make()
    panel = win.catchup
    panel._forget()
    panel.update_state(_controller.state)
    assert panel.heading.text().startswith("하드 스톱 16:25")
    assert panel.apply_button.text() == "적용"


# ── the MC's cue ──────────────────────────────────────────────────────────
def panel_running_late(make, at):
    """The panel entered at 15:50 (ten minutes late): the proposal must shorten the segment on now."""
    win, controller, clock = make(start=(13, 30))
    clock.set(at(15, 50))
    assert controller.act(ActionKind.GOTO, segment="panel") is None
    return win, controller, clock


def test_the_mc_is_asked_to_cut_when_the_current_segment_is_shortened(make, at):
    win, controller, clock = panel_running_late(make, at)
    stage = win.stage_window.view
    proposal = win.catchup.proposal
    assert [(t.segment, t.from_s // 60, t.to_s // 60) for t in proposal.trims] == [("panel", 40, 30)]
    assert stage.content.notice is None
    assert win.catchup.apply()
    assert stage.content.notice == "Please cut 10 min"
    assert win.miniature.content.notice == "Please cut 10 min"
    clock.advance(seconds=CUT_CUE_SECONDS - 1)
    controller.refresh()
    assert stage.content.notice == "Please cut 10 min"
    clock.advance(seconds=1)
    controller.refresh()
    assert stage.content.notice is None  # a minute on the stage is enough


def test_the_cut_cue_goes_with_an_undo_and_with_the_next_cue(make, at):
    win, controller, clock = panel_running_late(make, at)
    stage = win.stage_window.view
    win.catchup.apply()
    assert stage.content.notice == "Please cut 10 min"
    win.commands.undo.trigger()
    assert stage.content.notice is None
    win.commands.redo.trigger()  # a redo is no new instruction to the MC
    assert stage.content.notice is None
    win.commands.undo.trigger()
    win.catchup.apply()
    assert stage.content.notice == "Please cut 10 min"
    clock.advance(seconds=5)
    controller.act(ActionKind.NEXT)
    assert stage.content.notice is None


def test_an_edit_that_shortens_the_segment_on_now_cues_the_mc_in_korean(korean, make, at):
    win, controller, clock = panel_running_late(make, at)
    rows = {win.model.segment_at(win.model.index(r, 0)).id: r for r in range(win.model.rowCount())}
    assert win.editor.commit(win.model.index(rows["panel"], Column.LENGTH), "38")
    assert win.stage_window.view.content.notice == "2분 줄여 주세요"
    # a longer segment asks nothing of the MC
    clock.advance(seconds=CUT_CUE_SECONDS)
    controller.refresh()
    rows = {win.model.segment_at(win.model.index(r, 0)).id: r for r in range(win.model.rowCount())}
    assert win.editor.commit(win.model.index(rows["panel"], Column.LENGTH), "45")
    assert win.stage_window.view.content.notice is None
