#!/usr/bin/env bash
# Long fuzzing runs, beyond the short ones in scripts/test.sh.
# Usage: scripts/fuzz.sh [duration]   (default 10m per target)
# A crash is saved by Go under internal/report/testdata/fuzz/: commit it,
# so the failing input stays a test case.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in FuzzParse FuzzFrontMatter FuzzSlugify FuzzShortcuts FuzzCommitments FuzzFastParts FuzzDates; do
  echo "== $target for ${1:-10m}"
  go test ./internal/report -run '^$' -fuzz "^${target}\$" -fuzztime "${1:-10m}" -fuzzminimizetime 200x -parallel 1
done
