"""Undo and redo: journaled actions the fold honours, for every kind of operator action."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from runshow.live import actions as act
from runshow.live.actions import Action, ActionKind, Amendment, AmendOp, Mode
from runshow.live.reasons import Reason
from runshow.live.show import Show
from runshow.live.state import ShowState, state_at
from runshow.plan.model import Plan

At = Callable[..., datetime]


def seen(s: ShowState) -> tuple[object, ...]:
    """Everything a window or a report reads from a state."""
    return (
        s.status,
        s.mode,
        s.cue.index if s.cue else None,
        s.cue.label if s.cue else None,
        s.length,
        s.remaining,
        s.countdown_to_next,
        s.drift,
        s.projected_end,
        s.message,
        s.blackout,
        s.next_flip,
        tuple(
            (t.cue.label, t.length, t.actual_start, t.actual_end, t.projected_start, t.projected_end) for t in s.timings
        ),
    )


def replay(show: Show) -> Show:
    """The show as it comes back from the journal: every action through its JSON form."""
    wire = json.loads(json.dumps([a.to_json() for a in show.actions]))
    return Show(show.original_plan, [Action.from_json(d) for d in wire])


# base actions, the action under test, and instants at which to compare (all after the undo)
CASES: dict[str, tuple[Callable[[At], list[Action]], Callable[[At], Action]]] = {
    "start": (lambda at: [], lambda at: act.start(at(13, 30))),
    "next": (lambda at: [act.start(at(13, 30))], lambda at: act.next_cue(at(13, 35, 10))),
    "next-ends-the-show": (lambda at: [act.goto(at(16, 20), "closing")], lambda at: act.next_cue(at(16, 24))),
    "previous": (
        lambda at: [act.start(at(13, 30)), act.next_cue(at(13, 35)), act.adjust(at(13, 36), 60)],
        lambda at: act.previous(at(13, 37)),
    ),
    "goto": (lambda at: [act.start(at(13, 30)), act.pause(at(13, 31))], lambda at: act.goto(at(13, 33), "regions")),
    "pause": (lambda at: [act.start(at(13, 30))], lambda at: act.pause(at(13, 32))),
    "resume": (lambda at: [act.start(at(13, 30)), act.pause(at(13, 31))], lambda at: act.resume(at(13, 33))),
    "adjust": (lambda at: [act.start(at(13, 30)), act.adjust(at(13, 31), 30)], lambda at: act.adjust(at(13, 32), -90)),
    "mode-follow": (lambda at: [act.start(at(13, 32))], lambda at: act.set_mode(at(13, 33), Mode.FOLLOW)),
    "mode-manual": (
        lambda at: [act.start(at(13, 32)), act.set_mode(at(13, 33), Mode.FOLLOW)],
        lambda at: act.set_mode(at(13, 50), Mode.MANUAL),
    ),
    "take-over": (lambda at: [act.set_mode(at(13, 0), Mode.FOLLOW)], lambda at: act.next_cue(at(14, 12))),
    "message": (
        lambda at: [act.start(at(13, 30)), act.message(at(13, 31), "a")],
        lambda at: act.message(at(13, 32), "b"),
    ),
    "clear-message": (lambda at: [act.message(at(13, 31), "a")], lambda at: act.clear_message(at(13, 32))),
    "blackout": (lambda at: [act.start(at(13, 30))], lambda at: act.blackout(at(13, 31), True)),
    "amend": (
        lambda at: [act.start(at(13, 30))],
        lambda at: act.amend(at(13, 31), Amendment(AmendOp.LENGTH, segment="regions", seconds=40 * 60)),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_undo_gives_the_show_without_the_action_and_redo_gives_it_back(plan_2021: Plan, at: At, name: str) -> None:
    base_of, action_of = CASES[name]
    base, action = base_of(at), action_of(at)
    without = Show(plan_2021, base)
    with_it = Show(plan_2021, [*base, action])
    assert with_it.actions == [*base, action], "the action under test must apply"
    undo_at = action.at + timedelta(seconds=20)
    show = Show(plan_2021, [*base, action])
    assert show.can_undo and show.undo_target == action and not show.can_redo
    show.apply(act.undo(undo_at))
    assert show.redo_target == action and show.can_redo
    for later in (undo_at, undo_at + timedelta(minutes=3, microseconds=1), undo_at + timedelta(hours=1)):
        assert seen(state_at(show, later)) == seen(state_at(without, later)), later
        assert seen(state_at(replay(show), later)) == seen(state_at(without, later))
    redo_at = undo_at + timedelta(seconds=5)
    show.apply(act.redo(redo_at))
    assert not show.can_redo and show.undo_target == action
    for later in (redo_at, redo_at + timedelta(minutes=7), redo_at + timedelta(hours=2)):
        assert seen(state_at(show, later)) == seen(state_at(with_it, later)), later
        assert seen(state_at(replay(show), later)) == seen(state_at(with_it, later))
    assert show.effective_actions == (*base, action)


def test_undoing_next_returns_to_the_cue_exactly_as_it_was(plan_2021: Plan, at: At) -> None:
    """The double-tapped Space of issue 11: start, then next 60 ms later, then undo."""
    show = Show(plan_2021, [act.goto(at(14, 0), "regions"), act.pause(at(14, 2)), act.resume(at(14, 3))])
    show.apply(act.adjust(at(14, 4), 60))
    show.apply(act.next_cue(at(14, 5)))
    show.apply(act.undo(at(14, 5, 2)))
    s = state_at(show, at(14, 6))
    assert s.speaker is not None and s.speaker.name == "전남"
    # started 14:00, paused one minute, granted one: 11 minutes long, 5 run
    assert s.length == timedelta(minutes=11) and s.remaining == timedelta(minutes=6)
    assert s.timings[s.cue.index].actual_start == at(14, 0) and s.timings[s.cue.index].actual_end is None  # type: ignore[union-attr]
    assert s.timings[s.cue.index + 1].actual_start is None  # type: ignore[union-attr]


def test_undo_walks_back_and_redo_forward_until_something_new_is_done(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, [act.start(at(13, 30)), act.next_cue(at(13, 35)), act.next_cue(at(13, 40))])
    show.apply(act.undo(at(13, 41)))
    show.apply(act.undo(at(13, 41)))
    assert state_at(show, at(13, 41)).segment.id == "opening"  # type: ignore[union-attr]
    show.apply(act.redo(at(13, 42)))
    assert state_at(show, at(13, 42)).segment.id == "welcome"  # type: ignore[union-attr]
    assert show.redo_target == act.next_cue(at(13, 40))
    show.apply(act.adjust(at(13, 43), 60))  # something new: the second next can no longer be redone
    assert not show.can_redo
    got = show.check(act.redo(at(13, 44)))
    assert got is not None and got.reason is Reason.NOTHING_TO_REDO
    show.apply(act.undo(at(13, 44)))
    show.apply(act.undo(at(13, 44)))
    show.apply(act.undo(at(13, 44)))
    got = show.check(act.undo(at(13, 45)))
    assert got is not None and got.reason is Reason.NOTHING_TO_UNDO
    assert state_at(show, at(13, 45)).status.value == "pre-show"
    assert show.effective_actions == ()
    assert [a.kind for a in show.actions].count(ActionKind.UNDO) == 5


def test_an_undo_is_stamped_and_ordered_like_any_action(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, [act.start(at(13, 30)), act.next_cue(at(13, 35))])
    got = show.check(act.undo(at(13, 34)))
    assert got is not None and got.reason is Reason.OLDER_THAN_LAST
    show.apply(act.undo(at(13, 36)))
    got = show.check(act.next_cue(at(13, 35, 30)))  # older than the undo
    assert got is not None and got.reason is Reason.OLDER_THAN_LAST


def test_undo_and_redo_survive_a_replay_and_keep_their_json_form(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, [act.start(at(13, 30)), act.next_cue(at(13, 35)), act.undo(at(13, 36))])
    assert [a.to_json() for a in show.actions][-1] == {"kind": "undo", "at": at(13, 36).isoformat()}
    back = replay(show)
    assert back.actions == show.actions and back.can_redo and back.redo_target == act.next_cue(at(13, 35))
    assert seen(state_at(back, at(13, 37))) == seen(state_at(show, at(13, 37)))
