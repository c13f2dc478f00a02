"""What the web views say is what the stage window says, and their numbers move as the engine's do."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from runshow.live.actions import Action, ActionKind
from runshow.remote import content
from tests.remote.conftest import WORDS, blackout, message, snap

INSTANTS = [
    (13, 25, 0),  # pre-show
    (13, 31, 30),  # pre-show, planned start passed, not started yet (late start: drift rises)
    (14, 12, 0),  # 경북 on, 10:00 left, normal
    (14, 20, 0),  # 02:00: warning
    (14, 21, 30),  # 00:30: danger
    (14, 22, 0, 500_000),  # 00:00 (half a second of overtime still reads 00:00)
    (14, 22, 1),  # −00:01: overtime, blink off
    (14, 22, 2),  # −00:02: overtime, blink lit
]


@pytest.fixture
def korean(qapp):
    from PySide6.QtCore import QLocale

    from runshow.ui.app import install_translators

    previous = QLocale()
    installed = install_translators(qapp, "ko")
    assert installed
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def _compare(state, plan) -> None:
    from runshow.present.stage_content import stage_content
    from runshow.session.qt_translate import qt_tr

    window = stage_content(state, plan.event, qt_tr)
    web = content.stage(state, plan.event, WORDS["ko"], notice=None, rehearsal=False)
    assert web["header"] == window.header
    assert web["clock"] == window.clock
    assert web["title"] == window.title
    assert web["presenter"] == window.presenter
    assert [(i["name"], i["role"]) for i in web["strip"]] == [(i.name, i.role.value) for i in window.strip]
    assert web.get("caption_now", web["caption"]) == window.caption
    assert web["countdown"] == window.countdown
    assert web["level"] == window.level.value
    assert web["blink_lit"] == window.blink_lit
    assert web["next_label"] == window.next_label
    assert web["next_countdown"] == window.next_countdown
    assert web["drift"] == window.drift
    assert web["message"] == window.message
    assert web["blackout"] == window.blackout


@pytest.mark.gui
@pytest.mark.parametrize("when", INSTANTS, ids=lambda t: f"{t[0]:02d}:{t[1]:02d}:{t[2]:02d}")
def test_web_stage_says_what_the_stage_window_says(korean, show_at, plan_2021, when) -> None:
    _compare(show_at(*when), plan_2021)


@pytest.mark.gui
def test_web_stage_agrees_paused_with_message_and_blackout_and_at_the_end(korean, show_at, plan_2021, at) -> None:
    _compare(show_at(14, 15, extra=(Action(ActionKind.PAUSE, at(14, 14)),)), plan_2021)
    _compare(show_at(14, 15, extra=(message(at(14, 14), "1분 남았습니다"), blackout(at(14, 14, 30)))), plan_2021)
    _compare(show_at(17, 0), plan_2021)  # the scenario never ends the show: overtime, hours of it
    _compare(show_at(14, 15, extra=(Action(ActionKind.MODE, at(14, 14), mode="follow"),)), plan_2021)
    # ended by hand: the last segment, then next (follow mode no longer skips a late show to its end)
    ended = show_at(
        17, 0, extra=(Action(ActionKind.GOTO, at(16, 58), segment="closing"), Action(ActionKind.NEXT, at(16, 59)))
    )
    assert ended.status.value == "ended"
    _compare(ended, plan_2021)


def test_english_is_the_source_text(show_at, plan_2021) -> None:
    web = content.stage(show_at(14, 12), plan_2021.event, WORDS["en"], notice=None, rehearsal=False)
    assert web["caption"] == "Time left"
    assert web["next_label"].startswith("Next: ")
    assert web["strip"][1]["tag"] == "now"
    assert content.words(WORDS["ko"])["now"] == "지금"
    assert content.words(WORDS["ko"])["offline"].startswith("연결 끊김")


# ── the numbers a page moves on its own ───────────────────────────────────
def _moved(tm: dict, e_ms: float) -> tuple[float | None, float | None, float]:
    """runshow.js's moving(): the same three formulas, in Python."""
    rem = None if tm["remaining_ms"] is None else tm["remaining_ms"] - (e_ms if tm["ticking"] else 0)
    nxt = None if tm["next_ms"] is None else tm["next_ms"] - min(e_ms, tm["pivot_ms"])
    drift = tm["drift_ms"] + (max(0.0, e_ms - tm["pivot_ms"]) if tm["drift_rises"] else 0.0)
    return rem, nxt, drift


def _ms(td: timedelta | None) -> float | None:
    return None if td is None else td / timedelta(milliseconds=1)


@pytest.mark.parametrize(
    ("start", "extra"),
    [
        ((13, 20, 0), ()),  # pre-show: the countdown falls to the start, then the late start's drift rises
        ((14, 19, 0), ()),  # running into overtime: next falls until the pivot, then drift rises
        ((14, 15, 0), ("pause",)),  # paused: nothing falls, drift rises
    ],
)
def test_timing_extrapolates_exactly_what_the_engine_computes_later(show_at, at, start, extra) -> None:
    actions = tuple(Action(ActionKind.PAUSE, at(*start)) for x in extra if x == "pause")
    base = show_at(*start, extra=actions)
    tm = content.timing(base)
    for seconds in (0.25, 1, 59.5, 61, 119.999, 180, 300.5, 900):
        later = show_at(*start, extra=actions)
        # the same show, seen `seconds` later (no action in between)
        from runshow.live.state import state_at

        if start == (13, 20, 0) and seconds > 600 + 120:
            continue
        later = state_at(later._show, base.at + timedelta(seconds=seconds))
        rem, nxt, drift = _moved(tm, seconds * 1000)
        for mine, engine in ((rem, later.remaining), (nxt, later.countdown_to_next), (drift, later.drift)):
            if engine is None:
                assert mine is None
            else:
                assert mine == pytest.approx(_ms(engine), abs=0.01), seconds


def test_level_thresholds_come_from_the_segment(show_at) -> None:
    tm = content.timing(show_at(14, 12))
    assert (tm["warning_s"], tm["danger_s"], tm["level_live"]) == (120, 30, True)
    assert content.timing(show_at(13, 25))["level_live"] is False
    assert [content.wrapup_level(s, 120, 30) for s in (121, 120, 31, 30, 0, -1)] == [
        "normal",
        "warning",
        "warning",
        "danger",
        "danger",
        "overtime",
    ]


def test_backstage_lists_now_and_next_with_stand_by_times(show_at) -> None:
    block = content.backstage(show_at(14, 12), WORDS["ko"])
    current, nxt = block["segments"]
    assert current["role"] == "current" and nxt["role"] == "next"
    roles = [(s["name"], s["role"], s["tag"]) for s in current["speakers"]]
    assert roles[:3] == [("전남", "done", ""), ("경북", "now", "지금"), ("인천", "next", "다음")]
    incheon = current["speakers"][2]
    # 인천 is projected at 14:22 (two minutes late); stand-by two minutes before that
    assert (incheon["start"], incheon["start_projected"], incheon["standby"]) == ("14:22", True, "14:20")
    assert incheon["standby_text"] == "14:20 대기"
    assert current["speakers"][1]["standby"] is None  # on now: no stand-by
    assert nxt["title"] == "휴식" and nxt["standby"] == "14:50"


def test_lobby_is_public_no_owner_notes_or_drift(show_at) -> None:
    lobby = content.lobby(show_at(13, 25), show_at(13, 25)._show.plan.event, WORDS["ko"])
    assert lobby["label"] == "행사 시작까지" and lobby["live"] is True
    text = repr(lobby)
    assert "사회자" not in text and "늦음" not in text
    running = content.lobby(show_at(14, 12), show_at(14, 12)._show.plan.event, WORDS["ko"])
    assert running["title"] == "휴식" and running["when"] == "약 14:52 시작"


def test_rundown_rows_planned_actual_and_the_current_row(show_at) -> None:
    block = content.rundown(show_at(14, 12), WORDS["ko"])
    rows = block["rows"]
    assert rows[0]["start"] == "13:32:00" and rows[0]["delta"] == "+2:00" and rows[0]["phase"] == "done"
    presentations = next(r for r in rows if r["title"].startswith("시·도별"))
    assert presentations["phase"] == "contains"
    assert [s["phase"] for s in presentations["speakers"]][:3] == ["done", "current", "upcoming"]
    assert presentations["speakers"][2]["start"] == "≈14:22"
    assert block["projected_end"] == "16:27:00"


def test_payload_carries_the_versioned_state_and_the_clock_mapping(show_at) -> None:
    state = show_at(14, 12, 0, 250_000)
    p = content.payload(state, WORDS["ko"], "ko", seq=7, wall_ms=123.0, rate=10.0)
    assert p["version"] == 1 and p["state"]["version"] == 1 and p["seq"] == 7
    assert p["clock"] == {
        "show_ms": state.at.timestamp() * 1000,
        "server_ms": 123.0,
        "rate": 10.0,
        "tz_offset_ms": 9 * 3600 * 1000,
        "time": "14:12:00",
    }
    # the CLI's keys first, with the CLI's values; the rundown's rows travel as their own list
    # (views.rundown, sent whole once and then as deltas), so this state leaves them out
    from runshow.present.state_json import show_state_json

    cli = show_state_json(state, WORDS["ko"], rundown=False)
    assert list(p["state"])[: len(cli)] == list(cli)
    assert {k: p["state"][k] for k in cli} == cli
    assert p["state"]["rundown"] is None
    # the snapshot's own versioned state (/api/v1/state, an action's answer) has them, built when asked
    full = snap(state).state_json("ko")
    assert full == show_state_json(state, WORDS["ko"]) and full["rundown"]
    assert math.isclose(p["timing"]["remaining_ms"], 599_750.0)
