/**
 * Domain values as records: ids, organizations, projects, keys, events, issues. No framework
 * dependencies; everything else in Picket may use this package.
 */
package dev.picket.model;
