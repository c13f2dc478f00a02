#!/bin/bash
# Re-take docs/rehearsal.png: the real app under Xvfb, opened on a day that is not the event's (so in
# rehearsal mode), Space pressed seven times (start, then next to 경북), the control room's screen cropped.
# Needs: xvfb, xdotool, imagemagick (and Qt's xcb libraries). Usage: docs/rehearsal-screenshot.sh
set -eu
cd "$(dirname "$0")/.."
Xvfb :95 -screen 0 3840x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
cfg=$(mktemp -d)  # keep the user's settings, journal and cache out of it
DISPLAY=:95 XDG_CONFIG_HOME="$cfg" XDG_DATA_HOME="$cfg" XDG_CACHE_HOME="$cfg" .venv/bin/python main.py >/dev/null 2>&1 &
app=$!
sleep 6
DISPLAY=:95 xdotool mousemove 300 70 click 1  # the header strip: focus without selecting a row
sleep 0.5
for _ in 1 2 3 4 5 6 7; do
    DISPLAY=:95 xdotool key space
    sleep 0.7
done
sleep 3
whole=$(mktemp --suffix .png)
DISPLAY=:95 import -window root "$whole"
convert "$whole" -crop 1920x1080+0+0 +repage docs/rehearsal.png
kill "$app" "$xvfb"
wait "$app" "$xvfb" 2>/dev/null || true
rm -rf "$cfg" "$whole"
echo docs/rehearsal.png
