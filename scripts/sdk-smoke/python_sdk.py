#!/usr/bin/python3
"""Send one exception event and one message event with sentry-sdk (Python), print their ids.

The DSN comes from SENTRY_DSN. Uses Debian's python3-sentry-sdk, so run it with /usr/bin/python3.
"""
import os
import sys

import sentry_sdk

sentry_sdk.init(
    dsn=os.environ["SENTRY_DSN"],
    release="sdk-smoke@1.0.0",
    environment="sdk-smoke",
    debug=os.environ.get("SMOKE_DEBUG") == "1",
)
sentry_sdk.set_tag("client", "python-sdk")
print("version " + sentry_sdk.VERSION, file=sys.stderr)


def divide(a, b):
    return a / b


try:
    divide(1, 0)
except ZeroDivisionError:
    error_id = sentry_sdk.capture_exception()

message_id = sentry_sdk.capture_message("sdk-smoke message from python-sdk", level="info")

# Wait until both events are delivered, then shut the transport down.
sentry_sdk.flush(timeout=10)
sentry_sdk.Hub.current.client.close(timeout=10)

for event_id in (error_id, message_id):
    print(event_id)
