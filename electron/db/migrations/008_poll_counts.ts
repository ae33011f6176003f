export default /* sql */ `
-- A show of hands on a poll item ("Question to the room"): how many chose each option, as counted
-- and typed by the counselor. Counts, never names.
CREATE TABLE poll_counts (
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  item_id TEXT NOT NULL,
  option_key TEXT NOT NULL CHECK (length(option_key) = 1),
  count INTEGER NOT NULL CHECK (count BETWEEN 0 AND 9999),
  counted_at_ms INTEGER NOT NULL,
  PRIMARY KEY (session_id, item_id, option_key)
) STRICT;
`;
