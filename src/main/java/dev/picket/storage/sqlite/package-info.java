/**
 * The SQLite backend: opens {@code picket.db} in the data folder with the pragmas Picket relies on
 * and hands it to {@link dev.picket.storage.jdbc.JdbcStorage}. Only {@code App} and {@code cli}
 * name it (through {@code dev.picket.App}).
 */
package dev.picket.storage.sqlite;
