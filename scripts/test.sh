#!/usr/bin/env bash
# Runs every test inspectsite has, installing what they need when missing.
# Usage: scripts/test.sh            (CI runs exactly this, through .ci/run)
#        FUZZTIME=10m scripts/test.sh   (longer fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZTIME=${FUZZTIME:-8s}
GOBIN=$(go env GOPATH)/bin
step() { printf '\n== %s\n' "$*"; }

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted"; exit 1; fi

step "go vet"
go vet ./...

step "staticcheck"
if [ ! -x "$GOBIN/staticcheck" ]; then go install honnef.co/go/tools/cmd/staticcheck@v0.8.2; fi
"$GOBIN/staticcheck" ./...

step "go test"
go test -count=1 ./...

step "fuzz ($FUZZTIME each)"
for target in FuzzParse FuzzFrontMatter FuzzSlugify FuzzShortcuts FuzzCommitments; do
  go test ./internal/report -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 200x
done

step "browser tests: install what they need"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
apt_install() { # apt_install COMMAND PACKAGE
  if ! command -v "$1" >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$2" >/dev/null
  fi
}
apt_install chromium chromium
apt_install java default-jre-headless
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

step "browser tests: axe-core, Nu HTML Checker, keyboard, reflow, sub-path (headless Chromium)"
bin=$(mktemp -d)/inspectsite
go build -o "$bin" ./cmd/inspectsite
(cd tests/browser && INSPECTSITE_BIN="$bin" node --test)

step "build content/ as a user does"
out=$(mktemp -d)
go run ./cmd/inspectsite build -dest "$out/public"
test -s "$out/public/data/reports.json"
rm -rf "$out"
