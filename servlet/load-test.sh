#!/usr/bin/env bash
# Load test of the servlet filter with wrk (Debian package `wrk`), loopback only, bounded duration:
# the same 100 KB page with 50 protected links, without the filter (/plain) and with it (/signed).
# Usage (from the repository root): servlet/load-test.sh [duration, default 15s]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15s}"
PORT="${PORT:-8089}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mvn -B -q -pl core,servlet test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/load-test.classpath
CP="servlet/target/test-classes:servlet/target/classes:$(cat servlet/target/load-test.classpath)"
java -Xmx512m -cp "$CP" io.github.cloudfrontsigned.servlet.LoadTestServer "$PORT" > /tmp/cloudfront-load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 60); do grep -q READY /tmp/cloudfront-load-server.log && break; sleep 0.5; done
grep READY /tmp/cloudfront-load-server.log
echo "== warm-up (5s each)"
wrk -t2 -c16 -d5s "http://127.0.0.1:$PORT/plain/page" > /dev/null
wrk -t2 -c16 -d5s "http://127.0.0.1:$PORT/signed/page" > /dev/null
for path in plain signed; do
  echo "== $path: wrk -t2 -c16 -d$DURATION --latency http://127.0.0.1:$PORT/$path/page"
  wrk -t2 -c16 -d"$DURATION" --latency "http://127.0.0.1:$PORT/$path/page"
done
