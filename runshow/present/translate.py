"""Wording through an injected translator, so every surface says what the windows say.

A :class:`Translator` is any callable ``tr(context, source) -> str`` with Qt's
meaning: ``context`` is the Qt translation context ("StageView", "AlertText" …),
``source`` the English source text, and the result the text in the chosen
language (the source itself when there is no translation). In the Qt app it is
``QCoreApplication.translate`` (see :mod:`runshow.session.qt_translate`); the
pure layers, the CLI, the web views and the reports use :func:`korean` or
:func:`english`, built here by parsing the project's Qt ``.ts`` files with
ElementTree, so they say exactly what the windows say without Qt.

Marking strings for ``lupdate``: the pure layers write
``Words(tr).translate("Context", "Source %1")``. ``lupdate`` extracts every
``….translate("context", "source")`` call, so the test that checks every UI
string has Korean (``tests/ui/test_i18n.py``) covers these too.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol


class Translator(Protocol):
    """``tr(context, source) -> str``: Qt's ``QCoreApplication.translate`` shape."""

    def __call__(self, context: str, source: str, /) -> str: ...


_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(template: str, *args: object) -> str:
    """Qt's ``%1``, ``%2`` … placeholders filled in one pass (a value holding ``%2`` stays as written)."""

    def one(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(args[n - 1]) if 1 <= n <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(one, template)


class Words:
    """A translator with a ``translate`` method, the spelling ``lupdate`` reads."""

    __slots__ = ("tr",)

    def __init__(self, tr: Translator) -> None:
        self.tr = tr

    def translate(self, context: str, source: str) -> str:
        return self.tr(context, source)


class TableTranslator:
    """A translator backed by a ``(context, source) → text`` table; unknown text comes back as written."""

    __slots__ = ("language", "table")

    def __init__(self, table: Mapping[tuple[str, str], str], language: str) -> None:
        self.table = dict(table)
        self.language = language

    def __call__(self, context: str, source: str, /) -> str:
        return self.table.get((context, source), source)

    def translate(self, context: str, source: str) -> str:
        return self(context, source)

    def __repr__(self) -> str:
        return f"TableTranslator({self.language!r}, {len(self.table)} messages)"


def _i18n_dir() -> Path:
    """Where the ``.ts`` files are: shipped inside the package (``runshow/resources/i18n``)."""
    from runshow.resources import i18n_dir

    return i18n_dir()


def parse_ts(path: Path) -> dict[tuple[str, str], str]:
    """Every translated message of one Qt ``.ts`` file (vanished, obsolete and empty ones left out).

    Like ``lrelease`` without ``-nounfinished``: an unfinished translation that
    has text is used. A plural message (``numerus``) gives its first form.
    """
    table: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes":
                text = translation.findtext("numerusform") or ""
            else:
                text = translation.text or ""
            if text:
                table[(name, message.findtext("source") or "")] = text
    return table


def load_ts(paths: Iterable[Path], language: str) -> TableTranslator:
    table: dict[tuple[str, str], str] = {}
    for path in sorted(paths):
        table.update(parse_ts(path))
    return TableTranslator(table, language)


@functools.cache
def korean() -> TableTranslator:
    """Korean, from every ``*_ko.ts`` file the app loads (the default language)."""
    return load_ts(_i18n_dir().glob("*_ko.ts"), "ko")


@functools.cache
def english() -> TableTranslator:
    """English: the sources as written."""
    return TableTranslator({}, "en")


def for_language(language: str) -> TableTranslator:
    """``"ko"`` (or anything Korean) → :func:`korean`; ``"en"`` → :func:`english`."""
    return english() if language.lower().startswith("en") else korean()


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``source`` for ``lupdate`` in ``context`` without translating it now (Qt's macro, without Qt)."""
    del context
    return source
