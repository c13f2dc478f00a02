"""What each problem says, in English and in Korean: one template per code, the same params.

A :class:`runshow.plan.errors.Problem` carries ``code`` and ``params``; its ``message`` is the
English template filled in. :func:`wording` gives it in another language; the CLI and the app
choose the language (``--lang``, the system locale) and call it. Params are already text
(a value echoed as written, a time, a duration), so both templates format them alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runshow.plan.errors import Problem

# code → (English, Korean)
MESSAGES: dict[str, tuple[str, str]] = {
    # the file
    "file.unreadable": ("cannot read: {reason}", "읽을 수 없습니다: {reason}"),
    "file.empty": ("the file is empty; expected a schedule in TOML", "파일이 비어 있습니다. TOML 일정표가 필요합니다"),
    "file.encoding": (
        "not UTF-8 text (byte {byte}); save the file as UTF-8",
        "UTF-8 텍스트가 아닙니다 (바이트 {byte}). 파일을 UTF-8로 저장하세요",
    ),
    "file.large": (
        "the file is {size} KB; a schedule is at most {limit} KB",
        "파일이 {size} KB입니다. 일정표는 최대 {limit} KB입니다",
    ),
    "toml.syntax": ("not valid TOML: {detail}", "올바른 TOML이 아닙니다: {detail}"),
    "toml.unreadable": ("cannot be read as TOML ({detail})", "TOML로 읽을 수 없습니다 ({detail})"),
    "nesting.deep": (
        "arrays or tables nested more than {limit} deep",
        "배열이나 표가 {limit}단계보다 깊게 중첩되어 있습니다",
    ),
    "key.parts": (
        "a dotted key or table name of more than {limit} parts",
        "점으로 이은 키나 표 이름이 {limit}부분을 넘습니다",
    ),
    "word.long": (
        "a bare value or key of {length} characters (at most {limit} outside quotes)",
        "따옴표 밖의 값이나 키가 {length}자입니다 (최대 {limit}자)",
    ),
    "internal": (
        "could not be checked ({detail}); please report this file",
        "검사하지 못했습니다 ({detail}). 이 파일을 알려 주세요",
    ),
    # structure
    "top.unknown": ("unknown top-level key (expected: {allowed})", "알 수 없는 최상위 키입니다 (가능한 키: {allowed})"),
    "event.missing": ("the [event] table is missing", "[event] 표가 없습니다"),
    "part.missing": (
        "no [[part]] tables: a schedule needs at least one part",
        "[[part]] 표가 없습니다. 부가 하나 이상 필요합니다",
    ),
    "type.table": ("expected a table, got {got}", "표가 필요합니다. 입력값: {got}"),
    "type.tables": ("expected [[{name}]] tables (an array of tables)", "[[{name}]] 표(표의 배열)가 필요합니다"),
    "type.text": ("expected text in quotes, got {got}", "따옴표로 감싼 글이 필요합니다. 입력값: {got}"),
    "type.bool": ("expected true or false, got {got}", "true 또는 false가 필요합니다. 입력값: {got}"),
    "type.list": ("expected a list [ … ], got {got}", "목록 [ … ]이 필요합니다. 입력값: {got}"),
    "type.int": ("expected a whole number, got {got}", "정수가 필요합니다. 입력값: {got}"),
    "key.unknown": ("unknown key (expected one of: {allowed})", "알 수 없는 키입니다 (가능한 키: {allowed})"),
    "key.missing": ("required key is missing", "필수 키가 없습니다"),
    "text.empty": ("must not be empty", "비워 둘 수 없습니다"),
    "text.long": ("{length} characters; at most {limit}", "{length}자입니다. 최대 {limit}자입니다"),
    "list.long": ("{length} items; at most {limit}", "{length}개입니다. 최대 {limit}개입니다"),
    "list.short": ("needs at least one", "하나 이상 필요합니다"),
    "id.invalid": (
        "expected an id of letters, digits, - and _ (starting with a letter or digit), got {got}",
        "id는 영문자·숫자·-·_로 쓰고 영문자나 숫자로 시작해야 합니다. 입력값: {got}",
    ),
    "int.range": (
        "expected a number from {low} to {high}, got {got}",
        "{low}부터 {high}까지의 수가 필요합니다. 입력값: {got}",
    ),
    "choice.invalid": ("expected one of {allowed}, got {got}", "{allowed} 중 하나가 필요합니다. 입력값: {got}"),
    "kind.unknown": (
        "unknown kind {got} (expected one of: {allowed})",
        "알 수 없는 종류 {got}입니다 (가능한 종류: {allowed})",
    ),
    "value.invalid": ("{detail}", "올바르지 않은 값입니다: {detail}"),
    "too.many": (
        "{count} {what}: a schedule has at most {limit}",
        "{what} {count}개: 일정표에는 최대 {limit}개까지입니다",
    ),
    # values
    "time.invalid": (
        "expected a time like 13:30, 13:30:00 or 1:30 PM, got {got}",
        "13:30, 13:30:00, 오후 1:30 같은 시각이 필요합니다. 입력값: {got}",
    ),
    "time.datetime": (
        'expected a time of day, got the date and time {got}; write the time ("07:00") and give the day as `date`',
        '시각이 필요한데 날짜와 시각 {got}이(가) 있습니다. 시각("07:00")만 쓰고 날짜는 `date`로 주세요',
    ),
    "time.offset": (
        "expected a local time without an offset (the event's time zone applies)",
        "시차(+09:00) 없는 현지 시각이 필요합니다 (행사의 시간대를 씁니다)",
    ),
    "duration.invalid": (
        'expected a duration like "10m", "30s" or "1h5m", got {got}',
        '"10m", "30s", "1h5m" 같은 길이가 필요합니다. 입력값: {got}',
    ),
    "duration.too_long": (
        "duration {got} is too long (at most {limit}, one week)",
        "길이 {got}이(가) 너무 깁니다 (최대 {limit}, 일주일)",
    ),
    "date.invalid": (
        "expected a date like 2021-10-15 (no quotes), got {got}",
        "2021-10-15 같은 날짜(따옴표 없이)가 필요합니다. 입력값: {got}",
    ),
    "date.datetime": (
        "expected a date like 2021-10-15, got the date and time {got}",
        "2021-10-15 같은 날짜가 필요한데 날짜와 시각 {got}이(가) 있습니다",
    ),
    "date.quoted": (
        "write the date without quotes (date = {date}): in quotes it is text, not a date",
        "날짜는 따옴표 없이 쓰세요 (date = {date}). 따옴표 안은 날짜가 아니라 글입니다",
    ),
    "date.range": ("date {got} is outside {low}–{high}", "날짜 {got}이(가) {low}–{high}년 범위 밖입니다"),
    "date.before_event": (
        "{date} is before the event's date {event_date}",
        "{date}은(는) 행사 날짜 {event_date}보다 이릅니다",
    ),
    "timezone.unknown": (
        'unknown time zone {got} (expected an IANA name like "Asia/Seoul")',
        '알 수 없는 시간대 {got}입니다 ("Asia/Seoul" 같은 IANA 이름이 필요합니다)',
    ),
    # segments and time
    "start.first": ("the first segment needs a start time", "첫 세그먼트에는 시작 시각이 필요합니다"),
    "start.after_open": (
        "the segment after an open-ended one ({prev}) needs a start time",
        "끝이 열린 세그먼트({prev}) 다음 세그먼트에는 시작 시각이 필요합니다",
    ),
    "length.missing": ("needs an end time or a duration", "끝 시각이나 길이가 필요합니다"),
    "length.open_last": (
        "an open-ended segment with nothing after it needs a duration or an end (the show needs a planned end)",
        "뒤에 아무것도 없는, 끝이 열린 세그먼트에는 길이나 끝 시각이 필요합니다 (행사의 예정 종료 시각이 필요합니다)",
    ),
    "length.disagree": (
        "duration {duration} disagrees with start–end {start}–{end}",
        "길이 {duration}이(가) 시작–끝 {start}–{end}과(와) 맞지 않습니다",
    ),
    "end.not_after": (
        "ends at {end}, not after its start {start}; if it ends after midnight, write `duration` instead of "
        "`end`, or give the end with its date (end = {date}T{end})",
        "{end}에 끝나 시작 {start}보다 늦지 않습니다. 자정을 넘겨 끝나면 `end` 대신 `duration`을 쓰거나 "
        "끝 시각을 날짜와 함께 쓰세요 (end = {date}T{end})",
    ),
    "order.before": (
        "segment {id} starts at {start}, before the previous segment {prev} ({prev_start}): segments must be "
        "in time order; if it is on another day, give `date = {next_day}` on this segment or its part",
        "세그먼트 {id}이(가) {start}에 시작해 앞 세그먼트 {prev}({prev_start})보다 이릅니다. 시간 순서대로 "
        "써야 합니다. 다른 날이면 이 세그먼트나 그 부에 `date = {next_day}`를 쓰세요",
    ),
    "order.overlap": (
        "segment {id} starts at {start} and overlaps {prev}, which ends at {prev_end}; parallel sessions "
        "need their own `room`",
        "세그먼트 {id}이(가) {start}에 시작해 {prev_end}에 끝나는 {prev}와(과) 겹칩니다. 동시에 열리는 "
        "세션은 각자의 `room`이 필요합니다",
    ),
    "part.length": (
        "part declares {declared} but its segments add up to {total}",
        "부의 길이는 {declared}인데 세그먼트 합계는 {total}입니다",
    ),
    "speakers.sum": (
        "speaker slots add up to {total} but the segment lasts {length}; leave out a speaker's duration to "
        "give them what is left",
        "발표자 시간의 합은 {total}인데 세그먼트는 {length}입니다. 남는 시간을 줄 발표자는 duration을 빼세요",
    ),
    "speakers.over": (
        "the fixed speaker slots add up to {total}, more than the segment's {length}",
        "정해진 발표자 시간의 합 {total}이(가) 세그먼트 {length}보다 깁니다",
    ),
    "speakers.no_room": (
        "the slots add up to {total} and leave no time for the speakers without a duration",
        "발표자 시간의 합 {total}이(가) 시간이 정해지지 않은 발표자에게 남기는 시간이 없습니다",
    ),
    "speaker.zero": ("a speaker's slot must be longer than zero", "발표자 시간은 0보다 길어야 합니다"),
    "duplicate.id": (
        "duplicate {what} id {id} (first used on line {first})",
        "{what} id {id}이(가) 겹칩니다 (처음 쓴 곳: {first}행)",
    ),
    "flex.both": ("give `min` or `flex`, not both", "`min`과 `flex` 중 하나만 쓰세요"),
    "flex.over": (
        "{key} {value} is more than the segment's length {length}",
        "{key} {value}이(가) 세그먼트 길이 {length}보다 깁니다",
    ),
    "trim.without_flex": (
        "trim_order needs `min` or `flex`: this segment cannot shrink",
        "trim_order에는 `min`이나 `flex`가 필요합니다. 이 세그먼트는 줄일 수 없습니다",
    ),
    "flex.open": (
        "an open-ended segment cannot have `min` or `flex`",
        "끝이 열린 세그먼트에는 `min`이나 `flex`를 쓸 수 없습니다",
    ),
    "hard_stop.before_end": (
        "the plan ends at {end}, after the hard stop {hard_stop}",
        "계획은 {end}에 끝나 종료 한계 {hard_stop}보다 늦습니다",
    ),
    "hard_stop.before_start": (
        "hard stop {hard_stop} is before the show starts ({start})",
        "종료 한계 {hard_stop}이(가) 행사 시작({start})보다 이릅니다",
    ),
    "custom.anchor": (
        "give exactly one of `at` (a clock time) or `segment` (relative to a segment)",
        "`at`(시각)과 `segment`(세그먼트 기준) 중 정확히 하나를 쓰세요",
    ),
    "custom.segment": ("no segment with id {got}", "id가 {got}인 세그먼트가 없습니다"),
    "custom.before_after": ("give `before` or `after`, not both", "`before`와 `after` 중 하나만 쓰세요"),
    "alerts.table": ("expected a table of alert rules", "알림 규칙의 표가 필요합니다"),
    "alerts.kind": (
        "unknown kind {got} (expected one of: {allowed})",
        "알 수 없는 종류 {got}입니다 (가능한 종류: {allowed})",
    ),
}


def render(code: str, params: Mapping[str, object], lang: str = "en") -> str:
    """The template for ``code`` in ``lang`` ("en" or "ko"), filled with ``params``."""
    en, ko = MESSAGES[code]
    template = ko if lang.startswith("ko") else en
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a param missing: still say something, in English
        return en.format_map(_Lenient(params))


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def wording(problem: Problem, lang: str = "en") -> str:
    """A problem's message in ``lang``; its English message when the code has no template."""
    if lang.startswith("en") or problem.code not in MESSAGES:
        return problem.message
    return render(problem.code, problem.params, lang)
