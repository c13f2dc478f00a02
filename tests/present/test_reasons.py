"""Every refusal of the engine is worded in Korean, by its code, with its arguments."""

from __future__ import annotations

import pytest

from runshow.live.reasons import ENGLISH, Reason, Refusal
from runshow.present.reasons import reason_text
from runshow.present.translate import english, korean

SAMPLE = {
    "at": "2021-10-15T13:30:00+09:00",
    "mode": "manual",
    "segment": "regions",
    "run_s": 42,
    "index": 3,
    "kind": "dance",
    "place": "under",
    "error": "No space left on device",
}


@pytest.mark.parametrize("reason", list(Reason))
def test_every_code_has_korean_with_its_arguments(reason: Reason) -> None:
    params = {k: v for k, v in SAMPLE.items() if "{" + k in ENGLISH[reason]}
    refusal = Refusal(reason, params)
    ko = reason_text(refusal, korean())
    assert ko != str(refusal), f"{reason} has no Korean"
    assert any("\uac00" <= ch <= "\ud7a3" for ch in ko)
    for value in params.values():
        if reason is not Reason.ALREADY_IN_MODE:
            assert str(value) in ko
    assert reason_text(refusal, english()) == str(refusal)


def test_the_mode_is_worded_too() -> None:
    assert reason_text(Refusal(Reason.ALREADY_IN_MODE, {"mode": "follow"}), korean()) == "이미 계획 따르기 모드입니다"


def test_a_plain_sentence_that_is_no_refusal_is_shown_as_written() -> None:
    assert reason_text("the printer is on fire", korean()) == "the printer is on fire"
