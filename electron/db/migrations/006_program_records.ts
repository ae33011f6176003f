export default /* sql */ `
-- The Program view reads years of fidelity records at once. Each ended session's summary (JSON) is
-- also kept here as rows: the session's times and, per agenda item, what was delivered, for how
-- long and in what order. Triggers fill them whenever a summary is written, so they cannot drift
-- from it; the summary stays the record, these rows are its index.
CREATE TABLE session_records (
  session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  started_at_ms INTEGER NOT NULL,
  ended_at_ms INTEGER NOT NULL,
  planned_minutes REAL NOT NULL,
  actual_minutes REAL NOT NULL
) STRICT;

CREATE INDEX session_records_by_start ON session_records (started_at_ms);

CREATE TABLE session_item_records (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  planned_minutes REAL NOT NULL,
  actual_minutes REAL NOT NULL,
  status TEXT NOT NULL CHECK (
    status IN ('delivered', 'adapted', 'passed-through', 'skipped', 'not-reached')
  ),
  run_order INTEGER,
  skipped_reason TEXT,
  adapted_reason TEXT,
  PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER session_records_on_end AFTER UPDATE OF summary ON sessions
BEGIN
  DELETE FROM session_records WHERE session_id = NEW.id;
  DELETE FROM session_item_records WHERE session_id = NEW.id;
  INSERT INTO session_records
  SELECT NEW.id, json_extract(NEW.summary, '$.startedAt'), json_extract(NEW.summary, '$.endedAt'),
         json_extract(NEW.summary, '$.plannedMinutes'), json_extract(NEW.summary, '$.actualMinutes')
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

-- Rows written with their summary (imports, fixtures) and the sessions that ended before this
-- migration go through the same trigger.
CREATE TRIGGER session_records_on_insert AFTER INSERT ON sessions
WHEN NEW.summary IS NOT NULL
BEGIN
  UPDATE sessions SET summary = NEW.summary WHERE id = NEW.id;
END;

UPDATE sessions SET summary = summary WHERE summary IS NOT NULL;

-- A group's sessions in order (retention follows each member to their group's next sessions).
CREATE INDEX sessions_by_cohort ON sessions (cohort_id, id);
-- Replaces attendance_by_member: the same lookups by member, and a member's first session from the
-- index alone.
DROP INDEX attendance_by_member;
CREATE INDEX attendance_by_member ON attendance (member_id, session_id);
-- Quiz answers counted per session, item and answer straight from the index, without reading rows.
CREATE INDEX quiz_answers_by_session_item ON quiz_answers (session_id, item_id, answer, correct);
`;
