#!/usr/bin/env bash
# Send one exception event and one message event with sentry-cli send-event, print their ids.
# The DSN comes from SENTRY_DSN; the binary from SENTRY_CLI (default: sentry-cli on PATH).
#
# sentry-cli has no flag for an exception, so the exception event is a JSON file that the CLI
# parses and re-sends as an envelope; the message event is built from flags (-m). Both run with
# --no-environ: without it the CLI attaches every environment variable as extra.environ.
set -euo pipefail

: "${SENTRY_DSN:?SENTRY_DSN is not set}"
cli="${SENTRY_CLI:-sentry-cli}"
log_level=warn
[[ "${SMOKE_DEBUG:-}" == 1 ]] && log_level=debug
echo "version $("$cli" --version)" >&2

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

error_id="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
cat > "$tmp/error-event.json" <<JSON
{
  "event_id": "$error_id",
  "platform": "other",
  "level": "error",
  "release": "sdk-smoke@1.0.0",
  "environment": "sdk-smoke",
  "tags": {"client": "sentry-cli"},
  "exception": {"values": [{
    "type": "ZeroDivisionError",
    "value": "division by zero",
    "stacktrace": {"frames": [
      {"filename": "smoke.py", "function": "main", "lineno": 3, "in_app": true},
      {"filename": "smoke.py", "function": "divide", "lineno": 7, "in_app": true}
    ]}
  }]}
}
JSON

# send-event prints "Event dispatched: <id>" (hyphenated UUID); keep its output for the log.
send() {
  local out
  out="$("$cli" --log-level "$log_level" send-event --no-environ "$@")"
  printf '%s\n' "$out" >&2
  printf '%s\n' "$out" | grep -Eo '[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}' | tail -1 | tr -d '-'
}

sent_error_id="$(send "$tmp/error-event.json")"
message_id="$(send -m "sdk-smoke message from sentry-cli" -l info -r sdk-smoke@1.0.0 -E sdk-smoke -t client:sentry-cli)"

echo "$sent_error_id"
echo "$message_id"
