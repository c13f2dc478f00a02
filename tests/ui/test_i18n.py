"""Every user-facing string of the Qt layer has a Korean translation, and every .qm is current.

Korean is the default language: a string missing from the .ts files shows up in
English on the MC's screen or the control room, so the whole UI is checked at
once against a fresh ``lupdate`` of the sources.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from runshow.resources import i18n_dir

ROOT = Path(__file__).resolve().parents[2]
I18N = i18n_dir()
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(BIN)) or shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"pyside6-{name} not found (it ships with PySide6-Essentials)")
    return found


def messages(ts: Path, finished_only: bool) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            if finished_only and (
                translation is None or translation.get("type") == "unfinished" or not (translation.text or "")
            ):
                continue
            out.add((name, message.findtext("source") or ""))
    return out


def test_every_ui_string_has_a_korean_translation(tmp_path):
    sources = sorted(str(p) for p in (ROOT / "runshow").rglob("*.py"))
    fresh = tmp_path / "all_ko.ts"
    subprocess.run([tool("lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = messages(fresh, finished_only=False)
    translated: set[tuple[str, str]] = set()
    for ts in I18N.glob("*_ko.ts"):
        translated |= messages(ts, finished_only=True)
    missing = sorted(wanted - translated)
    assert wanted, "lupdate found no strings: the check itself is broken"
    assert not missing, f"{len(missing)} UI string(s) without Korean: {missing[:10]}"


@pytest.mark.parametrize("ts", sorted(I18N.glob("*_ko.ts")), ids=lambda p: p.name)
def test_each_qm_is_compiled_from_its_ts(ts, tmp_path):
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} missing: run pyside6-lrelease {ts.name}"
    built = tmp_path / qm.name
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run pyside6-lrelease {ts.name}"
