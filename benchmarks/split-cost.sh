#!/usr/bin/env bash
# Benchmark: what a split costs. The entry procedure entry/run calls the small procedure leaf/echo
# K times (K = 1 and 10; benchmarks/split-war), with the callee
#   (a) local     in the same segment: one standalone worker, a local CDI call
#   (b) gateway   in another segment, through the gateway (jitar.worker.remote-calls=gateway)
#   (c) direct    in another segment, called at the callee worker (remote-calls=direct, the default)
#   (o) original  the original Jitar's segment call, entry worker -> gateway -> leaf worker, and its
#                 standalone with both segments as its local baseline (benchmarks/original-jitar/split-app)
# Entry calls go to the entry worker itself, so only the remote call differs between (b) and (c).
# Per variant and K: entry calls/s, p50/p99 at CONNECTIONS connections, CPU µs per entry call of
# each process (from /proc), CPU µs per remote call beyond the local call, and on one connection the
# p50 each remote call adds. Production JVM flags; everything on 127.0.0.1; Hazelcast and
# phone-home off. Not part of the tests. Stops every process it started, also on failure or Ctrl-C.
#
#   benchmarks/split-cost.sh
#     DURATION=15s CONNECTIONS=32 THREADS=2 ROUNDS=2   the load of each measured run
#     WARMUP=120s    load per Java variant before measuring (30 s proved far too short);  ORIGINAL=0  leave out the original Jitar
#     JAVA=/path/to/java   another JDK for the Payara services;  SKIP_BUILD=1  uses what is built
#
# Writes target/benchmarks/split-cost.md (OUT=folder to change it), split-cost.png and the raw runs
# (split-runs.tsv), and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-120s}
ORIGINAL=${ORIGINAL:-1}
JAVA=${JAVA:-java}
JVM="-Xms512m -Xmx512m -Dhazelcast.phone.home.enabled=false"
export HZ_PHONE_HOME_ENABLED=false

need() { # command debian-package
  command -v "$1" >/dev/null && return
  echo "$1 is missing: installing the Debian package $2" >&2
  apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2"; }
}
need wrk wrk
need python3 python3
need gnuplot gnuplot-nox
[ "$ORIGINAL" = 1 ] && { need node nodejs; need npm npm; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building..."
  ./mvnw -B -q -DskipTests install -am -pl benchmarks/split-war,gateway-war,server-config
fi

out=${OUT:-target/benchmarks}
mkdir -p "$out/logs"
runs="$out/split-runs.tsv"; : >"$runs"
procs="$out/split-processes.tsv"; : >"$procs"
pids=()
scratch=$(mktemp -d)
cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT INT TERM

taken=" "
pick_port() { # VAR: a free port below the ephemeral range, not handed out before in this run
  local port
  while true; do
    port=$(( 20000 + RANDOM % 12000 ))
    if [[ "$taken" != *" $port "* ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken+="$port "; printf -v "$1" '%s' "$port"; return
    fi
  done
}

service() { echo "$1	$2" >>"$procs"; }

wait_for() { # what url expected-body
  for _ in $(seq 1 600); do
    [ "$(curl -s "$2" 2>/dev/null)" = "$3" ] && return 0
    sleep 0.2
  done
  echo "$1 did not answer $2 with '$3'; see $out/logs" >&2; exit 1
}

start_payara() { # name war port [env...]  -- one after another: parallel starts on 2 cores take 5x longer
  local name=$1 war=$2 port=$3; shift 3
  env "$@" "$JAVA" $JVM -jar server-config/target/payara-micro.jar --deploy "$war:/" --port "$port" \
    --nohazelcast --disablephonehome --prebootcommandfile server-config/src/main/payara/preboot.asadmin \
    >"$out/logs/split-$name.log" 2>&1 &
  pids+=($!); service "$name" $!
  for _ in $(seq 1 360); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$!" 2>/dev/null || break
    sleep 0.5
  done
  echo "$name did not start; see $out/logs/split-$name.log" >&2; exit 1
}

war=benchmarks/split-war/target/split.war
echo "Starting our services..."
pick_port local; pick_port gw; pick_port leaf; pick_port eg; pick_port ed
start_payara local "$war" "$local"
start_payara gateway gateway-war/target/gateway.war "$gw" JITAR_GATEWAY_MONITOR_INTERVAL=1s
start_payara leaf "$war" "$leaf" JITAR_WORKER_GATEWAY="http://127.0.0.1:$gw" JITAR_URL="http://127.0.0.1:$leaf" \
  JITAR_WORKER_SEGMENTS=leaf JITAR_WORKER_NAME=leaf
start_payara entry-gateway "$war" "$eg" JITAR_WORKER_GATEWAY="http://127.0.0.1:$gw" JITAR_URL="http://127.0.0.1:$eg" \
  JITAR_WORKER_SEGMENTS=entry JITAR_WORKER_NAME=entry-gateway JITAR_WORKER_REMOTE_CALLS=gateway
start_payara entry-direct "$war" "$ed" JITAR_WORKER_GATEWAY="http://127.0.0.1:$gw" JITAR_URL="http://127.0.0.1:$ed" \
  JITAR_WORKER_SEGMENTS=entry JITAR_WORKER_NAME=entry-direct

declare -A base members
base[local]="http://127.0.0.1:$local";       members[local]="local"
base[gateway]="http://127.0.0.1:$eg";        members[gateway]="entry-gateway gateway leaf"
base[direct]="http://127.0.0.1:$ed";         members[direct]="entry-direct gateway leaf"
variants=(local gateway direct)
for v in "${variants[@]}"; do wait_for "$v" "${base[$v]}/rpc/entry/run?times=3" 3; done
# Direct only once the entry worker's routes name the leaf: the gateway's view counts its reports.
for _ in $(seq 1 100); do
  for _ in 1 2 3; do curl -s "${base[direct]}/rpc/entry/run?times=1" >/dev/null; done
  curl -s "http://127.0.0.1:$gw/cluster" | grep -q '"name":"leaf"[^}]*"directRequests":[1-9]' && break
  sleep 0.3
done

if [ "$ORIGINAL" = 1 ]; then
  echo "Installing and starting the original Jitar (npm) in $scratch/original..."
  app="$scratch/original/app"
  mkdir -p "$app"
  cp -R benchmarks/original-jitar/split-app/. "$app/"
  cp benchmarks/original-jitar/loopback.cjs "$scratch/original/"
  (cd "$app" && npm ci --registry=https://registry.npmjs.org/ --no-audit --no-fund --ignore-scripts --loglevel=error \
    && NODE_ENV=production node node_modules/jitar/dist/cli.js build --log-level=warn) >"$out/logs/split-original-install.log" 2>&1
  pick_port ogw; pick_port oleaf; pick_port oentry; pick_port olocal
  start_node() { # name service port
    (cd "$app" && JITAR_PORT=$3 JITAR_GATEWAY_PORT=$ogw NODE_ENV=production exec node --require "$scratch/original/loopback.cjs" \
      node_modules/jitar/dist/cli.js start --service="services/$2.json" --log-level=warn) >"$out/logs/split-$1.log" 2>&1 &
    pids+=($!); service "$1" $!
  }
  start_node original-gateway gateway "$ogw"; wait_for original-gateway "http://127.0.0.1:$ogw/health/status" true
  start_node original-leaf leaf "$oleaf"
  start_node original-entry entry "$oentry"
  start_node original-local standalone "$olocal"
  base[original-local]="http://127.0.0.1:$olocal"; members[original-local]="original-local"
  base[original]="http://127.0.0.1:$oentry";      members[original]="original-entry original-gateway original-leaf"
  for v in original-local original; do wait_for "$v" "${base[$v]}/rpc/entry/run?times=3" 3; done
  variants+=(original-local original)
fi

pid_of() { awk -F'\t' -v n="$1" '$1==n {print $2}' "$procs"; }
ticks() { awk '{print $14+$15}' /proc/"$1"/stat 2>/dev/null || echo 0; }

run() { # kind(load|single) variant K round
  local kind=$1 v=$2 k=$3 round=$4 c=$CONNECTIONS t=$THREADS raw m before=() cpu=""
  [ "$kind" = single ] && { c=1; t=1; }
  for m in ${members[$v]}; do before+=("$(ticks "$(pid_of "$m")")"); done
  raw=$(wrk -t"$t" -c"$c" -d"$DURATION" --latency "${base[$v]}/rpc/entry/run?times=$k")
  local i=0
  for m in ${members[$v]}; do cpu+="$m=$(( $(ticks "$(pid_of "$m")") - before[i] )),"; i=$((i + 1)); done
  local requests rps p50 p99 bad
  requests=$(awk '/requests in/ {print $1}' <<<"$raw")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$raw")
  p50=$(awk '$1=="50%" {print $2}' <<<"$raw")
  p99=$(awk '$1=="99%" {print $2}' <<<"$raw")
  bad=$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(",", ""); n+=$4+$6+$8+$10} END {print n+0}' <<<"$raw")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$v" "$k" "$round" "$rps" "$p50" "$p99" "$requests" "$bad" "${cpu%,}" >>"$runs"
  printf '  %-6s %-15s K=%-2s round %s: %9s calls/s  p50 %8s  p99 %8s  errors %s\n' "$kind" "$v" "$k" "$round" "$rps" "$p50" "$p99" "$bad"
}

echo "Warming up (${WARMUP} per Java variant, 10 s per original one)..."
for v in "${variants[@]}"; do
  w=$WARMUP; [[ $v == original* ]] && w=10s
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$w" "${base[$v]}/rpc/entry/run?times=10" >/dev/null
done

echo "Measuring: $ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION per variant and K, variants alternating"
for round in $(seq 1 "$ROUNDS"); do
  for k in 1 10; do
    for v in "${variants[@]}"; do run load "$v" "$k" "$round"; done
  done
done
echo "Single connection (wrk -t1 -c1 -d$DURATION): the latency each remote call adds"
for k in 1 10; do
  for v in "${variants[@]}"; do run single "$v" "$k" 1; done
done

python3 benchmarks/split-report.py "$out" "$(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, services on $("$JAVA" -version 2>&1 | head -1)"
