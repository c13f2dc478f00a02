"""Bad input, fuzzed: never a 5xx, never anything journaled; and the token file's rules."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runshow.live.actions import Action, ActionKind
from runshow.live.clock import ManualClock
from runshow.remote.control import SPECS, BadInputError, UnknownActionError, parse_intent
from runshow.remote.token import load_or_create_token, regenerate_token, token_matches, token_path
from tests.remote.control_rig import TOKEN, drive, make_rig

AT = datetime(2021, 10, 15, 14, 0, tzinfo=UTC)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
bodies = st.dictionaries(
    st.sampled_from(["minutes", "seconds", "segment", "text", "on", "x", ""]) | st.text(max_size=6),
    json_values,
    max_size=3,
)
names = st.sampled_from(sorted(SPECS)) | st.text(max_size=12)


@settings(max_examples=300, deadline=None)
@given(name=names, body=st.none() | bodies)
def test_parse_intent_only_raises_its_own_errors(name: str, body: dict[str, Any] | None) -> None:
    try:
        intent = parse_intent(name, body)
    except (BadInputError, UnknownActionError):
        return
    assert intent.name == name and name in SPECS
    action = Action(intent.kind, AT, **{k: v for k, v in intent.fields.items() if v is not None})
    assert Action.from_json(action.to_json()) == action  # whatever passes is journal-stable


@pytest.mark.gui
def test_fuzzed_requests_never_5xx_and_journal_nothing_bad(qapp, plan_2021, at, tmp_path, qtbot) -> None:
    """Before the show starts, every action a fuzzed request could reach is refused or rejected."""
    rig = make_rig(plan_2021, ManualClock(at(12, 0)), tmp_path)
    samples: list[tuple[str, bytes, str]] = []

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(
        name=st.sampled_from(["next", "previous", "pause", "resume", "undo", "redo", "goto", "adjust"])
        | st.text(alphabet=st.characters(codec="ascii", categories=["L", "N"]), max_size=10),
        raw=st.one_of(
            bodies.map(lambda b: json.dumps(b).encode()),
            json_values.map(lambda v: json.dumps(v).encode()),
            st.binary(max_size=40),
        ),
        token=st.sampled_from([TOKEN, "", "wrong", TOKEN + "x"]),
    )
    def collect(name: str, raw: bytes, token: str) -> None:
        samples.append((name, raw, token))

    collect()

    async def client(s: aiohttp.ClientSession) -> list[int]:
        out = []
        for name, raw, token in samples:  # bounded: one request per sample
            headers = {"Content-Type": "application/json"}
            if token:
                headers["Authorization"] = f"Bearer {token}"
            async with s.post(f"{rig.base}/api/v1/actions/{name}", data=raw, headers=headers) as r:
                body = await r.json(content_type=None)
                assert isinstance(body, dict) and "error" in body, (name, raw, body)
                out.append(r.status)
        return out

    try:
        statuses = drive(qtbot, client, timeout_ms=60000)
        assert all(400 <= code < 500 for code in statuses), statuses
        assert rig.journaled() == []
    finally:
        rig.stop()


def test_token_is_made_once_with_owner_only_permissions(tmp_path) -> None:
    first = load_or_create_token(tmp_path)
    path = token_path(tmp_path)
    assert len(first) >= 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_token(tmp_path) == first
    second = regenerate_token(tmp_path)
    assert second != first and load_or_create_token(tmp_path) == second
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_token_file_too_open_is_narrowed_and_empty_is_replaced(tmp_path) -> None:
    path = token_path(tmp_path)
    path.write_text("abc\n")
    os.chmod(path, 0o644)
    assert load_or_create_token(tmp_path) == "abc"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text("")
    assert load_or_create_token(tmp_path) not in ("", "abc")


def test_token_follows_the_data_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("RUNSHOW_DATA_DIR", str(tmp_path / "data"))
    token = load_or_create_token()
    assert (tmp_path / "data" / "remote-token").read_text().strip() == token


def test_token_comparison() -> None:
    assert token_matches("abc", "abc")
    assert not token_matches("abd", "abc") and not token_matches(None, "abc") and not token_matches("", "")
    assert not token_matches("한국", "abc")


def test_source_is_journal_stable_and_old_records_still_load() -> None:
    at = AT
    action = Action(ActionKind.NEXT, at, source="osc 10.0.0.7:53000")
    assert action.to_json()["source"] == "osc 10.0.0.7:53000"
    assert Action.from_json(action.to_json()) == action
    assert "source" not in Action(ActionKind.NEXT, at).to_json()
    assert Action.from_json({"kind": "next", "at": at.isoformat()}).source is None
    with pytest.raises(TypeError):
        Action.from_json({"kind": "next", "at": at.isoformat(), "source": 3})
