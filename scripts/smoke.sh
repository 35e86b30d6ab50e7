#!/usr/bin/env bash
# `npm start` on a fresh data directory: answers /healthz, serves the home page, refuses a second server on
# the same directory at once, stops cleanly on SIGTERM, and the directory opens again with its data.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
log=$(mktemp)
cleanup() { [ -n "${pid:-}" ] && kill -TERM -- "-$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
fail() { echo "smoke: $*" >&2; echo "--- server log ---" >&2; cat "$log" >&2; exit 1; }

GONGXIN_DATA_DIR="$data" PORT="$port" GONGXIN_TODAY=2025-06-01 setsid npm start >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || fail "the server exited before answering"
  sleep 1
done
health=$(curl -fsS "http://127.0.0.1:$port/healthz") || fail "/healthz did not answer within 120 s"
echo "$health" | grep -q '"today":"2025-06-01"' || fail "/healthz does not report the configured today: $health"
curl -fsS -H 'accept: text/html' "http://127.0.0.1:$port/" | grep -q 'lang="zh-CN"' || fail "the home page is not served"
providers=$(curl -fsS "http://127.0.0.1:$port/api/v1/public/overview" | node -pe 'JSON.parse(require("fs").readFileSync(0)).counts.providers')
[ "$providers" -gt 50 ] || fail "the demo city was not seeded (providers: $providers)"
grep -q 'demo accounts' "$log" || fail "the demo accounts were not printed on first start"

second_started=$(date +%s)
if GONGXIN_DATA_DIR="$data" PORT=0 node bin/gongxin.mjs serve --no-web >"$log.second" 2>&1; then
  fail "a second server on the same data directory did not refuse to start"
fi
grep -q 'in use by process' "$log.second" || fail "the second server's message does not say the directory is in use: $(cat "$log.second")"
[ $(( $(date +%s) - second_started )) -lt 15 ] || fail "the second server took too long to refuse"

# The whole process group: npm may exit on the signal before the node server under it has closed the database.
kill -TERM -- "-$pid"
for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
kill -0 -- "-$pid" 2>/dev/null && fail "the server did not stop within 30 s of SIGTERM"
wait "$pid" || true
pid=
grep -q 'database closed' "$log" || fail "the server did not close its database on SIGTERM"
[ ! -e "$data/gongxin.lock" ] || fail "the lock file was left behind after SIGTERM"
count=$(GONGXIN_DATA_DIR="$data" node bin/gongxin.mjs providers list --json | node -pe 'JSON.parse(require("fs").readFileSync(0)).length')
[ "$count" = "$providers" ] || fail "after restart the directory holds $count providers instead of $providers"
echo "smoke: ok (port $port, $providers providers kept across a restart)"
