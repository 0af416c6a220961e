/**
 * Sentry wire formats: DSNs, the {@code Sentry ...} auth header, content encodings, envelopes and
 * the one configured JSON mapper for SDK payloads. Depends only on {@code dev.picket.model},
 * Jackson, zstd-jni and the Brotli decoder; every failure is a {@link
 * dev.picket.protocol.ProtocolException}.
 */
package dev.picket.protocol;
