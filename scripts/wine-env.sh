# Sourced by the Windows test scripts: a wine prefix ready to run Inreach's
# Windows builds. Test harness only; nothing here is part of what ships.
#   WINEPREFIX     $INREACH_WINEPREFIX, default ~/.cache/inreach/wine
#   wine_run ARGS  runs a Windows program (wine64, no debug chatter)
# The prefix is made once (wineboot, about half a minute) and reused. Go 1.26
# programs need ProcessPrng from bcryptprimitives.dll, which wine 8.0 lacks:
# build/windows/bcryptprimitives.dll (tools/winshim, made by make) is copied
# into the prefix's system32. Real Windows 10 and later have their own.
WINE64=${WINE64:-/usr/lib/wine/wine64}
export WINEPREFIX="${INREACH_WINEPREFIX:-$HOME/.cache/inreach/wine}"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono or Gecko prompts
export WINEARCH=win64

wine_prepare() {
	shim=$1
	if [ ! -f "$WINEPREFIX/system.reg" ]; then
		echo "Making the wine prefix $WINEPREFIX (once)…"
		mkdir -p "$WINEPREFIX"
		"$WINE64" wineboot --init >/dev/null 2>&1 || true
		/usr/lib/wine/wineserver -w
	fi
	sys32="$WINEPREFIX/drive_c/windows/system32"
	if ! cmp -s "$shim" "$sys32/bcryptprimitives.dll"; then
		cp "$shim" "$sys32/bcryptprimitives.dll"
	fi
}

wine_run() { "$WINE64" "$@"; }

# wine_path PATH: the Windows path of a Unix path (wine maps / to Z:).
wine_path() { printf 'Z:%s' "$(printf '%s' "$1" | tr / '\\')"; }
