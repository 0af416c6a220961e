/**
 * The ingest pipeline: request reading and DSN-key checks, normalization and grouping on the
 * request thread, and the single group-commit {@code Writer}. Uses protocol, normalize, grouping
 * and the storage interfaces; knows nothing of HTTP.
 */
package dev.picket.ingest;
