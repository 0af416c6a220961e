package dev.picket.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.picket.storage.ArtifactStore;
import dev.picket.storage.AuthStore;
import dev.picket.storage.EventStore;
import dev.picket.storage.IssueStore;
import dev.picket.storage.ItemStore;
import dev.picket.storage.ProjectStore;
import dev.picket.storage.QuotaStore;
import dev.picket.storage.ReleaseStore;
import dev.picket.storage.Storage;
import dev.picket.storage.StorageException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Storage} over a HikariCP pool with Jdbi; the same code serves SQLite and PostgreSQL.
 * Obtain one from {@code SqliteStorage.open}, {@code PostgresStorage.open} or
 * {@code dev.picket.App}; closing it closes the pool.
 */
public final class JdbcStorage implements Storage {
  private final HikariDataSource dataSource;
  private final Database db;
  private final EventStore events;
  private final IssueStore issues;
  private final ProjectStore projects;
  private final AuthStore auth;
  private final QuotaStore quotas;
  private final ItemStore items;
  private final ReleaseStore releases;
  private final ArtifactStore artifacts;

  private JdbcStorage(Dialect dialect, HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.db = new Database(Jdbi.create(dataSource), dialect);
    this.events = new JdbcEventStore(db);
    this.issues = new JdbcIssueStore(db);
    this.projects = new JdbcProjectStore(db);
    this.auth = new JdbcAuthStore(db);
    this.quotas = new JdbcQuotaStore(db);
    this.items = new JdbcItemStore(db);
    this.releases = new JdbcReleaseStore(db);
    this.artifacts = new JdbcArtifactStore(db);
  }

  /**
   * Migrates the database to the newest schema of the dialect, then returns a storage that owns
   * {@code dataSource} (closes it on {@link #close}, and also when the migration fails).
   */
  public static JdbcStorage migrateAndOpen(Dialect dialect, HikariDataSource dataSource) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrations())
          .load()
          .migrate();
      return new JdbcStorage(dialect, dataSource);
    } catch (FlywayException | StorageException e) {
      dataSource.close();
      throw new StorageException("could not migrate the database", e);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  public Dialect dialect() {
    return db.dialect();
  }

  @Override
  public EventStore events() {
    return events;
  }

  @Override
  public IssueStore issues() {
    return issues;
  }

  @Override
  public ProjectStore projects() {
    return projects;
  }

  @Override
  public AuthStore auth() {
    return auth;
  }

  @Override
  public QuotaStore quotas() {
    return quotas;
  }

  @Override
  public ItemStore items() {
    return items;
  }

  @Override
  public ReleaseStore releases() {
    return releases;
  }

  @Override
  public ArtifactStore artifacts() {
    return artifacts;
  }

  @Override
  public void check() {
    int one = db.read("reach the database", h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    if (one != 1) {
      throw new StorageException("the database answered a trivial query wrongly", null);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
