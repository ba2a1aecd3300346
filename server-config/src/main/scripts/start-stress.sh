#!/usr/bin/env bash
# Start stress: starts each kind of Jitar service (repository, gateway, worker, proxy) N times,
# one after another, as local-cluster.sh starts them (same flags and boot files, from
# payara-service.sh), while a bounded CPU load keeps both cores busy. Not part of `./mvnw verify`.
#
#   server-config/src/main/scripts/start-stress.sh N
#
# A round starts a repository, a gateway, a worker registered at that gateway and a proxy in front
# of both, then stops all four. Odd rounds use the cluster's JVM flags, even rounds the test
# launcher's (PayaraProcess). For every start it records the seconds from launch until the log
# says "ready in", until a TCP connect succeeds and until /health/ready answers 200. A start that
# logged ready and accepted no connection for STRESS_NEVER seconds (default 60) counts as "never
# listened"; its thread dump, listening sockets and log are kept in target/start-stress/.
#
# Environment: STRESS_LOAD (busy processes, default 2 = both cores), STRESS_NEVER (seconds),
# JITAR_SKIP_BUILD=1 (use the WARs already built). Ends every process it started, also on Ctrl-C.
#   STRESS_SQUAT=1      harder: once a service accepts connections, PortSquatter.java tries for 15 s
#                       to bind its port without listening (as any program probing for a free port
#                       may), which succeeds only if the service ever closes its listener.
#   STRESS_BOOT=DIR     boot with DIR/preboot.asadmin instead of server-config's, and
#   STRESS_POSTBOOT=F   also pass --postbootcommandfile F: to compare with settings given after boot
#                       (the layout before preboot.asadmin took them all).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
. server-config/src/main/scripts/payara-service.sh

rounds=${1:?usage: start-stress.sh N}
load=${STRESS_LOAD:-2}
never=${STRESS_NEVER:-60}
out=target/start-stress
war_of_worker=examples/showcase/target/showcase.war
cluster_flags=("${payara_jvm_flags[@]}")
test_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Dhazelcast.phone.home.enabled=false)

[ -z "${STRESS_POSTBOOT:-}" ] || payara_extra_options=(--postbootcommandfile "$(realpath "$STRESS_POSTBOOT")")
if [ "${JITAR_SKIP_BUILD:-}" != 1 ]; then
  echo "Building..."
  ./mvnw -B -q -DskipTests install -pl "examples/showcase,gateway-war,repository-war,proxy-war,server-config" -am
fi
rm -rf "$out"; mkdir -p "$out"
# The boot files as they are now: editing them during a long run does not change it half-way.
cp -r "${STRESS_BOOT:-$payara_config}" "$out/payara"; payara_config="$out/payara"
if [ "${STRESS_SQUAT:-}" = 1 ]; then javac -d "$out/squatter" server-config/src/main/scripts/PortSquatter.java; fi
started="$out/pids"; : >"$started"
load_pids=()
cleanup() {
  for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$started" ]; then while read -r _ pid _; do payara_stop "$pid"; done <"$started"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The load: busy loops, each ended by `timeout` after at most 6 minutes per round even if this
# script were killed with SIGKILL.
for _ in $(seq 1 "$load"); do
  timeout $((rounds * 360)) bash -c 'while :; do :; done' &
  load_pids+=($!)
done

now() { echo "${EPOCHREALTIME/,/.}"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# measure KIND PORT LOG: polls one start and prints "ready_log tcp health outcome".
measure() {
  local kind=$1 port=$2 log=$3 t0 ready="-" tcp="-" health="-" ready_at="" heard_at=""
  t0=$(now)
  while :; do
    if ! kill -0 "$payara_pid" 2>/dev/null; then echo "$ready $tcp $health exited"; return; fi
    if grep -q "Exception while \(loading\|deploying\) the app" "$log"; then echo "$ready $tcp $health deploy-failed"; return; fi
    if [ "$ready" = - ] && grep -qE "\) ready in [0-9,]+ \(ms\)" "$log"; then ready=$(since "$t0"); ready_at=$SECONDS; fi
    if [ "$tcp" = - ] && payara_listening "$port"; then
      tcp=$(since "$t0")
      if [ "${STRESS_SQUAT:-}" = 1 ]; then
        timeout 30 java -XX:TieredStopAtLevel=1 -cp "$out/squatter" PortSquatter "$port" 15 2000 >>"$out/squatter.txt" &
        echo $! >>"$out/squatters"
      fi
    fi
    if [ "$tcp" != - ] && curl -fsS --max-time 5 "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      health=$(since "$t0"); echo "$ready $tcp $health ok"; return
    fi
    # Never listened: logged ready, then no accepted connection for $never seconds (a listener that
    # accepted during boot and was lost in a restart counts too: that is the fault we look for).
    if [ -n "$ready_at" ]; then
      if payara_listening "$port"; then heard_at=$SECONDS
      elif [ $((SECONDS - ${heard_at:-$ready_at})) -ge "$never" ] && [ $((SECONDS - ready_at)) -ge "$never" ]; then
        echo "$ready $tcp $health never-listened"; return
      fi
    fi
    if [ $(( ${t0%.*} + 300 )) -lt "${EPOCHSECONDS}" ]; then echo "$ready $tcp $health timeout"; return; fi
    sleep 0.1
  done
}

# keep_evidence KIND ROUND PORT LOG: what a failed start looked like, for the root cause.
keep_evidence() {
  local dir="$out/failed-$2-$1"
  mkdir -p "$dir"
  jcmd "$payara_pid" Thread.print >"$dir/threads.txt" 2>&1 || kill -QUIT "$payara_pid" 2>/dev/null || true
  { ss -ltnp 2>/dev/null || cat /proc/net/tcp; } >"$dir/listening.txt"
  ls -l "/proc/$payara_pid/fd" >"$dir/fds.txt" 2>&1 || true
  sleep 1; cp "$4" "$dir/payara.log"
}

table="$out/starts.tsv"
printf 'round\tflags\tkind\tport\tready-log-s\ttcp-s\thealth-s\toutcome\n' | tee "$table"
ok=0; bad=0; other=0
key=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then flags=cluster; payara_jvm_flags=("${cluster_flags[@]}")
  else flags=test; payara_jvm_flags=("${test_flags[@]}"); fi
  declare -A url=()
  for kind in repository gateway worker proxy; do
    port=$(payara_free_port "$started")
    log="$out/$kind.log"
    case $kind in
      repository) payara_start "$log" repository-war/target/repository.war "$port" ;;
      gateway) payara_start "$log" gateway-war/target/gateway.war "$port" JITAR_TRUST_KEY="$key" ;;
      worker) payara_start "$log" "$war_of_worker" "$port" JITAR_WORKER_GATEWAY="${url[gateway]}" \
        JITAR_URL="http://127.0.0.1:$port" JITAR_TRUST_KEY="$key" JITAR_WORKER_REPORT_INTERVAL=2s ;;
      proxy) payara_start "$log" proxy-war/target/proxy.war "$port" JITAR_PROXY_GATEWAY="${url[gateway]}" \
        JITAR_PROXY_REPOSITORY="${url[repository]}" ;;
    esac
    echo "$kind $payara_pid $port" >>"$started"
    url[$kind]="http://127.0.0.1:$port"
    read -r ready tcp health outcome < <(measure "$kind" "$port" "$log")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$flags" "$kind" "$port" "$ready" "$tcp" "$health" "$outcome" | tee -a "$table"
    case $outcome in
      ok) ok=$((ok + 1)) ;;
      never-listened) bad=$((bad + 1)); keep_evidence "$kind" "$round" "$port" "$log" ;;
      *) other=$((other + 1)); keep_evidence "$kind" "$round" "$port" "$log" ;;
    esac
  done
  # A squatter must not find a port free because its service was stopped: let them end first.
  if [ -f "$out/squatters" ]; then
    while read -r pid; do for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done; done <"$out/squatters"
    : >"$out/squatters"
  fi
  # End the round's services, newest first, each by its PID (SIGKILL: only their starts matter).
  tac "$started" | while read -r _ pid _; do
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  : >"$started"
  unset url
done
[ "${STRESS_SQUAT:-}" != 1 ] || echo "squatter: $(grep -c '^squatted' "$out/squatter.txt") of $((ok + bad + other)) starts closed their listener for a moment"
echo "starts: $ok ok, $bad never listened$([ "$other" = 0 ] || echo ", $other failed otherwise")"
