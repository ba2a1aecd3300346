#!/usr/bin/env bash
# Benchmark: a trivial procedure (hello-world's sayHello) called (b) directly on one worker,
# (c) through the gateway balancing over two workers and (d) through proxy -> gateway -> workers,
# with the same wrk load, in alternating rounds of one session. Production JVM flags (not the test flags). Everything on 127.0.0.1, Hazelcast and
# phone-home off. Stops every process it started, also on failure or Ctrl-C.
#
#   benchmarks/rpc-paths.sh          (DURATION=20s CONNECTIONS=32 THREADS=2 ROUNDS=2 to change the load;
#                                     JAVA=/path/to/bin/java runs the services on another JDK)
#
# Writes target/benchmarks/rpc-paths.md and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
JVM="-Xmx512m -Dhazelcast.phone.home.enabled=false"
JAVA=${JAVA:-java}
export HZ_PHONE_HOME_ENABLED=false

if ! command -v wrk >/dev/null; then
  echo "wrk is missing: installing the Debian package" >&2
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
fi

echo "Building..."
mvn -B -q -DskipTests install -pl examples/hello-world,gateway-war,repository-war,proxy-war,server-config -am

out=target/benchmarks
mkdir -p "$out"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

taken=" "
pick_port() { # VAR: a port nothing answers on, not handed out before in this run
  local port
  while true; do
    port=$(( 20000 + RANDOM % 30000 ))
    if [[ "$taken" != *" $port "* ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken+="$port "; printf -v "$1" '%s' "$port"; return
    fi
  done
}

start() { # name war port [env...]
  local name=$1 war=$2 port=$3; shift 3
  env "$@" "$JAVA" $JVM -jar server-config/target/payara-micro.jar --deploy "$war:/" --port "$port" \
    --nohazelcast --disablephonehome --prebootcommandfile server-config/src/main/payara/preboot-loopback.asadmin \
    >"$out/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 360); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "$name did not start; see $out/$name.log" >&2; exit 1
}

pick_port gw; pick_port w1; pick_port w2; pick_port repo; pick_port px
start gateway gateway-war/target/gateway.war "$gw"
for pair in "worker1:$w1" "worker2:$w2"; do
  name=${pair%%:*}; port=${pair##*:}
  start "$name" examples/hello-world/target/hello-world.war "$port" \
    JITAR_WORKER_GATEWAY="http://127.0.0.1:$gw" JITAR_URL="http://127.0.0.1:$port" JITAR_WORKER_NAME="$name"
done
start repository repository-war/target/repository.war "$repo"
start proxy proxy-war/target/proxy.war "$px" JITAR_PROXY_GATEWAY="http://127.0.0.1:$gw" JITAR_PROXY_REPOSITORY="http://127.0.0.1:$repo"
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$px/rpc/sayHello?name=x")" = 200 ] && break
  sleep 0.2
done

run() { # label url -> "rps p50 p99"
  local raw
  raw=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$raw")
  p50=$(awk '$1=="50%" {print $2}' <<<"$raw")
  p99=$(awk '$1=="99%" {print $2}' <<<"$raw")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$raw" | tr '\n' ' ')
  echo "$1|$rps|$p50|$p99|${errors:-none}"
}

direct="http://127.0.0.1:$w1/rpc/sayHello?name=bench"
gateway="http://127.0.0.1:$gw/rpc/sayHello?name=bench"
proxy="http://127.0.0.1:$px/rpc/sayHello?name=bench"
echo "Warming up..."
for url in "$direct" "$gateway" "$proxy"; do wrk -t2 -c16 -d10s "$url" >/dev/null; done

results=()
for round in $(seq 1 "$ROUNDS"); do
  results+=("$(run "direct (round $round)" "$direct")")
  results+=("$(run "gateway → 2 workers (round $round)" "$gateway")")
  results+=("$(run "proxy → gateway → 2 workers (round $round)" "$proxy")")
done

best() { printf '%s\n' "${results[@]}" | grep "^$1" | sort -t'|' -k2 -n -r | head -1 | cut -d'|' -f2; }
d=$(best direct); g=$(best gateway); p=$(best proxy)
ratio=$(awk -v a="$g" -v b="$d" 'BEGIN {printf "%.2f", a / b}')
pratio=$(awk -v a="$p" -v b="$d" 'BEGIN {printf "%.2f", a / b}')
{
  echo "# RPC paths benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $("$JAVA" -version 2>&1 | head -1))"
  echo
  echo "| path | requests/s | p50 | p99 | errors |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${results[@]}" | awk -F'|' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}'
  echo
  echo "Ratio gateway/direct (best rounds): **$ratio** (target ≥ 0.5; the original Jitar measures 0.21 here)"
  echo
  echo "Ratio proxy/direct (best rounds): **$pratio** (target ≥ 0.35; the original Jitar measures 0.13 here)"
} | tee "$out/rpc-paths.md"
