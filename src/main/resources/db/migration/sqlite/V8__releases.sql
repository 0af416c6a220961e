-- Releases per organization (Sentry's Release), the projects they belong to, their deploys, and
-- what sentry-cli uploads: content-addressed chunks and the artifact bundles assembled from them.
-- Keep logically identical to the other dialect's V8.

CREATE TABLE org_release (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id INTEGER NOT NULL REFERENCES organization (id),
  version         TEXT NOT NULL,
  ref             TEXT,
  url             TEXT,
  date_created    INTEGER NOT NULL,
  date_started    INTEGER,
  date_released   INTEGER,
  status          TEXT NOT NULL DEFAULT 'open',
  UNIQUE (organization_id, version)
);

CREATE TABLE release_project (
  release_id INTEGER NOT NULL REFERENCES org_release (id),
  project_id INTEGER NOT NULL REFERENCES project (id),
  PRIMARY KEY (release_id, project_id)
);
CREATE INDEX release_project_project ON release_project (project_id, release_id);

CREATE TABLE deploy (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  release_id    INTEGER NOT NULL REFERENCES org_release (id),
  environment   TEXT NOT NULL,
  name          TEXT,
  url           TEXT,
  date_started  INTEGER,
  date_finished INTEGER NOT NULL
);
CREATE INDEX deploy_release ON deploy (release_id, id);

-- Uploaded chunks by the SHA-1 of their uncompressed bytes, per organization.
CREATE TABLE upload_chunk (
  organization_id INTEGER NOT NULL REFERENCES organization (id),
  checksum        TEXT NOT NULL,
  data            BLOB NOT NULL,
  date_created    INTEGER NOT NULL,
  PRIMARY KEY (organization_id, checksum)
);

-- An assembled artifact bundle (the zip sentry-cli builds) and the files of its manifest.
CREATE TABLE artifact_bundle (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id INTEGER NOT NULL REFERENCES organization (id),
  checksum        TEXT NOT NULL,
  release_version TEXT,
  dist            TEXT,
  date_created    INTEGER NOT NULL,
  UNIQUE (organization_id, checksum)
);

CREATE TABLE artifact_file (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  bundle_id   INTEGER NOT NULL REFERENCES artifact_bundle (id),
  path        TEXT NOT NULL,
  url         TEXT,
  type        TEXT,
  debug_id    TEXT,
  headers     TEXT NOT NULL,
  sha1        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  data        BLOB NOT NULL
);
CREATE INDEX artifact_file_bundle ON artifact_file (bundle_id, id);
CREATE INDEX artifact_bundle_release ON artifact_bundle (organization_id, release_version);

-- Releases seen in events before this migration become organization releases.
INSERT INTO org_release (organization_id, version, date_created)
  SELECT p.organization_id, pr.version, MIN(pr.first_seen)
  FROM project_release pr JOIN project p ON p.id = pr.project_id
  GROUP BY p.organization_id, pr.version;
INSERT INTO release_project (release_id, project_id)
  SELECT r.id, pr.project_id
  FROM project_release pr JOIN project p ON p.id = pr.project_id
  JOIN org_release r ON r.organization_id = p.organization_id AND r.version = pr.version;
