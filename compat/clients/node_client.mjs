// @sentry/node: send the compat exception and message events described by compat/spec.json.
// Env: SENTRY_DSN, COMPAT_SPEC. Prints one JSON line {sdk, version, error_id, message_id} on stdout.
// Run it from the folder where package.json's dependencies are installed (compat/run copies it
// there: ESM resolves @sentry/node next to the script).
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import * as Sentry from "@sentry/node";

const SDK = "node";
const spec = JSON.parse(readFileSync(process.env.COMPAT_SPEC, "utf8").replaceAll("{sdk}", SDK));
if (!process.env.SENTRY_DSN) throw new Error("SENTRY_DSN is not set"); // the SDK would send nothing

// The SDK's own transport, wrapped only to note each answer's status (the SDK ignores it).
const statuses = [];
function recordingTransport(options) {
  const transport = Sentry.makeNodeTransport(options);
  return {
    ...transport,
    send: async (envelope) => {
      const response = await transport.send(envelope);
      const type = envelope[1].map(([item]) => item.type).join(",");
      statuses.push({ type, status: response && response.statusCode });
      return response;
    },
  };
}

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  transport: recordingTransport,
  release: spec.release,
  environment: spec.environment,
  includeLocalVariables: true,
  debug: process.env.COMPAT_DEBUG === "1",
});
Sentry.setTags(spec.tags);
Sentry.setUser(spec.user);
for (const crumb of spec.breadcrumbs) Sentry.addBreadcrumb(crumb);

function compat_fail(compat_local_number) {
  const compat_local_text = spec.local_text;
  try {
    throw new TypeError(spec.cause_message);
  } catch (cause) {
    if (compat_local_text && compat_local_number) throw new RangeError(spec.error_message, { cause });
  }
}

// Local variables come from an inspector session in a worker thread that the SDK starts
// asynchronously after init; until it has set "pause on exceptions", a thrown error gets no
// variables. So throw until the worker has attached them (it marks the error), for up to 5 s.
const LOCAL_VARIABLES_KEY = "__SENTRY_ERROR_LOCAL_VARIABLES__";
let error;
for (let attempt = 0; attempt < 50; attempt++) {
  try {
    compat_fail(spec.local_number);
  } catch (err) {
    error = err;
  }
  if (error && error[LOCAL_VARIABLES_KEY]) break;
  await sleep(100);
}
if (!error[LOCAL_VARIABLES_KEY]) console.error("local variables were not captured within 5 s");
const errorId = Sentry.captureException(error);
const messageId = Sentry.captureMessage(spec.message, spec.message_level);

// Wait until both events are delivered, then shut the client down.
const flushed = await Sentry.close(10000);
if (!flushed) console.error("close() timed out before all events were sent");
for (const { type, status } of statuses) console.error(`envelope [${type}] -> HTTP ${status}`);
if (statuses.some(({ status }) => !(status >= 200 && status < 300))) process.exitCode = 1;
console.log(JSON.stringify({ sdk: SDK, version: Sentry.SDK_VERSION, error_id: errorId, message_id: messageId }));
