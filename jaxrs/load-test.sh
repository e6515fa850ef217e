#!/usr/bin/env bash
# Load test of @CloudFrontSigned with wrk (Debian package `wrk`), loopback only, bounded duration: the same
# JSON-B list of 100 items from an unannotated resource and from an annotated one, with one protected link per
# item (posters=false) and with two.
# Usage (from the repository root): jaxrs/load-test.sh [duration, default 15s]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15s}"
PORT="${PORT:-8090}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# One reactor build: the classpath file is written per module, jaxrs's last (core resolves to core/target/classes).
mvn -B -q -pl core,jaxrs test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/jaxrs-load-test.classpath"
CP="jaxrs/target/classes:jaxrs/target/test-classes:$(cat target/jaxrs-load-test.classpath)"
java -Xmx512m -cp "$CP" io.github.cloudfrontsigned.jaxrs.LoadTestServer "$PORT" > /tmp/cloudfront-jaxrs-load.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 60); do grep -q READY /tmp/cloudfront-jaxrs-load.log && break; sleep 0.5; done
grep READY /tmp/cloudfront-jaxrs-load.log
echo "== warm-up (5s for each measured URL)"
for query in "n=100&posters=false" "n=100"; do
  for path in items-unsigned items; do
    wrk -t2 -c16 -d5s "http://127.0.0.1:$PORT/api/catalog/$path?$query" > /dev/null
  done
done
for query in "n=100&posters=false" "n=100"; do
  for path in items-unsigned items; do
    url="http://127.0.0.1:$PORT/api/catalog/$path?$query"
    echo "== wrk -t2 -c16 -d$DURATION --latency '$url'"
    wrk -t2 -c16 -d"$DURATION" --latency "$url"
  done
done
