#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) on 127.0.0.1, jars and state under <repo>/.local/kafka
# (state under $KAFKA_STATE_DIR instead: the chaos tests run a private broker they may restart).
# Usage: infra/kafka.sh install|start|stop|status|run <main-class> [args...]
#   e.g. infra/kafka.sh run org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --list
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$INFRA_DIR")"
BASE="$REPO_ROOT/.local/kafka"
LIBS="$BASE/libs"
STATE="${KAFKA_STATE_DIR:-$BASE}"
DATA="$STATE/data"
LOGS="$STATE/logs"
PIDFILE="$STATE/kafka.pid"
PROPS="$STATE/server.properties"
POM="$INFRA_DIR/kafka/pom.xml"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
START_TIMEOUT=90
STOP_TIMEOUT=30

log() { echo "[kafka] $*"; }
die() { echo "[kafka] ERROR: $*" >&2; exit 1; }

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_run() { "$JAVA" -cp "$LIBS/*" "$@"; }

# The stamp is the pom's checksum: editing the pom (e.g. the Kafka version) forces a re-install.
pom_sum() { sha256sum "$POM" | cut -d' ' -f1; }

cmd_install() {
  if [[ -f "$LIBS/.pom.sha256" && "$(cat "$LIBS/.pom.sha256")" == "$(pom_sum)" ]]; then
    log "jars already installed in $LIBS"
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (apt-get install -y maven)"
  log "fetching Kafka jars with Maven into $LIBS ..."
  # Download into a temp dir and swap, so an interrupted download never looks installed.
  local tmp="$BASE/libs.tmp"
  rm -rf "$tmp"
  mkdir -p "$BASE"
  mvn -B -f "$POM" dependency:copy-dependencies -DoutputDirectory="$tmp" >"$BASE/mvn.log" 2>&1 \
    || { tail -n 40 "$BASE/mvn.log" >&2; die "maven failed (full log: $BASE/mvn.log)"; }
  pom_sum >"$tmp/.pom.sha256"
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
  log "installed $(ls "$LIBS"/*.jar | wc -l) jars ($(ls "$LIBS" | grep -o '^kafka_2\.13-.*\.jar' || true))"
}

# Running = pid file points at a live process that really is our broker (guards against pid reuse).
running_pid() {
  local pid cmdline
  [[ -f "$PIDFILE" ]] || return 1
  pid="$(cat "$PIDFILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # No `| grep -q` here: with pipefail, grep exiting early makes tr die of SIGPIPE.
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *" kafka.Kafka "* ]] || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

render_config() {
  local t
  t="$(<"$INFRA_DIR/kafka/server.properties.in")"
  # Quoted replacements: bash 5.2 would otherwise expand '&' in them.
  t="${t//@KAFKA_PORT@/"$KAFKA_PORT"}"
  t="${t//@KAFKA_CONTROLLER_PORT@/"$KAFKA_CONTROLLER_PORT"}"
  t="${t//@KAFKA_DATA_DIR@/"$DATA"}"
  printf '%s\n' "$t" >"$PROPS"
}

cmd_start() {
  local pid
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  cmd_install
  command -v "$JAVA" >/dev/null || die "java not found (need Java 17+; set JAVA_HOME or apt-get install -y openjdk-17-jre-headless)"
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$p"; then die "port $p is already in use by another process"; fi
  done
  mkdir -p "$DATA" "$LOGS"
  render_config
  # Format only once; meta.properties marks a formatted log dir (data survives restarts).
  if [[ ! -f "$DATA/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java_run kafka.tools.StorageTool random-uuid)"
    log "formatting storage in $DATA (cluster id $cluster_id)"
    java_run kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" >"$LOGS/format.log" 2>&1 \
      || { cat "$LOGS/format.log" >&2; die "storage format failed"; }
  fi
  # Fresh server.log per start, so the readiness grep below only sees this run.
  if [[ -f "$LOGS/server.log" ]]; then mv -f "$LOGS/server.log" "$LOGS/server.log.1"; fi
  log "starting broker on 127.0.0.1:$KAFKA_PORT (controller :$KAFKA_CONTROLLER_PORT)"
  # setsid: own session, so a Ctrl-C or process-group kill aimed at the caller spares the broker.
  # shellcheck disable=SC2086  # KAFKA_HEAP_OPTS is intentionally word-split
  nohup setsid "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOGS" -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.xml" \
    -cp "$LIBS/*" kafka.Kafka "$PROPS" </dev/null >"$LOGS/kafka.out" 2>&1 &
  echo $! >"$PIDFILE"

  # Ready = port accepts connections AND the server logged that startup (incl. unfencing) finished.
  local t0=$SECONDS deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    # Alive is enough here: while nohup/setsid exec into java, its cmdline can read empty for a moment.
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      tail -n 40 "$LOGS/kafka.out" "$LOGS/server.log" >&2 2>/dev/null || true
      rm -f "$PIDFILE"
      die "broker exited during startup (logs: $LOGS)"
    fi
    if port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$LOGS/server.log" 2>/dev/null; then
      log "ready after $((SECONDS - t0))s (pid $(cat "$PIDFILE")), logs in $LOGS"
      return 0
    fi
    sleep 0.5
  done
  tail -n 40 "$LOGS/kafka.out" "$LOGS/server.log" >&2 2>/dev/null || true
  cmd_stop # don't leave a half-started broker holding the ports
  die "broker not ready after ${START_TIMEOUT}s (see $LOGS)"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    log "not running"
    rm -f "$PIDFILE"
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  # TERM triggers a controlled shutdown that flushes logs; only KILL if it hangs.
  for _ in $(seq $((STOP_TIMEOUT * 2))); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; log "stopped"; return 0; }
    sleep 0.5
  done
  log "still alive after ${STOP_TIMEOUT}s, sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    log "running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
  else
    log "stopped"
    exit 3
  fi
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  run) shift; [[ $# -ge 1 ]] || die "usage: $0 run <main-class> [args...]"; java_run "$@" ;;
  *) echo "usage: $0 install|start|stop|status|run <main-class> [args...]" >&2; exit 2 ;;
esac
