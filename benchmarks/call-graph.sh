#!/usr/bin/env bash
# JMH benchmark of recording an in-process call between procedures in the call graph
# (benchmarks/jmh, CallGraphBenchmark): the same interface call made directly on the bean, through
# a java.lang.reflect.Proxy that only forwards, and through the worker's LocalProxy, which records
# it (also from two threads on one edge). Target: recording costs at most 100 ns per call.
# Writes target/benchmarks/call-graph.json (JMH) and call-graph.md, and prints the Markdown.
#   JMH_ARGS   extra JMH options, e.g. quick: JMH_ARGS="-wi 1 -i 1 -w 200ms -r 200ms"
#   SKIP_BUILD=1  reuse benchmarks/jmh/target/jitar-jmh.jar
# About a minute on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/benchmarks
JSON="$OUT/call-graph.json"
MD="$OUT/call-graph.md"
JAR=benchmarks/jmh/target/jitar-jmh.jar
command -v python3 >/dev/null || { echo "python3 is needed to read the JMH results" >&2; exit 1; }
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -B -q -DskipTests install -pl benchmarks/jmh -am
fi
mkdir -p "$OUT"
# shellcheck disable=SC2086  # JMH_ARGS is a list of options on purpose
java -jar "$JAR" -prof gc -rf json -rff "$JSON" ${JMH_ARGS:-} CallGraphBenchmark

python3 - "$JSON" "$MD" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
rows = {}
for r in results:
    alloc = next((float(m["score"]) for n, m in r.get("secondaryMetrics", {}).items()
                  if n.lstrip("·") == "gc.alloc.rate.norm"), float("nan"))
    rows[r["benchmark"].rsplit(".", 1)[1]] = (float(r["primaryMetric"]["score"]), float(r["primaryMetric"]["scoreError"]), alloc)
lines = ["# Call graph: the cost of recording an in-process call", "",
         "| call | ns/call ± error | B/call |", "|---|---:|---:|"]
for name in ("direct", "forwardingProxy", "localProxy", "localProxy2Threads"):
    if name in rows:
        score, error, alloc = rows[name]
        lines.append(f"| {name} | {score:.1f} ± {error:.1f} | {alloc:.0f} |")
lines.append("")
if "direct" in rows and "localProxy" in rows:
    added = rows["localProxy"][0] - rows["direct"][0]
    verdict = "met" if added <= 100 else "MISSED"
    lines.append(f"- recording adds {added:.1f} ns per call over the direct call, proxy included (target <= 100 ns: {verdict})")
if "direct" in rows and "localProxy2Threads" in rows:
    lines.append(f"- two threads on one edge: {rows['localProxy2Threads'][0] - rows['direct'][0]:.1f} ns added per call")
text = "\n".join(lines) + "\n"
open(sys.argv[2], "w").write(text)
print(); print(text, end="")
PY
echo "Written: $JSON, $MD"
