#!/usr/bin/env bash
# Before and after in one run: the load tests of servlet/load-test.sh and jaxrs/load-test.sh against two
# checkouts at once, taking turns endpoint by endpoint, so that both see the same machine (issue 22).
# The "before" checkout needs this checkout's load-test servers (servlet LoadTestServer, jaxrs LoadTestServer and
# FourWayResource): copy them in first if it predates them, the library code stays its own. Both servers run at
# the same time (one idle while the other is measured); each pair of ratios (signed/limit, writer-signed/
# writer-limit, catalog/items/fourway/presigned) is computed within one side and one round.
# Usage (from the repository root): [ROUNDS=3] [WARMUP=8s] [SUITES='servlet jaxrs'] benchmarks/ab-load.sh BEFORE_DIR [duration, default 10s]
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE="$(cd "${1:?usage: benchmarks/ab-load.sh BEFORE_DIR [duration]}" && pwd)"
AFTER="$PWD"
DURATION="${2:-10s}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
OUT=/tmp/cloudfront-ab-results.txt
: > "$OUT"
. benchmarks/load-test-lib.sh   # measure: one wrk run, with the server's CPU per request (reads $SERVER)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

start() { # dir module port -> sets STARTED_PID
  local dir=$1 module=$2 port=$3 cp log=/tmp/cloudfront-ab-$2-$3.log
  (cd "$dir" && mvn -B -q -o -Dmaven.deploy.skip=true -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$dir/target/ab-$module.classpath")
  cp="$dir/$module/target/test-classes:$dir/$module/target/classes:$(cat "$dir/target/ab-$module.classpath")"
  (cd "$dir" && exec java -Xmx512m -cp "$cp" "io.github.cloudfrontsigned.$module.LoadTestServer" "$port") > "$log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 90); do grep -q READY "$log" && return 0; sleep 0.5; done
  echo "server in $dir ($module) did not start: $log" >&2; exit 1
}

suite() { # module "urls..." (each url relative to the server root)
  local module=$1 urls=$2 pb pa
  pb=$((20000 + RANDOM % 20000)); pa=$((pb + 1))
  start "$BEFORE" "$module" "$pb"; local before_pid=$STARTED_PID
  start "$AFTER" "$module" "$pa"; local after_pid=$STARTED_PID
  echo "== $module: warm-up (${WARMUP:-8s} per URL and side) $(uptime)"
  for url in $urls; do
    for port in $pb $pa; do wrk -t2 -c16 -d"${WARMUP:-8s}" --timeout 30s "http://127.0.0.1:$port/$url" > /dev/null; done
  done
  for round in $(seq 1 "${ROUNDS:-3}"); do
    echo "RESULT round=$round $(uptime)"
    for url in $urls; do
      for side in before after; do
        if [ $side = before ]; then SERVER=$before_pid port=$pb; else SERVER=$after_pid port=$pa; fi
        measure "http://127.0.0.1:$port/$url" "$side:$url"
      done
    done
  done 2>/dev/null | grep RESULT | tee -a "$OUT"
  kill "$before_pid" "$after_pid" 2>/dev/null || true
}

echo "before: $BEFORE ($(git -C "$BEFORE" rev-parse --short HEAD)$(git -C "$BEFORE" diff --quiet || echo ' + load-test servers'))"
echo "after:  $AFTER ($(git rev-parse --short HEAD)$(git diff --quiet || echo ' + uncommitted changes'))"
for s in ${SUITES:-servlet jaxrs}; do
  case $s in
    servlet) suite servlet "limit/page signed/page writer-limit/page writer-signed/page" ;;
    jaxrs) suite jaxrs "api/fourway/presigned?n=100&posters=false api/catalog/items?n=100&posters=false api/fourway/presigned?n=100 api/catalog/items?n=100" ;;
  esac
done
# Ratios within each round and side: by requests/s, and by the server's CPU per request.
awk '/^RESULT round=[0-9]+ (before|after):/ {split($2, r, "="); split($3, s, ":"); k = r[2] " " $3;
    rps[k] = $4; cpu[k] = $(NF - 1); rounds[r[2]] = 1}
  END {
    n = split("signed/page limit/page|writer-signed/page writer-limit/page|api/catalog/items?n=100&posters=false api/fourway/presigned?n=100&posters=false|api/catalog/items?n=100 api/fourway/presigned?n=100", pairs, "|");
    for (i = 1; i <= n; i++) for (rd in rounds) for (sd = 0; sd < 2; sd++) {
      side = sd == 0 ? "before" : "after"; split(pairs[i], ab, " ");
      a = rd " " side ":" ab[1]; b = rd " " side ":" ab[2];
      if (rps[a] != "" && rps[b] > 0 && cpu[a] > 0)
        printf "RATIO %-6s round=%s %-72s %5.1f%% by req/s  %5.1f%% by server CPU per request\n", side, rd,
          ab[1] " / " ab[2], 100 * rps[a] / rps[b], 100 * cpu[b] / cpu[a]}}' "$OUT" | sort -k4,4 -k2,2r -k3,3
uptime
