"""Bounds: what once raised (or crawled) from a hostile schedule is now a located problem.

Issue 12's table: 10,000 mutated schedules gave 472 tracebacks — OverflowError on
``99999999999h`` or a date near 9999-12-31, RecursionError on deep arrays, ValueError on huge
integers, OSError on a very long time zone; an 87 KB file of dotted keys took 21.8 s; a 1 MB
title was accepted. Each case here failed before the bounds and passes now.
"""

from __future__ import annotations

import time

import pytest

from runshow.plan import ScheduleError, parse_plan
from runshow.plan.errors import Problem
from runshow.plan.limits import MAX_TEXT
from runshow.plan.locate import LineIndex
from tests.conftest import SCHEDULE_2021

TEXT = SCHEDULE_2021.read_text(encoding="utf-8")


def problems(text: str) -> list[Problem]:
    with pytest.raises(ScheduleError) as info:
        parse_plan(text.encode("utf-8"), "h.toml")
    return info.value.problems


def line_of(needle: str, text: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def swap(old: str, new: str) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ('duration = "5m"', 'duration = "99999999999h"', "part[1].segment[3].speaker[1].duration", "too long"),
        ('end = "16:25"', 'duration = "999999999999999h"', "part[3].segment[6].duration", "too long"),
        ('end = "16:25"', 'duration = "168h1s"', "part[3].segment[6].duration", "at most 168h"),
        ("date = 2021-10-15", "date = 9999-12-31", "event.date", "outside 1970–2200"),
        ("date = 2021-10-15", "date = 0001-01-01", "event.date", "outside 1970–2200"),
        ('timezone = "Asia/Seoul"', 'timezone = "' + "A" * 5000 + '"', "event.timezone", "at most 64"),
        ('timezone = "Asia/Seoul"', 'timezone = "Asia/../../Seoul"', "event.timezone", "unknown time zone"),
        ('title = "2021 산업단지', 'title = "' + "가" * (MAX_TEXT + 1) + '" #', "event.title", "at most 300"),
        ('title = "축사"', 'title = "' + "x" * 1_000_000 + '"', "part[1].segment[3].title", "at most 300"),
    ],
)
def test_a_value_past_its_bound_is_a_located_problem(old: str, new: str, field: str, words: str) -> None:
    text = swap(old, new)
    found = problems(text)
    assert [p.field for p in found] == [field], found
    (p,) = found
    assert words in p.message
    assert p.line == line_of(new, text)
    assert len(str(p)) < 400  # the wrong value is echoed short, never whole


@pytest.mark.parametrize(
    ("new", "code"),
    [
        ("hosts = " + "[" * 5000 + "]" * 5000, "nesting.deep"),  # RecursionError in tomllib
        ("hosts = " + "{a = " * 40 + "1" + "}" * 40, "nesting.deep"),
        ("stream = " + "9" * 5000, "word.long"),  # ValueError: int of more than 4,300 digits
        ("a" + ".a" * 20_000 + " = 1", "key.parts"),  # tomllib is quadratic in dotted parts
        ("[x" + ".a" * 20_000 + "]", "key.parts"),
    ],
)
def test_what_would_break_the_toml_parser_is_refused_before_it(new: str, code: str) -> None:
    text = swap('stream = "유튜브 \\"아하TV\\" 온라인 중계"', new)
    (p,) = problems(text)
    assert (p.code, p.field, p.line) == (code, "(syntax)", line_of(new, text))


def test_a_file_over_two_megabytes_is_refused_whole() -> None:
    (p,) = problems(TEXT + "# " + "x" * (2 * 1024 * 1024) + "\n")
    assert (p.code, p.field, p.line) == ("file.large", "(file)", None)


def test_too_many_segments_is_one_problem_not_five_thousand() -> None:
    seg = '[[part.segment]]\nid = "s{i}"\ntitle = "t"\nkind = "talk"\nduration = "1m"\n'
    text = TEXT + "".join(seg.format(i=i) for i in range(5000))
    found = problems(text)
    assert [p.field for p in found] == ["part"]
    assert "at most 5000" in found[0].message


def _dotted_keys(size: int) -> str:
    head = '[event]\ntitle = "t"\ndate = 2021-10-15\ntimezone = "Asia/Seoul"\n'
    lines = []
    n = 0
    while sum(map(len, lines)) < size:
        lines.append(f"extra.k{n}.a.b.c.d.e = {n}\n")
        n += 1
    return head + "".join(lines)


def test_a_100_kb_file_of_dotted_keys_validates_in_under_a_second() -> None:
    # 21.8 s for 87 KB before: the scan was quadratic. CPU time, so a busy machine does not fail it.
    text = _dotted_keys(100_000)
    t0 = time.process_time()
    found = problems(text)
    assert time.process_time() - t0 < 1.0
    assert any(p.field == "event.extra" for p in found)


def test_the_line_scanner_is_linear_on_long_lines() -> None:
    # A 60 KB header of spaces, and 20,000 dotted parts: the index records at most a few dozen
    # levels and never backtracks over the spaces (each took 2–3 s before).
    for text in ("[a" + " " * 60_000 + "b\n", "a" + ".a" * 20_000 + " = 1\n", "[x" + ".a" * 20_000 + "]\n"):
        t0 = time.process_time()
        LineIndex.of(text)
        assert time.process_time() - t0 < 0.5
