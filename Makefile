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
# (background work, timers) and the vault (concurrent saves).
RACE_PKGS := ./ui/... ./vault/...

.PHONY: run build test bench package screenshots deps clean

run: build
	./$(BIN)

build:
	@sh scripts/deps.sh build
	$(GO) build $(BUILDFLAGS) -o $(BIN) .

test:
	@sh scripts/deps.sh test
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt -l lists files to format:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(BUILDFLAGS) ./...
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(STATICCHECK) $(BUILDFLAGS) ./...
	LANG=en_GB.UTF-8 $(GO) test $(BUILDFLAGS) -timeout 15m $$($(GO) list $(BUILDFLAGS) ./... | grep -v -e '^inreach/ui' -e '^inreach/vault')
	LANG=en_GB.UTF-8 $(GO) test $(BUILDFLAGS) -race -timeout 30m $(RACE_PKGS)

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
	rm -rf dist
