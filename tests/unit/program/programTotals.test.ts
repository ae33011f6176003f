/** Migration 009's totals: kept equal to what they sum up through every kind of change. */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/db/database';
import {
  insertAttendance,
  deleteQuizAnswer,
  deleteAttendance,
  upsertQuizAnswer,
} from '../../../electron/db/queries/group';
import { makeTempDir } from '../../helpers/tempDir';
import { TEST_KEY } from '../../helpers/recordsKey';
import {
  answer,
  groupFivePack,
  insertCohort,
  insertMember,
  insertSession,
  summaryOf,
  T0,
} from '../records/fixtures';

const pack = groupFivePack();
let dir: ReturnType<typeof makeTempDir>;
let db: Db;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
});
afterEach(() => {
  db.close();
  dir.remove();
});

const rows = (sql: string) => db.prepare(sql).all();
const totals = () => ({
  items: rows('SELECT session_id, item_id, answered, correct FROM quiz_item_totals ORDER BY 1, 2'),
  answers: rows(
    'SELECT session_id, item_id, answer, correct, n FROM quiz_answer_totals ORDER BY 1, 2, 3, 4',
  ),
});
const counted = () => ({
  items: rows(
    `SELECT session_id, item_id, count(*) AS answered, sum(correct) AS correct FROM quiz_answers
     GROUP BY session_id, item_id ORDER BY 1, 2`,
  ),
  answers: rows(
    `SELECT session_id, item_id, answer, correct, count(*) AS n FROM quiz_answers
     GROUP BY session_id, item_id, answer, correct ORDER BY 1, 2, 3, 4`,
  ),
});

it('follows answers written, changed (upsert), corrected and removed', () => {
  const cohort = insertCohort(db, 'Tuesday group');
  const members = ['Ana', 'Ben', 'Cy'].map((name) => insertMember(db, cohort, name));
  const sessions = [0, 1].map((week) =>
    insertSession(db, cohort, pack, summaryOf(pack, {}, T0 + week * 7 * 24 * 3600_000)),
  );
  const [first, second] = pack.quiz!.items;
  for (const member of members) {
    answer(db, pack, sessions[0]!, member, first!.id, first!.answer);
    answer(db, pack, sessions[1]!, member, second!.id, 'a');
  }
  expect(totals()).toEqual(counted());
  const write = (member: number, key: string) =>
    upsertQuizAnswer(db, {
      session_id: sessions[0]!,
      member_id: member,
      item_id: first!.id,
      answer: key,
      correct: key === first!.answer ? 1 : 0,
      entered_by: 'self',
      answered_at_ms: 1,
    });
  // A member changes their answer; another's is the same again (no change in the counts).
  write(members[0]!, first!.answer === 'b' ? 'c' : 'b');
  write(members[1]!, first!.answer);
  expect(totals()).toEqual(counted());
  deleteQuizAnswer(db, sessions[0]!, members[0]!, first!.id);
  deleteQuizAnswer(db, sessions[1]!, members[2]!, second!.id);
  expect(totals()).toEqual(counted());
  db.prepare('DELETE FROM quiz_answers').run();
  expect(totals()).toEqual({ items: [], answers: [] });
});

it('keeps each member’s first session as attendance is marked and unmarked', () => {
  const cohort = insertCohort(db, 'Tuesday group');
  const [ana, ben] = ['Ana', 'Ben'].map((name) => insertMember(db, cohort, name));
  const sessions = [0, 1, 2].map((week) =>
    insertSession(db, cohort, pack, summaryOf(pack, {}, T0 + week * 7 * 24 * 3600_000)),
  );
  const firsts = () =>
    db.prepare('SELECT member_id, session_id FROM member_first_sessions ORDER BY 1').all();
  const expected = () =>
    db
      .prepare(
        'SELECT member_id, min(session_id) AS session_id FROM attendance GROUP BY 1 ORDER BY 1',
      )
      .all();
  insertAttendance(db, sessions[1]!, ana!, T0);
  insertAttendance(db, sessions[2]!, ana!, T0);
  insertAttendance(db, sessions[0]!, ana!, T0);
  insertAttendance(db, sessions[2]!, ben!, T0);
  expect(firsts()).toEqual(expected());
  deleteAttendance(db, sessions[0]!, ana!);
  expect(firsts()).toEqual(expected());
  deleteAttendance(db, sessions[2]!, ben!);
  expect(firsts()).toEqual(expected());
  expect(firsts()).toEqual([{ member_id: ana, session_id: sessions[1] }]);
});
