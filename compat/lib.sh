# Shared by compat/run and scripts/sdk-smoke/run.sh (source it; needs bash with set -euo pipefail).
# Functions: log, ensure_apt_packages, build_picket_jar, start_picket, stop_picket.

started=${started:-$SECONDS}
log() { printf '== [%3ds] %s\n' $((SECONDS - started)) "$*" >&2; }

# ensure_apt_packages PKG...: apt-get install the ones not installed (apt-get update first).
ensure_apt_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# build_picket_jar JAR REPO [force]: mvn package when JAR is missing (or force=1).
build_picket_jar() {
  local jar=$1 repo=$2 force=${3:-}
  if [[ ! -f "$jar" || "$force" == 1 ]]; then
    log "mvn package (no $jar or rebuild asked)"
    (cd "$repo" && mvn -q -B -DskipTests package) >&2
  fi
  log "Picket jar: $jar ($(date -r "$jar" '+%F %T'))"
}

# start_picket JAR WORK: serve on a free loopback port with data in WORK/data, wait until healthy,
# create a superuser and a read token. Sets port, dsn, picket_pid; the token is in WORK/token
# (mode 600: it never goes on a command line or the terminal). Logs: WORK/picket.out, .err.
start_picket() {
  local jar=$1 work=$2
  port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  log "starting Picket on 127.0.0.1:$port, data in $work/data"
  java -jar "$jar" serve --port "$port" --url "http://127.0.0.1:$port" --data-dir "$work/data" \
    >"$work/picket.out" 2>"$work/picket.err" &
  picket_pid=$!
  dsn=""
  for _ in $(seq 1 240); do
    if grep -qs '^DSN: ' "$work/picket.out" && curl -fsS -o /dev/null "http://127.0.0.1:$port/_health/"; then
      dsn="$(grep -m1 '^DSN: ' "$work/picket.out" | cut -d' ' -f2)"
      break
    fi
    kill -0 "$picket_pid" 2>/dev/null || break
    sleep 0.25
  done
  [[ -n "$dsn" ]] || { log "Picket did not start"; tail -n 30 "$work/picket.err" >&2; return 1; }
  # The two CLI calls are short-lived JVMs: C1 only and the serial GC halve their start-up.
  local cli=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar")
  "${cli[@]}" createuser --data-dir "$work/data" --email compat@example.com \
    --password "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')" --superuser >/dev/null
  (umask 077 && "${cli[@]}" token create --data-dir "$work/data" --user compat@example.com \
    --scopes project:read,event:read,org:read | tail -n1 >"$work/token")
}

# stop_picket: SIGTERM the server started above (by its PID) and wait for it.
stop_picket() {
  if [[ -n "${picket_pid:-}" ]] && kill -0 "$picket_pid" 2>/dev/null; then
    kill "$picket_pid" 2>/dev/null || true
    wait "$picket_pid" 2>/dev/null || true
  fi
}
