/**
 * HTTP wiring: the server, the route table, the error mapper. Sub-packages hold the handlers of
 * ingest and of the web API. Only {@code http.*} touches Javalin.
 */
package dev.picket.http;
