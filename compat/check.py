#!/usr/bin/python3
"""Read back what each compat client sent and check it; print an SDK x check table.

Called by compat/run once the clients have exited:

    check.py --base URL --token-file F --spec compat/spec.json --work DIR SDK...

For each SDK, DIR holds SDK.rc (the client's exit code), SDK.out (one JSON line
{sdk, version, error_id, message_id}) and SDK.err. Each event is fetched from
GET /api/0/projects/sentry/internal/events/{id}/ (polled for up to ~10 s) and its body kept as
DIR/SDK-error.json / SDK-message.json. Exit code 1 when any check fails. Standard library only.
"""
import argparse
import json
import sys
import time
import urllib.error
import urllib.request

# The exception each client raises: (cause type, outer type). The cause is sent first (oldest).
EXCEPTION_TYPES = {
    "python": ("ValueError", "RuntimeError"),
    "node": ("TypeError", "RangeError"),
    "ruby": ("ArgumentError", "RuntimeError"),
}

CHECKS = [
    ("sent", "client exited 0 and printed both event ids"),
    ("error read back", "GET .../events/{error id}/ is 200 with that eventID"),
    ("type error", "the exception event's type is \"error\""),
    ("exception chain", "exception values are [cause, outer], with the types and values sent"),
    ("frame vars", "a frame of the outer exception has the two locals with their values"),
    ("breadcrumbs", "a breadcrumbs entry holds the crumbs sent, in order (category, message, level, data)"),
    ("user", "user id, email and username as sent"),
    ("tags sent", "the tags set with the SDK's set_tag(s)"),
    ("derived tags", "level=error, release, environment and user=id:<id>"),
    ("issue", "the event's issue is in GET .../issues/ with title \"<outer type>: <value>\""),
    ("message read back", "GET .../events/{message id}/ is 200 with that eventID"),
    ("message", "message event: the message field and message entry hold the text; level tag"),
]


class Api:
    def __init__(self, base, token):
        self.base, self.token = base.rstrip("/"), token

    def get(self, path):
        """Returns (status, parsed body or None)."""
        request = urllib.request.Request(self.base + path,
                                         headers={"Authorization": "Bearer " + self.token})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as e:
            body = e.read()
            try:
                return e.code, json.loads(body)
            except ValueError:
                return e.code, body[:200].decode("utf-8", "replace")

    def event(self, event_id, keep_as):
        status, body = 0, None
        for _ in range(40):  # ingest answers 200 only after the commit, so this is normally one GET
            status, body = self.get(f"/api/0/projects/sentry/internal/events/{event_id}/")
            if status == 200:
                break
            time.sleep(0.25)
        with open(keep_as, "w") as f:
            json.dump({"status": status, "body": body}, f, indent=1)
        return status, body


class Failed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failed(message)


def short(value, limit=160):
    text = json.dumps(value, sort_keys=True) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[:limit] + "…"


def entry(event, entry_type):
    found = [e.get("data") for e in event.get("entries") or [] if e.get("type") == entry_type]
    return found[0] if found else None


def tag_map(event):
    return {t.get("key"): t.get("value") for t in event.get("tags") or []}


def check_sdk(sdk, spec, api, work):
    """Yields (check name, error message or None) for one SDK."""
    spec = json.loads(json.dumps(spec).replace("{sdk}", sdk))
    cause_type, outer_type = EXCEPTION_TYPES[sdk]
    results = {}

    def run(name, fn):
        try:
            fn()
            results[name] = None
        except Failed as e:
            results[name] = str(e)
        except Exception as e:  # a malformed body is a failure of that check, not a crash
            results[name] = f"{type(e).__name__}: {e}"

    sent = {}

    def c_sent():
        rc = open(f"{work}/{sdk}.rc").read().strip()
        out = open(f"{work}/{sdk}.out").read().strip().splitlines()
        expect(rc == "0", f"exit code {rc}")
        expect(out, "printed nothing")
        sent.update(json.loads(out[-1]))
        expect(sent.get("error_id") and sent.get("message_id"), f"ids missing: {short(sent)}")
    run("sent", c_sent)

    error, message = {}, {}

    def c_read(kind, target):
        def fn():
            expect(sent, "nothing sent")
            event_id = sent[f"{kind}_id"].replace("-", "")
            status, body = api.event(event_id, f"{work}/{sdk}-{kind}.json")
            expect(status == 200, f"HTTP {status}: {short(body)}")
            expect(body.get("eventID") == event_id, f"eventID {body.get('eventID')} != {event_id}")
            target.update(body)
        return fn
    run("error read back", c_read("error", error))
    run("message read back", c_read("message", message))

    def need(event):
        expect(event, "not read back")

    def c_type():
        need(error)
        expect(error.get("type") == "error", f"type {error.get('type')!r}")
    run("type error", c_type)

    def outer_values():
        need(error)
        data = entry(error, "exception")
        expect(data, f"no exception entry (entries: {[e.get('type') for e in error.get('entries', [])]})")
        return data.get("values") or []

    def c_chain():
        values = outer_values()
        got = [(v.get("type"), v.get("value")) for v in values]
        want = [(cause_type, spec["cause_message"]), (outer_type, spec["error_message"])]
        expect(got == want, f"got {got}, want {want}")
    run("exception chain", c_chain)

    def c_vars():
        values = outer_values()
        expect(values, "no exception values")
        frames = (values[-1].get("stacktrace") or {}).get("frames") or []
        with_vars = [f.get("vars") for f in frames if f.get("vars")]
        expect(with_vars, f"no frame has vars ({len(frames)} frames)")
        for v in with_vars:
            text, number = v.get("compat_local_text"), v.get("compat_local_number")
            # SDKs render values their own way: Python repr() ("'x'"), Ruby inspect, Node raw.
            if spec["local_text"] in str(text) and str(spec["local_number"]) in str(number):
                return
        raise Failed(f"no frame has compat_local_text/compat_local_number: {short(with_vars)}")
    run("frame vars", c_vars)

    def c_crumbs():
        need(error)
        data = entry(error, "breadcrumbs")
        expect(data, "no breadcrumbs entry")
        got = [(c.get("category"), c.get("message"), c.get("level"), c.get("data"))
               for c in data.get("values") or []]
        want = [(c["category"], c["message"], c["level"], c["data"]) for c in spec["breadcrumbs"]]
        # The crumbs sent, in order; an SDK may add its own (e.g. console) around them.
        it = iter(got)
        expect(all(w in it for w in want), f"got {short(got, 400)}, want {want} in order")
    run("breadcrumbs", c_crumbs)

    def c_user():
        need(error)
        user = error.get("user") or {}
        wrong = {k: user.get(k) for k, v in spec["user"].items() if user.get(k) != v}
        expect(not wrong, f"got {short(user)}, want {spec['user']}")
    run("user", c_user)

    def c_tags(want_fn):
        def fn():
            need(error)
            tags, want = tag_map(error), want_fn()
            wrong = {k: tags.get(k) for k, v in want.items() if tags.get(k) != v}
            expect(not wrong, f"got {wrong}, want {({k: want[k] for k in wrong})}")
        return fn
    run("tags sent", c_tags(lambda: spec["tags"]))
    run("derived tags", c_tags(lambda: {"level": "error", "release": spec["release"],
                                        "environment": spec["environment"],
                                        "user": "id:" + spec["user"]["id"]}))

    def c_issue():
        need(error)
        group = str(error.get("groupID"))
        status, issues = api.get("/api/0/projects/sentry/internal/issues/?query=")
        expect(status == 200, f"HTTP {status}: {short(issues)}")
        found = [i for i in issues if str(i.get("id")) == group]
        expect(found, f"issue {group} not in the list of {len(issues)}")
        want = f"{outer_type}: {spec['error_message']}"
        expect(found[0].get("title") == want, f"title {found[0].get('title')!r}, want {want!r}")
    run("issue", c_issue)

    def c_message():
        need(message)
        text = spec["message"]
        expect(message.get("message") == text, f"message field {message.get('message')!r}")
        data = entry(message, "message") or {}
        expect(text in (data.get("formatted"), data.get("message")), f"message entry {short(data)}")
        level = tag_map(message).get("level")
        expect(level == spec["message_level"], f"level tag {level!r}")
    run("message", c_message)

    return sent.get("version", "?"), results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--token-file", required=True)
    parser.add_argument("--spec", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("sdks", nargs="+")
    args = parser.parse_args()
    with open(args.token_file) as f:
        api = Api(args.base, f.read().strip())
    with open(args.spec) as f:
        spec = json.load(f)

    columns = {sdk: check_sdk(sdk, spec, api, args.work) for sdk in args.sdks}
    width = max(len(name) for name, _ in CHECKS)
    header = f"{'check':<{width}}  " + "  ".join(f"{f'{sdk} {v}':<14}" for sdk, (v, _) in columns.items())
    print(header)
    print("-" * len(header))
    failures = []
    for name, _ in CHECKS:
        cells = []
        for sdk, (_, results) in columns.items():
            error = results.get(name, "not run")
            cells.append(f"{'ok' if error is None else 'FAIL':<14}")
            if error is not None:
                failures.append(f"{sdk} / {name}: {error}")
        print(f"{name:<{width}}  " + "  ".join(cells))
    total = len(CHECKS) * len(columns)
    print(f"\n{total - len(failures)}/{total} checks passed")
    for line in failures:
        print("FAIL " + line)
    if failures:
        print("\nWhat each check means:")
        for name, meaning in CHECKS:
            print(f"  {name:<{width}}  {meaning}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
