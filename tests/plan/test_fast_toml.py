"""The compiled ``tomli`` reads a schedule only where it reads exactly what ``tomllib`` reads (issue 19).

``parse_toml`` reads with the compiled ``tomli`` when it is installed (a 5,000-segment festival in
less than half of ``tomllib``'s time) and with ``tomllib`` whatever ``tomli`` refuses, so that every
problem is worded as before. Checked here: on the 2021 file, its mutations (the fuzz cases) and
random text, the parse with ``tomli`` gives what ``tomllib`` alone gives, value for value or
problem for problem; TOML 1.1 (which ``tomli`` 2.4 reads and ``tomllib`` does not) stays refused.
"""

from __future__ import annotations

import random
import tomllib
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runshow.plan import ScheduleError
from runshow.plan.generated import festival_toml
from runshow.plan.sources import toml as source
from tests.plan.test_fuzz_loader import FAST, TEXT, _mutate, mutated_2021

needs_tomli = pytest.mark.skipif(source.fast_loads() is None, reason="no compiled tomli 2.2–2.3 installed")


def _outcome(raw: bytes, fast: bool) -> Any:
    """What ``parse_toml`` gives: the tree, or the problems' every word and location."""
    with mock.patch.object(source, "fast_loads", source.fast_loads if fast else lambda: None):
        try:
            return source.parse_toml(raw, "s.toml")[1]
        except ScheduleError as exc:
            return [(p.line, p.field, p.code, p.message, p.params) for p in exc.problems]


def _same(raw: bytes) -> None:
    # As text: nan is not equal to itself, and its repr is what the validator would echo.
    assert repr(_outcome(raw, fast=True)) == repr(_outcome(raw, fast=False))


@needs_tomli
def test_the_fast_parser_is_in_use_and_reads_the_festival_as_tomllib_does() -> None:
    text = festival_toml(300)
    assert source.fast_loads() is not None
    assert source.fast_loads()(text) == tomllib.loads(text)  # type: ignore[misc]
    _same(text.encode())
    _same(TEXT.encode())


@needs_tomli
@pytest.mark.parametrize(
    "text",
    [
        "a = {x = 1,\n y = 2}\n",  # TOML 1.1: an inline table over two lines
        "a = {x = 1, }\n",  # TOML 1.1: a trailing comma
        'a = "\\e"\n',  # TOML 1.1: \e and \xHH
        'a = "\\x41"\n',
        "a = 07:30\n",  # TOML 1.1: seconds left out
        "a = 2021-01-01T07:30\n",
        "a = 1\na = 2\n",
        "a = \n",
        "[a]\nb = 1\n[a]\n",
        "x = '''\n",
        "a = [1, 2\n",
        "a = 1\n\n\nb = 'x\n",
        'a = "x\r"\n',
        'a = """x\ry"""\n',
        "a = 1979-05-27T07:32:00.999999999+09:00\n",
        "a = 2021-02-30\n",
        "a = 0x_1\n",
        "a = +inf\nb = -nan\nc = 6.626e-34\n",
    ],
)
def test_what_tomllib_refuses_stays_refused_in_its_words(text: str) -> None:
    _same(text.encode())


@needs_tomli
def test_a_thousand_mutations_of_the_2021_file_read_alike() -> None:
    for n in range(1000):
        _same(_mutate(random.Random(19_000 + n)))


@needs_tomli
@FAST
@given(st.one_of(mutated_2021(), st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_any_text_reads_alike(raw: bytes) -> None:
    _same(raw)


def test_without_tomli_tomllib_reads_alone() -> None:
    with mock.patch.dict("sys.modules", {"tomli": None}):
        source.fast_loads.cache_clear()
        try:
            assert source.fast_loads() is None
            assert source.parse_toml(b'[event]\ntitle = "x"\n', "s.toml")[1] == {"event": {"title": "x"}}
        finally:
            source.fast_loads.cache_clear()


@pytest.mark.parametrize(
    ("version", "parser_file", "used"),
    [
        ("2.4.0", "_parser.cpython-311-x86_64-linux-gnu.so", False),  # reads TOML 1.1
        ("2.3.0", "_parser.py", False),  # pure Python: no faster than tomllib
        ("2.1.0", "_parser.cpython-311-x86_64-linux-gnu.so", False),
        ("2.3.0", "_parser.cpython-311-x86_64-linux-gnu.so", True),
    ],
)
def test_only_a_compiled_tomli_that_reads_toml_1_0_is_used(version: str, parser_file: str, used: bool) -> None:
    fake = mock.MagicMock(__version__=version)
    fake._parser.__file__ = "/x/tomli/" + parser_file
    with mock.patch.dict("sys.modules", {"tomli": fake, "tomli._parser": fake._parser}):
        source.fast_loads.cache_clear()
        try:
            assert (source.fast_loads() is not None) is used
        finally:
            source.fast_loads.cache_clear()
