#!/usr/bin/python3
"""sentry-sdk (Python): send the compat exception and message events described by compat/spec.json.

Env: SENTRY_DSN, COMPAT_SPEC. Prints one JSON line {sdk, version, error_id, message_id} on stdout.
Run with /usr/bin/python3 (Debian's python3-sentry-sdk).
"""
import json
import os
import sys

import sentry_sdk
from sentry_sdk import consts

SDK = "python"
spec = json.loads(open(os.environ["COMPAT_SPEC"]).read().replace("{sdk}", SDK))

# Local variables: include_local_variables since sentry-sdk 1.18; Debian's 1.9 calls it with_locals.
locals_option = ("include_local_variables" if "include_local_variables" in consts.DEFAULT_OPTIONS
                 else "with_locals")
sentry_sdk.init(
    dsn=os.environ["SENTRY_DSN"],
    release=spec["release"],
    environment=spec["environment"],
    debug=os.environ.get("COMPAT_DEBUG") == "1",
    **{locals_option: True},
)
for key, value in spec["tags"].items():
    sentry_sdk.set_tag(key, value)
sentry_sdk.set_user(spec["user"])
for crumb in spec["breadcrumbs"]:
    sentry_sdk.add_breadcrumb(**crumb)


def compat_fail(compat_local_number):
    compat_local_text = spec["local_text"]
    try:
        raise ValueError(spec["cause_message"])
    except ValueError as cause:
        if compat_local_text and compat_local_number:  # both locals are live in this frame
            raise RuntimeError(spec["error_message"]) from cause


try:
    compat_fail(spec["local_number"])
except RuntimeError:
    error_id = sentry_sdk.capture_exception()

message_id = sentry_sdk.capture_message(spec["message"], level=spec["message_level"])

# Wait until both events are delivered, then shut the transport down.
sentry_sdk.flush(timeout=10)
sentry_sdk.Hub.current.client.close(timeout=10)
print(json.dumps({"sdk": SDK, "version": sentry_sdk.VERSION, "error_id": error_id,
                  "message_id": message_id}))
