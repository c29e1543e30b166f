#!/usr/bin/env bash
# Local Neo4j for presskg: `neo4j.sh up|down|status|logs`.
#
# With a Docker engine this runs docker-compose.yml. Without one it resolves Neo4j Community
# from Maven Central (tools/neo4j/pom.xml) and runs org.neo4j.server.CommunityEntryPoint on the
# machine's Java 17+, with a generated neo4j.conf and its data under .neo4j/ at the repo root.
#
# It serves the credentials presskg reads by default, so `presskg build FILE --neo4j` works
# right after `make neo4j-up`:
#   NEO4J_URI=bolt://127.0.0.1:7687  NEO4J_USERNAME=neo4j  NEO4J_PASSWORD=presskg-local
#
# Settings (environment):
#   NEO4J_PASSWORD       password of the neo4j user, set on first start (default presskg-local)
#   NEO4J_BOLT_PORT      bolt port on 127.0.0.1 (default 7687)
#   NEO4J_HTTP_PORT      http port on 127.0.0.1 (default 7474)
#   NEO4J_LOCAL_DIR      home of the server: conf, data, logs, pid (default <repo>/.neo4j)
#   NEO4J_HEAP           JVM heap, initial = max (default 768m)
#   NEO4J_PAGECACHE      page cache (default 256m)
#   NEO4J_START_TIMEOUT  seconds `up` waits for `RETURN 1` over bolt (default 120)
#   NEO4J_USE_DOCKER     auto (default), 1 to require Docker, 0 to never use it
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

PASSWORD="${NEO4J_PASSWORD:-presskg-local}"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
HOME_DIR="${NEO4J_LOCAL_DIR:-$ROOT/.neo4j}"
HEAP="${NEO4J_HEAP:-768m}"
PAGECACHE="${NEO4J_PAGECACHE:-256m}"
TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
USE_DOCKER="${NEO4J_USE_DOCKER:-auto}"

LIB_DIR="$HERE/target/lib"
CONF_DIR="$HOME_DIR/conf"
LOG_DIR="$HOME_DIR/logs"
PID_FILE="$HOME_DIR/neo4j.pid"
CONSOLE_LOG="$LOG_DIR/console.log"
URI="bolt://127.0.0.1:$BOLT_PORT"

say() { printf 'neo4j.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

use_docker() {
    case "$USE_DOCKER" in
        0) return 1 ;;
        1) return 0 ;;
        *) command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 ;;
    esac
}

python_bin() {
    local candidate
    for candidate in "$ROOT/.venv/bin/python" python3; do
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import neo4j' >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    die "no Python with the neo4j driver to check the server; run 'make install' first"
}

# 0 when `RETURN 1` answers over bolt with the configured credentials, 2 when the server refuses
# them, 1 otherwise; prints why not on stderr.
bolt_ready() {
    PRESSKG_CHECK_PASSWORD="$PASSWORD" "$PY" - "$URI" <<'PYEOF'
import os
import sys

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

uri, password = sys.argv[1], os.environ["PRESSKG_CHECK_PASSWORD"]
try:
    with GraphDatabase.driver(uri, auth=("neo4j", password), connection_timeout=3) as driver:
        # A plain auto-commit query: execute_query would retry for 30 s on a closed port.
        with driver.session() as session:
            record = session.run("RETURN 1 AS ok").single()
        sys.exit(0 if record is not None and record["ok"] == 1 else 1)
except AuthError as e:
    print(f"AuthError: {e}", file=sys.stderr)
    sys.exit(2)
except Exception as e:  # noqa: BLE001 - any failure means "not ready yet"
    print(f"{type(e).__name__}: {e}", file=sys.stderr)
    sys.exit(1)
PYEOF
}

# A pid is ours while it is a live (not zombie) Neo4j serving this home folder.
alive() {
    local pid="$1" state
    [[ -n "$pid" && -r "/proc/$pid/stat" ]] || return 1
    state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Z]).*/\1/' "/proc/$pid/stat" 2>/dev/null)" || return 1
    [[ "$state" != Z && "$state" != X ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "--home-dir=$HOME_DIR"
}

running_pid() {
    local pid
    [[ -f "$PID_FILE" ]] || return 1
    pid="$(cat "$PID_FILE")"
    alive "$pid" || return 1
    echo "$pid"
}

log_tail() {
    local f
    for f in "$CONSOLE_LOG" "$LOG_DIR/neo4j.log" "$LOG_DIR/debug.log"; do
        if [[ -s "$f" ]]; then
            say "last lines of $f:"
            tail -n 40 "$f" >&2
        fi
    done
}

wait_ready() {
    local deadline=$((SECONDS + TIMEOUT)) why="" rc
    while ((SECONDS < deadline)); do
        rc=0
        why="$(bolt_ready 2>&1)" || rc=$?
        ((rc == 0)) && return 0
        if ((rc == 2)); then
            die "the server on $URI refuses user neo4j with NEO4J_PASSWORD ($why); it keeps the" \
                "password it was first started with: use that one, or 'make neo4j-down' and" \
                "remove $HOME_DIR to start afresh"
        fi
        if [[ -n "${1:-}" ]] && ! alive "$1"; then
            say "the server process $1 exited during start-up"
            log_tail
            rm -f "$PID_FILE"
            exit 1
        fi
        sleep 1
    done
    say "no answer to RETURN 1 on $URI after ${TIMEOUT}s (last error: ${why:-none})"
    log_tail
    exit 1
}

fetch_neo4j() {
    if [[ ! -d "$LIB_DIR" ]] || ! compgen -G "$LIB_DIR/neo4j-5.*.jar" >/dev/null; then
        command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to fetch Neo4j: apt-get install maven"
        command -v java >/dev/null 2>&1 || die "Java 17 or 21 is needed to run Neo4j: apt-get install openjdk-17-jre-headless"
        say "resolving Neo4j from Maven Central into $LIB_DIR"
        mvn -B -q -f "$HERE/pom.xml" dependency:copy-dependencies \
            || die "Maven could not resolve Neo4j (see tools/neo4j/pom.xml)"
    fi
}

write_conf() {
    mkdir -p "$CONF_DIR" "$LOG_DIR" "$HOME_DIR/data" "$HOME_DIR/run" "$HOME_DIR/import" \
        "$HOME_DIR/plugins"
    cat >"$CONF_DIR/neo4j.conf" <<EOF
# Generated by tools/neo4j/neo4j.sh; edits are overwritten at the next start.
server.directories.data=$HOME_DIR/data
server.directories.logs=$LOG_DIR
server.directories.run=$HOME_DIR/run
server.directories.import=$HOME_DIR/import
server.directories.plugins=$HOME_DIR/plugins
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$BOLT_PORT
server.bolt.tls_level=DISABLED
server.http.enabled=true
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.http.advertised_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false
dbms.security.auth_enabled=true
server.memory.heap.initial_size=$HEAP
server.memory.heap.max_size=$HEAP
server.memory.pagecache.size=$PAGECACHE
db.tx_log.rotation.retention_policy=2 files
dbms.usage_report.enabled=false
EOF
}

set_initial_password() {
    # Applied only while the server has never started (no users yet); harmless otherwise.
    if [[ ! -f "$HOME_DIR/data/dbms/auth.ini" && ! -d "$HOME_DIR/data/databases/system" ]]; then
        NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$CONF_DIR" java -cp "$LIB_DIR/*" \
            org.neo4j.cli.AdminTool dbms set-initial-password "$PASSWORD" \
            >>"$CONSOLE_LOG" 2>&1 || { log_tail; die "could not set the initial password"; }
    fi
}

up_local() {
    local pid
    if pid="$(running_pid)"; then
        say "already running (pid $pid); waiting for $URI"
        wait_ready "$pid"
        say "Neo4j is up at $URI (pid $pid)"
        return 0
    fi
    if bolt_ready 2>/dev/null; then
        say "a Neo4j already answers on $URI with these credentials; using it"
        return 0
    fi
    fetch_neo4j
    write_conf
    set_initial_password
    say "starting Neo4j (heap $HEAP, page cache $PAGECACHE), log $CONSOLE_LOG"
    (
        cd "$HOME_DIR"
        # Options the Neo4j launcher would add from its default neo4j.conf.
        exec setsid java -Xms"$HEAP" -Xmx"$HEAP" \
            -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+UnlockExperimentalVMOptions \
            -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC \
            -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
            -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true \
            --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
            --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dlog4j2.disable.jmx=true \
            -Dfile.encoding=UTF-8 \
            -cp "$LIB_DIR/*" org.neo4j.server.CommunityEntryPoint \
            --home-dir="$HOME_DIR" --config-dir="$CONF_DIR"
    ) </dev/null >>"$CONSOLE_LOG" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
    wait_ready "$pid"
    say "Neo4j is up at $URI (pid $pid, user neo4j)"
}

down_local() {
    local pid i
    if ! pid="$(running_pid)"; then
        rm -f "$PID_FILE"
        say "not running"
        return 0
    fi
    say "stopping Neo4j (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 180; i++)); do
        alive "$pid" || break
        sleep 0.5
    done
    if alive "$pid"; then
        say "still running after 90s; killing pid $pid"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
    say "stopped"
}

up_docker() {
    say "Docker engine found: docker compose up"
    NEO4J_PASSWORD="$PASSWORD" docker compose -f "$ROOT/docker-compose.yml" up -d --wait \
        || { docker compose -f "$ROOT/docker-compose.yml" logs --tail 40 neo4j >&2 || true; exit 1; }
    wait_ready ""
    say "Neo4j is up at $URI (docker compose)"
}

down_docker() {
    docker compose -f "$ROOT/docker-compose.yml" down
}

status() {
    local pid
    if pid="$(running_pid)"; then
        say "running (pid $pid) at $URI"
    else
        say "no local server process"
    fi
    if bolt_ready; then say "RETURN 1 answers on $URI"; else exit 1; fi
}

PY="$(python_bin)"
case "${1:-}" in
    up) if use_docker; then up_docker; else up_local; fi ;;
    down) if use_docker; then down_docker; else down_local; fi ;;
    status) status ;;
    logs) log_tail ;;
    *) die "usage: $0 up|down|status|logs" ;;
esac
