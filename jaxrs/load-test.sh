#!/usr/bin/env bash
# Load test of @CloudFrontSigned with wrk (Debian package `wrk`), loopback only, bounded duration: the same
# JSON-B list of 100 items, with one protected link per item (posters=false) and with two, served four ways
# side by side (issue 17) plus unsigned:
#   fourway/presigned  the same list through the same JSON-B serialization, its links signed once at start-up:
#                   the fair limit @CloudFrontSigned is measured against (issue 22)
#   fourway/limit   the list as @CloudFrontSigned writes it, served as a ready byte array: a bytes-only ceiling
#                   (it skips the JSON-B serialization the others pay)
#   fourway/sdk     each link signed with the AWS SDK's CloudFrontUtilities while building the list
#   fourway/signer  each link signed with CloudFrontSigner.signUrl while building the list
#   catalog/items   the unsigned list from a @CloudFrontSigned resource
#   catalog/items-unsigned  the unsigned list, unannotated (smaller: each signed link adds about 390 bytes)
# Usage (from the repository root): [ROUNDS=3] [WARMUP=5s] [PATHS='fourway/presigned catalog/items'] jaxrs/load-test.sh [duration per URL and round, default 15s]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15s}"
PORT="${PORT:-8090}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# One reactor build (jaxrs and what it needs: core, test-support): the classpath file is written per module, jaxrs's
# last (core resolves to core/target/classes).
mvn -B -q -o -pl jaxrs -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/jaxrs-load-test.classpath"
CP="jaxrs/target/classes:jaxrs/target/test-classes:$(cat target/jaxrs-load-test.classpath)"
java -Xmx512m -cp "$CP" io.github.cloudfrontsigned.jaxrs.LoadTestServer "$PORT" > /tmp/cloudfront-jaxrs-load.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 60); do grep -q READY /tmp/cloudfront-jaxrs-load.log && break; sleep 0.5; done
grep READY /tmp/cloudfront-jaxrs-load.log
uptime
. benchmarks/load-test-lib.sh   # measure: one wrk run, with the server's CPU per request
PATHS="${PATHS:-fourway/presigned fourway/limit fourway/sdk fourway/signer catalog/items catalog/items-unsigned}"
echo "== warm-up (${WARMUP:-5s} for each measured URL)"
for query in "n=100&posters=false" "n=100"; do
  for path in $PATHS; do
    wrk -t2 -c16 -d"${WARMUP:-5s}" --timeout 30s "http://127.0.0.1:$PORT/api/$path?$query" > /dev/null
  done
done
for round in $(seq 1 "${ROUNDS:-3}"); do
  echo "RESULT round=$round $(uptime)"
  for query in "n=100&posters=false" "n=100"; do
    for path in $PATHS; do
      measure "http://127.0.0.1:$PORT/api/$path?$query" "$path?$query"
    done
  done
done 2>/dev/null | grep RESULT | tee /tmp/cloudfront-jaxrs-load-results.txt
# The goal as a ratio within each round: @CloudFrontSigned against the same list signed at start-up (and against
# the ready bytes); by requests/s, and by the server's CPU per request (as in servlet/load-test.sh).
awk '/^RESULT round=[0-9]+ [a-z]/ {split($2, r, "="); k = r[2] " " $3; rps[k] = $4; cpu[k] = $(NF - 1); rounds[r[2]] = 1}
  END {
    split("n=100&posters=false n=100", queries, " ");
    for (n in rounds) for (j in queries) {q = queries[j]; a = n " catalog/items?" q;
      split("fourway/presigned fourway/limit", limits, " ");
      for (m in limits) {b = n " " limits[m] "?" q;
        if (rps[a] != "" && rps[b] > 0 && cpu[a] > 0)
          printf "RATIO round=%s %-22s catalog/items / %-18s %5.1f%% by req/s  %5.1f%% by server CPU per request\n",
            n, q, limits[m], 100 * rps[a] / rps[b], 100 * cpu[b] / cpu[a]}}}' \
  /tmp/cloudfront-jaxrs-load-results.txt | sort
uptime
