"""The loader under fuzz: any bytes give a Plan or located problems, never a traceback.

Default runs are a few hundred cases so the suite stays fast; ``--runslow``
runs many thousands.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from runshow.plan import Plan, ScheduleError, parse_plan
from tests.conftest import SCHEDULE_2021

SOURCE = "fuzz.toml"
TEXT = SCHEDULE_2021.read_text(encoding="utf-8")
LINES = TEXT.splitlines(keepends=True)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=6000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(raw: bytes) -> None:
    """The property: a Plan, or a ScheduleError whose every problem is located in this file."""
    try:
        plan = parse_plan(raw, SOURCE)
    except ScheduleError as exc:
        assert exc.problems, "a ScheduleError with no problem"
        n_lines = raw.count(b"\n") + 1
        for p in exc.problems:
            assert p.file == SOURCE
            assert p.field and p.message
            # Located: a line inside the file, or the whole file ("(file)": empty, not UTF-8).
            if p.line is None:
                assert p.field == "(file)", p
            else:
                assert 1 <= p.line <= n_lines, p
        return
    assert isinstance(plan, Plan)
    assert plan.segments


# Fragments an author (or a bad paste) plausibly puts into a schedule.
_TOKENS = st.sampled_from(
    [
        "[[part]]\n",
        "[[part.segment]]\n",
        "[[part.segment.speaker]]\n",
        "[event]\n",
        "[alerts]\n",
        "[[alerts.custom]]\n",
        'id = "x"\n',
        'id = "regions"\n',
        'start = "25:00"\n',
        'end = "13:00"\n',
        'duration = "-5m"\n',
        'duration = "0s"\n',
        "duration = 5\n",
        'length = "1h"\n',
        'kind = "talk"\n',
        'kind = "nap"\n',
        'timezone = "Mars/Olympus"\n',
        "date = 2021-02-30\n",
        "date = 2021-10-15T13:00:00\n",
        "speaker = []\n",
        "segment = {}\n",
        "part = 3\n",
        "alerts = 1\n",
        'wrapup_warning = "2 minutes"\n',
        'audience = { overtime = "nobody" }\n',
        '"""\n',
        "= \n",
        "\x00",
        "\ufeff",
        "# 한국어 주석\n",
        '[[part.segment]]\nid = "late"\ntitle = "늦음"\nkind = "talk"\nduration = "5m"\n',
    ]
)


@st.composite
def mutated_2021(draw: st.DrawFn) -> bytes:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate", "replace_value", "splice"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            lines.insert(i, draw(_TOKENS))
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            cut = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut]
        elif op == "replace_value" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            value = draw(
                st.one_of(
                    st.text(max_size=12).map(lambda s: '"' + s.replace('"', "").replace("\\", "") + '"'),
                    st.integers(-(10**20), 10**20).map(str),
                    st.sampled_from(["true", "[]", "{}", "1.5", "inf", '"1h 70m"', '"13:30:99"', '"-"']),
                )
            )
            lines[i] = f"{key}= {value}\n"
        elif op == "splice":
            lines[i] = lines[i][: len(lines[i]) // 2] + draw(st.text(max_size=8)) + "\n"
        if not lines:
            lines.append("")
    raw = "".join(lines).encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]  # a truncated file (possibly mid-character)
    return raw


@FAST
@given(st.binary(max_size=400))
@example(b"")
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf")
@example(b"[[part]]\n[[part]]\n")
def test_random_bytes_give_located_errors(raw: bytes) -> None:
    _check(raw)


@FAST
@given(st.text(max_size=300))
def test_random_text_gives_located_errors(text: str) -> None:
    _check(text.encode("utf-8", errors="surrogatepass"))


@FAST
@given(mutated_2021())
def test_mutations_of_the_2021_file_give_located_errors(raw: bytes) -> None:
    _check(raw)


@pytest.mark.slow
@LONG
@given(st.one_of(st.binary(max_size=2000), mutated_2021()))
def test_loader_fuzz_long_mode(raw: bytes) -> None:
    _check(raw)
