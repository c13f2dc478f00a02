#!/bin/bash
# Re-take the screenshots of the second example (KAM 2025, day 2, a real gap) under Xvfb.
# Needs: xvfb, xdotool, imagemagick. Usage: docs/format-screenshots.sh
set -eu
cd "$(dirname "$0")/.."
SCHEDULE=schedules/2025-kam-annual-conference.toml
shoot() {  # shoot SHOW_TIME WHICH(stage|operator) OUT.png
    Xvfb :93 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    local xvfb=$!
    sleep 1
    local cfg
    cfg=$(mktemp -d)
    DISPLAY=:93 XDG_CONFIG_HOME="$cfg" XDG_DATA_HOME="$cfg" RUNSHOW_FAKE_NOW="$1" \
        RUNSHOW_SCENARIO=tests/scenarios/kam-day2-gap.toml .venv/bin/python main.py "$SCHEDULE" >/dev/null 2>&1 &
    local app=$!
    sleep 5
    local stage keep
    stage=$(DISPLAY=:93 xdotool search --name "runshow — 무대" | head -1)
    if [ "$2" = stage ]; then
        DISPLAY=:93 xdotool key --window "$stage" F11
        keep=$stage
    else
        keep=$(DISPLAY=:93 xdotool search --name "runshow — 진행" | head -1)
    fi
    sleep 1
    for w in $(DISPLAY=:93 xdotool search --onlyvisible --class "."); do
        [ "$w" != "$keep" ] && DISPLAY=:93 xdotool windowunmap "$w" || true
    done
    sleep 1
    DISPLAY=:93 import -window root "$3"
    kill "$app" "$xvfb"
    wait "$app" "$xvfb" 2>/dev/null || true
    rm -rf "$cfg"
}
shoot 2025-10-29T17:20:00-05:00 stage docs/stage-gap.png        # nothing scheduled: 40:00 to 18:00
shoot 2025-10-29T17:20:00-05:00 operator docs/operator-kam.png  # the control room, room 1's track
