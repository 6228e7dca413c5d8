#!/bin/sh
# make package: a Linux package (.tar.xz with the binary, a .desktop entry
# and the icon) made by fyne package from FyneApp.toml.
set -eu
cd "$(dirname "$0")/.."
FYNE="$(go env GOPATH)/bin/fyne"
if [ ! -x "$FYNE" ]; then
  echo "Installing the fyne packaging tool (fyne.io/tools v1.7.4)…"
  go install fyne.io/tools/cmd/fyne@v1.7.4
fi
mkdir -p dist
"$FYNE" package -os linux --release --tags sqlite_fts5
mv -f Inreach.tar.xz dist/
echo "Built dist/Inreach.tar.xz:"
tar -tJf dist/Inreach.tar.xz
