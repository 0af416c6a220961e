/**
 * Normalization of SDK event payloads into Picket's stored event (Sentry's snake_case schema):
 * {@link dev.picket.normalize.Normalizer} runs one class per concern and records repairs in
 * {@code errors}. May use {@code model}, {@code grouping} (for derived title/culprit/metadata),
 * Jackson and uap-java; never storage or HTTP.
 */
package dev.picket.normalize;
