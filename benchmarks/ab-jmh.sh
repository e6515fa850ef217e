#!/usr/bin/env bash
# Before and after in one session: the same JMH selection from two benchmark jars, taking turns round by round,
# so that both see the same machine. Build the "before" jar in a checkout of the older commit
# (`mvn -B -q -pl benchmarks -am package -DskipTests`, then copy benchmarks/target/benchmarks.jar aside).
# Each run writes JSON (benchmarks/target/ab-<side>-<round>.json); the table printed at the end gives each
# benchmark's best iteration per side (the least disturbed on a shared machine) and after / before.
# Usage (from the repository root): [ROUNDS=2] [JMH='-f 1 -wi 2 -w 1s -i 3 -r 1s'] benchmarks/ab-jmh.sh BEFORE_JAR AFTER_JAR REGEX
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE_JAR="${1:?usage: benchmarks/ab-jmh.sh BEFORE_JAR AFTER_JAR REGEX}"
AFTER_JAR="${2:?usage: benchmarks/ab-jmh.sh BEFORE_JAR AFTER_JAR REGEX}"
REGEX="${3:?usage: benchmarks/ab-jmh.sh BEFORE_JAR AFTER_JAR REGEX}"
mkdir -p benchmarks/target
FILES=()
for round in $(seq 1 "${ROUNDS:-2}"); do
  for side in before after; do
    jar=$BEFORE_JAR; [ $side = after ] && jar=$AFTER_JAR
    out="benchmarks/target/ab-$side-$round.json"
    echo "== round $round, $side ($jar) $(uptime)"
    # shellcheck disable=SC2086
    java -Djmh.ignoreLock=true -jar "$jar" ${JMH:--f 1 -wi 2 -w 1s -i 3 -r 1s} -rf json -rff "$out" "$REGEX" \
      > "benchmarks/target/ab-$side-$round.txt"
    FILES+=("$side=$out")
  done
done
python3 - "${FILES[@]}" <<'EOF'
import json, sys
best = {}
for arg in sys.argv[1:]:
    side, path = arg.split("=", 1)
    for r in json.load(open(path)):
        name = r["benchmark"].split(".benchmarks.")[-1]
        params = r.get("params") or {}
        key = name + "".join("[%s=%s]" % (k, params[k]) for k in sorted(params))
        it = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        b = best.setdefault(key, {"unit": r["primaryMetric"]["scoreUnit"]})
        b[side] = max(b.get(side, 0), max(it))
print("| benchmark | before, best ops/s | after, best ops/s | after / before |")
print("|---|---:|---:|---:|")
for key in sorted(best):
    b = best[key]
    if "before" in b and "after" in b:
        print("| %s | %s | %s | %.2f |" % (key, "{:,.0f}".format(b["before"]), "{:,.0f}".format(b["after"]),
                                       b["after"] / b["before"]))
    else:
        print("| %s | %s | %s | - |" % (key, b.get("before", "-"), b.get("after", "-")))
EOF
