"""The quick bounds check says "nothing to report" exactly when the exact scan finds nothing.

``within_bounds`` decides the three bounds of the TOML source (nesting, dotted key parts, bare
words) without a Python step per token; the exact ``prescan`` still finds and locates the first
problem. If the quick check ever said yes where the scan finds a problem, a hostile file would
reach ``tomllib`` unbounded: these tests compare the two on texts built from exactly the
characters that matter.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from runshow.plan.generated import festival_toml
from runshow.plan.limits import MAX_KEY_PARTS, MAX_NESTING, MAX_WORD
from runshow.plan.sources.toml import prescan, within_bounds
from tests.conftest import SCHEDULE_2021

# The characters the scan treats specially, and a few ordinary ones.
PIECES = st.sampled_from(
    ["[", "]", "{", "}", ".", "=", ",", "\n", "\r\n", '"', "'", '"""', "'''", "#", "\\", " ", "a", "9", "가", "\t"]
)
RUNS = st.builds(lambda c, n: c * n, st.sampled_from(["[", "{", "]", ".", "a", "a.", "[[", "x"]), st.integers(0, 80))
TEXTS = st.lists(st.one_of(PIECES, RUNS), max_size=120).map("".join)


@given(TEXTS)
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("a = " + "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1))
@example("a = " + "[" * MAX_NESTING + "]" * MAX_NESTING)
@example("]" * 40 + "[" * MAX_NESTING)  # stray closing brackets are ignored, not counted below zero
@example("]" * 40 + "[" * (MAX_NESTING + 1))
@example("a" + ".a" * (MAX_KEY_PARTS - 1) + " = 1")
@example("a" + ".a" * MAX_KEY_PARTS + " = 1")
@example('a."x=y"' + ".a" * MAX_KEY_PARTS + " = 1")  # a separator inside a string resets nothing
@example("x = " + "9" * MAX_WORD)
@example("x = " + "9" * (MAX_WORD + 1))
@example('x = "' + "9" * 500 + '"')  # inside a string: not a word
@example("x = " + "a" * 40 + '"s"' + "a" * 40)  # a string between two short words ends the first
@example('x = """' + "[" * 50 + '"""')
@example("x = '''\n" + "[" * 50 + "\n'''")
@example("# " + "[" * 50)
@example('x = "[[[[\n' + "[" * 40)  # an unterminated string ends at the line's end
def test_the_quick_check_agrees_with_the_exact_scan(text: str) -> None:
    assert within_bounds(text) == (prescan(text, "t.toml") is None)


@pytest.mark.parametrize("text", [SCHEDULE_2021.read_text(encoding="utf-8"), festival_toml(300)])
def test_real_schedules_are_within_bounds_by_both(text: str) -> None:
    assert within_bounds(text)
    assert prescan(text, "s.toml") is None
