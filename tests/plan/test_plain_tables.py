"""A plainly written table is read without pydantic into exactly what pydantic gives (issue 19).

``runshow.plan.fields`` reads a table whose every key is known and every value of its field's one
type, with nothing to strip; any other table goes to the pydantic model (``runshow.plan._models``),
which words every problem. Checked here: for every kind of table and a wide pool of values (right,
wrong, to coerce, to strip, out of bounds), the plain reading either declines or gives the record
pydantic gives; no value pydantic refuses is read plainly; whole schedules (the 2021 file, its
mutations, a festival) give the same plan or the same problems with the plain reading as without;
and a valid schedule is validated without importing pydantic at all.
"""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, datetime, time
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, ValidationError

from runshow.plan import ScheduleError, _models, fields, parse_plan
from runshow.plan.generated import festival_toml
from runshow.plan.limits import MAX_ID, MAX_NOTES, MAX_TEXT
from tests.conftest import ROOT, SCHEDULE_2021
from tests.plan.test_fuzz_loader import FAST, TEXT, _mutate, mutated_2021

RECORDS = [fields.EventIn, fields.RulesIn, fields.CustomIn, fields.PartIn, fields.SegmentIn, fields.SpeakerIn]
KEYS = sorted(
    {f for cls in RECORDS for f in getattr(_models, cls.MODEL).model_fields} | {"speaker", "unknown_key", "Title"}
)
POOL: list[Any] = [
    "x",
    "A-1_b",
    "regions",
    " x",
    "x ",
    "\tx",
    "x\u3000",
    "x\x1f",
    "",
    " ",
    "a" * MAX_ID,
    "a" * (MAX_ID + 1),
    "a" * MAX_TEXT,
    "a" * 64,
    "a" * 65,
    "a" * (MAX_TEXT + 1),
    "a" * (MAX_NOTES + 1),
    "-bad",
    "bad id",
    "전남",
    "talk",
    " talk",
    "break",
    "nap",
    "speaker",
    "moderator",
    "operator",
    "both",
    "nobody",
    "start",
    "end",
    " end",
    "13:30",
    "1:30 PM",
    "오후 1:30",
    "25:00",
    "5m",
    "~5m",
    "약 8m",
    "0s",
    "-5m",
    "1h 70m",
    "99999999999h",
    "off",
    " off",
    "OFF",
    "Asia/Seoul",
    "true",
    "yes",
    "1",
    True,
    False,
    0,
    1,
    3,
    1000,
    10**6,
    -1,
    1.5,
    float("nan"),
    date(2021, 10, 15),
    date(9999, 12, 31),
    datetime(2021, 10, 15, 13, 30),
    time(13, 30),
    [],
    ["x"],
    [" x"],
    [1],
    ["x"] * 300,
    [{}],
    [{"name": "A"}],
    {},
    {"wrapup_warning": "2m"},
    {"x": 1},
]
VALUES = st.sampled_from(POOL)


# Plainly written values of each field; a table is made of these, and then one key is written
# with any value of VALUES (or not), so that every field meets every kind of value.
_DAY = date(2021, 10, 15)
GOOD: dict[str, list[Any]] = {
    "title": ["T", "개회사"],
    "name": ["전남", "A"],
    "text": ["check the stream"],
    "date": [_DAY],
    "timezone": ["Asia/Seoul", "UTC"],
    "id": ["s1", "regions"],
    "hard_stop": ["16:30", time(16, 30)],
    "venue": ["aT센터", ""],
    "hosts": [[], ["a", "b"]],
    "organisers": [["c"]],
    "stream": ["아하TV"],
    "notes": ["n", ""],
    "audience": ["operator", "stage", "both"],
    "chime": [True, False],
    "at": ["13:25"],
    "segment": ["s1"],
    "anchor": ["start", "end"],
    "before": ["1m"],
    "after": ["30s"],
    "length": ["20m", "1h"],
    "room": ["A", ""],
    "kind": ["talk", "break", "panel"],
    "start": ["13:30", "1:30 PM", datetime(2021, 10, 15, 13, 30)],
    "end": ["13:35"],
    "duration": ["5m", "~8m"],
    "open_end": [True, False],
    "owner": ["사회자"],
    "moderator": ["m"],
    "topic": ["t"],
    "min": ["3m"],
    "flex": ["2m"],
    "trim_order": [1, 2],
    "speaker": [[], [{"name": "A"}]],
    "alerts": [{}, {"wrapup_warning": "2m"}],
    "affiliation": ["시청"],
    "role": ["speaker", "moderator"],
}
for _rule in fields.RULE_NAMES:
    GOOD[_rule] = [True, False] if _rule in fields._FLAGS else ["2m", "30s", False]
REQUIRED = {
    fields.EventIn: ("title", "date", "timezone"),
    fields.CustomIn: ("id", "text"),
    fields.PartIn: ("id", "title"),
    fields.SegmentIn: ("id", "title", "kind"),
    fields.SpeakerIn: ("name",),
    fields.RulesIn: (),
}


@st.composite
def tables(draw: st.DrawFn, cls: type[Any]) -> dict[str, Any]:
    own = list(getattr(_models, cls.MODEL).model_fields)
    seg = {"segment": [{}]} if cls is fields.PartIn else {}
    keys = [*REQUIRED[cls], *draw(st.lists(st.sampled_from(own), max_size=6, unique=True))]
    table = {**seg, **{k: draw(st.sampled_from(GOOD[k])) for k in keys}}
    if draw(st.integers(0, 9)) < 7:  # one key written otherwise, or one unknown
        table[draw(st.sampled_from(own + own + KEYS))] = draw(VALUES)
    if draw(st.integers(0, 9)) == 0 and table:
        del table[draw(st.sampled_from(sorted(table)))]
    return table


def _pydantic(cls: type[Any], data: dict[str, Any]) -> Any:
    try:
        return fields.of_model(cls, getattr(_models, cls.MODEL).model_validate(data))
    except ValidationError:
        return None


MANY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
@MANY
@given(data=st.data())
def test_a_plain_reading_is_what_pydantic_reads(cls: type[Any], data: st.DataObject) -> None:
    table = data.draw(tables(cls))
    plain = cls.plain(table)
    if plain is not None:  # (else pydantic reads it: whatever it says is what was said before)
        assert repr(plain) == repr(_pydantic(cls, table))  # repr: nan is not equal to itself


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_field_meets_every_value(cls: type[Any]) -> None:
    """Each field of a plainly written table given each value of the pool in turn (and each left out)."""
    base = {"segment": [{}]} if cls is fields.PartIn else {}
    base.update({k: GOOD[k][0] for k in REQUIRED[cls]})
    checked = 0
    for key in [*getattr(_models, cls.MODEL).model_fields, "unknown_key"]:
        for value in [*POOL, None]:
            table = dict(base)
            if value is None:
                table.pop(key, None)
            else:
                table[key] = value
            plain = cls.plain(table)
            if plain is not None:
                assert repr(plain) == repr(_pydantic(cls, table)), (key, value)
                checked += 1
    assert checked > 0


@pytest.mark.parametrize(
    ("cls", "table"),
    [
        (fields.EventIn, {"title": "T", "date": date(2021, 10, 15), "timezone": "Asia/Seoul", "hosts": ["a", "b"]}),
        (fields.RulesIn, {"wrapup_warning": "2m", "overtime": True, "speaker_standby": False}),
        (fields.CustomIn, {"id": "c", "text": "t", "segment": "s", "anchor": "end", "before": "1m"}),
        (fields.PartIn, {"id": "p", "title": "P", "length": "20m", "segment": [{}]}),
        (fields.SegmentIn, {"id": "s", "title": "S", "kind": "talk", "start": "13:30", "duration": "~5m"}),
        (fields.SpeakerIn, {"name": "전남", "duration": "10m", "role": "moderator"}),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_plainly_written_tables_are_read_plainly(cls: type[Any], table: dict[str, Any]) -> None:
    plain = cls.plain(table)
    assert plain is not None and plain == _pydantic(cls, table)


def test_a_string_with_nothing_python_strips_has_nothing_pydantic_strips() -> None:
    """Every code point, at either end of a string: the plain reading's test of "nothing to strip"."""

    class Strip(BaseModel):
        model_config = ConfigDict(str_strip_whitespace=True)
        xs: list[str]

    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    kept = [s for c in chars for s in (c + "a", "a" + c) if s.strip() == s]
    assert Strip(xs=kept).xs == kept


def _outcome(raw: bytes, plain: bool) -> str:
    patches = [] if plain else [mock.patch.object(cls, "plain", classmethod(lambda c, d: None)) for cls in RECORDS]
    for p in patches:
        p.start()
    try:
        return repr(parse_plan(raw, "s.toml"))
    except ScheduleError as exc:
        return repr([(p.line, p.field, p.code, p.message, p.params) for p in exc.problems])
    finally:
        for p in patches:
            p.stop()


def test_whole_schedules_give_the_same_plan_with_the_plain_reading() -> None:
    for raw in (TEXT.encode(), SCHEDULE_2021.read_bytes(), festival_toml(120).encode()):
        assert _outcome(raw, plain=True) == _outcome(raw, plain=False)


def test_five_hundred_mutations_of_the_2021_file_give_the_same_plan_or_problems() -> None:
    for n in range(500):
        raw = _mutate(random.Random(1900 + n))
        assert _outcome(raw, plain=True) == _outcome(raw, plain=False), n


@FAST
@given(mutated_2021())
def test_any_mutation_gives_the_same_plan_or_problems(raw: bytes) -> None:
    assert _outcome(raw, plain=True) == _outcome(raw, plain=False)


def test_a_valid_schedule_is_validated_without_pydantic() -> None:
    code = (
        "import sys\n"
        "from runshow.plan import load_plan, parse_plan\n"
        "from runshow.plan.generated import festival_toml\n"
        f"load_plan({str(SCHEDULE_2021)!r})\n"
        "parse_plan(festival_toml(50).encode(), 'f.toml')\n"
        "print('pydantic' in sys.modules)\n"
        "try:\n"
        "    parse_plan(b'[event]\\ntitle = 1\\n', 'bad.toml')\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__, 'pydantic' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "ScheduleError", "True"]  # a problem: pydantic words it


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_the_plain_records_name_the_fields_the_models_name(cls: type[Any]) -> None:
    """The plain reader restates each model's fields: a field added to one and not the other
    fails here (a key the plain reader does not know would go to pydantic, silently slower)."""
    import dataclasses

    plain = set(fields.RULE_NAMES) if cls is fields.RulesIn else {f.name for f in dataclasses.fields(cls)}
    assert plain == set(getattr(_models, cls.MODEL).model_fields)
