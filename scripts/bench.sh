#!/usr/bin/env bash
# Whole-process build time and peak memory for generated corpora.
# Usage: scripts/bench.sh [N ...]        (default: 1000 10000 100000)
# Each corpus is generated once (same N, same bytes) under $BENCH_DIR
# (default /tmp/inspectsite-bench). Builds are written to tmpfs (/dev/shm,
# the generator's own cost) and to the work disk (what this machine's file
# system adds), each into a fresh folder, $RUNS times (default 3); the
# table gives the run with the median wall time. WHERE=tmpfs (or disk)
# measures one of the two only.
set -euo pipefail
cd "$(dirname "$0")/.."
ns=("$@"); [ ${#ns[@]} -gt 0 ] || ns=(1000 10000 100000)
work=${BENCH_DIR:-/tmp/inspectsite-bench}
shm=/dev/shm/inspectsite-bench
mkdir -p "$work" "$shm"
go build -o "$work/inspectsite" ./cmd/inspectsite
go build -o "$work/gencorpus" ./cmd/gencorpus
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(go version | cut -d' ' -f3)"
printf '| documents | output on | wall (s) | peak memory (MB) | user (s) | sys (s) | pages |\n|---:|---|---:|---:|---:|---:|---:|\n'
for n in "${ns[@]}"; do
  src="$work/corpus-$n"
  [ -d "$src/content" ] || "$work/gencorpus" -n "$n" -out "$src" >/dev/null
  for where in ${WHERE:-tmpfs disk}; do
    base=$shm; [ $where = disk ] && base=$work
    : > "$work/runs.txt"
    for _ in $(seq "${RUNS:-3}"); do
      dest="$base/out-$n-$$"
      rm -rf "$dest"
      /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$work/inspectsite" build -source "$src" -dest "$dest" >"$work/out.txt" 2>/dev/null || true
      cat "$work/time.txt" >> "$work/runs.txt"
      rm -rf "$dest"
    done
    read -r wall kb user sys < <(sort -n "$work/runs.txt" | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
    pages=$(grep -o '[0-9]* pages' "$work/out.txt" | cut -d' ' -f1)
    printf '| %d | %s | %.2f | %d | %.2f | %.2f | %s |\n' "$n" "$where" "$wall" $((kb / 1024)) "$user" "$sys" "$pages"
  done
done
