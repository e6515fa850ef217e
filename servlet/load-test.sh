#!/usr/bin/env bash
# Load test of the servlet filter with wrk (Debian package `wrk`), loopback only, bounded duration: the same
# 100 KB page with 50 protected links, four ways side by side (issue 17) plus the unsigned page:
#   limit   the page as the filter signs it, served as a ready byte array (nothing computed)
#   sdk     rendered per request, each link signed with the AWS SDK's CloudFrontUtilities
#   signer  rendered per request, each link signed with CloudFrontSigner.signUrl
#   signed  the unsigned page through CloudFrontSigningFilter
#   plain   the unsigned page, no filter (smaller: each signed link adds about 390 bytes)
# and the path JSP, Faces and template engines take, text written piece by piece through getWriter():
#   writer-limit   the links signed once at start-up (the limit of the writer path)
#   writer-signed  the unsigned links through CloudFrontSigningFilter
# Usage (from the repository root): [ROUNDS=3] [WARMUP=5s] [PATHS='limit signed'] servlet/load-test.sh [duration per endpoint and round, default 15s]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15s}"
PORT="${PORT:-8089}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mvn -B -q -o -pl servlet -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/load-test.classpath
CP="servlet/target/test-classes:servlet/target/classes:$(cat servlet/target/load-test.classpath)"
java -Xmx512m -cp "$CP" io.github.cloudfrontsigned.servlet.LoadTestServer "$PORT" > /tmp/cloudfront-load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 60); do grep -q READY /tmp/cloudfront-load-server.log && break; sleep 0.5; done
grep READY /tmp/cloudfront-load-server.log
uptime
. benchmarks/load-test-lib.sh   # measure: one wrk run, with the server's CPU per request
PATHS="${PATHS:-limit sdk signer signed plain writer-limit writer-signed}"
echo "== warm-up (${WARMUP:-5s} each)"
for path in $PATHS; do
  wrk -t2 -c16 -d"${WARMUP:-5s}" --timeout 30s "http://127.0.0.1:$PORT/$path/page" > /dev/null
done
for round in $(seq 1 "${ROUNDS:-3}"); do
  echo "RESULT round=$round $(uptime)"
  for path in $PATHS; do
    measure "http://127.0.0.1:$PORT/$path/page" "$path"
  done
done 2>/dev/null | grep RESULT | tee /tmp/cloudfront-load-results.txt
# The goals as ratios within each round: the filter against the ready bytes, the writer path against its limit;
# by requests/s, and by the server's CPU per request (limit's / the other's: the share of the limit's rate the
# other path reaches when the server's CPU is what runs out).
awk '/^RESULT round=[0-9]+ [a-z]/ {split($2, r, "="); k = r[2] " " $3; rps[k] = $4; cpu[k] = $(NF - 1); rounds[r[2]] = 1}
  END {
    split("signed/limit writer-signed/writer-limit", pairs, " ");
    for (n in rounds) for (k in pairs) {split(pairs[k], ab, "/"); a = n " " ab[1]; b = n " " ab[2];
      if (rps[a] != "" && rps[b] > 0 && cpu[a] > 0)
        printf "RATIO round=%s %-28s %5.1f%% by req/s  %5.1f%% by server CPU per request\n", n, pairs[k],
          100 * rps[a] / rps[b], 100 * cpu[b] / cpu[a]}}' \
  /tmp/cloudfront-load-results.txt | sort
uptime
