package dev.picket.storage.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.picket.storage.StorageException;
import dev.picket.storage.jdbc.Dialect;
import dev.picket.storage.jdbc.JdbcStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the SQLite database {@code picket.db} in a data folder.
 *
 * <p>Every connection runs in WAL mode with {@code synchronous=NORMAL}, foreign keys on, a busy
 * timeout of 10 s and BEGIN IMMEDIATE transactions: a write transaction takes the database's write
 * lock when it starts, so writers from this pool and from other processes (the CLI while the
 * server runs) queue on the busy timeout instead of failing on a lock upgrade.
 */
public final class SqliteStorage {
  public static final String FILE_NAME = "picket.db";
  static final int BUSY_TIMEOUT_MILLIS = 10_000;
  static final int POOL_SIZE = 4;

  private SqliteStorage() {}

  /** Creates {@code dataDir} when missing, opens or creates {@code picket.db} and migrates it. */
  public static JdbcStorage open(Path dataDir) {
    Path file;
    try {
      Files.createDirectories(dataDir);
      file = dataDir.resolve(FILE_NAME).toAbsolutePath();
    } catch (IOException e) {
      throw new StorageException("could not create the data folder", e);
    }
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource sqliteDataSource = new SQLiteDataSource(sqlite);
    sqliteDataSource.setUrl("jdbc:sqlite:" + file);

    HikariConfig pool = new HikariConfig();
    pool.setPoolName("picket-sqlite");
    pool.setDataSource(sqliteDataSource);
    pool.setMaximumPoolSize(POOL_SIZE);
    // A writer may wait for the lock up to the busy timeout; a pool wait should outlast it.
    pool.setConnectionTimeout(BUSY_TIMEOUT_MILLIS + 20_000L);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(pool);
    } catch (RuntimeException e) {
      throw new StorageException("could not open the SQLite database", e);
    }
    return JdbcStorage.migrateAndOpen(Dialect.SQLITE, dataSource);
  }
}
