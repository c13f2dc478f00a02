"""The cache of validated plans: a hit gives the very plan a full load gives; anything doubtful is a miss.

An entry is used only for the same bytes, the same path and the same loader; a stale, damaged or
foreign entry falls back to the full load (and is replaced), never to a wrong plan; a schedule
with problems is never cached, so its problems are always the validator's own.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from runshow.plan import ScheduleError, load_plan
from runshow.plan import cache as plan_cache
from runshow.plan.cache import MAGIC, MAX_ENTRIES, cache_key, load_cached
from runshow.plan.model import Plan
from tests.conftest import SCHEDULE_2021


@pytest.fixture
def schedule(tmp_path: Path) -> Path:
    path = tmp_path / "show.toml"
    path.write_bytes(SCHEDULE_2021.read_bytes())
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def entries(store: Path) -> list[Path]:
    return sorted(store.glob("*.plan"))


def loaded_twice(schedule: Path, store: Path) -> Plan:
    first = load_cached(schedule, store)
    assert not first.hit
    first.save()
    second = load_cached(schedule, store)
    assert second.hit
    return second.plan


def test_a_miss_loads_in_full_and_a_hit_gives_the_same_plan(schedule: Path, store: Path) -> None:
    assert not store.exists()
    plan = loaded_twice(schedule, store)
    assert plan == load_plan(schedule)
    assert plan.source == str(schedule) and plan.digest == load_plan(schedule).digest
    assert len(entries(store)) == 1


def test_nothing_is_written_before_save(schedule: Path, store: Path) -> None:
    load_cached(schedule, store)
    assert not store.exists() or not entries(store)
    assert not load_cached(schedule, store).hit


def test_a_hit_does_not_validate(schedule: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_cached(schedule, store).save()
    calls: list[bytes] = []
    got = load_cached(schedule, store, load=lambda raw, source: calls.append(raw) or load_plan(schedule))
    assert got.hit and calls == []


def test_changed_bytes_are_a_miss_and_give_the_new_plan(schedule: Path, store: Path) -> None:
    load_cached(schedule, store).save()
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text.replace('title = "축사"', 'title = "축사 (변경)"', 1), encoding="utf-8")
    got = load_cached(schedule, store)
    assert not got.hit
    assert any(s.title == "축사 (변경)" for s in got.plan.segments)
    got.save()
    assert load_cached(schedule, store).plan == got.plan


def test_the_same_bytes_under_another_path_are_a_miss(schedule: Path, store: Path, tmp_path: Path) -> None:
    load_cached(schedule, store).save()
    other = tmp_path / "copy.toml"
    other.write_bytes(schedule.read_bytes())
    got = load_cached(other, store)
    assert not got.hit and got.plan.source == str(other)  # problems and the journal name this path


def test_another_loader_is_a_miss(schedule: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_cached(schedule, store).save()
    monkeypatch.setattr(plan_cache, "loader_fingerprint", lambda: "a newer runshow")
    assert not load_cached(schedule, store).hit


def test_the_fingerprint_covers_the_version_and_the_loader_source(monkeypatch: pytest.MonkeyPatch) -> None:
    import runshow

    before = plan_cache.loader_fingerprint()
    plan_cache.loader_fingerprint.cache_clear()
    monkeypatch.setattr(runshow, "__version__", "99.0")
    try:
        assert plan_cache.loader_fingerprint() != before
    finally:
        plan_cache.loader_fingerprint.cache_clear()
    monkeypatch.undo()
    real = Path.read_bytes

    def edited(path: Path) -> bytes:
        data = real(path)
        return data + b"# edited\n" if path.name == "validate.py" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    try:
        assert plan_cache.loader_fingerprint() != before
    finally:
        plan_cache.loader_fingerprint.cache_clear()


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",  # emptied
        lambda blob: blob[: len(blob) // 2],  # cut short
        lambda blob: b"not a cache" + blob,  # another file under the name
        lambda blob: MAGIC + b"\x80\x05garbage",  # an unreadable pickle
        lambda blob: MAGIC + pickle.dumps(["a list"]),  # the wrong kind of thing
        lambda blob: MAGIC + pickle.dumps({"key": "another key", "plan": None}),
    ],
)
def test_a_damaged_entry_is_a_miss_and_is_replaced(schedule: Path, store: Path, damage) -> None:
    load_cached(schedule, store).save()
    (entry,) = entries(store)
    entry.write_bytes(damage(entry.read_bytes()))
    got = load_cached(schedule, store)
    assert not got.hit
    assert got.plan == load_plan(schedule)
    got.save()
    assert load_cached(schedule, store).hit


def test_an_entry_whose_plan_names_other_bytes_is_a_miss(schedule: Path, store: Path, tmp_path: Path) -> None:
    """Even under the right key, a plan made from other bytes is never used (a hand-made collision)."""
    other = tmp_path / "other.toml"
    other.write_text(
        SCHEDULE_2021.read_text(encoding="utf-8").replace('title = "축사"', 'title = "다른 행사"', 1), encoding="utf-8"
    )
    wrong = load_plan(other)
    key = cache_key(schedule.read_bytes(), str(schedule))
    store.mkdir()
    (store / f"{key}.plan").write_bytes(MAGIC + pickle.dumps({"key": key, "plan": wrong}))
    got = load_cached(schedule, store)
    assert not got.hit
    assert got.plan == load_plan(schedule) != wrong


def test_a_schedule_with_problems_is_never_cached(tmp_path: Path, store: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(SCHEDULE_2021.read_text(encoding="utf-8").replace('kind = "break"', 'kind = "brake"', 1))
    with pytest.raises(ScheduleError) as full:
        load_plan(bad)
    for _ in range(2):
        with pytest.raises(ScheduleError) as cached:
            load_cached(bad, store)
        assert [str(p) for p in cached.value.problems] == [str(p) for p in full.value.problems]
    assert not store.exists() or not entries(store)


def test_a_missing_file_is_the_loaders_problem(tmp_path: Path, store: Path) -> None:
    with pytest.raises(ScheduleError) as cached:
        load_cached(tmp_path / "nope.toml", store)
    with pytest.raises(ScheduleError) as full:
        load_plan(tmp_path / "nope.toml")
    assert [str(p) for p in cached.value.problems] == [str(p) for p in full.value.problems]


def test_an_unwritable_cache_only_costs_time(schedule: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    got = load_cached(schedule, blocked / "plans")
    got.save()  # logged, never raised
    assert not load_cached(schedule, blocked / "plans").hit


def test_save_writes_once(schedule: Path, store: Path) -> None:
    got = load_cached(schedule, store)
    got.save()
    (entry,) = entries(store)
    entry.unlink()
    got.save()
    assert entries(store) == []


def test_at_most_max_entries_are_kept_the_oldest_go(tmp_path: Path, store: Path) -> None:
    text = SCHEDULE_2021.read_text(encoding="utf-8")
    paths = []
    seen: set[Path] = set()
    base = 1_600_000_000  # file times set by hand (the kernel's may tie within a few ms), all in the past
    for i in range(MAX_ENTRIES + 3):
        path = tmp_path / f"show-{i}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        load_cached(path, store).save()
        (new,) = set(entries(store)) - seen
        os.utime(new, (base + i, base + i))
        seen = set(entries(store))
    assert len(entries(store)) == MAX_ENTRIES
    assert load_cached(paths[-1], store).hit
    assert not load_cached(paths[0], store).hit


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(plan_cache.CACHE_DIR_ENV, str(tmp_path))
    assert plan_cache.default_cache_dir() == tmp_path / "plans"
    monkeypatch.delenv(plan_cache.CACHE_DIR_ENV)
    assert plan_cache.default_cache_dir().name == "plans"


def test_every_plan_class_comes_back_from_a_pickle_equal_and_frozen() -> None:
    import copy
    import dataclasses

    from runshow.plan import model

    plan = load_plan(SCHEDULE_2021)
    samples = [
        plan,
        plan.event,
        plan.parts[0],
        plan.segments[0],
        plan.segments[0].alerts,
        next(sp for s in plan.segments for sp in s.speakers),
        model.Gap("a", "b", plan.start, plan.end),
        model.CustomAlert("c", "text", segment_id=plan.segments[0].id),
    ]
    for obj in samples:
        back = pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(back) is type(obj) and back == obj
        assert [getattr(back, f.name) for f in dataclasses.fields(obj)] == [
            getattr(obj, f.name) for f in dataclasses.fields(obj)
        ]
        assert copy.deepcopy(obj) == obj
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(back, dataclasses.fields(obj)[0].name, None)
