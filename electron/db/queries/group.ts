import type { Db } from '../database';

export interface MemberRow {
  id: number;
  cohort_id: number;
  name: string;
  joined_at_ms: number;
  graduated_at_ms: number | null;
  active: 0 | 1;
  prior_sessions: number;
  prior_note: string | null;
  certificate_override: 'grant' | 'withhold' | null;
  certificate_reason: string | null;
}

export interface FlipchartEntryRow {
  id: number;
  session_id: number;
  question_id: string;
  text: string;
  created_at_ms: number;
}

export interface QuizAnswerRow {
  session_id: number;
  member_id: number;
  item_id: string;
  answer: string;
  correct: 0 | 1;
  entered_by: 'counselor' | 'self';
  answered_at_ms: number;
}

export interface GameTeamRow {
  id: number;
  session_id: number;
  number: number;
  scenario_id: string | null;
}

export interface GameScoreRow {
  team_id: number;
  criterion_id: string;
  points: number;
}

export function listMembers(db: Db, cohortId: number): MemberRow[] {
  return db
    .prepare<[number], MemberRow>(
      'SELECT * FROM members WHERE cohort_id = ? ORDER BY name COLLATE NOCASE',
    )
    .all(cohortId);
}

export function getMember(db: Db, id: number): MemberRow | undefined {
  return db.prepare<[number], MemberRow>('SELECT * FROM members WHERE id = ?').get(id);
}

export function insertMember(db: Db, cohortId: number, name: string, atMs: number): MemberRow {
  return db
    .prepare<[number, string, number], MemberRow>(
      'INSERT INTO members (cohort_id, name, joined_at_ms) VALUES (?, ?, ?) RETURNING *',
    )
    .get(cohortId, name, atMs)!;
}

export function setMemberGraduated(db: Db, id: number, atMs: number | null): void {
  db.prepare<[number | null, number]>('UPDATE members SET graduated_at_ms = ? WHERE id = ?').run(
    atMs,
    id,
  );
}

export function setMemberStanding(
  db: Db,
  id: number,
  standing: {
    priorSessions: number;
    priorNote: string | null;
    override: 'grant' | 'withhold' | null;
    reason: string | null;
  },
): void {
  db.prepare<[number, string | null, string | null, string | null, number]>(
    `UPDATE members SET prior_sessions = ?, prior_note = ?, certificate_override = ?,
       certificate_reason = ? WHERE id = ?`,
  ).run(standing.priorSessions, standing.priorNote, standing.override, standing.reason, id);
}

export function countSessionsAttended(db: Db, memberId: number): number {
  return db
    .prepare<[number], { n: number }>('SELECT count(*) AS n FROM attendance WHERE member_id = ?')
    .get(memberId)!.n;
}

export function countQuizzesTaken(db: Db, memberId: number): number {
  return db
    .prepare<[number], { n: number }>(
      'SELECT count(DISTINCT session_id) AS n FROM quiz_answers WHERE member_id = ?',
    )
    .get(memberId)!.n;
}

export function listAttendance(
  db: Db,
  sessionId: number,
): { member_id: number; checked_in_at_ms: number }[] {
  return db
    .prepare<[number], { member_id: number; checked_in_at_ms: number }>(
      'SELECT member_id, checked_in_at_ms FROM attendance WHERE session_id = ?',
    )
    .all(sessionId);
}

export function insertAttendance(db: Db, sessionId: number, memberId: number, atMs: number): void {
  db.prepare<[number, number, number]>(
    'INSERT OR IGNORE INTO attendance (session_id, member_id, checked_in_at_ms) VALUES (?, ?, ?)',
  ).run(sessionId, memberId, atMs);
}

export function deleteAttendance(db: Db, sessionId: number, memberId: number): void {
  db.prepare<[number, number]>('DELETE FROM attendance WHERE session_id = ? AND member_id = ?').run(
    sessionId,
    memberId,
  );
}

export function listFlipchart(db: Db, sessionId: number, questionId: string): FlipchartEntryRow[] {
  return db
    .prepare<[number, string], FlipchartEntryRow>(
      'SELECT * FROM flipchart_entries WHERE session_id = ? AND question_id = ? ORDER BY id',
    )
    .all(sessionId, questionId);
}

export function insertFlipchart(
  db: Db,
  sessionId: number,
  questionId: string,
  text: string,
  atMs: number,
): FlipchartEntryRow {
  return db
    .prepare<[number, string, string, number], FlipchartEntryRow>(
      'INSERT INTO flipchart_entries (session_id, question_id, text, created_at_ms) VALUES (?, ?, ?, ?) RETURNING *',
    )
    .get(sessionId, questionId, text, atMs)!;
}

export function deleteFlipchart(db: Db, sessionId: number, id: number): number {
  return db
    .prepare<[number, number]>('DELETE FROM flipchart_entries WHERE session_id = ? AND id = ?')
    .run(sessionId, id).changes;
}

export function upsertQuizAnswer(db: Db, row: QuizAnswerRow): void {
  db.prepare(
    `INSERT INTO quiz_answers (session_id, member_id, item_id, answer, correct, entered_by, answered_at_ms)
     VALUES (@session_id, @member_id, @item_id, @answer, @correct, @entered_by, @answered_at_ms)
     ON CONFLICT (session_id, member_id, item_id) DO UPDATE SET
       answer = excluded.answer, correct = excluded.correct, entered_by = excluded.entered_by,
       answered_at_ms = excluded.answered_at_ms`,
  ).run(row);
}

export function deleteQuizAnswer(
  db: Db,
  sessionId: number,
  memberId: number,
  itemId: string,
): void {
  db.prepare<[number, number, string]>(
    'DELETE FROM quiz_answers WHERE session_id = ? AND member_id = ? AND item_id = ?',
  ).run(sessionId, memberId, itemId);
}

export function listQuizAnswers(db: Db, sessionId: number): QuizAnswerRow[] {
  return db
    .prepare<[number], QuizAnswerRow>('SELECT * FROM quiz_answers WHERE session_id = ?')
    .all(sessionId);
}

export function listPollCounts(
  db: Db,
  sessionId: number,
): { item_id: string; option_key: string; count: number }[] {
  return db
    .prepare<[number], { item_id: string; option_key: string; count: number }>(
      'SELECT item_id, option_key, count FROM poll_counts WHERE session_id = ?',
    )
    .all(sessionId);
}

export function upsertPollCount(
  db: Db,
  row: { sessionId: number; itemId: string; optionKey: string; count: number; atMs: number },
): void {
  db.prepare(
    `INSERT INTO poll_counts (session_id, item_id, option_key, count, counted_at_ms)
     VALUES (@sessionId, @itemId, @optionKey, @count, @atMs)
     ON CONFLICT (session_id, item_id, option_key) DO UPDATE SET
       count = excluded.count, counted_at_ms = excluded.counted_at_ms`,
  ).run(row);
}

export function listTeams(db: Db, sessionId: number): GameTeamRow[] {
  return db
    .prepare<[number], GameTeamRow>('SELECT * FROM game_teams WHERE session_id = ? ORDER BY number')
    .all(sessionId);
}

export function listTeamMembers(db: Db, teamId: number): number[] {
  return db
    .prepare<[number], { member_id: number }>(
      'SELECT member_id FROM game_team_members WHERE team_id = ?',
    )
    .all(teamId)
    .map((row) => row.member_id);
}

export function listScores(db: Db, teamId: number): GameScoreRow[] {
  return db
    .prepare<[number], GameScoreRow>('SELECT * FROM game_scores WHERE team_id = ?')
    .all(teamId);
}

export function replaceTeams(
  db: Db,
  sessionId: number,
  teams: { number: number; scenarioId: string | null; memberIds: number[] }[],
): void {
  const existing = listTeams(db, sessionId).map((team) => team.id);
  for (const id of existing) {
    db.prepare<[number]>('DELETE FROM game_scores WHERE team_id = ?').run(id);
    db.prepare<[number]>('DELETE FROM game_team_members WHERE team_id = ?').run(id);
  }
  db.prepare<[number]>('DELETE FROM game_teams WHERE session_id = ?').run(sessionId);
  for (const team of teams) {
    const row = db
      .prepare<[number, number, string | null], GameTeamRow>(
        'INSERT INTO game_teams (session_id, number, scenario_id) VALUES (?, ?, ?) RETURNING *',
      )
      .get(sessionId, team.number, team.scenarioId)!;
    for (const memberId of team.memberIds) {
      db.prepare<[number, number]>(
        'INSERT INTO game_team_members (team_id, member_id) VALUES (?, ?)',
      ).run(row.id, memberId);
    }
  }
}

export function upsertScore(db: Db, teamId: number, criterionId: string, points: number): void {
  db.prepare<[number, string, number]>(
    `INSERT INTO game_scores (team_id, criterion_id, points) VALUES (?, ?, ?)
     ON CONFLICT (team_id, criterion_id) DO UPDATE SET points = excluded.points`,
  ).run(teamId, criterionId, points);
}

/** Attended sessions in which the group took a quiz: the ones a member in good standing answered. */
export function countQuizSessionsAttended(db: Db, memberId: number): number {
  return db
    .prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM attendance a
         WHERE a.member_id = ? AND EXISTS (SELECT 1 FROM quiz_answers q WHERE q.session_id = a.session_id)`,
    )
    .get(memberId)!.n;
}
