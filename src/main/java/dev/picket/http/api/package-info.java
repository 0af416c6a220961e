/**
 * Handlers and renderers of Sentry's web API ({@code /api/0/...}). The camelCase API shape exists
 * only here; stored events stay in Sentry's snake_case schema.
 */
package dev.picket.http.api;
