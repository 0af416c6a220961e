-- User auth tokens get a name, their last characters (shown in lists; the token is stored only
-- hashed) and a last-used time. Organization auth tokens (sntrys_...) are bound to one
-- organization and stored hashed like user tokens.
ALTER TABLE api_token ADD COLUMN name TEXT;
ALTER TABLE api_token ADD COLUMN token_last_characters TEXT;
ALTER TABLE api_token ADD COLUMN last_used INTEGER;

CREATE TABLE org_auth_token (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id       INTEGER NOT NULL REFERENCES organization (id),
  token_hash            TEXT    NOT NULL UNIQUE,
  token_last_characters TEXT    NOT NULL,
  name                  TEXT    NOT NULL,
  scopes                TEXT    NOT NULL,
  date_created          INTEGER NOT NULL,
  last_used             INTEGER
);
CREATE INDEX org_auth_token_organization ON org_auth_token (organization_id, id);
