-- Issues: Sentry's lifecycle (status, statusDetails, resolution and snooze conditions), releases,
-- and the per-issue aggregates the issues API reads (users, hourly counts, tag facets). All of it
-- is maintained by EventStore.saveBatch in the same transaction as the event, so it stays exact.
-- Keep logically identical to the other dialect's V4.

-- statusDetails is the JSON object the API shows; the columns below it are what the writer
-- evaluates for every event (resolution_release_id / ignore_*_target are absolute thresholds).
ALTER TABLE issue ADD COLUMN status_details TEXT NOT NULL DEFAULT '{}';
ALTER TABLE issue ADD COLUMN first_release TEXT;
ALTER TABLE issue ADD COLUMN last_release TEXT;
ALTER TABLE issue ADD COLUMN user_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE issue ADD COLUMN resolution_type TEXT;
ALTER TABLE issue ADD COLUMN resolution_release_id INTEGER;
ALTER TABLE issue ADD COLUMN ignore_until INTEGER;
ALTER TABLE issue ADD COLUMN ignore_count_target INTEGER;
ALTER TABLE issue ADD COLUMN ignore_users_target INTEGER;
CREATE INDEX issue_project_first_seen ON issue (project_id, first_seen);
CREATE INDEX issue_project_times_seen ON issue (project_id, times_seen);

-- A project's releases in the order the project first saw them: id order is "newer".
CREATE TABLE project_release (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES project (id),
  version    TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  UNIQUE (project_id, version)
);

-- Distinct sentry:user tag values per issue (userCount).
CREATE TABLE issue_user (
  issue_id INTEGER NOT NULL REFERENCES issue (id),
  value    TEXT NOT NULL,
  PRIMARY KEY (issue_id, value)
);

-- Events per issue and hour (epoch seconds of the hour start, by event timestamp).
CREATE TABLE issue_bucket (
  issue_id INTEGER NOT NULL REFERENCES issue (id),
  hour     INTEGER NOT NULL,
  count    INTEGER NOT NULL,
  PRIMARY KEY (issue_id, hour)
);

-- Tag facets per issue: every (key, value) seen, with its count and seen range.
CREATE TABLE issue_tag (
  issue_id   INTEGER NOT NULL REFERENCES issue (id),
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  count      INTEGER NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  PRIMARY KEY (issue_id, key, value)
);
CREATE INDEX issue_tag_search ON issue_tag (key, value, issue_id);

-- What happened to an issue (set_regression, set_unresolved, merge ...); data is a JSON object.
CREATE TABLE issue_activity (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  issue_id     INTEGER NOT NULL REFERENCES issue (id),
  type         TEXT NOT NULL,
  data         TEXT NOT NULL,
  date_created INTEGER NOT NULL
);
CREATE INDEX issue_activity_issue ON issue_activity (issue_id, id);

CREATE INDEX event_project_order ON event (project_id, timestamp, event_id);
