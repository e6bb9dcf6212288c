#!/usr/bin/env bash
# Load on the preview server from a second process: wrk against
# `inspectsite serve` on loopback, serving the site built from content/.
# Usage: scripts/load.sh [seconds] [connections]   (default 10 s, 64)
# Prints wrk's report; exits non-zero if any request failed.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}; conns=${2:-64}
command -v wrk >/dev/null || { SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo; $SUDO apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/inspectsite" ./cmd/inspectsite
cp -r content "$work/"
port=$((20000 + RANDOM % 20000))
"$work/inspectsite" serve -source "$work" -addr "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q "serving on" "$work/serve.log" && break; sleep 0.1; done
# Pages of every type, one per request in turn.
cat >"$work/paths.lua" <<'LUA'
local paths = {"/", "/reports/", "/reports/mersey-cheshire-2018-04-05/", "/areas/london-south/",
  "/themes/disclosure/", "/compare/", "/glossary/", "/data/reports.json"}
local i = 0
request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests: %d, non-2xx: %d, socket errors: %d\n", summary.requests, e.status,
    e.connect + e.read + e.write + e.timeout))
  if e.status + e.connect + e.read + e.write + e.timeout > 0 then os.exit(1) end
end
LUA
wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$work/paths.lua" "http://127.0.0.1:$port"
