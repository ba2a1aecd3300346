#!/usr/bin/env bash
# Starts a complete local Jitar cluster for one example application, one service after another:
# repository, gateway, two workers, proxy. Everything binds to 127.0.0.1 on free ports; every
# phone-home is off, and so is the Hazelcast data grid unless JITAR_GATEWAYS asks for several
# gateways (then only they run it, bound to 127.0.0.1).
#
#   local-cluster.sh start EXAMPLE [--detach]   start (foreground: Ctrl-C stops it all)
#   local-cluster.sh stop                        stop every process a detached start started
#
# The worker layout comes from examples/EXAMPLE/cluster.conf ("worker1=segA,segB" lines; default:
# both workers run every segment). Environment: JITAR_GATEWAYS (default 1; 2 or more start that
# many gateways sharing one registry in a loopback data grid, named gateway1, gateway2, ..., and
# give workers and proxy all of them), JITAR_TRUST_KEY (default: a random key),
# JITAR_PROXY_PORT (default: free port), JITAR_PROXY_TIMEOUT (default 30s), JITAR_SKIP_BUILD=1.
# State (pids, ports, logs) lives in target/local-cluster/.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
state=target/local-cluster
pids="$state/pids"
# Data grid ports chosen for gateways not started yet ("grid - port"): no other service takes them.
grid_taken="$state/grid-ports"
. server-config/src/main/scripts/payara-service.sh

stop_all() {
  [ -f "$pids" ] || return 0
  # Stop in reverse start order, each by the PID this script recorded, never by name.
  tac "$pids" | while read -r name pid port; do
    kill -0 "$pid" 2>/dev/null || continue
    payara_stop "$pid"
    echo "stopped $name (pid $pid)"
  done
  rm -f "$pids"
}

# launch NAME WAR PORT [VAR=value...]: starts one service and waits until it is ready. "@PORT@"
# in a value becomes the port it runs on. A service that logs ready but accepts no connection
# is reported at once (payara-service.sh) and started once more on a new port (the same port when
# FIXED_PORT=1). Sets launched_port.
launch() {
  local name=$1 war=$2 port=$3; shift 3
  local attempt rc
  for attempt in 1 2; do
    payara_start "$state/$name.log" "$war" "$port" "${@//@PORT@/$port}"
    echo "$name $payara_pid $port" >>"$pids"
    rc=0; payara_await "$name" "$payara_pid" "$port" "$state/$name.log" || rc=$?
    if [ "$rc" = 0 ]; then
      echo "  $name ready on http://127.0.0.1:$port"; launched_port=$port; return 0
    fi
    if [ "$rc" != 2 ] || [ "$attempt" = 2 ]; then return 1; fi
    payara_stop "$payara_pid"
    sed -i "/^$name $payara_pid /d" "$pids"
    mv "$state/$name.log" "$state/$name.never-listened.log"
    [ "${FIXED_PORT:-}" = 1 ] || port=$(payara_free_port "$pids" "$grid_taken")
    echo "  starting $name once more, on port $port (first log: $state/$name.never-listened.log)" >&2
  done
}

# launch_grid NAME PORT CLUSTER GRID_PORT GRID_PORTS [VAR=value...]: a gateway in the data grid,
# started and awaited as launch does (one attempt: its grid port is fixed for the others).
launch_grid() {
  local name=$1 port=$2 cluster=$3 grid_port=$4 grid_ports=$5; shift 5
  payara_grid_start "$state/$name.log" gateway-war/target/gateway.war "$port" "$cluster" "$grid_port" "$grid_ports" "$@"
  echo "$name $payara_pid $port" >>"$pids"
  payara_await "$name" "$payara_pid" "$port" "$state/$name.log" || return 1
  echo "  $name ready on http://127.0.0.1:$port (data grid $cluster, member port $grid_port)"
  launched_port=$port
}

start() {
  local example=$1 detach=${2:-}
  [ -d "examples/$example" ] || { echo "unknown example '$example'" >&2; exit 2; }
  [[ "${JITAR_GATEWAYS:-1}" =~ ^[1-9][0-9]?$ ]] ||
    { echo "JITAR_GATEWAYS must be a number of gateways from 1 to 99, got '${JITAR_GATEWAYS}'" >&2; exit 2; }
  if [ -f "$pids" ]; then
    echo "a local cluster is already running ($pids); stop it first: ./run stop" >&2; exit 1
  fi
  if [ "${JITAR_SKIP_BUILD:-}" != 1 ]; then
    echo "Building (the first build downloads Payara Micro and the dependencies from Maven Central)..."
    ./mvnw -B -q -DskipTests install -pl "examples/$example,gateway-war,repository-war,proxy-war,server-config" -am
  fi
  mkdir -p "$state"; : >"$pids"; rm -f "$grid_taken"
  # Whatever happens (a service that fails to start, Ctrl-C), stop what was started; only a
  # successful detached start leaves the cluster running.
  started=0
  trap 'if [ "$started" != 1 ]; then stop_all; fi' EXIT
  trap 'exit 130' INT TERM
  local key=${JITAR_TRUST_KEY:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}
  local war="examples/$example/target/$example.war"
  local assets=(); [ -d "examples/$example/src/main/webapp/WEB-INF/assets" ] &&
    assets=(JITAR_REPOSITORY_ASSET_ROOT="$PWD/examples/$example/src/main/webapp/WEB-INF/assets")

  echo "Starting a local cluster of '$example' (one service after another)..."
  local repository gateway proxy
  launch repository repository-war/target/repository.war "$(payara_free_port "$pids" "$grid_taken")" "${assets[@]}"
  repository=$launched_port
  local count=${JITAR_GATEWAYS:-1} gateways="" i
  if [ "$count" -le 1 ]; then
    launch gateway gateway-war/target/gateway.war "$(payara_free_port "$pids" "$grid_taken")" JITAR_TRUST_KEY="$key" \
      JITAR_GATEWAY_MONITOR_INTERVAL=1s
    gateways="http://127.0.0.1:$launched_port"
  else
    # Several gateways sharing one registry in a loopback data grid of their own (a random
    # cluster name, so two local clusters never merge).
    local cluster grid_ports=""
    cluster="jitar-local-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
    for i in $(seq 1 "$count"); do
      grid_ports+="${grid_ports:+,}$(payara_free_port "$pids" "$grid_taken")"
      echo "grid - ${grid_ports##*,}" >>"$grid_taken"
    done
    for i in $(seq 1 "$count"); do
      launch_grid "gateway$i" "$(payara_free_port "$pids" "$grid_taken")" "$cluster" "$(cut -d, -f"$i" <<<"$grid_ports")" "$grid_ports" \
        JITAR_TRUST_KEY="$key" JITAR_GATEWAY_MONITOR_INTERVAL=1s JITAR_GATEWAY_REGISTRY=grid
      gateways+="${gateways:+,}http://127.0.0.1:$launched_port"
    done
    rm -f "$grid_taken"
  fi
  gateway=${gateways%%,*}
  gateway=${gateway##*:}
  local layout="examples/$example/cluster.conf" line name segments port
  local workers; workers=$( [ -f "$layout" ] && grep -E '^[a-z0-9-]+=' "$layout" || printf 'worker1=\nworker2=\n')
  while IFS='=' read -r name segments; do
    launch "$name" "$war" "$(payara_free_port "$pids" "$grid_taken")" JITAR_WORKER_GATEWAY="$gateways" JITAR_URL="http://127.0.0.1:@PORT@" \
      JITAR_WORKER_SEGMENTS="$segments" JITAR_WORKER_NAME="$name" JITAR_TRUST_KEY="$key" JITAR_WORKER_REPORT_INTERVAL=2s
  done <<<"$workers"
  FIXED_PORT=$([ -n "${JITAR_PROXY_PORT:-}" ] && echo 1 || true) launch proxy proxy-war/target/proxy.war \
    "${JITAR_PROXY_PORT:-$(payara_free_port "$pids" "$grid_taken")}" JITAR_PROXY_GATEWAY="$gateways" \
    JITAR_PROXY_REPOSITORY="http://127.0.0.1:$repository" JITAR_PROXY_TIMEOUT="${JITAR_PROXY_TIMEOUT:-30s}"
  proxy=$launched_port
  # Wait until every worker registered: the gateway lists them (with the trust key).
  local expected; expected=$(grep -c . <<<"$workers")
  for _ in $(seq 1 120); do
    [ "$(curl -fsS -H "X-Jitar-Trust-Key: $key" "http://127.0.0.1:$gateway/workers" 2>/dev/null | grep -o '"id"' | wc -l)" -ge "$expected" ] && break
    sleep 0.5
  done

  cat <<MSG

Local cluster of '$example' is running. The public entry is the proxy:

    http://127.0.0.1:$proxy/             (open this: the application's pages, from the repository)
    http://127.0.0.1:$proxy/rpc/FQN      (procedures, through the gateway)

Inside the DMZ (trust key in $state/trust-key):
$(awk '{printf "    %-11s http://127.0.0.1:%s   (pid %s)\n", $1, $3, $2}' "$pids")
Logs: $state/*.log
MSG
  echo "$key" >"$state/trust-key"; chmod 600 "$state/trust-key"
  if [ -n "$detach" ]; then
    started=1
    echo "Stop it with: ./run stop"
    return 0
  fi
  echo "Ctrl-C stops every process this script started."
  while true; do sleep 3600; done
}

case "${1:-}" in
  start) start "${2:?usage: local-cluster.sh start EXAMPLE [--detach]}" "${3:-}" ;;
  stop) stop_all ;;
  *) echo "usage: local-cluster.sh start EXAMPLE [--detach] | stop" >&2; exit 2 ;;
esac
