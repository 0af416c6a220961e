// Send one exception event and one message event with @sentry/node, print their ids.
// The DSN comes from SENTRY_DSN. Run it from a folder where package.json's dependencies are
// installed (run.sh copies it next to its node_modules).
import * as Sentry from "@sentry/node";

if (!process.env.SENTRY_DSN) throw new Error("SENTRY_DSN is not set"); // the SDK would silently send nothing

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
  release: "sdk-smoke@1.0.0",
  environment: "sdk-smoke",
  debug: process.env.SMOKE_DEBUG === "1",
});
Sentry.setTag("client", "node-sdk");
console.error(`version ${Sentry.SDK_VERSION}`);

function divide(a, b) {
  if (b === 0) throw new RangeError("division by zero");
  return a / b;
}

let errorId;
try {
  divide(1, 0);
} catch (err) {
  errorId = Sentry.captureException(err);
}
const messageId = Sentry.captureMessage("sdk-smoke message from node-sdk", "info");

// Wait until both events are delivered, then shut the client down.
const flushed = await Sentry.close(10000);
if (!flushed) console.error("close() timed out before all events were sent");

console.log(errorId);
console.log(messageId);
for (const { type, status } of statuses) console.error(`envelope [${type}] -> HTTP ${status}`);
if (statuses.some(({ status }) => !(status >= 200 && status < 300))) process.exitCode = 1;
