-- The organization/team/project web API: a project's platform and status (a deleted project is
-- kept as pending_deletion with its slug freed, as Sentry schedules deletions), and the project's
-- environments with their hidden flag. Keep logically identical to the other dialect's V6.
ALTER TABLE project ADD COLUMN platform TEXT;
ALTER TABLE project ADD COLUMN status TEXT NOT NULL DEFAULT 'active';

-- Filled from the environment tag facets (issue_tag) when the environments are listed.
CREATE TABLE project_environment (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES project (id),
  name       TEXT    NOT NULL,
  hidden     INTEGER NOT NULL DEFAULT 0,
  UNIQUE (project_id, name)
);
