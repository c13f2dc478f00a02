"""Cue sheets (.xlsx, .csv) into schedule TOML: what Korean event crews actually send around.

A crew's run-of-show (식순, 진행순서) is a table: a header row somewhere near the top (시간 /
구분 / 내용 / 담당 / 비고 …, or English names), parts in merged cells, time ranges typed as
"13:30~13:35" (or Excel times, or "오후 1:30"), lengths as "5'" or "5분", several speakers in
one row ("전남→경북→인천") or on rows of their own below it. :func:`import_sheet` finds the
header by name, reads every row, and writes schedule TOML that says in comments what it
inferred; every problem is reported at once, located as ``show.xlsx:식순!C7: 시간: …``
(Korean; :meth:`SourceProblem.english` gives the English form), never as a traceback.

openpyxl reads .xlsx (imported lazily); the csv module reads .csv, in UTF-8 with or without
a BOM, or CP949, which Korean Excel writes.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from runshow.plan.model import Plan
from runshow.plan.sources._draft import (
    Draft,
    DraftEvent,
    DraftPart,
    DraftSegment,
    DraftSpeaker,
    SourceError,
    SourceProblem,
    Where,
    build_plan,
    check_draft,
    fmt_clock,
    fmt_duration,
    guess_kind,
    parse_kind,
    render,
    valid_id,
)

__all__ = ["FIELDS", "ImportedSchedule", "SourceError", "SourceProblem", "import_sheet", "read_grid", "sheet_to_toml"]

DEFAULT_TIMEZONE = "Asia/Seoul"
HEADER_SCAN_ROWS = 30

# field → (Korean label, English label): the names a problem is reported under.
FIELDS: dict[str, tuple[str, str]] = {
    "time": ("시간", "time"),
    "start": ("시작", "start"),
    "end": ("종료", "end"),
    "duration": ("소요시간", "duration"),
    "part": ("구분", "part"),
    "order": ("순서", "order"),
    "title": ("내용", "title"),
    "owner": ("담당", "owner"),
    "presenter": ("발표자", "presenter"),
    "notes": ("비고", "notes"),
    "affiliation": ("소속", "affiliation"),
    "kind": ("종류", "kind"),
    "id": ("ID", "id"),
    "actual_start": ("실제 시작", "actual start"),
    "actual_end": ("실제 종료", "actual end"),
    "actual_length": ("실제 소요", "actual length"),
    "delta": ("차이", "delta"),
}
# Header names (normalised: lower case, no spaces or punctuation) for each field.
ALIASES: dict[str, tuple[str, ...]] = {
    "time": (
        "시간",
        "시각",
        "시간소요",
        "일시",
        "계획시간",
        "time",
        "times",
        "timing",
        "schedule",
        "plannedtime",
        "planned",
    ),
    "start": ("시작", "시작시간", "시작시각", "계획시작", "start", "starttime", "begin", "from", "plannedstart"),
    "end": ("종료", "종료시간", "종료시각", "끝", "계획종료", "end", "endtime", "finish", "to", "plannedend"),
    "duration": (
        "소요시간",
        "소요",
        "분",
        "시간분",
        "길이",
        "러닝타임",
        "계획소요",
        "duration",
        "length",
        "min",
        "mins",
        "minutes",
        "dur",
        "plannedlength",
    ),
    "part": ("구분", "부", "세션", "파트", "part", "section", "session", "block", "group"),
    "order": ("순서", "순번", "번호", "no", "#", "order", "seq", "number"),
    "title": (
        "내용",
        "제목",
        "프로그램",
        "행사내용",
        "세부내용",
        "식순",
        "항목",
        "주제",
        "진행내용",
        "title",
        "item",
        "program",
        "programme",
        "content",
        "contents",
        "segment",
        "event",
    ),
    "owner": ("담당", "담당자", "진행", "진행자", "주관", "owner", "who", "responsible", "incharge", "lead"),
    "presenter": (
        "발표자",
        "연사",
        "강연자",
        "연자",
        "발표",
        "출연",
        "출연자",
        "speaker",
        "speakers",
        "presenter",
        "presenters",
    ),
    "notes": ("비고", "메모", "참고", "특이사항", "notes", "note", "remarks", "memo", "comment", "comments"),
    "affiliation": ("소속", "기관", "affiliation", "organisation", "organization", "org"),
    "kind": ("종류", "유형", "kind", "type"),
    "id": ("id", "코드", "code"),
    "actual_start": ("실제시작", "actualstart", "actual"),
    "actual_end": ("실제종료", "actualend"),
    "actual_length": ("실제소요", "actuallength", "actualduration"),
    "delta": ("차이", "지연", "오차", "delta", "diff", "variance", "drift"),
}
_IGNORED = {"order", "actual_start", "actual_end", "actual_length", "delta"}


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-./()\[\]:·]+", "", text.strip().lower())


def field_of(header: str) -> str | None:
    """The field a header names (exact alias first, then the longest alias it starts with)."""
    key = _norm(header)
    if not key:
        return None
    for name, words in ALIASES.items():
        if key in words:
            return name
    best: tuple[int, str] | None = None
    for name, words in ALIASES.items():
        for w in words:
            if len(w) >= 2 and key.startswith(w) and (best is None or len(w) > best[0]):
                best = (len(w), name)
    return best[1] if best else None


# ── the grid: a sheet's cells, wherever they came from ───────────────────


@dataclass
class Grid:
    file: str  # as shown in problems (the name the user gave)
    sheet: str | None  # None for CSV
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 (0-based, inclusive)

    def ref(self, row: int, col: int | None = None) -> str:
        cell = "" if col is None else f"{column_letter(col)}{row + 1}"
        if col is None:
            cell = f"{row + 1}행"
        if self.sheet is None:
            return f"{self.file}:{cell}"
        return f"{self.file}:{self.sheet}!{cell}"

    def whole(self) -> str:
        return self.file if self.sheet is None else f"{self.file}:{self.sheet}"


def column_letter(col: int) -> str:
    out = ""
    n = col + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _file_problem(where: str, ko: str, en: str) -> SourceProblem:
    return SourceProblem(where, "(파일)", "(file)", ko, en)


def read_grid(path: Path, sheet: str | None = None, shown: str | None = None) -> Grid:
    """The cells of ``path`` (.xlsx or .csv); raises :class:`SourceError` when it cannot be read."""
    name = shown or str(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet, name)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path, name)
    raise SourceError(
        [
            _file_problem(
                name,
                f"{suffix or '(확장자 없음)'} 파일은 읽을 수 없습니다 (.xlsx 또는 .csv)",
                f"cannot read a {suffix or '(no extension)'} file (expected .xlsx or .csv)",
            )
        ]
    )


def _read_xlsx(path: Path, sheet: str | None, name: str) -> Grid:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency
        raise SourceError(
            [_file_problem(name, "openpyxl이 설치되어 있지 않습니다", "openpyxl is not installed")]
        ) from None
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise SourceError(
            [_file_problem(name, f"엑셀 파일을 열 수 없습니다: {reason}", f"cannot open the workbook: {reason}")]
        ) from None
    names = list(wb.sheetnames)
    if sheet is not None:
        if sheet not in names:
            raise SourceError(
                [
                    _file_problem(
                        name,
                        f"시트 '{sheet}'가 없습니다 (있는 시트: {', '.join(names)})",
                        f"no sheet named '{sheet}' (sheets: {', '.join(names)})",
                    )
                ]
            )
        order = [sheet]
    else:
        active = wb.active.title if wb.active is not None else names[0]
        order = [active, *[n for n in names if n != active]]
    grids = []
    for sheet_name in order:
        ws = wb[sheet_name]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        merged = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        grids.append(Grid(name, sheet_name, rows, merged))
    if len(grids) == 1:
        return grids[0]
    for g in grids:  # no --sheet: the active sheet, else the first that has a header row
        if _find_header(g, {}) is not None:
            return g
    return grids[0]


def decode_text(raw: bytes) -> str | None:
    """UTF-8 (with or without a BOM), else CP949 (what Korean Excel writes); None if neither."""
    for enc in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def _read_csv(path: Path, name: str) -> Grid:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SourceError(
            [_file_problem(name, f"파일을 읽을 수 없습니다: {reason}", f"cannot read: {reason}")]
        ) from None
    text = decode_text(raw)
    if text is None:
        raise SourceError(
            [
                _file_problem(
                    name,
                    "글자 인코딩을 알 수 없습니다; UTF-8 또는 CP949(한국어 엑셀의 CSV)로 저장하세요",
                    "unknown text encoding; save the CSV as UTF-8 or CP949",
                )
            ]
        )
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows: list[list[Any]] = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise SourceError([_file_problem(name, f"CSV를 읽을 수 없습니다: {exc}", f"not valid CSV: {exc}")]) from None
    return Grid(name, None, rows)


# ── values as cells hold them ─────────────────────────────────────────────

_FULLWIDTH = str.maketrans(
    {
        "：": ":",
        "～": "~",
        "〜": "~",
        "∼": "~",
        "－": "-",
        "–": "-",
        "—": "-",
        "−": "-",
        "（": "(",
        "）": ")",
        "’": "'",
        "‘": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "″": '"',
    }
)
_TOKEN = re.compile(
    r"(?P<pre>오전|오후|AM|PM|A\.M\.|P\.M\.)?\s*(?P<h>\d{1,2})"
    r"(?:(?::(?P<m>\d{2})(?::(?P<s>\d{2}))?)|(?:\s*시\s*(?:(?P<m2>\d{1,2})\s*분)?))"
    r"\s*(?P<post>AM|PM|A\.M\.|P\.M\.)?",
    re.IGNORECASE,
)
_SEP = re.compile(r"\s*(?:~|-|to|부터|에서)\s*", re.IGNORECASE)
_DUR_MIN = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:'|분|m|min|mins|minutes?)$", re.IGNORECASE)
_DUR_HM = re.compile(r"^(\d+)\s*(?:시간|h|hr|hrs|hours?)\s*(?:(\d+)\s*(?:'|분|m|min|mins|minutes?)?)?$", re.IGNORECASE)
_DUR_SEC = re.compile(r"^(\d+)\s*(?:초|s|sec|secs|seconds?|\")$", re.IGNORECASE)
_DUR_MS = re.compile(r"^(\d+)\s*(?:'|분|m)\s*(\d+)\s*(?:초|s|\")$", re.IGNORECASE)
_DUR_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_DUR_BARE = re.compile(r"^\d+(?:\.0+)?$")


class CellError(ValueError):
    def __init__(self, ko: str, en: str) -> None:
        super().__init__(en)
        self.ko = ko
        self.en = en


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _token_time(m: re.Match[str]) -> time:
    h = int(m.group("h"))
    minute = int(m.group("m") or m.group("m2") or 0)
    sec = int(m.group("s") or 0)
    meridiem = (m.group("pre") or m.group("post") or "").upper().replace(".", "")
    if meridiem in ("오후", "PM"):
        if not 1 <= h <= 12:
            raise ValueError("hour")
        h = h % 12 + 12
    elif meridiem in ("오전", "AM"):
        if not 1 <= h <= 12:
            raise ValueError("hour")
        h = h % 12
    if not (h < 24 and minute < 60 and sec < 60):
        raise ValueError("range")
    return time(h, minute, sec)


def _bad_time(value: Any) -> CellError:
    return CellError(
        f"시간을 읽을 수 없습니다: '{_clean(value)}' (예: 13:30, 13:30~13:35, 오후 1:30)",
        f"cannot read a time from '{_clean(value)}' (expected e.g. 13:30, 13:30~13:35, 1:30 PM)",
    )


def _bad_duration(value: Any) -> CellError:
    return CellError(
        f"소요시간을 읽을 수 없습니다: '{_clean(value)}' (예: 5', 5분, 1시간 30분)",
        f"cannot read a duration from '{_clean(value)}' (expected e.g. 5', 5분, 1h30m)",
    )


def parse_time_cell(value: Any) -> tuple[time | None, time | None, timedelta | None]:
    """A time cell: (start, end, length), any of them absent; raises :class:`CellError`.

    Holds "13:30", "13:30~13:35", "13:30-13:35", "13:30~13:35 5'", "오후 1:30", "1:30 PM",
    "13시 30분", or an Excel time (a ``time``, a ``datetime``, or a day fraction).
    """
    if value is None or value == "":
        return None, None, None
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0), None, None
    if isinstance(value, time):
        return value.replace(microsecond=0, tzinfo=None), None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1:
            secs = round(float(value) * 86400)
            h, left_s = divmod(min(secs, 86399), 3600)
            return time(h, left_s // 60, left_s % 60), None, None
        raise _bad_time(value)
    text = _clean(value).translate(_FULLWIDTH)
    if not text:
        return None, None, None
    if (
        ":" not in text
        and not re.search(r"\d\s*시(?!간)|오전|오후|am|pm", text, re.IGNORECASE)
        and not _DUR_BARE.match(text)
    ):
        try:  # a length in the time column: "5'", "(10분)"
            return None, None, parse_duration_cell(text)
        except CellError:
            pass
    m1 = _TOKEN.match(text)
    if not m1:
        raise _bad_time(value)
    try:
        start = _token_time(m1)
    except ValueError:
        raise _bad_time(value) from None
    rest = text[m1.end() :]
    end: time | None = None
    sep = _SEP.match(rest)
    if sep and sep.end() < len(rest):
        m2 = _TOKEN.match(rest, sep.end())
        if m2:
            try:
                end = _token_time(m2)
            except ValueError:
                raise _bad_time(value) from None
            rest = rest[m2.end() :]
    rest = rest.strip().strip("()").strip()
    length = None
    if rest:
        try:
            length = parse_duration_cell(rest)
        except CellError:
            raise _bad_time(value) from None
    return start, end, length


def parse_duration_cell(value: Any) -> timedelta | None:
    """A length cell: "5'", "5’", "5분", "10 min", "1시간 30분", "90s", "0:05", a bare 5 (minutes), an
    Excel duration; raises :class:`CellError`."""
    if value is None or value == "":
        return None
    if isinstance(value, timedelta):
        return value
    if isinstance(value, time):
        return timedelta(hours=value.hour, minutes=value.minute, seconds=value.second)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 < value < 1 and not float(value).is_integer():
            return timedelta(seconds=round(float(value) * 86400))  # an Excel [h]:mm duration
        if value >= 0 and float(value).is_integer():
            return timedelta(minutes=int(value))
        raise _bad_duration(value)
    text = _clean(value).translate(_FULLWIDTH)
    text = re.sub(r"^\((.*)\)$", r"\1", text).strip()
    if not text:
        return None
    compact = re.sub(r"\s+", "", text)
    if m := _DUR_MIN.match(compact):
        minutes = float(m.group(1))
        if not (minutes * 60).is_integer():
            raise _bad_duration(value)
        return timedelta(seconds=int(minutes * 60))
    if m := _DUR_HM.match(compact):
        return timedelta(hours=int(m.group(1)), minutes=int(m.group(2) or 0))
    if m := _DUR_MS.match(compact):
        return timedelta(minutes=int(m.group(1)), seconds=int(m.group(2)))
    if m := _DUR_SEC.match(compact):
        return timedelta(seconds=int(m.group(1)))
    if m := _DUR_CLOCK.match(compact):
        return timedelta(hours=int(m.group(1)), minutes=int(m.group(2)), seconds=int(m.group(3) or 0))
    if _DUR_BARE.match(compact):
        return timedelta(minutes=int(float(compact)))
    from runshow.plan.values import parse_duration

    try:
        return parse_duration(compact)
    except ValueError:
        raise _bad_duration(value) from None


_PART_LEN = re.compile(r"[(\[]\s*([^()\[\]]*?)\s*[)\]]\s*$")


def parse_part_label(value: Any) -> tuple[str, timedelta | None]:
    """ "사전행사 (20')" → ("사전행사", 20m); "(70')" → ("", 70m); a label without a length → (label, None)."""
    text = re.sub(r"\s*\n\s*", " ", _clean(value))
    m = _PART_LEN.search(text.translate(_FULLWIDTH))
    if m:
        try:
            length = parse_duration_cell(m.group(1))
        except CellError:
            length = None
        if length is not None:
            return text[: m.start()].strip(), length
    return text, None


_BULLETS = re.compile(r"^[\s‣▪∥•·○◦▶▷■□◆◇※\-*]+")
_ARROWS = re.compile(r"→|->|=>|⇒|➔|➝|▶")
_SPLIT_SPEAKERS = re.compile(r"\s*(?:→|->|=>|⇒|➔|➝|▶|\n)\s*")


def clean_title(text: str) -> tuple[str, list[str]]:
    """A title without bullets and letter-spacing (축 사 → 축사); the notes say what changed."""
    notes: list[str] = []
    t = _BULLETS.sub("", re.sub(r"\s*\n\s*", " ", text)).strip()
    parts = t.split(" ")
    if len(parts) >= 2 and all(len(p) == 1 and "가" <= p <= "힣" for p in parts):
        notes.append(f"'{t}' → '{''.join(parts)}' (letter-spacing dropped)")
        t = "".join(parts)
    if "・" in t:
        t = t.replace("・", "·")
        notes.append("'・' written as '·'")
    return t, notes


def split_speakers(text: str) -> list[str]:
    """ "전남→경북→인천→광주→대구 순" → the five names; a name list on separate lines likewise."""
    t = re.sub(r"\s*순\s*$", "", text.strip())
    return [p.strip(" ,") for p in _SPLIT_SPEAKERS.split(t) if p.strip(" ,")]


_NAME_LEN = re.compile(r"^(.*?)\s*[(\[]?\s*(\d+\s*(?:'|’|′|분|m|min))\s*[)\]]?\s*$")


def _speaker_with_length(text: str) -> tuple[str, timedelta | None]:
    """ "국토교통부 (5')" → ("국토교통부", 5m)."""
    m = _NAME_LEN.match(text.translate(_FULLWIDTH))
    if m and m.group(1).strip():
        try:
            return m.group(1).strip(), parse_duration_cell(m.group(2))
        except CellError:
            pass
    return text.strip(), None


_DATE = re.compile(r"(?<!\d)(\d{4}|'\d{2}|’\d{2}|‘\d{2})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})(?!\d)")
_VENUE = re.compile(r"(?:장\s*소|venue|place|location)\s*[:)\]]\s*(.+)", re.IGNORECASE)
_TZ = re.compile(r"(?:시간대|time\s*zone)\s*[:)]\s*([A-Za-z_]+(?:/[A-Za-z_+\-]+)+)", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(
    r"\s*(?:세부\s*)?(?:진행\s*순서|식순|큐\s*시트|행사\s*계획|진행표|순서|cue\s*sheet|run\s*of\s*show)?\s*(?:\(안\))?\s*$",
    re.IGNORECASE,
)


def find_date(text: str) -> date | None:
    m = _DATE.search(text)
    if not m:
        return None
    y = m.group(1)
    year = int(y) if len(y) == 4 else 2000 + int(y[1:])
    try:
        return date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# ── header and rows ───────────────────────────────────────────────────────


def _find_header(grid: Grid, overrides: Mapping[str, str]) -> tuple[int, dict[int, str]] | None:
    wanted = {_norm(h): f for f, h in overrides.items()}
    for r, row in enumerate(grid.rows[:HEADER_SCAN_ROWS]):
        cols: dict[int, str] = {}
        for c, value in enumerate(row):
            text = _clean(value)
            if not text or len(text) > 40:
                continue
            f = wanted.get(_norm(text)) or field_of(text)
            if f is not None and f not in cols.values():
                cols[c] = f
        useful = set(cols.values()) - _IGNORED
        if len(useful) >= 2 and useful & {"title", "time", "start", "duration"}:
            return r, cols
    return None


@dataclass
class ImportedSchedule:
    """A sheet read into schedule TOML, and the Plan the TOML loader built from it."""

    toml: str
    plan: Plan
    inferred: list[str]  # what was guessed, also written as comments in ``toml``


def import_sheet(
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    default_date: date | None = None,
    timezone: str = DEFAULT_TIMEZONE,
    shown_as: str | None = None,
) -> ImportedSchedule:
    """Read a cue sheet into schedule TOML and a Plan; raises :class:`SourceError` with every problem.

    ``mapping`` overrides the header mapping, field → header text (``{"title": "내용"}``);
    ``default_date`` is the event's date when the sheet names none.
    """
    p = Path(path)
    grid = read_grid(p, sheet, shown_as or p.name)
    return sheet_to_toml(grid, mapping=mapping, default_date=default_date, timezone=timezone, stem=p.stem)


def sheet_to_toml(
    grid: Grid,
    *,
    mapping: Mapping[str, str] | None = None,
    default_date: date | None = None,
    timezone: str = DEFAULT_TIMEZONE,
    stem: str = "",
) -> ImportedSchedule:
    reader = _SheetReader(grid, dict(mapping or {}), default_date, timezone, stem)
    draft = reader.read()
    problems = reader.problems
    if draft is not None and not problems:
        problems = check_draft(draft)
    if problems or draft is None:
        raise SourceError(problems or [_file_problem(grid.whole(), "항목이 없습니다", "no rows")])
    text, origin = render(draft)
    plan = build_plan(text, grid.whole(), origin)
    return ImportedSchedule(text, plan, reader.inferred)


class _SheetReader:
    def __init__(self, grid: Grid, mapping: dict[str, str], default_date: date | None, tz: str, stem: str) -> None:
        self.g = grid
        self.mapping = mapping
        self.default_date = default_date
        self.tz = tz
        self.stem = stem
        self.problems: list[SourceProblem] = []
        self.inferred: list[str] = []
        self.cols: dict[str, int] = {}

    # helpers
    def where(self, r: int, f: str) -> Where:
        col = self.cols.get(f)
        ko, en = FIELDS[f]
        return Where(self.g.ref(r, col), ko, en)

    def bad(self, r: int, f: str, ko: str, en: str) -> None:
        self.problems.append(self.where(r, f).problem(ko, en))

    def infer(self, text: str) -> str:
        self.inferred.append(text)
        return text

    def read(self) -> Draft | None:
        g = self.g
        for f in self.mapping:
            if f not in FIELDS:
                known = ", ".join(k for k in FIELDS if k not in _IGNORED)
                self.problems.append(
                    SourceProblem(
                        g.whole(),
                        "--map",
                        "--map",
                        f"알 수 없는 항목 '{f}' (가능: {known})",
                        f"unknown field '{f}' (known: {known})",
                    )
                )
        if self.problems:
            return None
        if not any(_clean(v) for row in g.rows for v in row):
            self.problems.append(_file_problem(g.whole(), "빈 시트입니다", "the sheet is empty"))
            return None
        found = _find_header(g, self.mapping)
        if found is None:
            self.problems.append(
                _file_problem(
                    g.whole(),
                    f"머리글 행을 찾지 못했습니다 (처음 {HEADER_SCAN_ROWS}행에 '시간', '내용' 같은 "
                    "열 이름이 필요합니다; "
                    "--map title=열이름 으로 지정할 수 있습니다)",
                    f"no header row found in the first {HEADER_SCAN_ROWS} rows (expected column names such as "
                    "시간/time and 내용/title; or name them with --map title=HEADER)",
                )
            )
            return None
        hr, by_col = found
        headers = {c: _clean(v) for c, v in enumerate(g.rows[hr]) if _clean(v)}
        for f, header in self.mapping.items():
            cols = [c for c, h in headers.items() if _norm(h) == _norm(header)]
            if not cols:
                self.problems.append(
                    SourceProblem(
                        g.ref(hr),
                        "--map",
                        "--map",
                        f"{f}={header}: 머리글에 '{header}' 열이 없습니다 (있는 열: {', '.join(headers.values())})",
                        f"{f}={header}: the header row has no column '{header}' "
                        f"(columns: {', '.join(headers.values())})",
                    )
                )
                continue
            by_col = {c: v for c, v in by_col.items() if v != f}
            by_col[cols[0]] = f
        if self.problems:
            return None
        self.cols = {f: c for c, f in sorted(by_col.items(), reverse=True)}
        self.cols = {f: c for f, c in sorted(self.cols.items(), key=lambda kv: kv[1])}
        described = ", ".join(f"{column_letter(c)} '{headers.get(c, '')}' → {f}" for f, c in self.cols.items())
        self.inferred.append(f"header row {hr + 1}: {described}")
        if "title" not in self.cols and "order" in self.cols and "order" not in self.mapping:
            self.cols["title"] = self.cols.pop("order")
            self.infer(f"no 내용/title column: '{headers[self.cols['title']]}' read as the title")
        if "owner" not in self.cols and "notes" in self.cols and "notes" not in self.mapping:
            self.cols["owner"] = self.cols.pop("notes")
            self.infer(
                f"no 담당/owner column: '{headers[self.cols['owner']]}' read as the owner, as a Korean rundown's 비고 "
                "usually names who is on (--map notes=비고 reads it as notes)"
            )
        if "part" not in self.cols:
            first = min(self.cols.values())
            if first > 0 and any(_clean(row[0]) for row in g.rows[hr + 1 :] if row):
                self.cols["part"] = 0
                self.infer("column A has no header: read as the part (구분)")
        if "title" not in self.cols:
            self.problems.append(
                _file_problem(
                    g.ref(hr),
                    "내용(제목) 열이 없습니다 (--map title=열이름)",
                    "no title column (use --map title=HEADER)",
                )
            )
        if not {"time", "start", "end", "duration"} & set(self.cols):
            self.problems.append(
                _file_problem(
                    g.ref(hr),
                    "시간 열이 없습니다 (시간, 시작, 종료, 소요시간 중 하나; --map time=열이름)",
                    "no time column (one of time, start, end, duration; use --map time=HEADER)",
                )
            )
        if self.problems:
            return None
        event = self._event(hr)
        return self._rows(hr, event)

    def _event(self, hr: int) -> DraftEvent:
        g = self.g
        texts: list[str] = []
        found_date: date | None = None
        for row in g.rows[:hr]:
            for v in row:
                if isinstance(v, datetime | date) and found_date is None:
                    found_date = v.date() if isinstance(v, datetime) else v
                t = _clean(v)
                if t:
                    texts.append(t)
        comments: list[str] = []
        title = ""
        for t in texts:
            if (
                find_date(t) is None
                and not _VENUE.search(t)
                and not _TZ.search(t)
                and not re.match(r"^[ㅇ□○\-•]?\s*\(", t)
            ):
                title = _TITLE_SUFFIX.sub("", t).strip() or t
                if title != t:
                    comments.append(self.infer(f"title: '{t}' → '{title}'"))
                break
        if not title:
            title = self.stem or "cue sheet"
            comments.append(self.infer(f"title: the sheet names none; the file name '{title}' is used"))
        for t in texts:
            if found_date is None:
                found_date = find_date(t)
        if found_date is None:
            if self.default_date is None:
                self.problems.append(
                    _file_problem(
                        g.whole(),
                        "행사 날짜를 찾지 못했습니다 (머리글 위에 '2021. 10. 15.' 처럼 적거나 --date 로 지정하세요)",
                        "no event date found (write it above the header, e.g. 2021-10-15, or pass --date)",
                    )
                )
                found_date = date(2000, 1, 1)
            else:
                found_date = self.default_date
                comments.append(self.infer(f"date: the sheet names none; {found_date.isoformat()} was given"))
        venue = ""
        for t in texts:
            m = _VENUE.search(t)
            if m:
                venue = re.split(r"\s+/\s+|\s{2,}", m.group(1).strip())[0]
                break
        tz = ""
        for t in texts:
            m = _TZ.search(t)
            if m:
                tz = m.group(1)
                break
        if not tz:
            tz = self.tz
            comments.append(self.infer(f"timezone: {tz} (the sheet does not say; change it if the event is elsewhere)"))
        return DraftEvent(title, found_date, tz, venue, where=Where(g.whole(), "(행사)", "(event)"), comments=comments)

    def _rows(self, hr: int, event: DraftEvent) -> Draft | None:
        g = self.g
        covered: dict[tuple[int, int], tuple[int, int]] = {}
        for r0, c0, r1, c1 in g.merged:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        covered[(r, c)] = (r0, c0)
        fill = {self.cols[f] for f in ("part", "owner", "notes") if f in self.cols}

        def value(r: int, f: str) -> tuple[Any, bool]:
            """The cell of field f on row r, and whether it is covered by a merge (not its top-left)."""
            c = self.cols.get(f)
            if c is None:
                return None, False
            if (r, c) in covered:
                if c in fill:
                    r0, c0 = covered[(r, c)]
                    row0 = g.rows[r0]
                    return (row0[c0] if c0 < len(row0) else None), True
                return None, True
            row = g.rows[r]
            return (row[c] if c < len(row) else None), False

        day0 = datetime.combine(event.date, time(0))
        parts: list[DraftPart] = []
        part: DraftPart | None = None
        seg: DraftSegment | None = None
        pending: tuple[DraftSegment, int] | None = None  # a row with a start only: it ends at the next start
        prev_end: datetime | None = None
        broken = False  # a row could not be timed: rows chained to it are not reported again
        speakers_to_split: list[tuple[DraftSegment, int]] = []
        arrow_segs: list[DraftSegment] = []  # speakers read from the owner's arrows (rows of their own win)
        seg_row = hr
        n_seg = 0
        used_ids: dict[str, int] = {}

        def new_part(r: int, label: Any) -> DraftPart:
            title, length = parse_part_label(label)
            p = DraftPart(
                f"part{len(parts) + 1}",
                title or f"{len(parts) + 1}부",
                length or timedelta(-1),
                where=self.where(r, "part"),
            )
            if not title:
                p.comments.append(self.infer(f"part at {self.where(r, 'part').ref} has no name: '{p.title}'"))
            parts.append(p)
            return p

        for r in range(hr + 1, len(g.rows)):
            row = g.rows[r]
            if not any(_clean(v) for v in row):
                continue
            part_v, part_cov = value(r, "part")
            title_v = _clean(value(r, "title")[0])
            presenter_v = _clean(value(r, "presenter")[0])
            owner_v, owner_cov = value(r, "owner")
            notes_v, notes_cov = value(r, "notes")
            time_raw = [value(r, f)[0] for f in ("time", "start", "end", "duration")]
            has_time = any(_clean(v) for v in time_raw)
            part_text = _clean(part_v)
            # A part cell: a new part, or a length continuing the part above ("(20')" wrapped onto a new row).
            if part_text and not part_cov:
                label, length = parse_part_label(part_text)
                if not label and length is not None and part is not None and part.length < timedelta(0):
                    part.length = length
                elif (not label and length is not None and part is None) or (
                    label and (part is None or label != part.title)
                ):
                    part = new_part(r, part_text)
            if not title_v and not has_time and not presenter_v:
                text_only = [c for c, v in enumerate(row) if _clean(v)]
                if seg is not None and not part_text:
                    # Wrapped text: the rest of the owner or notes of the row above.
                    if _clean(owner_v) and not owner_cov:
                        more = _clean(owner_v)
                        glue = "" if _ARROWS.match(more) or _ARROWS.search(seg.owner[-2:]) else " "
                        seg.owner = f"{seg.owner}{glue}{more}".strip()
                        seg.comments.append(self.infer(f"owner continues on {self.where(r, 'owner').ref}"))
                        if any(x is seg for x in arrow_segs):  # the arrows go on: read the speakers again
                            speakers_to_split[:] = [(x, i) for x, i in speakers_to_split if x is not seg]
                            seg.speakers.clear()
                            for n in split_speakers(seg.owner):
                                seg.speakers.append(DraftSpeaker(n, timedelta(0), "", seg.where.get("owner")))
                                speakers_to_split.append((seg, len(seg.speakers) - 1))
                    if _clean(notes_v) and not notes_cov:
                        seg.notes = f"{seg.notes}\n{_clean(notes_v)}".strip()
                    if not (_clean(owner_v) or _clean(notes_v)) and text_only and "part" not in self.cols:
                        part = new_part(r, row[text_only[0]])
                elif not part_text and text_only:
                    part = new_part(r, row[text_only[0]])  # a part heading on a row of its own
                continue
            if (
                title_v
                and not has_time
                and not presenter_v
                and re.match(r"^(?:[■□◆◇▶【\[]|\d+\s*부\b|제\s*\d+\s*부|세션|session|part)", title_v, re.IGNORECASE)
            ):
                part = new_part(r, title_v)  # a heading written in the title column
                self.cols.setdefault("part", self.cols["title"])
                continue
            start, end, length = self._times(r, time_raw)
            if not title_v and presenter_v:
                # A speaker on a row of their own, under the segment they belong to.
                if seg is not None and any(x is seg for x in arrow_segs):
                    # Speakers written out on their own rows win over the arrows in the owner column.
                    arrow_segs[:] = [x for x in arrow_segs if x is not seg]
                    seg.speakers.clear()
                    speakers_to_split[:] = [(x, i) for x, i in speakers_to_split if x is not seg]
                    seg.comments[:] = [c for c in seg.comments if "column's arrows" not in c]
                    self.inferred[:] = [c for c in self.inferred if not (c.startswith(f"row {seg_row + 1}: speakers"))]
                if seg is None:
                    self.bad(
                        r,
                        "presenter",
                        "발표자 행 위에 속할 항목이 없습니다",
                        "a speaker row with no row above it to belong to",
                    )
                    continue
                aff = _clean(value(r, "affiliation")[0])
                slot = (
                    length
                    if length is not None
                    else (_dt(day0, end) - _dt(day0, start) if start is not None and end is not None else None)
                )
                name, own = _speaker_with_length(presenter_v)
                w = self.where(r, "presenter")
                seg.speakers.append(DraftSpeaker(name, slot or own or timedelta(0), aff, w))
                if slot is None and own is None:
                    speakers_to_split.append((seg, len(seg.speakers) - 1))
                continue
            if not title_v:
                self.bad(r, "title", "내용이 비어 있습니다", "the title is empty")
                continue
            if part is None:
                part = DraftPart("part1", event.title, timedelta(-1), where=Where(g.ref(r), "구분", "part"))
                part.comments.append(self.infer("the sheet has no parts: one part holds every row"))
                parts.append(part)
            title, title_notes = clean_title(title_v)
            n_seg += 1
            id_text = _clean(value(r, "id")[0])
            seg_id = f"s{n_seg}"
            comments = [self.infer(f"row {r + 1}: {n}") for n in title_notes]
            if id_text:
                if valid_id(id_text):
                    seg_id = id_text
                else:
                    self.bad(
                        r,
                        "id",
                        f"ID '{id_text}'는 영문자, 숫자, -, _ 만 쓸 수 있습니다",
                        f"id '{id_text}' may hold only letters, digits, - and _",
                    )
                if seg_id in used_ids:
                    self.bad(
                        r,
                        "id",
                        f"ID '{seg_id}'가 {used_ids[seg_id] + 1}행에서 이미 쓰였습니다",
                        f"duplicate id '{seg_id}' (first used on row {used_ids[seg_id] + 1})",
                    )
            used_ids.setdefault(seg_id, r)
            kind_text = _clean(value(r, "kind")[0])
            kind: str | None = None
            if kind_text:
                kind = parse_kind(kind_text)
                if kind is None:
                    self.bad(
                        r,
                        "kind",
                        f"종류 '{kind_text}'를 알 수 없습니다 (ceremony, speech, talk, presentation, "
                        "break, panel, closing 또는 의식/연설/강연/발표/휴식/토론/폐회)",
                        f"unknown kind '{kind_text}' (expected ceremony, speech, talk, presentation, break, "
                        "panel or closing)",
                    )
            if kind is None:
                kind, sure = guess_kind(title)
                if not sure and not kind_text:
                    comments.append(self.infer(f"row {r + 1}: kind '{kind}' is a guess (no word in the title says)"))
            w_time = self.where(r, "time" if "time" in self.cols else ("start" if "start" in self.cols else "duration"))
            where = {
                "title": self.where(r, "title"),
                "start": w_time,
                "end": self.where(r, "end") if "end" in self.cols else w_time,
                "speaker": self.where(r, "presenter") if presenter_v else w_time,
            }
            if "owner" in self.cols:
                where["owner"] = self.where(r, "owner")
            if "notes" in self.cols:
                where["notes"] = self.where(r, "notes")
            if id_text:
                where["id"] = self.where(r, "id")
            # Times: a start given, or chained from the row above; an end given, or start + length.
            if start is None:
                if pending is not None:
                    # The row above has a start only, and this row none: neither can be timed.
                    ps, pr = pending
                    self.problems.append(
                        ps.where["start"].problem(
                            "종료 시간이나 소요시간이 필요합니다 (다음 행에도 시작 시간이 없습니다)",
                            "needs an end time or a duration (the next row has no start time either)",
                        )
                    )
                    pending, prev_end, broken = None, None, True
                if prev_end is None:
                    if not broken:
                        self.problems.append(
                            w_time.problem("첫 항목에 시작 시간이 없습니다", "the first row needs a start time")
                        )
                    broken = True
                    seg = None
                    continue
                s_at = prev_end
            else:
                broken = False
                s_at = _dt(day0, start)
                if prev_end is not None and s_at < prev_end - timedelta(hours=12):
                    s_at += timedelta(days=1)  # past midnight
            if pending is not None:
                ps, pr = pending
                ps.end = s_at
                ps.comments.append(self.infer(f"row {pr + 1}: end {fmt_clock(s_at)} is the next row's start"))
                pending = None
            if end is not None:
                e_at = _dt(day0, end)
                while e_at <= s_at - timedelta(hours=12):
                    e_at += timedelta(days=1)
                if length is not None and e_at - s_at != length and e_at > s_at:
                    wd = self.where(r, "duration") if "duration" in self.cols and _clean(time_raw[3]) else w_time
                    self.problems.append(
                        wd.problem(
                            f"소요시간 {fmt_duration(length)}이 {fmt_clock(s_at)}~{fmt_clock(e_at)}와 맞지 않습니다",
                            f"duration {fmt_duration(length)} disagrees with {fmt_clock(s_at)}–{fmt_clock(e_at)}",
                        )
                    )
            elif length is not None:
                e_at = s_at + length
            else:
                e_at = s_at  # the next row's start, once it comes
            seg = DraftSegment(seg_id, title, kind, s_at, e_at, where=where, comments=comments)
            seg_row = r
            if end is None and length is None:
                pending = (seg, r)
            owner_text = _clean(owner_v)
            if owner_text:
                seg.owner = re.sub(r"\s*\n\s*", " ", owner_text)
            notes_text = _clean(notes_v)
            if notes_text:
                seg.notes = notes_text
            if presenter_v:
                aff = _clean(value(r, "affiliation")[0])
                names = (
                    split_speakers(presenter_v)
                    if _SPLIT_SPEAKERS.search(presenter_v)
                    else [n.strip() for n in re.split(r"\s*[,，、/]\s*", presenter_v) if n.strip()]
                )
                for n in names:
                    name, own = _speaker_with_length(n)
                    seg.speakers.append(
                        DraftSpeaker(
                            name, own or timedelta(0), aff if len(names) == 1 else "", self.where(r, "presenter")
                        )
                    )
                    if own is None:
                        speakers_to_split.append((seg, len(seg.speakers) - 1))
            elif seg.owner and _ARROWS.search(seg.owner):
                arrow_segs.append(seg)
                for n in split_speakers(seg.owner):
                    seg.speakers.append(DraftSpeaker(n, timedelta(0), "", where.get("owner")))
                    speakers_to_split.append((seg, len(seg.speakers) - 1))
                seg.comments.append(
                    self.infer(
                        f"row {r + 1}: speakers {' → '.join(s.name for s in seg.speakers)} read from the "
                        f"{FIELDS['owner'][0]} column's arrows"
                    )
                )
            part.segments.append(seg)
            prev_end = seg.end
        if pending is not None:
            ps, pr = pending
            self.problems.append(
                ps.where["start"].problem(
                    "종료 시간이나 소요시간이 필요합니다 (마지막 항목)",
                    "needs an end time or a duration (the last row)",
                )
            )
        # Speakers without a slot share what the others leave, equally.
        done: set[int] = set()
        for s, _ in speakers_to_split:
            if id(s) in done:
                continue
            done.add(id(s))
            idx = [i for ss, i in speakers_to_split if ss is s]
            length = s.end - s.start
            given = sum((sp.duration for i, sp in enumerate(s.speakers) if i not in idx), timedelta(0))
            left = length - given
            each_s, rest = divmod(int(left.total_seconds()), len(idx))
            if each_s <= 0:
                w = s.speakers[idx[0]].where or s.where.get("speaker") or s.where["start"]
                self.problems.append(
                    w.problem(
                        f"시간이 적히지 않은 발표자에게 남는 시간이 없습니다 ({fmt_duration(left)})",
                        f"no time is left for the speakers without a slot ({fmt_duration(left)})",
                    )
                )
                continue
            for k, i in enumerate(idx):
                s.speakers[i].duration = timedelta(seconds=each_s + (rest if k == len(idx) - 1 else 0))
            unslotted = ", ".join(s.speakers[i].name for i in idx)
            s.comments.append(
                self.infer(
                    f"'{s.title}': {fmt_duration(left)} split equally among {unslotted} "
                    f"({fmt_duration(timedelta(seconds=each_s))}"
                    f" each{'; the remainder to the last' if rest else ''}): the sheet gives no per-speaker length"
                )
            )
        for p in parts:
            total = sum((s.end - s.start for s in p.segments), timedelta(0))
            if p.length < timedelta(0):
                p.length = total
                p.comments.append(self.infer(f"part '{p.title}': length {fmt_duration(total)} is the sum of its rows"))
        parts = [p for p in parts if p.segments]
        if not parts and not self.problems:
            self.problems.append(
                _file_problem(self.g.ref(hr), "머리글 아래에 항목이 없습니다", "no rows under the header")
            )
        header = [
            f"Imported from {self.g.whole()} by `runshow import`. Check what was inferred:",
            *[f"- {t}" for t in self.inferred],
        ]
        if "id" not in self.cols:
            header += [
                "- segment and part ids are by position (s1, s2 …; part1 …): rename them before a show if you like;",
                "  the journal and scenarios refer to them.",
            ]
        return Draft(event, parts, header)

    def _times(self, r: int, raw: list[Any]) -> tuple[time | None, time | None, timedelta | None]:
        t_v, s_v, e_v, d_v = raw
        start = end = None
        length = None
        try:
            start, end, length = parse_time_cell(t_v)
        except CellError as exc:
            self.bad(r, "time", exc.ko, exc.en)
        for f, v in (("start", s_v), ("end", e_v)):
            if _clean(v):
                try:
                    t, t2, _ = parse_time_cell(v)
                except CellError as exc:
                    self.bad(r, f, exc.ko, exc.en)
                    continue
                if f == "start":
                    start = t
                    if t2 is not None:
                        end = t2
                else:
                    end = t
        if _clean(d_v) or isinstance(d_v, time | timedelta):
            try:
                length = parse_duration_cell(d_v)
            except CellError as exc:
                self.bad(r, "duration", exc.ko, exc.en)
        return start, end, length


def _dt(day0: datetime, t: time) -> datetime:
    return datetime.combine(day0.date(), t)


def problems_text(problems: Sequence[SourceProblem], lang: str = "ko") -> list[str]:
    return [p.text(lang) for p in problems]
