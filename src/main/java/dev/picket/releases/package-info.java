/**
 * Releases' uploads: sentry-cli's chunks and the artifact bundles assembled from them, checked and
 * read here (zip, manifest) and stored through the storage interfaces. May use model, storage
 * interfaces and Jackson; never HTTP.
 */
package dev.picket.releases;
