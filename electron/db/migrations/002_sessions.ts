export default /* sql */ `
-- Sessions replace the foundation's single show log: each group run has its own event log.
DROP TABLE show_events;

CREATE TABLE cohorts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  pack_id TEXT NOT NULL,
  pack_version TEXT NOT NULL,
  pack_title TEXT NOT NULL,
  facilitators TEXT NOT NULL CHECK (json_valid(facilitators)),
  time_keeper TEXT,
  created_at_ms INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('live', 'ended')),
  summary TEXT CHECK (summary IS NULL OR json_valid(summary))
) STRICT;

-- At most one live session at a time.
CREATE UNIQUE INDEX one_live_session ON sessions (status) WHERE status = 'live';

CREATE TABLE session_events (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  at_ms INTEGER NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload))
) STRICT;

CREATE INDEX session_events_by_session ON session_events (session_id, id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
`;
