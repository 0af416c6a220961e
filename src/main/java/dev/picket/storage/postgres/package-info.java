/**
 * The PostgreSQL backend: turns a {@code DATABASE_URL} into a HikariCP pool and hands it to
 * {@link dev.picket.storage.jdbc.JdbcStorage}. Only {@code App} and {@code cli} name it (through
 * {@code dev.picket.App}).
 */
package dev.picket.storage.postgres;
