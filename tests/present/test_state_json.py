"""The one JSON shape of the show state: what a web view or a script reads, checked at chosen instants."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from runshow.live.actions import Action, ActionKind
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.present.state_json import LEGACY_KEYS, VERSION, show_state_json
from runshow.present.translate import english, korean


@pytest.fixture
def started(plan_2021, at):
    """The show started two minutes late at 13:32 and run by hand since."""

    def make(*actions: tuple[ActionKind, datetime, dict[str, object]]) -> Show:
        show = Show(plan_2021)
        show.apply(Action(ActionKind.START, at(13, 32)))
        for kind, when, extra in actions:
            show.apply(Action(kind, when, **extra))  # type: ignore[arg-type]
        return show

    return make


def test_version_and_the_legacy_keys_first(plan_2021, at) -> None:
    d = show_state_json(state_at(Show(plan_2021), at(13, 20)), korean())
    assert list(d)[: 1 + len(LEGACY_KEYS)] == ["version", *LEGACY_KEYS]
    assert d["version"] == VERSION == 1
    assert d["state"] == "pre-show" and d["countdown_to_next_s"] == 600 and d["phase"] == "neutral"
    assert d["current"] is None and d["speakers"] == [] and d["part"] is None
    json.dumps(d)  # JSON types only


def test_running_numbers_add_up_and_rows_show_actual_and_projected(started, at) -> None:
    show = started((ActionKind.NEXT, at(13, 33, 10), {}))
    d = show_state_json(state_at(show, at(13, 34, 0, 500_000)), english())
    # 개회사 (5′, planned 13:35–13:40) went on at 13:33:10: it will end at 13:38:10, 1:50 early
    assert d["state"] == "running" and d["drift_s"] == -110
    assert d["elapsed_s"] + d["remaining_s"] == d["length_s"]
    assert d["elapsed_s"] == 50 and d["phase"] == "normal"
    opening, welcome = d["rundown"][0], d["rundown"][1]
    assert opening["phase"] == "done" and opening["actual_start"] == "2021-10-15T13:32:00+09:00"
    assert opening["actual_end"] == "2021-10-15T13:33:10+09:00" and opening["delta_s"] == -110
    assert welcome["phase"] == "current" and welcome["actual_end"] is None
    assert welcome["projected_start"] == welcome["actual_start"] == "2021-10-15T13:33:10+09:00"
    assert welcome["projected_end"] == "2021-10-15T13:38:10+09:00" and welcome["delta_s"] == -110
    later = d["rundown"][-1]
    assert later["actual_start"] is None and later["projected_end"] == d["projected_end_at"][:19] + "+09:00"
    assert d["next_flip_ms"] - d["server_time_ms"] == 500  # the countdown flips on its second's boundary


@pytest.mark.parametrize(
    ("left_s", "phase", "caption_en"),
    [
        (121, "normal", "Time left"),
        (120, "warning", "Time left"),
        (30, "danger", "Time left"),
        (-1, "overtime", "Overtime"),
    ],
)
def test_phase_follows_the_stage_colour(plan_2021, at, started, left_s, phase, caption_en) -> None:
    show = started()
    state = state_at(show, at(13, 32))
    when = at(13, 32) + state.length - timedelta(seconds=left_s)  # type: ignore[operator]
    d = show_state_json(state_at(show, when), english())
    assert d["remaining_s"] == left_s and d["phase"] == phase == d["stage"]["level"]
    assert d["stage"]["caption"] == caption_en
    assert d["overtime"] is (left_s < 0)


def test_speakers_on_and_next_and_the_stage_words_in_both_languages(plan_2021, at) -> None:
    from runshow.live.rehearsal import on_time_script

    show = Show(plan_2021)
    for action in on_time_script(Show(plan_2021)):
        if action.at <= at(14, 12):
            show.apply(action)
    state = state_at(show, at(14, 12))
    ko, en = show_state_json(state, korean()), show_state_json(state, english())
    assert [(s["name"], s["on"], s["next"], s["done"]) for s in ko["speakers"]] == [
        ("전남", False, False, True),
        ("경북", True, False, False),
        ("인천", False, True, False),
        ("광주", False, False, False),
        ("대구", False, False, False),
    ]
    assert ko["stage"]["next_label"] == "다음 순서: 휴식" and en["stage"]["next_label"] == "Next: 휴식"
    assert ko["stage"]["drift"] == "정시" and en["stage"]["drift"] == "on time"
    assert ko["rundown"][4]["speakers"][1]["phase"] == "current"
    assert ko["rundown"][4]["phase"] == "contains"


def test_message_blackout_and_ended(plan_2021, at, started) -> None:
    show = started(
        (ActionKind.MESSAGE, at(13, 33), {"text": "마이크 확인"}),
        (ActionKind.BLACKOUT, at(13, 33, 5), {"on": True}),
    )
    d = show_state_json(state_at(show, at(13, 34)), korean(), notice="마무리 2분", rehearsal=True)
    assert d["message"] == "마이크 확인" == d["stage"]["message"] and d["blackout"] is True
    assert d["stage"]["notice"] == "마무리 2분" and d["stage"]["rehearsal"] is True
    ended = show_state_json(state_at(Show(plan_2021), at(17, 0)), korean(), rundown=False)
    assert ended["rundown"] is None and ended["state"] == "pre-show"  # manual mode: nobody pressed start
