"""Alert planning on the 2021 schedule: pure, no Qt, no clock — a show and an instant."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

from runshow.live import actions as act
from runshow.live.actions import Mode
from runshow.live.alerts import AlertPlan, PlannedAlert, Rule, plan_alerts
from runshow.live.show import Show
from runshow.live.state import state_at
from runshow.plan.loader import parse_plan
from runshow.plan.model import Audience, CustomAlert, Plan

SCHEDULE_2021 = Path(__file__).resolve().parents[2] / "schedules" / "2021-industrial-complex-conference.toml"

# The whole on-time show as planned before doors open: (instant, key), in firing order.
ON_TIME = [
    ("13:25:00", "custom:stream-live-check"),
    ("13:33:00", "wrapup_warning#0"),
    ("13:33:00", "speaker_standby#1"),
    ("13:34:30", "wrapup_danger#0"),
    ("13:35:01", "overtime#0"),
    ("13:38:00", "wrapup_warning#1"),
    ("13:38:00", "speaker_standby#2"),
    ("13:39:30", "wrapup_danger#1"),
    ("13:40:01", "overtime#1"),
    ("13:43:00", "wrapup_warning#2"),
    ("13:43:00", "speaker_standby#3"),
    ("13:44:30", "wrapup_danger#2"),
    ("13:45:01", "overtime#2"),
    ("13:48:00", "wrapup_warning#3"),
    ("13:48:00", "speaker_standby#4"),
    ("13:49:30", "wrapup_danger#3"),
    ("13:50:01", "overtime#3"),
    ("13:58:00", "wrapup_warning#4"),
    ("13:58:00", "speaker_standby#5"),
    ("13:59:30", "wrapup_danger#4"),
    ("14:00:01", "overtime#4"),
    ("14:08:00", "wrapup_warning#5"),
    ("14:08:00", "speaker_standby#6"),
    ("14:09:30", "wrapup_danger#5"),
    ("14:10:01", "overtime#5"),
    ("14:18:00", "wrapup_warning#6"),
    ("14:18:00", "speaker_standby#7"),
    ("14:19:30", "wrapup_danger#6"),
    ("14:20:01", "overtime#6"),
    ("14:28:00", "wrapup_warning#7"),
    ("14:28:00", "speaker_standby#8"),
    ("14:29:30", "wrapup_danger#7"),
    ("14:30:01", "overtime#7"),
    ("14:38:00", "wrapup_warning#8"),
    ("14:38:00", "speaker_standby#9"),
    ("14:39:30", "wrapup_danger#8"),
    ("14:40:01", "overtime#8"),
    ("14:48:00", "wrapup_warning#9"),
    ("14:48:00", "break_starting#10"),
    ("14:49:30", "wrapup_danger#9"),
    ("14:50:01", "overtime#9"),
    ("14:58:00", "break_ending#10"),
    ("14:58:00", "speaker_standby#11"),
    ("15:00:00", "break_over#10"),
    ("15:08:00", "wrapup_warning#11"),
    ("15:08:00", "speaker_standby#12"),
    ("15:09:30", "wrapup_danger#11"),
    ("15:10:01", "overtime#11"),
    ("15:18:00", "wrapup_warning#12"),
    ("15:18:00", "speaker_standby#13"),
    ("15:19:30", "wrapup_danger#12"),
    ("15:20:01", "overtime#12"),
    ("15:28:00", "wrapup_warning#13"),
    ("15:28:00", "break_starting#14"),
    ("15:29:30", "wrapup_danger#13"),
    ("15:30:01", "overtime#13"),
    ("15:38:00", "break_ending#14"),
    ("15:38:00", "speaker_standby#15"),
    ("15:40:00", "break_over#14"),
    ("16:15:00", "show_end_warning"),
    ("16:18:00", "wrapup_warning#15"),
    ("16:19:30", "wrapup_danger#15"),
    ("16:20:01", "overtime#15"),
    ("16:23:00", "wrapup_warning#16"),
    ("16:24:30", "wrapup_danger#16"),
    ("16:25:00", "show_end"),
    ("16:25:01", "overtime#16"),
]


def _plan(show: Show, now: datetime) -> AlertPlan:
    return plan_alerts(show, state_at(show, now))


def _rows(alerts: tuple[PlannedAlert, ...]) -> list[tuple[str, str]]:
    return [(f"{a.instant:%H:%M:%S}", a.key) for a in alerts]


def _by_key(alerts: tuple[PlannedAlert, ...]) -> dict[str, PlannedAlert]:
    return {a.key: a for a in alerts}


def test_on_time_show_full_ordered_list(plan_2021: Plan, at) -> None:
    plan = _plan(Show(plan_2021), at(13, 0))
    assert _rows(plan.upcoming) == ON_TIME
    assert plan.past == () and plan.dropped == () and not plan.held


def test_rules_carry_audience_and_chime_from_the_schedule(plan_2021: Plan, at) -> None:
    alerts = _by_key(_plan(Show(plan_2021), at(13, 0)).upcoming)
    assert alerts["wrapup_warning#5"].audience is Audience.STAGE and not alerts["wrapup_warning#5"].chime
    assert alerts["break_ending#10"].audience is Audience.BOTH and alerts["break_ending#10"].chime
    assert alerts["speaker_standby#6"].audience is Audience.OPERATOR and not alerts["speaker_standby#6"].chime
    assert alerts["show_end"].audience is Audience.OPERATOR
    assert "경북" in alerts["speaker_standby#6"].text and "Stand by" in alerts["speaker_standby#6"].text
    assert alerts["custom:stream-live-check"].text.startswith("아하TV")


def test_keys_are_stable_across_replans(plan_2021: Plan, at) -> None:
    show = Show(plan_2021, [act.start(at(13, 30))])
    first = _plan(show, at(13, 31))
    again = _plan(show, at(13, 31, 30))
    assert [a.key for a in first.upcoming] == [a.key for a in again.upcoming]
    assert first.upcoming == again.upcoming  # nothing moved: the show is on time


def _late_show(plan: Plan, at) -> Show:
    """On time to 전남, who overruns by 3′; the first break is cut to 5′; then a jump to the panel."""
    steps = [
        act.start(at(13, 30)),
        act.next_cue(at(13, 35)),
        act.next_cue(at(13, 40)),
        act.next_cue(at(13, 45)),
        act.next_cue(at(13, 50)),
        act.next_cue(at(14, 0)),  # 전남 (cue 5)
    ]
    return Show(plan, steps)


def test_overrun_shifts_what_comes_next(plan_2021: Plan, at) -> None:
    show = _late_show(plan_2021, at)
    plan = _plan(show, at(14, 11))  # 전남 is a minute over
    assert "overtime#5" not in _by_key(plan.upcoming)
    past = _by_key(plan.past)
    assert past["overtime#5"].instant == at(14, 10, 1)  # when the countdown first reads −00:01
    show.apply(act.next_cue(at(14, 13)))  # 전남 finally hands over, 3′ late
    plan = _plan(show, at(14, 13))
    up = _by_key(plan.upcoming)
    assert up["wrapup_warning#6"].instant == at(14, 21)  # 경북 keeps the full 10′
    assert up["speaker_standby#7"].instant == at(14, 21)
    assert up["break_starting#10"].instant == at(14, 51)
    assert up["break_over#10"].instant == at(15, 3)
    assert up["show_end_warning"].instant == at(16, 18)  # 폐회 projected at 16:23
    assert up["show_end"].instant == at(16, 25)  # the stream's hard end does not move
    assert [a.instant for a in plan.upcoming] == sorted(a.instant for a in plan.upcoming)
    assert plan.dropped == ()


def test_shortened_break_drops_its_end_alerts(plan_2021: Plan, at) -> None:
    show = _late_show(plan_2021, at)
    for t in (at(14, 13), at(14, 23), at(14, 33), at(14, 43), at(14, 53)):
        show.apply(act.next_cue(t))  # 경북 … 대구, then the break starts at 14:53
    up = _by_key(_plan(show, at(14, 54)).upcoming)
    assert up["break_ending#10"].instant == at(15, 1)
    assert up["break_over#10"].instant == at(15, 3)
    show.apply(act.next_cue(at(14, 58)))  # the break is cut to 5′
    plan = _plan(show, at(14, 58))
    keys = {a.key for a in plan.upcoming + plan.past}
    assert "break_ending#10" not in keys and "break_over#10" not in keys  # the break never reached them
    assert _by_key(plan.upcoming)["wrapup_warning#11"].instant == at(15, 6)
    assert plan.dropped == ()


def test_jump_drops_the_skipped_segments_alerts(plan_2021: Plan, at) -> None:
    show = _late_show(plan_2021, at)
    for t in (at(14, 13), at(14, 23), at(14, 33), at(14, 43), at(14, 53), at(14, 58), at(15, 8)):
        show.apply(act.next_cue(t))  # … kiet 14:58, kli 15:08
    show.apply(act.goto(at(15, 15), "panel"))  # skip 국토연구원 and the second break
    plan = _plan(show, at(15, 15))
    dropped = {a.key for a in plan.dropped}
    assert dropped == {
        "speaker_standby#13",
        "wrapup_warning#13",
        "wrapup_danger#13",
        "overtime#13",
        "break_starting#14",
        "break_ending#14",
        "break_over#14",
    }
    assert all(a.segment_id in ("krihs", "break2") for a in plan.dropped)
    assert not dropped & {a.key for a in plan.upcoming + plan.past}  # dropped, never fired late
    assert _rows(plan.upcoming) == [
        ("15:50:00", "show_end_warning"),
        ("15:53:00", "wrapup_warning#15"),
        ("15:54:30", "wrapup_danger#15"),
        ("15:55:01", "overtime#15"),
        ("15:58:00", "wrapup_warning#16"),
        ("15:59:30", "wrapup_danger#16"),
        ("16:00:01", "overtime#16"),
        ("16:25:00", "show_end"),
    ]


def test_during_cue_alerts_apply_only_while_their_cue_is_on(plan_2021: Plan, at) -> None:
    show = _late_show(plan_2021, at)
    wrap_next = _by_key(_plan(show, at(14, 1)).upcoming)["wrapup_warning#6"]
    assert wrap_next.instant == at(14, 18)
    assert not wrap_next.applies(state_at(show, at(14, 18)))  # 전남 is still talking: 경북 not on yet
    show.apply(act.next_cue(at(14, 10)))
    assert wrap_next.applies(state_at(show, at(14, 18)))


def test_pause_holds_cue_alerts(plan_2021: Plan, at) -> None:
    show = _late_show(plan_2021, at)
    show.apply(act.pause(at(14, 5)))
    plan = _plan(show, at(14, 6))
    assert plan.held
    assert {a.rule for a in plan.upcoming} == {Rule.SHOW_END}
    show.apply(act.resume(at(14, 8)))
    up = _by_key(_plan(show, at(14, 8)).upcoming)
    assert up["wrapup_warning#5"].instant == at(14, 11)  # 3′ of pause pushed it back


def test_going_back_to_a_cue_gives_fresh_keys(plan_2021: Plan, at) -> None:
    show = _late_show(plan_2021, at)
    show.apply(act.next_cue(at(14, 10)))
    show.apply(act.previous(at(14, 11)))  # 전남 again
    keys = {a.key for a in _plan(show, at(14, 11)).upcoming}
    assert "wrapup_warning#5@140000000000" not in keys
    assert any(k.startswith("wrapup_warning#5@1411") for k in keys)


def test_follow_mode_plans_by_the_clock_without_overtime(plan_2021: Plan, at) -> None:
    show = Show(plan_2021, [act.set_mode(at(13, 0), Mode.FOLLOW)])
    plan = _plan(show, at(14, 45))
    assert Rule.OVERTIME not in {a.rule for a in plan.upcoming}
    assert _by_key(plan.upcoming)["break_over#10"].applies(state_at(show, at(15, 0)))


def test_restart_lists_what_passed(plan_2021: Plan, at) -> None:
    show = _late_show(plan_2021, at)
    plan = _plan(show, at(14, 9))
    past = [a.key for a in plan.past]
    assert past[0] == "custom:stream-live-check"
    assert "wrapup_warning#5" in past and "speaker_standby#6" in past
    assert "overtime#0" not in past  # 개회 ended on time: its overtime never applied


def test_custom_alert_relative_to_a_skipped_segment_is_dropped(plan_2021: Plan, at) -> None:
    extra = CustomAlert(
        "panel-mics",
        "패널 마이크 점검 (Check panel mics)",
        Audience.OPERATOR,
        True,
        None,
        "break2",
        "end",
        -timedelta(minutes=3),
    )
    plan_ = dataclasses.replace(plan_2021, custom_alerts=(*plan_2021.custom_alerts, extra))
    show = Show(plan_, [act.start(at(13, 30))])
    up = _by_key(_plan(show, at(13, 31)).upcoming)
    assert up["custom:panel-mics"].instant == at(15, 37)
    show.apply(act.goto(at(13, 32), "panel"))
    plan = _plan(show, at(13, 32))
    assert "custom:panel-mics" in {a.key for a in plan.dropped}
    assert "custom:panel-mics" not in {a.key for a in plan.upcoming}


def test_segment_overrides_switch_rules_off(plan_2021: Plan) -> None:
    text = SCHEDULE_2021.read_text(encoding="utf-8").replace(
        'owner = "국토연구원"\n', 'owner = "국토연구원"\nalerts = { wrapup_warning = "off", wrapup_danger = "1m" }\n'
    )
    plan_ = parse_plan(text.encode(), "override.toml")
    tz = plan_.event.timezone
    up = _by_key(_plan(Show(plan_), datetime(2021, 10, 15, 13, 0, tzinfo=tz)).upcoming)
    assert "wrapup_warning#13" not in up
    assert up["wrapup_danger#13"].instant.strftime("%H:%M:%S") == "15:29:00"
    assert "wrapup_warning#12" in up  # the neighbours keep the event defaults


# ── alert history in the journal ─────────────────────────────────────────────
def test_alert_history_lines_round_trip_through_the_journal_and_the_fold_ignores_them(plan_2021, at, tmp_path):
    from runshow.live.actions import Action, ActionKind
    from runshow.live.alerts import AlertEvent, AlertRecord, alert_history, plan_alerts
    from runshow.live.journal import Journal, read_journal
    from runshow.live.show import Show
    from runshow.live.state import state_at

    show = Show(plan_2021, [Action(ActionKind.GOTO, at(14, 0), segment="regions")])
    alert = next(a for a in plan_alerts(show, state_at(show, at(14, 0))).upcoming if a.key == "speaker_standby#6")
    records = [
        AlertRecord(AlertEvent.FIRED, at(14, 8, 0, 4000), alert.key, alert),
        AlertRecord(AlertEvent.ACKNOWLEDGED, at(14, 8, 5), alert.key),
    ]
    path = tmp_path / "j.jsonl"
    with Journal.create(path, plan_2021) as journal:
        journal.append(show.actions[0])
        for record in records:
            journal.append_alert(record.to_json())
        journal.append(Action(ActionKind.NEXT, at(14, 10)))
    contents = read_journal(path)
    assert contents.problems == []
    assert [a.kind for a in contents.actions] == [ActionKind.GOTO, ActionKind.NEXT]  # the fold's input only
    back, problems = alert_history(contents.alerts)
    assert problems == []
    assert back == records  # every field of the alert, its words' ingredients included


def test_a_damaged_alert_line_costs_only_itself(plan_2021, at, tmp_path):
    from runshow.live.alerts import AlertEvent, AlertRecord
    from runshow.live.journal import Journal, read_journal

    path = tmp_path / "j.jsonl"
    with Journal.create(path, plan_2021) as journal:
        journal.append_alert(AlertRecord(AlertEvent.ACKNOWLEDGED, at(14, 8), "overtime#5").to_json())
        journal.append_alert(AlertRecord(AlertEvent.ACKNOWLEDGED, at(14, 9), "overtime#6").to_json())
    raw = path.read_bytes().replace(b"overtime#5", b"overtime#7")  # one flipped byte
    path.write_bytes(raw)
    contents = read_journal(path)
    assert [p.line for p in contents.problems] == [5]  # after the four lines of the preamble
    assert [a["key"] for a in contents.alerts] == ["overtime#6"]
