# Shared by servlet/load-test.sh and jaxrs/load-test.sh (sourced, not run): one wrk measurement.
# On a shared machine the load changes by the minute, so the endpoints take turns: ROUNDS rounds (default 3),
# each endpoint once per round, and a summary line per run (requests/s, p50, p99) to compare within a round.
# The server's CPU time (user + system, all its threads: JIT and GC included) per request is printed too: on a
# shared machine it moves far less with the load than requests/s do. Needs SERVER (the server's pid), DURATION
# and round.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
measure() { # url label
  local before after
  before=$(cpu_ticks)
  wrk -t2 -c16 -d"$DURATION" --timeout 30s --latency "$1" > /tmp/cloudfront-wrk.$$.txt
  after=$(cpu_ticks)
  cat /tmp/cloudfront-wrk.$$.txt >&2
  awk -v label="$2" -v round="$round" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ {n=$1} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^Requests\/sec/ {rps=$2}
    END {printf "RESULT round=%s %-44s %10s req/s  p50 %9s  p99 %9s  server CPU %7.1f us/req\n", round, label,
      rps, p50, p99, (n > 0 ? 1e6 * ticks / hz / n : 0)}' /tmp/cloudfront-wrk.$$.txt
}
