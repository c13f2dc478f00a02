"""Every refusal of the fold carries a stable code and its arguments, and still reads as English."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from runshow.live import actions as act
from runshow.live.actions import Mode
from runshow.live.reasons import ENGLISH, Reason, Refusal, Rejected
from runshow.live.show import Show
from runshow.plan.model import Plan

At = Callable[..., datetime]
LIVE = Path(__file__).resolve().parents[2] / "runshow" / "live"


def test_every_code_has_an_english_sentence() -> None:
    assert set(ENGLISH) == set(Reason)


def test_the_fold_raises_only_coded_refusals() -> None:
    """No ``Rejected("free text")`` is left in the engine: each names a Reason member."""
    for path in LIVE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Rejected":
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name), (path, node.lineno)
                assert first.value.id == "Reason" and first.attr in Reason.__members__, (path, node.lineno)


def test_check_returns_the_code_with_its_params(plan_2021: Plan, at: At) -> None:
    show = Show(plan_2021, [act.start(at(13, 30))])
    got = show.check(act.start(at(13, 31)))
    assert isinstance(got, Refusal) and got.reason is Reason.ALREADY_STARTED and got.params == {}
    assert got == "the show has already started"  # still the English sentence as text
    got = show.check(act.goto(at(13, 31), "nope"))
    assert got is not None and got.reason is Reason.NO_SEGMENT and got.params == {"segment": "nope"}
    assert str(got) == "no segment with id 'nope'"
    got = show.check(act.set_mode(at(13, 31), Mode.MANUAL))
    assert got is not None and got.reason is Reason.ALREADY_IN_MODE and got.params == {"mode": "manual"}


def test_rejected_carries_reason_and_params() -> None:
    exc = Rejected(Reason.SHORTER_THAN_RUN, segment="panel", run_s=90)
    assert exc.reason is Reason.SHORTER_THAN_RUN and exc.params == {"segment": "panel", "run_s": 90}
    assert str(exc) == "segment 'panel' has already run 90 s; it cannot be shorter"
    assert exc.refusal == str(exc) and exc.refusal.reason is exc.reason


def test_a_missing_param_still_gives_a_sentence() -> None:
    assert str(Rejected(Reason.NO_SEGMENT)) == ENGLISH[Reason.NO_SEGMENT]
