"""Every view in a real headless Chromium, its DOM checked at a fixed show time.

Snapshots here are frozen (rate 0) unless a test is about time moving, so what a
page shows is exactly the state at that instant. Waits are bounded (playwright's
timeouts); nothing asserts how fast something happened (the bench measures that).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from runshow.live.actions import Action, ActionKind
from runshow.live.clock import SystemClock
from runshow.remote import content
from runshow.remote.content import Feeds, epoch_ms, snapshot
from runshow.remote.server import RemoteServer
from tests.remote.conftest import WORDS, base_url, blackout, message, snap

WAIT = 5000  # ms: every wait for the page is bounded

WHITE, AMBER, RED = "rgb(255, 255, 255)", "rgb(255, 196, 0)", "rgb(255, 59, 48)"


def load(page, srv: RemoteServer, view: str, query: str = "") -> None:
    page.goto(f"{base_url(srv)}/{view}{query}")
    page.wait_for_function("window.RS && RS.synced && RS.connected && RS.payload", timeout=WAIT)


def publish(page, srv: RemoteServer, snapshot) -> None:
    srv.publish(snapshot)
    page.wait_for_function(f"RS.payload && RS.payload.seq === {snapshot.seq}", timeout=WAIT)


def text(page, selector: str) -> str:
    return page.inner_text(selector).strip()


def colour(page, selector: str, prop: str = "color") -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}")


def seconds_of(shown: str) -> int:
    sign = -1 if shown.startswith("\u2212") else 1
    parts = [int(x) for x in shown.lstrip("\u2212").split(":")]
    total = 0
    for p in parts:
        total = total * 60 + p
    return sign * total


def test_stage_at_14_12_shows_what_the_stage_window_shows(page, server, show_at) -> None:
    server.publish(snap(show_at(14, 12)))
    load(page, server, "stage")
    assert text(page, "#title") == "시·도별 혁신계획 발표(’20년 선정 5개 시·도)"
    assert text(page, "#presenter") == "경북 · 경상북도"
    assert text(page, "#header") == "1부 세션Ⅰ_산업단지 대개조 동향"
    chips = page.eval_on_selector_all("#strip li.chip", "els => els.map(e => [e.dataset.role, e.innerText.trim()])")
    assert [c[0] for c in chips] == ["done", "now", "next", "later", "later"]
    assert chips[1][1].replace("\n", " ") in ("지금 경북", "지금경북")
    assert chips[2][1].replace("\n", " ") in ("다음 인천", "다음인천")
    assert text(page, "#countdown") == "10:00"
    assert text(page, "#caption") == "남은 시간"
    assert text(page, "#clock") == "14:12:00"
    assert text(page, "#next-label") == "다음 순서: 휴식"
    assert text(page, "#next-countdown") == "40:00 후"
    assert text(page, "#drift") == "+2:00 늦음"
    assert colour(page, "#countdown") == WHITE
    assert colour(page, "#drift") == "rgb(255, 179, 71)"  # LATE
    assert colour(page, "body", "backgroundColor") == "rgb(0, 0, 0)"
    assert page.evaluate("document.fonts.check('700 20px Pretendard')")
    assert not page.is_visible("#offline")


@pytest.mark.parametrize(
    ("when", "digits", "level", "rgb", "caption"),
    [
        ((14, 20, 0), "02:00", "warning", AMBER, "남은 시간"),
        ((14, 21, 30), "00:30", "danger", RED, "남은 시간"),
        ((14, 22, 0, 500_000), "00:00", "danger", RED, "남은 시간"),
        ((14, 22, 1), "\u221200:01", "overtime", WHITE, "시간 초과"),  # blink off: white on a red field
        ((14, 22, 2), "\u221200:02", "overtime", RED, "시간 초과"),
    ],
)
def test_stage_colours_at_the_thresholds(page, server, show_at, when, digits, level, rgb, caption) -> None:
    server.publish(snap(show_at(*when)))
    load(page, server, "stage")
    assert text(page, "#countdown") == digits
    assert page.eval_on_selector("body", "b => b.dataset.level") == level
    assert colour(page, "#countdown") == rgb
    assert text(page, "#caption") == caption
    if digits == "\u221200:01":
        assert colour(page, "#countdown", "backgroundColor") == RED


def test_stage_message_then_blackout(page, server, show_at, at) -> None:
    server.publish(snap(show_at(14, 12, extra=(message(at(14, 12), "1분 남았습니다"),))))
    load(page, server, "stage")
    assert text(page, "#message") == "1분 남았습니다"
    assert colour(page, "#message", "backgroundColor") == "rgb(255, 225, 77)"
    assert not page.is_visible("#title")
    publish(page, server, snap(show_at(14, 12, extra=(blackout(at(14, 12)),)), seq=2))
    assert page.is_visible("#blackout")
    assert colour(page, "#blackout", "backgroundColor") == "rgb(0, 0, 0)"
    # nothing but black: no text is visible above the cover
    assert page.evaluate("document.elementFromPoint(640, 360).id") == "blackout"


def test_stage_in_english_and_paused(page, server, show_at, at) -> None:
    server.publish(snap(show_at(14, 15, extra=(Action(ActionKind.PAUSE, at(14, 14)),))))
    load(page, server, "stage", "?lang=en")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert text(page, "#caption") == "Paused"
    assert text(page, "#countdown") == "08:00"
    assert text(page, "#next-label") == "Next: 휴식"
    assert text(page, "#drift") == "+3:00 late"


def test_backstage_speaker_order_and_stand_by(page, server, show_at) -> None:
    server.publish(snap(show_at(14, 12)))
    load(page, server, "backstage")
    segments = page.eval_on_selector_all("#segments section", "els => els.map(e => e.dataset.role)")
    assert segments == ["current", "next"]
    rows = page.eval_on_selector_all(
        "section.current li.speaker", "els => els.map(e => [e.dataset.role, e.querySelector('.name').innerText])"
    )
    assert rows == [["done", "전남"], ["now", "경북"], ["next", "인천"], ["later", "광주"], ["later", "대구"]]
    assert text(page, "section.current li.speaker.now .tag") == "지금"
    assert text(page, "section.current li.speaker.next .tag") == "다음"
    assert text(page, "section.current li.speaker.next .standby") == "14:20 대기"
    assert text(page, "section.next .standby") == "14:50 대기"
    assert text(page, "#countdown") == "10:00"


def test_lobby_public_countdown(page, server, show_at) -> None:
    server.publish(snap(show_at(13, 25)))
    load(page, server, "lobby")
    assert text(page, "#label") == "행사 시작까지"
    assert text(page, "#title") == "개회 선언·국민의례·내빈소개"
    assert text(page, "#countdown") == "05:00"
    body = text(page, "body")
    assert "사회자" not in body and "늦음" not in body  # no owners, no drift


def test_overlay_is_transparent_with_title_and_countdown(page, server, show_at) -> None:
    server.publish(snap(show_at(14, 12)))
    load(page, server, "overlay")
    assert colour(page, "body", "backgroundColor") == "rgba(0, 0, 0, 0)"
    assert colour(page, "html", "backgroundColor") == "rgba(0, 0, 0, 0)"
    assert text(page, "#title").startswith("시·도별")
    assert text(page, "#countdown") == "10:00"


def test_clock_time_of_day_on_air_and_drift(page, server, show_at) -> None:
    server.publish(snap(show_at(14, 12, 7)))
    load(page, server, "clock")
    assert text(page, "#clock") == "14:12:07"
    assert text(page, "#on-air") == "진행 중"
    assert text(page, "#drift") == "+2:00 늦음"


def test_rundown_follows_the_current_row(page, server, show_at) -> None:
    server.publish(snap(show_at(14, 12)))
    load(page, server, "rundown")
    current = page.eval_on_selector("#rows tr.current", "e => [e.querySelector('.title').innerText, e.innerText]")
    assert current[0] == "경북"
    assert "14:12:00" in current[1] and "+2:00" in current[1]
    assert page.eval_on_selector(
        "#rows tr.current", "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
    )


def last_row(page) -> list[str]:
    return page.eval_on_selector(
        "#rows tr:last-child", "e => [e.querySelector('.actual').innerText, e.querySelector('.delta').innerText]"
    )


def fresh_last_row(state) -> list[str]:
    """The last row as Python words it at the state's instant (built afresh: rows.py's reference)."""
    row = content.rundown(state, WORDS["ko"])["rows"][-1]
    row = row["speakers"][-1] if row["speakers"] else row
    return [" – ".join(x for x in (row["start"], row["end"]) if x), row["delta"]]


def test_rundown_follows_deltas_and_a_reconnect_gets_the_whole_list(page, show_at, at) -> None:
    feeds = Feeds(WORDS)  # as a session: each snapshot after the first carries only what changed

    def make(state, seq: int):
        return snapshot(state, WORDS, seq=seq, wall_ms=epoch_ms(state.at), rate=0.0, feeds=feeds)

    srv = RemoteServer(port=0)
    srv.start()
    port = srv.port
    try:
        srv.publish(make(show_at(14, 12), 1))
        load(page, srv, "rundown")
        assert last_row(page) == fresh_last_row(show_at(14, 12))
        assert last_row(page)[1] == "≈+2′"  # 폐회, ≈16:27 against 16:25: two minutes late like the show
        page.evaluate("document.querySelector('#rows tr:last-child').dataset.mark = 'kept'")
        rev = page.evaluate("RS.lists.rundown.rev")
        adjusted = show_at(14, 12, 30, extra=(Action(ActionKind.ADJUST, at(14, 12, 30), seconds=60),))
        publish(page, srv, make(adjusted, 2))
        # a minute granted to 경북: the last row's projection and Δ move (the page computes them), and
        # the row itself was not sent again (its element is the same one)
        page.wait_for_function(
            "document.querySelector('#rows tr:last-child .delta').innerText === '≈+3′'", timeout=WAIT
        )
        assert last_row(page) == fresh_last_row(adjusted) != fresh_last_row(show_at(14, 12, 30))
        assert page.evaluate("document.querySelector('#rows tr:last-child').dataset.mark") == "kept"
        assert page.evaluate(f"[RS.lists.rundown.rev !== {rev}, RS.resyncs]") == [True, 0]
        current = page.eval_on_selector("#rows tr.current", "e => e.innerText")
        assert "11′" in current  # 경북's row came as the delta: its length with the grant
        # a page that lost track of the list (a revision it cannot apply a delta to) asks for it whole
        page.evaluate("RS.lists.rundown.rev = -1")
        granted = show_at(14, 13, extra=(Action(ActionKind.ADJUST, at(14, 12, 30), seconds=120),))
        srv.publish(make(granted, 3))
        page.wait_for_function("RS.resyncs === 1 && RS.lists.rundown.rev > 0", timeout=WAIT)
        page.wait_for_function(
            "document.querySelector('#rows tr:last-child .delta').innerText === '≈+4′'", timeout=WAIT
        )
        assert last_row(page) == fresh_last_row(granted)
        adjusted = granted
        srv.stop()
        page.wait_for_function("document.body.classList.contains('offline')", timeout=WAIT)
        srv = RemoteServer(port=port)
        srv.publish(make(adjusted, 4))
        srv.start()
        page.wait_for_function("RS.connected && RS.synced && RS.payload && RS.payload.seq === 4", timeout=WAIT)
        # a new socket: the whole list again (a fresh element), the same rows
        page.wait_for_function("!document.querySelector('#rows tr:last-child').dataset.mark", timeout=WAIT)
        assert last_row(page) == fresh_last_row(adjusted)
        assert page.eval_on_selector_all("#rows tr", "trs => trs.length") == 12 + 7  # segments and speakers
    finally:
        srv.stop()


def test_rundown_projection_moves_with_time_over_time_without_a_message(page, server, show_at) -> None:
    """The cue on now counts its delta by the second, on the page's own clock; later rows show
    theirs to the minute of their ≈ end."""
    wall = SystemClock()
    server.publish(snap(show_at(14, 22, 5), wall_ms=epoch_ms(wall.now()), rate=1.0))  # 경북 5 s over
    load(page, server, "rundown")
    live = "#rows tr.current .delta"
    before = page.inner_text(live)
    assert before.startswith("+") and 125 <= seconds_of(before.lstrip("+")) <= 127
    page.wait_for_function(f"document.querySelector('{live}').innerText !== '{before}'", timeout=WAIT)
    assert seconds_of(page.inner_text(live).lstrip("+")) == seconds_of(before.lstrip("+")) + 1
    assert last_row(page)[1] == "≈+2′"  # 폐회: ≈16:27 against 16:25
    assert page.evaluate("RS.payload.seq") == 1  # no new message: the page moved it


def test_rundown_of_all_rooms_shows_every_room_and_follows_the_running_one(page, server) -> None:
    from tests.remote.test_rooms import kam_at

    server.publish(snap(kam_at(2, 10, 0)))
    load(page, server, "rundown", "?rooms=all&lang=en")
    heads = page.eval_on_selector_all("#head th", "ths => ths.map(t => t.innerText)")
    assert heads == ["Room", "Planned", "Segment", "Owner"]
    assert page.eval_on_selector("#rows tr.current", "e => e.innerText").split("\t")[:3] == [
        "All rooms",
        "D2 09:55–D2 10:45",
        "Keynote Address",
    ]
    rooms = page.eval_on_selector_all("#rows tr", "trs => [...new Set(trs.map(t => t.dataset.room))]")
    assert {"Workshop room 1", "Workshop room 2", "All rooms"} <= set(rooms)
    assert page.eval_on_selector(
        "#rows tr.current", "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
    )


# ── time: the server's clock, the reference instant, the true boundary ─────
class ShiftedClock:
    """The server's wall clock an hour ahead of this machine's: the page must learn the offset."""

    rate = 1.0

    def __init__(self, shift: timedelta) -> None:
        self._system = SystemClock()
        self._shift = shift

    def now(self):
        return self._system.now() + self._shift

    def subscribe(self, listener):
        return lambda: None


def test_the_page_uses_the_servers_clock_not_its_own(page, show_at) -> None:
    wall = ShiftedClock(timedelta(hours=1))
    srv = RemoteServer(port=0, wall=wall)
    srv.start()
    try:
        srv.publish(snap(show_at(14, 12), wall_ms=epoch_ms(wall.now()), rate=1.0))
        load(page, srv, "stage")
        offset = page.evaluate("RS.offset")
        assert offset == pytest.approx(3_600_000, abs=100)
        # counting from its own clock the page would show 1:10:00 (the hour as remaining time)
        assert 590 <= seconds_of(text(page, "#countdown")) <= 600
    finally:
        srv.stop()


def test_the_page_counts_from_the_reference_instant_not_from_arrival(page, server, show_at) -> None:
    wall = SystemClock()
    # the state was taken ten seconds ago (as far as the server's clock goes) and time moves at 1×
    server.publish(snap(show_at(14, 12), wall_ms=epoch_ms(wall.now()) - 10_000, rate=1.0))
    load(page, server, "stage")
    assert 585 <= seconds_of(text(page, "#countdown")) <= 590  # from arrival it would read 10:00
    before = text(page, "#countdown")
    page.wait_for_function(f"document.getElementById('countdown').innerText.trim() !== '{before}'", timeout=WAIT)
    assert seconds_of(text(page, "#countdown")) == seconds_of(before) - 1  # the next second, not a skip


def test_server_gone_is_said_at_once_and_the_page_comes_back(page, show_at) -> None:
    srv = RemoteServer(port=0)
    srv.start()
    port = srv.port
    srv.publish(snap(show_at(14, 12)))
    load(page, srv, "stage")
    assert text(page, "#countdown") == "10:00"
    srv.stop()
    page.wait_for_function("document.body.classList.contains('offline')", timeout=WAIT)
    assert text(page, "#countdown") == "--:--"  # never a stale countdown shown as live
    assert text(page, "#offline").startswith("연결 끊김")
    back = RemoteServer(port=port)
    back.start()
    try:
        back.publish(snap(show_at(14, 13), seq=1))
        page.wait_for_function(
            "RS.connected && RS.synced && !document.body.classList.contains('offline')", timeout=WAIT
        )
        page.wait_for_function("document.getElementById('countdown').innerText.trim() === '09:00'", timeout=WAIT)
        assert not page.is_visible("#offline")
    finally:
        back.stop()


@pytest.mark.parametrize("view", ["stage", "backstage", "lobby", "overlay", "clock", "rundown"])
def test_every_view_loads_offline_only_from_this_server(page, server, show_at, view) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    server.publish(snap(show_at(14, 12)))
    load(page, server, view)
    page.wait_for_load_state("load")
    others = [u for u in requested if not u.startswith(base_url(server)) and not u.startswith("ws://127.0.0.1")]
    assert others == []
    # readable on a phone: nothing wider than the screen
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
