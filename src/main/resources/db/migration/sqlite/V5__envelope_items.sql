-- What envelopes carry besides the event: attachments, user feedback, and per-day counts of the
-- item types Picket accepts but does not store. All of it is written by EventStore.saveBatch in
-- the same transaction as the envelope's event. Keep logically identical to the other dialect's V5.

-- An attachment belongs to (project_id, event_id), not to an event row: Relay allows attachments
-- without an event item, and they may arrive before the event. data is zstd-compressed; size is
-- the plain length in bytes; content_type is what the SDK sent (NULL when nothing).
CREATE TABLE event_attachment (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id   INTEGER NOT NULL REFERENCES project (id),
  event_id     TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  content_type TEXT,
  type         TEXT    NOT NULL,
  size         INTEGER NOT NULL,
  sha1         TEXT    NOT NULL,
  data         BLOB    NOT NULL,
  date_created INTEGER NOT NULL
);
CREATE INDEX event_attachment_event ON event_attachment (project_id, event_id, id);

-- User feedback (legacy user_report items, feedback items, POST .../user-feedback/): one per
-- project and event id, as Sentry's UserReport; a later report for the same event replaces it.
CREATE TABLE user_report (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id   INTEGER NOT NULL REFERENCES project (id),
  event_id     TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  email        TEXT    NOT NULL,
  comments     TEXT    NOT NULL,
  date_created INTEGER NOT NULL,
  UNIQUE (project_id, event_id)
);
CREATE INDEX user_report_project ON user_report (project_id, date_created, id);

-- Items accepted and dropped (session, client_report, transaction ...): count per UTC day
-- (epoch seconds of the day start, by received time).
CREATE TABLE item_count (
  project_id INTEGER NOT NULL REFERENCES project (id),
  type       TEXT    NOT NULL,
  day        INTEGER NOT NULL,
  count      INTEGER NOT NULL,
  PRIMARY KEY (project_id, type, day)
);
