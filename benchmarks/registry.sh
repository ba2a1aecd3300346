#!/usr/bin/env bash
# JMH benchmark of the gateway's worker registry and balancer (benchmarks/jmh):
#   pick            - registry.balancer(name) + nextStart() + candidate(start, 0), 1/10/100 workers,
#                     cycling over the 10,000 procedures (and, for comparison, over 64 cache-resident ones)
#   register+remove - one more worker with P = 100/1,000/10,000 procedures joins and leaves
# on a registry of N workers x 10,000 procedures. Writes target/benchmarks/registry.json (JMH)
# and target/benchmarks/registry.md (table + verdicts), and prints the Markdown.
#
# Overrides (environment):
#   JMH_ARGS   extra JMH options, e.g. quick: JMH_ARGS="-wi 1 -i 1 -w 200ms -r 200ms"
#              or one benchmark only: JMH_ARGS="PickBenchmark"
#   SKIP_BUILD=1  reuse benchmarks/jmh/target/jitar-jmh.jar
# A full run takes about 5 minutes on 2 cores. Figures are indicative on a shared machine.
set -euo pipefail

cd "$(dirname "$0")/.."

OUT=target/benchmarks
JSON="$OUT/registry.json"
MD="$OUT/registry.md"
JAR=benchmarks/jmh/target/jitar-jmh.jar

command -v python3 >/dev/null || { echo "python3 is needed to read the JMH results" >&2; exit 1; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -B -q -DskipTests install -pl benchmarks/jmh -am
fi
mkdir -p "$OUT"

# -prof gc reports gc.alloc.rate.norm: bytes allocated per operation (the allocation-free check).
# shellcheck disable=SC2086  # JMH_ARGS is a list of options on purpose
java -jar "$JAR" -prof gc -rf json -rff "$JSON" ${JMH_ARGS:-"(Pick|Registration)Benchmark"}

python3 - "$JSON" "$MD" <<'PY'
import json, math, sys

json_path, md_path = sys.argv[1], sys.argv[2]
with open(json_path) as f:
    results = json.load(f)

def num(value):
    # JMH writes "NaN" (a string) as the error of a single iteration.
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan

def alloc_per_op(result):
    # The metric is "gc.alloc.rate.norm" in JMH 1.37, "·gc.alloc.rate.norm" in older versions.
    for name, metric in result.get("secondaryMetrics", {}).items():
        if name.lstrip("·") == "gc.alloc.rate.norm":
            return num(metric["score"])
    return math.nan

def fmt(value):
    if math.isnan(value):
        return "n/a"
    return f"{value:,.3f}" if value < 100 else f"{value:,.0f}"

rows = []
for r in results:
    if "CallGraphBenchmark" in r["benchmark"]:
        continue  # benchmarks/call-graph.sh reports those
    method = r["benchmark"].rsplit(".", 1)[1]
    kind = {"pick": "pick", "pickCachedProcedures": "pick (64 procedures)"}.get(method, "register+remove")
    params = r.get("params", {})
    pm = r["primaryMetric"]
    rows.append({
        "kind": kind,
        "workers": int(params["workers"]),
        # For a pick: the procedures it cycles over; for register+remove: P, the new worker's.
        "procedures": int(params.get("procedures", 10000)),
        "score": num(pm["score"]), "error": num(pm["scoreError"]), "unit": pm["scoreUnit"],
        "alloc": alloc_per_op(r),
    })
rows.sort(key=lambda row: (row["kind"] == "register+remove", row["kind"], row["workers"], row["procedures"]))

lines = ["# Registry and balancer benchmark", "",
         "Registry: N workers, each offering all 10,000 procedures. *procedures*: for pick the names it cycles",
         "over (pick (64 procedures): the first 64 only, which stay in cache), for register+remove P, the",
         "procedures of the worker that joins and leaves.", "",
         "| benchmark | workers | procedures | score ± error | unit | B/op |",
         "|---|---:|---:|---:|---|---:|"]
for row in rows:
    lines.append(f"| {row['kind']} | {row['workers']} | {row['procedures']:,} | "
                 f"{fmt(row['score'])} ± {fmt(row['error'])} | {row['unit']} | {fmt(row['alloc'])} |")
lines.append("")

picks = {row["workers"]: row for row in rows if row["kind"] == "pick"}
same = {row["workers"]: row for row in rows if row["kind"] == "pick (64 procedures)"}
if 1 in picks and 100 in picks:
    ratio = picks[100]["score"] / picks[1]["score"]
    verdict = "constant-time" if ratio <= 2 else "NOT constant-time"
    note = ""
    if 1 in same and 100 in same:
        note = f"; 64 cache-resident procedures: {same[100]['score'] / same[1]['score']:.2f}x"
    lines.append(f"- pick: {verdict} (100 workers / 1 worker = {ratio:.2f}x ns/op; limit 2x{note})")
all_picks = [row for row in rows if row["kind"] != "register+remove"]
if all_picks:
    worst = max(row["alloc"] for row in all_picks)
    verdict = "allocation-free" if worst <= 1 else "NOT allocation-free"
    lines.append(f"- pick: {verdict} (at most {fmt(worst)} B/op over every pick row; limit 1 B/op)")

# Linear in P: time = fixed + k * P. From P = 100 to 10,000 the time should grow towards 100x,
# i.e. a growth exponent log(t10000 / t100) / log(100) near 1. Near 0 means a cost independent of
# P dominates (e.g. rebuilding the whole registry); above 1 means worse than linear.
registrations = {(row["workers"], row["procedures"]): row for row in rows if row["kind"] == "register+remove"}
details, exponents = [], []
for n in sorted({workers for workers, _ in registrations}):
    low, high = registrations.get((n, 100)), registrations.get((n, 10000))
    if low and high:
        ratio = high["score"] / low["score"]
        exponent = math.log(ratio) / math.log(100)
        exponents.append(exponent)
        details.append(f"N={n}: P 100 -> 10,000 costs {ratio:.1f}x (exponent {exponent:.2f})")
if exponents:
    if all(0.7 <= e <= 1.3 for e in exponents):
        verdict = "linear"
    elif max(exponents) > 1.3:
        verdict = "NOT linear (grows faster than P)"
    else:
        verdict = "NOT linear in P (a cost independent of P dominates)"
    lines.append(f"- register+remove: {verdict}; proportional would be 100x: " + "; ".join(details))
    by_workers = [f"P={p:,}: {registrations[(100, p)]['score'] / registrations[(1, p)]['score']:.1f}x"
                  for p in (100, 1000, 10000) if (1, p) in registrations and (100, p) in registrations]
    if by_workers:
        lines.append("- register+remove, 100 workers / 1 worker (registry size): " + "; ".join(by_workers))

text = "\n".join(lines) + "\n"
with open(md_path, "w") as f:
    f.write(text)
print()
print(text, end="")
PY
echo "Written: $JSON, $MD"
