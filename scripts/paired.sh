#!/usr/bin/env bash
# scripts/paired.sh [N ...] - the team's yardstick against Hugo, from a clone.
#
# Runs bench/paired.sh of the team's shared folder (BENCH_DIR, default ../shared/bench beside the
# clone: the corpus generator, the Hugo site and the script) from the root of this clone, with one
# fix: its `ls | head -1` ends the script without a word under `set -o pipefail` once a corpus has
# more names than one pipe buffer holds (10,000 documents), so the first name is taken with awk.
# Its work folder is WORK (default ~/.cache/inspectsite-bench/work); run one at a time, as rounds
# share their logs there. Everything else (RUNS, WHERE, HUGO_DIR, the output on tmpfs) is as the
# shared script documents.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$(cd "${BENCH_DIR:-$root/../shared/bench}" 2>/dev/null && pwd) ||
  { echo "paired.sh: no yardstick folder at ${BENCH_DIR:-$root/../shared/bench} (set BENCH_DIR)" >&2; exit 1; }
[ -f "$bench/paired.sh" ] || { echo "paired.sh: $bench/paired.sh missing" >&2; exit 1; }
script=$(mktemp)
trap 'rm -f "$script"' EXIT
sed -e "s|^here=.*|here=$bench|" -e 's/one=$(ls "$src\/content" | head -1)/one=$(ls "$src\/content" | awk "NR==1")/' \
  "$bench/paired.sh" > "$script"
grep -q 'awk "NR==1"' "$script" || echo "paired.sh: the shared script changed; running it as it is" >&2
cd "$root"
bash "$script" "$@"
