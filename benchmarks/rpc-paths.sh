#!/usr/bin/env bash
# Benchmark: one trivial call (hello-world's sayHello) through every path, with the same wrk load,
# in alternating rounds of one session:
#   (a) floor     a plain JAX-RS endpoint on Payara Micro answering the same text, no Jitar in it;
#                 floor-servlet: the same from a bare servlet in the same WAR (what JAX-RS costs)
#   (b) direct    one Jitar worker
#   (c) gateway   gateway -> two workers
#   (d) proxy     proxy -> gateway -> two workers
#   (e) nginx     nginx (Debian package) as reverse proxy in front of worker 1: one best-in-class hop
#   (g) metrics   two standalone workers, one with MicroProfile Metrics on (the default), one with
#                 jitar.metrics.enabled=false: what the per-call metrics cost (METRICS=0 leaves it out)
#   (h) grid      a gateway sharing its registry in the data grid (jitar.gateway.registry=grid, a
#                 one-member loopback grid) in front of the same two workers, registered with it
#                 by hand: what the shared registry costs on the forwarding path (GRID=0 leaves it out)
#   (f) original  the original Jitar from the npm registry (benchmarks/original-jitar) standalone,
#                 gateway -> two workers and proxy -> gateway -> two workers, in a temporary folder
# For every run: requests/s, p50/p99, CPU time per request of each process on the path (from
# /proc), and after the load the RSS of every service. Single-connection runs give the latency
# one hop adds. Production JVM flags (not the test flags); everything on 127.0.0.1; Hazelcast
# and phone-home off. Stops every process it started, also on failure or Ctrl-C.
#
#   benchmarks/rpc-paths.sh
#     DURATION=15s CONNECTIONS=32 THREADS=2 ROUNDS=3   the load of each measured run
#     WARMUP=40s          load per JVM path before measuring (C2 needs ~2 CPU-minutes on 2 cores)
#     ORIGINAL=0          leave out the original Jitar;  NGINX=0  leave out nginx;  METRICS=0  leave out (g)
#     GRID=0              leave out (h)
#     JAVA=/path/to/java  runs the Payara services on another JDK;  SKIP_BUILD=1  uses what is built
#
# Writes target/benchmarks/rpc-paths.md (OUT=folder to change it), rpc-paths.png and the raw runs
# (runs.tsv), and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-40s}
ORIGINAL=${ORIGINAL:-1}
NGINX=${NGINX:-1}
METRICS=${METRICS:-1}
GRID=${GRID:-1}
JAVA=${JAVA:-java}
# Production flags: the JVM's default (tiered) compilers and G1, a fixed heap as a service would get.
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
[ "$NGINX" = 1 ] && need nginx nginx-light
[ "$ORIGINAL" = 1 ] && { need node nodejs; need npm npm; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building..."
  ./mvnw -B -q -DskipTests install -am \
    -pl examples/hello-world,gateway-war,repository-war,proxy-war,server-config,benchmarks/floor-war
fi

out=${OUT:-target/benchmarks}
mkdir -p "$out/logs"
runs="$out/runs.tsv"; : >"$runs"
procs="$out/processes.tsv"; : >"$procs"
pids=()
scratch=$(mktemp -d)
cleanup() {
  set +e
  if [ "$ORIGINAL" = 1 ]; then
    for topology in standalone proxy; do
      [ -f "$scratch/original/pids-$topology" ] && benchmarks/original-jitar/jitar.sh stop "$scratch/original" "$topology" >/dev/null 2>&1
    done
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT INT TERM

taken=" "
pick_port() { # VAR: a port nothing answers on, not handed out before in this run
  local port
  while true; do
    port=$(( 20000 + RANDOM % 12000 )) # below the ephemeral range (32768+): an outgoing connection could take such a port first
    if [[ "$taken" != *" $port "* ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken+="$port "; printf -v "$1" '%s' "$port"; return
    fi
  done
}

service() { echo "$1	$2" >>"$procs"; } # name pid: measured for CPU and RSS

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
    >"$out/logs/$name.log" 2>&1 &
  pids+=($!); service "$name" $!
  for _ in $(seq 1 360); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$!" 2>/dev/null || break
    sleep 0.5
  done
  echo "$name did not start; see $out/logs/$name.log" >&2; exit 1
}

echo "Starting our services..."
pick_port floor; pick_port gw; pick_port w1; pick_port w2; pick_port repo; pick_port px
start_payara floor benchmarks/floor-war/target/floor.war "$floor"
start_payara gateway gateway-war/target/gateway.war "$gw"
for pair in "worker1:$w1" "worker2:$w2"; do
  name=${pair%%:*}; port=${pair##*:}
  start_payara "$name" examples/hello-world/target/hello-world.war "$port" \
    JITAR_WORKER_GATEWAY="http://127.0.0.1:$gw" JITAR_URL="http://127.0.0.1:$port" JITAR_WORKER_NAME="$name"
done
start_payara repository repository-war/target/repository.war "$repo"
start_payara proxy proxy-war/target/proxy.war "$px" JITAR_PROXY_GATEWAY="http://127.0.0.1:$gw" JITAR_PROXY_REPOSITORY="http://127.0.0.1:$repo"

declare -A url members
url[floor]="http://127.0.0.1:$floor/rpc/sayHello?name=bench";     members[floor]="floor"
url[floor-servlet]="http://127.0.0.1:$floor/servlet/sayHello?name=bench"; members[floor-servlet]="floor"
url[direct]="http://127.0.0.1:$w1/rpc/sayHello?name=bench";       members[direct]="worker1"
url[gateway]="http://127.0.0.1:$gw/rpc/sayHello?name=bench";      members[gateway]="gateway worker1 worker2"
url[proxy]="http://127.0.0.1:$px/rpc/sayHello?name=bench";        members[proxy]="proxy gateway worker1 worker2"
paths=(floor floor-servlet direct gateway proxy)
# Both workers must be registered before the gateway is measured: wait until each one answered it.
for _ in $(seq 1 300); do
  seen=$(for _ in 1 2 3 4; do curl -s -D - -o /dev/null "${url[gateway]}" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-jitar-worker" {print $2}'; done | sort -u | wc -l)
  [ "$seen" = 2 ] && break
  sleep 0.2
done
wait_for proxy "${url[proxy]}" "Hello bench"
if [ "$METRICS" = 1 ]; then
  pick_port mon; pick_port moff
  start_payara metrics-on examples/hello-world/target/hello-world.war "$mon" JITAR_URL="http://127.0.0.1:$mon"
  start_payara metrics-off examples/hello-world/target/hello-world.war "$moff" JITAR_URL="http://127.0.0.1:$moff" \
    JITAR_METRICS_ENABLED=false
  url[metrics-on]="http://127.0.0.1:$mon/rpc/sayHello?name=bench";   members[metrics-on]="metrics-on"
  url[metrics-off]="http://127.0.0.1:$moff/rpc/sayHello?name=bench"; members[metrics-off]="metrics-off"
  wait_for metrics-off "${url[metrics-off]}" "Hello bench"
  paths+=(metrics-on metrics-off)
fi
if [ "$GRID" = 1 ]; then
  # The grid gateway boots as payara_grid_start does (server-config): preboot without the line that
  # switches the grid off, loopback-only grid flags; here with the benchmark's JVM flags.
  pick_port gwg; pick_port gwg_member
  grep -v 'hazelcast-config-specific-configuration.enabled=false' server-config/src/main/payara/preboot.asadmin \
    >"$scratch/preboot-grid.asadmin"
  mapfile -t grid_flags < <(grep -v '^#' server-config/src/main/payara/grid.jvm-options | grep .)
  env JITAR_GATEWAY_REGISTRY=grid JITAR_GATEWAY_UNAVAILABLE_THRESHOLD=2h JITAR_GATEWAY_STOPPED_THRESHOLD=3h \
    "$JAVA" $JVM "${grid_flags[@]}" -jar server-config/target/payara-micro.jar --deploy gateway-war/target/gateway.war:/ \
    --port "$gwg" --disablephonehome --prebootcommandfile "$scratch/preboot-grid.asadmin" \
    --clustername "jitar-bench-$RANDOM" --interfaces 127.0.0.1 --startport "$gwg_member" \
    --clustermode "tcpip:127.0.0.1:$gwg_member" --nohostaware >"$out/logs/gateway-grid.log" 2>&1 &
  pids+=($!); service gateway-grid $!
  for _ in $(seq 1 360); do curl -fsS "http://127.0.0.1:$gwg/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  # The workers report to the other gateway; here they are registered by hand, with a lease of 3 h.
  for port in "$w1" "$w2"; do
    curl -fsS -H 'Content-Type: application/json' "http://127.0.0.1:$gwg/workers" \
      -d "{\"url\":\"http://127.0.0.1:$port\",\"procedureNames\":[\"sayHello\"]}" >/dev/null
  done
  url[gateway-grid]="http://127.0.0.1:$gwg/rpc/sayHello?name=bench"; members[gateway-grid]="gateway-grid worker1 worker2"
  wait_for gateway-grid "${url[gateway-grid]}" "Hello bench"
  paths+=(gateway-grid)
fi
wait_for floor "${url[floor]}" "Hello bench"

if [ "$NGINX" = 1 ]; then
  pick_port ng
  mkdir -p "$scratch/nginx"
  # One hop, as a production nginx does it: pooled keep-alive connections to the upstream.
  cat >"$scratch/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $scratch/nginx/nginx.pid;
error_log $PWD/$out/logs/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $scratch/nginx; proxy_temp_path $scratch/nginx; fastcgi_temp_path $scratch/nginx;
  uwsgi_temp_path $scratch/nginx; scgi_temp_path $scratch/nginx;
  upstream worker { server 127.0.0.1:$w1; keepalive 64; }
  server {
    listen 127.0.0.1:$ng;
    location / { proxy_pass http://worker; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
  nginx -c "$scratch/nginx/nginx.conf" -g 'daemon off;' >"$out/logs/nginx.log" 2>&1 &
  pids+=($!); service nginx $!
  url[nginx]="http://127.0.0.1:$ng/rpc/sayHello?name=bench"; members[nginx]="nginx worker1"
  wait_for nginx "${url[nginx]}" "Hello bench"
  paths+=(nginx)
fi

if [ "$ORIGINAL" = 1 ]; then
  echo "Installing and starting the original Jitar (npm) in $scratch/original..."
  mkdir -p "$scratch/original"
  jitar=benchmarks/original-jitar/jitar.sh
  $jitar install "$scratch/original" >/dev/null
  pick_port os; pick_port opx; pick_port ogw; pick_port ow1; pick_port ow2; pick_port orepo
  url[original-direct]=$($jitar start "$scratch/original" standalone "$os" | tail -1)
  url[original-gateway]="http://127.0.0.1:$ogw/rpc/sayHello?name=bench"
  url[original-proxy]=$($jitar start "$scratch/original" proxy "$opx" "$ogw" "$ow1" "$ow2" "$orepo" | tail -1)
  url[original-direct]="${url[original-direct]%%\?*}?name=bench"
  url[original-proxy]="${url[original-proxy]%%\?*}?name=bench"
  while read -r name pid; do service "original-$name" "$pid"; done < <($jitar pids "$scratch/original" standalone)
  while read -r name pid; do service "original-$name" "$pid"; done < <($jitar pids "$scratch/original" proxy)
  members[original-direct]="original-standalone"
  members[original-gateway]="original-gateway original-worker1 original-worker2"
  members[original-proxy]="original-proxy original-gateway original-worker1 original-worker2"
  for p in original-direct original-gateway original-proxy; do wait_for "$p" "${url[$p]}" "Hello bench"; done
  paths+=(original-direct original-gateway original-proxy)
fi

pid_of() { awk -F'\t' -v n="$1" '$1==n {print $2}' "$procs"; }
ticks() { # pid -> CPU ticks (user+system) of the process and, for nginx, its worker processes
  local total=0 p
  for p in "$1" $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    total=$(( total + $(awk '{print $14+$15}' /proc/"$p"/stat 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

run() { # kind(load|single) path round
  local kind=$1 path=$2 round=$3 c=$CONNECTIONS t=$THREADS raw m before=() after=() cpu=""
  [ "$kind" = single ] && { c=1; t=1; }
  for m in ${members[$path]}; do before+=("$(ticks "$(pid_of "$m")")"); done
  raw=$(wrk -t"$t" -c"$c" -d"$DURATION" --latency "${url[$path]}")
  local i=0
  for m in ${members[$path]}; do cpu+="$m=$(( $(ticks "$(pid_of "$m")") - before[i] )),"; i=$((i + 1)); done
  local requests rps p50 p99 bad
  requests=$(awk '/requests in/ {print $1}' <<<"$raw")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$raw")
  p50=$(awk '$1=="50%" {print $2}' <<<"$raw")
  p99=$(awk '$1=="99%" {print $2}' <<<"$raw")
  bad=$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(",", ""); n+=$4+$6+$8+$10} END {print n+0}' <<<"$raw")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$path" "$round" "$rps" "$p50" "$p99" "$requests" "$bad" "${cpu%,}" >>"$runs"
  printf '  %-7s %-17s round %s: %10s req/s  p50 %8s  p99 %8s  errors %s\n' "$kind" "$path" "$round" "$rps" "$p50" "$p99" "$bad"
}

echo "Warming up (${WARMUP} per JVM path: the JIT compilers of five JVMs share two cores)..."
for path in floor floor-servlet gateway proxy ${NGINX/#1/nginx} direct ${METRICS/#1/metrics-on metrics-off} ${GRID/#1/gateway-grid}; do
  [ -n "${url[$path]:-}" ] && wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${url[$path]}" >/dev/null
done
for path in "${paths[@]}"; do [[ $path == original-* ]] && wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "${url[$path]}" >/dev/null; done

echo "Measuring: $ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION per path, paths alternating"
for round in $(seq 1 "$ROUNDS"); do
  for path in "${paths[@]}"; do run load "$path" "$round"; done
done
echo "Single connection (wrk -t1 -c1 -d$DURATION): the latency each hop adds"
for path in direct gateway ${GRID/#1/gateway-grid} ${NGINX/#1/nginx} ${ORIGINAL/#1/original-direct original-gateway}; do
  [ -n "${url[$path]:-}" ] && run single "$path" 1
done

rss="$out/rss.tsv"; : >"$rss"
while IFS=$'\t' read -r name pid; do
  printf '%s\t%s\n' "$name" "$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status 2>/dev/null || echo 0)" >>"$rss"
done <"$procs"

python3 benchmarks/report.py "$out" "$(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, services on $("$JAVA" -version 2>&1 | head -1)"
