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

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_dotted(key: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'""", key)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def _blank_multiline_strings(text: str) -> str:
    """Blank the inside of triple-quoted (multi-line) strings, keeping their line breaks.

    A multi-line ``notes`` may hold lines that look like ``[[part]]`` or
    ``key = value``; blanking them keeps the line scanner from counting them.
    """
    out: list[str] = []
    i, n = 0, len(text)
    quote = ""  # the single-line string we are inside, if any
    while i < n:
        ch = text[i]
        if quote:
            out.append(ch)
            if ch == "\\" and quote == '"' and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if ch == quote or ch == "\n":
                quote = ""
            i += 1
            continue
        if ch == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(text[i:end])
            i = end
            continue
        triple = text[i : i + 3]
        if triple in ('"""', "'''"):
            close = i + 3
            while True:
                close = text.find(triple, close)
                if close < 0 or triple == "'''" or not _escaped(text, close):
                    break
                close += 1
            close = n if close < 0 else close
            while close + 3 < n + 1 and text[close + 3 : close + 4] == triple[0]:
                close += 1  # quotes right before the closing triple belong to the content
            body = text[i + 3 : close]
            out.append(triple + "".join(c if c == "\n" else " " for c in body) + text[close : close + 3])
            i = close + 3
            continue
        if ch in "\"'":
            quote = ch
        out.append(ch)
        i += 1
    return "".join(out)


def _escaped(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` is preceded by an odd number of backslashes."""
    count = 0
    while pos - count - 1 >= 0 and text[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _bracket_depth_change(value: str) -> int:
    """Net ``[``/``{`` nesting opened by a line, ignoring brackets inside strings."""
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
            if header:
                names = _split_dotted(header.group(2))
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
                path = current + tuple(_split_dotted(key.group(1)))
                for end in range(len(current) + 1, len(path) + 1):  # a dotted key names its tables too
                    found.setdefault(path[:end], lineno)
                rest = raw[key.end() :]
                depth = max(0, _bracket_depth_change(rest))
                open_array = path if rest.strip().startswith("[") else None
                element = 0
        return cls(found)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path`` or of its nearest enclosing table or key."""
        probe = tuple(path)
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
