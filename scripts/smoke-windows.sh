#!/bin/sh
# The smoke test of the Windows program and installer, under wine64 (part of
# make test-windows): dist/windows/inreach.exe end to end on vaults whose
# path has spaces and non-ASCII letters, then Inreach.msi installed,
# upgraded over and uninstalled. Prints each step; stops at the first
# failure with what went wrong.
set -eu
cd "$(dirname "$0")/.."
. scripts/wine-env.sh
root=$(pwd)
exe="$root/dist/windows/inreach.exe"
msi="$root/dist/windows/Inreach.msi"
wine_prepare "$root/build/windows/bcryptprimitives.dll"

# A short folder: the recovery sheet holds the vault path on one page.
T="${TMPDIR:-/tmp}/inreach-smoke"
rm -rf "$T"
dir="$T/Siân é"                     # spaces and non-ASCII letters
mkdir -p "$dir"
V="$dir/my vault ŵ.vault"
D="$dir/demo ñ.vault"
P1="first passphrase, quite long"
export INREACH_PASSPHRASE="$P1"
unset INREACH_VAULT INREACH_NEW_PASSPHRASE INREACH_RECOVERY_KEY 2>/dev/null || true
XVFB_PID=""
GUI_PID=""
cleanup() {
	[ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null || true
	[ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

n=0
step() { n=$((n + 1)); printf 'smoke %2d: %s\n' "$n" "$*"; }
fail() { echo "smoke FAILED at step $n: $*" >&2; exit 1; }
# run CODE ARGS: runs inreach.exe, wants exit CODE; output in $T/out, $T/err.
run() {
	want=$1
	shift
	set +e
	wine_run "$exe" "$@" >"$T/out" 2>"$T/err"
	got=$?
	set -e
	if [ "$got" != "$want" ]; then
		echo "--- stdout"; cat "$T/out"; echo "--- stderr"; cat "$T/err"
		fail "inreach $* exited $got, want $want"
	fi
}
is_pdf() { [ "$(head -c 5 "$1")" = "%PDF-" ] || fail "$1 is not a PDF"; }
ids() { awk -v want="$1" -F'"' '/"id": /{id=$4} $0 ~ want {print id}' "$T/export.json"; }

step "init a new vault with a recovery sheet"
run 0 init --vault "$V" --recovery-sheet "$dir/recovery sheet ŷ.pdf"
grep -q '[A-Z0-9]\{4\}-[A-Z0-9]\{4\}-' "$T/out" || fail "no recovery key printed"
is_pdf "$dir/recovery sheet ŷ.pdf"
key=$(grep -o '[A-Z0-9]\{4\}\(-[A-Z0-9]\{4\}\)\{10,\}' "$T/out" | head -1)
pdftotext "$dir/recovery sheet ŷ.pdf" - | tr -d ' \n' | grep -q "$(echo "$key" | cut -c1-19)" ||
	fail "the recovery sheet does not show the key $key"

step "demo vault"
run 0 demo --vault "$D" --scale small --seed 7 --end 2026-06-30
step "verify"
run 0 verify --vault "$D"
grep -q OK "$T/out" || fail "verify did not say OK"

step "wrong passphrase → exit 3"
INREACH_PASSPHRASE="not the passphrase" run 3 verify --vault "$D"

step "tampered vault → exit 4"
cp "$D" "$dir/tampered ö.vault"
size=$(stat -c %s "$dir/tampered ö.vault")
printf '\001' | dd of="$dir/tampered ö.vault" bs=1 seek=$((size - 100)) conv=notrunc 2>/dev/null
run 4 verify --vault "$dir/tampered ö.vault"

step "search"
run 0 search --vault "$D" prison --format json
[ -s "$T/out" ] || fail "search found nothing"

step "export"
run 0 export --vault "$D" -o "$dir/export ä.json"
cp "$dir/export ä.json" "$T/export.json"
grep -q '"format": "inreach"' "$T/export.json" || fail "the export is not an interchange file"

step "import into the new vault"
run 0 import --vault "$V" "$dir/export ä.json"
run 0 export --vault "$V" -o "$dir/again.json"
[ "$(grep -c '"id": "p' "$dir/again.json")" = "$(grep -c '"id": "p' "$T/export.json")" ] || fail "not every woman was imported"

step "every PDF"
person=$(ids '"id": "p' | head -1)
newsletter=$(ids '"id": "n' | head -1)
visit=$(ids '"kind": "prison_visit"' | head -1)
run 0 pdf supervision --vault "$D" --from 2025-07-01 --to 2026-06-30 -o "$dir/supervision é.pdf"
run 0 pdf supervision --vault "$D" --from 2025-07-01 --to 2026-06-30 --redact -o "$dir/supervision redacted.pdf"
run 0 pdf visit "$visit" --vault "$D" -o "$dir/visit é.pdf"
run 0 pdf newsletter "$newsletter" --vault "$D" -o "$dir/newsletter é.pdf"
run 0 pdf newsletter "$newsletter" --labels --vault "$D" -o "$dir/labels é.pdf"
run 0 pdf monitoring --vault "$D" --from 2025-07-01 --to 2026-06-30 -o "$dir/monitoring é.pdf"
run 0 pdf person "$person" --vault "$D" -o "$dir/person é.pdf"
for f in "$dir"/*.pdf; do is_pdf "$f"; done

step "reports"
for fmt in text json csv; do run 0 report monitoring --vault "$D" --from 2025-07-01 --to 2026-06-30 --format $fmt; done

step "backup copy opens with the same passphrase"
run 0 backup --vault "$D" -o "$dir/copy ë.vault"
run 0 verify --vault "$dir/copy ë.vault"

step "backup rotation: twelve saves keep ten backups, the newest opening"
i=1
while [ $i -le 12 ]; do
	printf '{"format": "inreach", "version": 1, "establishments": [{"id": "smoke%d", "name": "Smoke test %d", "kind": "prison", "address": "", "booking_contact": "", "notes": ""}]}\n' $i $i >"$T/e$i.json"
	run 0 import --vault "$V" "$T/e$i.json"
	i=$((i + 1))
done
nb=$(ls "$dir/backups" | grep -c '^my vault ŵ-.*\.vault$' || true)
[ "$nb" = 10 ] || fail "$nb backups kept, want 10"
newest=$(ls "$dir/backups" | grep '^my vault ŵ-' | sort | tail -1)
run 0 verify --vault "$dir/backups/$newest"
run 0 search --vault "$dir/backups/$newest" "Smoke test 11"
grep -q "Smoke test 11" "$T/out" || fail "the newest backup is not the vault before the last save"
run 0 search --vault "$V" "Smoke test 12"
grep -q "Smoke test 12" "$T/out" || fail "the last save is not in the vault"

step "default vault in %AppData%\\Inreach"
appdata="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming"
rm -rf "$appdata/Inreach" "$appdata/inreach" # Windows names are case-blind; the Linux folder under wine is not
run 0 init
[ -f "$appdata/Inreach/inreach.vault" ] || fail "no vault in $appdata/Inreach"
run 0 verify

step "a second writer → exit 5 while the desktop app has the vault open"
printf '{"format": "inreach", "version": 1}\n' >"$T/empty.json"
DISP=:${SMOKE_DISPLAY:-97}
Xvfb "$DISP" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
sleep 2
DISPLAY="$DISP" INREACH_VAULT="$D" "$WINE64" "$exe" >"$T/gui.log" 2>&1 &
GUI_PID=$!
# Wait for the unlock window, type the passphrase, wait for the lock.
tries=0
until DISPLAY="$DISP" xdotool search --name '^Inreach' >/dev/null 2>&1; do
	tries=$((tries + 1)); [ $tries -lt 120 ] || fail "the desktop app never opened a window"; sleep 1
done
# Type the passphrase once the window has drawn; a loaded machine may drop
# the first keys, so type it again (into a cleared field) every 40 s while
# the vault is still free, three times at most.
typed=0
tries=0
while :; do
	if [ $((tries % 40)) = 0 ] && [ $typed -lt 3 ]; then
		sleep 3
		DISPLAY="$DISP" xdotool key ctrl+a BackSpace
		DISPLAY="$DISP" xdotool type --delay 30 "$P1"
		DISPLAY="$DISP" xdotool key Return
		typed=$((typed + 1))
	fi
	set +e
	wine_run "$exe" import --vault "$D" "$T/empty.json" >"$T/out" 2>"$T/err"
	got=$?
	set -e
	[ "$got" = 5 ] && break
	[ "$got" = 0 ] || { cat "$T/err"; fail "import exited $got while the app was unlocking"; }
	tries=$((tries + 1)); [ $tries -lt 150 ] || fail "the desktop app never took the lock"; sleep 1
done
grep -qi "in use\|open" "$T/err" || fail "exit 5 without saying the vault is in use: $(cat "$T/err")"
kill "$GUI_PID" 2>/dev/null || true
wait "$GUI_PID" 2>/dev/null || true
GUI_PID=""
run 0 import --vault "$D" "$T/empty.json"

step "MSI tables (msiinfo)"
msiinfo tables "$msi" >"$T/tables"
for t in File Component Shortcut Icon Upgrade Registry Directory Property; do
	grep -qx "$t" "$T/tables" || fail "the MSI has no $t table"
done
msiinfo export "$msi" Property | grep -q "^UpgradeCode" || fail "no UpgradeCode"
msiinfo export "$msi" Property | grep -q "^ARPPRODUCTICON" || fail "no icon in Settings > Apps"
msiinfo export "$msi" Shortcut | grep -q "InreachIcon" || fail "the Start-menu shortcut has no icon"

step "MSI install (per-user, no administrator), run, reinstall, upgrade to a newer MSI, uninstall"
cd "$T"   # wine's msiexec leaves an Icon folder in the working folder
inst="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/Programs/Inreach/inreach.exe"
lnk="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Inreach.lnk"
# Start clean: uninstall every product an earlier run may have left (by
# product code, unpacked from the registry's packed form).
packed=$(wine_run reg query 'HKCU\Software\Microsoft\Installer\Products' 2>/dev/null | tr -d '\r' | sed -n 's/.*Products\\\([0-9A-F]\{32\}\)$/\1/p')
for p in $packed; do
	code=$(echo "$p" | awk 'function rev(x,  r, i) { r = ""; for (i = length(x); i > 0; i--) r = r substr(x, i, 1); return r }
		{ d = ""; for (i = 17; i <= 32; i += 2) d = d substr($0, i + 1, 1) substr($0, i, 1)
		  printf "{%s-%s-%s-%s-%s}\n", rev(substr($0, 1, 8)), rev(substr($0, 9, 4)), rev(substr($0, 13, 4)), substr(d, 1, 4), substr(d, 5, 12) }')
	wine_run msiexec /x "$code" /qn >/dev/null 2>&1 || true
done
wine_run msiexec /i "$(wine_path "$msi")" /qn || fail "msiexec /i failed"
[ -f "$inst" ] || fail "not installed at $inst"
[ -f "$lnk" ] || fail "no Start-menu shortcut at $lnk"
cmp -s "$inst" "$exe" || fail "the installed program differs from dist/windows/inreach.exe"
set +e
"$WINE64" "$inst" verify >"$T/out" 2>"$T/err"
got=$?
set -e
[ "$got" = 0 ] || fail "the installed program's verify exited $got: $(cat "$T/err")"
wine_run msiexec /i "$(wine_path "$msi")" /qn || fail "installing the same MSI again failed"
products() { wine_run reg query 'HKCU\Software\Microsoft\Installer\Products' 2>/dev/null | grep -c 'Products\\' || true; }
[ "$(products)" = 1 ] || fail "$(products) products registered, want 1"
before=$(wine_run reg query 'HKCU\Software\Microsoft\Installer\Products' | grep 'Products\\')
# A newer MSI (the next patch version, same upgrade code) replaces it.
cur=$(msiinfo export "$msi" Property | awk -F'\t' '$1 == "ProductVersion" {print $2}' | tr -d '\r')
next="${cur%.*}.$((${cur##*.} + 1))"
(cd "$root" && go run ./tools/winpkg -out "$T/newer" -exe "$exe" -version "$next" >/dev/null)
(cd "$T/newer" && wixl -a x64 -o newer.msi Inreach.wxs)
wine_run msiexec /i "$(wine_path "$T/newer/newer.msi")" /qn || fail "installing the newer MSI ($next) failed"
[ "$(products)" = 1 ] || fail "after the upgrade $(products) products are registered, want 1"
after=$(wine_run reg query 'HKCU\Software\Microsoft\Installer\Products' | grep 'Products\\')
[ "$before" != "$after" ] || fail "the newer MSI did not replace the older product"
[ -f "$inst" ] || fail "the upgrade left no program at $inst"
[ -f "$appdata/Inreach/inreach.vault" ] || fail "the upgrade touched the vault"
msi="$T/newer/newer.msi"
wine_run msiexec /x "$(wine_path "$msi")" /qn || fail "msiexec /x failed"
[ "$(products)" = 0 ] || fail "after uninstalling, $(products) products are still registered"
[ ! -e "$inst" ] || fail "uninstall left $inst"
[ ! -e "$lnk" ] || fail "uninstall left the Start-menu shortcut"
[ -f "$appdata/Inreach/inreach.vault" ] || fail "uninstall removed the vault"
run 0 verify
rm -rf "$appdata/Inreach" "$appdata/inreach" # Windows names are case-blind; the Linux folder under wine is not

echo "smoke: all $n steps passed"
