"""Plan amendments (issue 15): validated like the file, folded like any action, undoable, replayed."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runshow.live import actions as act
from runshow.live.actions import Action, ActionKind, Amendment, AmendOp, Mode
from runshow.live.reasons import Reason
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan import load_plan
from runshow.plan.model import Plan

At = Callable[..., datetime]
M = timedelta(minutes=1)


def replay(show: Show) -> Show:
    wire = json.loads(json.dumps([a.to_json() for a in show.actions]))
    return Show(show.original_plan, [Action.from_json(d) for d in wire])


def contiguous(plan: Plan) -> None:
    for prev, seg in zip(plan.segments, plan.segments[1:], strict=False):
        assert seg.start == prev.end, (prev.id, seg.id)
    for seg in plan.segments:
        if seg.speakers:
            assert sum((sp.duration for sp in seg.speakers), timedelta(0)) == seg.duration, seg.id
    assert [sid for part in plan.parts for sid in part.segment_ids] == [s.id for s in plan.segments]


def amended(plan: Plan, at: At, a: Amendment, *before: Action) -> Show:
    show = Show(plan, [*before, act.amend(at(14, 5), a)])
    assert show.actions[-1].kind is ActionKind.AMEND, show.check(act.amend(at(14, 5), a))
    contiguous(show.plan)
    back = replay(show)
    assert back.plan == show.plan and back.progress == show.progress
    show.apply(act.undo(at(14, 6)))
    assert show.plan == plan
    show.apply(act.redo(at(14, 7)))
    assert show.plan == back.plan
    return show


def running(at: At) -> tuple[Action, ...]:
    return (act.start(at(13, 30)), act.goto(at(14, 0), "regions"))


def test_length_of_a_future_segment_ripples_into_every_later_time(plan_2021: Plan, at: At) -> None:
    show = amended(plan_2021, at, Amendment(AmendOp.LENGTH, segment="break1", seconds=5 * 60), *running(at))
    p = show.plan
    assert p.segment("break1").duration == 5 * M and p.segment("kiet").start == at(14, 55) and p.end == at(16, 20)
    assert p.part_of(p.segment("break1")).declared == 65 * M
    s = state_at(show, at(14, 8))
    assert s.projected_end == at(16, 20) and s.speaker is not None and s.speaker.name == "전남"


def test_length_of_a_speaker_segment_spreads_over_its_speakers(plan_2021: Plan, at: At) -> None:
    show = amended(plan_2021, at, Amendment(AmendOp.LENGTH, segment="congrats", seconds=7 * 60))
    assert [sp.duration for sp in show.plan.segment("congrats").speakers] == [210 * timedelta(seconds=1)] * 2


def test_length_of_the_current_segment_goes_to_its_speakers_still_to_come(plan_2021: Plan, at: At) -> None:
    show = amended(plan_2021, at, Amendment(AmendOp.LENGTH, segment="regions", seconds=45 * 60), *running(at))
    # 전남 is on: the five minutes come off the four speakers still to come, 75 s each
    assert [sp.duration for sp in show.plan.segment("regions").speakers] == [10 * M] + [timedelta(seconds=525)] * 4


def test_the_current_cue_cannot_be_cut_below_what_has_run(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, [act.start(at(13, 30)), act.goto(at(15, 40), "panel")])
    got = show.check(act.amend(at(16, 0), Amendment(AmendOp.LENGTH, segment="panel", seconds=15 * 60)))
    assert got is not None and got.reason is Reason.SHORTER_THAN_RUN and got.params["run_s"] == 20 * 60
    show.apply(act.amend(at(16, 0), Amendment(AmendOp.LENGTH, segment="panel", seconds=30 * 60)))
    s = state_at(show, at(16, 0))
    assert s.remaining == 10 * M and s.projected_end == at(16, 15) and s.drift == timedelta(0)


def test_start_of_a_future_segment_moves_the_end_of_the_one_before(plan_2021: Plan, at: At) -> None:
    a = Amendment(AmendOp.START, segment="panel", start=at(15, 35))
    show = amended(plan_2021, at, a, *running(at))
    assert show.plan.segment("break2").duration == 5 * M and show.plan.segment("panel").start == at(15, 35)
    assert show.plan.end == at(16, 20)


def test_insert_before_and_after(plan_2021: Plan, at: At) -> None:
    a = Amendment(AmendOp.INSERT, place="before", anchor="kiet", new_id="video", text="영상", kind="talk", seconds=180)
    show = amended(plan_2021, at, a, *running(at))
    ids = [s.id for s in show.plan.segments]
    assert ids[ids.index("video") + 1] == "kiet" and show.plan.segment("video").part_id == "session2"
    assert show.plan.end == at(16, 28)
    b = Amendment(AmendOp.INSERT, place="after", anchor="regions", new_id="qna", text="질의응답", seconds=120)
    show = amended(plan_2021, at, b, *running(at))  # after the segment on now is allowed
    ids = [s.id for s in show.plan.segments]
    assert ids[ids.index("regions") + 1] == "qna" and show.plan.segment("qna").start == at(14, 50)


def test_remove_skip_and_move(plan_2021: Plan, at: At) -> None:
    show = amended(plan_2021, at, Amendment(AmendOp.REMOVE, segment="kli"), *running(at))
    assert "kli" not in [s.id for s in show.plan.segments] and show.plan.end == at(16, 15)
    show = amended(plan_2021, at, Amendment(AmendOp.SKIP, segment="break2"), *running(at))
    assert "break2" not in [s.id for s in show.plan.segments]
    show = amended(plan_2021, at, Amendment(AmendOp.MOVE, segment="krihs", place="before", anchor="kiet"), *running(at))
    assert [s.id for s in show.plan.segments][6:9] == ["krihs", "kiet", "kli"]
    assert show.plan.segment("krihs").start == at(15, 0)


def test_title_owner_notes_and_speakers(plan_2021: Plan, at: At) -> None:
    show = amended(plan_2021, at, Amendment(AmendOp.TITLE, segment="regions", text="지역 발표"), *running(at))
    assert show.plan.segment("regions").title == "지역 발표"
    assert state_at(show, at(14, 8)).segment.title == "지역 발표"  # type: ignore[union-attr]
    show = amended(plan_2021, at, Amendment(AmendOp.OWNER, segment="panel", text="사회자"))
    assert show.plan.segment("panel").owner == "사회자"
    show = amended(plan_2021, at, Amendment(AmendOp.NOTES, segment="panel", text="마이크 4개"))
    assert show.plan.segment("panel").notes == "마이크 4개"
    add = Amendment(AmendOp.SPEAKER_ADD, segment="congrats", index=1, name="일자리위원회", seconds=120)
    show = amended(plan_2021, at, add)
    assert [sp.name for sp in show.plan.segment("congrats").speakers] == [
        "국토교통부",
        "일자리위원회",
        "산업통상자원부",
    ]
    assert show.plan.end == at(16, 27) and len(show.cues) == len(Show(plan_2021).cues) + 1
    show = amended(plan_2021, at, Amendment(AmendOp.SPEAKER_REMOVE, segment="congrats", index=0))
    assert [sp.name for sp in show.plan.segment("congrats").speakers] == ["산업통상자원부"]
    show = amended(plan_2021, at, Amendment(AmendOp.SPEAKER_MOVE, segment="congrats", index=0, to=1))
    assert [sp.name for sp in show.plan.segment("congrats").speakers] == ["산업통상자원부", "국토교통부"]
    show = amended(
        plan_2021, at, Amendment(AmendOp.SPEAKER_SET, segment="congrats", index=1, seconds=60, name="산업부")
    )
    assert (
        show.plan.segment("congrats").speakers[1].name == "산업부" and show.plan.segment("congrats").duration == 6 * M
    )


def test_a_batch_is_one_action_and_one_undo(plan_2021: Plan, at: At) -> None:
    batch = Amendment(
        AmendOp.BATCH,
        items=(
            Amendment(AmendOp.LENGTH, segment="break1", seconds=300),
            Amendment(AmendOp.LENGTH, segment="panel", seconds=35 * 60),
        ),
    )
    show = amended(plan_2021, at, batch, *running(at))
    assert show.plan.end == at(16, 15)
    bad = Amendment(AmendOp.BATCH, items=(batch.items[0], Amendment(AmendOp.LENGTH, segment="nope", seconds=1)))
    s = Show(plan_2021, running(at))
    got = s.check(act.amend(at(14, 5), bad))
    assert got is not None and got.reason is Reason.NO_SEGMENT  # all or nothing
    assert not s.apply(act.amend(at(14, 5), bad), strict=False) and s.plan == plan_2021


@pytest.mark.parametrize(
    ("amendment", "reason"),
    [
        (Amendment(AmendOp.LENGTH, segment="opening", seconds=60), Reason.SEGMENT_ENDED),
        (Amendment(AmendOp.TITLE, segment="policy", text="x"), Reason.SEGMENT_ENDED),
        (Amendment(AmendOp.SPEAKER_ADD, segment="regions", name="x", seconds=60), Reason.SEGMENT_STARTED),
        (Amendment(AmendOp.REMOVE, segment="regions"), Reason.SEGMENT_STARTED),
        (Amendment(AmendOp.LENGTH, segment="panel", seconds=0), Reason.LENGTH_NOT_POSITIVE),
        (Amendment(AmendOp.LENGTH, segment="panel", seconds=25 * 3600), Reason.LENGTH_TOO_LONG),
        (Amendment(AmendOp.LENGTH, segment="panel", seconds=40 * 60), Reason.NOTHING_CHANGES),
        (Amendment(AmendOp.LENGTH, segment="nope", seconds=60), Reason.NO_SEGMENT),
        (
            Amendment(AmendOp.INSERT, place="before", anchor="regions", new_id="v", text="v", seconds=60),
            Reason.SEGMENT_STARTED,
        ),
        (
            Amendment(AmendOp.INSERT, place="after", anchor="panel", new_id="kli", text="v", seconds=60),
            Reason.DUPLICATE_SEGMENT,
        ),
        (
            Amendment(AmendOp.INSERT, place="after", anchor="panel", new_id="a b", text="v", seconds=60),
            Reason.BAD_SEGMENT_ID,
        ),
        (
            Amendment(AmendOp.INSERT, place="after", anchor="panel", new_id="v", text=" ", seconds=60),
            Reason.EMPTY_TITLE,
        ),
        (
            Amendment(AmendOp.INSERT, place="after", anchor="panel", new_id="v", text="v", kind="x", seconds=60),
            Reason.BAD_KIND,
        ),
        (Amendment(AmendOp.INSERT, place="into", anchor="panel", new_id="v", text="v", seconds=60), Reason.BAD_PLACE),
        (Amendment(AmendOp.MOVE, segment="kli", place="after", anchor="kli"), Reason.SAME_SEGMENT),
        (Amendment(AmendOp.START, segment="panel", start=None), Reason.AMEND_MISSING),
        (Amendment(AmendOp.SPEAKER_REMOVE, segment="congrats", index=5), Reason.SEGMENT_ENDED),
        (Amendment(AmendOp.BATCH), Reason.EMPTY_BATCH),
    ],
)
def test_refused_amendments_say_why(plan_2021: Plan, at: At, amendment: Amendment, reason: Reason) -> None:
    show = Show(plan_2021, running(at))
    got = show.check(act.amend(at(14, 5), amendment))
    assert got is not None and got.reason is reason, got


def test_speaker_refusals(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021)
    for a, reason in [
        (Amendment(AmendOp.SPEAKER_REMOVE, segment="congrats", index=5), Reason.NO_SPEAKER),
        (Amendment(AmendOp.SPEAKER_SET, segment="congrats", index=0, name=" "), Reason.EMPTY_NAME),
        (Amendment(AmendOp.SPEAKER_ADD, segment="congrats", name="x", seconds=0), Reason.SPEAKER_SLOT_NOT_POSITIVE),
        (Amendment(AmendOp.START, segment="welcome", start=at(13, 30)), Reason.START_BEFORE_PREVIOUS),
    ]:
        got = show.check(act.amend(at(13, 0), a))
        assert got is not None and got.reason is reason, (a, got)
    one = Show(plan_2021, [act.amend(at(13, 0), Amendment(AmendOp.SPEAKER_REMOVE, segment="congrats", index=0))])
    got = one.check(act.amend(at(13, 1), Amendment(AmendOp.SPEAKER_REMOVE, segment="congrats", index=0)))
    assert got is not None and got.reason is Reason.LAST_SPEAKER


def test_an_amendment_in_follow_mode_keeps_follow_and_its_history(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, [act.set_mode(at(13, 0), Mode.FOLLOW)])
    show.apply(act.amend(at(14, 5), Amendment(AmendOp.LENGTH, segment="break1", seconds=300)))
    s = state_at(show, at(14, 57))
    assert s.mode is Mode.FOLLOW and s.segment is not None and s.segment.id == "kiet"
    assert s.timings[0].actual_start == at(13, 30) and s.projected_end == at(16, 20)


def test_removing_a_segment_drops_its_custom_alerts(plan_2021: Plan, at: At) -> None:
    from dataclasses import replace

    from runshow.plan.model import CustomAlert

    plan = replace(plan_2021, custom_alerts=(CustomAlert("c", "x", segment_id="kli"),))
    show = Show(plan, [act.amend(at(13, 0), Amendment(AmendOp.REMOVE, segment="kli"))])
    assert show.plan.custom_alerts == ()


# ── property: amendments and their undos ──────────────────────────────────
PLAN = load_plan(
    __import__("pathlib").Path(__file__).resolve().parents[2] / "schedules" / "2021-industrial-complex-conference.toml"
)
T0 = datetime(2021, 10, 15, 13, 0, tzinfo=PLAN.event.timezone)
IDS = [s.id for s in PLAN.segments] + ["new1", "new2"]


@st.composite
def amendments(draw: st.DrawFn) -> Amendment:
    op = draw(st.sampled_from([o for o in AmendOp if o is not AmendOp.BATCH]))
    seg = draw(st.sampled_from(IDS))
    return Amendment(
        op,
        segment=seg,
        seconds=draw(st.integers(-60, 3600)),
        start=T0 + timedelta(minutes=draw(st.integers(0, 240))),
        place=draw(st.sampled_from(["before", "after"])),
        anchor=draw(st.sampled_from(IDS)),
        text=draw(st.sampled_from(["제목", "", None])),
        new_id=draw(st.sampled_from(["new1", "new2", "kli"])),
        kind=draw(st.sampled_from(["", "break", "talk"])),
        index=draw(st.integers(-1, 5)),
        to=draw(st.integers(0, 5)),
        name=draw(st.sampled_from(["발표자", None])),
    )


@st.composite
def amending_sessions(draw: st.DrawFn) -> list[Action]:
    out: list[Action] = []
    t = T0
    for _ in range(draw(st.integers(0, 20))):
        t += timedelta(seconds=draw(st.integers(0, 900)))
        choice = draw(st.sampled_from(["amend", "amend", "batch", "undo", "redo", "start", "next"]))
        if choice == "amend":
            out.append(act.amend(t, draw(amendments())))
        elif choice == "batch":
            out.append(act.amend(t, Amendment(AmendOp.BATCH, items=tuple(draw(st.lists(amendments(), max_size=3))))))
        else:
            out.append(Action(ActionKind(choice), t))
    return out


FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(amending_sessions())
def test_amendments_and_their_undos_give_the_plan_without_the_undone(actions: list[Action]) -> None:
    show = Show(PLAN, actions)
    contiguous(show.plan)
    without = Show(PLAN, show.effective_actions)
    assert without.plan == show.plan
    assert without.progress.actual_start == show.progress.actual_start
    back = replay(show)
    assert back.plan == show.plan
    while show.can_undo:
        show.apply(act.undo(show.progress.last_at or T0))
    assert show.plan == PLAN


def test_where_the_show_stands_names_every_later_segment_never_entered(plan_2021: Plan, at: At) -> None:
    """Where.of's set operations say what a pass over every segment says, through a show that
    jumps ahead and back (a segment entered and left again is no longer "future")."""
    from runshow.live.amendments import Where

    def by_hand(show: Show) -> frozenset[str]:
        p = show.progress
        cues = p.layout.cues
        entered = {cues[i].segment.id for i in p.actual_start}
        pivot = cues[p.current].segment_index if p.current is not None else -1
        return frozenset(s.id for k, s in enumerate(p.layout.plan.segments) if k > pivot and s.id not in entered)

    show = Show(plan_2021)
    assert Where.of(show.progress).future == by_hand(show) == {s.id for s in plan_2021.segments}
    steps = [
        Action(ActionKind.START, at(13, 30)),
        Action(ActionKind.NEXT, at(13, 35)),
        Action(ActionKind.GOTO, at(13, 50), segment="regions"),
        Action(ActionKind.GOTO, at(14, 0), segment="opening"),
        Action(ActionKind.NEXT, at(14, 1)),
    ]
    for action in steps:
        show.apply(action)
        where = Where.of(show.progress)
        assert where.future == by_hand(show), action
    assert "regions" not in where.future  # entered, then left by a jump back
