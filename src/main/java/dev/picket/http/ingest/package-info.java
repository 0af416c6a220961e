/** Handlers of the ingest endpoints (store, envelope, browser security reports) and their CORS. */
package dev.picket.http.ingest;
