#!/usr/bin/env bash
# Runs the ORIGINAL Jitar (npm package `jitar`, see app/package.json) with a
# hello-world procedure in three topologies, for load tests with wrk.
#
#   jitar.sh install DIR
#   jitar.sh start   DIR standalone PORT
#   jitar.sh start   DIR gateway    GW_PORT W1_PORT W2_PORT
#   jitar.sh start   DIR proxy      PX_PORT GW_PORT W1_PORT W2_PORT [REPO_PORT]
#   jitar.sh stop    DIR TOPOLOGY
#   jitar.sh pids    DIR TOPOLOGY
#
# DIR is a scratch folder made by the caller (mktemp -d); everything (the app
# copy, node_modules, the build, logs, pid files) goes there, nothing into
# the repository. All services bind and talk to 127.0.0.1 only (see
# loopback.cjs). See README.md.
#
# Environment knobs:
#   JITAR_LOG_LEVEL      Jitar --log-level for all services (default: warn;
#                        Jitar's own default `info` logs a line per request)
#   JITAR_START_TIMEOUT  seconds to wait for each service (default: 60)

set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REGISTRY="https://registry.npmjs.org/"
LOG_LEVEL="${JITAR_LOG_LEVEL:-warn}"
START_TIMEOUT="${JITAR_START_TIMEOUT:-60}"
NAME="x"
EXPECTED="Hello ${NAME}"

die() { echo "jitar.sh: $*" >&2; exit 1; }

usage() {
    sed -n '5,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

abs_dir() {
    [[ -n "${1:-}" ]] || usage
    [[ -d "$1" ]] || die "no such directory: $1"
    (cd "$1" && pwd)
}

check_port() {
    [[ "$1" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )) || die "invalid port: $1"
    if ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; then
        die "port $1 is already in use"
    fi
}

random_free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$(( 20000 + RANDOM % 12000 )) # below the ephemeral range (32768+)
        ss -Hltn "sport = :$p" 2>/dev/null | grep -q . || { echo "$p"; return 0; }
    done
    die "no free port found"
}

# ---------------------------------------------------------------- install

cmd_install() {
    local dir; dir="$(abs_dir "${1:-}")"
    command -v node >/dev/null || die "node not found"
    command -v npm >/dev/null || die "npm not found"

    mkdir -p "$dir/app" "$dir/logs"
    # Fresh copy of the sources (keeps node_modules if already there).
    rm -rf "$dir/app/src" "$dir/app/segments" "$dir/app/services" "$dir/app/.jitar"
    cp -R "$HERE/app/." "$dir/app/"
    cp "$HERE/loopback.cjs" "$dir/loopback.cjs"

    echo "installing original Jitar into $dir/app ..." >&2
    if ! (cd "$dir/app" && npm ci --registry="$REGISTRY" --no-audit --no-fund --loglevel=error) \
            >"$dir/logs/install.log" 2>&1; then
        tail -n 20 "$dir/logs/install.log" >&2
        die "npm ci failed (see $dir/logs/install.log)"
    fi
    # `jitar build` turns src/ + segments/*.json into the runnable .jitar/ bundle.
    if ! (cd "$dir/app" && NODE_ENV=production node node_modules/jitar/dist/cli.js build --log-level=warn) \
            >>"$dir/logs/install.log" 2>&1; then
        tail -n 20 "$dir/logs/install.log" >&2
        die "jitar build failed (see $dir/logs/install.log)"
    fi
    [[ -f "$dir/app/.jitar/default.segment.js" ]] || die "jitar build produced no segment bundle"

    local version
    version="$(node -p "require('$dir/app/node_modules/jitar/package.json').version")"
    echo "jitar $version installed and built in $dir/app"
}

# ---------------------------------------------------------------- start

# prints the body when the URL answers 200, fails otherwise
get_200() {
    local out status
    out="$(curl -s --max-time 2 -w '\n%{http_code}' "$1" 2>/dev/null)" || return 1
    status="${out##*$'\n'}"
    [[ "$status" == "200" ]] || return 1
    printf '%s' "${out%$'\n'*}"
}

STARTED_NAMES=()
STARTED_PIDS=()
DIR=""
TOPOLOGY=""

write_pid_files() {
    local i
    : >"$DIR/pids-$TOPOLOGY"
    : >"$DIR/names-$TOPOLOGY"
    for i in "${!STARTED_PIDS[@]}"; do
        echo "${STARTED_PIDS[$i]}" >>"$DIR/pids-$TOPOLOGY"
        echo "${STARTED_NAMES[$i]} ${STARTED_PIDS[$i]}" >>"$DIR/names-$TOPOLOGY"
    done
}

fail_start() {
    echo "jitar.sh: $*" >&2
    if ((${#STARTED_PIDS[@]})); then
        echo "jitar.sh: stopping the services started so far" >&2
        write_pid_files
        cmd_stop "$DIR" "$TOPOLOGY" >&2 || true
    fi
    exit 1
}

# start_service NAME CONFIG PORT [GATEWAY_PORT [REPOSITORY_PORT]]
start_service() {
    local name="$1" config="$2" port="$3" gw="${4:-}" repo="${5:-}"
    local log="$DIR/logs/$TOPOLOGY-$name.log"
    # The subshell execs node, so $! is the node process itself (no npx/sh wrapper).
    # Service configs use ${VAR} placeholders that Jitar itself fills from the environment.
    (
        cd "$DIR/app"
        exec env NODE_ENV=production \
            JITAR_PORT="$port" JITAR_GATEWAY_PORT="$gw" JITAR_REPOSITORY_PORT="$repo" \
            node --require "$DIR/loopback.cjs" node_modules/jitar/dist/cli.js start \
            --service="services/$config.json" --log-level="$LOG_LEVEL"
    ) </dev/null >"$log" 2>&1 &
    local pid=$!
    STARTED_NAMES+=("$name")
    STARTED_PIDS+=("$pid")
    write_pid_files
    wait_http_200 "$name" "$pid" "http://127.0.0.1:$port/health/status"
}

# wait_http_200 NAME PID URL [EXPECTED_BODY]
wait_http_200() {
    local name="$1" pid="$2" url="$3" want="${4:-}" body deadline=$((SECONDS + START_TIMEOUT))
    while :; do
        kill -0 "$pid" 2>/dev/null || fail_start "$name (pid $pid) exited; log:
$(tail -n 20 "$DIR/logs/$TOPOLOGY-$name.log")"
        if body="$(get_200 "$url")" && [[ -z "$want" || "$body" == "$want" ]]; then
            return 0
        fi
        ((SECONDS < deadline)) || fail_start "$name did not answer 200 on $url within ${START_TIMEOUT}s"
        sleep 0.1
    done
}

# A worker that registered at the gateway only gets requests after its first
# state report (reportInterval, 5 s by default). Send RPC calls through the
# entry URL until every worker port has accepted a connection from the gateway
# (keep-alive connections stay open), i.e. both workers are in rotation.
wait_workers_in_rotation() {
    local url="$1"; shift
    local deadline=$((SECONDS + START_TIMEOUT)) port missing
    while :; do
        get_200 "$url" >/dev/null || true
        missing=0
        for port in "$@"; do
            ss -Htn state established "( sport = :$port )" 2>/dev/null | grep -q . || missing=1
        done
        ((missing == 0)) && return 0
        ((SECONDS < deadline)) || fail_start "not all workers ($*) received requests within ${START_TIMEOUT}s"
        sleep 0.2
    done
}

cmd_start() {
    DIR="$(abs_dir "${1:-}")"; TOPOLOGY="${2:-}"; shift 2 || usage
    [[ -f "$DIR/app/.jitar/default.segment.js" && -f "$DIR/loopback.cjs" ]] \
        || die "$DIR is not installed (run: jitar.sh install $DIR)"
    command -v curl >/dev/null || die "curl not found"
    command -v ss >/dev/null || die "ss not found"
    if [[ -s "$DIR/pids-$TOPOLOGY" ]]; then
        local p
        while read -r p; do
            kill -0 "$p" 2>/dev/null && die "$TOPOLOGY seems to be running already (pid $p); stop it first"
        done <"$DIR/pids-$TOPOLOGY"
    fi
    mkdir -p "$DIR/logs"
    if (($# > 0)) && [[ "$(printf '%s\n' "$@" | sort | uniq -d)" != "" ]]; then
        die "ports must be distinct: $*"
    fi

    local entry
    case "$TOPOLOGY" in
        standalone)
            (($# == 1)) || usage
            local port="$1"; check_port "$port"
            entry="http://127.0.0.1:$port/rpc/sayHello?name=$NAME"
            start_service standalone standalone "$port"
            ;;
        gateway)
            (($# == 3)) || usage
            local gw="$1" w1="$2" w2="$3"
            check_port "$gw"; check_port "$w1"; check_port "$w2"
            entry="http://127.0.0.1:$gw/rpc/sayHello?name=$NAME"
            start_service gateway gateway "$gw"
            start_service worker1 worker "$w1" "$gw"
            start_service worker2 worker "$w2" "$gw"
            wait_workers_in_rotation "$entry" "$w1" "$w2"
            ;;
        proxy)
            (($# == 4 || $# == 5)) || usage
            local px="$1" gw="$2" w1="$3" w2="$4" repo="${5:-}"
            check_port "$px"; check_port "$gw"; check_port "$w1"; check_port "$w2"
            if [[ -z "$repo" ]]; then repo="$(random_free_port)"; else check_port "$repo"; fi
            entry="http://127.0.0.1:$px/rpc/sayHello?name=$NAME"
            # The 0.10.x proxy requires both a gateway and a repository URL.
            start_service repository repository "$repo"
            start_service gateway gateway "$gw"
            start_service worker1 worker "$w1" "$gw"
            start_service worker2 worker "$w2" "$gw"
            wait_workers_in_rotation "http://127.0.0.1:$gw/rpc/sayHello?name=$NAME" "$w1" "$w2"
            start_service proxy proxy "$px" "$gw" "$repo"
            ;;
        *) usage ;;
    esac

    wait_http_200 "${STARTED_NAMES[-1]}" "${STARTED_PIDS[-1]}" "$entry" "$EXPECTED"
    write_pid_files
    echo "$entry"
}

# ---------------------------------------------------------------- stop / pids

cmd_stop() {
    local dir; dir="$(abs_dir "${1:-}")"; local topology="${2:-}"
    [[ -n "$topology" ]] || usage
    local file="$dir/pids-$topology"
    [[ -f "$file" ]] || { echo "jitar.sh: no pid file $file, nothing to stop" >&2; return 0; }

    local pids=() p
    while read -r p; do
        [[ "$p" =~ ^[0-9]+$ ]] || continue
        # Only signal processes that are still ours: a node started from this DIR.
        if [[ -r "/proc/$p/cmdline" ]] && tr '\0' ' ' <"/proc/$p/cmdline" | grep -qF -- "$dir/loopback.cjs"; then
            pids+=("$p")
        fi
    done < <(tac "$file")   # reverse start order: entry service first

    if ((${#pids[@]})); then
        kill "${pids[@]}" 2>/dev/null || true
        local deadline=$((SECONDS + 5)) alive
        while :; do
            alive=()
            for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive+=("$p"); done
            ((${#alive[@]} == 0)) && break
            if ((SECONDS >= deadline)); then
                echo "jitar.sh: kill -9 ${alive[*]}" >&2
                kill -9 "${alive[@]}" 2>/dev/null || true
                break
            fi
            sleep 0.1
        done
    fi
    rm -f "$file" "$dir/names-$topology"
    echo "stopped $topology (${#pids[@]} processes)" >&2
}

cmd_pids() {
    local dir; dir="$(abs_dir "${1:-}")"; local topology="${2:-}"
    [[ -n "$topology" ]] || usage
    [[ -f "$dir/names-$topology" ]] || die "no services recorded for $topology in $dir"
    cat "$dir/names-$topology"
}

case "${1:-}" in
    install) shift; cmd_install "$@" ;;
    start)   shift; cmd_start "$@" ;;
    stop)    shift; cmd_stop "$@" ;;
    pids)    shift; cmd_pids "$@" ;;
    *) usage ;;
esac
