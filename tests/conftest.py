"""Shared fixtures. Qt tests run on the offscreen platform: CI has no display."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SCHEDULE_2021 = ROOT / "schedules" / "2021-industrial-complex-conference.toml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False, help="run the long modes too")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="long mode: pass --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def plan_2021():
    from runshow.plan import load_plan

    return load_plan(SCHEDULE_2021)


@pytest.fixture
def at(plan_2021):
    """``at(13, 30)`` → an aware datetime on the event's date in its time zone."""

    def make(hour: int, minute: int, second: int = 0, micro: int = 0) -> datetime:
        return datetime(2021, 10, 15, hour, minute, second, micro, tzinfo=plan_2021.event.timezone)

    return make
