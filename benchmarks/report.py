#!/usr/bin/env python3
"""Turns the raw runs of benchmarks/rpc-paths.sh into the report: a Markdown table (also printed),
the targets of the performance issue with their verdicts, and a PNG chart drawn by gnuplot.

    python3 benchmarks/report.py target/benchmarks "description of the setup"

Reads runs.tsv (kind, path, round, req/s, p50, p99, requests, errors, name=cpu-ticks,...),
processes.tsv (name, pid) and rss.tsv (name, kB). Each path is reported by its best round (highest
requests/s); every round is listed too, so the spread is visible.
"""
import os
import subprocess
import sys

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")

LABELS = {
    "floor": "(a) floor: plain JAX-RS on Payara Micro",
    "floor-servlet": "(a) floor: plain servlet on Payara Micro",
    "direct": "(b) worker direct",
    "gateway": "(c) gateway → 2 workers",
    "proxy": "(d) proxy → gateway → 2 workers",
    "nginx": "(e) nginx → worker",
    "metrics-on": "(g) standalone worker, metrics on",
    "metrics-off": "(g) standalone worker, metrics off",
    "gateway-grid": "(h) gateway with the grid registry → 2 workers",
    "original-direct": "(f) original Jitar: standalone",
    "original-gateway": "(f) original Jitar: gateway → 2 workers",
    "original-proxy": "(f) original Jitar: proxy → gateway → 2 workers",
}
SHORT = {"floor": "floor", "floor-servlet": "servlet floor", "direct": "direct", "gateway": "gateway", "proxy": "proxy", "nginx": "nginx",
         "metrics-on": "metrics on", "metrics-off": "metrics off", "gateway-grid": "grid gateway",
         "original-direct": "orig. direct", "original-gateway": "orig. gateway", "original-proxy": "orig. proxy"}


def millis(text):
    """wrk's latency ('850.00us', '1.23ms', '1.02s') in milliseconds."""
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * factor
    return float("nan")


def read_runs(folder):
    runs = []
    with open(os.path.join(folder, "runs.tsv")) as f:
        for line in f:
            kind, path, rnd, rps, p50, p99, requests, errors, cpu = line.rstrip("\n").split("\t")
            ticks = dict(item.split("=") for item in cpu.split(",") if item)
            requests = int(requests)
            runs.append({
                "kind": kind, "path": path, "round": int(rnd), "rps": float(rps),
                "p50": millis(p50), "p99": millis(p99), "requests": requests, "errors": int(errors),
                # CPU time per request of each process on the path, in microseconds
                "cpu": {name: int(t) * 1_000_000 / TICKS_PER_SECOND / max(requests, 1) for name, t in ticks.items()},
            })
    return runs


def best(runs, kind):
    chosen = {}
    for run in runs:
        if run["kind"] == kind and (run["path"] not in chosen or run["rps"] > chosen[run["path"]]["rps"]):
            chosen[run["path"]] = run
    return chosen


def cpu_text(run):
    return ", ".join(f"{name} {us:.0f}" for name, us in run["cpu"].items())


def verdict(ok):
    return "**met**" if ok else "**missed**"


def mean_rps(runs, path):
    rates = [r["rps"] for r in runs if r["kind"] == "load" and r["path"] == path]
    return sum(rates) / len(rates) if rates else None


def targets(load, single, runs=()):
    lines = []
    on, off = mean_rps(runs, "metrics-on"), mean_rps(runs, "metrics-off")
    if on and off:
        overhead = (1 - on / off) * 100
        best_overhead = (1 - load["metrics-on"]["rps"] / load["metrics-off"]["rps"]) * 100
        lines.append(f"MicroProfile Metrics per call cost {overhead:.1f}% of a worker's requests/s (mean of the rounds; "
                     f"best rounds: {best_overhead:.1f}%; target ≤ 3%) {verdict(overhead <= 3)}")
    grid, local = mean_rps(runs, "gateway-grid"), mean_rps(runs, "gateway")
    if grid and local:
        change = (grid / local - 1) * 100
        lines.append(f"gateway with the grid registry: {grid:.0f} against {local:.0f} req/s without it (mean of the rounds), "
                     f"{change:+.1f}% (target: within 5%) {verdict(change >= -5)}")
    direct = load.get("direct")

    def ratio_target(path, goal, original_path, original_note):
        if not direct or path not in load:
            return
        ratio = load[path]["rps"] / direct["rps"]
        text = f"{LABELS[path]} / direct = {ratio:.2f} (target ≥ {goal}) {verdict(ratio >= goal)}"
        if "original-direct" in load and original_path in load:
            original = load[original_path]["rps"] / load["original-direct"]["rps"]
            text += f"; the original in the same run: {original:.2f} ({original_note})"
        lines.append(text)

    ratio_target("gateway", 0.5, "original-gateway", "the issue quotes 0.21")
    ratio_target("proxy", 0.35, "original-proxy", "the issue quotes 0.13")
    if "gateway" in load and "original-gateway" in load:
        times = load["gateway"]["rps"] / load["original-gateway"]["rps"]
        lines.append(f"gateway path vs the original's gateway path: {times:.1f}× the requests/s (target ≥ 5×) {verdict(times >= 5)}")
    if "gateway" in single and "direct" in single:
        added = single["gateway"]["p50"] - single["direct"]["p50"]
        text = f"the gateway hop adds {added:.3f} ms at p50 on a single connection (target ≤ 0.5 ms) {verdict(added <= 0.5)}"
        if "original-gateway" in single and "original-direct" in single:
            text += f"; the original's adds {single['original-gateway']['p50'] - single['original-direct']['p50']:.3f} ms"
        if "nginx" in single:
            text += f"; nginx's adds {single['nginx']['p50'] - single['direct']['p50']:.3f} ms"
        lines.append(text)
    if "gateway" in load and "nginx" in load:
        ours = load["gateway"]["cpu"].get("gateway", 0)
        nginx = load["nginx"]["cpu"].get("nginx", 0)
        factor = ours / nginx if nginx else float("inf")
        lines.append(f"CPU per request of the gateway hop: {ours:.0f} µs against nginx's {nginx:.0f} µs = "
                     f"{factor:.1f}× (target ≤ 1.5×) {verdict(factor <= 1.5)}")
    return lines


def chart(folder, load, setup):
    order = [p for p in LABELS if p in load]
    data = os.path.join(folder, "rpc-paths.dat")
    with open(data, "w") as f:
        for i, path in enumerate(order):
            family = 2 if path.startswith("original") else (3 if path == "nginx" else 1)
            f.write(f'{i} "{SHORT[path]}" {load[path]["rps"]:.0f} {family}\n')
    png = os.path.join(folder, "rpc-paths.png")
    title = setup.replace('"', "'")  # the JDK's version string is quoted
    script = f"""
set terminal pngcairo size 1000,520 font ",11"
set output "{png}"
set title "Requests/s through each path (best round) - {title}" noenhanced font ",9"
set style fill solid 0.85 border -1
set boxwidth 0.7
set yrange [0:*]
set grid ytics
set ylabel "requests/s"
set xtics rotate by -20
set key off
set palette defined (1 "#2a6fbb", 2 "#d9822b", 3 "#5a9e4b")
unset colorbox
plot "{data}" using 1:3:4:xtic(2) with boxes lc palette, \\
     "" using 1:3:(sprintf("%d", $3)) with labels offset 0,0.8
"""
    try:
        subprocess.run(["gnuplot"], input=script, text=True, check=True, capture_output=True)
        return png
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"No chart: gnuplot failed: {e}", file=sys.stderr)
        return None


def main():
    folder, setup = sys.argv[1], sys.argv[2]
    runs = read_runs(folder)
    load, single = best(runs, "load"), best(runs, "single")
    rss = {}
    with open(os.path.join(folder, "rss.tsv")) as f:
        for line in f:
            name, kb = line.split()
            rss[name] = int(kb) // 1024
    direct = load.get("direct")
    out = [f"# RPC paths benchmark ({setup})", "",
           "Best round per path; CPU is the CPU time per request of each process on the path (µs).", "",
           "| path | requests/s | ratio to (b) | p50 ms | p99 ms | errors | CPU µs/request |",
           "|---|---:|---:|---:|---:|---:|---|"]
    for path in (p for p in LABELS if p in load):
        run = load[path]
        ratio = f"{run['rps'] / direct['rps']:.2f}" if direct else "-"
        out.append(f"| {LABELS[path]} | {run['rps']:,.0f} | {ratio} | {run['p50']:.2f} | {run['p99']:.2f} | "
                   f"{run['errors']} | {cpu_text(run)} |")
    out += ["", "## Single connection (wrk -t1 -c1)", "", "| path | requests/s | p50 ms | p99 ms | CPU µs/request |",
            "|---|---:|---:|---:|---|"]
    for path in (p for p in LABELS if p in single):
        run = single[path]
        out.append(f"| {LABELS[path]} | {run['rps']:,.0f} | {run['p50']:.3f} | {run['p99']:.3f} | {cpu_text(run)} |")
    out += ["", "## Targets", ""] + [f"- {line}" for line in targets(load, single, runs)]
    out += ["", "## Memory after the load (RSS)", "", "| service | RSS MiB |", "|---|---:|"]
    out += [f"| {name} | {mib} |" for name, mib in rss.items()]
    out += ["", "## Every round", "", "| kind | path | round | requests/s | p50 ms | p99 ms | errors |",
            "|---|---|---:|---:|---:|---:|---:|"]
    out += [f"| {r['kind']} | {r['path']} | {r['round']} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']} |"
            for r in runs]
    png = chart(folder, load, setup)
    if png:
        out += ["", f"![requests/s per path]({os.path.basename(png)})"]
    text = "\n".join(out) + "\n"
    with open(os.path.join(folder, "rpc-paths.md"), "w") as f:
        f.write(text)
    print(text)
    print(f"Report: {os.path.join(folder, 'rpc-paths.md')}" + (f", chart: {png}" if png else ""))


if __name__ == "__main__":
    main()
