#!/usr/bin/env bash
# Smoke test: real, unmodified non-Java Sentry clients send events to a fresh Picket, and every
# event they report reads back through GET /api/0/projects/sentry/internal/events/{event_id}/.
#
#   scripts/sdk-smoke/run.sh [CLIENT...]     # default: all clients below
#
# Installs the clients (Debian and npm, idempotent; needs root for apt-get), builds
# target/picket.jar when it is missing, starts Picket on a free port
# with a temporary data dir, runs each client, polls the seed endpoint for each event id it
# printed (up to ~10 s) and prints OK/FAIL per client. Exits 1 if any client fails.
# SMOKE_DEBUG=1 turns on the clients' own debug logs (in the per-client logs); SMOKE_REBUILD=1
# rebuilds the jar even when target/picket.jar exists; PICKET_JAR=/path/picket.jar tests another jar.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
all_clients=(python-sdk node-sdk ruby-sdk ruby-raven raven-js go-sdk sentry-cli)
if (($#)); then clients=("$@"); else clients=("${all_clients[@]}"); fi
for name in "${clients[@]}"; do
  [[ " ${all_clients[*]} " == *" $name "* ]] || { echo "unknown client: $name (known: ${all_clients[*]})" >&2; exit 2; }
done

apt_packages=(python3-sentry-sdk ruby-sentry-ruby ruby-sentry-raven node-raven-js node-jsdom
  golang-go golang-github-getsentry-sentry-go-dev golang-github-pkg-errors-dev curl)
npm_dir="${SMOKE_NPM_DIR:-/tmp/picket-sdk-smoke-npm}"   # kept between runs: npm installs once
work="$(mktemp -d /tmp/picket-sdk-smoke.XXXXXX)"        # data dir, logs, token; removed on success
picket_pid=""
source "$repo/compat/lib.sh"   # log, ensure_apt_packages, build_picket_jar, start_picket, stop_picket

cleanup() {
  local rc=$?
  stop_picket
  if [[ $rc -eq 0 ]]; then rm -rf "$work"; else log "logs kept in $work"; fi
}
trap cleanup EXIT

# --- 1. install the clients -------------------------------------------------------------------
install_clients() {
  ensure_apt_packages "${apt_packages[@]}"

  mkdir -p "$npm_dir"
  if ! cmp -s "$here/package.json" "$npm_dir/package.json" || [[ ! -d "$npm_dir/node_modules" ]]; then
    log "npm install (@sentry/node, @sentry/cli-linux-x64) in $npm_dir"
    cp "$here/package.json" "$npm_dir/package.json"
    (cd "$npm_dir" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null)
  fi
  cp "$here/node_sdk.mjs" "$npm_dir/"   # ESM resolves @sentry/node next to the script

  log "go build go_sdk.go (GOPATH mode, Debian sources)"
  GOPATH=/usr/share/gocode GO111MODULE=off GOCACHE="$npm_dir/go-cache" GOFLAGS= \
    go build -o "$work/go_sdk" "$here/go_sdk.go"
}

# --- 2. build and start Picket ----------------------------------------------------------------
jar="${PICKET_JAR:-$repo/target/picket.jar}"
build_picket() {  # reuses an existing jar (SMOKE_REBUILD=1 forces a build): test what was built
  build_picket_jar "$jar" "$repo" "${SMOKE_REBUILD:-}"
}

start_picket_for_smoke() {
  start_picket "$jar" "$work"
  # The token goes to curl through a header file, never on a command line or the terminal.
  (umask 077 && printf 'Authorization: Bearer %s\n' "$(cat "$work/token")" >"$work/auth-header")
}

# --- 3. the clients ---------------------------------------------------------------------------
run_client() {  # run_client NAME: the client's stdout (event ids) and stderr go to $work/NAME.*
  local name=$1
  local -a cmd env=(SENTRY_DSN="$dsn")
  : >"$work/$name.out"; : >"$work/$name.err"
  case "$name" in
    python-sdk) cmd=(/usr/bin/python3 "$here/python_sdk.py") ;;
    node-sdk)   cmd=(node "$npm_dir/node_sdk.mjs") ;;
    ruby-sdk)   cmd=(ruby "$here/ruby_sdk.rb") ;;
    ruby-raven) cmd=(ruby "$here/ruby_raven.rb") ;;
    raven-js)   cmd=(node "$here/raven_js.js"); env+=(NODE_PATH=/usr/share/nodejs) ;;
    go-sdk)     cmd=("$work/go_sdk") ;;
    sentry-cli) cmd=(bash "$here/sentry_cli.sh")
                env+=(SENTRY_CLI="$npm_dir/node_modules/@sentry/cli-linux-x64/bin/sentry-cli") ;;
    *) return 2 ;;
  esac
  (cd "$work" && env "${env[@]}" timeout 120 "${cmd[@]}") >"$work/$name.out" 2>"$work/$name.err"
}

# Poll the seed endpoint for one event id (up to ~10 s); prints the last HTTP status.
read_back() {
  local id=$1 status=000
  for _ in $(seq 1 20); do
    status="$(curl -s -o "$work/event-$id.json" -w '%{http_code}' -H @"$work/auth-header" \
      "http://127.0.0.1:$port/api/0/projects/sentry/internal/events/$id/" || true)"
    [[ "$status" == 200 ]] && break
    sleep 0.5
  done
  # A 200 must be this event: the body's eventID is the id asked for.
  if [[ "$status" == 200 ]] && ! grep -q "\"eventID\": *\"$id\"" "$work/event-$id.json"; then
    status="200-but-other-eventID"
  fi
  echo "$status"
}

install_clients
build_picket
start_picket_for_smoke

failures=0
results=()
for name in "${clients[@]}"; do
  log "running $name"
  rc=0
  run_client "$name" || rc=$?
  version="$(grep -m1 '^version ' "$work/$name.err" | cut -d' ' -f2- || true)"
  mapfile -t ids < <(grep -E '^[0-9a-f]{32}$' "$work/$name.out" || true)
  verdict=OK detail=""
  [[ $rc -eq 0 ]] || { verdict=FAIL; detail+=" exit=$rc"; }
  [[ ${#ids[@]} -eq 2 ]] || { verdict=FAIL; detail+=" ids=${#ids[@]}/2"; }
  for id in "${ids[@]}"; do
    status="$(read_back "$id")"
    detail+=" $id:$status"
    if [[ "$status" != 200 ]]; then
      verdict=FAIL
      detail+="($(head -c 200 "$work/event-$id.json" 2>/dev/null | tr -d '\n'))"
    fi
  done
  results+=("$(printf '%-6s %-11s %-24s%s' "$verdict" "$name" "${version:-?}" "$detail")")
  if [[ $verdict == FAIL ]]; then
    failures=$((failures + 1))
    log "$name failed; its stderr (last 20 lines):"
    tail -n 20 "$work/$name.err" | sed 's/^/   | /' >&2
  fi
done

echo
printf '%-6s %-11s %-24s %s\n' RESULT CLIENT VERSION "EVENT ID:HTTP STATUS OF GET .../events/{id}/"
printf '%s\n' "${results[@]}"
echo "$(( ${#clients[@]} - failures )) passed, $failures failed"
((failures == 0))
