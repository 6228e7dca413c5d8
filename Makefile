# Inreach. `make run` and `make test` install what they need (as root, with
# apt-get) and do the rest. The build tag sqlite_fts5 is on every target.

GO      ?= go
TAGS    := sqlite_fts5
BIN     := inreach
BUILDFLAGS := -tags=$(TAGS)

.PHONY: run build test bench package screenshots deps clean

run: build
	./$(BIN)

build:
	@sh scripts/deps.sh build
	$(GO) build $(BUILDFLAGS) -o $(BIN) .

test:
	@sh scripts/deps.sh test
	$(GO) vet $(BUILDFLAGS) ./...
	LANG=en_GB.UTF-8 $(GO) test $(BUILDFLAGS) -timeout 15m ./...

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
