#!/usr/bin/env python3
"""Turns the raw runs of benchmarks/split-cost.sh into its report: a Markdown table per K (also
printed), the targets of the direct-calls issue with their verdicts, and a PNG chart (gnuplot).

    python3 benchmarks/split-report.py target/benchmarks "description of the setup"

Reads split-runs.tsv (kind, variant, K, round, calls/s, p50, p99, requests, errors, name=ticks,...).
A variant is reported by its best round (highest calls/s). The cost of a remote call is what the
variant spends beyond its local baseline (ours: `local`; the original's: `original-local`), divided
by K: CPU µs of all its processes per entry call, and on one connection the p50.
"""
import os
import subprocess
import sys

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
LABELS = {
    "local": "(a) same segment: local CDI call",
    "gateway": "(b) other segment, through the gateway",
    "direct": "(c) other segment, direct",
    "original-local": "(o) original Jitar: both segments standalone",
    "original": "(o) original Jitar: worker → gateway → worker",
}
BASELINE = {"local": None, "gateway": "local", "direct": "local", "original-local": None, "original": "original-local"}
TARGETS = {"direct": (150, 0.2), "gateway": (350, 0.6)}  # CPU µs, added p50 ms per remote call


def millis(text):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * factor
    return float("nan")


def read_runs(folder):
    runs = []
    with open(os.path.join(folder, "split-runs.tsv")) as f:
        for line in f:
            kind, variant, k, rnd, rps, p50, p99, requests, errors, cpu = line.rstrip("\n").split("\t")
            ticks = dict(item.split("=") for item in cpu.split(",") if item)
            requests = int(requests)
            runs.append({
                "kind": kind, "variant": variant, "k": int(k), "round": int(rnd), "rps": float(rps),
                "p50": millis(p50), "p99": millis(p99), "requests": requests, "errors": int(errors),
                "cpu": {n: int(t) * 1_000_000 / TICKS_PER_SECOND / max(requests, 1) for n, t in ticks.items()},
            })
    return runs


def best(runs, kind):
    chosen = {}
    for run in runs:
        key = (run["variant"], run["k"])
        if run["kind"] == kind and (key not in chosen or run["rps"] > chosen[key]["rps"]):
            chosen[key] = run
    return chosen


def main(folder, setup):
    runs = read_runs(folder)
    load, single = best(runs, "load"), best(runs, "single")
    variants = [v for v in LABELS if any(key[0] == v for key in load)]
    lines = [f"# Split cost ({setup})", ""]
    costs = {}
    for k in (1, 10):
        lines += [f"## K = {k} remote calls per entry call", "",
                  "| variant | entry calls/s | p50 ms | p99 ms | CPU µs per entry call (per process) "
                  "| CPU µs per remote call | added p50 per remote call, 1 conn (ms) | errors |",
                  "|---|---:|---:|---:|---|---:|---:|---:|"]
        for v in variants:
            run = load.get((v, k))
            if run is None:
                continue
            total = sum(run["cpu"].values())
            per_process = ", ".join(f"{n} {c:.0f}" for n, c in run["cpu"].items())
            cpu_remote = latency_remote = None
            base = BASELINE[v]
            if base and (base, k) in load:
                cpu_remote = (total - sum(load[(base, k)]["cpu"].values())) / k
                if (v, k) in single and (base, k) in single:
                    latency_remote = (single[(v, k)]["p50"] - single[(base, k)]["p50"]) / k
            costs[(v, k)] = (cpu_remote, latency_remote)
            lines.append(f"| {LABELS[v]} | {run['rps']:,.0f} | {run['p50']:.2f} | {run['p99']:.2f} | "
                         f"{total:.0f} ({per_process}) | {fmt(cpu_remote, 0)} | {fmt(latency_remote, 3)} | {run['errors']} |")
        lines.append("")
    lines += ["## Targets (K = 10, where the per-call cost is measured best)", "",
              "| target | measured | verdict |", "|---|---|---|"]
    for v, (cpu_target, latency_target) in TARGETS.items():
        cpu, latency = costs.get((v, 10), (None, None))
        lines.append(f"| {v}: ≤ {cpu_target} µs CPU per remote call | {fmt(cpu, 0)} µs | {verdict(cpu, cpu_target)} |")
        lines.append(f"| {v}: ≤ {latency_target} ms added p50 per remote call | {fmt(latency, 3)} ms | "
                     f"{verdict(latency, latency_target)} |")
    original = costs.get(("original", 10), (None, None))[0]
    for v in ("direct", "gateway"):
        ours = costs.get((v, 10), (None, None))[0]
        ratio = original / ours if original and ours else None
        lines.append(f"| {v}: ≥ 5× less CPU per segment call than the original ({fmt(original, 0)} µs) | "
                     f"{fmt(ratio, 1)}× | {verdict(5, ratio) if ratio else 'not measured'} |")
    lines += ["", "Rounds (load): " + "; ".join(f"{r['variant']} K={r['k']} r{r['round']} {r['rps']:,.0f}/s"
                                                 for r in runs if r["kind"] == "load"), ""]
    report = "\n".join(lines)
    with open(os.path.join(folder, "split-cost.md"), "w") as f:
        f.write(report)
    print(report)
    chart(folder, costs)


def fmt(value, digits):
    return "–" if value is None else f"{value:,.{digits}f}"


def verdict(value, limit):
    return "–" if value is None else ("met" if value <= limit else "missed")


def chart(folder, costs):
    data = os.path.join(folder, "split-cost.dat")
    with open(data, "w") as f:
        for v in ("direct", "gateway", "original"):
            cpu = costs.get((v, 10), (None, None))[0]
            if cpu is not None:
                f.write(f'"{v}" {cpu:.1f}\n')
    script = (f'set terminal pngcairo size 800,400; set output "{os.path.join(folder, "split-cost.png")}";'
              'set title "CPU µs per remote call (K = 10), all processes"; set style fill solid; set boxwidth 0.6;'
              f'set yrange [0:*]; unset key; plot "{data}" using 0:2:xtic(1) with boxes, '
              f'"" using 0:2:(sprintf("%.0f", $2)) with labels offset 0,1')
    try:
        subprocess.run(["gnuplot", "-e", script], check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"(no chart: {e})", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
