# Inreach. `make run` and `make test` install what they need (as root, with
# apt-get) and do the rest. The build tag sqlite_fts5 is on every target.

GO      ?= go
TAGS    := sqlite_fts5
BIN     := inreach
BUILDFLAGS := -tags=$(TAGS)
# staticcheck, pinned: 2026.2.2 (module v0.8.2) is the newest release and
# supports Go 1.26. `make test` installs it from the Go module proxy.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(or $(shell $(GO) env GOBIN),$(shell $(GO) env GOPATH)/bin)/staticcheck
# The packages whose tests run under the race detector: the desktop app
# (background work, timers), the vault (concurrent saves) and the PDFs (made
# in the background, several at once).
RACE_PKGS := ./ui/... ./vault/... ./pdf/...

.PHONY: run build test bench package screenshots deps clean windows test-windows screenshots-windows vet-platforms

# macOS cannot be built here with cgo (no SDK), and make test has no Windows C
# compiler: vet-platforms compiles every non-GUI package for both without
# cgo, and vets (tests included) the packages with platform files. ui/ and
# the main package need cgo for OpenGL; make windows builds them for Windows.
PLATFORM_PKGS = $$($(GO) list ./... | grep -v -e '^inreach$$' -e '^inreach/ui')
PLATFORM_VET  = ./vault ./owneronly ./privfile ./internal/wine ./pdf ./cli

run: build
	./$(BIN)

build:
	@sh scripts/deps.sh build
	$(GO) build $(BUILDFLAGS) -o $(BIN) .

test:
	@sh scripts/deps.sh test
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt -l lists files to format:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(BUILDFLAGS) ./...
	@$(MAKE) --no-print-directory vet-platforms
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(STATICCHECK) $(BUILDFLAGS) ./...
	LANG=en_GB.UTF-8 $(GO) test $(BUILDFLAGS) -timeout 15m $$($(GO) list $(BUILDFLAGS) ./... | grep -v -e '^inreach/ui' -e '^inreach/vault' -e '^inreach/pdf')
	LANG=en_GB.UTF-8 $(GO) test $(BUILDFLAGS) -race -timeout 30m $(RACE_PKGS)

vet-platforms:
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 $(GO) build $(BUILDFLAGS) $(PLATFORM_PKGS)
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 $(GO) vet $(BUILDFLAGS) $(PLATFORM_VET)
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) vet $(BUILDFLAGS) $(PLATFORM_VET)

# Windows: the program and its MSI (dist/windows/), cross-built with mingw-w64
# and wixl; tested under wine64. See README, "Windows".
windows: build/windows/bcryptprimitives.dll
	@sh scripts/deps.sh windows
	sh scripts/windows.sh

test-windows: windows
	@sh scripts/deps.sh test-windows
	sh scripts/test-windows.sh

screenshots-windows: windows
	@sh scripts/deps.sh test-windows
	sh scripts/screenshots-windows.sh

# Test harness only: ProcessPrng for wine 8 (see scripts/wine-env.sh).
build/windows/bcryptprimitives.dll: tools/winshim/processprng.c
	@sh scripts/deps.sh windows
	mkdir -p build/windows
	x86_64-w64-mingw32-gcc -shared -O2 -s -o $@ $< -ladvapi32

bench: build
	@sh scripts/deps.sh build
	sh scripts/bench.sh

package:
	@sh scripts/deps.sh build
	sh scripts/package.sh

screenshots: build
	@sh scripts/deps.sh shots
	sh scripts/screenshots.sh

clean:
	rm -f $(BIN)
	rm -rf dist build
