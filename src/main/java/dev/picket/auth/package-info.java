/**
 * Who may do what: tokens, API keys, password hashing, scopes, roles and organization access.
 * Uses the storage interfaces and the model; knows nothing of HTTP.
 */
package dev.picket.auth;
