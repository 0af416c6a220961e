package dev.picket.storage;

/** The whole persistence seam: one object per backend (SQLite, PostgreSQL). */
public interface Storage extends AutoCloseable {
  EventStore events();

  IssueStore issues();

  ProjectStore projects();

  AuthStore auth();

  QuotaStore quotas();

  ItemStore items();
  ReleaseStore releases();

  ArtifactStore artifacts();

  /** Throws {@link StorageException} when the database cannot serve a trivial query. */
  void check();

  @Override
  void close();
}
