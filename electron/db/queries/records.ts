/** Read-only queries over the group records, shaped for reports and exports. */
import type { Db } from '../database';
import type { FlipchartEntryRow, GameScoreRow, MemberRow, QuizAnswerRow } from './group';
import { decodeSession, type SessionRow, type StoredSessionRow } from './sessions';

export type {
  FlipchartEntryRow as FlipchartEntryRow,
  GameScoreRow,
  GameTeamRow,
  MemberRow,
  QuizAnswerRow,
} from './group';

export interface MemberWithCohortRow extends MemberRow {
  cohort_name: string;
}

export interface SessionWithCohortRow extends SessionRow {
  cohort_name: string;
}

export interface AttendanceExportRow {
  session_id: number;
  cohort_name: string;
  member_id: number;
  member_name: string;
  checked_in_at_ms: number;
}

export interface QuizAnswerExportRow extends QuizAnswerRow {
  cohort_name: string;
  member_name: string;
}

export interface GameScoreExportRow extends GameScoreRow {
  session_id: number;
  team_number: number;
  scenario_id: string | null;
}

export interface MemberSessionRow {
  member_id: number;
  session_id: number;
  attended: number;
}

export function attendedMemberNames(db: Db, sessionId: number): string[] {
  return db
    .prepare<[number], { name: string }>(
      `SELECT m.name FROM attendance a JOIN members m ON m.id = a.member_id
       WHERE a.session_id = ? ORDER BY m.name COLLATE NOCASE, m.id`,
    )
    .all(sessionId)
    .map((row) => row.name);
}

export function listSessionQuizAnswers(db: Db, sessionId: number): QuizAnswerRow[] {
  return db
    .prepare<[number], QuizAnswerRow>(
      'SELECT * FROM quiz_answers WHERE session_id = ? ORDER BY item_id, member_id',
    )
    .all(sessionId);
}

export function teamMemberNames(db: Db, teamId: number): string[] {
  return db
    .prepare<[number], { name: string }>(
      `SELECT m.name FROM game_team_members t JOIN members m ON m.id = t.member_id
       WHERE t.team_id = ? ORDER BY m.name COLLATE NOCASE, m.id`,
    )
    .all(teamId)
    .map((row) => row.name);
}

export function listTeamScores(db: Db, teamId: number): GameScoreRow[] {
  return db
    .prepare<[number], GameScoreRow>(
      'SELECT * FROM game_scores WHERE team_id = ? ORDER BY criterion_id',
    )
    .all(teamId);
}

export function listAllCohorts(db: Db): { id: number; name: string; created_at_ms: number }[] {
  return db
    .prepare<[], { id: number; name: string; created_at_ms: number }>(
      'SELECT * FROM cohorts ORDER BY id',
    )
    .all();
}

export function listAllMembers(db: Db): MemberWithCohortRow[] {
  return db
    .prepare<[], MemberWithCohortRow>(
      `SELECT m.*, c.name AS cohort_name FROM members m JOIN cohorts c ON c.id = m.cohort_id
       ORDER BY m.id`,
    )
    .all();
}

export function listAllSessions(db: Db): SessionWithCohortRow[] {
  return db
    .prepare<[], StoredSessionRow & { cohort_name: string }>(
      `SELECT s.*, c.name AS cohort_name FROM sessions s JOIN cohorts c ON c.id = s.cohort_id
       ORDER BY s.id`,
    )
    .all()
    .map(decodeSession);
}

export function listAllAttendance(db: Db): AttendanceExportRow[] {
  return db
    .prepare<[], AttendanceExportRow>(
      `SELECT a.session_id, c.name AS cohort_name, a.member_id, m.name AS member_name,
              a.checked_in_at_ms
       FROM attendance a
       JOIN members m ON m.id = a.member_id
       JOIN sessions s ON s.id = a.session_id
       JOIN cohorts c ON c.id = s.cohort_id
       ORDER BY a.session_id, m.name COLLATE NOCASE, m.id`,
    )
    .all();
}

export function listAllQuizAnswers(db: Db): QuizAnswerExportRow[] {
  return db
    .prepare<[], QuizAnswerExportRow>(
      `SELECT q.*, c.name AS cohort_name, m.name AS member_name
       FROM quiz_answers q
       JOIN members m ON m.id = q.member_id
       JOIN sessions s ON s.id = q.session_id
       JOIN cohorts c ON c.id = s.cohort_id
       ORDER BY q.session_id, m.name COLLATE NOCASE, m.id, q.item_id`,
    )
    .all();
}

export function listAllFlipchart(db: Db): FlipchartEntryRow[] {
  return db
    .prepare<[], FlipchartEntryRow>('SELECT * FROM flipchart_entries ORDER BY session_id, id')
    .all();
}

export function listAllGameScores(db: Db): GameScoreExportRow[] {
  return db
    .prepare<[], GameScoreExportRow>(
      `SELECT t.session_id, t.number AS team_number, t.scenario_id, g.*
       FROM game_scores g JOIN game_teams t ON t.id = g.team_id
       ORDER BY t.session_id, t.number, g.criterion_id`,
    )
    .all();
}

export function listAllTeamMembers(db: Db): { team_id: number; name: string }[] {
  return db
    .prepare<[], { team_id: number; name: string }>(
      `SELECT t.team_id, m.name FROM game_team_members t JOIN members m ON m.id = t.member_id
       ORDER BY t.team_id, m.name COLLATE NOCASE, m.id`,
    )
    .all();
}

/** Every member with a session they attended or answered quiz items in. */
export function listMemberSessions(db: Db): MemberSessionRow[] {
  return db
    .prepare<[], MemberSessionRow>(
      `SELECT member_id, session_id, max(attended) AS attended FROM (
         SELECT member_id, session_id, 1 AS attended FROM attendance
         UNION ALL
         SELECT member_id, session_id, 0 AS attended FROM quiz_answers
       ) GROUP BY member_id, session_id ORDER BY member_id, session_id`,
    )
    .all();
}

export function listAllQuizAnswerRows(db: Db): QuizAnswerRow[] {
  return db
    .prepare<[], QuizAnswerRow>('SELECT * FROM quiz_answers ORDER BY session_id, member_id')
    .all();
}

export function isoTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '' : new Date(ms).toISOString();
}
