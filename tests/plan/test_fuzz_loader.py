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
@example(b"[[0.0]]")  # an implicit super-table had no line
@example(b"a.b = 1\n")
@example(b"'\x1e0")  # str.splitlines counts \x1e as a line break; tomllib does not
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


TEN_MISTAKES = """\
[event]
title = "열 가지 실수"
date = 2021-10-15
timezone = "Asia/Seoul"
colour = "red"

[alerts]
wrapup_warning = "2 minutes"

[alerts.audience]
overtime = "nobody"

[[alerts.custom]]
id = "check"
text = "확인"
segment = "nowhere"

[[part]]
id = "one"
title = "1부"
length = "40m"

[[part.segment]]
id = "a"
title = "개회"
kind = "nap"
start = "13:30"
end = "13:35"

[[part.segment]]
id = "b"
title = "인사"
kind = "speech"
start = "13:35"
end = "13:45"

[[part.segment]]
id = "b"
title = "축사"
kind = "speech"
start = "13:45"
end = "13:50"

[[part.segment]]
id = "c"
title = "발표"
kind = "talk"
start = "13:50"
duration = "10m"

[[part.segment.speaker]]
name = "전남"
duration = "4m"

[[part.segment]]
id = "e"
title = "질의"
kind = "talk"
start = "14:00"
end = "14:60"

[[part]]
id = "two"
length = "10m"

[[part.segment]]
id = "d"
title = "폐회"
kind = "closing"
start = "14:10"
end = "14:05"
"""


def test_one_file_with_ten_mistakes_gives_ten_located_errors() -> None:
    with pytest.raises(ScheduleError) as err:
        parse_plan(TEN_MISTAKES.encode("utf-8"), SOURCE)
    found = [(p.line, p.field) for p in err.value.problems]
    assert found == [
        (5, "event.colour"),  # unknown key (and it no longer hides the time checks below)
        (8, "alerts.wrapup_warning"),  # not a duration
        (11, "alerts.audience.overtime"),  # not an audience
        (16, "alerts.custom[1].segment"),  # unknown segment
        (26, "part[1].segment[1].kind"),  # not a kind
        (38, "part[1].segment[3].id"),  # duplicate id
        (51, "part[1].segment[4].speaker"),  # slots do not fill the segment
        (60, "part[1].segment[5].end"),  # 14:60 is not a time
        (62, "part[2].title"),  # required key missing
        (71, "part[2].segment[1].end"),  # ends before it starts
    ]
    assert all(p.file == SOURCE for p in err.value.problems)
