"""``ShowState.timing(i)`` is ``timings[i]`` in O(1): the rundown formats visible rows only."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from runshow.live.show import Show
from runshow.live.state import state_at
from tests.live.test_engine_properties import FAST, PLAN, later, sessions


@FAST
@given(sessions(), st.integers(0, 40 * 60 * 1_000_000))
def test_timing_of_one_cue_is_that_cue_of_all_timings(actions, extra_us) -> None:
    show = Show(PLAN, actions)
    for step in (0, extra_us // 3, extra_us):
        state = state_at(show, later(actions, step))
        assert [state.timing(i) for i in range(len(show.cues))] == list(state.timings)


def test_timing_before_a_late_start_chains_from_now(at) -> None:
    show = Show(PLAN)
    state = state_at(show, at(13, 31, 10))
    assert state.timing(0).projected_start == at(13, 31, 10)
    assert state.timing(3).projected_start == at(13, 31, 10) + (show.suffix[0] - show.suffix[3])
    assert state.timing(3).projected_end - state.timing(3).projected_start == timedelta(minutes=5)
