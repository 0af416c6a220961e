/**
 * Grouping: versioned strategies ({@link dev.picket.grouping.GroupingConfigs}) that turn a
 * normalized event into issue hashes, fingerprint handling, and the derived title, culprit and
 * metadata. Works on Jackson trees of the stored event; no storage or HTTP.
 */
package dev.picket.grouping;
