export default /* sql */ `
-- The Program view counts quiz answers per session and item, and the wrong answers chosen, over
-- years of sessions. These totals are kept by triggers whenever an answer is written, changed or
-- removed, so the view reads a few rows per session instead of every answer; the answers stay the
-- record, these are their sums. Wrong answers are keyed right after the session so that they are
-- read without the right ones.
CREATE TABLE quiz_item_totals (
  session_id INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  answered INTEGER NOT NULL CHECK (answered > 0),
  correct INTEGER NOT NULL CHECK (correct BETWEEN 0 AND answered),
  PRIMARY KEY (session_id, item_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE quiz_answer_totals (
  session_id INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  answer TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (session_id, correct, item_id, answer)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER quiz_totals_on_insert AFTER INSERT ON quiz_answers
BEGIN
  INSERT INTO quiz_item_totals VALUES (NEW.session_id, NEW.item_id, 1, NEW.correct)
  ON CONFLICT DO UPDATE SET answered = answered + 1, correct = correct + excluded.correct;
  INSERT INTO quiz_answer_totals VALUES (NEW.session_id, NEW.correct, NEW.item_id, NEW.answer, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A total that reaches zero is removed (first the row at one, then any other is decremented).
CREATE TRIGGER quiz_totals_on_delete AFTER DELETE ON quiz_answers
BEGIN
  DELETE FROM quiz_item_totals
  WHERE session_id = OLD.session_id AND item_id = OLD.item_id AND answered = 1;
  UPDATE quiz_item_totals SET answered = answered - 1, correct = correct - OLD.correct
  WHERE session_id = OLD.session_id AND item_id = OLD.item_id;
  DELETE FROM quiz_answer_totals
  WHERE session_id = OLD.session_id AND correct = OLD.correct AND item_id = OLD.item_id
    AND answer = OLD.answer AND n = 1;
  UPDATE quiz_answer_totals SET n = n - 1
  WHERE session_id = OLD.session_id AND correct = OLD.correct AND item_id = OLD.item_id
    AND answer = OLD.answer;
END;

-- A changed answer (the counselor corrects it, or a member changes theirs) moves one count.
CREATE TRIGGER quiz_totals_on_update
AFTER UPDATE OF session_id, item_id, answer, correct ON quiz_answers
BEGIN
  DELETE FROM quiz_item_totals
  WHERE session_id = OLD.session_id AND item_id = OLD.item_id AND answered = 1;
  UPDATE quiz_item_totals SET answered = answered - 1, correct = correct - OLD.correct
  WHERE session_id = OLD.session_id AND item_id = OLD.item_id;
  DELETE FROM quiz_answer_totals
  WHERE session_id = OLD.session_id AND correct = OLD.correct AND item_id = OLD.item_id
    AND answer = OLD.answer AND n = 1;
  UPDATE quiz_answer_totals SET n = n - 1
  WHERE session_id = OLD.session_id AND correct = OLD.correct AND item_id = OLD.item_id
    AND answer = OLD.answer;
  INSERT INTO quiz_item_totals VALUES (NEW.session_id, NEW.item_id, 1, NEW.correct)
  ON CONFLICT DO UPDATE SET answered = answered + 1, correct = correct + excluded.correct;
  INSERT INTO quiz_answer_totals VALUES (NEW.session_id, NEW.correct, NEW.item_id, NEW.answer, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

INSERT INTO quiz_item_totals
SELECT session_id, item_id, count(*), sum(correct) FROM quiz_answers GROUP BY session_id, item_id;
INSERT INTO quiz_answer_totals
SELECT session_id, correct, item_id, answer, count(*) FROM quiz_answers
GROUP BY session_id, correct, item_id, answer;

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
`;
