/**
 * The issues service: Sentry's issue search syntax, the issue list (direct hits, stats), status
 * changes, merge and delete decided here and applied through the storage interfaces. May use
 * model, storage interfaces and Jackson; never HTTP.
 */
package dev.picket.issues;
