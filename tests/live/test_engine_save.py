"""The amended plan written as schedule TOML reads back as the same plan; the source file is untouched."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from runshow.live import actions as act
from runshow.live.actions import Amendment, AmendOp
from runshow.live.schedule_toml import amended_schedule_toml
from runshow.live.show import Show
from runshow.plan import parse_plan
from runshow.plan.model import Plan

At = Callable[..., datetime]


def same(a: Plan, b: Plan) -> None:
    assert a.event.title == b.event.title and a.event.date == b.event.date and a.event.timezone == b.event.timezone
    assert (a.event.venue, a.event.hosts, a.event.organisers, a.event.stream, a.event.notes) == (
        b.event.venue,
        b.event.hosts,
        b.event.organisers,
        b.event.stream,
        b.event.notes,
    )
    assert a.parts == b.parts
    assert a.segments == b.segments
    for x, y in zip(a.segments, b.segments, strict=True):
        assert (x.alerts.audience, x.alerts.chime) == (y.alerts.audience, y.alerts.chime), x.id
    assert a.custom_alerts == b.custom_alerts


def test_the_loaded_plan_round_trips(plan_2021: Plan) -> None:
    same(parse_plan(amended_schedule_toml(plan_2021).encode()), plan_2021)


def test_an_amended_plan_round_trips(plan_2021: Plan, at: At) -> None:
    source = Path(plan_2021.source).read_bytes()
    batch = Amendment(
        AmendOp.BATCH,
        items=(
            Amendment(AmendOp.LENGTH, segment="regions", seconds=47 * 60 + 30),
            Amendment(
                AmendOp.INSERT,
                place="after",
                anchor="kiet",
                new_id="video",
                text='홍보 "영상"',
                kind="talk",
                seconds=150,
            ),
            Amendment(AmendOp.REMOVE, segment="break2"),
            Amendment(AmendOp.SPEAKER_ADD, segment="congrats", name="일자리위원회", seconds=90),
            Amendment(AmendOp.NOTES, segment="panel", text="마이크 4개\n물 준비"),
        ),
    )
    show = Show(plan_2021, [act.start(at(13, 30)), act.amend(at(13, 31), batch)])
    assert show.plan != plan_2021
    text = amended_schedule_toml(show.plan)
    same(parse_plan(text.encode()), show.plan)
    assert Path(plan_2021.source).read_bytes() == source  # writing text never touches the file
