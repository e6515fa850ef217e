#!/bin/sh
# The documented benchmark run: builds the shaded jar, runs the signing benchmarks (about 5 minutes on
# 2 cores) and prints the table and the ratios for benchmarks/RESULTS.md. Extra arguments go to JMH
# (not -f/-wi/-w/-i/-r, which are set here), e.g.
#   benchmarks/run.sh -prof gc                  (allocation per operation)
#   benchmarks/run.sh 'SigningBenchmark.warm'   (a benchmark regex instead of the default selection)
#   benchmarks/run.sh -prof gc 'RewriteCostBenchmark'   (rewrite cost against page size and links; also draws
#                                               benchmarks/target/rewrite-cost.svg, the chart of RESULTS.md)
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
SELECTION='io\.github\.cloudfrontsigned\.benchmarks\.(Signing|SdkBaseline|Primitive|SigningOverhead)Benchmark\.'
case "${1:-}" in
  ''|-*) set -- "$SELECTION" "$@" ;;
esac
java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -w 2s -i 4 -r 2s \
  -rf json -rff benchmarks/target/results.json "$@" | tee benchmarks/target/results.txt
if grep -q RewriteCostBenchmark benchmarks/target/results.json; then
  python3 benchmarks/chart.py benchmarks/target/results.json > benchmarks/target/rewrite-cost.svg
  echo "chart: benchmarks/target/rewrite-cost.svg"
fi
python3 benchmarks/ratios.py benchmarks/target/results.json
