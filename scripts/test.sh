#!/usr/bin/env bash
# Runs every test inspectsite has, installing what they need when missing.
#
# Usage: scripts/test.sh              every test (CI runs exactly this, through .ci/run)
#        scripts/test.sh quick        gofmt, go vet, go test -short: the edit loop, under a minute
#        FUZZTIME=10m scripts/test.sh longer fuzzing (default 8s a target)
#
# Needs Go (the version in go.mod), and for the browser tests Debian's
# chromium and a Java runtime (installed with apt-get, as root or through
# sudo, when missing) and the npm packages in tests/browser (network).
#
# Each step prints how long it took. The last line is "N passed, N failed",
# counting each Go package, each browser test and each other check (gofmt,
# vet, staticcheck, each fuzz target, the build of content/); the exit
# status is 1 when anything failed. Every temporary file is made under one
# folder, removed on exit.
set -uo pipefail
cd "$(dirname "$0")/.."

mode=${1:-full}
case $mode in
  full | quick) ;;
  *) echo "usage: scripts/test.sh [quick]" >&2; exit 2 ;;
esac
FUZZTIME=${FUZZTIME:-8s}
GOBIN=$(go env GOPATH)/bin
STATICCHECK=honnef.co/go/tools/cmd/staticcheck@v0.8.2

work=$(mktemp -d "${TMPDIR:-/tmp}/inspectsite-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work # go test, go build and node make their temporary files here

passed=0 failed=0
failures=()
started=$SECONDS

# step NAME COMMAND...: runs one step, prints its time, and counts it as one
# check unless the command counts its own results (see count).
step() {
  local name=$1 t0=$SECONDS
  shift
  printf '\n== %s\n' "$name"
  "$@"
  local rc=$?
  printf -- '-- %s: %s in %ds\n' "$name" "$([ $rc = 0 ] && echo ok || echo FAILED)" $((SECONDS - t0))
  return $rc
}

check() { # check NAME COMMAND...: a step that is one check
  local name=$1
  if step "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)) failures+=("$name")
  fi
}

plural() { if [ "$1" = 1 ]; then echo "$2"; else echo "$2s"; fi; }

gofmt_clean() {
  local unformatted
  unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './tests/*'))
  [ -z "$unformatted" ] || { echo "gofmt would change: $unformatted"; return 1; }
}

# go_tests ARGS...: go test, counting packages that passed and failed.
go_tests() {
  local log=$work/go-test.log
  go test -count=1 "$@" ./... 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]} ok bad
  ok=$(grep -c '^ok ' "$log")
  bad=$(grep -cE '^FAIL\s+\S' "$log") # "FAIL<tab>package ...", not the closing "FAIL"
  if [ "$rc" != 0 ] && [ "$bad" = 0 ]; then bad=1; fi
  passed=$((passed + ok)) failed=$((failed + bad))
  [ "$bad" = 0 ] || failures+=("go test: $bad $(plural "$bad" package)")
  [ "$bad" = 0 ]
}

staticcheck_run() {
  if ! "$GOBIN/staticcheck" -version 2>/dev/null | grep -q '(0\.8\.2)'; then
    echo "installing $STATICCHECK into $GOBIN (once)"
    go install "$STATICCHECK" || return 1
  fi
  "$GOBIN/staticcheck" ./...
}

# fuzz PACKAGE TARGET: fuzzes for FUZZTIME. It fails when Go finds a failing
# input, which it saves under PACKAGE/testdata/fuzz/TARGET/ (commit it: it
# stays a test case). Go 1.26's fuzzing coordinator can also report its own
# deadline as "context deadline exceeded" on a loaded machine, having found
# nothing (go.dev/issue/75804, fixed in Go 1.27): without a saved input,
# that counts as passed.
fuzz() {
  local saved=$1/testdata/fuzz/$2 log=$work/fuzz.log before after
  before=$(ls "$saved" 2>/dev/null | wc -l)
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 200x 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" = 0 ] && return 0
  after=$(ls "$saved" 2>/dev/null | wc -l)
  if [ "$after" = "$before" ] && grep -q '^    context deadline exceeded$' "$log"; then
    echo "no failing input found; Go's own deadline report (go.dev/issue/75804) counted as passed"
    return 0
  fi
  return 1
}

browser_prerequisites() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} with apt-get"
    $sudo apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || return 1
  fi
  # npm ci starts from nothing; skip it when node_modules is what the lock file says.
  local installed=tests/browser/node_modules/.package-lock.json
  if [ ! "$installed" -nt tests/browser/package-lock.json ] || [ ! "$installed" -nt tests/browser/package.json ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) || return 1
  else
    echo "tests/browser/node_modules is up to date"
  fi
}

# browser_tests: node's test runner, counting tests that passed and failed.
browser_tests() {
  local bin=$work/inspectsite tap=$work/browser.tap
  go build -o "$bin" ./cmd/inspectsite || { failed=$((failed + 1)) failures+=("browser tests: build"); return 1; }
  (cd tests/browser && INSPECTSITE_BIN="$bin" node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap")
  local rc=$? ok bad
  ok=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)
  bad=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)
  ok=${ok:-0} bad=${bad:-0}
  if [ "$rc" != 0 ] && [ "$bad" = 0 ]; then bad=1; fi # the runner itself failed
  passed=$((passed + ok)) failed=$((failed + bad))
  [ "$bad" = 0 ] || failures+=("browser tests: $bad $(plural "$bad" test)")
  return $rc
}

user_build() {
  go run ./cmd/inspectsite build -dest "$work/public" -base-url https://example.org/ &&
    test -s "$work/public/data/reports.json"
}

check gofmt gofmt_clean
check "go vet" go vet ./...
if [ "$mode" = quick ]; then
  step "go test -short" go_tests -short
else
  check staticcheck staticcheck_run
  step "go test" go_tests
  for target in FuzzParse FuzzFrontMatter FuzzSlugify FuzzShortcuts FuzzCommitments FuzzFastParts FuzzDates; do
    check "fuzz $target ($FUZZTIME)" fuzz ./internal/report "$target"
  done
  check "fuzz FuzzRead ($FUZZTIME)" fuzz ./internal/webpage FuzzRead
  check "fuzz FuzzConfig ($FUZZTIME)" fuzz ./internal/config FuzzConfig
  if step "browser tests: install what they need" browser_prerequisites; then
    step "browser tests: axe-core, Nu HTML Checker, keyboard, reflow, sub-path, serve (headless Chromium)" browser_tests
  else
    failed=$((failed + 1)) failures+=("browser tests: prerequisites")
  fi
  check "build content/ as a user does" user_build
fi

printf '\n%s took %ds' "scripts/test.sh $mode" $((SECONDS - started))
[ ${#failures[@]} = 0 ] || printf '; failed: %s' "$(IFS=,; echo "${failures[*]}")"
printf '\n%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" = 0 ]
