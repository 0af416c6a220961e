-- Picket schema, SQLite dialect. Keep it logically identical to ../postgresql/V1__schema.sql.
-- Times are epoch microseconds (INTEGER); booleans are 0/1.

CREATE TABLE organization (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  slug         TEXT    NOT NULL UNIQUE,
  name         TEXT    NOT NULL,
  date_created INTEGER NOT NULL
);

CREATE TABLE team (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id INTEGER NOT NULL REFERENCES organization (id),
  slug            TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  date_created    INTEGER NOT NULL,
  UNIQUE (organization_id, slug)
);

CREATE TABLE project (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id INTEGER NOT NULL REFERENCES organization (id),
  slug            TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  grouping_config TEXT    NOT NULL,
  next_short_id   INTEGER NOT NULL DEFAULT 1,
  date_created    INTEGER NOT NULL,
  UNIQUE (organization_id, slug)
);

CREATE TABLE project_team (
  project_id INTEGER NOT NULL REFERENCES project (id),
  team_id    INTEGER NOT NULL REFERENCES team (id),
  PRIMARY KEY (project_id, team_id)
);
CREATE INDEX project_team_team ON project_team (team_id);

CREATE TABLE project_key (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id   INTEGER NOT NULL REFERENCES project (id),
  public_key   TEXT    NOT NULL UNIQUE,
  secret_key   TEXT    NOT NULL,
  label        TEXT    NOT NULL,
  active       INTEGER NOT NULL DEFAULT 1,
  date_created INTEGER NOT NULL
);
CREATE INDEX project_key_project ON project_key (project_id, id);

-- email is stored lowercased, which makes the unique index case-insensitive.
CREATE TABLE app_user (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  email         TEXT    NOT NULL UNIQUE,
  password_hash TEXT    NOT NULL,
  superuser     INTEGER NOT NULL DEFAULT 0,
  active        INTEGER NOT NULL DEFAULT 1,
  date_created  INTEGER NOT NULL
);

CREATE TABLE member (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id INTEGER NOT NULL REFERENCES organization (id),
  user_id         INTEGER NOT NULL REFERENCES app_user (id),
  role            TEXT    NOT NULL,
  date_created    INTEGER NOT NULL,
  UNIQUE (organization_id, user_id)
);
CREATE INDEX member_user ON member (user_id);

CREATE TABLE api_token (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash   TEXT    NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES app_user (id),
  scopes       TEXT    NOT NULL,
  expires_at   INTEGER,
  date_created INTEGER NOT NULL
);
CREATE INDEX api_token_user ON api_token (user_id);

CREATE TABLE api_key (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  key_hash        TEXT    NOT NULL UNIQUE,
  organization_id INTEGER NOT NULL REFERENCES organization (id),
  scopes          TEXT    NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1,
  date_created    INTEGER NOT NULL
);
CREATE INDEX api_key_organization ON api_key (organization_id);

CREATE TABLE issue (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES project (id),
  short_id   INTEGER NOT NULL,
  title      TEXT    NOT NULL,
  culprit    TEXT,
  level      TEXT,
  type       TEXT,
  metadata   TEXT,
  logger     TEXT,
  status     TEXT    NOT NULL DEFAULT 'unresolved',
  first_seen INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  times_seen INTEGER NOT NULL,
  UNIQUE (project_id, short_id)
);
CREATE INDEX issue_project_last_seen ON issue (project_id, last_seen DESC, id DESC);

CREATE TABLE issue_hash (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES project (id),
  hash       TEXT    NOT NULL,
  issue_id   INTEGER NOT NULL REFERENCES issue (id),
  UNIQUE (project_id, hash)
);
CREATE INDEX issue_hash_issue ON issue_hash (issue_id, id);

-- payload is zstd-compressed JSON; size is the uncompressed length in bytes.
CREATE TABLE event (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES project (id),
  issue_id   INTEGER NOT NULL REFERENCES issue (id),
  event_id   TEXT    NOT NULL,
  timestamp  INTEGER NOT NULL,
  received   INTEGER NOT NULL,
  payload    BLOB    NOT NULL,
  size       INTEGER NOT NULL,
  UNIQUE (project_id, event_id)
);
CREATE INDEX event_issue_order ON event (issue_id, timestamp, event_id);
