/**
 * The JDBC implementation of the storage seam (Jdbi over a HikariCP pool), shared by SQLite and
 * PostgreSQL; {@link dev.picket.storage.jdbc.Dialect} names their few differences. All SQL of
 * Picket lives in this package and its migrations.
 */
package dev.picket.storage.jdbc;
