-- Rate limits: an optional per-key limit (Sentry's rateLimit {window, count}) and fixed-window
-- counters shared by every node on the same database.
ALTER TABLE project_key ADD COLUMN rate_limit_window INTEGER;
ALTER TABLE project_key ADD COLUMN rate_limit_count INTEGER;

CREATE TABLE quota_counter (
  counter      TEXT   NOT NULL,
  window_start BIGINT NOT NULL,
  count        BIGINT NOT NULL,
  PRIMARY KEY (counter, window_start)
);
