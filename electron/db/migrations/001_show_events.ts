export default /* sql */ `
-- The show's event log: every change of what the room sees is written here before it is shown,
-- so the state after a crash is the fold of these rows.
CREATE TABLE show_events (
  id INTEGER PRIMARY KEY,
  at_ms INTEGER NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload))
) STRICT;
`;
