#!/bin/sh
# make screenshots-windows: runs the real dist/windows/inreach.exe under
# wine64 and Xvfb on a new demo vault, and captures the unlock screen and
# Today (after typing the passphrase, as a user would) into
# docs/screenshots/windows-*.png, for comparison with the Linux ones
# (1-unlock.png, 2-today.png). The pictures are the X server's picture of
# the window: what a user would see (with no window manager, so no frame).
set -eu
cd "$(dirname "$0")/.."
. scripts/wine-env.sh
root=$(pwd)
exe="$root/dist/windows/inreach.exe"
OUT=${SCREENSHOT_DIR:-docs/screenshots}
wine_prepare "$root/build/windows/bcryptprimitives.dll"
T="$root/build/windows/shots"
rm -rf "$T"
mkdir -p "$T" "$OUT"
PASS="screenshot demo passphrase"
XVFB=""
GUI=""
trap '[ -n "$GUI" ] && kill $GUI 2>/dev/null; [ -n "$XVFB" ] && kill $XVFB 2>/dev/null; true' EXIT INT TERM

INREACH_PASSPHRASE="$PASS" "$WINE64" "$exe" demo --vault "$T/demo.vault" --scale small --seed 7 --end today >/dev/null

DISP=:${SCREENSHOT_DISPLAY:-96}
Xvfb "$DISP" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 2
export DISPLAY="$DISP"
INREACH_VAULT="$(wine_path "$T/demo.vault")" LANG=en_GB.UTF-8 "$WINE64" "$exe" >"$T/app.log" 2>&1 &
GUI=$!
tries=0
until win=$(xdotool search --name '^Inreach' 2>/dev/null | head -1) && [ -n "$win" ]; do
	tries=$((tries + 1))
	[ $tries -lt 120 ] || { cat "$T/app.log"; echo "the app never opened a window" >&2; exit 1; }
	sleep 1
done
sleep ${SHOT_SETTLE:-6}
import -window "$win" "$OUT/windows-unlock.png"
xdotool type --delay 30 "$PASS"
xdotool key Return
sleep ${SHOT_UNLOCK:-15}
import -window "$win" "$OUT/windows-today.png"
kill "$GUI" 2>/dev/null || true
kill "$XVFB" 2>/dev/null || true
GUI=""
XVFB=""
echo "Screenshots written to $OUT:"
ls -l "$OUT"/windows-*.png
exit 0
