"""Map a path inside a parsed TOML document back to the line it came from.

``tomllib`` gives values but no positions, and an error an author cannot find
in their file is half an error. This scanner reads the source text once and
records the line of every table header and key, including each element of an
array of tables, so any problem found later can say ``file:line``. It is
deliberately forgiving: a line it cannot place falls back to the nearest
enclosing table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

Path = tuple[str | int, ...]

# Greedy name, stripped afterwards: a lazy name with ``\s*\]`` after it backtracks over a run of
# spaces quadratically (a 50 KB header line took 2 s).
_HEADER = re.compile(r"^\s*(\[\[?)([^\[\]]*)\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_dotted(key: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'""", key)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


# Strings and comments, in the order TOML reads them: a ``"""`` inside a comment or a one-line
# string opens nothing. Only multi-line strings are blanked; the rest are kept as they are.
_STRINGY = re.compile(
    r'(?P<mls>"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*(?:"{3,5}|\Z))'
    r"|(?P<mll>'''[\s\S]*?(?:'{3,5}|\Z))"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?'
    r"|'[^'\n]*'?"
    r"|\#[^\n]*"
)
_NOT_NEWLINE = re.compile(r"[^\n]")
_BRACKETS = re.compile(r"[\[\]{}]")
# Paths deeper than this are not recorded (the source refuses them before parsing); capping
# keeps the scan linear even on a line of 20,000 dotted parts.
_MAX_DEPTH = 24


def _blank(match: re.Match[str]) -> str:
    tok = match.group()
    if match.lastgroup is None:
        return tok
    quote = tok[:3]
    body = tok[3:]
    close = len(body) - len(body.rstrip(quote[0])) if body.endswith(quote) else 0
    inner = body[: len(body) - close]
    return quote + _NOT_NEWLINE.sub(" ", inner) + body[len(body) - close :]


def _blank_multiline_strings(text: str) -> str:
    """Blank the inside of triple-quoted (multi-line) strings, keeping their line breaks.

    A multi-line ``notes`` may hold lines that look like ``[[part]]`` or
    ``key = value``; blanking them keeps the line scanner from counting them.
    """
    return _STRINGY.sub(_blank, text)


def _bracket_depth_change(value: str) -> int:
    """Net ``[``/``{`` nesting opened by a line, ignoring brackets inside strings."""
    if not _BRACKETS.search(value):
        return 0  # most lines: no character loop
    depth = 0
    quote = ""
    i = 0
    while i < len(value):
        ch = value[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        i += 1
    return depth


@dataclass(frozen=True)
class LineIndex:
    """Line numbers (1-based) of the tables and keys of one TOML source."""

    lines: dict[Path, int]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        found: dict[Path, int] = {}
        counters: dict[Path, int] = {}
        current: Path = ()
        open_array: Path | None = None
        depth = 0
        element = 0
        for lineno, raw in enumerate(_blank_multiline_strings(text).splitlines(), start=1):
            if depth > 0:
                stripped = raw.lstrip()
                if open_array is not None and stripped.startswith("{") and depth == 1:
                    found.setdefault(open_array + (element,), lineno)
                    element += 1
                depth += _bracket_depth_change(raw)
                continue
            header = _HEADER.match(raw)
            if header and header.group(2).strip():
                names = _split_dotted(header.group(2))[:_MAX_DEPTH]
                path: Path = ()
                for name in names[:-1]:
                    path = path + (name,)
                    found.setdefault(path, lineno)  # an implicit super-table is first named here
                    if path in counters:
                        path = path + (counters[path] - 1,)
                path = path + (names[-1],)
                if header.group(1) == "[[":
                    found.setdefault(path, lineno)  # the array as a whole: its first element
                    counters[path] = counters.get(path, 0) + 1
                    path = path + (counters[path] - 1,)
                current = path
                found.setdefault(path, lineno)
                continue
            key = _KEY.match(raw)
            if key:
                path = (current + tuple(_split_dotted(key.group(1))))[:_MAX_DEPTH]
                for end in range(len(current) + 1, len(path) + 1):  # a dotted key names its tables too
                    found.setdefault(path[:end], lineno)
                rest = raw[key.end() :]
                depth = max(0, _bracket_depth_change(rest))
                open_array = path if rest.strip().startswith("[") else None
                element = 0
        return cls(found)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path`` or of its nearest enclosing table or key."""
        probe = tuple(path)[:_MAX_DEPTH]
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return None


def describe(path: Sequence[str | int]) -> str:
    """A path as an author reads it: ``part[2].segment[1].start`` (1-based)."""
    out = ""
    for item in path:
        if isinstance(item, int):
            out += f"[{item + 1}]"
        else:
            out += ("." if out else "") + item
    return out or "(file)"
