"""The line scanner that ties every schedule problem to ``file:line``."""

from __future__ import annotations

import pytest

from runshow.plan.locate import LineIndex, describe

SOURCE = """\
# a comment
[event]
title = "T"
notes = \"\"\"
[[part]]
owner = "not a key"
\"\"\"

[[part]]
id = "a"

[[part.segment]]
id = "s1"

[[part.segment.speaker]]
name = "x"

[[part.segment]]
id = "s2"
segment = [
  { id = "inline-1" },
  { id = "inline-2" },
]
"quoted key" = 1
dotted.inner = 2

[[part]]
id = "b"
"""


@pytest.fixture(scope="module")
def index() -> LineIndex:
    return LineIndex.of(SOURCE)


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("event",), 2),
        (("event", "title"), 3),
        (("event", "notes"), 4),
        (("part", 0), 9),
        (("part", 0, "id"), 10),
        (("part", 0, "segment", 0), 12),
        (("part", 0, "segment", 0, "speaker", 0, "name"), 16),
        (("part", 0, "segment", 1, "id"), 19),
        (("part", 0, "segment", 1, "segment", 0), 21),
        (("part", 0, "segment", 1, "segment", 1), 22),
        (("part", 0, "segment", 1, "quoted key"), 24),
        (("part", 0, "segment", 1, "dotted", "inner"), 25),
        (("part", 1, "id"), 28),
    ],
)
def test_line_of_each_kind_of_key(index: LineIndex, path: tuple[str | int, ...], line: int) -> None:
    assert index.line_of(path) == line


def test_multiline_string_content_is_not_mistaken_for_tables(index: LineIndex) -> None:
    # Lines 5-6 sit inside notes = """...""": they must not open a part or a key.
    assert ("part", 0, "owner") not in index.lines
    assert index.line_of(("part", 0)) == 9


def test_an_array_of_tables_as_a_whole_points_at_its_first_element(index: LineIndex) -> None:
    assert index.line_of(("part", 0, "segment", 0, "speaker")) == 15


def test_unknown_paths_fall_back_to_the_nearest_enclosing_table(index: LineIndex) -> None:
    assert index.line_of(("part", 0, "segment", 0, "no-such-key")) == 12
    assert index.line_of(("nothing",)) is None


def test_describe_reads_one_based() -> None:
    assert describe(("part", 1, "segment", 0, "start")) == "part[2].segment[1].start"
    assert describe(()) == "(file)"


def test_literal_multiline_strings_and_quotes_inside_strings() -> None:
    text = (
        "[event]\n"
        "a = '''\n"
        "[[part]]\n"
        "'''\n"
        'b = "has \\"\\"\\" inside"  # and a comment with """\n'
        "c = 1\n"
        "[[part]]\n"
        "d = 2\n"
    )
    index = LineIndex.of(text)
    assert index.line_of(("event", "b")) == 5
    assert index.line_of(("event", "c")) == 6
    assert index.line_of(("part", 0)) == 7
    assert index.line_of(("part", 0, "d")) == 8
