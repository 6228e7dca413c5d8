#!/bin/sh
# make screenshots: runs the real app under Xvfb on a new demo vault and
# writes PNGs of its main screens to docs/screenshots/.
set -eu
cd "$(dirname "$0")/.."
OUT=${SCREENSHOT_DIR:-docs/screenshots}
TMP=$(mktemp -d)
XVFB=""
trap '[ -n "$XVFB" ] && kill $XVFB 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
export INREACH_PASSPHRASE="screenshot demo passphrase"
export INREACH_VAULT="$TMP/demo.vault"
./inreach demo --scale small --seed 7 --end today >/dev/null
DISP=:${SCREENSHOT_DISPLAY:-98}
Xvfb "$DISP" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 1
mkdir -p "$OUT"
DISPLAY="$DISP" LANG=en_GB.UTF-8 FYNE_THEME=${FYNE_THEME:-light} XDG_CONFIG_HOME="$TMP/config" INREACH_SCREENSHOT_TOUR="$OUT" ./inreach
echo "Screenshots written to $OUT:"
ls -1 "$OUT"
