# Sourced: the Go environment of a Windows cross-build with cgo (Debian's
# mingw-w64). The build cache (GOCACHE) is the usual one, shared with the
# Linux build and between the release build and the test build.
export CGO_ENABLED=1 GOOS=windows GOARCH=amd64
export CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++
