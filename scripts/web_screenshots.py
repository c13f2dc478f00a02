"""Re-take the web views' screenshots in docs/: every view at 14:12 of the two-minutes-late 2021 show.

Usage: ``.venv/bin/python scripts/web_screenshots.py`` (needs Debian's ``chromium`` and playwright).
The server runs on a free port of 127.0.0.1; the snapshot is frozen at the instant (rate 0).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from runshow.live.scenario import load_scenario  # noqa: E402
from runshow.live.show import Show  # noqa: E402
from runshow.live.state import state_at  # noqa: E402
from runshow.plan import load_plan  # noqa: E402
from runshow.remote.content import snapshot  # noqa: E402
from runshow.remote.server import RemoteServer  # noqa: E402
from runshow.remote.words import translators  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SHOTS = [  # (file, view, viewport, instant)
    ("web-stage.png", "stage", (1280, 720), (14, 12, 0)),
    ("web-stage-warning.png", "stage", (1280, 720), (14, 20, 30)),
    ("web-backstage.png", "backstage", (1280, 720), (14, 12, 0)),
    ("web-backstage-phone.png", "backstage", (390, 844), (14, 12, 0)),
    ("web-lobby.png", "lobby", (1280, 720), (14, 12, 0)),
    ("web-overlay.png", "overlay", (1280, 720), (14, 12, 0)),
    ("web-clock.png", "clock", (1280, 720), (14, 12, 7)),
    ("web-rundown.png", "rundown", (1280, 720), (14, 12, 0)),
]


def main() -> int:
    plan = load_plan(ROOT / "schedules" / "2021-industrial-complex-conference.toml")
    scenario = load_scenario(ROOT / "tests" / "scenarios" / "two-minutes-late.toml", plan)
    words = translators()
    srv = RemoteServer(port=0)
    srv.start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for seq, (name, view, (w, h), (hh, mm, ss)) in enumerate(SHOTS, start=1):
                now = datetime(2021, 10, 15, hh, mm, ss, tzinfo=plan.event.timezone)
                show = Show(plan, [a for a in scenario.actions if a.at <= now])
                srv.publish(snapshot(state_at(show, now), words, seq=seq, wall_ms=now.timestamp() * 1000, rate=0.0))
                page = browser.new_page(viewport={"width": w, "height": h}, bypass_csp=True)
                page.goto(f"http://127.0.0.1:{srv.port}/{view}")
                page.wait_for_function(f"window.RS && RS.synced && RS.payload && RS.payload.seq === {seq}")
                page.evaluate("document.fonts.ready")
                page.screenshot(path=str(ROOT / "docs" / name), omit_background=view == "overlay")
                page.close()
                print("docs/" + name)
            browser.close()
    finally:
        srv.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
