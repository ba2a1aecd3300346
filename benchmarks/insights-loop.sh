#!/usr/bin/env bash
# Benchmark: the insights loop, closed and measured (issue 15, part 6). The seed's four steps, done
# by the runtime and checked against a measurement:
#   1. the showcase standalone (one Payara Micro, every segment) under a scripted load mix; read
#      GET /jitar/insights and take the split advisor's first proposal;
#   2. a copy of showcase.war whose META-INF/jitar/segments/ holds exactly the proposal's files;
#   3. a local cluster from it: repository, gateway, one worker for the proposed segment, one for
#      every other segment (direct remote calls, the default), proxy;
#   4. the same mix through the gateway; the entry procedure's mean time inside the worker, cluster
#      minus standalone, is the added latency per entry call, compared with the prediction.
# Both means are the procedure's own time as the worker measured it (edges of window=all, counted
# between snapshots before and after each measured round), so the hop of the entry call itself
# (client -> gateway -> worker) is not part of either. One connection, sequential calls; a fixed
# number of calls. Everything on 127.0.0.1 on free ports; Hazelcast and phone-home off. Stops every
# process it started, by PID, also on failure or Ctrl-C. Not a test: it exits 0 when it ran to the
# end, whether the prediction is within the target (PASS) or not (MISS).
#
#   benchmarks/insights-loop.sh
#     WARMUP=60000   calls before the measured rounds, standalone and cluster alike (the cluster's
#                    remote path took 30,000-40,000 calls to settle; 15,000 measured 0.49 ms, not ~0.37)
#     CALLS=5000     calls per measured round;  ROUNDS=5   measured rounds (the median is compared)
#     VIA=gateway    where the cluster's entry calls go: gateway or proxy
#     PROBE=3000     then calls of the entry procedure alone at the worker that runs it, for the
#                    client-side p50 and mean of the added latency (0: no probe)
#     JAVA=/path/to/java   another JDK for the Payara services
#
# Uses what is built (it never builds): examples/showcase/target/showcase.war,
# {gateway,proxy,repository}-war/target/*.war and server-config/target/payara-micro.jar, all copied
# into its run folder first. Writes target/insights-loop/result.json (and run-*/ with the logs,
# the insights snapshots, the proposal and the rewritten WAR).
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-60000}
CALLS=${CALLS:-5000}
ROUNDS=${ROUNDS:-5}
VIA=${VIA:-gateway}
PROBE=${PROBE:-3000}
MAX_LOAD_SECONDS=${MAX_LOAD_SECONDS:-240} # per phase (warm-up and rounds)
case "$VIA" in gateway|proxy) ;; *) echo "VIA must be gateway or proxy" >&2; exit 2 ;; esac
for n in WARMUP CALLS ROUNDS PROBE MAX_LOAD_SECONDS; do
  [[ ${!n} =~ ^[0-9]+$ ]] || { echo "$n must be a whole number" >&2; exit 2; }
done
[ "$CALLS" -gt 0 ] && [ "$ROUNDS" -gt 0 ] || { echo "CALLS and ROUNDS must be at least 1" >&2; exit 2; }

fail() { echo "insights-loop: $*" >&2; exit 1; }
for f in examples/showcase/target/showcase.war gateway-war/target/gateway.war proxy-war/target/proxy.war \
  repository-war/target/repository.war server-config/target/payara-micro.jar server-config/src/main/payara/preboot.asadmin; do
  [ -f "$f" ] || fail "$f is missing: build the project first (./mvnw -B -DskipTests install)"
done
command -v python3 >/dev/null || fail "python3 is needed"

root=target/insights-loop
run="$root/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run/logs"
helper=(python3 benchmarks/insights-loop.py)
pids="$run/pids"; : >"$pids"
. server-config/src/main/scripts/payara-service.sh

# Copies of everything it starts from: the originals may be rebuilt while it runs.
echo "Copying the WARs and Payara Micro into $run/ ..."
cp examples/showcase/target/showcase.war gateway-war/target/gateway.war proxy-war/target/proxy.war \
  repository-war/target/repository.war "$run/"
cp server-config/target/payara-micro.jar "$run/payara-micro.jar"
cp -R server-config/src/main/payara "$run/payara-config"
payara_micro="$run/payara-micro.jar"
payara_config="$run/payara-config"
assets=()
if [ -d examples/showcase/src/main/webapp/WEB-INF/assets ]; then
  cp -R examples/showcase/src/main/webapp/WEB-INF/assets "$run/assets"
  assets=(JITAR_REPOSITORY_ASSET_ROOT="$PWD/$run/assets")
fi

cleanup() {
  local rc=$?
  set +e
  # Reverse start order, each by the PID recorded here, never by name.
  tac "$pids" 2>/dev/null | while read -r name pid port; do
    kill -0 "$pid" 2>/dev/null || continue
    payara_stop "$pid"
    echo "stopped $name (pid $pid)"
  done
  : >"$pids"
  rm -f "$run/payara-micro.jar"
  [ "$rc" = 0 ] || echo "insights-loop: FAILED (exit $rc); logs in $run/logs" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# launch NAME WAR [VAR=value...]: starts one service on a free port and waits until it is ready;
# "@PORT@" in a value becomes its port. Once more on another port when Payara logs ready but never
# accepts a connection (as local-cluster.sh does). Sets launched_port and launched_pid.
launch() {
  local name=$1 war=$2; shift 2
  local attempt rc port log="$run/logs/$name.log"
  for attempt in 1 2; do
    port=$(payara_free_port "$pids")
    : >"$log"
    payara_start "$log" "$war" "$port" "${@//@PORT@/$port}"
    echo "$name $payara_pid $port" >>"$pids"
    rc=0; payara_await "$name" "$payara_pid" "$port" "$log" 180 || rc=$?
    if [ "$rc" = 0 ]; then
      echo "  $name ready on http://127.0.0.1:$port (pid $payara_pid)"
      launched_port=$port; launched_pid=$payara_pid; return 0
    fi
    payara_stop "$payara_pid"
    sed -i "/^$name $payara_pid /d" "$pids"
    if [ "$rc" != 2 ] || [ "$attempt" = 2 ]; then fail "$name did not start (see $log)"; fi
    mv "$log" "$run/logs/$name.never-listened.log"
  done
}

stop_service() { # NAME PID
  payara_stop "$2"; sed -i "/^$1 $2 /d" "$pids"; echo "  stopped $1 (pid $2)"
}

started=$SECONDS
echo
echo "== Step 1: the showcase standalone under the load mix"
launch standalone "$run/showcase.war"
sa_port=$launched_port; sa_pid=$launched_pid
sa="http://127.0.0.1:$sa_port"
note=$("${helper[@]}" setup "$sa") || fail "could not store the notes the mix reads"
echo "  mix: $WARMUP calls warm-up, then $ROUNDS rounds of $CALLS calls, one connection"
"${helper[@]}" measure "$sa" "$note" "$run/standalone.json" --insights standalone="$sa/jitar/insights" \
  --warmup "$WARMUP" --calls "$CALLS" --rounds "$ROUNDS" --max-seconds "$MAX_LOAD_SECONDS" --pids "$pids" || fail "the standalone load failed"
curl -fsS --max-time 20 "$sa/jitar/insights?window=all" >"$run/standalone-insights.json" || fail "GET /jitar/insights failed"
"${helper[@]}" proposal "$run/standalone-insights.json" "$run/proposal.json" || fail "no proposal to deploy"
hot_entry=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["entry"])' "$run/proposal.json")
[ "$PROBE" = 0 ] || "${helper[@]}" probe "$sa" "$note" "$hot_entry" "$PROBE" "$run/probe-standalone.json" || fail "the probe failed"
stop_service standalone "$sa_pid"

echo
echo "== Step 2: the proposal's segment files into a copy of showcase.war"
segment=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["segment"])' "$run/proposal.json")
"${helper[@]}" rewrite-war "$run/showcase.war" "$run/showcase-split.war" "$run/proposal.json"
all_segments=$("${helper[@]}" segments "$run/showcase-split.war")
rest_segments=$(tr ' ' '\n' <<<"$all_segments" | grep -vx "$segment" | paste -sd, -)
echo "  segments in the WAR now: $all_segments"
echo "  layout: worker 'hot' runs $segment; worker 'rest' runs $rest_segments"

echo
echo "== Step 3: the cluster, one service after another"
key=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
launch repository "$run/repository.war" "${assets[@]}"
repository=$launched_port
launch gateway "$run/gateway.war" JITAR_TRUST_KEY="$key" JITAR_GATEWAY_MONITOR_INTERVAL=1s
gateway=$launched_port
worker_env=(JITAR_WORKER_GATEWAY="http://127.0.0.1:$gateway" JITAR_URL="http://127.0.0.1:@PORT@" JITAR_TRUST_KEY="$key"
  JITAR_WORKER_REPORT_INTERVAL=2s)
launch hot "$run/showcase-split.war" "${worker_env[@]}" JITAR_WORKER_SEGMENTS="$segment" JITAR_WORKER_NAME=hot
hot=$launched_port
launch rest "$run/showcase-split.war" "${worker_env[@]}" JITAR_WORKER_SEGMENTS="$rest_segments" JITAR_WORKER_NAME=rest
rest=$launched_port
launch proxy "$run/proxy.war" JITAR_PROXY_GATEWAY="http://127.0.0.1:$gateway" \
  JITAR_PROXY_REPOSITORY="http://127.0.0.1:$repository" JITAR_PROXY_TIMEOUT=30s
proxy=$launched_port
known=0
for _ in $(seq 1 120); do
  known=$(curl -fsS --max-time 5 -H "X-Jitar-Trust-Key: $key" "http://127.0.0.1:$gateway/workers" 2>/dev/null | grep -o '"id"' | wc -l || true)
  [ "$known" -ge 2 ] && break
  sleep 0.5
done
[ "$known" -ge 2 ] || fail "the gateway knows $known of 2 workers after 60 s (see $run/logs)"
entry=$([ "$VIA" = proxy ] && echo "http://127.0.0.1:$proxy" || echo "http://127.0.0.1:$gateway")
for _ in $(seq 1 120); do
  curl -fsS --max-time 5 "$entry/rpc/crunch/hashChain?text=jitar&rounds=1" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS --max-time 5 "$entry/rpc/crunch/hashChain?text=jitar&rounds=1" >/dev/null || fail "crunch/hashChain does not answer through the $VIA"
curl -fsS --max-time 5 "http://127.0.0.1:$gateway/cluster" >"$run/cluster-view.json" || true

echo
echo "== Step 4: the same mix through the $VIA"
note=$("${helper[@]}" setup "$entry") || fail "could not store the notes the mix reads"
"${helper[@]}" measure "$entry" "$note" "$run/cluster.json" --insights hot="http://127.0.0.1:$hot/jitar/insights" \
  --insights rest="http://127.0.0.1:$rest/jitar/insights" \
  --warmup "$WARMUP" --calls "$CALLS" --rounds "$ROUNDS" --max-seconds "$MAX_LOAD_SECONDS" --pids "$pids" || fail "the cluster load failed"
[ "$PROBE" = 0 ] || "${helper[@]}" probe "http://127.0.0.1:$hot" "$note" "$hot_entry" "$PROBE" "$run/probe-cluster.json" || fail "the probe failed"
curl -fsS --max-time 20 "http://127.0.0.1:$gateway/cluster/insights?window=all" >"$run/cluster-insights.json" || true
curl -fsS --max-time 20 "http://127.0.0.1:$hot/jitar/insights?window=all" >"$run/hot-insights.json" || true

echo
"${helper[@]}" report "$run" "$run/result.json" \
  "$(nproc) cores, $("${JAVA:-java}" -version 2>&1 | head -1); entry calls via the $VIA; WARMUP=$WARMUP CALLS=$CALLS ROUNDS=$ROUNDS"
cp "$run/result.json" "$root/result.json"
echo
echo "Result: $root/result.json (run folder $run, $((SECONDS - started)) s)"
