// Send one exception event and one message event with raven-js 3 (the legacy browser client),
// running unchanged inside a jsdom page, and print their ids. The DSN comes from SENTRY_DSN.
//
// raven-js needs a browser: it sends with XMLHttpRequest, which plain Node lacks. So the
// script opens a jsdom window and exposes it as the global `window` before loading raven-js,
// which then uses jsdom's XHR (a CORS "simple request" from the page's origin, so Picket's
// answer must carry Access-Control-Allow-Origin). raven-js and jsdom come from Debian
// (node-raven-js, node-jsdom) in /usr/share/nodejs: run it with NODE_PATH=/usr/share/nodejs.
"use strict";

if (!process.env.SENTRY_DSN) throw new Error("SENTRY_DSN is not set"); // raven-js would silently send nothing

const { JSDOM } = require("jsdom");

const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
  url: "http://127.0.0.1/sdk-smoke/page.html", // placeholder origin, never fetched
});
global.window = dom.window;
global.document = dom.window.document;
global.navigator = dom.window.navigator;
global.location = dom.window.location;
global.history = dom.window.history;
global.XMLHttpRequest = dom.window.XMLHttpRequest;

const Raven = require("raven-js");
const version = require("raven-js/package.json").version;
console.error(`version ${version} (jsdom ${require("jsdom/package.json").version})`);

// raven-js reports each send as a DOM event on the document: ravenSuccess or ravenFailure.
const results = [];
let onResult = () => {};
for (const type of ["ravenSuccess", "ravenFailure"]) {
  document.addEventListener(type, (evt) => {
    results.push(type);
    if (type === "ravenFailure") console.error(`raven-js: send failed (${JSON.stringify(evt.data && evt.data.event_id)})`);
    onResult();
  });
}
const delivered = (count, timeoutMs) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    onResult = () => {
      if (results.length >= count) {
        clearTimeout(timer);
        resolve();
      }
    };
    onResult();
  });

Raven.config(process.env.SENTRY_DSN, {
  release: "sdk-smoke@1.0.0",
  environment: "sdk-smoke",
  tags: { client: "raven-js" },
  debug: process.env.SMOKE_DEBUG === "1",
}).install();

function divide(a, b) {
  if (b === 0) throw new RangeError("division by zero");
  return a / b;
}

(async () => {
  const ids = [];
  try {
    divide(1, 0);
  } catch (err) {
    Raven.captureException(err);
    ids.push(Raven.lastEventId());
  }
  await delivered(1, 10000);
  // raven-js backs off after a failed send; send the message only once the first has finished.
  Raven.captureMessage("sdk-smoke message from raven-js", { level: "info" });
  ids.push(Raven.lastEventId());
  await delivered(2, 10000);

  for (const id of ids) console.log(id);
  Raven.uninstall();
  dom.window.close();
  const ok = results.filter((r) => r === "ravenSuccess").length;
  if (ok < 2) {
    console.error(`raven-js: ${ok} of 2 sends succeeded (${results.join(", ") || "none finished"})`);
    process.exitCode = 1;
  }
})();
