export default /* sql */ `
-- Per-member counts (sessions attended, quizzes taken) are read on every console refresh; without
-- these indexes they scan whole tables, which takes seconds after a few years of records.
CREATE INDEX attendance_by_member ON attendance (member_id);
CREATE INDEX quiz_answers_by_member ON quiz_answers (member_id, session_id);
`;
