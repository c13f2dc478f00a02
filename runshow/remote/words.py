"""Korean and English wording for the web views, from the same ``.ts`` files as the windows.

The presentation layer's translators (``runshow.present.translate``: ``korean()`` and
``english()``) are used when present; until then the ``.ts`` files are read here with
ElementTree, so a web view says exactly what the stage window says in Korean. The
views' own words (context ``WebView``) live in ``runshow/remote/i18n/web_ko.ts``.
"""

from __future__ import annotations

import importlib
import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path

from runshow.remote.assets import i18n_dirs

log = logging.getLogger(__name__)

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"

Translator = Callable[[str, str], str]


def read_ts(paths: Iterable[Path]) -> dict[tuple[str, str], str]:
    """(context, source) → translation from Qt Linguist files; unfinished or empty entries skipped."""
    table: dict[tuple[str, str], str] = {}
    for path in paths:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as exc:
            log.warning("cannot read translations %s: %s", path, exc)
            continue
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source")
                node = message.find("translation")
                if source is None or node is None or node.get("type") in ("unfinished", "obsolete"):
                    continue
                forms = node.findall("numerusform")
                text = forms[0].text if forms else node.text
                if text:
                    table[(name, source)] = text
    return table


class TableTranslator:
    """A translator over a table; the source text (English) when an entry is missing."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        self._table = table

    def __call__(self, context: str, source: str) -> str:
        return self._table.get((context, source), source)


def _english(context: str, source: str) -> str:
    return source


def _ts_files(lang: str) -> list[Path]:
    return [p for d in i18n_dirs() for p in sorted(d.glob(f"*_{lang}.ts"))]


def translators() -> dict[str, Translator]:
    """``{"ko": …, "en": …}``: the presentation layer's if it exists, chained with the web words."""
    web = read_ts(_ts_files("ko"))  # the app's and the web views' .ts files together
    base: dict[str, Translator] = {"ko": TableTranslator(web), "en": _english}
    try:
        module = importlib.import_module("runshow.present.translate")
        base = {"ko": _chain(module.korean(), web), "en": module.english()}
    except (ImportError, AttributeError):
        pass
    return base


def _chain(first: Translator, table: dict[tuple[str, str], str]) -> Translator:
    def say(context: str, source: str) -> str:
        if (context, source) in table:
            return table[(context, source)]
        return first(context, source)

    return say


def pick_language(value: str | None) -> str:
    """``?lang=en`` → English; anything else (or nothing) → Korean."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
