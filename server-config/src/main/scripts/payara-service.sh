# Starting one Jitar service on Payara Micro, shared by local-cluster.sh, ./run and
# start-stress.sh so that all of them start services with exactly the same flags and boot files
# (the Java test launcher, io.jitar.testing.PayaraProcess, reads the same boot files).
# Source it; it defines functions and variables only. Needs bash, curl and the repository root as
# the working directory.
#
# Every run binds 127.0.0.1, with the Hazelcast data grid and every phone-home off; only gateways
# that share a registry (payara_grid_start) run the grid, bound to 127.0.0.1 as well.

payara_micro=server-config/target/payara-micro.jar
payara_config=server-config/src/main/payara
payara_extra_options=() # only start-stress.sh sets these, to compare against other boot options
payara_jvm_flags=(-XX:+UseSerialGC -Xmx384m -Dhazelcast.phone.home.enabled=false)
# How long a service that logged "ready" may take to accept a TCP connection before it counts as
# "ready but never listening" (seconds).
payara_listen_grace=${PAYARA_LISTEN_GRACE:-10}

# payara_start LOG WAR PORT [VAR=value...]: starts Payara Micro in the background deploying WAR at
# the root context; its output goes to LOG. Sets payara_pid.
payara_start() {
  local log=$1 war=$2 port=$3; shift 3
  # Every listener, protocol and thread-pool setting is in the preboot file, none after boot
  # (see the file for why).
  local payara_options=(--nohazelcast --disablephonehome --prebootcommandfile "$payara_config/preboot.asadmin"
    "${payara_extra_options[@]}")
  env HZ_PHONE_HOME_ENABLED=false "$@" "${JAVA:-java}" "${payara_jvm_flags[@]}" \
    -jar "$payara_micro" --deploy "$war:/" --port "$port" "${payara_options[@]}" >"$log" 2>&1 &
  payara_pid=$!
}

# The data grid for gateways that share one registry (jitar.gateway.registry=grid), loopback
# only: the flags of grid.jvm-options (one file for this script and the tests).
mapfile -t payara_grid_jvm_flags < <(grep -v '^#' "$payara_config/grid.jvm-options" | grep .)

# payara_grid_start LOG WAR PORT CLUSTER GRID_PORT GRID_PORTS [VAR=value...]: as payara_start, but
# with the data grid on, as member GRID_PORT of cluster CLUSTER whose members are GRID_PORTS
# ("p1,p2", all on 127.0.0.1). The boot file is preboot.asadmin without the line that switches the
# grid off (written next to LOG), so every other setting stays the same as for any service.
payara_grid_start() {
  local log=$1 war=$2 port=$3 cluster=$4 grid_port=$5 grid_ports=$6; shift 6
  local preboot="${log%.log}.preboot.asadmin" members
  grep -v 'hazelcast-config-specific-configuration.enabled=false' "$payara_config/preboot.asadmin" >"$preboot"
  members=$(tr ',' '\n' <<<"$grid_ports" | sed 's/^/127.0.0.1:/' | paste -sd, -)
  env HZ_PHONE_HOME_ENABLED=false "$@" "${JAVA:-java}" "${payara_jvm_flags[@]}" "${payara_grid_jvm_flags[@]}" \
    -jar "$payara_micro" --deploy "$war:/" --port "$port" --disablephonehome --prebootcommandfile "$preboot" \
    --clustername "$cluster" --interfaces 127.0.0.1 --startport "$grid_port" --clustermode "tcpip:$members" \
    --nohostaware "${payara_extra_options[@]}" >"$log" 2>&1 &
  payara_pid=$!
}

# payara_listening PORT: 0 when something accepts a TCP connection on 127.0.0.1:PORT.
payara_listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# payara_await NAME PID PORT LOG [SECONDS]: waits until /health/ready answers 200.
# Returns 0 ready; 1 the process exited or its deployment failed; 2 it logged ready but accepted
# no connection within payara_listen_grace seconds; 3 not ready in SECONDS (default 180).
# Explains every failure on stderr with the end of the log (the caller may start the service
# again, which overwrites the log).
payara_await() {
  local name=$1 pid=$2 port=$3 log=$4 limit=${5:-180}
  local start=$SECONDS ready_at=""
  while [ $((SECONDS - start)) -lt "$limit" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited; see $log" >&2; tail -n 20 "$log" >&2; return 1
    fi
    if grep -q "Exception while \(loading\|deploying\) the app" "$log"; then
      echo "$name failed to deploy; see $log" >&2; grep -m1 -A2 "Exception while" "$log" >&2; return 1
    fi
    if curl -fsS --max-time 5 "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      return 0
    fi
    if [ -z "$ready_at" ] && grep -qE "\) ready in [0-9,]+ \(ms\)" "$log"; then ready_at=$SECONDS; fi
    if [ -n "$ready_at" ] && [ $((SECONDS - ready_at)) -ge "$payara_listen_grace" ] && ! payara_listening "$port"; then
      echo "$name logged ready but accepts no connection on port $port after ${payara_listen_grace} s; see $log" >&2
      tail -n 15 "$log" >&2
      return 2
    fi
    sleep 0.25
  done
  echo "$name not ready after $limit s; see $log" >&2; tail -n 30 "$log" >&2
  curl -sS --max-time 5 "http://127.0.0.1:$port/health" >&2 2>&1; echo >&2
  return 3
}

# payara_stop PID: SIGTERM, up to 30 s to stop, then SIGKILL. Only ever a PID this script started.
payara_stop() {
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 120); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL "$1" 2>/dev/null || true
}

# payara_free_port [TAKEN_FILE...]: a free loopback port below the ephemeral range (32768+), where
# no outgoing connection can take it first; ports listed in a TAKEN_FILE ("name pid port") are skipped.
payara_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 12000 ))
    if ! payara_listening "$port" && ! { [ $# -gt 0 ] && grep -qs " $port\$" "$@"; }; then
      echo "$port"; return 0
    fi
  done
  echo "no free port found" >&2; return 1
}
