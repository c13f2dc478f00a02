"""The derived event key is remembered per plan object, never served for another plan (issue 19)."""

from __future__ import annotations

import dataclasses

from runshow.live.journal import derived_event_key
from runshow.plan import parse_plan
from runshow.plan.generated import festival_toml


def test_the_key_of_each_plan_is_its_own_even_after_it_was_remembered_for_another() -> None:
    plan = parse_plan(festival_toml(30).encode(), "f.toml")
    key = derived_event_key(plan)
    assert derived_event_key(plan) == key
    renamed = dataclasses.replace(
        plan, segments=(dataclasses.replace(plan.segments[0], id="renamed"), *plan.segments[1:])
    )
    other = derived_event_key(renamed)
    assert other != key and other.split("-")[0] == key.split("-")[0]
    for _ in range(20):  # more plans than the memo keeps: each still gets its own key
        assert derived_event_key(dataclasses.replace(plan)) == key
    assert derived_event_key(renamed) == other and derived_event_key(plan) == key
