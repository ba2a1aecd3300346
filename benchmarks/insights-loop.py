#!/usr/bin/env python3
"""Helper of benchmarks/insights-loop.sh: the scripted load mix, the insights snapshots, the segment
files of the proposal written into a copy of the WAR, and the comparison of prediction and
measurement. Standard library only.

  insights-loop.py setup   BASE                      store the notes the mix reads; prints a note id
  insights-loop.py measure BASE NOTE OUT.json --insights NAME=URL ... [--warmup N] [--calls N] [--rounds R]
                          [--max-seconds S] [--pids FILE]
                                                     warm-up, then R measured rounds of N calls each; per
                                                     round the deltas of every insights view (window=all)
                                                     and the CPU used by FILE's processes and by others
  insights-loop.py proposal INSIGHTS.json OUT.json   the advisor's first proposal (fails without one)
  insights-loop.py rewrite-war SRC.war DST.war PROPOSAL.json   the proposal's segment files into a copy
  insights-loop.py segments WAR.war                  the segment names a WAR holds
  insights-loop.py probe   BASE NOTE PROCEDURE N OUT.json   N calls of PROCEDURE alone: client p50/mean
  insights-loop.py report  RUN_FOLDER OUT.json [NOTE]   the table, from the files above in RUN_FOLDER
"""
import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse
import urllib.request
import zipfile

SEGMENTS = "WEB-INF/classes/META-INF/jitar/segments/"
TARGET = 0.30  # the target: prediction within +-30 % of measurement

# The scripted mix, one cycle of 40 sequential calls: crunch/hashChain with a small rounds value
# (it calls vault/sign once, a procedure of another segment) is 32 of them and takes well over 25 %
# of the time serving RPC calls (about 55 % standalone); the other 8 are lighter or rarer calls to
# every other segment (crunch/primes is cheap but asynchronous, ~0.7 ms, hence only one per cycle).
HASH_ROUNDS = 1000


def mix(note):
    return (
        [("GET", "crunch/hashChain?text=jitar&rounds=%d" % HASH_ROUNDS, None)] * 32
        + [("GET", "crunch/primes?limit=1000", None)]
        + [("GET", "crunch/fingerprint?noteId=%s&rounds=20" % note, None)] * 2
        + [("GET", "notes/get?id=%s" % note, None)] * 2
        + [("POST", "lobby/greet", {"name": "Ada"}),
           ("GET", "lobby/time", None),
           ("POST", "lobby/time", {"zone": "Europe/Amsterdam"})]
    )


def interleave(calls):
    """The cycle in a fixed order: the light calls spread evenly between the hashChain calls."""
    hot = [c for c in calls if c[1].startswith("crunch/hashChain")]
    rest = [c for c in calls if not c[1].startswith("crunch/hashChain")]
    step = max(1, len(hot) // max(1, len(rest)))
    out = []
    while hot or rest:
        out.extend(hot[:step]); del hot[:step]
        if rest:
            out.append(rest.pop(0))
    return out


class Client:
    """One keep-alive HTTP/1.1 connection; reconnects (and counts it) if the server closes it."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.reconnects = -1
        self.conn = None

    def call(self, method, path, body):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                self.reconnects += 1
            try:
                data = None if body is None else json.dumps(body).encode()
                headers = {} if body is None else {"Content-Type": "application/json"}
                self.conn.request(method, "/rpc/" + path, body=data, headers=headers)
                response = self.conn.getresponse()
                payload = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close(); self.conn = None
                return response.status, payload
            except (http.client.HTTPException, ConnectionError, OSError):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


def get_json(url, timeout=20):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read())


def setup(base):
    client = Client(base)
    note = None
    for i in range(3):
        status, payload = client.call("POST", "notes/add", {"note": {"author": "Ada", "text": "insights loop %d" % i}})
        if status != 200:
            sys.exit("notes/add answered %d: %s" % (status, payload[:300]))
        note = json.loads(payload)["id"]
    print(note)


def run_mix(client, calls, count, deadline, latencies=None):
    """count calls of the mix, one after another; returns (calls, client seconds). latencies: a dict
    that gets every call's client-side latency in ms, by procedure."""
    errors, done, start = [], 0, time.perf_counter()
    while done < count:
        for method, path, body in calls:
            if done == count:
                break
            t = time.perf_counter()
            status, payload = client.call(method, path, body)
            if latencies is not None:
                latencies.setdefault(path.split("?")[0], []).append((time.perf_counter() - t) * 1000)
            if status != 200:
                errors.append("%s %s -> %d %s" % (method, path, status, payload[:200]))
            done += 1
        if time.monotonic() > deadline:
            sys.exit("the load took longer than its time bound; stopped after %d calls" % done)
    if errors:
        sys.exit("%d of %d calls failed, e.g. %s" % (len(errors), count, errors[0]))
    return done, time.perf_counter() - start


def distribution(values):
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    return {"calls": len(values), "meanMs": round(statistics.fmean(values), 4), "p50Ms": round(pick(0.5), 4),
            "p90Ms": round(pick(0.9), 4), "p99Ms": round(pick(0.99), 4)}


class Cpu:
    """CPU used between two readings: by the whole machine, and by the processes named in a pids
    file ("name pid port" lines) plus this one; the rest is other work (a build next door)."""

    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self, pids_file):
        self.pids_file = pids_file

    def read(self):
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        busy = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
        ours = 0
        if self.pids_file:
            for line in open(self.pids_file):
                parts = line.split()
                try:
                    with open("/proc/%s/stat" % parts[1]) as f:
                        stat = f.read().rsplit(")", 1)[1].split()
                    ours += int(stat[11]) + int(stat[12])
                except (OSError, IndexError):
                    pass
        t = os.times()
        ours += int((t.user + t.system) * self.TICK)
        return time.monotonic(), busy, ours

    def since(self, before):
        now = self.read()
        seconds = now[0] - before[0]
        return {"machineCores": round((now[1] - before[1]) / self.TICK / seconds, 2),
                "ourCores": round((now[2] - before[2]) / self.TICK / seconds, 2),
                "otherCores": round(max(0, (now[1] - before[1]) - (now[2] - before[2])) / self.TICK / seconds, 2)}


def edges_by_key(report):
    return {(e["caller"], e["callee"], e["remote"]): e for e in report["edges"]}


def delta(before, after):
    """The edges of one insights view counted between two snapshots (window=all is cumulative)."""
    b = edges_by_key(before)
    out = []
    for key, e in edges_by_key(after).items():
        old = b.get(key, {})
        d = {k: e[k] - old.get(k, 0) for k in ("calls", "nanos", "clientErrors", "serverErrors", "bytesSent",
                                                "bytesReceived", "viaGateway")}
        if d["calls"]:
            out.append(dict(caller=key[0], callee=key[1], remote=key[2], **d))
    return out


def measure(base, note, out, views, warmup, calls, rounds, max_seconds, pids_file=None):
    deadline = time.monotonic() + max_seconds
    cpu = Cpu(pids_file)
    client = Client(base)
    cycle = interleave(mix(note))
    result = {"base": base, "mixCycle": ["%s %s" % (m, p.split("?")[0]) for m, p, _ in cycle],
              "warmupCalls": warmup, "callsPerRound": calls, "rounds": []}
    # The warm-up in chunks of one round's size, each counted like a round, to show how the means
    # settle (JIT compilation of the paths the mix takes).
    t = time.perf_counter()
    result["warmupChunks"] = []
    left = warmup
    while left > 0:
        before = {name: get_json(url + "?window=all") for name, url in views.items()}
        cpu_before = cpu.read()
        done, seconds = run_mix(client, cycle, min(calls, left), deadline)
        used = cpu.since(cpu_before)
        after = {name: get_json(url + "?window=all") for name, url in views.items()}
        result["warmupChunks"].append({"calls": done, "clientSeconds": seconds, "cpu": used,
                                       "views": {name: delta(before[name], after[name]) for name in views}})
        left -= done
    result["warmupSeconds"] = round(time.perf_counter() - t, 1)
    print("  warm-up: %d calls in %.1f s" % (warmup, result["warmupSeconds"]), flush=True)
    for r in range(rounds):
        before = {name: get_json(url + "?window=all") for name, url in views.items()}
        latencies = {}
        cpu_before = cpu.read()
        done, seconds = run_mix(client, cycle, calls, deadline, latencies)
        used = cpu.since(cpu_before)
        after = {name: get_json(url + "?window=all") for name, url in views.items()}
        entry = {"calls": done, "clientSeconds": seconds, "clientMeanMs": seconds * 1000 / done, "cpu": used,
                 "client": {path: distribution(v) for path, v in latencies.items()},
                 "views": {name: delta(before[name], after[name]) for name in views}}
        result["rounds"].append(entry)
        print("  round %d: %d calls in %.1f s (%.3f ms per call at the client); CPU: ours %.2f cores, other work %.2f"
              % (r + 1, done, seconds, entry["clientMeanMs"], used["ourCores"], used["otherCores"]), flush=True)
    result["reconnects"] = client.reconnects
    result["last"] = {name: get_json(url + "?window=all") for name, url in views.items()}
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


def probe(base, note, procedure, count, out):
    """The entry procedure alone, as the mix calls it, at the worker that runs it (no gateway hop):
    the client's latency distribution, so that the added latency can be given as p50 and as mean."""
    calls = [c for c in interleave(mix(note)) if c[1].split("?")[0] == procedure][:1]
    if not calls:
        sys.exit("the mix does not call " + procedure)
    latencies = {}
    run_mix(Client(base), calls, count, time.monotonic() + 120, latencies)
    result = {"base": base, "procedure": procedure, **distribution(latencies[procedure])}
    json.dump(result, open(out, "w"), indent=1)
    print("  probe at the worker itself: %d %s calls, client p50 %.3f ms, mean %.3f ms, p99 %.3f ms" % (
        count, procedure, result["p50Ms"], result["meanMs"], result["p99Ms"]), flush=True)


def proposal(insights_file, out):
    report = json.load(open(insights_file))
    advice = report["advice"]
    for line in advice["words"]:
        print("  advice: " + line)
    if not advice["proposals"]:
        sys.exit("the advisor proposed no split (see the advice above)")
    first = advice["proposals"][0]
    json.dump(first, open(out, "w"), indent=1)
    print("  first proposal: segment %s, procedures %s, files %s" % (first["segment"], ", ".join(first["procedures"]),
          ", ".join(first["files"])))


def rewrite_war(src, dst, proposal_file):
    files = json.load(open(proposal_file))["files"]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            name = item.filename
            if name.startswith(SEGMENTS) and name[len(SEGMENTS):] in files:
                continue  # replaced below
            zout.writestr(item, zin.read(name))
        for name, content in files.items():
            zout.writestr(SEGMENTS + name, json.dumps(content, indent=4) + "\n")


def segments(war):
    with zipfile.ZipFile(war) as z:
        names = [n[len(SEGMENTS):-5] for n in z.namelist()
                 if n.startswith(SEGMENTS) and n.endswith(".json") and "/" not in n[len(SEGMENTS):]]
    print(" ".join(sorted(names)))


def procedure_ms(edges, procedure):
    """(calls, mean ms) of a procedure's own runs: its edges from callers in the same process."""
    own = [e for e in edges if e["callee"] == procedure and not e["remote"]]
    calls = sum(e["calls"] for e in own)
    return calls, (sum(e["nanos"] for e in own) / 1e6 / calls if calls else float("nan"))


def edge(edges, caller, callee, remote):
    return next((e for e in edges if e["caller"] == caller and e["callee"] == callee and e["remote"] == remote), None)


def chunks(measured, view, procedure):
    return [round(procedure_ms(c["views"][view], procedure)[1], 4) for c in measured.get("warmupChunks", [])]


def load(path):
    try:
        return json.load(open(path))
    except FileNotFoundError:
        return None


def report(run, out, note=""):
    """The comparison, from the files measure, probe and proposal wrote into the run folder."""
    sa, cl, prop = load(run + "/standalone.json"), load(run + "/cluster.json"), load(run + "/proposal.json")
    sa_probe, cl_probe = load(run + "/probe-standalone.json"), load(run + "/probe-cluster.json")
    entry = prop["entry"]
    predicted = prop["addedMsPerEntryCall"]
    sa_rounds = [procedure_ms(r["views"]["standalone"], entry) for r in sa["rounds"]]
    cl_rounds = [procedure_ms(r["views"]["hot"], entry) for r in cl["rounds"]]
    sa_mean = statistics.median(m for _, m in sa_rounds)
    cl_mean = statistics.median(m for _, m in cl_rounds)
    measured = cl_mean - sa_mean
    error = (predicted - measured) / measured if measured > 0 else float("inf")
    # What each remote call of the moved procedures cost in the cluster, per round: the caller's view
    # (network included) minus the callee's own run on the other worker; and whether it went direct.
    remote, per_entry = [], []
    for r in cl["rounds"]:
        hot, rest = r["views"]["hot"], r["views"]["rest"]
        calls, _ = procedure_ms(hot, entry)
        outward = [e for e in hot if e["remote"] and e["caller"] in prop["procedures"]]
        per_entry.append(sum(e["calls"] for e in outward) / calls if calls else 0)
        for e in outward:
            _, callee_ms = procedure_ms(rest, e["callee"])
            remote.append({"caller": e["caller"], "callee": e["callee"], "calls": e["calls"],
                           "callerViewMs": round(e["nanos"] / 1e6 / e["calls"], 4), "calleeOwnMs": round(callee_ms, 4),
                           "addedMs": round(e["nanos"] / 1e6 / e["calls"] - callee_ms, 4), "viaGateway": e["viaGateway"]})
    live = statistics.median(x["addedMs"] for x in remote) if remote else None
    probe = None
    if sa_probe and cl_probe:
        probe = {"standalone": sa_probe, "cluster": cl_probe,
                 "addedP50Ms": round(cl_probe["p50Ms"] - sa_probe["p50Ms"], 4),
                 "addedMeanMs": round(cl_probe["meanMs"] - sa_probe["meanMs"], 4)}
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "note": note,
        "procedure": entry,
        "proposal": {k: prop[k] for k in ("segment", "procedures", "shareOfTime", "crossCallsPerEntryCall", "remoteCallMs",
                                          "addedMsPerEntryCall", "costBasis", "advice")},
        "proposalFiles": sorted(prop["files"]),
        "mix": {"cycle": sa["mixCycle"], "warmupCalls": sa["warmupCalls"], "callsPerRound": sa["callsPerRound"],
                "rounds": len(sa["rounds"])},
        "standalone": {"calls": sum(c for c, _ in sa_rounds), "meanMsPerRound": [round(m, 4) for _, m in sa_rounds],
                       "meanMs": round(sa_mean, 4), "warmupSeconds": sa["warmupSeconds"],
                       "warmupMeanMsPerChunk": chunks(sa, "standalone", entry)},
        "cluster": {"calls": sum(c for c, _ in cl_rounds), "meanMsPerRound": [round(m, 4) for _, m in cl_rounds],
                    "meanMs": round(cl_mean, 4), "warmupSeconds": cl["warmupSeconds"],
                    "warmupMeanMsPerChunk": chunks(cl, "hot", entry),
                    "crossCallsPerEntryCall": [round(x, 3) for x in per_entry],
                    "remoteCallsPerRound": remote, "addedMsPerRemoteCallMedian": None if live is None else round(live, 4)},
        "measuredAddedMs": round(measured, 4),
        "predictedAddedMs": predicted,
        "basis": prop["costBasis"],
        "errorPercent": round(error * 100, 1),
        "target": "prediction within +-30% of measurement",
        "verdict": "PASS" if abs(error) <= TARGET else "MISS",
        "probeAtTheWorker": probe,
        "otherCpuCoresPerRound": {"standalone": [r.get("cpu", {}).get("otherCores") for r in sa["rounds"]],
                                  "cluster": [r.get("cpu", {}).get("otherCores") for r in cl["rounds"]]},
        "clientMeanMsPerCall": {"standalone": [round(r["clientMeanMs"], 4) for r in sa["rounds"]],
                                "cluster": [round(r["clientMeanMs"], 4) for r in cl["rounds"]]},
    }
    json.dump(result, open(out, "w"), indent=1)
    header = ("procedure", "calls", "standalone mean", "cluster mean", "measured added", "predicted added", "basis", "error")
    row = (entry, "%d + %d" % (result["standalone"]["calls"], result["cluster"]["calls"]), "%.3f ms" % sa_mean,
           "%.3f ms" % cl_mean, "%.3f ms" % measured, "%.3f ms" % predicted, prop["costBasis"], "%+.0f%%" % (error * 100))
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] + ["---:"] * 5 + ["---", "---:"]) + "|")
    print("| " + " | ".join(row) + " |")
    print()
    print("Means: the procedure's own time inside the worker that runs it (median of %d rounds of %d mix calls);"
          % (len(sa["rounds"]), sa["callsPerRound"]))
    print("the hop of the entry call itself (client -> %s -> worker) is in neither."
          % ("gateway" if "proxy" not in note else "proxy -> gateway"))
    print("Per round, standalone: %s ms; cluster: %s ms" % (", ".join("%.3f" % m for _, m in sa_rounds),
                                                            ", ".join("%.3f" % m for _, m in cl_rounds)))
    print("Warm-up, per chunk of %d calls: standalone %s ms; cluster %s ms" % (
        sa["callsPerRound"], ", ".join("%.3f" % m for m in result["standalone"]["warmupMeanMsPerChunk"]),
        ", ".join("%.3f" % m for m in result["cluster"]["warmupMeanMsPerChunk"])))
    for x in remote:
        print("  remote %s -> %s: %d calls, %.3f ms as the caller saw it, %.3f ms the callee's own run: +%.3f ms;"
              " %d via the gateway" % (x["caller"], x["callee"], x["calls"], x["callerViewMs"], x["calleeOwnMs"],
                                       x["addedMs"], x["viaGateway"]))
    if probe:
        print("Probe (%s alone, at its worker, no gateway hop; client side): standalone p50 %.3f / mean %.3f ms,"
              " cluster p50 %.3f / mean %.3f ms: added p50 %.3f ms, mean %.3f ms"
              % (entry, sa_probe["p50Ms"], sa_probe["meanMs"], cl_probe["p50Ms"], cl_probe["meanMs"],
                 probe["addedP50Ms"], probe["addedMeanMs"]))
    print("Other work on the machine during the rounds (cores): standalone %s; cluster %s" % (
        ", ".join(str(x) for x in result["otherCpuCoresPerRound"]["standalone"]),
        ", ".join(str(x) for x in result["otherCpuCoresPerRound"]["cluster"])))
    print("Target (prediction within +-30%% of measurement): %s (%+.0f%%)" % (result["verdict"], error * 100))


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "setup":
        setup(argv[2])
    elif command == "measure":
        base, note, out = argv[2:5]
        opts = argv[5:]
        views, warmup, calls, rounds, max_seconds, pids_file = {}, 3000, 3000, 3, 240, None
        i = 0
        while i < len(opts):
            key, value = opts[i], opts[i + 1]
            if key == "--insights":
                name, url = value.split("=", 1); views[name] = url
            elif key == "--warmup":
                warmup = int(value)
            elif key == "--calls":
                calls = int(value)
            elif key == "--rounds":
                rounds = int(value)
            elif key == "--max-seconds":
                max_seconds = float(value)
            elif key == "--pids":
                pids_file = value
            else:
                sys.exit("unknown option " + key)
            i += 2
        measure(base, note, out, views, warmup, calls, rounds, max_seconds, pids_file)
    elif command == "probe":
        probe(argv[2], argv[3], argv[4], int(argv[5]), argv[6])
    elif command == "proposal":
        proposal(argv[2], argv[3])
    elif command == "rewrite-war":
        rewrite_war(argv[2], argv[3], argv[4])
    elif command == "segments":
        segments(argv[2])
    elif command == "report":
        report(*argv[2:5])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
