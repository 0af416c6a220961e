/**
 * Administration services shared by the CLI and the first start: organizations, projects, users,
 * tokens, keys. Uses auth, protocol (DSN form) and the storage interfaces.
 */
package dev.picket.admin;
