#!/bin/sh
# Installs what Inreach needs to build and test on Debian or Ubuntu.
# As root it uses apt-get; otherwise it says what to install.
#   scripts/deps.sh build   the C compiler and the GL/X11 headers Fyne needs
#   scripts/deps.sh test    those, plus poppler-utils (pdftotext) and Xvfb
#   scripts/deps.sh shots   those, plus imagemagick and xdotool
#   scripts/deps.sh windows       the mingw-w64 C compiler and wixl (make windows)
#   scripts/deps.sh test-windows  those, plus wine64, Xvfb, imagemagick and xdotool
set -eu
what=${1:-build}

pkgs="gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev"
case "$what" in
  test)  pkgs="$pkgs poppler-utils xvfb xauth" ;;
  shots) pkgs="$pkgs poppler-utils xvfb xauth imagemagick xdotool" ;;
  windows) pkgs="gcc-mingw-w64-x86-64 wixl msitools" ;;
  test-windows) pkgs="gcc-mingw-w64-x86-64 wixl msitools wine64 poppler-utils xvfb xauth imagemagick xdotool" ;;
esac

if ! command -v go >/dev/null 2>&1; then
  echo "Go is not installed. Install Go 1.26 or newer from https://go.dev/dl/ and run this again." >&2
  exit 1
fi

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $p"
    fi
  done
else
  echo "This is not a Debian-like system; make sure a C compiler and the OpenGL and X11 development headers are installed." >&2
  exit 0
fi

if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Inreach needs these packages:$missing" >&2
    echo "Install them with:  sudo apt-get install$missing" >&2
    exit 1
  fi
fi
go mod download
