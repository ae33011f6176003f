-- The Program view counts quiz answers per session, item and answer over years of sessions. These
-- totals are kept by triggers whenever an answer is written, changed or removed, so the view reads
-- a few rows per session instead of every answer; the answers stay the record, this is their sum.
CREATE TABLE quiz_answer_totals (
  session_id INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  answer TEXT NOT NULL,
  correct INTEGER NOT NULL,
  n INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (session_id, item_id, answer, correct)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER quiz_answer_totals_on_insert AFTER INSERT ON quiz_answers
BEGIN
  INSERT INTO quiz_answer_totals VALUES (NEW.session_id, NEW.item_id, NEW.answer, NEW.correct, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A total that reaches zero is removed (first the row at one, then any other is decremented).
CREATE TRIGGER quiz_answer_totals_on_delete AFTER DELETE ON quiz_answers
BEGIN
  DELETE FROM quiz_answer_totals
  WHERE session_id = OLD.session_id AND item_id = OLD.item_id AND answer = OLD.answer
    AND correct = OLD.correct AND n = 1;
  UPDATE quiz_answer_totals SET n = n - 1
  WHERE session_id = OLD.session_id AND item_id = OLD.item_id AND answer = OLD.answer
    AND correct = OLD.correct;
END;

-- A changed answer (the counselor corrects it, or a member changes theirs) moves one count.
CREATE TRIGGER quiz_answer_totals_on_update
AFTER UPDATE OF session_id, item_id, answer, correct ON quiz_answers
BEGIN
  DELETE FROM quiz_answer_totals
  WHERE session_id = OLD.session_id AND item_id = OLD.item_id AND answer = OLD.answer
    AND correct = OLD.correct AND n = 1;
  UPDATE quiz_answer_totals SET n = n - 1
  WHERE session_id = OLD.session_id AND item_id = OLD.item_id AND answer = OLD.answer
    AND correct = OLD.correct;
  INSERT INTO quiz_answer_totals VALUES (NEW.session_id, NEW.item_id, NEW.answer, NEW.correct, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

INSERT INTO quiz_answer_totals
SELECT session_id, item_id, answer, correct, count(*) FROM quiz_answers
GROUP BY session_id, item_id, answer, correct;

-- Each member's first session (the lowest session they were checked in at), kept as attendance is
-- marked and unmarked, so retention finds a period's first-timers by index instead of searching
-- every member's attendance. Attendance rows are only ever inserted and deleted.
CREATE TABLE member_first_sessions (
  member_id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL
) STRICT;

CREATE INDEX member_first_sessions_by_session ON member_first_sessions (session_id, member_id);

CREATE TRIGGER member_first_sessions_on_check_in AFTER INSERT ON attendance
BEGIN
  INSERT INTO member_first_sessions VALUES (NEW.member_id, NEW.session_id)
  ON CONFLICT DO UPDATE SET session_id = min(session_id, excluded.session_id);
END;

CREATE TRIGGER member_first_sessions_on_uncheck AFTER DELETE ON attendance
BEGIN
  DELETE FROM member_first_sessions
  WHERE member_id = OLD.member_id
    AND NOT EXISTS (SELECT 1 FROM attendance WHERE member_id = OLD.member_id);
  UPDATE member_first_sessions
  SET session_id = (SELECT min(session_id) FROM attendance WHERE member_id = OLD.member_id)
  WHERE member_id = OLD.member_id;
END;

INSERT INTO member_first_sessions
SELECT member_id, min(session_id) FROM attendance GROUP BY member_id;

-- A session's row also holds its summary (kilobytes of JSON each): the packs that ran come from
-- this index alone instead of a scan of every summary.
CREATE INDEX sessions_by_pack ON sessions (pack_id, pack_title);
