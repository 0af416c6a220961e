/** Handlers of the SDK ingest endpoints (store, envelope) and their CORS. */
package dev.picket.http.ingest;
