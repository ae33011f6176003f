export default /* sql */ `
-- Ten years of sessions made two lookups slow, each for the same reason: a session's own row holds
-- its whole summary, so reading a session's group or pack from it costs a page or more per session
-- (decrypted, since the records are encrypted).

-- The start form preselects each group's last pack: its newest session by creation time, found at
-- the end of this index instead of by sorting every session the group ever had.
CREATE INDEX sessions_by_cohort_created ON sessions (cohort_id, created_at_ms, id);

-- The Program view selects sessions by date, pack and group thousands at a time: the fidelity row
-- now carries the group and pack, so the selection never reads the sessions' rows.
ALTER TABLE session_records ADD COLUMN cohort_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session_records ADD COLUMN pack_id TEXT NOT NULL DEFAULT '';
ALTER TABLE session_records ADD COLUMN pack_title TEXT NOT NULL DEFAULT '';

UPDATE session_records
SET (cohort_id, pack_id, pack_title) = (
  SELECT s.cohort_id, s.pack_id, s.pack_title FROM sessions s WHERE s.id = session_records.session_id
);

DROP TRIGGER session_records_on_end;

CREATE TRIGGER session_records_on_end AFTER UPDATE OF summary ON sessions
BEGIN
  DELETE FROM session_records WHERE session_id = NEW.id;
  DELETE FROM session_item_records WHERE session_id = NEW.id;
  INSERT INTO session_records (
    session_id, started_at_ms, ended_at_ms, planned_minutes, actual_minutes,
    cohort_id, pack_id, pack_title
  )
  SELECT NEW.id, json_extract(NEW.summary, '$.startedAt'), json_extract(NEW.summary, '$.endedAt'),
         json_extract(NEW.summary, '$.plannedMinutes'), json_extract(NEW.summary, '$.actualMinutes'),
         NEW.cohort_id, NEW.pack_id, NEW.pack_title
  WHERE NEW.summary IS NOT NULL;
  INSERT INTO session_item_records
  SELECT NEW.id, item.key, json_extract(item.value, '$.id'), json_extract(item.value, '$.title'),
         json_extract(item.value, '$.kind'), json_extract(item.value, '$.plannedMinutes'),
         json_extract(item.value, '$.actualMinutes'), json_extract(item.value, '$.status'),
         json_extract(item.value, '$.runOrder'), json_extract(item.value, '$.skippedReason'),
         json_extract(item.value, '$.adaptedReason')
  FROM json_each(NEW.summary, '$.items') AS item
  WHERE NEW.summary IS NOT NULL;
END;

CREATE INDEX session_records_by_cohort ON session_records (cohort_id, session_id);
`;
