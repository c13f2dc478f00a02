"""The TOML source: bytes → a located tree, or located problems; it never raises anything else.

Before ``tomllib`` sees the text, one linear scan bounds what would make it (or anything after
it) fail or crawl: nesting deeper than :data:`MAX_NESTING` (``tomllib`` recurses: a deep array
is a ``RecursionError``), keys of more than :data:`MAX_KEY_PARTS` dotted parts (``tomllib`` is
quadratic in them: 40 KB of ``a.a.a…`` took seconds), and bare words (numbers) longer than
:data:`MAX_WORD` (a 5,000-digit integer is a ``ValueError`` from ``int``). Anything ``tomllib``
still throws is caught and reported against the file.

``tomllib`` is pure Python (a 5,000-segment festival, 600 KB, takes ~0.18 s). Where the compiled
build of ``tomli`` is installed (the same parser as ``tomllib``, which is its copy, compiled with
mypyc: ~0.08 s), a schedule is read with it first; whatever it does not accept is read again
with ``tomllib``, so every problem is ``tomllib``'s, worded as before. Only the versions that read
TOML 1.0, as ``tomllib`` does, are used (2.4 reads TOML 1.1: inline tables over several lines,
times without seconds), and never a pure-Python build (no faster than ``tomllib`` itself).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import operator
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from runshow.plan.errors import NOWHERE, Location, Problem, ScheduleError
from runshow.plan.limits import MAX_FILE_BYTES, MAX_KEY_PARTS, MAX_NESTING, MAX_WORD
from runshow.plan.locate import LineIndex
from runshow.plan.tree import LocatedTree

# What bounding TOML needs to see, found by the regex engine (everything else is skipped in C):
# strings and comments (whose insides are never counted), the punctuation that nests or
# separates keys, and over-long bare words.
_TOKEN = re.compile(
    r'(?P<mls>"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*(?:"{3,5}|\Z))'
    r"|(?P<mll>'''[\s\S]*?(?:'{3,5}|\Z))"
    r'|(?P<str>"[^"\\\n]*(?:\\.[^"\\\n]*)*"?)'
    r"|(?P<lit>'[^'\n]*'?)"
    r"|(?P<comment>\#[^\n]*)"
    r"|(?P<open>[\[{])"
    r"|(?P<close>[\]}])"
    r"|(?P<dot>\.)"
    r"|(?P<sep>[=,\n])"
    rf"|(?P<word>[^\s\"'#\[\]{{}}=,.]{{{MAX_WORD + 1},}})"
)


# The strings and comments of _TOKEN (the same alternatives, in the same order). Each replaced by
# one space, they leave exactly the structural tokens _TOKEN yields (a space is no separator, dot
# or bracket, and ends a word as a string does), so the bounds can be checked on the rest in C.
_UNSTRUCTURAL = re.compile(
    r'"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*(?:"{3,5}|\Z)'
    r"|'''[\s\S]*?(?:'{3,5}|\Z)"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?'
    r"|'[^'\n]*'?"
    r"|\#[^\n]*"
)
_LONG_WORD = re.compile(rf"[^\s\"'#\[\]{{}}=,.]{{{MAX_WORD + 1},}}")
_MANY_DOTS = re.compile(rf"\.(?:[^=,\n\[\]{{}}.]*\.){{{MAX_KEY_PARTS - 1}}}")  # dots with nothing resetting the count
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")  # an opening bracket counts 2, a closing one 0


def within_bounds(text: str) -> bool:
    """True exactly when :func:`prescan` finds nothing, decided without a Python step per token.

    A schedule of 5,000 segments has ~100,000 separators, dots and brackets: the exact scan takes
    60 ms, this check a few. Its answer is exact, not a guess (a test compares the two on
    generated texts); when it says no, the exact scan finds and locates the first problem.
    """
    bare = _UNSTRUCTURAL.sub(" ", text)
    if _LONG_WORD.search(bare) or _MANY_DOTS.search(bare):
        return False
    brackets = _NOT_BRACKET.sub("", bare)
    if len(brackets) <= MAX_NESTING:
        return True  # cannot nest deeper than there are brackets
    # After the i-th bracket the walk is (2 × the opening ones so far) − i. The scan's depth never
    # goes below 0 (a stray closing bracket is ignored): it is the walk minus the walk's running
    # minimum where that is below 0.
    twice_opened = itertools.accumulate(brackets.encode("ascii").translate(_STEP))
    walk = list(map(operator.sub, twice_opened, itertools.count(1)))
    floor = itertools.accumulate(walk, min)
    depth: int = max(map(operator.sub, walk, map(min, floor, itertools.repeat(0))))
    return depth <= MAX_NESTING


def _problem(source: str, line: int | None, field: str, code: str, message: str, **params: object) -> Problem:
    return Problem(source, line, field, message, code, params)


def prescan(text: str, source: str) -> Problem | None:
    """The first bound the text breaks, located, or None. Linear in the text."""
    depth = 0
    dots = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "sep":
            dots = 0
        elif kind == "open":
            depth += 1
            dots = 0
            if depth > MAX_NESTING:
                return _problem(
                    source,
                    _line_at(text, m.start()),
                    "(syntax)",
                    "nesting.deep",
                    f"arrays or tables nested more than {MAX_NESTING} deep",
                    limit=MAX_NESTING,
                )
        elif kind == "close":
            depth = max(0, depth - 1)
            dots = 0
        elif kind == "dot":
            dots += 1
            if dots >= MAX_KEY_PARTS:
                return _problem(
                    source,
                    _line_at(text, m.start()),
                    "(syntax)",
                    "key.parts",
                    f"a dotted key or table name of more than {MAX_KEY_PARTS} parts",
                    limit=MAX_KEY_PARTS,
                )
        elif kind == "word":
            length = m.end() - m.start()
            return _problem(
                source,
                _line_at(text, m.start()),
                "(syntax)",
                "word.long",
                f"a bare value or key of {length} characters (at most {MAX_WORD} outside quotes)",
                length=length,
                limit=MAX_WORD,
            )
    return None


def _line_at(text: str, pos: int) -> int:
    """The line of a position, counted as tomllib counts (only "\\n" ends a line)."""
    return text.count("\n", 0, pos) + 1


def _decode(raw: bytes, source: str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        kib = len(raw) // 1024
        raise ScheduleError(
            [
                _problem(
                    source,
                    None,
                    "(file)",
                    "file.large",
                    f"the file is {kib:,} KB; a schedule is at most {MAX_FILE_BYTES // 1024:,} KB",
                    size=kib,
                    limit=MAX_FILE_BYTES // 1024,
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = f"0x{raw[exc.start]:02x}"
        raise ScheduleError(
            [
                _problem(
                    source,
                    line,
                    "(file)",
                    "file.encoding",
                    f"not UTF-8 text (byte {byte}); save the file as UTF-8",
                    byte=byte,
                )
            ]
        ) from None
    if not text.strip():  # after the BOM: an editor's "empty" UTF-8 file is three bytes
        raise ScheduleError(
            [_problem(source, None, "(file)", "file.empty", "the file is empty; expected a schedule in TOML")]
        )
    return text


TOMLI_RANGE = ((2, 2), (2, 4))  # compiled wheels from 2.2; TOML 1.1 from 2.4 (tomllib reads 1.0)


@functools.cache
def fast_loads() -> Callable[[str], dict[str, Any]] | None:
    """The compiled ``tomli.loads`` when a build of it that reads what ``tomllib`` reads is
    installed, else None."""
    try:
        import tomli
        import tomli._parser as parser
    except ImportError:
        return None
    try:
        version = tuple(int(p) for p in str(getattr(tomli, "__version__", "0")).split(".")[:2])
    except ValueError:
        return None
    low, high = TOMLI_RANGE
    compiled = not str(getattr(parser, "__file__", "")).endswith(".py")
    if not (low <= version < high and compiled):
        return None
    loads: Callable[[str], dict[str, Any]] = tomli.loads
    return loads


def parse_toml(raw: bytes, source: str) -> tuple[str, dict[str, Any]]:
    """Decode, bound and parse, turning every failure into a located problem."""
    text = _decode(raw, source)
    bound = None if within_bounds(text) else prescan(text, source)
    if bound is not None:
        raise ScheduleError([bound])
    fast = fast_loads()
    if fast is not None:
        try:
            return text, fast(text)
        except Exception:  # tomllib reads it again below and words the problem, as without tomli
            pass
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line = int(m.group(1)) if m else None
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
        if m:
            msg += f" (column {m.group(2)})"
        elif "(at end of document)" in msg:
            # tomllib gives no line here; the end of the file is its last line (found by fuzzing).
            line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))  # as tomllib counts
            msg = msg.replace("(at end of document)", "(at the end of the file)")
        raise ScheduleError(
            [_problem(source, line, "(syntax)", "toml.syntax", f"not valid TOML: {msg}", detail=msg)]
        ) from None
    except (RecursionError, ValueError, OverflowError, MemoryError) as exc:  # bounded above; never a traceback
        detail = f"{type(exc).__name__}: {str(exc)[:120]}"
        raise ScheduleError(
            [_problem(source, None, "(file)", "toml.unreadable", f"cannot be read as TOML ({detail})", detail=detail)]
        ) from None


def read_toml(raw: bytes, source: str) -> LocatedTree:
    """A TOML schedule's bytes as a located tree (lines found lazily, only if a problem needs one)."""
    text, doc = parse_toml(raw, source)
    return LocatedTree(source, doc, _LazyLocator(text), hashlib.sha256(raw).hexdigest())


class _LazyLocator:
    """Builds the line index on the first problem: a valid file never pays for it."""

    __slots__ = ("_index", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._index: LineIndex | None = None

    def __call__(self, path: Sequence[str | int]) -> Location:
        if self._index is None:
            self._index = LineIndex.of(self._text)
        line = self._index.line_of(path)
        return NOWHERE if line is None else Location(line=line)


@dataclass(frozen=True)
class TomlFile:
    """A schedule file on disk: the TOML source."""

    path: str | FsPath

    def read(self) -> LocatedTree:
        p = FsPath(self.path)
        try:
            raw = p.read_bytes()
        except OSError as exc:
            why = exc.strerror or str(exc)
            raise ScheduleError(
                [_problem(str(p), None, "(file)", "file.unreadable", f"cannot read: {why}", reason=why)]
            ) from None
        return read_toml(raw, str(p))
