"""`[[automation]]` tables are part of the schedule: the loader checks them and locates every problem."""

from __future__ import annotations

import pytest

from runshow.plan import ScheduleError, parse_plan
from tests.conftest import SCHEDULE_2021

BASE = SCHEDULE_2021.read_text(encoding="utf-8")


def test_a_schedule_with_automations_loads() -> None:
    osc = 'osc = { host = "127.0.0.1", port = 9000, address = "/lights/panel" }'
    text = BASE + f'\n[[automation]]\non = "cue_start"\nsegment = "panel"\n{osc}\n'
    plan = parse_plan(text.encode(), "with-automation.toml")
    assert plan.segment("panel").title


def test_a_bad_automation_is_a_located_problem() -> None:
    osc = 'osc = { host = "127.0.0.1", port = 99999, address = "lights" }'
    text = BASE + f'\n[[automation]]\non = "cue_start"\nsegment = "no-such"\n{osc}\n'
    with pytest.raises(ScheduleError) as err:
        parse_plan(text.encode(), "bad.toml")
    problems = [p for p in err.value.problems if p.code == "automation"]
    assert problems, err.value.problems
    base_lines = BASE.count("\n")
    assert all(p.line is not None and p.line > base_lines for p in problems)
    assert any("automation" in p.field for p in problems)


# ── the remote stack's read: a file that cannot hold automations is not parsed a second time ──
def test_a_schedule_without_the_word_has_no_automations_and_is_not_parsed_again(tmp_path, monkeypatch) -> None:
    import tomllib

    from runshow.plan import automations

    path = tmp_path / "plain.toml"
    path.write_text(BASE, encoding="utf-8")
    assert not automations.might_have_automations(path.read_bytes())

    def refuse(text: str) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(tomllib, "loads", refuse)
    assert automations.load_automations(path) == ([], [])


@pytest.mark.parametrize(
    "key",
    ["[[automation]]", '[["automation"]]', "[['automation']]", '[["\\u0061utomation"]]', '[["\\U00000061utomation"]]'],
)
def test_every_spelling_of_the_table_is_still_read(tmp_path, key: str) -> None:
    from runshow.plan.automations import load_automations, might_have_automations

    osc = 'osc = { host = "127.0.0.1", port = 9000, address = "/lights/panel" }'
    path = tmp_path / "with.toml"
    path.write_text(BASE + f'\n{key}\non = "cue_start"\nsegment = "panel"\n{osc}\n', encoding="utf-8")
    assert might_have_automations(path.read_bytes())
    found, problems = load_automations(path, segment_ids={"panel"})
    assert problems == [] and [a.segment for a in found] == ["panel"]
