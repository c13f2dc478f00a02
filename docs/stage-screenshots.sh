#!/bin/bash
# Re-take the stage screenshots in docs/ from a real window under Xvfb.
# Needs: xvfb, xdotool, imagemagick (and Qt's xcb libraries). Usage: docs/stage-screenshots.sh
set -eu
cd "$(dirname "$0")/.."
shoot() {  # shoot SHOW_TIME OUT.png
    Xvfb :97 -screen 0 1920x1080x24 >/dev/null 2>&1 &
    local xvfb=$!
    sleep 1
    local cfg
    cfg=$(mktemp -d)  # keep the user's remembered stage screen and journal out of it
    DISPLAY=:97 XDG_CONFIG_HOME="$cfg" XDG_DATA_HOME="$cfg" RUNSHOW_FAKE_NOW="$1" \
        RUNSHOW_SCENARIO=tests/scenarios/two-minutes-late.toml .venv/bin/python main.py >/dev/null 2>&1 &
    local app=$!
    sleep 4
    local stage
    stage=$(DISPLAY=:97 xdotool search --name "runshow — 무대" | head -1)
    DISPLAY=:97 xdotool key --window "$stage" F11
    sleep 1
    # Only the stage: unmap the control room and its toasts (frameless, nameless windows).
    for w in $(DISPLAY=:97 xdotool search --onlyvisible --class "."); do
        [ "$w" != "$stage" ] && DISPLAY=:97 xdotool windowunmap "$w" || true
    done
    sleep 1
    DISPLAY=:97 import -window root "$2"
    kill "$app" "$xvfb"
    wait "$app" "$xvfb" 2>/dev/null || true
    rm -rf "$cfg"
}
shoot 2021-10-15T14:17:25+09:00 docs/stage.png           # 경북 presenting, two minutes late
shoot 2021-10-15T14:20:35+09:00 docs/stage-wrapup.png    # 1:25 left: amber
shoot 2021-10-15T14:22:04+09:00 docs/stage-overtime.png  # four seconds over: red
shoot 2021-10-15T13:20:05+09:00 docs/stage-preshow.png   # before the doors
